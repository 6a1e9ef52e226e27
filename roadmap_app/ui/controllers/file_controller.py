"""Files from the window's point of view: open, save, save as, revert, recent files,
new from template, background autosave (recovery copies), locks, and the
unsaved-changes prompt.

Saving takes a cheap snapshot of the model on the UI thread (ui.controllers.autosave); serialising and
the durable write (storage.save_plan: atomic write, fsync of file and folder,
backup) run in a QThreadPool worker. The status says "Saved" only when the
worker reports the write finished, and the undo stack is marked clean only if
nothing changed since the snapshot. A bad file gets one dialog naming the
file and the problem, and the previous document stays open.
"""

from __future__ import annotations

import contextlib
import uuid
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from roadmap_app import APP_NAME
from roadmap_app.document import RoadmapDocument
from roadmap_app.interchange.filenames import safe_file_stem
from roadmap_app.model import Roadmap, RoadmapError
from roadmap_app.model.text import MAX_TEXT
from roadmap_app.storage import (
    Loaded,
    LockedError,
    PlanLock,
    acquire,
    changed_on_disk,
    codec,
    discard_recovery,
    mark_session_closed,
    mark_session_open,
    open_plan,
    quarantine_corrupt,
    restore_backup,
    save_plan,
    startup_cleanup,
    write_recovery,
)
from roadmap_app.storage.recovery import untitled_stand_in
from roadmap_app.ui.common import messages
from roadmap_app.ui.controllers.autosave import SnapshotCache
from roadmap_app.ui.controllers.settings_controller import SettingsController
from roadmap_app.ui.dialogs.recovery_prompt import offer_recovery

FILE_FILTER = "Roadmaps (*.roadmap);;All files (*)"
AUTOSAVE_DELAY_MS = 5_000  # the recovery copy trails the last edit by seconds, never more than 30 s

Opened = tuple[RoadmapDocument, Loaded, PlanLock | None]
SAVED, MODIFIED, SAVING, SAVE_FAILED = "Saved", "Modified", "Saving…", "Save failed"
Button = QMessageBox.StandardButton


class _JobSignals(QObject):
    finished = Signal(int, object, str)  # job id, SaveResult or None, error ("" when it worked)


class _WriteJob(QRunnable):
    """Runs in a worker thread: touches only its own snapshot and the disk."""

    def __init__(self, job_id: int, kind: str, path: Path, roadmap: Roadmap, loaded: Loaded | None,
                 extra: dict, signals: _JobSignals, *, mark_session: bool = False):
        super().__init__()
        self.job_id, self.kind, self.path, self.roadmap = job_id, kind, path, roadmap
        self.loaded, self.extra, self.signals = loaded, extra, signals
        self.mark_session = mark_session

    def run(self) -> None:
        result, message = None, ""
        try:
            if self.kind == "save":
                result = save_plan(self.path, self.roadmap, loaded=self.loaded, envelope_extra=self.extra)
                if self.mark_session:
                    # The session marker is a write too: it stays off the UI thread.
                    with contextlib.suppress(OSError, RoadmapError):
                        mark_session_open(self.path)
            else:
                # No read-back for a recovery copy: it is the codec's output of an
                # already validated model, and it is validated again when restored.
                # Parsing it back here would hold the GIL and stall the UI (~60-90 ms
                # at 10k nodes), which autosave must never do.
                write_recovery(self.path, codec.dumps(self.roadmap, envelope_extra=self.extra), verify=False)
        except RoadmapError as exc:
            message = str(exc)
        except Exception as exc:  # never lose an error in a worker thread
            message = f"{self.path}: could not save: {type(exc).__name__}: {exc}"
        self.signals.finished.emit(self.job_id, result, message)


