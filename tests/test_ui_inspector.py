"""The inspector and the window's smaller flows: resources, links, jumps, themes, prompts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from url_recorder import UrlRecorder

from roadmap_app.model import Origin, Resource, Status
from roadmap_app.storage import codec, mark_session_open, paths, write_recovery
from roadmap_app.ui.dialogs import recovery_prompt
from roadmap_app.ui.dialogs.resource_editor import ResourceDialog

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")

TARGET = "edu-ml-data-mining"  # three resources, open prerequisites



def _select(window, node_id: str = TARGET):
    window.edits.jump_to(node_id)
    assert window.inspector.node_id == node_id
    return window.inspector


def test_empty_state_until_a_node_is_selected(window):
    assert window.inspector.stack.currentWidget() is window.inspector.empty
    assert window.inspector.empty.text() == "Select a node to see its details and resources"
    _select(window)
    assert window.inspector.stack.currentIndex() == 1


def test_title_edits_are_one_undo_step_and_user_text_stays_plain(window, qtbot):
    inspector = _select(window)
    inspector.title.setFocus()
    inspector.title.selectAll()
    qtbot.keyClicks(inspector.title, "<b>ML</b> & data mining")
    qtbot.keyClick(inspector.title, Qt.Key.Key_Return)
    assert window.document.node(TARGET).title == "<b>ML</b> & data mining"
    assert window.document.undo_stack.undoText() == "Rename node"
    assert inspector.stage_progress_label.textFormat() == Qt.TextFormat.PlainText
    assert "&lt;b&gt;" in inspector.title.toolTip()  # escaped, so it shows literally


def test_resources_edit_remove_and_reorder_through_the_editor(window, monkeypatch):
    inspector = _select(window)
    table = inspector.resources
    doc = window.document
    ids = [r.id for r in doc.node(TARGET).resources]
    assert table.table.rowCount() == len(ids) >= 3

    table.table.selectRow(0)
    table.down_button.click()
    assert [r.id for r in doc.node(TARGET).resources] == [ids[1], ids[0], *ids[2:]]
    assert table.selected_resource().id == ids[0]  # the moved row stays selected
    table.up_button.click()
    assert [r.id for r in doc.node(TARGET).resources] == ids

    def edit(dialog: ResourceDialog) -> int:
        dialog.provider.setText("My library")
        dialog.status.setCurrentIndex(dialog.status.findData("done"))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ResourceDialog, "exec", edit)
    table.table.selectRow(1)
    table.edit_button.click()
    edited = doc.node(TARGET).resources[1]
    assert (edited.provider, edited.status) == ("My library", Status.DONE)
    assert doc.undo_stack.undoText().lower().startswith("edit")

    table.remove_button.click()
    assert [r.id for r in doc.node(TARGET).resources] == [ids[0], *ids[2:]]
    doc.undo_stack.undo()
    assert [r.id for r in doc.node(TARGET).resources] == ids


def test_an_imported_link_shows_its_host_once_per_session(window, dialogs):
    recorder = UrlRecorder()
    QDesktopServices.setUrlHandler("https", recorder, "handle")
    try:
        window.editor.add_resource(TARGET, Resource(
            id="r-imported", title="Shared link", url="https://example.net/course", origin=Origin.IMPORTED))
        table = _select(window).resources
        table.select_resource("r-imported")
        dialogs.answer = QMessageBox.StandardButton.Cancel
        table.open_button.click()
        assert recorder.urls == []
        assert "example.net" in dialogs.asked[-1][1]
        dialogs.answer = QMessageBox.StandardButton.Open
        table.open_button.click()
        table.open_button.click()  # confirmed once: no second question
        assert recorder.urls == ["https://example.net/course"] * 2
        assert len(dialogs.asked) == 2
    finally:
        QDesktopServices.unsetUrlHandler("https")


def test_clicking_a_prerequisite_selects_and_centres_it(window, qtbot):
    inspector = _select(window)
    item = inspector.prerequisites.item(0)
    prerequisite = item.data(Qt.ItemDataRole.UserRole)
    assert prerequisite
    rect = inspector.prerequisites.visualItemRect(item)
    qtbot.mouseClick(inspector.prerequisites.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.scene.selected_node_ids() == [prerequisite]
    assert inspector.node_id == prerequisite
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert window.scene.node_rect(prerequisite).adjusted(-300, -300, 300, 300).contains(centre)


def test_marking_done_with_open_prerequisites_goes_through_the_lock_prompt(window, monkeypatch):
    from roadmap_app.ui.dialogs import lock_prompt

    asked = []
    monkeypatch.setattr(lock_prompt, "mark_done_with_prerequisites",
                        lambda parent, editor, ids: asked.append(ids) or True)
    _select(window)
    window.actions["status_done"].trigger()
    assert asked == [[TARGET]]
    window.edits.set_status(["edu-programming"], Status.DONE)  # no open prerequisites: no prompt
    assert asked == [[TARGET]]
    assert window.document.node("edu-programming").status is Status.DONE


def test_switching_theme_restyles_widgets_and_canvas(window):
    window.findChild(type(window.actions["theme_dark"]), "action_theme_dark").trigger()
    assert window.theme.dark and window.scene.theme.name == "dark"
    assert QApplication.palette().window().color().lightness() < 80
    assert window.settings.theme.value == "dark"
    window.actions["theme_light"].trigger()
    assert window.scene.theme.name == "light"
    assert QApplication.palette().window().color().lightness() > 200


def test_recovered_work_is_offered_and_restored_as_an_undoable_change(window, monkeypatch):
    path = window.document.path
    recovered = window.document.roadmap.model_copy(deep=True)
    recovered.nodes[0].notes = "written just before the crash"
    write_recovery(path, codec.dumps(recovered))
    window.files.close_document()
    mark_session_open(path)  # as if the process had died with the plan open
    monkeypatch.setattr("roadmap_app.storage.recovery._session_state", lambda session: "dead")
    offers = []
    monkeypatch.setattr(recovery_prompt, "ask_recovery", lambda *args: offers.append(args) or "restore")
    assert window.files.open_path(paths.default_plan_path(), ask_first=False)
    assert len(offers) == 1
    assert window.document.roadmap.nodes[0].notes == "written just before the crash"
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert window.document.roadmap.nodes[0].notes == ""
