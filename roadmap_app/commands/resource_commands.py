"""Undo commands for the resources of a node."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from ..document import RoadmapDocument
from ..model import Resource


class AddResourceCommand(QUndoCommand):
    def __init__(
        self,
        document: RoadmapDocument,
        node_id: str,
        resource: Resource,
        index: int | None = None,
        text: str = "Add resource",
    ) -> None:
        super().__init__(text)
        self._document = document
        self._node_id = node_id
        self._resource = resource
        self._index = index

    def redo(self) -> None:
        self._document.insert_resource(self._node_id, self._resource, self._index)

    def undo(self) -> None:
        self._document.remove_resource(self._node_id, self._resource.id)


class RemoveResourceCommand(QUndoCommand):
    def __init__(
        self, document: RoadmapDocument, node_id: str, resource_id: str, text: str = "Remove resource"
    ) -> None:
        super().__init__(text)
        self._document = document
        self._node_id = node_id
        self._resource_id = resource_id
        self._resource: Resource | None = None
        self._index = 0

    def redo(self) -> None:
        self._resource, self._index = self._document.remove_resource(self._node_id, self._resource_id)

    def undo(self) -> None:
        assert self._resource is not None
        self._document.insert_resource(self._node_id, self._resource, self._index)


class UpdateResourceCommand(QUndoCommand):
    def __init__(
        self,
        document: RoadmapDocument,
        node_id: str,
        resource_id: str,
        fields: dict[str, Any],
        text: str = "Edit resource",
    ) -> None:
        super().__init__(text)
        self._document = document
        self._node_id = node_id
        self._resource_id = resource_id
        self._new = dict(fields)
        self._old: dict[str, Any] = {}

    def redo(self) -> None:
        self._old = self._document.update_resource(self._node_id, self._resource_id, **self._new)

    def undo(self) -> None:
        self._document.update_resource(self._node_id, self._resource_id, **self._old)


class MoveResourceCommand(QUndoCommand):
    def __init__(
        self,
        document: RoadmapDocument,
        node_id: str,
        old_index: int,
        new_index: int,
        text: str = "Reorder resources",
    ) -> None:
        super().__init__(text)
        self._document = document
        self._node_id = node_id
        self._old_index = old_index
        self._new_index = new_index

    def redo(self) -> None:
        self._document.move_resource(self._node_id, self._old_index, self._new_index)

    def undo(self) -> None:
        self._document.move_resource(self._node_id, self._new_index, self._old_index)
