"""Model and codec basics: round trips, determinism, and rejected input."""

from __future__ import annotations

import json

import pytest

from roadmap_app.model import Edge, EdgeKind, Node, Roadmap, Status
from roadmap_app.model.errors import CycleError, DanglingEdgeError, DuplicateIdError
from roadmap_app.storage import FileFormatError, NewerVersionError, dumps, loads


def small() -> Roadmap:
    return Roadmap(
        id="r",
        title="R",
        nodes=[Node(id="a", title="A", estimated_hours=5), Node(id="b", title="B")],
        edges=[Edge(source="a", target="b", kind=EdgeKind.PREREQUISITE)],
    )


def test_round_trip_and_determinism():
    data = dumps(small())
    assert data.endswith(b"\n")
    loaded = loads(data)
    assert loaded.roadmap == small()
    assert dumps(loaded.roadmap) == data


def test_unknown_fields_survive():
    raw = json.loads(dumps(small()))
    raw["roadmap"]["nodes"][0]["future_field"] = {"x": 1}
    raw["extra_top"] = 3
    loaded = loads(json.dumps(raw).encode())
    out = json.loads(dumps(loaded.roadmap, envelope_extra=loaded.envelope_extra))
    assert out["roadmap"]["nodes"][0]["future_field"] == {"x": 1}
    assert out["extra_top"] == 3


@pytest.mark.parametrize(
    ("mutate", "error"),
    [
        (lambda r: r["roadmap"]["nodes"].append(dict(r["roadmap"]["nodes"][0])), DuplicateIdError),
        (lambda r: r["roadmap"]["edges"].append({"source": "a", "target": "zz"}), DanglingEdgeError),
        (lambda r: r["roadmap"]["edges"].append({"source": "b", "target": "a"}), CycleError),
    ],
)
def test_structural_errors(mutate, error):
    raw = json.loads(dumps(small()))
    mutate(raw)
    with pytest.raises(error):
        loads(json.dumps(raw).encode())


def test_rejects_nan_depth_and_newer():
    raw = dumps(small()).replace(b'"estimated_hours": 5.0', b'"estimated_hours": NaN')
    with pytest.raises(FileFormatError, match="NaN"):
        loads(raw)
    with pytest.raises(FileFormatError, match="nesting"):
        loads(b"[" * 10_000 + b"]" * 10_000)
    newer = json.loads(dumps(small()))
    newer["schema_version"] = newer["min_reader_version"] = 99
    with pytest.raises(NewerVersionError):
        loads(json.dumps(newer).encode())
    assert loads(json.dumps(newer).encode(), allow_newer=True).read_only_reason


def test_status_enum_closed():
    assert Status.DONE.is_closed and Status.SKIPPED.is_closed
    assert not Status.IN_PROGRESS.is_closed
