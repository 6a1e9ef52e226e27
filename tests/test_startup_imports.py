"""Start-up stays light: the GUI's first frames import no numpy, pyqtgraph or networkx, the CLI no Qt.

The app is started for real, offscreen, with the benchmark probe
(ROADMAP_PLANNER_PROBE=first-frame, roadmap_app/probe.py): it reports the
modules loaded when the plan's canvas first painted, then quits.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_app.probe import FIRST_FRAME, PROBE_ENV

HEAVY = ("numpy", "pyqtgraph", "networkx")  # networkx: ~0.2 s, only import/export/merge need it


def _probe(*args: str) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{PROBE_ENV: FIRST_FRAME})
    proc = subprocess.run([sys.executable, "-m", "roadmap_app", *args], env=env, capture_output=True,
                          text=True, timeout=60)
    lines = [line for line in proc.stdout.splitlines() if line.startswith("PROBE ")]
    assert lines, f"no probe output (exit {proc.returncode}): {proc.stderr[-1500:]}"
    return json.loads(lines[0][len("PROBE "):])


@pytest.mark.slow
def test_first_frames_import_no_numpy_pyqtgraph_or_networkx(planner_home):
    probe = _probe()  # first start: the default plan is created and shown
    assert probe["first_frame"] <= probe["plan_visible"]
    assert "PySide6" in probe["modules"] and "roadmap_app" in probe["modules"]  # the report is real
    assert [m for m in HEAVY if m in probe["modules"]] == []


def test_headless_commands_import_no_qt(tmp_path: Path):
    plan = tmp_path / "plan.roadmap"
    script = f"""
import contextlib, io, sys
from roadmap_app.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    codes = [main(a) for a in (
        ["templates"], ["schema"], ["new", "-o", {str(plan)!r}], ["validate", {str(plan)!r}],
        ["show", {str(plan)!r}], ["plan", {str(plan)!r}],
        ["convert", "-o", {str(tmp_path / "plan.canvas")!r}, {str(plan)!r}],
        ["export", "-o", {str(tmp_path / "plan.md")!r}, {str(plan)!r}],
    )]
print(codes, sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6")))
"""
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr[-1500:]
    assert proc.stdout.strip().splitlines()[-1] == "[0, 0, 0, 0, 0, 0, 0, 0] []"
