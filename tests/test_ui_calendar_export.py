"""File > Export Calendar (.ics)…: the open plan's schedule as iCalendar (pytest-qt)."""

from __future__ import annotations

from pathlib import Path

import icalendar
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

pytest_plugins = ("ui_helpers",)  # the window and dialogs fixtures


def _action(window) -> QAction:
    found = window.findChild(QAction, "action_export_calendar")
    assert found is not None
    return found


def _answer_save(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_the_action_sits_after_export_in_the_file_menu(window):
    names = [a.objectName() for a in window.file_menu.actions()]
    assert names.index("action_export_calendar") == names.index("action_export") + 1
    assert _action(window).text() == "Export &Calendar (.ics)…"


def test_it_writes_the_weekly_blocks_and_milestones(window, monkeypatch, tmp_path, dialogs):
    out = tmp_path / "my plan"  # no extension: .ics is added
    _answer_save(monkeypatch, out)
    _action(window).trigger()
    written = tmp_path / "my plan.ics"
    assert not dialogs.errors and written.is_file()
    events = icalendar.Calendar.from_ical(written.read_bytes()).walk("VEVENT")
    summaries = [str(e.get("summary")) for e in events]
    assert any(s.startswith("Study ") for s in summaries)
    assert any(s.startswith("Goal: ") for s in summaries)
    assert "calendar" in window.status.currentMessage()


def test_an_unwritable_target_is_one_message_naming_the_file(window, monkeypatch, tmp_path, dialogs):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file")
    out = blocker / "plan.ics"
    _answer_save(monkeypatch, out)
    _action(window).trigger()
    assert len(dialogs.errors) == 1
    assert "plan.ics" in str(dialogs.errors[0]) and not out.exists()
