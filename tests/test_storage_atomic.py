"""Fault injection for the atomic save: every step fails in turn, nothing is lost.

Each step of `atomic_write` (open, write, fsync, replace, directory fsync)
is made to fail with ENOSPC and with EIO through patched `os` functions, and
a real RLIMIT_FSIZE limit is hit in a subprocess. Every time: a SaveError
with a clear message, the old file byte-identical, no temporary file left,
and the next save (fault removed) succeeds.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from storage_support import dead_pid

from roadmap_app.model import Node, Roadmap
from roadmap_app.storage import SaveError, atomic_write, atomic_write_text, dumps, loads, save_plan
from roadmap_app.storage import atomic as atomic_mod
from roadmap_app.storage.atomic import TMP_SUFFIX, remove_stale_temps

OLD = b'{"old": "contents"}\n'
NEW = b'{"new": "contents, a little longer than the old ones"}\n' * 50

REASONS = {errno.ENOSPC: "disk is full", errno.EIO: "input/output error"}


def _is_dir_fd(fd: int) -> bool:
    return stat.S_ISDIR(os.fstat(fd).st_mode)


def _fault(step: str, code: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Patch the os function of one save step to fail with `code`."""
    real_open, real_write, real_fsync, real_replace = os.open, os.write, os.fsync, os.replace

    def boom(*_args):
        raise OSError(code, os.strerror(code))

    if step == "open":
        def fake_open(path, flags, *args, **kw):
            if str(path).endswith(TMP_SUFFIX):
                boom()
            return real_open(path, flags, *args, **kw)
        monkeypatch.setattr(os, "open", fake_open)
    elif step == "write":
        monkeypatch.setattr(os, "write", boom)
    elif step == "partial-write":  # some bytes go out, then the disk fills up
        calls = []

        def fake_write(fd, data):
            calls.append(fd)
            if len(calls) == 1:
                return real_write(fd, bytes(data[: len(data) // 3]))
            boom()
        monkeypatch.setattr(os, "write", fake_write)
    elif step == "fsync":
        def fake_fsync(fd):
            if not _is_dir_fd(fd):
                boom()
            return real_fsync(fd)
        monkeypatch.setattr(os, "fsync", fake_fsync)
    elif step == "replace":
        monkeypatch.setattr(os, "replace", boom)
    elif step == "dir-fsync":
        def fake_dir_fsync(fd):
            if _is_dir_fd(fd):
                boom()
            return real_fsync(fd)
        monkeypatch.setattr(os, "fsync", fake_dir_fsync)
        # the rollback must still be able to put the old file back
        monkeypatch.setattr(os, "replace", real_replace)
    else:
        raise AssertionError(step)


STEPS = ["open", "write", "partial-write", "fsync", "replace", "dir-fsync"]


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EIO], ids=["ENOSPC", "EIO"])
@pytest.mark.parametrize("step", STEPS)
def test_each_step_failing_keeps_old_file(tmp_path, monkeypatch, step, code):
    target = tmp_path / "plan.roadmap"
    target.write_bytes(OLD)
    with monkeypatch.context() as patch:
        _fault(step, code, patch)
        with pytest.raises(SaveError) as info:
            atomic_write(target, NEW)
    message = str(info.value)
    assert str(target) in message and "could not save" in message
    assert REASONS[code] in message
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.roadmap"]  # no temp, no rollback link
    atomic_write(target, NEW)  # the fault is gone: the retry succeeds
    assert target.read_bytes() == NEW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.roadmap"]


@pytest.mark.parametrize("step", ["write", "fsync", "dir-fsync"])
def test_failure_on_first_save_leaves_no_file(tmp_path, monkeypatch, step):
    target = tmp_path / "new.roadmap"
    with monkeypatch.context() as patch:
        _fault(step, errno.ENOSPC, patch)
        with pytest.raises(SaveError, match="disk is full"):
            atomic_write(target, NEW)
    assert list(tmp_path.iterdir()) == []


def test_zero_byte_write_is_an_error_not_a_hang(tmp_path, monkeypatch):
    target = tmp_path / "plan.roadmap"
    target.write_bytes(OLD)
    monkeypatch.setattr(os, "write", lambda fd, data: 0)
    with pytest.raises(SaveError, match=r"short write \(0 of \d+ bytes; is the disk full"):
        atomic_write(target, NEW)
    assert target.read_bytes() == OLD


def test_wrong_size_on_disk_is_caught(tmp_path, monkeypatch):
    """A write that claims success but leaves a shorter file must not replace the target."""
    target = tmp_path / "plan.roadmap"
    target.write_bytes(OLD)
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:-5])) + 5)
    with pytest.raises(SaveError, match="wrong size"):
        atomic_write(target, NEW)
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.roadmap"]


