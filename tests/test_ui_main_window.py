"""The main window driven through real widgets and actions (pytest-qt, offscreen)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QDialog, QMessageBox
from url_recorder import UrlRecorder

from roadmap_app.model import Status
from roadmap_app.storage import load, paths
from roadmap_app.ui.dialogs.resource_editor import ResourceDialog

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")  # the window and dialogs fixtures


def node_by_title(document, text: str) -> str:
    return next(n.id for n in document.roadmap.nodes if text.casefold() in n.title.casefold())


def action(win, name: str) -> QAction:
    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


def test_first_start_creates_the_default_plan_from_the_template(window):
    plan = paths.default_plan_path()
    assert plan.is_file()
    assert load(plan).roadmap.id == window.document.roadmap.id
    assert len(window.document.roadmap.nodes) > 30
    assert window.windowTitle().startswith("my-plan.roadmap[*]")
    assert not window.isWindowModified()
    assert window.status.save_state.text() == "Saved"


def test_search_highlights_matches_and_enter_jumps_to_the_node(window, qtbot):
    action(window, "action_find").trigger()
    assert window.search.field.hasFocus()
    qtbot.keyClicks(window.search.field, "linear algebra")
    qtbot.waitUntil(lambda: window.search.matches != [])
    target = node_by_title(window.document, "Linear algebra")
    assert window.search.matches[0] == target
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.scene.selected_node_ids() == [target]
    assert window.inspector.title.text() == window.document.node(target).title
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    assert window.search.matches == []


def test_status_in_the_inspector_updates_model_and_item_and_undo_restores_both(window, qtbot):
    node_id = node_by_title(window.document, "Linear algebra")
    window.edits.jump_to(node_id)
    before = window.document.node(node_id).status
    assert before is Status.NOT_STARTED
    qtbot.mouseClick(window.inspector.status_buttons[Status.DONE], Qt.MouseButton.LeftButton)
    assert window.document.node(node_id).status is Status.DONE
    assert window.scene.item_for_node(node_id).status is Status.DONE
    assert window.isWindowModified()
    assert action(window, "action_undo").text().startswith("&Undo")
    action(window, "action_undo").trigger()
    assert window.document.node(node_id).status is before
    assert window.scene.item_for_node(node_id).status is before
    assert window.inspector.status_buttons[before].isChecked()
    assert not window.isWindowModified()


def test_one_key_status_shortcut_marks_the_selection(window, qtbot):
    node_id = node_by_title(window.document, "Programming")
    window.edits.jump_to(node_id)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert window.document.node(node_id).status is Status.IN_PROGRESS


def test_notes_commit_as_one_undo_step_and_move_nothing_per_keystroke(window, qtbot):
    node_id = node_by_title(window.document, "Linear algebra")
    window.edits.jump_to(node_id)
    stack = window.document.undo_stack
    count = stack.count()
    notes = window.inspector.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "Chapter 3 done")
    assert stack.count() == count  # nothing pushed while typing
    window.view.setFocus()  # focus-out commits
    qtbot.waitUntil(lambda: stack.count() == count + 1)
    assert window.document.node(node_id).notes == "Chapter 3 done"
    stack.undo()
    assert window.document.node(node_id).notes == ""
    assert notes.toPlainText() == ""


def test_stage_progress_moves_when_a_status_changes(window):
    node_id = node_by_title(window.document, "Linear algebra")
    window.edits.jump_to(node_id)
    label = window.inspector.stage_progress_label
    before = label.text()
    window.edits.set_status([node_by_title(window.document, "Programming")], Status.DONE)
    assert label.text() != before
    assert label.text().startswith("Education: 1 of")



def _add_resource(window, monkeypatch, title: str, url: str) -> None:
    def fill_and_accept(dialog: ResourceDialog) -> int:
        dialog.title.setText(title)
        dialog.url.setText(url)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ResourceDialog, "exec", fill_and_accept)
    window.inspector.resources.add_button.click()


def test_resource_is_added_and_only_http_links_open(window, dialogs, monkeypatch, qtbot):
    recorder = UrlRecorder()
    for scheme in ("http", "https", "file", "javascript"):
        QDesktopServices.setUrlHandler(scheme, recorder, "handle")
    try:
        node_id = node_by_title(window.document, "Linear algebra")
        window.edits.jump_to(node_id)
        count = len(window.document.node(node_id).resources)
        _add_resource(window, monkeypatch, "Mathematics for ML course", "https://example.org/math")
        resources = window.document.node(node_id).resources
        assert len(resources) == count + 1
        assert resources[-1].title == "Mathematics for ML course"
        table = window.inspector.resources
        assert table.selected_resource().id == resources[-1].id
        table.open_button.click()
        assert recorder.urls == ["https://example.org/math"]
        window.document.undo_stack.undo()
        assert len(window.document.node(node_id).resources) == count

        for bad in ("javascript:alert(1)", "file:///etc/passwd"):
            _add_resource(window, monkeypatch, "Bad link", bad)
            table.open_button.click()
        assert recorder.urls == ["https://example.org/math"]
        assert len(dialogs.errors) == 2
        assert all(title == "Link not opened" for title, _ in dialogs.errors)
    finally:
        for scheme in ("http", "https", "file", "javascript"):
            QDesktopServices.unsetUrlHandler(scheme)


def test_connecting_into_a_cycle_is_refused_with_feedback(window, dialogs):
    doc = window.document
    edge = next(e for e in doc.roadmap.edges if e.kind.value == "prerequisite")
    edges, undo_count = len(doc.roadmap.edges), doc.undo_stack.count()
    window.status.clearMessage()
    assert window.edits.connect_nodes(edge.target, edge.source) is False
    assert len(doc.roadmap.edges) == edges
    assert doc.undo_stack.count() == undo_count
    [(title, text)] = dialogs.errors  # said once: the box, not also the status bar
    assert title == "Connection refused" and window.status.currentMessage() == ""
    source, target = doc.node(edge.target).title, doc.node(edge.source).title
    assert f"“{source}” cannot be a prerequisite of “{target}”" in text
    assert f"(“{target}” → “{source}”)" in text
    assert edge.source not in text and edge.target not in text  # titles, never ids
    assert window.edits.connect_nodes(edge.target, edge.source, modal=False) is False  # a drag
    assert len(dialogs.errors) == 1 and target in window.status.currentMessage()


def test_the_connect_dialog_offers_no_node_that_would_close_a_cycle(window, monkeypatch):
    from roadmap_app.ui.dialogs.small_dialogs import NodePickerDialog

    doc = window.document
    edge = next(e for e in doc.roadmap.edges if e.kind.value == "prerequisite")
    offered = {}

    def pick(self):
        for row in range(self.list.count()):
            offered[self.list.item(row).data(Qt.ItemDataRole.UserRole)] = self.list.item(row).text()
        return NodePickerDialog.DialogCode.Rejected

    monkeypatch.setattr(NodePickerDialog, "exec", pick)
    window.edits.connect_dialog(edge.source)  # which node must come before the source?
    assert offered and edge.target not in offered and edge.source not in offered


def test_connect_prerequisite_action_uses_the_picker(window, monkeypatch):
    from roadmap_app.ui.dialogs.small_dialogs import NodePickerDialog

    doc = window.document
    source = node_by_title(doc, "Graph machine learning")
    target = node_by_title(doc, "Strategic career moves")
    window.edits.jump_to(target)

    def choose(dialog):
        dialog.filter.setText("graph machine")
        dialog.accept()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(NodePickerDialog, "exec", choose)
    action(window, "action_connect").trigger()
    assert any(e.source == source and e.target == target for e in doc.roadmap.edges)


def test_save_and_reopen_gives_an_equal_model(window, qtbot):
    doc = window.document
    node_id = node_by_title(doc, "Linear algebra")
    window.edits.set_status([node_id], Status.IN_PROGRESS)
    window.editor.update_node(node_id, notes="Gilbert Strang, lecture 5 <b>not bold</b>")
    assert window.isWindowModified()
    action(window, "action_save").trigger()
    qtbot.waitUntil(lambda: window.files.state == "Saved", timeout=5000)
    assert not window.isWindowModified()
    saved = doc.roadmap.model_dump()
    assert window.files.open_path(doc.path, ask_first=False)
    assert window.document is not doc
    assert window.document.roadmap.model_dump() == saved
    assert window.document.read_only_reason is None


def test_closing_with_unsaved_changes_asks(window, dialogs):
    window.edits.set_status([node_by_title(window.document, "Programming")], Status.DONE)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert window.close() is False
    assert window.isVisible()
    assert len(dialogs.asked) == 1 and "Save changes" in dialogs.asked[0][1]
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert window.close() is True


def test_closing_and_saving_writes_the_file(window, dialogs):
    node_id = node_by_title(window.document, "Programming")
    window.edits.set_status([node_id], Status.DONE)
    dialogs.answer = QMessageBox.StandardButton.Save
    assert window.close() is True
    assert load(paths.default_plan_path()).roadmap.node(node_id).status is Status.DONE


def test_a_bad_file_gets_one_dialog_and_the_document_stays(window, dialogs, tmp_path):
    bad = tmp_path / "broken.roadmap"
    bad.write_text('{"format": "roadmap-planner", "schema_version": 2, "roadmap": {"id": 5}}')
    doc = window.document
    assert window.files.open_path(bad) is False
    assert window.document is doc
    assert len(dialogs.errors) == 1
    assert "broken.roadmap" in dialogs.errors[0][1]


def test_add_delete_and_auto_layout_are_undoable(window):
    doc = window.document
    count = len(doc.roadmap.nodes)
    action(window, "action_add_node").trigger()
    assert len(doc.roadmap.nodes) == count + 1
    new_id = window.scene.selected_node_ids()[0]
    assert window.inspector.node_id == new_id
    action(window, "action_delete").trigger()
    assert not doc.has_node(new_id)
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert len(doc.roadmap.nodes) == count


def test_focus_on_goal_and_filter_reach_the_scene(window, monkeypatch):
    calls = {}
    monkeypatch.setattr(window.scene, "set_focus", lambda ids: calls.setdefault("focus", ids))
    monkeypatch.setattr(window.scene, "set_filter_visible", lambda ids: calls.__setitem__("filter", ids))
    action(window, "action_focus_goal").setChecked(True)
    goal = window.document.roadmap.plan.goal
    assert goal in calls["focus"]
    assert node_by_title(window.document, "Linear algebra") in calls["focus"]
    window.filter_menu.status_actions["done"].setChecked(False)
    window.filter_menu.kind_actions["role"].setChecked(False)
    visible = calls["filter"]
    assert visible and all(window.document.node(i).kind.value != "role" for i in visible)
    action(window, "action_clear_filter").trigger()
    assert calls["filter"] is None


def test_every_action_has_an_object_name_and_is_in_a_menu(window):
    in_menus = set()
    menus = (window.file_menu, window.edit_menu, window.view_menu, window.status_menu, window.help_menu,
             window.theme_menu, window.panels_menu, window.career.plan_menu)
    for menu in menus:
        in_menus.update(a.objectName() for a in menu.actions() if not a.isSeparator())
    for act in window.actions.all():
        assert act.objectName().startswith("action_")
        if act.objectName() != "action_clear_recent":
            assert act.objectName() in in_menus, act.objectName()
    assert action(window, "action_save").shortcut().toString() == "Ctrl+S"
    assert action(window, "action_fit").shortcut().toString() == "Ctrl+0"
    assert action(window, "action_delete").shortcut().toString() == "Del"
    assert action(window, "action_status_done").shortcut().toString() == "D"


def test_no_two_actions_share_a_shortcut(window):
    from roadmap_app.ui.dialogs.small_dialogs import shortcut_text

    seen: dict[str, str] = {}
    for act in window.findChildren(QAction):
        for key in act.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {act.objectName()}"
            seen[text] = act.objectName()
    assert shortcut_text(action(window, "action_redo")).count("Ctrl+Shift+Z") == 1


def test_double_click_on_empty_space_adds_a_node_in_that_stage(window):
    band = next(b for b in window.scene.band_items() if b.band.title == "Leadership")
    point = band.band.rect.center()
    window.scene.add_requested.emit(point)
    new_id = window.scene.selected_node_ids()[0]
    node = window.document.node(new_id)
    assert node.stage == "Leadership"
    assert (node.position.x, node.position.y) == (point.x(), point.y())
    assert node.origin.value == "user"


def test_enter_on_a_card_edits_it_in_the_inspector_and_esc_returns(window, qtbot):
    node_id = node_by_title(window.document, "Statistics")
    window.edits.jump_to(node_id)
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_Return)
    assert window.inspector.title.hasFocus()
    qtbot.keyClick(window.inspector.title, Qt.Key.Key_Escape)
    assert window.view.hasFocus()
    assert window.scene.selected_node_ids() == [node_id]


def test_the_filter_menu_stays_open_while_ticking_boxes(window, qtbot):
    menu = window.filter_menu
    menu.popup(window.mapToGlobal(window.rect().center()))
    qtbot.waitUntil(menu.isVisible)
    done = menu.status_actions["done"]
    menu.setActiveAction(done)
    qtbot.keyClick(menu, Qt.Key.Key_Space)
    assert not done.isChecked()
    assert menu.isVisible()
    menu.close()
