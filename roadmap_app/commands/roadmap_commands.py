"""Undo commands that touch the roadmap as a whole: plan settings and replacement."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from ..document import RoadmapDocument
from ..model import Roadmap


class SetPlanCommand(QUndoCommand):
    def __init__(self, document: RoadmapDocument, fields: dict[str, Any], text: str = "Change plan") -> None:
        super().__init__(text)
        self._document = document
        self._new = dict(fields)
        self._old: dict[str, Any] = {}

    def redo(self) -> None:
        self._old = self._document.update_plan(**self._new)

    def undo(self) -> None:
        self._document.update_plan(**self._old)


class ReplaceRoadmapCommand(QUndoCommand):
    """Swaps in a whole new roadmap (a merge "Update from…"); undo swaps the old one back."""

    def __init__(self, document: RoadmapDocument, roadmap: Roadmap, text: str) -> None:
        super().__init__(text)
        self._document = document
        self._other = roadmap

    def _swap(self) -> None:
        self._other = self._document.replace_roadmap(self._other)

    def redo(self) -> None:
        self._swap()

    def undo(self) -> None:
        self._swap()


class SetRoadmapInfoCommand(QUndoCommand):
    """Changes roadmap-level fields (e.g. layout_direction) as one undoable step."""

    def __init__(self, document: RoadmapDocument, fields: dict[str, Any], text: str) -> None:
        super().__init__(text)
        self._document = document
        self._new = dict(fields)
        self._old: dict[str, Any] = {}

    def redo(self) -> None:
        self._old = self._document.update_roadmap_info(**self._new)

    def undo(self) -> None:
        self._document.update_roadmap_info(**self._old)
