"""Recovery copies of untitled plans: keyed by a stand-in, found again by pending_untitled."""

from __future__ import annotations

import json
import subprocess
import sys

from roadmap_app.model import Node, Roadmap
from roadmap_app.storage import discard_recovery, dumps, mark_session_open, write_recovery
from roadmap_app.storage import recovery as rec


def _bytes(title: str) -> bytes:
    return dumps(Roadmap(id="r", title=title, nodes=[Node(id="a", title="A")]))


def _marker_of(key, pid: int) -> None:
    marker = mark_session_open(key)
    data = json.loads(marker.read_text())
    data["pid"] = pid
    marker.write_text(json.dumps(data))


def test_untitled_copies_are_found_newest_first_and_plan_copies_are_not(tmp_path):
    older, newer = rec.untitled_stand_in("s1-1"), rec.untitled_stand_in("s2-1")
    assert rec.is_untitled_stand_in(older) and not rec.is_untitled_stand_in(tmp_path / "untitled-x.roadmap")
    write_recovery(older, _bytes("Older"))
    write_recovery(newer, _bytes("Newer"))
    write_recovery(tmp_path / "plan.roadmap", _bytes("A plan with a file"))
    found = rec.pending_untitled()
    assert [i.plan_path for i in found] == [newer, older]
    assert found[0].load().roadmap.title == "Newer"
    discard_recovery(newer)
    assert [i.plan_path for i in rec.pending_untitled()] == [older]


def test_a_copy_held_by_a_live_session_is_not_offered_and_a_dead_one_is():
    key = rec.untitled_stand_in("live-1")
    write_recovery(key, _bytes("Busy"))
    other = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        _marker_of(key, other.pid)  # another running instance still has it open
        assert rec.pending_untitled() == []
    finally:
        other.kill()
        other.wait()
    [info] = rec.pending_untitled()  # that instance died without closing
    assert info.unclean_exit


def test_no_recovery_folder_means_nothing_to_offer():
    assert not rec.recovery_dir().exists()
    assert rec.pending_untitled() == []
