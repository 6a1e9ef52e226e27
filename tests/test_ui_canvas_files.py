"""The canvas and files: a .roadmap dropped on the canvas opens; a node deleted mid-rename is safe."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent
from PySide6.QtWidgets import QApplication

from roadmap_app.canvas.interactions import InlineRenameItem
from roadmap_app.storage import save
from roadmap_app.templates import load_template

pytest_plugins = ("ui_helpers",)


def _drag_onto(widget, path: Path) -> tuple[bool, bool]:
    """Drag `path` over `widget` and drop it, like a file manager would. Returns (enter, drop) accepted."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    point = widget.rect().center()
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(point, action, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(point, action, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    drop = QDropEvent(QPointF(point), action, mime, buttons, mods)
    QApplication.sendEvent(widget, drop)
    return enter.isAccepted(), drop.isAccepted()


def test_dropping_a_roadmap_file_on_the_canvas_opens_it(window, qtbot, tmp_path):
    path = tmp_path / "dropped.roadmap"
    save(path, load_template("ml-architect").model_copy(update={"title": "Dropped on the canvas"}))
    viewport = window.view.viewport()
    assert viewport.acceptDrops()
    entered, dropped = _drag_onto(viewport, path)
    assert entered and dropped
    qtbot.waitUntil(lambda: window.document.roadmap.title == "Dropped on the canvas", timeout=3000)
    assert window.document.path == path.absolute()


def test_an_interchange_file_dropped_on_the_canvas_still_goes_to_import(window, qtbot, tmp_path, monkeypatch):
    imported = []
    monkeypatch.setattr(window.exchange, "import_path", lambda p: imported.append(p) or False)
    other = tmp_path / "board.canvas"
    other.write_text('{"nodes": [], "edges": []}')
    before = window.document
    assert _drag_onto(window.view.viewport(), other) == (True, True)
    qtbot.waitUntil(lambda: imported == [other], timeout=3000)
    assert window.document is before


def _press(item, key) -> None:
    item.keyPressEvent(QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))


def test_deleting_a_node_during_an_inline_rename_does_not_raise(window, qtbot):
    node = window.document.roadmap.nodes[0]
    title, count = node.title, len(window.document.roadmap.nodes)
    window.scene.begin_rename(node.id)
    [editor] = [i for i in window.scene.items() if isinstance(i, InlineRenameItem)]
    editor.setPlainText("A new title")
    window.editor.delete_nodes([node.id])  # e.g. from the inspector or the context menu
    assert not window.document.has_node(node.id)
    _press(editor, Qt.Key.Key_Return)  # commits to a node that is gone: nothing happens
    assert editor.scene() is None
    assert len(window.document.roadmap.nodes) == count - 1
    window.document.undo_stack.undo()  # the delete, not a rename, is the last step
    assert window.document.node(node.id).title == title
    window.scene.begin_rename(node.id)  # and renaming works again afterwards
    [editor] = [i for i in window.scene.items() if isinstance(i, InlineRenameItem)]
    editor.setPlainText("Renamed")
    _press(editor, Qt.Key.Key_Return)
    assert window.document.node(node.id).title == "Renamed"


def test_undoing_a_node_away_while_renaming_it_then_leaving_the_editor(window, qtbot):
    window.edits.add_node()
    new_id = window.document.roadmap.nodes[-1].id
    window.scene.begin_rename(new_id)
    editors = [i for i in window.scene.items() if isinstance(i, InlineRenameItem)]
    window.document.undo_stack.undo()  # removes the new node under the open editor
    assert not window.document.has_node(new_id)
    window.view.setFocus()
    for editor in editors:
        editor.clearFocus()  # leaving the editor commits: to a node that is gone
    QApplication.processEvents()
    assert not window.document.has_node(new_id)
    assert not [i for i in window.scene.items() if isinstance(i, InlineRenameItem)]