def test_verify_refuses_bytes_that_would_not_load(tmp_path):
    target = tmp_path / "plan.roadmap"
    target.write_bytes(OLD)
    with pytest.raises(SaveError, match="would not load back"):
        atomic_write(target, b'{"format": "roadmap-planner"', verify=loads)
    assert target.read_bytes() == OLD
    assert len(list(tmp_path.iterdir())) == 1


def test_keyboard_interrupt_mid_save_cleans_up(tmp_path, monkeypatch):
    target = tmp_path / "plan.roadmap"
    target.write_bytes(OLD)

    def interrupted(fd):
        raise KeyboardInterrupt
    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, NEW)
    assert target.read_bytes() == OLD
    assert len(list(tmp_path.iterdir())) == 1


def test_save_plan_under_fault_keeps_plan_and_retries(tmp_path, monkeypatch):
    plan = tmp_path / "plan.roadmap"
    first = Roadmap(id="r", title="First", nodes=[Node(id="a", title="A")])
    save_plan(plan, first)
    before = plan.read_bytes()
    second = first.model_copy(update={"title": "Second"})
    with monkeypatch.context() as patch:
        _fault("replace", errno.ENOSPC, patch)
        with pytest.raises(SaveError, match="disk is full"):
            save_plan(plan, second)
    assert plan.read_bytes() == before
    result = save_plan(plan, second)
    assert plan.read_bytes() == result.data == dumps(second)


def test_permissions_are_kept(tmp_path):
    target = tmp_path / "plan.roadmap"
    target.write_bytes(OLD)
    target.chmod(0o600)
    atomic_write(target, NEW)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_atomic_write_text(tmp_path):
    target = tmp_path / "notes.md"
    atomic_write_text(target, "héllo ✓\n")
    assert target.read_text(encoding="utf-8") == "héllo ✓\n"
    with pytest.raises(SaveError, match="cannot be encoded"):
        atomic_write_text(target, "lone \ud800")
    assert target.read_text(encoding="utf-8") == "héllo ✓\n"


def test_remove_stale_temps_only_removes_ours(tmp_path):
    (tmp_path / "plan.roadmap").write_bytes(OLD)
    stale = atomic_mod.temp_path_for(tmp_path / "plan.roadmap", pid=dead_pid())
    stale.write_bytes(b"half")
    (tmp_path / "keep.rp-tmp.txt").write_bytes(b"user file")
    assert remove_stale_temps(tmp_path) == [stale]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.rp-tmp.txt", "plan.roadmap"]


def test_a_live_writers_temp_is_kept_until_it_is_hours_old(tmp_path):
    target = tmp_path / "plan.roadmap"
    mine = atomic_mod.temp_path_for(target)  # this process: perhaps a worker thread saving now
    mine.write_bytes(b"being written")
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        other = atomic_mod.temp_path_for(target, pid=sleeper.pid)  # another live instance
        other.write_bytes(b"being written too")
        legacy = tmp_path / ".plan.roadmap.0badc0de.rp-tmp"  # an older version's name: no pid
        legacy.write_bytes(b"old")
        assert remove_stale_temps(tmp_path, for_name="plan.roadmap") == []
        hours_ago = time.time() - atomic_mod.STALE_AFTER_SECONDS - 60
        os.utime(legacy, (hours_ago, hours_ago))
        assert remove_stale_temps(tmp_path, for_name="plan.roadmap") == [legacy]
        assert mine.exists() and other.exists()
    finally:
        sleeper.kill()
        sleeper.wait()
    assert remove_stale_temps(tmp_path, for_name="plan.roadmap") == [other]  # its writer is gone


