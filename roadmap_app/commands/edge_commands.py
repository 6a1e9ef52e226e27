"""Undo commands for edges. Rules are checked by the editor before pushing."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand

from ..document import RoadmapDocument
from ..model import Edge


class AddEdgeCommand(QUndoCommand):
    def __init__(
        self, document: RoadmapDocument, edge: Edge, index: int | None = None, text: str = "Connect"
    ) -> None:
        super().__init__(text)
        self._document = document
        self._edge = edge
        self._index = index

    def redo(self) -> None:
        self._document.insert_edge(self._edge, self._index)

    def undo(self) -> None:
        self._document.remove_edge(self._edge.key)


class RemoveEdgeCommand(QUndoCommand):
    """Removes one edge; undo re-inserts it at the index it had, so order survives."""

    def __init__(
        self, document: RoadmapDocument, key: tuple[str, str, str], text: str = "Disconnect"
    ) -> None:
        super().__init__(text)
        self._document = document
        self._key = key
        self._edge: Edge | None = None
        self._index = 0

    def redo(self) -> None:
        self._edge, self._index = self._document.remove_edge(self._key)

    def undo(self) -> None:
        assert self._edge is not None
        self._document.insert_edge(self._edge, self._index)
