"""open_plan / save_plan: corrupt plans are never overwritten, newer files are read-only,
unknown fields survive a load, edit and save through real files."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from storage_support import dead_pid

from roadmap_app.model import Node, Roadmap, Status
from roadmap_app.storage import (
    SaveError,
    dumps,
    list_backups,
    load,
    open_plan,
    paths,
    quarantine_corrupt,
    restore_backup,
    save_plan,
    startup_cleanup,
)
from roadmap_app.storage.atomic import temp_path_for


def plan(title: str = "Plan") -> Roadmap:
    return Roadmap(id="r", title=title, nodes=[Node(id="a", title="A"), Node(id="b", title="B")])


def test_open_missing_plan_is_not_an_error_to_write_over(tmp_path):
    result = open_plan(tmp_path / "new.roadmap")
    assert not result.ok and result.missing and result.error == "file not found"


def test_open_corrupt_plan_writes_nothing_and_offers_newest_valid_backup(tmp_path):
    target = tmp_path / "p.roadmap"
    save_plan(target, plan("good"))
    target.write_bytes(b'{"format": "roadmap-planner", "schema_version": 2, "roadmap": {')  # torn
    before = sorted(tmp_path.iterdir())
    result = open_plan(target)
    assert not result.ok and not result.missing
    assert "not valid JSON" in result.error
    assert result.backup is not None and result.backup.path.read_bytes() == dumps(plan("good"))
    assert sorted(tmp_path.iterdir()) == before  # opening wrote nothing


def test_startup_on_corrupt_default_plan_keeps_it_and_restores_backup():
    """The GUI at startup: the default plan does not load. It must not be replaced silently."""
    default = paths.default_plan_path()
    save_plan(default, plan("months of progress"))
    damaged = b"\x00garbage from a bad sector"
    default.write_bytes(damaged)
    opened = open_plan(default)
    assert not opened.ok
    kept = quarantine_corrupt(default, now=dt.datetime(2026, 11, 22, 5, 0, tzinfo=dt.UTC))
    assert kept.name == "my-plan.roadmap.corrupt-20261122T050000Z"
    assert kept.read_bytes() == damaged and not default.exists()
    restore_backup(opened.backup, default)
    assert load(default).roadmap.title == "months of progress"
    assert kept.read_bytes() == damaged


def test_quarantine_never_overwrites_an_earlier_corrupt_copy(tmp_path):
    target = tmp_path / "p.roadmap"
    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    target.write_bytes(b"one")
    first = quarantine_corrupt(target, now=now)
    target.write_bytes(b"two")
    second = quarantine_corrupt(target, now=now)
    assert first != second and first.read_bytes() == b"one" and second.read_bytes() == b"two"


def test_newer_file_opens_read_only_and_is_never_saved_over(tmp_path):
    raw = json.loads(dumps(plan("from the future")))
    raw["schema_version"] = raw["min_reader_version"] = 9
    raw["roadmap"]["hologram"] = {"depth": 3}
    target = tmp_path / "future.roadmap"
    target.write_bytes(json.dumps(raw).encode())
    before = target.read_bytes()
    opened = open_plan(target)
    assert opened.ok and opened.read_only_reason
    assert "newer Roadmap Planner" in opened.read_only_reason and "reads up to 3" in opened.read_only_reason
    with pytest.raises(SaveError, match="read-only"):
        save_plan(target, opened.loaded.roadmap, loaded=opened.loaded)
    assert target.read_bytes() == before
    strict = open_plan(target, allow_newer=False)
    assert not strict.ok and "newer Roadmap Planner" in strict.error


def test_newer_schema_version_readable_by_us_is_editable(tmp_path):
    """schema_version 3 with min_reader_version 2: a newer writer says we may edit it."""
    raw = json.loads(dumps(plan()))
    raw["schema_version"], raw["min_reader_version"] = 3, 2
    target = tmp_path / "p.roadmap"
    target.write_bytes(json.dumps(raw).encode())
    opened = open_plan(target)
    assert opened.ok and not opened.read_only_reason


def test_unknown_fields_survive_load_edit_save_through_files(tmp_path):
    raw = json.loads(dumps(plan()))
    raw["written_by"] = {"app": "roadmap-planner 9.0"}
    raw["roadmap"]["theme_color"] = "#123456"
    raw["roadmap"]["nodes"][0]["confidence"] = 0.75
    raw["roadmap"]["nodes"][0]["position"] = {"x": 1, "y": 2, "z": 3}
    raw["roadmap"]["plan"]["vacation_weeks"] = [1, 2]
    raw["roadmap"]["edges"] = [{"source": "a", "target": "b", "kind": "prerequisite", "weight": 2}]
    target = tmp_path / "p.roadmap"
    target.write_bytes(json.dumps(raw).encode())
    opened = open_plan(target)
    roadmap = opened.loaded.roadmap
    roadmap.node("b").status = Status.DONE  # an edit
    roadmap.nodes.append(Node(id="c", title="C"))
    save_plan(target, roadmap, loaded=opened.loaded)
    out = json.loads(target.read_bytes())
    assert out["written_by"] == {"app": "roadmap-planner 9.0"}
    assert out["roadmap"]["theme_color"] == "#123456"
    assert out["roadmap"]["nodes"][0]["confidence"] == 0.75
    assert out["roadmap"]["nodes"][0]["position"]["z"] == 3
    assert out["roadmap"]["plan"]["vacation_weeks"] == [1, 2]
    assert out["roadmap"]["edges"][0]["weight"] == 2
    assert out["roadmap"]["nodes"][1]["status"] == "done"


def test_save_plan_returns_bytes_and_hash_matching_disk(tmp_path):
    target = tmp_path / "p.roadmap"
    result = save_plan(target, plan())
    assert target.read_bytes() == result.data
    assert result.loaded.content_hash == result.content_hash
    assert len(list_backups(target)) == 1


def test_startup_cleanup_removes_temps_of_crashed_saves(tmp_path):
    target = tmp_path / "p.roadmap"
    save_plan(target, plan())
    dead = dead_pid()  # the crashed saves' process
    stale = temp_path_for(target, pid=dead)
    stale.write_bytes(b"half a save")
    backup_temp = temp_path_for(list_backups(target)[0].path, pid=dead)
    backup_temp.write_bytes(b"half a backup")
    copy_temp = temp_path_for(tmp_path / "p.roadmap.v1.bak", pid=dead)
    copy_temp.write_bytes(b"half a migration copy")
    other_plan_saving = temp_path_for(tmp_path / "other.roadmap", pid=dead)
    other_plan_saving.write_bytes(b"another instance is saving this right now")
    removed = startup_cleanup(target)
    assert set(removed) == {stale, backup_temp, copy_temp}
    assert not stale.exists() and not backup_temp.exists() and target.exists()
    assert other_plan_saving.exists()


def test_storage_never_imports_qt(tmp_path):
    """Open, save, back up, recover, lock and validate from the CLI, all without PySide6."""
    import subprocess
    import sys
    import textwrap

    script = textwrap.dedent(f"""
        import sys
        from pathlib import Path
        from roadmap_app import storage
        from roadmap_app.cli import main
        from roadmap_app.model import Node, Roadmap
        from roadmap_app.storage import settings
        plan = Path({str(tmp_path / 'p.roadmap')!r})
        with storage.acquire(plan):
            storage.save_plan(plan, Roadmap(id="r", title="R", nodes=[Node(id="a", title="A")]))
            storage.write_recovery(plan, plan.read_bytes())
        storage.open_plan(plan); storage.list_backups(plan); settings.load_settings()
        assert main(["validate", str(plan)]) == 0
        assert main(["status", str(plan), "a", "done"]) == 0
        qt = sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6", "pyqtgraph")))
        assert not qt, qt
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stderr


