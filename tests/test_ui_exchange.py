"""File > Export/Import/Update from… and drops, driven through the real window (pytest-qt, offscreen).

File dialogs are monkeypatched to return paths; the options, preview and summary
dialogs are really built, and their exec() is replaced to accept (recording the
dialog, so the test can read what the user would have seen).
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QLabel

from roadmap_app.interchange.jsoncanvas import write_canvas
from roadmap_app.model import Node, Status
from roadmap_app.render import raster
from roadmap_app.render.options import ExportOptions, ExportResult, ExportScope
from roadmap_app.render.scene_source import build_scene
from roadmap_app.storage import codec
from roadmap_app.ui.controllers.exchange_controller import ExchangeController
from roadmap_app.ui.dialogs.export_dialog import ExportOptionsDialog
from roadmap_app.ui.dialogs.import_dialog import ImportPreviewDialog
from roadmap_app.ui.dialogs.update_dialog import UpdateSummaryDialog

pytest_plugins = ("ui_helpers",)  # the window and dialogs fixtures
FIXTURES = Path(__file__).parent / "fixtures" / "interchange"


@pytest.fixture
def exchange(window) -> ExchangeController:
    controller = getattr(window, "exchange", None)
    return controller if controller is not None else ExchangeController(window)


def node_by_title(document, text: str) -> str:
    return next(n.id for n in document.roadmap.nodes if text.casefold() in n.title.casefold())


def action(win, name: str) -> QAction:
    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


def answer_save(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), "")))


def answer_open(monkeypatch, path: Path) -> list:
    calls = []

    def fake(*args, **kwargs):
        calls.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake))
    return calls


def accept_dialogs(monkeypatch, cls, configure=None) -> list:
    """Replace cls.exec with an immediate Accept (after `configure(dialog)`); returns the dialogs shown."""
    shown = []

    def fake_exec(self):
        shown.append(self)
        if configure is not None:
            configure(self)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(cls, "exec", fake_exec)
    return shown


def small_png(dialog: ExportOptionsDialog) -> None:
    dialog.scale.setValue(0.5)


def test_update_from_is_in_the_file_menu_next_to_import_and_export(window, exchange):
    names = [a.objectName() for a in window.file_menu.actions()]
    assert names.index("action_import") < names.index("action_update_from") < names.index("action_export")


def test_export_png_writes_a_non_blank_image_of_the_expected_size(window, exchange, monkeypatch, tmp_path,
                                                                 dialogs):
    out = tmp_path / "plan.png"
    answer_save(monkeypatch, out)
    shown = accept_dialogs(monkeypatch, ExportOptionsDialog, small_png)
    action(window, "action_export").trigger()
    assert len(shown) == 1 and not dialogs.errors
    image = QImage(str(out))
    assert not image.isNull()
    content = build_scene(window.document.roadmap, ExportOptions()).content_rect()
    assert content.width() * 0.5 * 0.95 <= image.width() <= content.width() * 0.5 + 600
    assert image.height() >= content.height() * 0.5 * 0.95
    small = image.scaled(64, 64)
    colours = {small.pixel(x, y) for x in range(64) for y in range(64)}
    assert len(colours) > 20  # cards, text and edges, not one flat fill
    assert exchange.progress is None  # the progress dialog is gone


@pytest.mark.parametrize("ext", ["svg", "pdf", "md", "mmd", "canvas", "graphml"])
def test_export_other_formats_from_the_gui_writes_the_file(window, exchange, monkeypatch, tmp_path, dialogs,
                                                           ext):
    out = tmp_path / f"plan.{ext}"
    answer_save(monkeypatch, out)
    shown = accept_dialogs(monkeypatch, ExportOptionsDialog)
    action(window, "action_export").trigger()
    assert not dialogs.errors
    assert len(shown) == (1 if ext in ("svg", "pdf") else 0)  # only images ask for options
    data = out.read_bytes()
    first = window.document.roadmap.nodes[0].title
    if ext == "svg":
        root = ET.fromstring(data)
        assert root.tag.endswith("svg")
        assert first.split()[0].rstrip(":") in data.decode()  # card titles wrap over lines
        assert window.document.roadmap.title.split()[0] in data.decode()
    elif ext == "pdf":
        assert data.startswith(b"%PDF") and len(data) > 10_000
    elif ext == "md":
        text = data.decode()
        assert text.startswith("# ") and "- [ ] " in text
        assert first.split()[0] in text
    else:
        assert first.split()[0] in data.decode()


def test_a_name_without_extension_gets_the_chosen_filters(window, exchange, monkeypatch, tmp_path, dialogs):
    from roadmap_app.ui.dialogs.export_dialog import filter_for

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(tmp_path / "v1.2"), filter_for("md"))))
    action(window, "action_export").trigger()
    assert (tmp_path / "v1.2.md").read_text().startswith("# ")
    assert not dialogs.errors


def test_the_options_dialog_starts_from_the_previous_choices(window, exchange, monkeypatch, tmp_path):
    def dark_transparent(dialog):
        dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
        dialog.transparent.setChecked(True)
        dialog.include_legend.setChecked(False)

    shown = accept_dialogs(monkeypatch, ExportOptionsDialog, dark_transparent)
    assert exchange.export_to(tmp_path / "a.svg")
    monkeypatch.setattr(ExportOptionsDialog, "exec", lambda self: (shown.append(self), 0)[1])
    assert exchange.export_to(tmp_path / "b.svg") is False  # cancelled: nothing written
    assert not (tmp_path / "b.svg").exists()
    again = shown[-1].options()
    assert (again.theme, again.transparent, again.include_legend) == ("dark", True, False)


def test_export_suggests_a_safe_name_from_the_title(window, exchange, monkeypatch, dialogs):
    window.editor.document.update_roadmap_info(title="../../etc/evil/name")
    seen = {}

    def fake(parent, caption, start, filters, selected=""):
        seen["start"] = start
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake))
    assert exchange.export_dialog() is False
    suggested = Path(seen["start"])
    assert suggested.name == "etc-evil-name.png"
    # the user's folder (the last used, else Documents), not the app's data folder
    assert suggested.parent == window.settings.start_folder() != Path(window.document.path).parent


def test_cancelling_the_png_progress_keeps_the_old_file_and_leaves_nothing_behind(
        window, exchange, monkeypatch, tmp_path, dialogs):
    out = tmp_path / "plan.png"
    out.write_bytes(b"the old export")
    monkeypatch.setattr(raster, "BAND_PIXELS", 50_000)  # many bands, so Cancel lands mid-export
    answer_save(monkeypatch, out)
    seen_values = []

    def cancel_once_started() -> None:
        progress = exchange.progress
        if progress is not None and progress.value() > 0:
            seen_values.append(progress.value())
            progress.cancel()  # what the Cancel button does
        else:
            QTimer.singleShot(0, cancel_once_started)

    accept_dialogs(monkeypatch, ExportOptionsDialog,
                   lambda d: (small_png(d), QTimer.singleShot(0, cancel_once_started)))
    action(window, "action_export").trigger()
    assert seen_values and 0 < seen_values[0] < 100
    assert out.read_bytes() == b"the old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.png"]
    assert not dialogs.errors
    assert "cancelled" in window.status.currentMessage()
    assert exchange.progress is None


def test_a_clamped_png_tells_the_user(window, exchange, monkeypatch, tmp_path, dialogs):
    monkeypatch.setattr(raster, "MAX_SIDE", 300)
    out = tmp_path / "big.png"
    assert exchange.export_to(out, ExportOptions(scale=1.0))
    image = QImage(str(out))
    assert max(image.width(), image.height()) <= 300
    assert len(dialogs.infos) == 1 and "big.png" in dialogs.infos[0][1]


def test_export_of_the_selection_and_of_the_current_view(window, exchange, tmp_path, dialogs):
    node_id = node_by_title(window.document, "Linear algebra")
    window.scene.select_nodes([node_id])
    context = exchange.export_context("png")
    assert context.selection == (node_id,)
    assert context.view_rect is not None
    out = tmp_path / "one.png"
    assert exchange.export_to(out, ExportOptions(scope=ExportScope.SELECTION, selection=context.selection,
                                                 include_legend=False, include_summary=False,
                                                 include_title=False))
    whole = build_scene(window.document.roadmap, ExportOptions()).content_rect()
    assert QImage(str(out)).width() < whole.width() / 3
    assert exchange.export_to(tmp_path / "view.svg", ExportOptions(scope=ExportScope.VIEW,
                                                                   view_rect=context.view_rect))
    assert not dialogs.errors


@pytest.mark.parametrize("scope,same_theme,zoom,reused", [
    (ExportScope.VIEW, True, 1.0, True),
    (ExportScope.VIEW, False, 1.0, False),
    (ExportScope.VIEW, True, 0.1, False),  # zoomed out, the canvas draws overview blocks, not cards
    (ExportScope.ALL, True, 1.0, False),
])
def test_the_window_scene_is_reused_only_for_the_current_view_in_its_theme(
        window, exchange, monkeypatch, tmp_path, scope, same_theme, zoom, reused):
    from roadmap_app.ui.controllers import exchange_controller

    seen = {}

    def fake_export(roadmap, path, options, *, scene=None, progress=None, cancelled=None):
        seen["scene"] = scene
        return ExportResult(str(path), 10, 10, 1.0)

    monkeypatch.setattr(exchange_controller, "export_image", fake_export)
    window.view.set_zoom(zoom)
    assert window.scene.overview_active is (zoom < 0.3)
    current = window.scene.theme.name
    theme = current if same_theme else ("light" if current == "dark" else "dark")
    view_rect = exchange.export_context("svg").view_rect
    options = ExportOptions(scope=scope, theme=theme, view_rect=view_rect)
    assert exchange.export_to(tmp_path / "x.svg", options)
    assert (seen["scene"] is window.scene) is reused


def test_export_into_a_missing_folder_is_one_message_naming_the_file(window, exchange, tmp_path, dialogs):
    (tmp_path / "afile").write_text("not a folder")
    assert exchange.export_to(tmp_path / "nope" / "plan.png", ExportOptions()) is False
    assert exchange.export_to(tmp_path / "afile" / "plan.md") is False
    assert len(dialogs.errors) == 2
    assert all("plan." in text for _title, text in dialogs.errors)


def test_import_canvas_previews_then_opens_a_new_plan_leaving_the_old_file_alone(
        window, exchange, monkeypatch, tmp_path, dialogs):
    source = tmp_path / "loose.canvas"
    shutil.copy(FIXTURES / "loose.canvas", source)
    old_path = window.document.path
    old_bytes = old_path.read_bytes()
    window.editor.set_status([window.document.roadmap.nodes[0].id], Status.DONE)  # unsaved work
    answer_open(monkeypatch, source)
    shown = accept_dialogs(monkeypatch, ImportPreviewDialog)
    action(window, "action_import").trigger()
    assert len(shown) == 1
    preview = shown[0]
    doc = window.document
    assert doc.path is None and doc.is_modified
    counts = {k: preview.findChild(QLabel, f"import_count_{k}").text()
              for k in ("nodes", "edges", "resources")}
    assert counts == {"nodes": str(len(doc.roadmap.nodes)), "edges": str(len(doc.roadmap.edges)),
                      "resources": str(sum(len(n.resources) for n in doc.roadmap.nodes))}
    assert preview.warnings.count() > 0  # the loose file's dropped parts are listed
    assert preview.findChild(QLabel, "import_dropped").text() != "nothing"
    assert len(dialogs.asked) == 1  # the usual save prompt (answered Discard)
    assert old_path.read_bytes() == old_bytes


def test_cancelled_preview_changes_nothing(window, exchange, monkeypatch, tmp_path):
    source = tmp_path / "plan.canvas"
    source.write_bytes(write_canvas(window.document.roadmap))
    before = window.document
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert exchange.import_path(source) is False
    assert window.document is before


@pytest.mark.parametrize("on_canvas", [True, False])
def test_dropping_a_canvas_file_starts_the_import_with_preview(window, exchange, monkeypatch, tmp_path,
                                                               qtbot, on_canvas):
    source = tmp_path / "dropped.canvas"
    shutil.copy(FIXTURES / "loose.canvas", source)
    shown = accept_dialogs(monkeypatch, ImportPreviewDialog)
    old = window.document
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(source))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    target = window.view.viewport() if on_canvas else window
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(target, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: window.document is not old)
    assert len(shown) == 1
    assert window.document.path is None


@pytest.mark.parametrize("name,data", [
    ("garbage.canvas", b"\x00\xff not json at all"),
    ("deep.json", b"[" * 100_000 + b"]" * 100_000),
    ("laughs.graphml", b'<?xml version="1.0"?><!DOCTYPE g [<!ENTITY a "aaaaaaaaaa">'
                       b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><graphml>&b;</graphml>'),
    ("mockup.json", (FIXTURES / "balsamiq-mockup.json").read_bytes()),
    ("plan.docx", b"PK\x03\x04"),
])
def test_a_hostile_file_is_one_message_and_the_app_keeps_running(
        window, exchange, monkeypatch, tmp_path, dialogs, name, data):
    source = tmp_path / name
    source.write_bytes(data)
    shown = accept_dialogs(monkeypatch, ImportPreviewDialog)
    before = window.document
    answer_open(monkeypatch, source)
    action(window, "action_import").trigger()
    assert len(dialogs.errors) == 1
    _title, text = dialogs.errors[0]
    assert name in text
    assert not shown and window.document is before


def _theirs(window):
    """A newer version: one title changed, one node removed (the one with progress), one added."""
    mine = window.document.roadmap
    theirs = mine.model_copy(deep=True)
    changed, removed = theirs.nodes[1], theirs.nodes[2]
    changed.title = "Renamed upstream"
    theirs.nodes = [n for n in theirs.nodes if n.id != removed.id]
    theirs.edges = [e for e in theirs.edges if removed.id not in (e.source, e.target)]
    theirs.nodes.append(Node(id="brand-new", title="Brand new topic", stage=changed.stage))
    for node in theirs.nodes:  # upstream knows nothing of the user's progress
        node.status, node.status_history, node.notes = Status.NOT_STARTED, [], ""
    return theirs, changed.id, removed.id


def test_update_from_shows_the_summary_applies_and_one_undo_restores_exactly(
        window, exchange, monkeypatch, tmp_path, dialogs):
    editor, doc = window.editor, window.document
    theirs, changed_id, removed_id = _theirs(window)
    editor.set_status([changed_id], Status.IN_PROGRESS)
    editor.update_node(changed_id, notes="my notes")
    editor.set_status([removed_id], Status.DONE)
    before = doc.roadmap.model_dump(mode="json")
    old_title = doc.roadmap.node(changed_id).title
    source = tmp_path / "newer.roadmap"
    source.write_bytes(codec.dumps(theirs))
    answer_open(monkeypatch, source)
    shown = accept_dialogs(monkeypatch, UpdateSummaryDialog)
    action(window, "action_update_from").trigger()
    assert len(shown) == 1 and not dialogs.errors
    groups = dict(shown[0].groups)
    assert any("Brand new topic" in t for t in groups["New nodes: 1"])
    assert groups["Updated from upstream: 1"] == [f"{old_title} → Renamed upstream  ({changed_id})"]
    assert len(groups["Removed upstream, kept for your progress or notes: 1"]) == 1

    after = window.document.roadmap
    assert window.document is doc
    assert after.node("brand-new") is not None
    node = after.node(changed_id)
    assert (node.title, node.status, node.notes) == ("Renamed upstream", Status.IN_PROGRESS, "my notes")
    kept = after.node(removed_id)
    assert kept.status is Status.DONE and kept.removed_upstream
    assert doc.undo_stack.undoText() == "Update from newer.roadmap"

    action(window, "action_undo").trigger()
    assert doc.roadmap.model_dump(mode="json") == before
    action(window, "action_redo").trigger()
    assert doc.roadmap.node("brand-new") is not None


def test_update_from_the_same_version_says_up_to_date_and_pushes_nothing(window, exchange, tmp_path, dialogs):
    source = tmp_path / "same.roadmap"
    source.write_bytes(codec.dumps(window.document.roadmap))
    count = window.document.undo_stack.count()
    assert exchange.update_from(source) is False
    assert len(dialogs.infos) == 1 and window.document.undo_stack.count() == count


def test_update_from_a_broken_file_is_one_message(window, exchange, tmp_path, dialogs):
    source = tmp_path / "broken.roadmap"
    source.write_bytes(b'{"format": "roadmap-planner", "schema_version": 1, "roadmap": {')
    assert exchange.update_from(source) is False
    assert len(dialogs.errors) == 1 and "broken.roadmap" in dialogs.errors[0][1]


def test_the_progress_label_shows_a_markup_file_name_literally(window, exchange, tmp_path):
    from PySide6.QtWidgets import QLabel

    progress = exchange._progress_dialog(tmp_path / "<b>x.png")
    try:
        label = progress.findChild(QLabel)
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert "“<b>x.png”" in label.text()
    finally:
        progress.close()
        exchange.progress = None
