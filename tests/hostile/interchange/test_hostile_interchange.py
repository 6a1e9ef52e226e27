"""Hostile inputs for every importer: each file gives one clear message (or imports with a
warning), within 2 s, without a crash; whatever is accepted saves and loads back.

The corpus is the files beside this module; `expected.json` says for each file either
`{"error": "text in the one-line message"}` or `{"warning": "text in a warning"}` (an
empty warning text means: imports, warnings optional). Cases too big to keep in git
are generated below.
"""

from __future__ import annotations

import json
import time
import tracemalloc
from pathlib import Path

import pytest

from roadmap_app.cli import main
from roadmap_app.interchange.formats import import_file
from roadmap_app.storage import codec

HERE = Path(__file__).parent
EXPECTED: dict[str, dict[str, str]] = json.loads((HERE / "expected.json").read_text())
LIMIT_S = 2.0
MAX_PEAK_BYTES = 64 * 1024 * 1024


def test_corpus_is_complete():
    suffixes = (".canvas", ".graphml", ".json")
    on_disk = {p.name for p in HERE.iterdir() if p.suffix in suffixes} - {"expected.json"}
    assert on_disk == set(EXPECTED)
    assert len(EXPECTED) >= 40


def _import(path: Path):
    start = time.monotonic()
    try:
        return import_file(path), None, time.monotonic() - start
    except Exception as exc:  # the assertion below says which kind is acceptable
        return None, exc, time.monotonic() - start


def _peak_memory(path: Path) -> int:
    tracemalloc.start()
    try:
        _import(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _check(path: Path, expected: dict[str, str]) -> None:
    result, error, elapsed = _import(path)
    assert elapsed < LIMIT_S, f"{path.name} took {elapsed:.2f} s"
    if "error" in expected:
        assert result is None, f"{path.name} was accepted"
        from roadmap_app.model.errors import RoadmapError

        assert isinstance(error, RoadmapError), f"{path.name}: {type(error).__name__}: {error}"
        message = str(error)
        assert "\n" not in message and 0 < len(message) < 400, message
        assert expected["error"] in message, message
        return
    assert error is None, f"{path.name}: {error}"
    roadmap, report = result
    if expected["warning"]:
        assert any(expected["warning"] in w for w in report.warning_lines()), report.warning_lines()
    # Anything the app accepts, it can save and load again.
    assert codec.loads(codec.dumps(roadmap)).roadmap == roadmap


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file(name):
    _check(HERE / name, EXPECTED[name])
    # Small files stay small in memory: no entity expansion, no runaway structures.
    assert _peak_memory(HERE / name) < MAX_PEAK_BYTES


@pytest.mark.parametrize("name", ["canvas-nan.canvas", "graphml-xxe.graphml", "roadmapsh-mockup.json"])
def test_cli_says_one_line_and_writes_nothing(name, tmp_path, capsys):
    out = tmp_path / "out.roadmap"
    assert main(["convert", str(HERE / name), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{HERE / name}: "), err
    assert not out.exists() and list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- generated cases


def _canvas(nodes, edges=()) -> bytes:
    return json.dumps({"nodes": nodes, "edges": list(edges)}).encode()


def _text(i: int) -> dict:
    return {"id": f"n{i}", "type": "text", "text": f"N{i}", "x": 0, "y": 0, "width": 1, "height": 1}


def test_oversize_file_is_refused_before_reading(tmp_path):
    for name in ("big.canvas", "big.graphml", "big.json"):
        path = tmp_path / name
        with open(path, "wb") as handle:
            handle.truncate(65 * 1024 * 1024)  # sparse: no disk space, no time
        _check(path, {"error": "file is too large"})


@pytest.mark.slow
def test_too_many_nodes(tmp_path):
    path = tmp_path / "many.canvas"
    path.write_bytes(_canvas([_text(i) for i in range(40_001)]))
    _check(path, {"error": "too many canvas nodes"})
    path = tmp_path / "many.json"
    nodes = [{"id": f"n{i}", "type": "topic"} for i in range(40_001)]
    path.write_bytes(json.dumps({"nodes": nodes}).encode())
    _check(path, {"error": "too many roadmap.sh nodes"})


def test_dense_cycles_are_refused_quickly(tmp_path):
    size = 120
    edges = [{"fromNode": f"n{a}", "toNode": f"n{b}"} for a in range(size) for b in range(size) if a != b]
    path = tmp_path / "dense.canvas"
    path.write_bytes(_canvas([_text(i) for i in range(size)], edges))
    _check(path, {"error": "too many cycles"})


def test_symlinked_content_is_not_read(tmp_path):
    folder = tmp_path / "content"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("# Secret\n\nprivate words\n")
    (folder / "a@topicA.md").symlink_to(secret)
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"nodes": [{"id": "topicA", "type": "topic", "data": {"label": "A"}}]}))
    (roadmap, _), error, _ = _import(path)
    assert error is None and roadmap.nodes[0].description == ""


def test_long_cycle_is_broken_once(tmp_path):
    size = 3_000
    edges = [{"fromNode": f"n{i}", "toNode": f"n{(i + 1) % size}"} for i in range(size)]
    path = tmp_path / "ring.canvas"
    path.write_bytes(_canvas([_text(i) for i in range(size)], edges))
    _check(path, {"warning": '"N2999" -> "N0": it would close a cycle'})