KILLED_MID_SAVE = """
import os, sys, time
from pathlib import Path
from roadmap_app.model import Roadmap
from roadmap_app.storage import save_plan

def hang(fd):  # the temporary file is written: tell the parent, then wait to be killed
    print("writing", flush=True)
    time.sleep(60)

os.fsync = hang
save_plan(Path(sys.argv[1]), Roadmap(id="p", title="never finished"))
"""


def test_the_next_save_removes_what_a_kill_9_mid_save_left(tmp_path):
    import signal
    import subprocess
    import sys

    target = tmp_path / "p.roadmap"
    save_plan(target, plan())
    child = subprocess.Popen([sys.executable, "-c", KILLED_MID_SAVE, str(target)],
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "writing"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
    temps = lambda: [p.name for p in tmp_path.iterdir() if p.name.endswith(".rp-tmp")]  # noqa: E731
    assert len(temps()) == 1 and temps()[0].startswith(".p.roadmap.")  # the killed save's debris
    save_plan(target, plan())
    assert temps() == []
    assert open_plan(target).ok


def test_a_plan_with_over_long_text_opens_shortened_and_its_first_save_keeps_the_original(tmp_path):
    from roadmap_app.model.text import MAX_TEXT, MAX_TEXT_INPUT

    target = tmp_path / "long.roadmap"
    roadmap = plan()
    roadmap.nodes[0].notes = "PLACEHOLDER"
    long_text = ("w" * 99 + "\n") * (MAX_TEXT // 100) + "tail!"
    data = dumps(roadmap).replace(b'"PLACEHOLDER"', json.dumps(long_text).encode())
    target.write_bytes(data)
    opened = open_plan(target)
    assert opened.ok, opened.error
    assert opened.loaded.shortened == [
        f"“{roadmap.nodes[0].title}”: notes shortened from {len(long_text):,} to {MAX_TEXT:,} characters"]
    assert opened.loaded.roadmap.nodes[0].notes == long_text[:MAX_TEXT]
    assert target.read_bytes() == data  # opening writes nothing
    save_plan(target, opened.loaded.roadmap, loaded=opened.loaded)
    assert (tmp_path / "long.roadmap.long-text.bak").read_bytes() == data
    hostile = dumps(roadmap).replace(b'"PLACEHOLDER"', b'"' + b"x" * (MAX_TEXT_INPUT + 1) + b'"')
    target.write_bytes(hostile)
    refused = open_plan(target)
    assert not refused.ok and "beyond any real note" in refused.error
