"""One writer per plan: second acquirer, stale locks after a crash, external changes."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import textwrap
import time

import pytest

from roadmap_app.model import Node, Roadmap
from roadmap_app.storage import LockedError, acquire, changed_on_disk, content_hash, open_plan, save_plan
from roadmap_app.storage import lock as lock_mod


def test_second_acquirer_gets_locked_error_with_owner(tmp_path):
    plan = tmp_path / "p.roadmap"
    first = acquire(plan)
    try:
        with pytest.raises(LockedError) as info:
            acquire(plan)
        assert info.value.owner["pid"] == os.getpid()
        assert info.value.owner["hostname"] == socket.gethostname()
        assert "p.roadmap is open in another Roadmap Planner" in str(info.value)
    finally:
        first.release()
    again = acquire(plan)  # released: free again
    again.release()
    assert not lock_mod.lock_path(plan).exists()


HOLDER = textwrap.dedent("""
    import sys, time
    from roadmap_app.storage import acquire
    lock = acquire(sys.argv[1])
    print("locked", flush=True)
    time.sleep(60)
""")


def test_lock_held_by_another_process_then_stale_after_it_is_killed(tmp_path, planner_home):
    plan = tmp_path / "p.roadmap"
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(plan)], stdout=subprocess.PIPE, text=True,
                            env=dict(os.environ))
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError) as info:
            acquire(plan)
        assert info.value.owner["pid"] == proc.pid
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    # The owner crashed: its lock file is still there, but it is stale.
    assert lock_mod.lock_path(plan).exists()
    taken = acquire(plan)
    assert json.loads(lock_mod.lock_path(plan).read_text())["pid"] == os.getpid()
    taken.release()


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@pytest.fixture
def without_fcntl(monkeypatch):
    """The Windows path: O_EXCL lock files and pid checks."""
    monkeypatch.setattr(lock_mod, "fcntl", None)


def test_fallback_without_fcntl_second_acquirer_and_release(tmp_path, without_fcntl):
    plan = tmp_path / "p.roadmap"
    with acquire(plan), pytest.raises(LockedError):
        acquire(plan)
    acquire(plan).release()


def test_fallback_takes_over_stale_lock_of_dead_pid(tmp_path, without_fcntl):
    plan = tmp_path / "p.roadmap"
    path = lock_mod.lock_path(plan)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"pid": _dead_pid(), "hostname": socket.gethostname(), "started": "x"}))
    with acquire(plan) as lock:
        assert lock.info["pid"] == os.getpid()


def test_fallback_respects_live_pid_and_other_hosts(tmp_path, without_fcntl):
    plan = tmp_path / "p.roadmap"
    path = lock_mod.lock_path(plan)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"pid": os.getppid(), "hostname": socket.gethostname()}))
    with pytest.raises(LockedError):
        acquire(plan)
    path.write_text(json.dumps({"pid": _dead_pid(), "hostname": "another-machine"}))
    with pytest.raises(LockedError, match="another-machine"):
        acquire(plan)  # a dead pid means nothing on another host
    lock_mod.break_lock(plan)
    acquire(plan).release()


def test_garbled_lock_file_is_stale(tmp_path, without_fcntl):
    plan = tmp_path / "p.roadmap"
    path = lock_mod.lock_path(plan)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")  # being written right now by another process: respect it
    with pytest.raises(LockedError):
        acquire(plan)
    old = time.time() - 60
    os.utime(path, (old, old))  # still empty a minute later: crashed between create and write
    acquire(plan).release()


def test_pid_alive():
    assert lock_mod.pid_alive(os.getpid())
    assert not lock_mod.pid_alive(_dead_pid())
    assert not lock_mod.pid_alive(0)


def test_external_change_is_detected(tmp_path):
    plan = tmp_path / "p.roadmap"
    saved = save_plan(plan, Roadmap(id="r", title="Mine", nodes=[Node(id="a", title="A")]))
    assert not changed_on_disk(plan, saved.content_hash)
    opened = open_plan(plan)
    assert opened.loaded.content_hash == saved.content_hash
    # another program (or a sync tool) rewrites the file
    plan.write_bytes(plan.read_bytes().replace(b'"Mine"', b'"Theirs"'))
    assert changed_on_disk(plan, saved.content_hash)
    plan.unlink()
    assert changed_on_disk(plan, saved.content_hash)  # deleted counts as changed
    assert not changed_on_disk(plan, None)  # never saved, still absent
    assert content_hash(b"x") != content_hash(b"y")


def test_save_plan_refuses_to_overwrite_an_external_change_until_told(tmp_path):
    from roadmap_app.storage import ExternalChangeError, list_backups

    plan = tmp_path / "p.roadmap"
    first = save_plan(plan, Roadmap(id="r", title="Mine", nodes=[Node(id="a", title="A")]))
    theirs = plan.read_bytes().replace(b'"Mine"', b'"Theirs"')
    plan.write_bytes(theirs)  # e.g. a sync tool brought another machine's version
    mine = Roadmap(id="r", title="Mine, edited", nodes=[Node(id="a", title="A")])
    with pytest.raises(ExternalChangeError, match="changed on disk by another program"):
        save_plan(plan, mine, loaded=first.loaded, expected_hash=first.content_hash)
    assert plan.read_bytes() == theirs  # nothing overwritten
    # The user says "overwrite": their version is kept as a backup first.
    save_plan(plan, mine, loaded=first.loaded)
    assert theirs in [b.path.read_bytes() for b in list_backups(plan)]
    plan.unlink()
    with pytest.raises(ExternalChangeError, match="deleted"):
        save_plan(plan, mine, expected_hash=first.content_hash)
    save_plan(plan, mine, expected_hash=None)  # None: "I expect no file there"


@pytest.mark.parametrize("use_flock", [True, False])
def test_a_lock_whose_owner_info_cannot_be_written_is_not_left_held(tmp_path, monkeypatch, use_flock):
    import errno

    from roadmap_app.storage import SaveError
    from roadmap_app.storage import lock as lock_module

    if not use_flock:
        monkeypatch.setattr(lock_module, "fcntl", None)
    plan = tmp_path / "p.roadmap"

    def full(*_args):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(lock_module.os, "write", full)
        with pytest.raises((SaveError, OSError)):
            lock_module.acquire(plan)
    taken = lock_module.acquire(plan)  # the disk has room again: nothing stale in the way
    taken.release()
