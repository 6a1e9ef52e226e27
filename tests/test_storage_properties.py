"""Property: anything `loads` accepts can be dumped and loaded again, identically;
anything it refuses is refused with a RoadmapError (one message), never another exception."""

from __future__ import annotations

import copy
import json

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from roadmap_app.model import RoadmapError
from roadmap_app.storage import dumps, loads

BASE = {
    "format": "roadmap-planner",
    "schema_version": 2,
    "roadmap": {
        "id": "p",
        "title": "P",
        "nodes": [
            {"id": "a", "title": "A", "estimated_hours": 3, "resources": [{"id": "r", "title": "R"}]},
            {"id": "b", "title": "B"},
        ],
        "edges": [{"source": "a", "target": "b"}],
        "plan": {"goal": "b"},
    },
}

# Where a random value may be put: (path to a dict, key). Known fields and extras alike.
SLOTS = [
    ((), "extra"), ((), "schema_version"), ((), "min_reader_version"),
    (("roadmap",), "title"), (("roadmap",), "description"), (("roadmap",), "stages"),
    (("roadmap",), "surprise"), (("roadmap", "plan"), "hours_per_week"),
    (("roadmap", "plan"), "weekday_hours"), (("roadmap", "plan"), "start_date"),
    (("roadmap", "nodes", 0), "title"), (("roadmap", "nodes", 0), "estimated_hours"),
    (("roadmap", "nodes", 0), "status"), (("roadmap", "nodes", 0), "status_history"),
    (("roadmap", "nodes", 0), "target_date"), (("roadmap", "nodes", 0), "position"),
    (("roadmap", "nodes", 0), "notes"), (("roadmap", "nodes", 0), "x-extra"),
    (("roadmap", "nodes", 0, "resources", 0), "url"), (("roadmap", "nodes", 0, "resources", 0), "tags"),
    (("roadmap", "nodes", 0, "resources", 0), "cost"), (("roadmap", "edges", 0), "kind"),
    (("roadmap", "edges", 0), "weight"), (("roadmap", "plan"), "x-extra"),
    (("roadmap", "nodes", 0, "resources", 0), "x-extra"), (("roadmap", "nodes", 1), "x-extra"),
]

nasty = st.sampled_from(["\ud800", "x\udfff", "\udbff\udfff", "\u0000", "\u202e", "\x1b[31m",
                         "NaN", "Infinity", "-inf", "1e400", "2026-02-30"])
scalars = st.one_of(
    nasty, nasty,
    st.none(), st.booleans(),
    st.integers(min_value=-(10**50), max_value=10**50),
    st.floats(allow_nan=True, allow_infinity=True),
    # any code point: lone surrogates (excluded by default), control characters, RTL, emoji
    st.text(st.characters(exclude_categories=()), max_size=30),
    st.sampled_from(["2026-11-22", "2026-11-22T10:00:00",
                     "done", "skill", "https://example.org/", "", "prerequisite", "paid"]),
)
json_values = st.recursive(
    scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(st.characters(exclude_categories=()), max_size=8), children, max_size=4),
    ),
    max_leaves=12,
)


def _put(doc: dict, slot: tuple[tuple, str], value) -> None:
    target = doc
    for key in slot[0]:
        target = target[key]
    target[slot[1]] = value


@example([(((), "extra"), "\ud800")])
@example([(((), "extra"), {"\n": "\ud800"})])  # found by hypothesis: a newline in the message
@example([((("roadmap", "nodes", 0), "x-extra"), {"k\udc00": 1})])
@example([((("roadmap", "plan"), "hours_per_week"), float("nan"))])
@example([((("roadmap", "nodes", 0), "estimated_hours"), 10**50)])
@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(SLOTS), json_values), max_size=4))
def test_accepted_input_round_trips_identically(edits):
    doc = copy.deepcopy(BASE)
    for slot, value in edits:
        _put(doc, slot, value)
    data = json.dumps(doc, allow_nan=True).encode()  # NaN/Infinity literals and \ud800 escapes too
    try:
        first = loads(data)
    except RoadmapError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    saved = dumps(first.roadmap, envelope_extra=first.envelope_extra)
    again = loads(saved)
    assert again.roadmap == first.roadmap
    assert again.envelope_extra == first.envelope_extra
    assert dumps(again.roadmap, envelope_extra=again.envelope_extra) == saved
