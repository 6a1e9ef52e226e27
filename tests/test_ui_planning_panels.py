"""The planning panels (pytest-qt, offscreen): dashboard, next steps, pace bar, lock prompt."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import textwrap

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QColor, QPalette

from roadmap_app.document.document import RoadmapDocument
from roadmap_app.model import Edge, EdgeKind, Node, NodeKind, Roadmap, Status, StatusChange
from roadmap_app.planning import schedule
from roadmap_app.ui.dialogs.lock_prompt import (
    ask_about_prerequisites,
    build_prerequisite_box,
    mark_done_with_prerequisites,
)
from roadmap_app.ui.panels.next_steps import NextStepsPanel
from roadmap_app.ui.panels.pace_bar import PaceBar

NOW = dt.datetime.now(dt.UTC)


def make_document() -> RoadmapDocument:
    nodes = [
        Node(id="python", title="Python", estimated_hours=40, stage="Education", status=Status.DONE,
             status_history=[StatusChange(at=NOW - dt.timedelta(days=20), status=Status.DONE)]),
        Node(id="linalg", title="Linear algebra", estimated_hours=30, stage="Education"),
        Node(id="stats", title="Statistics", estimated_hours=5, stage="Education"),
        Node(id="ml", title="Machine learning", estimated_hours=60, stage="ML roles"),
        Node(id="mle", title="ML engineer", kind=NodeKind.ROLE, estimated_hours=20, stage="ML roles",
             target_date=dt.date.today() + dt.timedelta(days=30)),
        Node(id="blog", title="Write a blog post", estimated_hours=2, stage="Continuous learning"),
    ]
    edges = [
        Edge(source="python", target="ml"), Edge(source="linalg", target="ml"),
        Edge(source="stats", target="ml"), Edge(source="ml", target="mle", kind=EdgeKind.PROGRESSION),
    ]
    roadmap = Roadmap(id="t", title="Test plan", nodes=nodes, edges=edges)
    roadmap.plan.goal = "mle"
    roadmap.plan.hours_per_week = 10
    return RoadmapDocument(roadmap)


@pytest.fixture
def document(qapp) -> RoadmapDocument:
    return make_document()


@pytest.fixture
def dashboard(qtbot, document):
    from roadmap_app.ui.dashboard import DashboardPanel

    panel = DashboardPanel(document)
    qtbot.addWidget(panel)
    panel.resize(500, 800)
    panel.show()
    qtbot.waitExposed(panel)
    return panel


# -- dashboard ---------------------------------------------------------------
def test_dashboard_builds_with_data(dashboard, document):
    expected = schedule(document.roadmap)
    assert dashboard.goal_date == expected.goal_date
    assert dashboard.gantt_ids() == expected.ids == ["linalg", "stats", "ml", "mle"]
    assert dashboard.completed_series()[-1] == (dt.date.today(), 40.0)
    assert dashboard.planned_series()[-1] == (expected.goal_date, 40.0 + expected.total_hours)
    for plot in (dashboard.burnup_plot, dashboard.stage_plot, dashboard.gantt_plot):
        assert plot.getPlotItem().listDataItems() or plot.getPlotItem().items
    header = dashboard.findChild(type(dashboard._header), "dashboard_header").text()
    assert expected.goal_date.isoformat() in header and "ML engineer" in header


def test_a_status_change_moves_the_burnup_and_the_goal_date(dashboard, document, qtbot):
    before_date = dashboard.goal_date
    before_done = dashboard.completed_series()[-1][1]
    document.set_status("linalg", Status.DONE, NOW)
    qtbot.waitUntil(lambda: dashboard.completed_series()[-1][1] == before_done + 30, timeout=2000)
    assert dashboard.goal_date < before_date
    assert "linalg" not in dashboard.gantt_ids()


def test_clicking_a_gantt_bar_activates_its_node(dashboard, qtbot):
    plot = dashboard.gantt_plot
    view = plot.getPlotItem().vb
    scene_point = view.mapViewToScene(dashboard.gantt_bar_center("ml"))
    viewport_point = plot.mapFromScene(scene_point)
    with qtbot.waitSignal(dashboard.node_activated, timeout=1000) as blocker:
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=viewport_point)
    assert blocker.args == ["ml"]
    assert dashboard.bar_at(dashboard.gantt_bar_center("ml")) == "ml"
    below = dashboard.gantt_bar_center("mle")
    assert dashboard.bar_at(below + type(below)(0, 0.5)) is None  # between rows


def test_dashboard_colours_follow_the_palette(dashboard, qtbot):
    light = dashboard.colours
    palette = QPalette(dashboard.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor("#202328"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#17191d"))
    dashboard.setPalette(palette)
    qtbot.waitUntil(lambda: dashboard.colours.background == "#17191d", timeout=1000)
    assert dashboard.colours.planned != light.planned  # the lighter Okabe-Ito blue on dark
    dashboard.set_theme(False)
    assert dashboard.colours.planned == light.planned


# -- next steps ----------------------------------------------------------------
def test_next_steps_ranks_ready_nodes_and_start_emits(qtbot, document):
    panel = NextStepsPanel(document)
    qtbot.addWidget(panel)
    # linalg is on the critical path; then short wins toward the goal. "blog" (a later
    # stage) waits while the Education stage still has ready work.
    assert panel.ids() == ["linalg", "stats"]
    button = panel.start_button("stats")
    assert button.text() == "Start" and button.accessibleName() == "Start Statistics"
    with qtbot.waitSignal(panel.start_requested, timeout=1000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["stats"]


def test_next_steps_double_click_activates_and_follows_the_document(qtbot, document):
    panel = NextStepsPanel(document)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitExposed(panel)
    tree = panel.tree
    rect = tree.visualItemRect(tree.topLevelItem(0))
    with qtbot.waitSignal(panel.node_activated, timeout=1000) as blocker:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["linalg"]
    document.set_status("linalg", Status.IN_PROGRESS, NOW)
    qtbot.waitUntil(lambda: not panel.start_button("linalg").isEnabled(), timeout=1000)
    for node_id in ("linalg", "stats", "blog"):
        document.set_status(node_id, Status.DONE, NOW)
    qtbot.waitUntil(lambda: panel.ids() == ["ml"], timeout=1000)
    for node_id in ("ml", "mle"):
        document.set_status(node_id, Status.SKIPPED, NOW)
    qtbot.waitUntil(panel.is_empty, timeout=1000)
    assert "Everything is done" in panel.empty_text()


def test_start_through_the_editor_is_one_undo_step(qtbot, document):
    from roadmap_app.commands.editor import Editor

    editor = Editor(document)
    panel = NextStepsPanel(document)
    qtbot.addWidget(panel)
    panel.start_requested.connect(lambda node_id: editor.set_status([node_id], Status.IN_PROGRESS))
    qtbot.mouseClick(panel.start_button("linalg"), Qt.MouseButton.LeftButton)
    assert document.node("linalg").status is Status.IN_PROGRESS
    qtbot.waitUntil(lambda: not panel.start_button("linalg").isEnabled(), timeout=1000)
    document.undo_stack.undo()
    assert document.node("linalg").status is Status.NOT_STARTED
    assert document.node("linalg").status_history == []  # undo keeps the history honest
    qtbot.waitUntil(lambda: panel.start_button("linalg").isEnabled(), timeout=1000)


# -- pace bar ------------------------------------------------------------------
def test_pace_bar_replans_at_once_and_emits_the_change(qtbot, document):
    bar = PaceBar(document)
    qtbot.addWidget(bar)
    goal_date = schedule(document.roadmap).goal_date
    assert bar.date_label.text().startswith("Projected: " + goal_date.isoformat())
    assert bar.goal_combo.currentData() == "mle" and bar.goal_combo.itemData(1) == "mle"  # roles first
    with qtbot.waitSignal(bar.plan_change_requested, timeout=1000) as blocker:
        bar.hours_spin.setValue(40)
    assert blocker.args == [{"hours_per_week": 40}]
    faster = schedule(document.roadmap, hours_per_week=40).goal_date
    assert faster < goal_date
    assert bar.date_label.text().startswith("Projected: " + faster.isoformat())  # before any edit lands
    with qtbot.waitSignal(bar.plan_change_requested, timeout=1000) as blocker:
        bar.goal_combo.activated.emit(bar.goal_combo.findData("stats"))
    assert blocker.args == [{"goal": "stats"}]
    assert bar.projected.goal_id == "stats"


def test_pace_bar_follows_the_document_without_echo(qtbot, document):
    bar = PaceBar(document)
    qtbot.addWidget(bar)
    emitted = []
    bar.plan_change_requested.connect(emitted.append)
    document.update_plan(hours_per_week=20, goal="ml")
    assert bar.hours_spin.value() == 20 and bar.goal_combo.currentData() == "ml"
    assert bar.date_label.text().startswith(
        "Projected: " + schedule(document.roadmap).goal_date.isoformat())
    assert emitted == []
    document.set_status("ml", Status.DONE, NOW)
    qtbot.waitUntil(lambda: bar.date_label.text() == "Goal reached", timeout=1000)


def test_pace_bar_keeps_the_weekday_shape(qtbot, document):
    document.update_plan(weekday_hours=[2, 2, 2, 2, 2, 0, 0])
    bar = PaceBar(document)
    qtbot.addWidget(bar)
    assert bar.hours_spin.value() == 10
    with qtbot.waitSignal(bar.plan_change_requested, timeout=1000) as blocker:
        bar.hours_spin.setValue(20)
    assert blocker.args == [{"hours_per_week": 20, "weekday_hours": [4, 4, 4, 4, 4, 0, 0]}]


# -- lock prompt -----------------------------------------------------------------
def _answer_with(qtbot, answer: str) -> None:
    def click() -> None:
        from PySide6.QtWidgets import QApplication, QMessageBox

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                qtbot.mouseClick(widget.findChild(type(widget.buttons()[0]), f"prerequisites_{answer}"),
                                 Qt.MouseButton.LeftButton)
                return
        QTimer.singleShot(20, click)

    QTimer.singleShot(20, click)


def test_lock_prompt_asks_only_when_prerequisites_are_open(qtbot, document):
    assert ask_about_prerequisites(None, document, "linalg") is None
    box, answers = build_prerequisite_box(None, document, "ml")
    assert sorted(answers.values()) == ["cancel", "done", "leave", "skipped"]
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert "Linear algebra" in box.text() and "Python" not in box.text()  # Python is done
    box.deleteLater()
    _answer_with(qtbot, "skipped")
    assert ask_about_prerequisites(None, document, "ml") == "skipped"


@pytest.mark.parametrize(("answer", "linalg", "changed"), [
    ("done", Status.DONE, True), ("skipped", Status.SKIPPED, True),
    ("leave", Status.NOT_STARTED, True), ("cancel", Status.NOT_STARTED, False),
])
def test_mark_done_with_prerequisites_is_one_undo_step(qtbot, document, answer, linalg, changed):
    from roadmap_app.commands.editor import Editor

    editor = Editor(document)
    _answer_with(qtbot, answer)
    assert mark_done_with_prerequisites(None, editor, ["ml"]) is changed
    assert document.node("linalg").status is linalg
    assert document.node("ml").status is (Status.DONE if changed else Status.NOT_STARTED)
    assert document.undo_stack.count() == (1 if changed else 0)
    if changed:
        document.undo_stack.undo()
        assert document.node("linalg").status is Status.NOT_STARTED
        assert document.node("ml").status is Status.NOT_STARTED


# -- lazy pyqtgraph ----------------------------------------------------------------
def test_pyqtgraph_is_imported_only_with_the_dashboard():
    code = textwrap.dedent("""
        import importlib.util, sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        import roadmap_app.ui.panels.next_steps, roadmap_app.ui.panels.pace_bar
        import roadmap_app.ui.dialogs.lock_prompt
        assert "pyqtgraph" not in sys.modules, "panels imported pyqtgraph"
        if importlib.util.find_spec("roadmap_app.ui.window.main_window") is not None:
            from roadmap_app.ui.window.main_window import MainWindow
            from roadmap_app.ui.controllers.settings_controller import SettingsController
            from roadmap_app.ui.window.theme import ThemeController
            window = MainWindow(SettingsController(), ThemeController(app))
            window.show()
            app.processEvents()
            assert "pyqtgraph" not in sys.modules, "the main window imported pyqtgraph at startup"
        import roadmap_app.ui.dashboard
        assert "pyqtgraph" in sys.modules
        print("ok")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("ok")


def test_panels_have_accessible_names(qtbot, document):
    bar = PaceBar(document)
    steps = NextStepsPanel(document)
    for widget in (bar, steps):
        qtbot.addWidget(widget)
    for widget in (bar, bar.goal_combo, bar.hours_spin, bar.date_label, steps, steps.tree):
        assert widget.accessibleName()
    assert QPoint  # imported for pos arithmetic in other tests


def test_next_steps_tooltip_shows_markup_titles_literally(qtbot):
    from PySide6.QtCore import Qt

    from roadmap_app.document import RoadmapDocument
    from roadmap_app.model import Node, Roadmap
    from roadmap_app.ui.panels.next_steps import COL_TITLE, NextStepsPanel

    title = "<b>bold</b> <img src='file:///etc/passwd'>"
    doc = RoadmapDocument(Roadmap(id="r", title="R", nodes=[Node(id="a", title=title, estimated_hours=2)]))
    panel = NextStepsPanel(doc)
    qtbot.addWidget(panel)
    panel.refresh()
    item = panel.tree.topLevelItem(0)
    tip = item.data(COL_TITLE, Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and "<img" not in tip and "&lt;b&gt;bold&lt;/b&gt;" in tip
