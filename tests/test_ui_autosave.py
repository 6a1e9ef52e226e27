"""Snapshots for background saves: equal to the model, isolated from later edits, cheap when warm."""

from __future__ import annotations

from roadmap_app.commands.editor import Editor
from roadmap_app.document import RoadmapDocument
from roadmap_app.model import Resource, Status
from roadmap_app.storage import codec
from roadmap_app.templates import load_template
from roadmap_app.ui.controllers.autosave import SnapshotCache, snapshot_for_save


def _doc():
    document = RoadmapDocument(load_template("ml-architect"))
    return document, Editor(document)


def test_a_snapshot_serialises_like_the_model_and_ignores_later_edits(qtbot):
    document, editor = _doc()
    cache = SnapshotCache(document)
    node = document.roadmap.nodes[3]
    editor.set_status([node.id], Status.DONE)
    editor.add_resource(node.id, Resource(id="r-x", title="A course", url="https://example.org"))
    shot = cache.snapshot()
    assert codec.dumps(shot) == codec.dumps(document.roadmap)

    editor.update_node(node.id, notes="later")
    editor.update_resource(node.id, "r-x", title="Renamed")
    editor.add_node(title="Added later")
    editor.set_plan(hours_per_week=20)
    assert shot.node(node.id).notes == ""
    assert shot.node(node.id).resource("r-x").title == "A course"
    assert len(shot.nodes) == len(document.roadmap.nodes) - 1
    assert shot.plan.hours_per_week == 10

    again = cache.snapshot()  # the cache noticed every change
    assert codec.dumps(again) == codec.dumps(document.roadmap)


def test_unchanged_nodes_are_reused_and_undo_invalidates(qtbot):
    document, editor = _doc()
    cache = SnapshotCache(document)
    first = cache.snapshot()
    changed = document.roadmap.nodes[0].id
    editor.set_status([changed], Status.IN_PROGRESS)
    second = cache.snapshot()
    assert second.nodes[1] is first.nodes[1]
    assert second.nodes[0] is not first.nodes[0]
    document.undo_stack.undo()
    assert cache.snapshot().nodes[0].status is Status.NOT_STARTED
    assert snapshot_for_save(document.roadmap).nodes[0].status is Status.NOT_STARTED


def test_priming_fills_the_cache_in_idle_slices(qtbot):
    document, _editor = _doc()
    cache = SnapshotCache(document)
    cache.prime()
    qtbot.waitUntil(lambda: not cache._timer.isActive(), timeout=5000)
    first = document.roadmap.nodes[0]
    assert cache.copy_of(first) is cache.copy_of(first)


def test_primed_copies_serve_the_first_snapshot_and_later_edits_show(qtbot):
    document, editor = _doc()
    cache = SnapshotCache(document)
    cache.prime()
    node = document.roadmap.nodes[2]
    qtbot.waitUntil(lambda: not cache._timer.isActive(), timeout=5000)
    primed = cache.copy_of(document.roadmap.nodes[1])
    editor.set_status([node.id], Status.DONE)  # after priming: reported, so copied again
    shot = cache.snapshot()
    assert shot.nodes[1] is primed
    assert shot.node(node.id).status is Status.DONE
    assert codec.dumps(shot) == codec.dumps(document.roadmap)
