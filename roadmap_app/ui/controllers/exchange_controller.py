"""Files in and out of other formats, from the window's point of view.

Owns File > Export… (images with options and a cancellable progress bar; text
and interchange formats through interchange.formats), File > Import… (read in a
worker thread with a cancellable progress dialog, then a preview, then a new
untitled plan, never over the open one), drops of .canvas, .graphml
and .json files on the window, and File > Update from… (a merge that keeps the
user's progress, summarised before it is applied, undone in one step).

The main window installs it with one line; it hooks the window's import/export
handlers, adds its own "Update from…" action to the File menu and watches drops
with an event filter, so the window's code needs no other change. Every failure
is one message box naming the file and the problem; the app keeps running.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMenu,
    QProgressDialog,
)

from roadmap_app.interchange.filenames import safe_file_stem
from roadmap_app.interchange.report import ImportReport
from roadmap_app.model import Roadmap, RoadmapError
from roadmap_app.render.options import ExportOptions, ExportResult, ExportScope
from roadmap_app.render.raster import ExportCancelled
from roadmap_app.ui.common import messages
from roadmap_app.ui.dialogs.export_dialog import (
    EXPORT_FORMATS,
    IMAGE_EXTENSIONS,
    ExportContext,
    ExportOptionsDialog,
    export_filter,
    extension_for_filter,
    filter_for,
)
from roadmap_app.ui.dialogs.import_dialog import ImportPreviewDialog, import_counts

# The window installs this controller before its first frame. The interchange formats,
# the merge and the export pipeline (with networkx behind them: ~0.35 s of imports) are
# imported by the handlers that use them, on the first import, export or update.

log = logging.getLogger(__name__)

IMPORT_FILTER = ("Roadmaps from other tools (*.canvas *.graphml *.json *.roadmap);;"
                 "JSON Canvas (*.canvas);;GraphML (*.graphml);;roadmap.sh JSON (*.json);;"
                 "Roadmap Planner (*.roadmap);;All files (*)")
UPDATE_FILTER = ("Newer versions (*.roadmap *.json *.graphml *.canvas);;Roadmap Planner (*.roadmap);;"
                 "roadmap.sh JSON (*.json);;All files (*)")
DROP_EXTENSIONS = {".canvas", ".graphml", ".json"}  # .roadmap drops stay with the window (open)
Accepted = QDialog.DialogCode.Accepted
CHOOSE_CONTENT = 2  # the preview's "Content Folder…" answer: import again with that folder
DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def export_image(*args, **kwargs) -> ExportResult:
    """render.export.export_image, imported on the first export (tests replace this name)."""
    from roadmap_app.render.export import export_image as render_export

    return render_export(*args, **kwargs)


def problem_text(exc: BaseException) -> str:
    """One line for the user; our own errors already are, anything else gets its type."""
    if isinstance(exc, RoadmapError):
        return str(exc)
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return f"{type(exc).__name__}: {exc}"


def dropped_import(event) -> Path | None:
    """The first local file with an importable extension in a drag, if any."""
    mime = event.mimeData()
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() in DROP_EXTENSIONS:
                return path
    return None


class ExchangeController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("exchange_controller")
        self.w = window
        self._export_dir: Path | None = None
        self._export_ext = "png"
        self._import_dir: Path | None = None
        self.last_dialog: QDialog | None = None  # the newest preview/summary/options dialog
        self.progress: QProgressDialog | None = None
        self.importing = False  # an import's worker is running (its progress dialog is up)
        self._last_options: ExportOptions | None = None  # the options dialog starts from these

        actions = window.actions
        if hasattr(window, "import_handler"):  # the window's File > Import…/Export… hooks
            window.import_handler = lambda _w=None: self.import_dialog()
            window.export_handler = lambda _w=None: self.export_dialog()
        else:
            actions["import"].triggered.connect(self.import_dialog)
            actions["export"].triggered.connect(self.export_dialog)
        self.action_update_from = QAction("&Update from…", window)
        self.action_update_from.setObjectName("action_update_from")
        tip = "Merge a newer version of this roadmap, keeping your progress"
        self.action_update_from.setToolTip(tip)
        self.action_update_from.setStatusTip(tip)
        self.action_update_from.triggered.connect(self.update_from_dialog)
        menu = getattr(window, "file_menu", None) or window.findChild(QMenu, "menu_file")
        if menu is not None:
            menu.insertAction(actions["export"], self.action_update_from)
        from roadmap_app.ui.dialogs.calendar_export import CalendarExport  # File > Export Calendar (.ics)…

        self.calendar_export = CalendarExport(window)
        window.installEventFilter(self)
        # The canvas scene accepts every drag (QGraphicsScene's default), so drops on the
        # canvas never reach the window: watch the canvas viewport too.
        view = getattr(window, "view", None)
        self._drop_targets = {window, view.viewport()} if view is not None else {window}
        for target in self._drop_targets - {window}:
            target.installEventFilter(self)

    # -- helpers -----------------------------------------------------------
    @property
    def document(self):
        return self.w.document

    def _fail(self, title: str, path: Path, what: str, exc: BaseException) -> None:
        if not isinstance(exc, (RoadmapError, OSError)):
            log.exception("%s: %s", title, path)
        problem = problem_text(exc)
        detail = problem if str(path) in problem else f"{path}: {problem}"
        self.w.show_message(f"{title}: {path.name}: {problem}")
        messages.error(self.w, title, f"“{path.name}” {what}.", detail)

    @staticmethod
    def _offer_content_folder(dialog: QDialog) -> None:
        """A roadmap.sh file's topic texts and links live in a content/ folder, maybe elsewhere."""
        box = dialog.findChild(QDialogButtonBox)
        if box is None:
            return
        button = box.addButton("Content Folder…", QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName("import_content_folder")
        button.setToolTip("Read topic descriptions and links from a roadmap.sh content/ folder")
        button.clicked.connect(lambda: dialog.done(CHOOSE_CONTENT))

    def _read(
        self, path: Path, title: str, *, content_dir: Path | None = None
    ) -> tuple[Roadmap, ImportReport] | None:
        """Import `path` in a worker thread (progress dialog, Cancel); None when it did not happen."""
        if self.importing:  # the progress dialog's event loop let a second import start
            self.w.show_message(f"{path.name}: another import is still running")
            return None
        self.importing = True
        try:
            from roadmap_app.interchange.job import ImportCancelled
            from roadmap_app.ui.controllers.import_worker import import_in_worker

            return import_in_worker(self.w, path, content_dir=content_dir)
        except ImportCancelled:
            self.w.show_message(f"Import of {path.name} cancelled")
            return None
        except Exception as exc:  # a hostile file must never take the app down
            self._fail(title, path, "could not be read", exc)
            return None
        finally:
            self.importing = False

    def _commit_pending(self) -> None:
        inspector = getattr(self.w, "inspector", None)
        if inspector is not None and hasattr(inspector, "commit_pending"):
            inspector.commit_pending()

    def _start_dir(self, remembered: Path | None) -> Path:
        # The last folder of this kind of dialog, else the last of any file dialog, else
        # Documents: never the app's data folder, where the default plan lives.
        if remembered is not None and remembered.is_dir():
            return remembered
        return self.w.settings.start_folder()

    # -- drag and drop -------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in DRAG_EVENTS and watched in self._drop_targets:
            path = dropped_import(event)
            if path is not None:
                event.acceptProposedAction()
                if kind == QEvent.Type.Drop:
                    # Import after the drop returns, so the preview does not block the drag source.
                    QTimer.singleShot(0, lambda: self.import_path(path))
                return True
        return super().eventFilter(watched, event)

    # -- import ------------------------------------------------------------
    def import_dialog(self) -> bool:
        start = str(self._start_dir(self._import_dir))
        name, _ = QFileDialog.getOpenFileName(self.w, "Import Roadmap", start, IMPORT_FILTER)
        return bool(name) and self.import_path(Path(name))

    def import_path(self, path: Path | str) -> bool:
        """Preview `path`, then open it as a new untitled plan (after the usual save prompt)."""
        path = Path(path).absolute()
        self._import_dir = path.parent
        self.w.settings.remember_folder(path)
        content_dir: Path | None = None
        while True:
            read = self._read(path, "Could not import", content_dir=content_dir)
            if read is None:
                return False
            roadmap, report = read
            dialog = ImportPreviewDialog(self.w, path, roadmap, report)
            self.last_dialog = dialog
            if report.format_name == "roadmap.sh":
                self._offer_content_folder(dialog)
            answer = dialog.exec()
            if answer != CHOOSE_CONTENT:
                break
            chosen = QFileDialog.getExistingDirectory(self.w, "roadmap.sh Content Folder",
                                                      str(content_dir or path.parent))
            if not chosen:
                return False
            content_dir = Path(chosen)
        if answer != Accepted:
            return False
        self._commit_pending()
        if not self.w.files.maybe_close():
            return False
        self.w.files.new_document(roadmap)
        counts = import_counts(roadmap)
        self.w.show_message(f"Imported {path.name} as a new plan: {counts['nodes']} nodes, "
                            f"{counts['edges']} connections. Save it to keep it.")
        return True

    # -- export ------------------------------------------------------------
    def export_dialog(self) -> bool:
        doc = self.document
        if doc is None:
            return False
        stem = safe_file_stem(doc.roadmap.title)
        suggested = self._start_dir(self._export_dir) / f"{stem}.{self._export_ext}"
        name, chosen = QFileDialog.getSaveFileName(self.w, "Export Roadmap", str(suggested), export_filter(),
                                                   filter_for(self._export_ext))
        if not name:
            return False
        path = Path(name)
        from roadmap_app.interchange import formats

        known = {f".{e}" for e, _l in EXPORT_FORMATS} | set(formats.writable_extensions())
        if path.suffix.lower() not in known:  # "plan" or "v1.2": add the chosen filter's extension
            path = path.with_name(f"{path.name}.{extension_for_filter(chosen) or self._export_ext}")
        return self.export_to(path)

    def export_context(self, fmt: str) -> ExportContext:
        w = self.w
        view_rect = None
        view = getattr(w, "view", None)
        if view is not None and view.scene() is not None and view.viewport().width() > 0:
            r = view.mapToScene(view.viewport().rect()).boundingRect()
            view_rect = (r.x(), r.y(), r.width(), r.height())
        roadmap = self.document.roadmap
        goal = roadmap.plan.goal if roadmap.plan.goal and roadmap.node(roadmap.plan.goal) else None
        return ExportContext(fmt=fmt, dark=self._window_theme() == "dark", selection=tuple(w.selected_ids()),
                             goal=goal, view_rect=view_rect)

    def export_to(self, path: Path | str, options: ExportOptions | None = None) -> bool:
        """Export the open roadmap to `path`; images ask for options unless given."""
        doc = self.document
        if doc is None:
            return False
        self._commit_pending()
        path = Path(path).absolute()
        ext = path.suffix.lower().lstrip(".")
        self._export_dir, self._export_ext = path.parent, ext or self._export_ext
        self.w.settings.remember_folder(path)
        if ext not in IMAGE_EXTENSIONS:
            return self._export_text(path)
        if options is None:
            dialog = ExportOptionsDialog(self.w, self.export_context(ext))
            if self._last_options is not None:
                dialog.load(self._last_options)
            self.last_dialog = dialog
            if dialog.exec() != Accepted:
                return False
            options = self._last_options = dialog.options()
        return self._export_image(path, options)

    def _export_text(self, path: Path) -> bool:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from roadmap_app.interchange import formats

            formats.export_file(self.document.roadmap, path)
        except Exception as exc:
            self._fail("Could not export", path, "could not be exported", exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.w.show_message(f"Exported {path.name}")
        return True

    def _window_theme(self) -> str:
        name = getattr(getattr(getattr(self.w, "scene", None), "theme", None), "name", None)
        if name in ("light", "dark"):
            return name
        return "dark" if getattr(self.w.theme, "dark", False) else "light"

    def _reusable_scene(self, options: ExportOptions):
        """The window's scene, for the current view in the theme it is painted in; else None."""
        scene = getattr(self.w, "scene", None)
        if (options.scope is not ExportScope.VIEW or scene is None or options.theme != self._window_theme()
                or getattr(scene, "overview_active", False) is True):
            return None
        return scene

    def _export_image(self, path: Path, options: ExportOptions) -> bool:
        if self.progress is not None:  # an export is running; its event loop let another start
            return False
        roadmap = self.document.roadmap.model_copy(deep=True)  # edits during the export cannot tear it
        scene = self._reusable_scene(options)
        progress = None
        if path.suffix.lower() == ".png":
            progress = self._progress_dialog(path)
        else:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

        def report(fraction: float) -> None:
            if progress is not None:
                progress.setValue(round(fraction * 100))
                QApplication.processEvents()  # paints the bar and lets Cancel be clicked

        try:
            result: ExportResult = export_image(
                roadmap, path, options, scene=scene, progress=report,
                cancelled=progress.wasCanceled if progress is not None else None)
        except ExportCancelled:
            self.w.show_message(f"Export of {path.name} cancelled")
            return False
        except Exception as exc:
            self._fail("Could not export", path, "could not be exported", exc)
            return False
        finally:
            if progress is not None:
                progress.close()
                progress.deleteLater()
                self.progress = None
            else:
                QApplication.restoreOverrideCursor()
        if result.clamped:
            messages.info(self.w, "Image scaled down", f"“{path.name}” was exported smaller than asked.",
                          result.message or f"It is {result.width} x {result.height} px.")
        size = f" ({result.width} x {result.height} px)" if path.suffix.lower() == ".png" else ""
        self.w.show_message(f"Exported {path.name}{size}")
        return True

    def _progress_dialog(self, path: Path) -> QProgressDialog:
        progress = QProgressDialog("", "Cancel", 0, 100, self.w)
        label = QLabel(f"Exporting “{path.name}”…")
        label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is user text, never rich text
        progress.setLabel(label)
        progress.setObjectName("export_progress")
        progress.setWindowTitle("Export")
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.setValue(0)
        progress.show()
        self.progress = progress
        QApplication.processEvents()
        return progress

    # -- update from… --------------------------------------------------------
    def update_from_dialog(self) -> bool:
        if self.document is None:
            return False
        name, _ = QFileDialog.getOpenFileName(self.w, "Update from a Newer Version",
                                              str(self._start_dir(self._import_dir)), UPDATE_FILTER)
        return bool(name) and self.update_from(Path(name))

    def update_from(self, path: Path | str) -> bool:
        """Merge the roadmap in `path` into the open plan, after showing what will change."""
        doc, editor = self.document, self.w.editor
        if doc is None or editor is None:
            return False
        path = Path(path).absolute()
        self._import_dir = path.parent
        read = self._read(path, "Could not update")
        if read is None:
            return False
        theirs, report = read
        self._commit_pending()
        mine = doc.roadmap
        try:
            from roadmap_app.interchange.merge import merge

            merged, summary = merge(mine, theirs)
        except Exception as exc:
            self._fail("Could not update", path, "could not be merged into your plan", exc)
            return False
        if merged == mine:
            messages.info(self.w, "Already up to date", f"Your plan already has everything in “{path.name}”.")
            return False
        notes = report.warning_lines()
        if mine.nodes and not ({n.id for n in mine.nodes} & {n.id for n in theirs.nodes}):
            notes.insert(0, "No node of this file matches a node of your plan: it may be a different "
                            "roadmap, not a newer version of this one.")
        from roadmap_app.ui.dialogs.update_dialog import UpdateSummaryDialog

        dialog = UpdateSummaryDialog(self.w, path, summary, mine, merged, notes)
        self.last_dialog = dialog
        if dialog.exec() != Accepted:
            return False
        editor.replace_roadmap(merged.model_copy(deep=True), f"Update from {path.name}")
        self.w.show_message(f"Updated from {path.name}: {len(summary.added)} new, "
                            f"{len(summary.updated)} updated, {len(summary.removed)} removed")
        return True
