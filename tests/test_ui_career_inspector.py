"""The inspector's career fields: done date, route choice, opt-in, why, off-route banner."""

from __future__ import annotations

import datetime as dt

import pytest
from career_fixtures import career_roadmap
from PySide6.QtCore import QDate, Qt

from roadmap_app.model import Status

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")

TODAY = dt.date.today()


@pytest.fixture
def career_window(window):
    roadmap = career_roadmap()
    roadmap.plan.goal = "goal"
    window.files.new_document(roadmap)
    return window


def _select(window, node_id: str):
    window.edits.jump_to(node_id)
    assert window.inspector.node_id == node_id
    return window.inspector.career


def test_done_date_back_dates_a_node_in_one_undo_step(career_window):
    doc = career_window.document
    fields = _select(career_window, "degree")
    assert not fields.done_box.isChecked() and not fields.done_date.isEnabled()
    assert fields.done_date.date() == QDate(TODAY.year, TODAY.month, TODAY.day)  # defaults to today
    fields.done_box.setChecked(True)
    assert doc.node("degree").status is Status.DONE and doc.node("degree").completed_on == TODAY

    past = TODAY - dt.timedelta(days=700)
    fields.done_date.setDate(QDate(past.year, past.month, past.day))
    fields.done_date.editingFinished.emit()
    assert doc.node("degree").completed_on == past
    assert doc.node("degree").status_history[-1].at.date() == TODAY  # one completion, dated again
    assert doc.undo_stack.undoText() == "Set done date"
    doc.undo_stack.undo()
    assert doc.node("degree").completed_on == TODAY
    doc.undo_stack.undo()
    assert doc.node("degree").status is Status.NOT_STARTED
    assert not fields.done_box.isChecked()


def test_done_date_cannot_be_in_the_future(career_window):
    fields = _select(career_window, "degree")
    assert fields.done_date.maximumDate() == QDate(TODAY.year, TODAY.month, TODAY.day)
    future = TODAY + dt.timedelta(days=30)
    fields.done_date.setDate(QDate(future.year, future.month, future.day))
    assert fields.done_date.date() <= QDate(TODAY.year, TODAY.month, TODAY.day)


def test_unticking_done_reopens_the_node(career_window):
    career_window.editor.set_done_date("python", TODAY)
    fields = _select(career_window, "python")
    assert fields.done_box.isChecked()
    fields.done_box.setChecked(False)
    assert career_window.document.node("python").status is Status.NOT_STARTED


def test_route_choice_in_the_inspector_sets_the_route_and_dims_the_other(career_window):
    doc = career_window.document
    fields = _select(career_window, "goal")
    assert len(fields.route_combos) == 1
    combo = fields.route_combos[0]
    assert combo.currentData() is None and combo.currentText().startswith("Fastest")
    index = combo.findData("analyst")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert [(r.group, r.choice) for r in doc.roadmap.plan.route] == [("entry", "analyst")]
    assert fields.route_combos[0].currentData() == "analyst"  # rebuilt, showing the choice

    dev = _select(career_window, "dev")
    assert dev.banner.isVisibleTo(career_window.inspector)
    analyst = _select(career_window, "analyst")
    assert not analyst.banner.isVisibleTo(career_window.inspector)
    doc.undo_stack.undo()
    assert doc.roadmap.plan.route == []


def test_optional_node_offers_include_and_others_do_not(career_window):
    doc = career_window.document
    fields = _select(career_window, "python")
    assert not fields.include.isVisibleTo(career_window.inspector)
    fields = _select(career_window, "cert")
    assert fields.include.isVisibleTo(career_window.inspector) and not fields.include.isChecked()
    fields.include.setChecked(True)
    assert doc.roadmap.plan.include_optional == ["cert"]
    doc.undo_stack.undo()
    assert doc.roadmap.plan.include_optional == [] and not fields.include.isChecked()


def test_why_is_shown_read_only_when_the_template_gives_one(career_window):
    fields = _select(career_window, "goal")
    assert fields.why.isVisibleTo(career_window.inspector)
    assert fields.why.text() == "Why: Where the roadmap leads."
    fields = _select(career_window, "python")
    assert not fields.why.isVisibleTo(career_window.inspector)


def test_a_day_picked_in_the_calendar_popup_is_committed(career_window, qtbot):
    doc = career_window.document
    fields = _select(career_window, "degree")
    fields.done_box.setChecked(True)
    past = TODAY - dt.timedelta(days=90)
    calendar = fields.done_date.calendarWidget()
    calendar.setSelectedDate(QDate(past.year, past.month, past.day))
    calendar.clicked.emit(QDate(past.year, past.month, past.day))
    assert doc.node("degree").completed_on == past
    assert doc.undo_stack.count() == 2  # marked done, then the day changed


def test_typing_a_day_commits_once_when_editing_finishes(career_window, qtbot):
    doc = career_window.document
    career_window.editor.set_done_date("degree", TODAY)
    fields = _select(career_window, "degree")
    fields.done_date.setFocus()
    qtbot.waitUntil(fields.done_date.hasFocus, timeout=1000)
    fields.done_date.setDate(QDate(2020, 3, 1))  # as typing would, with focus
    assert doc.node("degree").completed_on == TODAY  # not yet: still editing
    qtbot.keyClick(fields.done_date, Qt.Key.Key_Return)
    assert doc.node("degree").completed_on == dt.date(2020, 3, 1)
    assert doc.undo_stack.count() == 2


def test_the_inspector_says_how_a_step_takes_time(career_window):
    editor = career_window.editor
    fields = _select(career_window, "degree")
    assert fields.timing.text().startswith("Calendar time: 3 yr")
    fields = _select(career_window, "python")
    assert not fields.timing.isVisibleTo(career_window.inspector)
    editor.update_node("python", kind="practice")
    assert fields.timing.text() == "Ongoing: practices share 1 h per week of your study time."
    editor.set_practice_hours(2.5)
    assert "2.5 h per week" in fields.timing.text()


def test_a_skill_learned_in_a_job_says_so(window):
    roadmap = career_roadmap()
    roadmap.node("python").learned_in = "degree"  # as a template says it
    window.files.new_document(roadmap)
    fields = _select(window, "python")
    assert fields.timing.text() == "Learned during “Degree”: no extra study time."


def test_an_optional_node_left_out_says_how_to_add_it(career_window, qtbot):
    from roadmap_app.ui.panels.career_fields import OFF_ROUTE_TEXT, OPTIONAL_TEXT

    fields = _select(career_window, "cert")
    assert fields.banner.isVisibleTo(career_window.inspector) and fields.banner.text() == OPTIONAL_TEXT
    fields.include.setChecked(True)
    qtbot.waitUntil(lambda: not fields.banner.isVisibleTo(career_window.inspector), timeout=2000)
    career_window.editor.choose_route("goal", "entry", "analyst")
    fields = _select(career_window, "dev")
    assert fields.banner.text() == OFF_ROUTE_TEXT


def test_the_banner_takes_the_dark_theme_colours(career_window, qtbot):
    from roadmap_app.ui.window.theme import ThemeMode

    fields = _select(career_window, "cert")
    light = fields.banner.styleSheet()
    career_window.theme.set_mode(ThemeMode.DARK)
    qtbot.waitUntil(lambda: fields.banner.styleSheet() != light, timeout=2000)
    dark = fields.banner.styleSheet()
    base = career_window.palette().color(career_window.palette().ColorRole.AlternateBase).name()
    assert base in dark
