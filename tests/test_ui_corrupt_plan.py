"""A plan that fails to load is never overwritten (pytest-qt): the newest valid backup is
offered; restoring keeps the damaged file as NAME.corrupt-<timestamp>; declining writes nothing."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from roadmap_app.model import Status
from roadmap_app.storage import load, save_plan
from roadmap_app.templates import load_template

pytest_plugins = ("ui_helpers",)
DAMAGED = b'{"format": "roadmap-planner", "schema_version": 2, "roadmap": {"nodes": [tru'


def _damaged_plan_with_backups(tmp_path):
    path = tmp_path / "mine.roadmap"
    roadmap = load_template("ds-to-llm")
    save_plan(path, roadmap)
    roadmap.nodes[0].status = Status.DONE
    save_plan(path, roadmap)  # the newest backup has the first node done
    path.write_bytes(DAMAGED)  # then the file is damaged outside the app
    return path, roadmap.nodes[0].id


def _listing(folder):
    return sorted(p.name for p in folder.iterdir())


def test_declining_the_backup_writes_nothing(window, dialogs, tmp_path):
    path, _node_id = _damaged_plan_with_backups(tmp_path)
    before = _listing(tmp_path)
    dialogs.answer = QMessageBox.StandardButton.No
    assert not window.files.open_path(path)
    assert "could not be opened" in dialogs.asked[-1][1] and "backup" in dialogs.asked[-1][1]
    assert path.read_bytes() == DAMAGED
    assert _listing(tmp_path) == before
    assert window.document.path != path.absolute()  # the previous plan stays open


def test_restoring_the_newest_backup_keeps_the_damaged_file_aside(window, dialogs, tmp_path):
    path, node_id = _damaged_plan_with_backups(tmp_path)
    dialogs.answer = QMessageBox.StandardButton.Yes
    assert window.files.open_path(path)
    assert window.document.path == path.absolute()
    assert window.document.roadmap.node(node_id).status is Status.DONE  # the newest valid version
    assert load(path).roadmap.node(node_id).status is Status.DONE
    kept = list(tmp_path.glob("mine.roadmap.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == DAMAGED
    assert not dialogs.errors
