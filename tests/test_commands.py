"""Undo commands: push, undo and redo with the document's signals asserted."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtTest import QSignalSpy

from roadmap_app.commands.edge_commands import AddEdgeCommand, RemoveEdgeCommand
from roadmap_app.commands.node_commands import (
    AddNodeCommand,
    MoveNodesCommand,
    SetStatusCommand,
    UpdateNodeCommand,
)
from roadmap_app.document import RoadmapDocument
from roadmap_app.model import Edge, EdgeKind, Node, Position, Roadmap, Status


@pytest.fixture
def doc() -> RoadmapDocument:
    roadmap = Roadmap(
        id="r",
        title="R",
        nodes=[Node(id="a", title="A"), Node(id="b", title="B"), Node(id="c", title="C")],
        edges=[Edge(source="a", target="b"), Edge(source="b", target="c")],
    )
    return RoadmapDocument(roadmap)


def spy_args(spy: QSignalSpy) -> list[list]:
    return [spy.at(i) for i in range(spy.count())]


def test_add_node_push_undo_redo_emits(doc):
    added, removed = QSignalSpy(doc.node_added), QSignalSpy(doc.node_removed)
    doc.undo_stack.push(AddNodeCommand(doc, Node(id="d", title="D")))
    assert [n.id for n in doc.roadmap.nodes] == ["a", "b", "c", "d"]
    assert spy_args(added) == [["d"]]
    doc.undo_stack.undo()
    assert not doc.has_node("d")
    assert spy_args(removed) == [["d"]]
    doc.undo_stack.redo()
    assert doc.has_node("d") and added.count() == 2
    assert doc.undo_stack.undoText() == "Add node"


def test_update_node_restores_old_values(doc):
    changed = QSignalSpy(doc.node_changed)
    doc.undo_stack.push(UpdateNodeCommand(doc, "a", {"title": "Alpha", "estimated_hours": 3.0}))
    assert doc.node("a").title == "Alpha" and doc.node("a").estimated_hours == 3.0
    doc.undo_stack.undo()
    assert doc.node("a").title == "A" and doc.node("a").estimated_hours is None
    assert spy_args(changed) == [["a"], ["a"]]


def test_set_status_history_is_honest_and_timestamp_stable(doc):
    status_spy = QSignalSpy(doc.status_changed)
    cmd = SetStatusCommand(doc, ["a", "b"], Status.DONE)
    assert cmd.text() == "Set status to Done"
    doc.undo_stack.push(cmd)
    first = [doc.node(n).status_history[-1].at for n in ("a", "b")]
    assert all(h.tzinfo is not None for h in first)
    assert abs(first[0] - dt.datetime.now(dt.UTC)) < dt.timedelta(seconds=5)
    assert status_spy.count() == 2
    doc.undo_stack.undo()
    assert doc.node("a").status is Status.NOT_STARTED
    assert doc.node("a").status_history == [] and doc.node("b").status_history == []
    assert status_spy.count() == 4
    doc.undo_stack.redo()
    again = [doc.node(n).status_history[-1].at for n in ("a", "b")]
    assert again == first  # the first redo's timestamp is reused
    assert len(doc.node("a").status_history) == 1


def test_remove_edge_undo_restores_order(doc):
    key = ("a", "b", "prerequisite")
    doc.undo_stack.push(RemoveEdgeCommand(doc, key))
    assert [e.key for e in doc.roadmap.edges] == [("b", "c", "prerequisite")]
    doc.undo_stack.undo()
    assert [e.key for e in doc.roadmap.edges] == [key, ("b", "c", "prerequisite")]


def test_add_edge_emits_and_undo_removes(doc):
    added, removed = QSignalSpy(doc.edge_added), QSignalSpy(doc.edge_removed)
    doc.undo_stack.push(AddEdgeCommand(doc, Edge(source="a", target="c", kind=EdgeKind.RELATED)))
    assert spy_args(added) == [["a", "c", "related"]]
    doc.undo_stack.undo()
    assert spy_args(removed) == [["a", "c", "related"]]
    assert len(doc.roadmap.edges) == 2


def test_moves_with_same_drag_id_merge(doc):
    stack = doc.undo_stack
    stack.push(MoveNodesCommand(doc, {"a": Position(x=1, y=1)}, drag_id="d1"))
    stack.push(MoveNodesCommand(doc, {"a": Position(x=5, y=5), "b": Position(x=2, y=2)}, drag_id="d1"))
    assert stack.count() == 1
    stack.push(MoveNodesCommand(doc, {"a": Position(x=9, y=9)}))  # no drag id: its own step
    assert stack.count() == 2
    stack.undo()
    assert doc.node("a").position == Position(x=5, y=5)
    stack.undo()
    assert doc.node("a").position is None and doc.node("b").position is None
