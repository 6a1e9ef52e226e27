"""File menu actions driven by objectName: New from Template, Open, Save As, Revert; Edit menu names."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMessageBox

from roadmap_app.model import Status
from roadmap_app.storage import load, save
from roadmap_app.templates import load_template
from roadmap_app.ui.dialogs.small_dialogs import TemplateDialog

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")


def action(win, name: str) -> QAction:
    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


def first_id(document, title: str) -> str:
    return next(n.id for n in document.roadmap.nodes if title.casefold() in n.title.casefold())


def test_the_edit_menu_names_the_change_to_undo_and_redo(window):
    node_id = first_id(window.document, "Linear algebra")
    window.edits.set_status([node_id], Status.DONE)
    undo, redo = action(window, "action_undo"), action(window, "action_redo")
    assert undo.isEnabled() and undo.text() != "&Undo" and "Done" in undo.text()
    undo.trigger()
    assert redo.isEnabled() and "Done" in redo.text()
    # The Redo key is the one the menu shows (the first shortcut).
    assert redo.shortcut() == QKeySequence("Ctrl+Shift+Z")
    assert undo.shortcut() == QKeySequence("Ctrl+Z")


def test_save_as_writes_the_new_file_and_retitles_the_window(window, monkeypatch, tmp_path):
    target = tmp_path / "copy.roadmap"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(target), "")))
    node_id = first_id(window.document, "Linear algebra")
    window.edits.set_status([node_id], Status.DONE)
    action(window, "action_save_as").trigger()
    assert window.files.wait()
    assert load(target).roadmap == window.document.roadmap
    assert window.document.path == target.absolute()
    assert window.windowTitle().startswith("copy.roadmap[*]")
    assert not window.isWindowModified()
    assert target.absolute() in [p.absolute() for p in window.settings.recent_files]


def test_open_and_revert_discard_only_after_asking(window, dialogs, monkeypatch, tmp_path):
    path = tmp_path / "mine.roadmap"
    save(path, load_template("ml-architect").model_copy(update={"title": "Mine"}))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    action(window, "action_open").trigger()
    assert window.document.path == path.absolute() and window.document.roadmap.title == "Mine"
    saved = window.document.roadmap.model_copy(deep=True)
    assert not action(window, "action_revert").isEnabled()
    node_id = first_id(window.document, "Linear algebra")
    window.edits.set_status([node_id], Status.DONE)
    assert window.windowTitle().startswith("mine.roadmap[*]") and window.isWindowModified()
    revert = action(window, "action_revert")
    assert revert.isEnabled()
    dialogs.answer = QMessageBox.StandardButton.Cancel
    revert.trigger()
    assert window.document.node(node_id).status is Status.DONE and len(dialogs.asked) == 1
    dialogs.answer = QMessageBox.StandardButton.Discard
    revert.trigger()
    assert window.document.roadmap == saved
    assert window.document.node(node_id).status is Status.NOT_STARTED
    assert not window.isWindowModified()


def test_new_from_template_opens_an_untitled_plan_after_the_save_prompt(window, dialogs, monkeypatch):
    def choose(dialog: TemplateDialog) -> int:
        assert dialog.list.count() >= 1
        dialog.list.setCurrentRow(0)
        dialog.accept()
        return TemplateDialog.DialogCode.Accepted

    monkeypatch.setattr(TemplateDialog, "exec", choose)
    old = window.document
    window.edits.set_status([first_id(old, "Linear algebra")], Status.DONE)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    action(window, "action_new_from_template").trigger()
    assert window.document is old  # the unsaved change was not dropped silently
    dialogs.answer = QMessageBox.StandardButton.Discard
    action(window, "action_new_from_template").trigger()
    assert window.document is not old
    assert window.document.path is None
    assert len(window.document.roadmap.nodes) > 10


def test_a_recent_file_with_an_ampersand_is_listed_literally(window, tmp_path):
    path = tmp_path / "R&D plan.roadmap"
    save(path, load_template("ml-architect"))
    window.files.open_path(path)
    window.file_menu.aboutToShow.emit()
    window.recent_menu.aboutToShow.emit()
    first = window.findChild(QAction, "action_recent_0")
    assert first is not None
    assert first.text().replace("&&", "&").endswith("R&D plan.roadmap")
    assert "&&D" in first.text()  # a single & would underline D and hide the ampersand


def test_a_stage_name_with_an_ampersand_is_shown_literally_in_the_filter_menu(window):
    stage = next(s for s in window.document.roadmap.stage_order() if "&" in s)
    texts = [a.text() for a in window.findChildren(QAction) if a.objectName().startswith("filter_stage_")]
    assert stage.replace("&", "&&") in texts
