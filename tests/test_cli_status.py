"""`roadmap-planner status FILE NODE_ID STATUS`: set, record, save atomically with a backup."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os

import pytest

from roadmap_app.cli import main
from roadmap_app.model import Node, Roadmap, Status
from roadmap_app.storage import acquire, list_backups, load, save


@pytest.fixture
def plan(tmp_path):
    path = tmp_path / "p.roadmap"
    save(path, Roadmap(id="r", title="R", nodes=[Node(id="a", title="A"), Node(id="b", title="B")]))
    return path


def test_sets_status_records_history_and_backs_up(plan, capsys):
    before = dt.datetime.now(dt.UTC)
    assert main(["status", str(plan), "a", "done"]) == 0
    assert capsys.readouterr().out == f"{plan}: a is now done\n"
    node = load(plan).roadmap.node("a")
    assert node.status is Status.DONE
    assert len(node.status_history) == 1
    change = node.status_history[0]
    assert change.status is Status.DONE
    assert before - dt.timedelta(seconds=1) <= change.at <= dt.datetime.now(dt.UTC)
    assert change.at.utcoffset() == dt.timedelta(0)
    assert list_backups(plan)[0].path.read_bytes() == plan.read_bytes()
    assert main(["status", str(plan), "a", "in_progress"]) == 0
    history = load(plan).roadmap.node("a").status_history
    assert [h.status for h in history] == [Status.DONE, Status.IN_PROGRESS]


def test_same_status_changes_nothing(plan, capsys):
    before = plan.read_bytes()
    assert main(["status", str(plan), "a", "not_started"]) == 0
    assert "already not_started" in capsys.readouterr().out
    assert plan.read_bytes() == before


def test_unknown_node_exit_1(plan, capsys):
    before = plan.read_bytes()
    assert main(["status", str(plan), "zz", "done"]) == 1
    assert capsys.readouterr().err == f"{plan}: no node zz\n"
    assert plan.read_bytes() == before


def test_invalid_status_exit_2(plan, capsys):
    assert main(["status", str(plan), "a", "finished"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'finished'" in err and "Traceback" not in err


def test_bad_file_exit_1_untouched(tmp_path, capsys):
    path = tmp_path / "bad.roadmap"
    path.write_bytes(b"{ not json")
    assert main(["status", str(path), "a", "done"]) == 1
    assert capsys.readouterr().err.startswith(f"{path}: not valid JSON")
    assert path.read_bytes() == b"{ not json"


def test_newer_file_is_not_changed(plan, capsys):
    raw = json.loads(plan.read_bytes())
    raw["schema_version"] = raw["min_reader_version"] = 5
    plan.write_text(json.dumps(raw))
    before = plan.read_bytes()
    assert main(["status", str(plan), "a", "done"]) == 1
    assert "newer Roadmap Planner" in capsys.readouterr().err
    assert plan.read_bytes() == before


def test_plan_open_elsewhere_is_not_changed(plan, capsys):
    before = plan.read_bytes()
    with acquire(plan):
        assert main(["status", str(plan), "a", "done"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{plan}: p.roadmap is open in another Roadmap Planner")
    assert len(err.splitlines()) == 1
    assert plan.read_bytes() == before


def test_full_disk_exit_1_old_file_kept(plan, capsys, monkeypatch):
    before = plan.read_bytes()

    def full(*_a):
        raise OSError(errno.ENOSPC, "No space left on device")
    with monkeypatch.context() as patch:  # not monkeypatch.undo(): it would undo more
        patch.setattr(os, "write", full)
        assert main(["status", str(plan), "a", "done"]) == 1
    err = capsys.readouterr().err
    assert err == f"{plan}: could not save: the disk is full\n"
    assert plan.read_bytes() == before
    assert main(["status", str(plan), "a", "done"]) == 0, capsys.readouterr().err  # retry works


def test_file_changed_between_read_and_save_is_not_overwritten(plan, capsys, monkeypatch):
    from roadmap_app.cli import cmd_status

    real_load = cmd_status.load_or_fail

    def load_then_someone_writes(path):
        loaded = real_load(path)
        plan.write_bytes(plan.read_bytes().replace(b'"R"', b'"Edited elsewhere"'))
        return loaded
    monkeypatch.setattr(cmd_status, "load_or_fail", load_then_someone_writes)
    assert main(["status", str(plan), "a", "done"]) == 1
    message = "changed on disk by another program since it was opened here"
    assert capsys.readouterr().err == f"{plan}: {message}\n"
    assert load(plan).roadmap.title == "Edited elsewhere"
