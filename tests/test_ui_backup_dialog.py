"""File > Restore from Backup…: the list, the preview, restoring as one undo step, the empty state."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from roadmap_app.model import Status
from roadmap_app.storage import list_backups
from roadmap_app.ui.dialogs import backup_dialog
from roadmap_app.ui.dialogs.backup_dialog import EMPTY_TEXT, BackupDialog

pytest_plugins = ("ui_helpers",)


def _save(window, qtbot) -> None:
    window.actions["save"].trigger()
    qtbot.waitUntil(lambda: window.files.state == "Saved", timeout=5000)


def _two_saves(window, qtbot):
    """Save once with the first node done, then once more with a note: two newer backups."""
    first, second = window.document.roadmap.nodes[:2]
    window.edits.set_status([first.id], Status.DONE)
    _save(window, qtbot)
    window.editor.update_node(second.id, notes="a note")
    window.edits.set_status([second.id], Status.IN_PROGRESS)
    _save(window, qtbot)
    return first, second


def test_the_dialog_lists_backups_newest_first_and_previews_changes(window, qtbot):
    first, second = _two_saves(window, qtbot)
    backups = list_backups(window.document.path, check=False)
    assert len(backups) >= 2
    dialog = BackupDialog(window, window.document.path, window.document.roadmap)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == len(backups)
    assert dialog.list.item(0).text().startswith(backups[0].label)
    assert "bytes" in dialog.list.item(0).text() or "KB" in dialog.list.item(0).text()
    assert not dialog.findChild(type(dialog.empty), "backup_empty").isVisible()
    # The newest backup is the open plan itself: nothing would change.
    assert dialog.list.currentRow() == 0 and dialog.restore_button.isEnabled()
    assert "the same as in the open plan" in dialog.preview.toPlainText()
    # The oldest is the plan as first created: restoring it would undo both statuses.
    dialog.list.setCurrentRow(dialog.list.count() - 1)
    text = dialog.preview.toPlainText()
    assert f"Status of “{first.title}”: Done → Not started" in text
    assert f"Status of “{second.title}”: In progress → Not started" in text
    assert f"Notes changed: “{second.title}”" in text
    assert "nodes, 0 done" in text


def test_restore_replaces_the_open_plan_as_one_undo_step_and_writes_nothing(window, qtbot, monkeypatch):
    first, _second = _two_saves(window, qtbot)
    path = window.document.path
    on_disk = path.read_bytes()

    def pick_oldest(dialog):
        dialog.list.setCurrentRow(dialog.list.count() - 1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BackupDialog, "exec", pick_oldest)
    window.actions["restore_backup"].trigger()
    assert window.document.roadmap.node(first.id).status is Status.NOT_STARTED
    assert window.isWindowModified()
    assert path.read_bytes() == on_disk  # the user saves when they want to
    assert window.document.undo_stack.undoText().startswith("Restore backup from ")
    window.document.undo_stack.undo()
    assert window.document.roadmap.node(first.id).status is Status.DONE
    assert not window.isWindowModified()


def test_a_damaged_backup_is_shown_as_such_and_cannot_be_restored(window, qtbot):
    _two_saves(window, qtbot)
    oldest = list_backups(window.document.path, check=False)[-1]
    oldest.path.write_bytes(b'{"format": "roadmap-planner", "roadmap": ')
    dialog = BackupDialog(window, window.document.path, window.document.roadmap)
    qtbot.addWidget(dialog)
    dialog.list.setCurrentRow(dialog.list.count() - 1)
    assert "cannot be restored" in dialog.preview.toPlainText()
    assert not dialog.restore_button.isEnabled()
    assert dialog.chosen() is None
    dialog.list.setCurrentRow(0)
    assert dialog.restore_button.isEnabled()


def test_no_backups_shows_the_empty_state(window, qtbot, tmp_path):
    dialog = BackupDialog(window, tmp_path / "never-saved.roadmap", window.document.roadmap)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.empty.isVisible() and dialog.empty.text() == EMPTY_TEXT
    assert not dialog.restore_button.isEnabled()


def test_the_action_is_disabled_for_an_untitled_plan(window):
    action = window.actions["restore_backup"]
    assert action.objectName() == "action_restore_backup" and action.isEnabled()
    assert action in window.file_menu.actions()
    window.files.new_document(window.document.roadmap.model_copy(deep=True))
    assert not action.isEnabled()
    assert backup_dialog.restore_from_backup(window) is False
