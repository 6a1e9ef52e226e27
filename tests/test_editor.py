"""The Editor: one undo step per intent, rules checked before anything is pushed."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QSignalSpy

from roadmap_app.commands import Editor
from roadmap_app.document import RoadmapDocument
from roadmap_app.model import (
    CycleError,
    DuplicateEdgeError,
    Edge,
    EdgeKind,
    Node,
    NodeKind,
    Origin,
    Position,
    Resource,
    Roadmap,
    SelfLoopError,
    Status,
    UnknownNodeError,
)


@pytest.fixture
def doc() -> RoadmapDocument:
    roadmap = Roadmap(
        id="r",
        title="R",
        nodes=[Node(id=i, title=i.upper(), stage="Education") for i in ("a", "b", "c", "d")],
        edges=[
            Edge(source="a", target="b"),
            Edge(source="c", target="d", kind=EdgeKind.RELATED),
            Edge(source="b", target="c"),
            Edge(source="d", target="a", kind=EdgeKind.RELATED),
        ],
    )
    roadmap.plan.goal = "b"
    return RoadmapDocument(roadmap)


@pytest.fixture
def editor(doc) -> Editor:
    return Editor(doc)


def test_add_node_gives_fresh_user_node(editor, doc):
    spy = QSignalSpy(doc.node_added)
    first = editor.add_node(position=Position(x=10, y=20))
    second = editor.add_node("Rust", NodeKind.SKILL, "ML roles")
    assert first != second and first.startswith("n-")
    node = doc.node(first)
    assert node.origin is Origin.USER and node.title == "New skill" and node.position == Position(x=10, y=20)
    assert doc.node(second).stage == "ML roles"
    assert spy.count() == 2 and doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert not doc.has_node(first)


def test_delete_node_removes_edges_and_undo_restores_order(editor, doc):
    nodes_before = [n.id for n in doc.roadmap.nodes]
    edges_before = [e.key for e in doc.roadmap.edges]
    removed = QSignalSpy(doc.edge_removed)
    editor.delete_nodes(["b"])
    assert not doc.has_node("b")
    assert removed.count() == 2  # a->b and b->c
    assert all("b" not in (e.source, e.target) for e in doc.roadmap.edges)
    assert doc.roadmap.plan.goal is None  # the goal went with its node
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Delete node"
    doc.undo_stack.undo()
    assert [n.id for n in doc.roadmap.nodes] == nodes_before
    assert [e.key for e in doc.roadmap.edges] == edges_before
    assert doc.roadmap.plan.goal == "b"
    doc.undo_stack.redo()
    assert not doc.has_node("b")


def test_delete_several_nodes_is_one_step(editor, doc):
    edges_before = [e.key for e in doc.roadmap.edges]
    editor.delete_nodes(["d", "a"])
    assert [n.id for n in doc.roadmap.nodes] == ["b", "c"]
    assert [e.key for e in doc.roadmap.edges] == [("b", "c", "prerequisite")]
    assert doc.undo_stack.undoText() == "Delete 2 nodes"
    doc.undo_stack.undo()
    assert [n.id for n in doc.roadmap.nodes] == ["a", "b", "c", "d"]
    assert [e.key for e in doc.roadmap.edges] == edges_before


def test_set_status_skips_unchanged_and_records_history(editor, doc):
    editor.set_status(["a"], Status.DONE)
    editor.set_status(["a"], Status.DONE)  # no change: nothing pushed, no history entry
    assert doc.undo_stack.count() == 1
    assert [h.status for h in doc.node("a").status_history] == [Status.DONE]
    editor.set_status(["a", "b"], Status.IN_PROGRESS)
    assert doc.undo_stack.count() == 2
    doc.undo_stack.undo()
    assert doc.node("b").status_history == []
    assert doc.node("a").status is Status.DONE and len(doc.node("a").status_history) == 1


def test_connect_cycle_is_refused_without_pushing(editor, doc):
    assert not editor.can_connect("c", "a")
    with pytest.raises(CycleError):
        editor.connect("c", "a")
    with pytest.raises(SelfLoopError):
        editor.connect("a", "a")
    with pytest.raises(DuplicateEdgeError):
        editor.connect("a", "b")
    with pytest.raises(UnknownNodeError):
        editor.connect("a", "zz")
    assert doc.undo_stack.count() == 0
    assert editor.can_connect("a", "c") and editor.can_connect("c", "a", EdgeKind.RELATED)
    assert not editor.can_connect("c", "d", EdgeKind.RELATED)  # already there


def test_connect_and_disconnect(editor, doc):
    added = QSignalSpy(doc.edge_added)
    editor.connect("a", "c")
    assert added.count() == 1 and doc.undo_stack.undoText() == "Connect prerequisite"
    assert not editor.can_connect("c", "a")  # the cached graph saw the new edge
    editor.disconnect("a", "c", EdgeKind.PREREQUISITE)
    assert ("a", "c", "prerequisite") not in [e.key for e in doc.roadmap.edges]
    with pytest.raises(UnknownNodeError):
        editor.disconnect("a", "c", EdgeKind.PREREQUISITE)
    assert doc.undo_stack.count() == 2


def test_multi_node_move_is_one_step(editor, doc):
    moved = QSignalSpy(doc.node_moved)
    editor.move_nodes({n: Position(x=i * 10, y=0) for i, n in enumerate("abc")})
    assert doc.undo_stack.count() == 1 and doc.undo_stack.undoText() == "Move 3 nodes"
    assert moved.count() == 3
    doc.undo_stack.undo()
    assert all(doc.node(n).position is None for n in "abc")


def test_update_node_validates_before_pushing(editor, doc):
    with pytest.raises(ValueError):
        editor.update_node("a", title="")
    with pytest.raises(ValueError):
        editor.update_node("a", id="x")  # not an editable field
    assert doc.undo_stack.count() == 0 and doc.node("a").title == "A"
    editor.update_node("a", title="Linear algebra", kind="role")
    assert doc.node("a").kind is NodeKind.ROLE
    editor.update_node("a", title="Linear algebra")  # unchanged: no step
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert doc.node("a").title == "A" and doc.node("a").kind is NodeKind.SKILL


def test_resources_round_trip(editor, doc):
    spy = QSignalSpy(doc.resources_changed)
    editor.add_resource("a", Resource(id="r1", title="Course", url="https://example.org"))
    editor.add_resource("a", Resource(id="r2", title="Book"))
    editor.update_resource("a", "r1", title="Better course")
    editor.move_resource("a", 0, 1)
    assert [r.id for r in doc.node("a").resources] == ["r2", "r1"]
    editor.remove_resource("a", "r2")
    assert spy.count() == 5 and doc.undo_stack.count() == 5
    for _ in range(5):
        doc.undo_stack.undo()
    assert doc.node("a").resources == []
    with pytest.raises(UnknownNodeError):
        editor.remove_resource("a", "nope")


def test_set_plan_and_auto_layout(editor, doc):
    changed = QSignalSpy(doc.plan_changed)
    editor.set_plan(hours_per_week=6.0, goal="c")
    assert doc.roadmap.plan.goal == "c" and changed.count() == 1
    with pytest.raises(UnknownNodeError):
        editor.set_plan(goal="zz")
    with pytest.raises(ValueError):
        editor.set_plan(hours_per_week=-1)
    editor.auto_layout()
    assert all(n.position is not None for n in doc.roadmap.nodes)
    assert doc.undo_stack.count() == 2 and doc.undo_stack.undoText() == "Auto-layout"
    doc.undo_stack.undo()
    assert all(n.position is None for n in doc.roadmap.nodes)


def test_replace_roadmap_is_undoable(editor, doc):
    resets = QSignalSpy(doc.roadmap_reset)
    old = doc.roadmap
    editor.replace_roadmap(Roadmap(id="r2", title="Other"), "Update from other.roadmap")
    assert doc.roadmap.id == "r2" and doc.undo_stack.undoText() == "Update from other.roadmap"
    doc.undo_stack.undo()
    assert doc.roadmap is old and resets.count() == 2
