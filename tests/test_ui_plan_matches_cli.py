"""`roadmap-planner plan --format json` equals what the desktop app projects for the
same file and the same inputs (the pace bar's what-if and the dashboard), and the
dashboard in the window follows edits and selects on the canvas (pytest-qt)."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtCore import Qt

from roadmap_app.cli import main
from roadmap_app.model import Status
from roadmap_app.storage import save
from roadmap_app.templates import load_template

pytest_plugins = ("ui_helpers",)


def _cli_plan(path, capsys, *extra: str) -> dict:
    assert main(["plan", str(path), "--format", "json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_cli_json_equals_the_pace_bar_and_the_dashboard(window, qtbot, tmp_path, capsys):
    roadmap = load_template("ml-architect")
    for node_id in ("edu-programming", "edu-statistics-probability"):
        roadmap.node(node_id).status = Status.DONE
    roadmap.nodes[3].status = Status.SKIPPED
    roadmap.plan.hours_per_week = 6
    roadmap.plan.start_date = dt.date(2027, 1, 4)  # the app plans from the plan's start date
    path = tmp_path / "mine.roadmap"
    save(path, roadmap)

    assert window.files.open_path(path)
    bar = window.pace_bar
    assert bar.projected.to_dict() == _cli_plan(path, capsys)

    bar.hours_spin.setValue(10)  # the what-if, before the edit reaches the document
    cli = _cli_plan(path, capsys, "--hours-per-week", "10", "--start", "2027-01-04")
    assert cli["goal"] == "role-ml-architect" and cli["nodes"][-1]["id"] == "role-ml-architect"
    assert bar.projected.to_dict() == cli
    qtbot.waitUntil(lambda: window.document.roadmap.plan.hours_per_week == 10, timeout=3000)

    window.dashboard_dock.show()
    window.dashboard_dock.raise_()
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.plan is not None, timeout=5000)
    window.dashboard.refresh()
    assert window.dashboard.plan.to_dict() == cli
    assert window.dashboard.goal_date.isoformat() == cli["goal_date"]


def test_in_the_window_the_dashboard_follows_edits_and_a_gantt_click_selects_on_the_canvas(window, qtbot):
    window.dashboard_dock.show()
    window.dashboard_dock.raise_()
    qtbot.waitUntil(lambda: window.dashboard is not None and window.dashboard.plan is not None, timeout=5000)
    dashboard = window.dashboard
    first = dashboard.gantt_ids()[0]
    before_done = dashboard.completed_series()[-1][1]
    window.edits.set_status([first], Status.DONE)  # through the undo stack, as the user does
    qtbot.waitUntil(lambda: first not in dashboard.gantt_ids(), timeout=3000)
    assert dashboard.completed_series()[-1][1] > before_done
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: dashboard.gantt_ids()[:1] == [first], timeout=3000)

    target = dashboard.gantt_ids()[1]
    plot = dashboard.gantt_plot
    point = plot.mapFromScene(plot.getPlotItem().vb.mapViewToScene(dashboard.gantt_bar_center(target)))
    qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    qtbot.waitUntil(lambda: window.selected_ids() == [target], timeout=3000)
