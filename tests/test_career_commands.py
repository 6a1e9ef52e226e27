"""The career plan's edits through the Editor: each one undo step, each one undoes."""

from __future__ import annotations

import datetime as dt

import pytest
from career_fixtures import career_roadmap

from roadmap_app.commands import Editor
from roadmap_app.commands.career_edits import FutureDateError
from roadmap_app.document import RoadmapDocument
from roadmap_app.model import RouteChoice, Status, UnknownNodeError

TODAY = dt.date.today()
PAST = TODAY - dt.timedelta(days=400)


@pytest.fixture
def editor() -> Editor:
    roadmap = career_roadmap()
    roadmap.plan.goal = "goal"
    return Editor(RoadmapDocument(roadmap))


def snapshot(editor: Editor) -> str:
    return editor.document.roadmap.model_dump_json()


def test_done_date_back_dates_the_completion_and_undoes(editor):
    before = snapshot(editor)
    editor.set_done_date("degree", PAST)
    node = editor.document.node("degree")
    assert node.status is Status.DONE and node.completed_on == PAST
    assert node.status_history[-1].at.date() == PAST  # history tells when it happened
    assert editor.undo_stack.count() == 1 and editor.undo_stack.undoText() == "Mark done"
    editor.undo_stack.undo()
    assert snapshot(editor) == before


def test_changing_the_done_date_of_a_done_node_adds_no_second_completion(editor):
    editor.set_done_date("degree", PAST)
    editor.set_done_date("degree", PAST + dt.timedelta(days=3))
    node = editor.document.node("degree")
    assert len(node.status_history) == 1 and node.completed_on == PAST + dt.timedelta(days=3)
    assert editor.undo_stack.undoText() == "Set done date"
    editor.undo_stack.undo()
    assert editor.document.node("degree").completed_on == PAST
    editor.set_done_date("degree", PAST)  # the same day again: nothing to do
    assert editor.undo_stack.index() == 1


def test_a_done_date_in_the_future_is_refused_before_anything_is_pushed(editor):
    with pytest.raises(FutureDateError):
        editor.set_done_date("degree", TODAY + dt.timedelta(days=1))
    assert editor.undo_stack.count() == 0
    assert editor.document.node("degree").status is Status.NOT_STARTED


def test_route_choice_is_one_step_and_undoes(editor):
    editor.choose_route("goal", "entry", "analyst")
    assert editor.document.roadmap.plan.route == [RouteChoice(target="goal", group="entry", choice="analyst")]
    editor.choose_route("goal", "entry", "dev")
    assert [r.choice for r in editor.document.roadmap.plan.route] == ["dev"]
    editor.choose_route("goal", "entry", None)  # back to the planner's pick
    assert editor.document.roadmap.plan.route == []
    assert editor.undo_stack.count() == 3
    editor.undo_stack.undo()
    assert [r.choice for r in editor.document.roadmap.plan.route] == ["dev"]
    editor.undo_stack.undo()
    editor.undo_stack.undo()
    assert editor.document.roadmap.plan.route == []


def test_route_choice_must_be_an_alternative_of_that_group(editor):
    with pytest.raises(UnknownNodeError):
        editor.choose_route("goal", "entry", "cert")  # an "all of" prerequisite, not an alternative
    with pytest.raises(UnknownNodeError):
        editor.choose_route("goal", "nope", "dev")
    assert editor.undo_stack.count() == 0


def test_opting_an_optional_node_in_and_out_undoes(editor):
    editor.set_optional_included("cert", True)
    editor.set_optional_included("cert", True)  # already in: no second step
    assert editor.document.roadmap.plan.include_optional == ["cert"]
    editor.set_optional_included("cert", False)
    assert editor.document.roadmap.plan.include_optional == []
    assert editor.undo_stack.count() == 2
    editor.undo_stack.undo()
    assert editor.document.roadmap.plan.include_optional == ["cert"]
    editor.undo_stack.undo()
    assert editor.document.roadmap.plan.include_optional == []


def test_practice_hours_are_checked_and_undo(editor):
    editor.set_practice_hours(2.5)
    assert editor.document.roadmap.plan.practice_hours_per_week == 2.5
    with pytest.raises(ValueError):
        editor.set_practice_hours(-1)
    editor.undo_stack.undo()
    assert editor.document.roadmap.plan.practice_hours_per_week == 1.0
    editor.set_plan(practice_hours_per_week=3.0)  # the pace bar's spelling of the same edit
    assert editor.document.roadmap.plan.practice_hours_per_week == 3.0


def test_a_starting_point_is_one_undo_step_that_restores_everything(editor):
    doc = editor.document
    doc.node("cert").status = Status.IN_PROGRESS  # earlier work, which the user now unticks
    before = snapshot(editor)
    editor.apply_starting_point(
        {"degree": PAST, "dev": TODAY},
        [RouteChoice(target="goal", group="entry", choice="dev")],
        reopen=["cert"],
        plan={"hours_per_week": 15.0, "profile": "software-engineer"},
        goal_target=dt.date(2031, 6, 1),
    )
    assert doc.node("degree").completed_on == PAST and doc.node("dev").status is Status.DONE
    assert doc.node("cert").status is Status.NOT_STARTED
    assert doc.roadmap.plan.hours_per_week == 15.0 and doc.roadmap.plan.profile == "software-engineer"
    assert [r.choice for r in doc.roadmap.plan.route] == ["dev"]
    assert doc.node("goal").target_date == dt.date(2031, 6, 1)
    assert editor.undo_stack.count() == 1
    editor.undo_stack.undo()
    assert snapshot(editor) == before
    editor.undo_stack.redo()
    assert doc.node("degree").completed_on == PAST


def test_a_bad_starting_point_pushes_nothing(editor):
    with pytest.raises(FutureDateError):
        editor.apply_starting_point({"degree": PAST, "dev": TODAY + dt.timedelta(days=2)})
    with pytest.raises(ValueError):
        editor.apply_starting_point({"degree": PAST}, plan={"hours_per_week": 0})
    with pytest.raises(UnknownNodeError):
        editor.apply_starting_point({"nope": PAST})
    assert editor.undo_stack.count() == 0
    assert editor.document.node("degree").status is Status.NOT_STARTED


def test_reopening_drops_the_done_date_and_undo_brings_it_back(editor):
    editor.set_done_date("degree", PAST)
    editor.set_status(["degree"], Status.NOT_STARTED)
    assert editor.document.node("degree").completed_on is None
    assert editor.undo_stack.undoText() == "Set status to Not started"
    editor.undo_stack.undo()
    node = editor.document.node("degree")
    assert node.status is Status.DONE and node.completed_on == PAST
