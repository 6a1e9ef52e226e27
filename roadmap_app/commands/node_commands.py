"""Undo commands for nodes: add, remove, edit fields, status and positions.

Commands only call document mutators; the document emits the signals the
views listen to. Each command remembers exactly what it needs to undo itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QUndoCommand

from ..document import RoadmapDocument
from ..model import Node, Position, Status


class AddNodeCommand(QUndoCommand):
    def __init__(
        self, document: RoadmapDocument, node: Node, index: int | None = None, text: str = "Add node"
    ) -> None:
        super().__init__(text)
        self._document = document
        self._node = node
        self._index = index

    @property
    def node_id(self) -> str:
        return self._node.id

    def redo(self) -> None:
        self._document.insert_node(self._node, self._index)

    def undo(self) -> None:
        self._document.remove_node(self._node.id)


class RemoveNodeCommand(QUndoCommand):
    """Removes one node whose edges are already gone; undo puts it back at its index."""

    def __init__(self, document: RoadmapDocument, node_id: str, text: str = "Delete node") -> None:
        super().__init__(text)
        self._document = document
        self._node_id = node_id
        self._node: Node | None = None
        self._index = 0

    def redo(self) -> None:
        self._node, self._index = self._document.remove_node(self._node_id)

    def undo(self) -> None:
        assert self._node is not None
        self._document.insert_node(self._node, self._index)


class UpdateNodeCommand(QUndoCommand):
    def __init__(
        self, document: RoadmapDocument, node_id: str, fields: dict[str, Any], text: str = "Edit node"
    ) -> None:
        super().__init__(text)
        self._document = document
        self._node_id = node_id
        self._new = dict(fields)
        self._old: dict[str, Any] = {}

    def redo(self) -> None:
        self._old = self._document.update_node(self._node_id, **self._new)

    def undo(self) -> None:
        self._document.update_node(self._node_id, **self._old)


class SetStatusCommand(QUndoCommand):
    """Sets the status of several nodes and records one history entry per node.

    The timestamp is taken on the first redo and reused on later redos, so
    undo/redo does not rewrite when something happened; undo removes the entry
    so the history never claims a change that was taken back.
    """

    def __init__(
        self, document: RoadmapDocument, node_ids: list[str], status: Status, text: str | None = None
    ) -> None:
        super().__init__(text or f"Set status to {status.label}")
        self._document = document
        self._node_ids = list(node_ids)
        self._status = status
        self._at: dt.datetime | None = None
        self._old: list[tuple[str, Status, int]] = []

    def redo(self) -> None:
        if self._at is None:
            self._at = dt.datetime.now(dt.UTC)
        self._old = []
        for node_id in self._node_ids:
            old_status = self._document.node(node_id).status
            length = self._document.set_status(node_id, self._status, self._at)
            self._old.append((node_id, old_status, length))

    def undo(self) -> None:
        for node_id, status, length in reversed(self._old):
            self._document.restore_status(node_id, status, length)


class MoveNodesCommand(QUndoCommand):
    """Sets the positions of many nodes as one step (a multi-node drag, auto-layout)."""

    MERGE_ID = 0x524D  # consecutive moves with the same drag id merge into one step

    def __init__(
        self,
        document: RoadmapDocument,
        positions: dict[str, Position | None],
        text: str = "Move nodes",
        drag_id: str | None = None,
    ) -> None:
        super().__init__(text)
        self._document = document
        self._new = dict(positions)
        self._old: dict[str, Position | None] | None = None
        self._drag_id = drag_id

    def id(self) -> int:
        return self.MERGE_ID if self._drag_id else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, MoveNodesCommand) or other._drag_id != self._drag_id:
            return False
        assert self._old is not None and other._old is not None
        for node_id, pos in other._new.items():
            self._old.setdefault(node_id, other._old[node_id])
            self._new[node_id] = pos
        return True

    def redo(self) -> None:
        old = self._document.set_positions(self._new)
        if self._old is None:
            self._old = old

    def undo(self) -> None:
        assert self._old is not None
        self._document.set_positions(self._old)