class FileController(QObject):
    document_replaced = Signal(object)  # the new RoadmapDocument
    save_state_changed = Signal(str)
    status_message = Signal(str)
    saved = Signal(str)  # path, after the write (incl. folder fsync) finished
    save_failed = Signal(str)

    def __init__(self, window: QWidget, settings: SettingsController, parent: QObject | None = None):
        super().__init__(parent or window)
        self.window = window
        self.settings = settings
        self.document: RoadmapDocument | None = None
        self.loaded: Loaded | None = None  # what the document corresponds to on disk
        self.lock: PlanLock | None = None
        self._snapshots: SnapshotCache | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # writes happen in order
        self._signals = _JobSignals(self)
        self._signals.finished.connect(self._job_finished)
        self._next_job = 0
        self._jobs: dict[int, tuple[str, RoadmapDocument, int, Path]] = {}
        self._state = SAVED
        self.last_error = ""
        # An untitled plan keeps its recovery copy under a stand-in key of its own.
        self._session_id = uuid.uuid4().hex[:12]
        self._untitled_count = 0
        self.untitled_key: Path | None = None
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_DELAY_MS)
        self._autosave.timeout.connect(self.autosave_now)

    # -- the current document ---------------------------------------------
    def set_document(self, document: RoadmapDocument, loaded: Loaded | None = None,
                     lock: PlanLock | None = None, *, stand_in: Path | None = None) -> None:
        old = self.document
        if old is not None:
            old.undo_stack.cleanChanged.disconnect(self._clean_changed)
            old.changed.disconnect(self._schedule_autosave)
            self._close_session(old)
        self._end_untitled_session(discard=False)  # a copy left behind is offered at the next start
        self.document, self.loaded, self.lock = document, loaded, lock
        self._start_untitled_session(document, stand_in)
        if self._snapshots is not None:
            self._snapshots.deleteLater()
        self._snapshots = SnapshotCache(document, self)
        self._snapshots.prime()
        document.undo_stack.cleanChanged.connect(self._clean_changed)
        document.changed.connect(self._schedule_autosave)
        if document.path is not None:
            self._remember(document.path)
            if not document.read_only_reason:
                try:
                    mark_session_open(document.path)
                except (OSError, RoadmapError):
                    pass  # without a marker only the crash detection is lost
        self.document_replaced.emit(document)
        self._set_state(MODIFIED if document.is_modified else SAVED)
        if old is not None:
            old.deleteLater()

    def _remember(self, path: Path) -> None:
        self.settings.add_recent(path)
        self.settings.last_plan = path
        self.settings.save()

    def _start_untitled_session(self, document: RoadmapDocument, stand_in: Path | None) -> None:
        if document.path is not None:
            self.untitled_key = None
            return
        if stand_in is None:
            self._untitled_count += 1
            stand_in = untitled_stand_in(f"{self._session_id}-{self._untitled_count}")
        self.untitled_key = stand_in
        try:
            mark_session_open(stand_in)  # lets the next start tell a crash from a clean exit
        except (OSError, RoadmapError):
            pass

    def _end_untitled_session(self, *, discard: bool) -> None:
        key, self.untitled_key = self.untitled_key, None
        if key is None:
            return
        try:
            if discard:
                discard_recovery(key)
            mark_session_closed(key)
        except OSError:
            pass

    def recovery_key(self, document: RoadmapDocument) -> Path:
        """Where the document's recovery copy is keyed: its file, or the untitled stand-in."""
        if document.path is not None:
            return document.path
        if self.untitled_key is None:
            self._start_untitled_session(document, None)
        return self.untitled_key

    def _close_session(self, document: RoadmapDocument) -> None:
        if document.path is not None and self.lock is not None:
            try:
                mark_session_closed(document.path)
            except OSError:
                pass
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def close_document(self) -> None:
        """The window is closing cleanly: end the session and let go of the lock."""
        self._autosave.stop()
        self.pool.waitForDone()
        if self.document is not None:
            self._close_session(self.document)
        self._end_untitled_session(discard=False)

    @property
    def state(self) -> str:
        return self._state

    def _set_state(self, state: str) -> None:
        self._state = state
        self.save_state_changed.emit(state)

    def _clean_changed(self, clean: bool) -> None:
        if self._state != SAVING:
            self._set_state(SAVED if clean else MODIFIED)
        if not clean:
            # document.changed fires inside QUndoStack.push, before the stack turns
            # unclean, so the first edit after a save is only seen here.
            self._schedule_autosave()

    # -- loading ---------------------------------------------------------
    def read(self, path: Path, *, quiet: bool = False) -> Opened | None:
        """Load a file into a new document; on failure show one dialog and return None."""
        path = Path(path).absolute()
        result = open_plan(path)
        if not result.ok and result.backup is not None and not quiet:
            answer = messages.ask(
                self.window, "Could not open file", f"“{path.name}” could not be opened.",
                f"{path}: {result.error}\n\nA backup from {result.backup.label} loads fine. "
                "Restore it? (The damaged file is kept beside it.)",
                Button.Yes | Button.No, Button.Yes)
            if answer == Button.Yes:
                try:
                    kept = quarantine_corrupt(path)
                    restore_backup(result.backup, path)
                    self.status_message.emit(f"Restored a backup; the damaged file is {kept.name}")
                except RoadmapError as exc:
                    messages.error(self.window, "Could not restore the backup", str(exc))
                    return None
                result = open_plan(path)
            else:
                return None
        if not result.ok:
            if not quiet:
                messages.error(self.window, "Could not open file",
                               f"“{path.name}” could not be opened.", f"{path}: {result.error}")
            self.status_message.emit(f"Could not open {path.name}: {result.error}")
            return None
        loaded = result.loaded
        lock = None
        read_only = loaded.read_only_reason
        try:
            lock = acquire(path)
        except LockedError as exc:
            read_only = str(exc)
        except RoadmapError as exc:
            self.status_message.emit(f"{path.name}: opened without a lock: {exc}")
        if lock is not None:
            try:
                startup_cleanup(path)
            except OSError:
                pass
        if loaded.shortened and not quiet:
            self._warn_shortened(path, loaded.shortened)
        document = RoadmapDocument(loaded.roadmap, path)
        document.read_only_reason = read_only
        document.envelope_extra = loaded.envelope_extra
        # No box for read-only: the window shows a banner with the reason (ui.window.read_only).
        return document, loaded, lock

    def _warn_shortened(self, path: Path, lines: list[str]) -> None:
        more = f"\n… and {len(lines) - 8} more" if len(lines) > 8 else ""
        messages.error(
            self.window, "Long text shortened",
            f"“{path.name}” holds text longer than {MAX_TEXT:,} characters, the most a note can "
            "hold. It was shortened so the plan can open:",
            "\n".join(lines[:8]) + more + "\n\nThe file itself is unchanged until you save; the first "
            f"save keeps it as it was in “{path.name}.long-text.bak”.")

    def open_path(self, path: Path | str, *, ask_first: bool = True) -> bool:
        path = Path(path).absolute()
        if ask_first and not self.maybe_close():
            return False
        current = self.document
        same = current is not None and current.path == path
        if same:
            self._close_session(current)  # our own lock would make us read-only
        opened = self.read(path)
        if opened is None and same:
            try:
                self.lock = acquire(path)
            except RoadmapError:
                current.read_only_reason = current.read_only_reason or "the plan's lock was lost"
        if opened is None:
            if not path.exists():
                self.settings.remove_recent(path)
                self.settings.save()
            return False
        document, loaded, lock = opened
        self.set_document(document, loaded, lock)
        if lock is not None:
            offer_recovery(self, document)
        self.status_message.emit(f"Opened {path.name}")
        return True

    def open_dialog(self) -> bool:
        start = str(self.settings.start_folder())
        name, _ = QFileDialog.getOpenFileName(self.window, "Open Roadmap", start, FILE_FILTER)
        if name:
            self.settings.remember_folder(Path(name))
        return bool(name) and self.open_path(Path(name))

    def new_document(self, roadmap: Roadmap, *, stand_in: Path | None = None) -> RoadmapDocument:
        """An untitled plan (its first save asks where); `stand_in` reuses a recovered copy's key."""
        document = RoadmapDocument(roadmap, None)
        document.undo_stack.resetClean()  # an untitled plan is unsaved work
        self.set_document(document, stand_in=stand_in)
        return document

    def adopt_untitled(self, roadmap: Roadmap, stand_in: Path) -> bool:
        """Open a recovered untitled plan, keeping its recovery copy until it is saved or discarded."""
        if not self.maybe_close():
            return False
        self.new_document(roadmap, stand_in=stand_in)
        return True

    def forget_untitled(self, stand_in: Path) -> None:
        """The user discarded a recovered untitled plan."""
        try:
            discard_recovery(stand_in)
            mark_session_closed(stand_in)
        except OSError:
            pass

    def create_plan(self, path: Path, roadmap: Roadmap) -> bool:
        """Write a brand-new plan at `path` now (first start) and open it."""
        path = Path(path).absolute()
        try:
            kept = quarantine_corrupt(path) if path.exists() else None  # never overwrite a bad plan
            result = save_plan(path, roadmap)
        except RoadmapError as exc:
            messages.error(self.window, "Could not create the plan", str(exc))
            return False
        lock = None
        try:
            lock = acquire(path)
        except RoadmapError:
            pass
        self.set_document(RoadmapDocument(roadmap, path), result.loaded, lock)
        if kept is not None:
            messages.info(self.window, "A new plan was created",
                          f"“{path.name}” could not be read, so a new plan was started from the template.",
                          f"The damaged file is kept, untouched, as:\n{kept}")
        return True

    def revert(self) -> bool:
        doc = self.document
        if doc is None or doc.path is None:
            return False
        if doc.is_modified:
            answer = messages.ask(self.window, "Revert to saved?",
                                  f"Discard all changes to “{doc.path.name}” since it was last saved?",
                                  buttons=Button.Discard | Button.Cancel, default=Button.Cancel)
            if answer != Button.Discard:
                return False
        path = doc.path
        self._close_session(doc)  # give up our lock so reading takes it again
        opened = self.read(path)
        if opened is None:
            return False
        self.set_document(*opened)
        self.status_message.emit(f"Reverted to the saved {path.name}")
        return True

    # -- saving ----------------------------------------------------------
    def save(self, *, wait: bool = False) -> bool:
        """Start saving in the background. False if nothing was started."""
        doc = self.document
        if doc is None:
            return False
        if doc.path is None or doc.read_only_reason:
            return self.save_as(wait=wait)
        known = self.loaded.content_hash if self.loaded else None
        if doc.path.exists() and changed_on_disk(doc.path, known):
            answer = messages.ask(
                self.window, "File changed on disk",
                f"“{doc.path.name}” was changed by another program since you opened it.",
                "Overwrite it with your version?", Button.Save | Button.Cancel, Button.Cancel)
            if answer != Button.Save:
                return False
        self._start_write(doc, doc.path, "save")
        return self.wait() if wait else True

    def save_as(self, *, wait: bool = False) -> bool:
        doc = self.document
        if doc is None:
            return False
        if doc.path is not None:
            copy = " copy" if doc.read_only_reason else ""
            suggested = doc.path.parent / f"{doc.path.stem}{copy}.roadmap"
        else:
            suggested = self.settings.start_folder() / (
                safe_file_stem(doc.roadmap.title, fallback="plan") + ".roadmap")
        name, _ = QFileDialog.getSaveFileName(self.window, "Save Roadmap As", str(suggested), FILE_FILTER)
        if not name:
            return False
        self.settings.remember_folder(Path(name))
        path = Path(name)
        if not path.suffix:
            path = path.with_suffix(".roadmap")
        return self.save_to(path, wait=wait)

    def save_to(self, path: Path, *, wait: bool = False) -> bool:
        doc = self.document
        if doc is None:
            return False
        path = path.absolute()
        if path != doc.path:
            try:
                new_lock = acquire(path)
            except LockedError as exc:
                messages.error(self.window, "Could not save", str(exc))
                return False
            except RoadmapError:
                new_lock = None
            self._close_session(doc)
            self.lock = new_lock
            self.loaded = None  # a different file: no migration copy, no base hash
            doc.read_only_reason = None
            doc.set_path(path)
            self._remember(path)
        self._start_write(doc, path, "save")
        return self.wait() if wait else True

    def _start_write(self, doc: RoadmapDocument, path: Path, kind: str) -> None:
        self._next_job += 1
        job_id = self._next_job
        self._jobs[job_id] = (kind, doc, doc.undo_stack.index(), path)
        if kind == "save":
            self._autosave.stop()
            self._set_state(SAVING)
        loaded = self.loaded if kind == "save" else None
        job = _WriteJob(job_id, kind, path, self._snapshots.snapshot(), loaded, dict(doc.envelope_extra),
                        self._signals, mark_session=kind == "save" and not doc.read_only_reason)
        self.pool.start(job)

    def _job_finished(self, job_id: int, result, error: str) -> None:
        kind, doc, index, path = self._jobs.pop(job_id)
        if kind == "recovery" or doc is not self.document:
            return
        if error:
            self.last_error = error
            self._set_state(SAVE_FAILED)
            self.status_message.emit(error)
            self.save_failed.emit(error)
            return
        self.loaded = result.loaded
        if self.untitled_key is not None and doc.path is not None:
            self._end_untitled_session(discard=True)  # saved to a file: its own copy takes over
        if doc.undo_stack.index() == index:
            doc.undo_stack.setClean()
            self._set_state(SAVED)
        else:
            self._set_state(MODIFIED)  # edited while saving: the newer edits are not on disk yet
        note = f" ({'; '.join(result.warnings)})" if result.warnings else ""
        self.status_message.emit(f"Saved {path.name}{note}")
        self.saved.emit(str(path))

    def wait(self) -> bool:
        """Block until queued writes finish (when quitting); True if the last save worked."""
        self.pool.waitForDone()
        QCoreApplication.processEvents()  # deliver the workers' queued results
        return self._state == SAVED

    # -- autosave: a recovery copy, never the user's file behind their back --
    def _schedule_autosave(self) -> None:
        if self.document is not None and self.document.is_modified and not self._autosave.isActive():
            self._autosave.start()

    def autosave_now(self) -> None:
        doc = self.document
        if doc is None or not doc.is_modified or doc.read_only_reason:
            return
        self._start_write(doc, self.recovery_key(doc), "recovery")

    # -- closing -----------------------------------------------------------
    def maybe_close(self) -> bool:
        """Ask about unsaved changes. True if it is fine to drop the current document."""
        doc = self.document
        if doc is None or not doc.is_modified:
            return True
        name = doc.path.name if doc.path else doc.roadmap.title
        answer = messages.ask(
            self.window, APP_NAME, f"Save changes to “{name}” before closing?",
            "Your changes will be lost if you don't save them.",
            Button.Save | Button.Discard | Button.Cancel, Button.Save,
        )
        if answer == Button.Save:
            return self.save(wait=True) and not doc.is_modified
        if answer == Button.Discard:
            try:
                discard_recovery(self.recovery_key(doc))
            except OSError:
                pass
            return True
        return False

