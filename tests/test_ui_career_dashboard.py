"""The dashboard's career figures: role readiness lines, and the Gantt's lanes
(degrees and jobs first with their calendar length, practices last as ongoing)."""

from __future__ import annotations

import datetime as dt

import pytest
from career_fixtures import career_roadmap
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from roadmap_app.document import RoadmapDocument
from roadmap_app.model import Edge, Node, NodeKind, Status
from roadmap_app.planning import LANE_DURATION, LANE_PRACTICE, LANE_STUDY


@pytest.fixture
def dashboard(qtbot, qapp):
    from roadmap_app.ui.dashboard import DashboardPanel

    roadmap = career_roadmap()
    roadmap.plan.goal = "goal"
    roadmap.nodes.append(Node(id="papers", title="Read papers", kind=NodeKind.PRACTICE,
                              stage="Continuous learning", estimated_hours=20))
    panel = DashboardPanel(RoadmapDocument(roadmap))
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    return panel


def test_readiness_lines_are_the_planners_and_select_their_role(dashboard, qtbot):
    expected = [r.line for r in dashboard.plan.readiness]
    assert expected and dashboard.readiness.lines == expected
    assert expected[0].startswith("Ready for Developer: 0 % (0 of 1 skills")
    button = dashboard.readiness.findChild(QPushButton, "readiness_dev")
    with qtbot.waitSignal(dashboard.node_activated, timeout=1000) as blocker:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert blocker.args == ["dev"]


def test_readiness_follows_progress(dashboard, qtbot):
    doc = dashboard._document
    doc.set_status("python", Status.DONE, dt.datetime.now(dt.UTC))
    dashboard.refresh()
    assert dashboard.readiness.lines[0].startswith("Ready for Developer: 100 % (1 of 1 skills, 0 h left)")


def test_gantt_rows_go_by_lane_with_calendar_length_and_ongoing(dashboard):
    lanes = {e.id: e.lane for e in dashboard.plan.entries}
    rows = dashboard.gantt_ids()
    order = [lanes[i] for i in rows]
    assert order == sorted(order, key=[LANE_DURATION, LANE_STUDY, LANE_PRACTICE].index)
    assert rows[0] == "degree" and rows[-1] == "papers"
    labels = dashboard.gantt_labels._texts
    assert labels[0] == "Degree (3 yr)" and labels[-1] == "Read papers (ongoing)"


def test_a_skill_learned_during_a_job_rides_it_in_the_gantt(qtbot, qapp):
    from roadmap_app.ui.dashboard import DashboardPanel

    roadmap = career_roadmap()
    roadmap.plan.goal = "goal"
    roadmap.nodes.append(Node(id="sql", title="SQL", estimated_hours=30, learned_in="dev"))
    roadmap.edges.append(Edge(source="sql", target="goal"))
    panel = DashboardPanel(RoadmapDocument(roadmap))
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.refresh()
    labels = dict(zip(panel.gantt_ids(), panel.gantt_labels._texts, strict=True))
    assert labels["sql"] == "SQL (during Developer)"
    assert labels["dev"] == "Developer (2 yr)"
