"""What a node card needs from the scene that holds it, as a protocol.

Cards forward their gestures (connect-drag, double-click) to the scene and read
two of its switches. Typing them against this protocol rather than RoadmapScene
keeps items.py below scene.py: the scene imports its items, never the reverse
(an import-linter contract in pyproject.toml holds that line).
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QPointF, SignalInstance


class CardHost(Protocol):
    """The scene, as a card sees it (RoadmapScene satisfies it)."""

    interactive: bool  # False for exports and the read-only preview: no hover, no gestures
    poster_titles: bool  # the overview export: every card shows its whole title
    node_activated: SignalInstance  # emits a node id on double-click

    def begin_connect(self, source_id: str, pos: QPointF) -> None: ...

    def update_connect(self, pos: QPointF) -> None: ...

    def finish_connect(self, pos: QPointF) -> None: ...
