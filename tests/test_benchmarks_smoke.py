"""The benchmark suite runs: its smoke mode, in this process, gives rows with figures and references.

No absolute times are asserted (the machine is shared); the comparisons that
guard speed are ratios measured in one process (tests/test_layout.py,
tests/test_canvas_perf.py) and the import checks (tests/test_startup_imports.py).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # benchmarks/ is a top-level folder, not part of the package
    sys.path.insert(0, str(REPO))

from benchmarks import import_bench, io_bench, layout_bench, run  # noqa: E402
from benchmarks.common import Row  # noqa: E402


def _check(rows: list[Row]) -> None:
    assert rows
    for row in rows:
        assert row.what and row.target
        if row.value is None:  # only a missing dot may skip a comparison, and it says so
            assert shutil.which("dot") is None and "dot" in row.note
        else:
            assert row.value > 0 and row.reference


def test_layout_and_io_suites_give_rows(qapp):
    rows = layout_bench.measure(smoke=True) + io_bench.measure(smoke=True)
    _check(rows)
    whats = " | ".join(r.what for r in rows)
    for expected in ("Full layout of 200 nodes", "Crossings", "Load a 1000-node plan", "Autosave"):
        assert expected in whats
    autosave = next(r for r in rows if r.what.startswith("Autosave"))
    assert "autosave_now()" in autosave.note  # measured through the app's own path


def test_import_suite_refuses_the_over_limit_canvas_beside_its_reference():
    rows = import_bench.measure(smoke=True)  # measure() itself fails if the canvas is accepted
    _check(rows)
    assert "110,000 link resources" in rows[0].what and "safejson.loads" in rows[0].reference


def test_without_graphviz_the_dot_rows_say_skipped(monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no dot, whatever is installed
    rows = [r for r in layout_bench.measure(smoke=True) if "dot" in r.target]
    assert len(rows) == 2
    _check(rows)
    assert all("dot missing" in r.note for r in rows)
    assert rows[1].value is None and rows[1].met is None


def test_the_runner_prints_a_table_and_writes_nothing_in_smoke_mode(capsys, tmp_path, monkeypatch):
    monkeypatch.setattr(run, "REPO", tmp_path)  # a stray write would land here
    monkeypatch.setattr(run, "SUITES", ["layout_bench"])
    assert run.main(["--smoke", "--only", "layout_bench"]) == 0
    out = capsys.readouterr().out
    assert "| What | Measured | Reference (same run) | Target | Met | Note |" in out
    assert "Full layout of 200 nodes" in out
    assert list(tmp_path.iterdir()) == []


def test_a_broken_suite_is_a_failed_row_not_a_crash(capsys, monkeypatch):
    def boom(smoke: bool):
        raise RuntimeError("no display")

    monkeypatch.setattr(layout_bench, "measure", boom)
    assert run.main(["--smoke", "--only", "layout_bench"]) == 1
    assert "failed: RuntimeError: no display" in capsys.readouterr().out
