"""Saving from the window when the disk fails, and where the save work runs (pytest-qt).

Each step of the save (open, write, fsync, replace, folder fsync) fails in
turn with ENOSPC and with EIO, through patched `os` calls that only touch the
save's own files. Every time: the plan on disk is byte-identical, the error is
shown, the document stays modified, and the next save (fault gone) works.
Serialising and writing run in the worker thread, never on the UI thread.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import threading
from pathlib import Path

import pytest

from roadmap_app.model import Status
from roadmap_app.storage import codec, load
from roadmap_app.storage.atomic import TMP_SUFFIX

pytest_plugins = ("ui_helpers",)

REASONS = {errno.ENOSPC: "disk is full", errno.EIO: "input/output error"}
STEPS = ("open", "write", "fsync", "replace", "dir-fsync")


@contextlib.contextmanager
def failing(step: str, code: int):
    """Make one step of the save fail; other os calls (and other files) are left alone."""
    real = {name: getattr(os, name) for name in ("open", "write", "fsync", "replace")}
    temp_fds: set[int] = set()

    def boom():
        raise OSError(code, os.strerror(code))

    def fake_open(path, flags, *args, **kw):
        if step == "open" and str(path).endswith(TMP_SUFFIX):
            boom()
        fd = real["open"](path, flags, *args, **kw)
        if str(path).endswith(TMP_SUFFIX):
            temp_fds.add(fd)
        return fd

    def fake_write(fd, data):
        if step == "write" and fd in temp_fds:
            boom()
        return real["write"](fd, data)

    def fake_fsync(fd):
        is_dir = stat.S_ISDIR(os.fstat(fd).st_mode)
        if (step == "fsync" and fd in temp_fds) or (step == "dir-fsync" and is_dir):
            boom()
        return real["fsync"](fd)

    def fake_replace(src, dst, *args, **kw):
        if step == "replace" and str(src).endswith(TMP_SUFFIX):
            boom()
        return real["replace"](src, dst, *args, **kw)

    os.open, os.write, os.fsync, os.replace = fake_open, fake_write, fake_fsync, fake_replace
    try:
        yield
    finally:
        for name, value in real.items():
            setattr(os, name, value)


def test_each_failing_save_step_keeps_the_file_shows_the_error_and_retries(window, dialogs, qtbot):
    path = window.document.path
    node_ids = [n.id for n in window.document.roadmap.nodes]
    for number, (step, code) in enumerate((s, c) for s in STEPS for c in REASONS):
        window.edits.set_status([node_ids[number]], Status.DONE)
        before = path.read_bytes()
        errors_before = len(dialogs.errors)
        with failing(step, code):
            window.actions["save"].trigger()
            qtbot.waitUntil(lambda: window.files.state == "Save failed", timeout=5000)
            window.files.pool.waitForDone()
        label = f"{step}/{errno.errorcode[code]}"
        assert path.read_bytes() == before, label
        assert not [p for p in path.parent.iterdir() if p.name.endswith(TMP_SUFFIX)], label
        assert window.isWindowModified(), label
        assert window.status.save_state.text() == "Save failed", label
        shown = [text for _title, text in dialogs.errors[errors_before:]]
        assert shown and REASONS[code] in shown[-1] and path.name in shown[-1], (label, shown)
        window.actions["save"].trigger()  # the fault is gone: the next save works
        qtbot.waitUntil(lambda: window.files.state == "Saved", timeout=5000)
        assert not window.isWindowModified(), label
        assert load(path).roadmap.node(node_ids[number]).status is Status.DONE, label


def _record_save_work(window, qtbot, monkeypatch) -> tuple[int, dict[str, set[int]], list[tuple[int, str]]]:
    """Edit, autosave and save; return the UI thread, who serialised, and who wrote which file."""
    ui_thread = threading.get_ident()
    serialised: dict[str, set[int]] = {"dumps": set()}
    writes: list[tuple[int, str]] = []  # (thread, file name) of every os.write and os.fsync
    real_dumps, real_write, real_fsync = codec.dumps, os.write, os.fsync

    def _note(fd: int) -> None:
        with contextlib.suppress(OSError):
            writes.append((threading.get_ident(), os.readlink(f"/proc/self/fd/{fd}")))

    def dumps(*args, **kwargs):
        serialised["dumps"].add(threading.get_ident())
        return real_dumps(*args, **kwargs)

    def write(fd, data):
        _note(fd)
        return real_write(fd, data)

    def fsync(fd):
        _note(fd)
        return real_fsync(fd)

    window.edits.set_status([window.document.roadmap.nodes[0].id], Status.DONE)
    with monkeypatch.context() as patch:  # (not monkeypatch.undo(): it would undo the user folders too)
        patch.setattr(codec, "dumps", dumps)
        patch.setattr(os, "write", write)
        patch.setattr(os, "fsync", fsync)
        window.files.autosave_now()  # the recovery copy
        window.actions["save"].trigger()  # the plan itself
        qtbot.waitUntil(lambda: window.files.state == "Saved", timeout=5000)
        window.files.pool.waitForDone()
    return ui_thread, serialised, writes


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names open files through /proc")
def test_serialising_and_writing_the_plan_run_off_the_ui_thread(window, qtbot, monkeypatch):
    ui_thread, serialised, writes = _record_save_work(window, qtbot, monkeypatch)
    plan = window.document.path
    # The plan's temporary file and its folder; the recovery copy's temporary file
    # (the session marker, written next to it, is the known gap below).
    plan_writes = [(t, n) for t, n in writes if plan.name in Path(n).name or n == str(plan.parent)]
    recovery_writes = [(t, n) for t, n in writes
                       if "recovery" in n and n.endswith(TMP_SUFFIX) and ".session" not in n]
    assert serialised["dumps"] and ui_thread not in serialised["dumps"], serialised
    assert plan_writes and recovery_writes, writes
    assert [w for w in plan_writes + recovery_writes if w[0] == ui_thread] == []


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="names open files through /proc")
def test_a_save_writes_nothing_on_the_ui_thread(window, qtbot, monkeypatch):
    ui_thread, _serialised, writes = _record_save_work(window, qtbot, monkeypatch)
    assert [name for thread, name in writes if thread == ui_thread] == []
