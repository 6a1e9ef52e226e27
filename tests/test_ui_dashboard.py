"""The dashboard's legibility (pytest-qt, offscreen): Gantt rows that fit, the
burn-up's window on the history, empty states and readable fonts."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

pytest.importorskip("PySide6")
pytest.importorskip("pyqtgraph")

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from roadmap_app.document.document import RoadmapDocument
from roadmap_app.model import Edge, Node, Roadmap, Status, StatusChange

NOW = dt.datetime.now(dt.UTC)
LONG = "A deliberately long node title that cannot fit in the label column of the chart"
FIRST_CHANGE = NOW - dt.timedelta(days=200)


def long_plan(count: int = 30) -> RoadmapDocument:
    """A chain of `count` open nodes behind one done node whose history goes back 200 days."""
    nodes = [Node(id="done", title="Done long ago", estimated_hours=50, stage="Basics", status=Status.DONE,
                  status_history=[StatusChange(at=FIRST_CHANGE, status=Status.DONE)])]
    nodes += [Node(id=f"n{k}", title=(LONG if k == 0 else f"Step {k}"), estimated_hours=20,
                   stage=f"A stage with a rather long name number {k % 3}") for k in range(count)]
    edges = [Edge(source="done", target="n0")]
    edges += [Edge(source=f"n{k}", target=f"n{k + 1}") for k in range(count - 1)]
    roadmap = Roadmap(id="long", title="Long plan", nodes=nodes, edges=edges)
    roadmap.plan.goal = f"n{count - 1}"
    roadmap.plan.hours_per_week = 10
    return RoadmapDocument(roadmap)


@pytest.fixture
def panel(qtbot, qapp):
    from roadmap_app.ui.dashboard import DashboardPanel

    widget = DashboardPanel(long_plan())
    qtbot.addWidget(widget)
    widget.resize(900, 450)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: len(widget.gantt_ids()) == widget.gantt_capacity(), timeout=2000)
    return widget


def visible_rects(labels):
    return [item.sceneBoundingRect() for item in labels.items if item.isVisible()]


def assert_no_overlap(rects) -> None:
    for a, b in itertools.combinations(rects, 2):
        assert not a.intersects(b), (a, b)


def test_gantt_shows_only_the_rows_that_fit_and_follows_resizes(panel, qtbot):
    shown = panel.gantt_ids()
    assert 4 <= len(shown) < 30
    assert shown == [f"n{k}" for k in range(len(shown))]  # the next ones, in schedule order
    rects = visible_rects(panel.gantt_labels)
    assert len(rects) == len(shown)
    assert_no_overlap(rects)
    assert min(r.height() for r in rects) > 0
    first = panel.gantt_labels.items[0]
    assert first.text() != LONG and first.text().endswith("…")  # elided...
    assert LONG in first.toolTip().splitlines()[0]  # ...the full title in the tooltip
    assert "of 30" in panel.gantt_plot.getPlotItem().titleLabel.text

    panel.resize(900, 800)
    qtbot.waitUntil(lambda: len(panel.gantt_ids()) > len(shown), timeout=2000)
    assert len(panel.gantt_ids()) == panel.gantt_capacity()
    assert_no_overlap(visible_rects(panel.gantt_labels))
    assert_no_overlap(visible_rects(panel.stage_labels))


def test_the_wheel_scrolls_the_gantt_through_the_schedule(panel):
    count = len(panel.gantt_ids())
    panel.scroll_gantt(1)
    assert panel.gantt_ids()[0] == "n1" and len(panel.gantt_ids()) == count
    panel.scroll_gantt(100)
    assert panel.gantt_ids()[-1] == "n29"
    panel.scroll_gantt(-100)
    assert panel.gantt_ids()[0] == "n0"


def test_clicking_a_lower_gantt_bar_emits_its_id(panel, qtbot):
    plot = panel.gantt_plot
    view = plot.getPlotItem().vb
    point = plot.mapFromScene(view.mapViewToScene(panel.gantt_bar_center("n3")))
    with qtbot.waitSignal(panel.node_activated, timeout=1000) as blocker:
        qtbot.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["n3"]


def test_burnup_spans_the_history_and_the_whole_plan_to_a_far_goal(panel):
    x0, x1 = panel.burnup_plot.getPlotItem().vb.viewRange()[0]
    first = FIRST_CHANGE.astimezone().date()
    stamp = __import__("roadmap_app.ui.dashboard", fromlist=["stamp"]).stamp
    assert x0 < stamp(first) and stamp(dt.date.today()) < x1
    assert panel.completed_at(first) == 50 and panel.completed_at(first - dt.timedelta(days=2)) == 0
    goal = panel.goal_date
    assert (goal - dt.date.today()).days > 365  # beyond the year the burn-up used to stop at...
    assert stamp(goal) <= x1 < stamp(goal) + 365 * 86_400  # ...shown to its end, not its first year
    marks = [m.textItem.toPlainText() for m in panel._marks]
    assert f"goal {goal.isoformat()}" in marks and "50 h done" in marks
    ys = panel.burnup_plot.getPlotItem().vb.viewRange()[1]
    assert ys[0] <= 0 and ys[1] >= panel.completed_at(dt.date.today())


def test_a_status_change_raises_completed_hours_today(panel, qtbot):
    today = dt.date.today()
    before = panel.completed_at(today)
    panel._document.set_status("n0", Status.DONE, NOW)
    qtbot.waitUntil(lambda: panel.completed_at(today) == before + 20, timeout=2000)
    assert panel.gantt_ids()[0] == "n1"


def test_empty_states_say_why(qtbot, qapp):
    from roadmap_app.ui.dashboard import DashboardPanel

    document = long_plan(3)
    for node_id in ("n0", "n1", "n2"):
        document.set_status(node_id, Status.DONE, NOW)
    widget = DashboardPanel(document)
    qtbot.addWidget(widget)
    assert widget.gantt_ids() == []
    assert widget.empty_text(widget.gantt_plot) == "All done — nothing left to schedule"

    blank = DashboardPanel(RoadmapDocument(Roadmap(id="e", title="Empty")))
    qtbot.addWidget(blank)
    assert "No hours estimated" in blank.empty_text(blank.stage_plot)
    assert "No hours estimated" in blank.empty_text(blank.burnup_plot)


def test_chart_text_is_never_below_nine_points(panel, qtbot):
    small = QFont(panel.font())
    small.setPointSizeF(7)
    panel.setFont(small)
    qtbot.waitUntil(lambda: panel.gantt_labels.items[0].font().pointSizeF() >= 9, timeout=2000)
    assert panel.chart_font().pointSizeF() >= 9
    assert_no_overlap(visible_rects(panel.gantt_labels))


def test_row_label_tooltips_show_markup_titles_and_stages_literally(qtbot, qapp):
    from roadmap_app.ui.dashboard import DashboardPanel

    title, stage = "<b>x</b> <img src='file:///etc/passwd'>", "<i>Stage</i>"
    roadmap = Roadmap(id="m", title="M", nodes=[Node(id="a", title=title, stage=stage, estimated_hours=5)])
    roadmap.plan.goal = "a"
    widget = DashboardPanel(RoadmapDocument(roadmap))
    qtbot.addWidget(widget)
    widget.resize(900, 450)
    widget.show()
    qtbot.waitUntil(lambda: bool(widget.gantt_labels.items) and bool(widget.stage_labels.items), timeout=2000)
    for labels in (widget.gantt_labels, widget.stage_labels):
        tip = labels.items[0].toolTip()
        assert "<b>" not in tip and "<img" not in tip and "<i>" not in tip, tip
        assert "&lt;" in tip
