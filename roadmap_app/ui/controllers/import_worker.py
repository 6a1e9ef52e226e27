"""Imports run off the window's thread, with a progress dialog and Cancel.

A 20,000-node canvas took 3.5 s to read, parse, convert and check, all on the UI
thread: the window froze. Here the pure import (interchange.formats.import_file)
runs in a worker thread while a local event loop keeps the window painting; the
progress dialog shows the import's phase and how many items it has read (from the
job the importers update, see interchange.job) and its Cancel stops the import at
the importer's next item. To the caller it is still one call that returns the
result or raises, so the preview, the merge and their tests stay as they were.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressDialog

from roadmap_app.interchange.job import ImportCancelled, ImportJob, running

SHOW_AFTER_MS = 250  # quick imports finish without a dialog flashing up
POLL_MS = 100
# How often the window's thread looks whether the worker is done. The worker tells it
# through a threading.Event, never through a QObject: a signal emitted from the worker
# (PySide releases the GIL inside emit) could still be running when the window's thread,
# woken by it, returned and freed the QObject, which crashed in the garbage collector.
DONE_POLL_MS = 10


def _progress_dialog(parent, path: Path, job: ImportJob) -> QProgressDialog:
    dialog = QProgressDialog("", "Cancel", 0, 0, parent)  # 0..0: busy, the size is not known ahead
    label = QLabel(f"Importing “{path.name}”…")
    label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is user text, never rich text
    dialog.setLabel(label)
    dialog.setObjectName("import_progress")
    dialog.setWindowTitle("Import")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(0)
    dialog.hide()
    return dialog


def import_in_worker(parent, path: Path, *, content_dir: Path | None = None):
    """(Roadmap, ImportReport) for `path`, imported in a worker thread.

    Raises what the import raised, or ImportCancelled when the user pressed Cancel.
    The worker of a cancelled import stops at its next item; its result is dropped.
    """
    job = ImportJob()
    done = threading.Event()
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            with running(job):
                from roadmap_app.interchange import formats

                outcome["value"] = formats.import_file(path, content_dir=content_dir)
        except BaseException as exc:  # handed to the window's thread, which reports it
            outcome["error"] = exc
        finally:
            done.set()

    loop = QEventLoop()
    dialog = _progress_dialog(parent, path, job)
    label = dialog.findChild(QLabel)

    def cancel() -> None:
        job.cancel()
        loop.quit()

    def tick() -> None:
        if job.steps and label is not None:
            label.setText(f"Importing “{path.name}”…\n{job.phase}: {job.steps:,} items")

    dialog.canceled.connect(cancel)  # the Cancel button, closing the dialog
    dialog.rejected.connect(cancel)  # Escape
    # The timers belong to the dialog, so Qt deletes them with it (deleteLater below) and
    # never Python's garbage collector: a QObject freed inside a collection releases the
    # Python slots its connections hold, which the collector may already have freed.
    shower = QTimer(dialog, singleShot=True, interval=SHOW_AFTER_MS)
    shower.timeout.connect(dialog.show)
    poller = QTimer(dialog, interval=POLL_MS)
    poller.timeout.connect(tick)
    watcher = QTimer(dialog, interval=DONE_POLL_MS)

    def finished() -> None:
        if done.is_set():
            loop.quit()

    watcher.timeout.connect(finished)
    worker = threading.Thread(target=work, name=f"import {path.name}", daemon=True)
    worker.start()
    shower.start()
    poller.start()
    watcher.start()
    try:
        if not done.is_set():
            loop.exec()
    finally:
        for timer, slot in ((shower, dialog.show), (poller, tick), (watcher, finished)):
            timer.stop()
            timer.timeout.disconnect(slot)
        dialog.canceled.disconnect(cancel)  # closing a progress dialog emits canceled
        dialog.rejected.disconnect(cancel)
        dialog.close()
        dialog.deleteLater()
    if job.cancel_requested.is_set():
        raise ImportCancelled(f"import of {path.name} cancelled")
    # Taken out of `outcome` before raising: a traceback holding this frame would else make
    # a cycle through `outcome` that keeps the dialog's wrappers for the garbage collector.
    error = outcome.pop("error", None)
    if error is not None:
        try:
            raise error  # type: ignore[misc]
        finally:
            del error
    return outcome.pop("value")
