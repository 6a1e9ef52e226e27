"""The career plan on the canvas and in the plan controls: off-route nodes dimmed,
calendar lengths on cards, practice hours and the Route menu."""

from __future__ import annotations

import pytest
from career_fixtures import career_roadmap

from roadmap_app.canvas.items import format_length
from roadmap_app.canvas.scene import OFF_ROUTE_OPACITY
from roadmap_app.model import Node, NodeKind

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")


@pytest.fixture
def career_window(window):
    roadmap = career_roadmap()
    roadmap.plan.goal = "goal"
    window.files.new_document(roadmap)
    return window


def _pick(menu, target: str, label_start: str):
    menu.fill()
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None
               and a.menu().objectName() == f"menu_route_{target}_entry")
    action = next(a for a in sub.actions() if a.text().startswith(label_start))
    action.trigger()


def test_off_route_nodes_are_dimmed_and_stay_clickable(career_window, qtbot):
    scene, doc = career_window.scene, career_window.document
    career_window.editor.choose_route("goal", "entry", "analyst")
    qtbot.waitUntil(lambda: scene.is_off_route("dev"))
    assert scene.item_for_node("dev").opacity() == pytest.approx(OFF_ROUTE_OPACITY)
    assert scene.item_for_node("analyst").opacity() == 1.0
    assert scene.item_for_node("dev").isVisible() and scene.item_for_node("dev").isEnabled()
    scene.select_nodes(["dev"])  # still selectable, and the inspector says why it is dim
    assert career_window.inspector.career.banner.isVisibleTo(career_window.inspector)

    career_window.editor.choose_route("goal", "entry", "dev")
    qtbot.waitUntil(lambda: scene.is_off_route("analyst"))
    assert scene.item_for_node("dev").opacity() == 1.0
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    qtbot.waitUntil(lambda: not scene.is_off_route("dev"))


def test_focus_mode_still_fades_below_the_off_route_dimming(career_window, qtbot):
    scene = career_window.scene
    career_window.editor.choose_route("goal", "entry", "analyst")
    qtbot.waitUntil(lambda: scene.is_off_route("dev"))
    scene.set_focus({"goal"})
    assert scene.item_for_node("dev").opacity() < OFF_ROUTE_OPACITY
    scene.set_focus(None)
    assert scene.item_for_node("dev").opacity() == pytest.approx(OFF_ROUTE_OPACITY)


@pytest.mark.parametrize(("weeks", "text"), [(208, "4 yr"), (156, "3 yr"), (78, "1.5 yr"), (52, "1 yr"),
                                              (26, "6 mo"), (12, "12 wk"), (2.5, "2.5 wk")])
def test_durations_show_their_calendar_length(weeks, text):
    assert format_length(Node(id="x", title="X", duration_weeks=weeks)) == text


def test_cards_show_calendar_time_and_ongoing_instead_of_hours(career_window):
    scene = career_window.scene
    assert scene.item_for_node("degree").footer.startswith("3 yr")
    assert scene.item_for_node("python").footer.startswith("60 h")
    career_window.editor.update_node("python", kind=NodeKind.PRACTICE)
    assert scene.item_for_node("python").footer.startswith("ongoing")


def test_practice_hours_in_the_plan_controls_are_one_undo_step(career_window):
    pace, doc = career_window.pace_bar, career_window.document
    assert pace.practice_spin.value() == 1.0
    pace.practice_spin.setValue(2.5)
    assert doc.roadmap.plan.practice_hours_per_week == 2.5
    doc.undo_stack.undo()
    assert doc.roadmap.plan.practice_hours_per_week == 1.0
    assert pace.practice_spin.value() == 1.0


@pytest.mark.parametrize("where", ["pace", "plan_menu"])
def test_route_menu_lists_the_groups_and_chooses(career_window, qtbot, where):
    doc = career_window.document
    menu = career_window.pace_bar.route_menu if where == "pace" else career_window.career.route_menu
    _pick(menu, "goal", "Analyst")
    assert [(r.target, r.choice) for r in doc.roadmap.plan.route] == [("goal", "analyst")]
    menu.fill()
    sub = next(a.menu() for a in menu.actions() if a.menu() is not None)
    assert [a.text() for a in sub.actions() if a.isChecked()] == ["Analyst"]
    _pick(menu, "goal", "Fastest")
    assert doc.roadmap.plan.route == []


def test_route_menu_says_when_there_is_nothing_to_choose(window):
    menu = window.career.route_menu
    window.files.new_document(career_roadmap().model_copy(update={"edges": []}))
    menu.fill()
    assert [a.text() for a in menu.actions()] == ["This roadmap has no alternative routes"]


def test_route_choice_changes_the_schedule(career_window):
    from roadmap_app.ui.common.plan_cache import schedule_for

    doc = career_window.document
    career_window.editor.choose_route("goal", "entry", "analyst")
    ids = schedule_for(doc).ids
    assert "analyst" in ids and "dev" not in ids
    career_window.editor.choose_route("goal", "entry", "dev")
    ids = schedule_for(doc).ids
    assert "dev" in ids and "analyst" not in ids
    assert career_window.pace_bar.projected.ids == ids  # the plan controls show that schedule


def test_edges_of_off_route_nodes_fade_with_them(career_window, qtbot):
    scene = career_window.scene
    career_window.editor.choose_route("goal", "entry", "analyst")
    qtbot.waitUntil(lambda: scene.is_off_route("dev"))
    assert scene._edge_faded(("dev", "goal", "prerequisite"))
    assert scene._edge_faded(("degree", "dev", "prerequisite"))
    assert not scene._edge_faded(("analyst", "goal", "prerequisite"))
