"""The "Where are you now?" flow, driven through the window as a user would."""

from __future__ import annotations

import datetime as dt

import pytest
from career_fixtures import career_roadmap
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWizard

from roadmap_app.model import Status
from roadmap_app.planning import schedule

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")


@pytest.fixture
def career_window(window):
    roadmap = career_roadmap()
    roadmap.plan.goal = "goal"
    window.files.new_document(roadmap)
    return window


def _drive(window, qtbot, steps) -> bool:
    """Trigger Plan > Where Are You Now… and run `steps(wizard)` while it is modal."""
    seen = []

    def run() -> None:
        wizard = window.career.wizard
        assert wizard is not None and wizard.isVisible()
        seen.append(wizard)
        steps(wizard)

    QTimer.singleShot(0, run)
    window.actions["where_now"].trigger()
    assert seen, "the flow did not open"
    return True


def test_the_plan_menu_offers_the_flow(career_window):
    menus = [a.menu() for a in career_window.menuBar().actions() if a.menu() is not None]
    titles = [m.objectName() for m in menus]
    assert titles.index("menu_plan") == titles.index("menu_help") - 1  # just before Help
    plan_menu = menus[titles.index("menu_plan")]
    names = [a.objectName() for a in plan_menu.actions()]
    assert "action_where_now" in names


def test_flow_end_to_end_applies_everything_as_one_undo_step(career_window, qtbot):
    doc = career_window.document
    before = doc.roadmap.model_dump_json()
    shown = {}

    def steps(wizard) -> None:
        profiles = wizard.profile_page.profiles
        row = next(r for r in range(profiles.count())
                   if profiles.item(r).data(Qt.ItemDataRole.UserRole) == "software-engineer")
        profiles.setCurrentRow(row)
        wizard.profile_page.years.setValue(3)
        wizard.next()
        known = wizard.known_page
        assert wizard.currentPage() is known
        known.tick_stage("Education")  # "all of this stage"
        assert {"python", "degree"} <= known.ticked()
        known.node_items["dev"].setCheckState(0, Qt.CheckState.Checked)
        wizard.next()
        pace = wizard.pace_page
        assert wizard.currentPage() is pace
        pace.hours.setValue(20.0)
        wizard.preview()
        shown["slow"] = pace.finish.text()
        pace.hours.setValue(40.0)
        wizard.preview()
        shown["fast"] = pace.finish.text()
        shown["trial"] = wizard.trial_roadmap()
        wizard.button(QWizard.WizardButton.FinishButton).click()

    _drive(career_window, qtbot, steps)
    # The date shown is the planner's for exactly these answers.
    expected = schedule(shown["trial"]).goal_date
    assert shown["fast"] == f"Projected: {expected.isoformat()}"
    assert shown["slow"].startswith("Projected: ") and shown["slow"] >= shown["fast"]

    for node_id in ("python", "degree", "dev"):
        assert doc.node(node_id).status is Status.DONE
        assert doc.node(node_id).completed_on is not None
    assert doc.node("analyst").status is Status.NOT_STARTED
    assert doc.roadmap.plan.hours_per_week == 40.0
    assert doc.roadmap.plan.profile == "software-engineer"
    assert career_window.pace_bar.date_label.text() == f"Projected: {expected.isoformat()}"

    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.roadmap.model_dump_json() == before


def test_cancel_leaves_the_plan_untouched(career_window, qtbot):
    doc = career_window.document
    before = doc.roadmap.model_dump_json()

    def steps(wizard) -> None:
        wizard.next()
        wizard.known_page.tick_stage("Education")
        wizard.next()
        wizard.pace_page.hours.setValue(30.0)
        wizard.reject()

    _drive(career_window, qtbot, steps)
    assert doc.roadmap.model_dump_json() == before
    assert doc.undo_stack.count() == 0


def test_unticking_earlier_work_reopens_it_and_target_date_goes_to_the_goal(career_window, qtbot):
    doc = career_window.document
    career_window.editor.set_done_date("python", dt.date.today())
    target = dt.date.today().replace(year=dt.date.today().year + 12)

    def steps(wizard) -> None:
        wizard.next()
        assert wizard.known_page.ticked() == {"python"}  # what is done shows ticked
        wizard.known_page.node_items["python"].setCheckState(0, Qt.CheckState.Unchecked)
        wizard.next()
        wizard.pace_page.has_target.setChecked(True)
        wizard.pace_page.target.setDate(target)
        wizard.preview()
        assert "target date" in wizard.pace_page.detail.text()
        wizard.accept()

    _drive(career_window, qtbot, steps)
    assert doc.node("python").status is Status.NOT_STARTED
    assert doc.node("goal").target_date == target
    assert doc.undo_stack.count() == 2