CHILD = textwrap.dedent("""
    import resource, signal, sys
    from pathlib import Path
    from roadmap_app.storage import SaveError, atomic_write
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # so write() returns EFBIG instead of killing us
    resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
    target = Path(sys.argv[1])
    try:
        atomic_write(target, b"x" * 100_000)
    except SaveError as exc:
        print(exc)
        sys.exit(3)
    sys.exit(0)
""")


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE is POSIX")
def test_real_file_size_limit_in_subprocess(tmp_path):
    target = tmp_path / "plan.roadmap"
    target.write_bytes(OLD)
    proc = subprocess.run([sys.executable, "-c", CHILD, str(target)], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 3, proc.stderr
    assert "too large for this file system" in proc.stdout
    assert "Traceback" not in proc.stderr
    assert target.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.roadmap"]
    atomic_write(target, b"x" * 100_000)  # without the limit the same save succeeds
    assert Path(target).stat().st_size == 100_000


def test_symlinked_plan_stays_a_symlink(tmp_path):
    real = tmp_path / "synced" / "plan.roadmap"
    real.parent.mkdir()
    real.write_bytes(OLD)
    link = tmp_path / "plan.roadmap"
    link.symlink_to(real)
    atomic_write(link, NEW)
    assert link.is_symlink() and real.read_bytes() == NEW
    assert sorted(p.name for p in real.parent.iterdir()) == ["plan.roadmap"]


def test_symlink_loop_is_a_save_error(tmp_path):
    loop = tmp_path / "loop.roadmap"
    loop.symlink_to(loop)
    with pytest.raises(SaveError, match="cannot be followed"):
        atomic_write(loop, NEW)


def test_a_name_too_long_or_a_file_in_the_folder_path_is_a_save_error(tmp_path):
    with pytest.raises(SaveError, match="could not save: File name too long"):
        atomic_write(tmp_path / ("x" * 300 + ".roadmap"), NEW)
    blocker = tmp_path / "plan.roadmap"
    blocker.write_bytes(OLD)
    with pytest.raises(SaveError, match=f"could not save: {blocker} is not a folder"):
        atomic_write(blocker / "sub" / "x.roadmap", NEW)
    assert blocker.read_bytes() == OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.roadmap"]


def test_atomic_stream_shares_the_commit_of_atomic_write(tmp_path, monkeypatch):
    from roadmap_app.storage import SaveError
    from roadmap_app.storage import atomic as atomic_module

    target = tmp_path / "big.png"
    target.write_bytes(b"old")
    with atomic_module.atomic_stream(target) as handle:
        handle.write(b"new ")
        handle.write(b"bytes")
    assert target.read_bytes() == b"new bytes"

    class Stop(Exception):
        pass

    with pytest.raises(Stop), atomic_module.atomic_stream(target) as handle:
        handle.write(b"half")
        raise Stop  # e.g. a cancelled export
    assert target.read_bytes() == b"new bytes"

    def no_sync(_directory):
        raise OSError(errno.EIO, "Input/output error")

    with monkeypatch.context() as patch:
        patch.setattr(atomic_module, "fsync_directory", no_sync)
        with pytest.raises(SaveError, match="folder could not be synced"), \
                atomic_module.atomic_stream(target) as handle:
            handle.write(b"unsynced")
    assert target.read_bytes() == b"new bytes"  # rolled back, as atomic_write does
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.png"]
