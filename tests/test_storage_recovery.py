"""Recovery copies and session markers: unclean exits are noticed, work is offered."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading

from roadmap_app.model import Node, Roadmap
from roadmap_app.storage import (
    discard_recovery,
    dumps,
    mark_session_closed,
    mark_session_open,
    paths,
    pending_recovery,
    save_plan,
    write_recovery,
)
from roadmap_app.storage import recovery as rec


def plan(title: str) -> Roadmap:
    return Roadmap(id="r", title=title, nodes=[Node(id="a", title="A")])


def _simulate_crash_marker(plan_path):
    """A session marker left by a process that no longer exists."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    marker = mark_session_open(plan_path)
    data = json.loads(marker.read_text())
    data["pid"] = proc.pid
    marker.write_text(json.dumps(data))


def test_unclean_exit_offers_recovered_work(tmp_path):
    target = tmp_path / "p.roadmap"
    save_plan(target, plan("saved"))
    mark_session_open(target)
    write_recovery(target, dumps(plan("unsaved edits")))
    _simulate_crash_marker(target)  # the app died without mark_session_closed
    info = pending_recovery(target)
    assert info is not None
    assert info.unclean_exit and info.differs_from_disk
    assert info.load().roadmap.title == "unsaved edits"
    assert info.recovery_path.parent == paths.state_dir() / "recovery"
    assert info.saved_at is not None
    # Declining keeps the copy: asking again offers it again.
    assert pending_recovery(target) is not None
    # The plan itself was never touched.
    assert target.read_bytes() == dumps(plan("saved"))


def test_clean_save_deletes_the_recovery_copy(tmp_path):
    target = tmp_path / "p.roadmap"
    write_recovery(target, dumps(plan("edits")))
    assert pending_recovery(target) is not None  # the file does not even exist yet
    save_plan(target, plan("edits, saved"))
    assert pending_recovery(target) is None
    assert not any((paths.state_dir() / "recovery").glob("*.roadmap"))


def test_explicit_discard(tmp_path):
    target = tmp_path / "p.roadmap"
    save_plan(target, plan("saved"))
    write_recovery(target, dumps(plan("edits")))
    discard_recovery(target)
    assert pending_recovery(target) is None
    assert target.read_bytes() == dumps(plan("saved"))


def test_copy_equal_to_disk_is_not_offered(tmp_path):
    target = tmp_path / "p.roadmap"
    save_plan(target, plan("same"))
    write_recovery(target, dumps(plan("same")))
    _simulate_crash_marker(target)
    assert pending_recovery(target) is None


def test_clean_exit_with_kept_copy_is_offered_but_not_as_crash(tmp_path):
    target = tmp_path / "p.roadmap"
    save_plan(target, plan("saved"))
    mark_session_open(target)
    write_recovery(target, dumps(plan("declined earlier")))
    mark_session_closed(target)
    info = pending_recovery(target)
    assert info is not None and not info.unclean_exit


def test_nothing_offered_while_another_live_session_has_the_plan(tmp_path):
    target = tmp_path / "p.roadmap"
    save_plan(target, plan("saved"))
    write_recovery(target, dumps(plan("someone else's autosave")))
    marker = mark_session_open(target)
    data = json.loads(marker.read_text())
    data.update(pid=os.getppid(), hostname=socket.gethostname())  # alive, and not us
    marker.write_text(json.dumps(data))
    assert pending_recovery(target) is None


def test_damaged_recovery_copy_is_not_offered(tmp_path):
    target = tmp_path / "p.roadmap"
    save_plan(target, plan("saved"))
    copy = write_recovery(target, dumps(plan("edits")))
    copy.write_bytes(b"{ torn")
    assert pending_recovery(target) is None


def test_recovery_is_keyed_by_absolute_path(tmp_path):
    a, b = tmp_path / "x" / "p.roadmap", tmp_path / "y" / "p.roadmap"
    write_recovery(a, dumps(plan("for a")))
    assert pending_recovery(b) is None
    assert pending_recovery(a).load().roadmap.title == "for a"


def test_write_recovery_from_worker_thread(tmp_path):
    target = tmp_path / "p.roadmap"
    errors = []

    def autosave(i):
        try:
            write_recovery(target, dumps(plan(f"autosave {i}")))
        except Exception as exc:  # collected and asserted below
            errors.append(exc)
    threads = [threading.Thread(target=autosave, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert pending_recovery(target).load().roadmap.title.startswith("autosave ")
    assert rec.remove_stale_recovery_temps() == []
