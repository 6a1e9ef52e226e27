"""The observable document: the one source of truth the views project.

It owns the Roadmap model and emits a signal for every change. Only undo
commands call the mutators (STYLE: one user edit, one undo step); views and
panels listen to the signals and never write to the model themselves.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ..graph import to_digraph
from ..model import Edge, Node, Position, Resource, Roadmap, Status, StatusChange
from ..model.errors import UnknownNodeError

if TYPE_CHECKING:
    import networkx as nx  # imported by to_digraph when a graph is first needed


class RoadmapDocument(QObject):
    node_added = Signal(str)
    node_removed = Signal(str)
    node_changed = Signal(str)  # any field of the node (title, status, notes, resources...)
    status_changed = Signal(str)  # also emits node_changed
    node_moved = Signal(str)
    edge_added = Signal(str, str, str)  # source, target, kind
    edge_removed = Signal(str, str, str)
    resources_changed = Signal(str)  # also emits node_changed
    plan_changed = Signal()
    roadmap_reset = Signal()  # the whole roadmap was replaced
    path_changed = Signal()
    changed = Signal()  # after any change at all: cheap hook for summaries

    def __init__(self, roadmap: Roadmap, path: Path | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self._roadmap = roadmap
        self._path = path
        self._index: dict[str, Node] = {}
        self._graph: nx.DiGraph | None = None
        self.read_only_reason: str | None = None
        self.envelope_extra: dict[str, Any] = {}
        self.undo_stack = QUndoStack(self)
        # Bumped by every mutation, before `changed`: derived figures (the shared
        # schedule, ui/common/plan_cache.py) are memoised against it.
        self.revision = 0
        self._reindex()

    # -- reading --------------------------------------------------------
    @property
    def roadmap(self) -> Roadmap:
        return self._roadmap

    @property
    def path(self) -> Path | None:
        return self._path

    def set_path(self, path: Path | None) -> None:
        self._path = path
        self.path_changed.emit()

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def node(self, node_id: str) -> Node:
        try:
            return self._index[node_id]
        except KeyError:
            raise UnknownNodeError(f"no node {node_id}") from None

    def has_node(self, node_id: str) -> bool:
        return node_id in self._index

    def graph(self) -> nx.DiGraph:
        """A cached DiGraph of all edges (attribute `kind`); rebuilt after structural edits."""
        if self._graph is None:
            self._graph = to_digraph(self._roadmap)
        return self._graph

    def _reindex(self) -> None:
        self._index = {n.id: n for n in self._roadmap.nodes}
        self._graph = None

    def _touch(self) -> None:
        self.revision += 1
        self.changed.emit()

    # -- mutators (for undo commands only) -------------------------------
    def replace_roadmap(self, roadmap: Roadmap) -> Roadmap:
        old, self._roadmap = self._roadmap, roadmap
        self._reindex()
        self.roadmap_reset.emit()
        self._touch()
        return old

    def insert_node(self, node: Node, index: int | None = None) -> None:
        nodes = self._roadmap.nodes
        nodes.insert(len(nodes) if index is None else index, node)
        self._reindex()
        self.node_added.emit(node.id)
        self._touch()

    def remove_node(self, node_id: str) -> tuple[Node, int]:
        """Remove a node (its edges must already be gone). Returns it and its index."""
        node = self.node(node_id)
        index = self._roadmap.nodes.index(node)
        del self._roadmap.nodes[index]
        self._reindex()
        self.node_removed.emit(node_id)
        self._touch()
        return node, index

    def update_node(self, node_id: str, **fields: Any) -> dict[str, Any]:
        """Set fields on a node; returns their previous values (for undo)."""
        node = self.node(node_id)
        old = {name: getattr(node, name) for name in fields}
        for name, value in fields.items():
            setattr(node, name, value)
        if "position" in fields:
            self.node_moved.emit(node_id)
        if "status" in fields:
            self.status_changed.emit(node_id)
        self.node_changed.emit(node_id)
        self._touch()
        return old

    def set_positions(self, positions: dict[str, Position | None]) -> dict[str, Position | None]:
        old = {}
        for node_id, pos in positions.items():
            node = self.node(node_id)
            old[node_id] = node.position
            node.position = pos
            self.node_moved.emit(node_id)
        self._touch()
        return old

    def set_status(self, node_id: str, status: Status, at: dt.datetime) -> int:
        """Set the status and append to the history; returns the old history length."""
        node = self.node(node_id)
        length = len(node.status_history)
        node.status_history = [*node.status_history, StatusChange(at=at, status=status)]
        node.status = status
        self.status_changed.emit(node_id)
        self.node_changed.emit(node_id)
        self._touch()
        return length

    def restore_status(self, node_id: str, status: Status, history_length: int) -> None:
        """Undo of set_status: the history entry goes too, so history stays honest."""
        node = self.node(node_id)
        node.status_history = node.status_history[:history_length]
        node.status = status
        self.status_changed.emit(node_id)
        self.node_changed.emit(node_id)
        self._touch()

    def insert_edge(self, edge: Edge, index: int | None = None) -> None:
        edges = self._roadmap.edges
        edges.insert(len(edges) if index is None else index, edge)
        self._graph = None
        self.edge_added.emit(edge.source, edge.target, edge.kind.value)
        self._touch()

    def remove_edge(self, key: tuple[str, str, str]) -> tuple[Edge, int]:
        index = next(i for i, e in enumerate(self._roadmap.edges) if e.key == key)
        edge = self._roadmap.edges.pop(index)
        self._graph = None
        self.edge_removed.emit(*key)
        self._touch()
        return edge, index

    def edges_of(self, node_id: str) -> list[tuple[int, Edge]]:
        return [(i, e) for i, e in enumerate(self._roadmap.edges) if node_id in (e.source, e.target)]

    def insert_resource(self, node_id: str, resource: Resource, index: int | None = None) -> None:
        node = self.node(node_id)
        resources = list(node.resources)
        resources.insert(len(resources) if index is None else index, resource)
        node.resources = resources
        self._resources_touched(node_id)

    def remove_resource(self, node_id: str, resource_id: str) -> tuple[Resource, int]:
        node = self.node(node_id)
        index = next(i for i, r in enumerate(node.resources) if r.id == resource_id)
        resources = list(node.resources)
        resource = resources.pop(index)
        node.resources = resources
        self._resources_touched(node_id)
        return resource, index

    def update_resource(self, node_id: str, resource_id: str, **fields: Any) -> dict[str, Any]:
        resource = self.node(node_id).resource(resource_id)
        if resource is None:
            raise UnknownNodeError(f"no resource {resource_id} on {node_id}")
        old = {name: getattr(resource, name) for name in fields}
        for name, value in fields.items():
            setattr(resource, name, value)
        self._resources_touched(node_id)
        return old

    def move_resource(self, node_id: str, old_index: int, new_index: int) -> None:
        node = self.node(node_id)
        resources = list(node.resources)
        resources.insert(new_index, resources.pop(old_index))
        node.resources = resources
        self._resources_touched(node_id)

    def _resources_touched(self, node_id: str) -> None:
        self.resources_changed.emit(node_id)
        self.node_changed.emit(node_id)
        self._touch()

    def update_plan(self, **fields: Any) -> dict[str, Any]:
        plan = self._roadmap.plan
        old = {name: getattr(plan, name) for name in fields}
        for name, value in fields.items():
            setattr(plan, name, value)
        self.revision += 1  # plan_changed listeners re-plan at once, before `changed`
        self.plan_changed.emit()
        self._touch()
        return old

    def update_roadmap_info(self, **fields: Any) -> dict[str, Any]:
        old = {name: getattr(self._roadmap, name) for name in fields}
        for name, value in fields.items():
            setattr(self._roadmap, name, value)
        if "stages" in fields or "layout_direction" in fields:  # the canvas lays the plan out again
            self.roadmap_reset.emit()
        self._touch()
        return old
