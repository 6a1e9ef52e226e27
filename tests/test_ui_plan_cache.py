"""The shared schedule (ui/common/plan_cache.py): one projection per document change."""

from __future__ import annotations

import datetime as dt

import pytest

pytest.importorskip("PySide6")

from roadmap_app.document.document import RoadmapDocument
from roadmap_app.model import Edge, Node, Roadmap, Status
from roadmap_app.planning import PlanningError, schedule, summary
from roadmap_app.ui.common import plan_cache
from roadmap_app.ui.common.plan_cache import schedule_for, summary_for


@pytest.fixture
def document(qapp):
    nodes = [
        Node(id="linalg", title="Linear algebra", estimated_hours=30, stage="Education"),
        Node(id="ml", title="Machine learning", estimated_hours=60, stage="ML roles"),
        Node(id="mle", title="ML engineer", estimated_hours=20, stage="ML roles"),
    ]
    edges = [Edge(source="linalg", target="ml"), Edge(source="ml", target="mle")]
    roadmap = Roadmap(id="t", title="Test plan", nodes=nodes, edges=edges)
    roadmap.plan.goal = "mle"
    roadmap.plan.hours_per_week = 10
    return RoadmapDocument(roadmap)


@pytest.fixture
def calls(monkeypatch):
    """Count the real projections the cache asks for."""
    made: list[dict] = []

    def counting(roadmap, **kwargs):
        made.append(kwargs)
        return schedule(roadmap, **kwargs)

    monkeypatch.setattr(plan_cache, "schedule", counting)
    return made


def test_panels_asking_for_the_same_revision_share_one_projection(document, calls):
    first = schedule_for(document)
    assert schedule_for(document) is first
    assert schedule_for(document, goal="mle") is first  # the plan's goal, spelled out
    summary_for(document)
    assert len(calls) == 1
    assert first == schedule(document.roadmap)


def test_any_change_plans_again(document, calls):
    before = schedule_for(document)
    document.set_status("linalg", Status.DONE, dt.datetime.now(dt.UTC))
    after = schedule_for(document)
    assert len(calls) == 2
    assert after == schedule(document.roadmap)
    assert after.total_hours == before.total_hours - 30


def test_plan_changed_listeners_already_see_the_new_plan(document):
    """The pace bar re-plans on plan_changed, which comes before `changed`."""
    seen = []
    schedule_for(document)
    document.plan_changed.connect(lambda: seen.append(schedule_for(document).hours_per_week))
    document.update_plan(hours_per_week=40)
    assert seen == [pytest.approx(40)]


def test_a_what_if_gets_its_own_projection(document, calls):
    shared = schedule_for(document)
    faster = schedule_for(document, hours_per_week=40)
    assert faster.goal_date < shared.goal_date
    assert faster == schedule(document.roadmap, hours_per_week=40)
    assert schedule_for(document) is shared
    assert len(calls) == 2


def test_a_failure_is_raised_to_every_caller_and_summary_words_it(document, calls):
    document.insert_edge(Edge(source="mle", target="linalg"))  # a cycle cannot be ordered
    for _ in range(2):
        with pytest.raises(PlanningError) as caught:
            schedule_for(document)
    assert len(calls) == 1
    assert summary_for(document) == summary(document.roadmap)
    assert summary_for(document).problem == str(caught.value)