def test_keyboard_alone_gets_through_the_flow(career_window, qtbot):
    doc = career_window.document

    def steps(wizard) -> None:
        qtbot.keyClick(wizard.profile_page.profiles, Qt.Key.Key_Down)
        qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Next is the default button
        assert wizard.currentPage() is wizard.known_page
        tree = wizard.known_page.tree
        tree.setCurrentItem(wizard.known_page.stage_items["Education"])
        qtbot.keyClick(tree, Qt.Key.Key_Space)  # ticks the whole stage
        qtbot.keyClick(wizard, Qt.Key.Key_Return)
        assert wizard.currentPage() is wizard.pace_page
        qtbot.keyClick(wizard, Qt.Key.Key_Return)  # Finish

    _drive(career_window, qtbot, steps)
    assert doc.node("degree").status is Status.DONE and doc.node("python").status is Status.DONE


def test_a_profile_on_the_built_in_roadmap_pre_ticks_starts_the_current_job_and_sets_the_route(
        window, qtbot):
    from roadmap_app.planning.profiles import apply_profile

    doc = window.document
    before = doc.roadmap.model_dump_json()
    # A year into the first job: the degree behind, the job still under way.
    expected = apply_profile(doc.roadmap, "software-engineer", 1, dt.date.today())
    assert expected.done and expected.started  # the profile means something on this roadmap
    seen = {}

    def steps(wizard) -> None:
        wizard.profile_page.select("software-engineer")
        assert wizard.profile_page.years.value() == 3  # the profile's typical years
        wizard.profile_page.years.setValue(1)
        wizard.next()
        seen["ticked"] = wizard.known_page.ticked()
        wizard.next()
        seen["summary"] = wizard.pace_page.start_summary.text()
        wizard.accept()

    _drive(window, qtbot, steps)
    assert seen["ticked"] == set(expected.done)
    job = next(iter(expected.started))
    assert f"in progress: {doc.node(job).title} since" in seen["summary"]
    for node_id, day in expected.done.items():
        assert doc.node(node_id).status is Status.DONE and doc.node(node_id).completed_on == day
    assert doc.node(job).status is Status.IN_PROGRESS
    assert doc.node(job).status_history[-1].at.date() == expected.started[job]
    assert doc.roadmap.plan.route == expected.route
    assert doc.roadmap.plan.profile == "software-engineer"
    doc.undo_stack.undo()
    assert doc.roadmap.model_dump_json() == before


def test_first_start_flags_the_flow_once_and_a_later_start_does_not(window, qtbot, restore_app_look):
    from roadmap_app.app import build_window

    assert window.career.first_run  # the default plan was just created from the template
    opened = []

    def answer() -> None:
        opened.append(window.career.wizard)
        window.career.wizard.reject()

    QTimer.singleShot(0, answer)
    window.career.open_if_first_run()
    assert opened and not window.career.first_run
    window.career.open_if_first_run()  # asked once only
    assert len(opened) == 1

    window.files.save(wait=True)
    later = build_window()  # the default plan exists now: not a first start
    qtbot.addWidget(later)
    assert not later.career.first_run
    later.files.pool.waitForDone()


def test_the_finish_date_follows_the_answers_by_itself(career_window, qtbot):
    texts = []

    def steps(wizard) -> None:
        wizard.next()
        wizard.next()
        pace = wizard.pace_page
        qtbot.waitUntil(lambda: pace.finish.text().startswith("Projected: "), timeout=2000)
        texts.append(pace.finish.text())
        pace.hours.setValue(pace.hours.value() * 4)
        qtbot.waitUntil(lambda: pace.finish.text() != texts[0], timeout=2000)
        pace.has_target.setChecked(True)
        qtbot.waitUntil(lambda: "target date" in pace.detail.text(), timeout=2000)
        wizard.reject()

    _drive(career_window, qtbot, steps)
    assert texts


def test_profiles_that_do_not_fit_the_roadmap_are_greyed_out_with_the_reason(window, qtbot):
    from roadmap_app.planning.profiles import PROFILES, misfit
    from roadmap_app.templates import load_template

    roadmap = load_template("swe-to-mle")
    window.files.new_document(roadmap)
    unfit = {p for p in PROFILES if misfit(roadmap, p)}
    assert unfit and "software-engineer" not in unfit  # the roadmap is for working engineers
    seen, current = {}, []

    def steps(wizard) -> None:
        profiles = wizard.profile_page.profiles
        for row in range(profiles.count()):
            item = profiles.item(row)
            seen[item.data(Qt.ItemDataRole.UserRole)] = (
                bool(item.flags() & Qt.ItemFlag.ItemIsEnabled), item.toolTip())
        current.append(wizard.profile_page.profile_id())
        wizard.reject()

    _drive(window, qtbot, steps)
    assert set(seen) == set(PROFILES)
    for profile_id, (enabled, tip) in seen.items():
        assert enabled == (profile_id not in unfit), profile_id
        if not enabled:
            assert "does not fit the roadmap" in tip
    assert current and current[0] not in unfit  # the flow opens on a profile that fits
