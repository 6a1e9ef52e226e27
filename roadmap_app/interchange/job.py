"""A running import, as the pure layers see it: a place to say how far it got, and to stop.

The window runs imports in a worker thread (ui/controllers/import_worker.py) and may cancel
them. The importers know nothing of threads: they call `checkpoint()` once per item
(safe_id does, for every node and resource of every format) and `phase()` between
stages; inside `running(job)` those count progress and raise ImportCancelled once
the job is cancelled, outside they cost one context-variable lookup. A context
variable, not a global, so two imports in two threads never see each other's job.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from ..model.errors import RoadmapError

YIELD_EVERY = 64


class ImportCancelled(RoadmapError):
    """The user cancelled the import; nothing was created."""


class ImportJob:
    def __init__(self) -> None:
        self.cancel_requested = threading.Event()
        self.steps = 0  # items looked at so far (read by the window's progress timer)
        self.phase = "Reading"

    def cancel(self) -> None:
        self.cancel_requested.set()


_current: ContextVar[ImportJob | None] = ContextVar("import_job", default=None)


@contextmanager
def running(job: ImportJob) -> Iterator[ImportJob]:
    token = _current.set(job)
    try:
        yield job
    finally:
        _current.reset(token)


def checkpoint() -> None:
    job = _current.get()
    if job is not None:
        job.steps += 1
        if job.cancel_requested.is_set():
            raise ImportCancelled("import cancelled")
        if not job.steps % YIELD_EVERY:
            # Hand the GIL over now if the window's thread is waiting for it, instead of
            # after the interpreter's 5 ms switch interval: fewer, shorter stalls when
            # the machine is busy.
            time.sleep(0)


def phase(name: str) -> None:
    job = _current.get()
    if job is not None:
        job.phase = name
        if job.cancel_requested.is_set():
            raise ImportCancelled("import cancelled")
