"""Small things a new user meets: the pace re-plans while typing, the toolbar keeps its
layout, the dashboard is legible at its first height and lists every stage, elided text
has the whole text in a tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from roadmap_app.model import Status

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")


def test_hours_per_week_replans_while_typing_and_commits_once(window, qtbot):
    bar = window.pace_bar
    emitted = []
    bar.plan_change_requested.connect(emitted.append)
    before = bar.date_label.text()
    bar.hours_spin.setFocus()
    bar.hours_spin.lineEdit().selectAll()
    qtbot.keyClicks(bar.hours_spin, "40")  # no Enter
    assert bar.date_label.text() != before  # the projection follows each key
    assert emitted == []  # the plan waits for a pause
    qtbot.waitUntil(lambda: window.document.roadmap.plan.weekly_hours == 40, timeout=3000)
    assert [e.get("hours_per_week") for e in emitted] == [40]
    assert window.document.undo_stack.undoText()  # one undo step


def test_the_toolbar_keeps_its_layout_when_a_risk_appears(window, qtbot):
    label = window.pace_bar.date_label
    width = label.width()
    label.setText(label.text() + " · 12 at risk")
    qtbot.wait(10)
    assert label.width() == width  # its room was kept: nothing beside it moves


def test_the_dashboard_is_legible_at_its_first_height_and_lists_every_stage(window, qtbot):
    window.dashboard_dock.raise_()
    qtbot.waitUntil(lambda: window.dashboard is not None, timeout=5000)
    from roadmap_app.ui.panels.planning_docks import DASHBOARD_MIN_HEIGHT

    assert window.dashboard.minimumHeight() >= DASHBOARD_MIN_HEIGHT
    want = min(DASHBOARD_MIN_HEIGHT, window.height() // 2)
    qtbot.waitUntil(lambda: window.dashboard_dock.height() >= want, timeout=3000)  # the dock grew
    stages = [s for s, _d, _r in window.dashboard._stages]
    assert "Continuous learning" in stages  # off the goal's path, still on the plan
    assert set(stages) == {n.stage for n in window.document.roadmap.nodes
                           if n.status is not Status.SKIPPED and n.effective_hours}


def test_the_goal_box_tooltip_has_the_whole_title(window):
    combo = window.pace_bar.goal_combo
    goal = window.document.node(window.document.roadmap.plan.goal)
    assert goal.title in combo.toolTip()


def test_resource_cells_carry_their_whole_title(window):
    window.edits.jump_to("edu-ml-data-mining")
    table = window.inspector.resources.table
    resource = window.document.node("edu-ml-data-mining").resources[0]
    assert resource.title in table.item(0, 0).toolTip()
    assert table.textElideMode() == Qt.TextElideMode.ElideRight


def test_a_node_at_risk_gets_a_marker_on_its_card(window, qtbot):
    import datetime as dt

    node_id = "edu-ml-data-mining"
    card = window.scene.item_for_node(node_id)
    assert not card.at_risk
    window.editor.update_node(node_id, target_date=dt.date.today() + dt.timedelta(days=1))
    qtbot.waitUntil(lambda: card.at_risk, timeout=3000)  # it cannot be finished by tomorrow
    assert node_id in window.risk_markers.at_risk
    window.document.undo_stack.undo()
    qtbot.waitUntil(lambda: not card.at_risk, timeout=3000)


@pytest.mark.parametrize(("typed", "stored"), [
    ("cs50.harvard.edu/python", "https://cs50.harvard.edu/python"),
    ("localhost:8080/docs", "https://localhost:8080/docs"),
    ("http://example.org", "http://example.org"),
    ("javascript:alert(1)", "javascript:alert(1)"),  # kept, and refused as not a web link
    ("mailto:me@example.org", "mailto:me@example.org"),
    ("", ""),
])
def test_links_without_a_scheme_get_https(typed, stored):
    from roadmap_app.ui.common.links import with_scheme

    assert with_scheme(typed) == stored


def test_a_refused_edit_is_said_once_with_titles_not_ids(window, dialogs):
    from roadmap_app.model import RoadmapError

    node = window.document.node("edu-ml-data-mining")

    def refuse():
        raise RoadmapError(f"{node.id} cannot be changed now")

    window.status.clearMessage()
    assert window.edits._try("Could not change the node", refuse) is False
    [(title, text)] = dialogs.errors
    assert title == "Could not change the node"
    assert f"“{node.title}” cannot be changed now" in text and node.id not in text
    assert window.status.currentMessage() == ""
