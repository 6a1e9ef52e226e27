"""What the scene marks on the journey: the user's route, the map labels' sources,
the overview export's titles, and free space for a new card.

A mixin of RoadmapScene (as gestures.py is), kept apart so the scene module stays
about projecting the document.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF

from ..graph.analysis import prerequisites
from ..graph.regions import free_spot
from ..model import NodeKind, Status
from .labels import Landmark
from .placement import COLUMN_GAP, card_size

LANDMARK_KINDS = frozenset({NodeKind.ROLE, NodeKind.MILESTONE})  # named on the map zoomed out


class SceneMarks:
    def free_spot_near(self, node_id: str | None, centre: QPointF) -> QPointF:
        """Where "Add Node" puts a card: right of `node_id`'s card, else centred on `centre`,
        moved to the nearest free space that keeps the minimum gap to every card."""
        width, height = card_size(NodeKind.SKILL)
        if node_id is not None and node_id in self._cards:
            rect = self.node_rect(node_id)
            near = (rect.right() + COLUMN_GAP, rect.top())
        else:
            near = (centre.x() - width / 2, centre.y() - height / 2)
        rects = [self._rect_tuple(c) for c in self._cards.values() if c.isVisible()]
        return QPointF(*free_spot(rects, near, (width, height)))

    def set_poster_titles(self, on: bool) -> None:
        """Cards print their whole title in big type (the "overview" export); of the map
        labels only the stage names stay."""
        if on != self.poster_titles:
            self.poster_titles = on
            self._labels.set_stages_only(on)
            for card in self._cards.values():
                card.update()

    def _route_changed(self) -> None:
        self._dirty_route = True
        self._labels.invalidate()
        self._schedule()

    def _update_route(self) -> None:
        """The nodes on the user's route: the goal and what leads to it, skipped ones left out
        (the whole plan when there is no goal). Their titles show at middle zoom."""
        self._dirty_route = False
        roadmap = self._document.roadmap
        goal = roadmap.plan.goal
        route = None
        if goal is not None and self._document.has_node(goal):
            route = {goal, *prerequisites(roadmap, goal)}
        for node in roadmap.nodes:
            card = self._cards.get(node.id)
            if card is not None:
                card.set_on_route((route is None or node.id in route) and node.status is not Status.SKIPPED)
        self._route = route

    def _stage_labels(self) -> list[tuple[str, QRectF]]:
        return [(band.band.title, band.band.rect) for band in self._bands]

    def _landmarks(self) -> list[Landmark]:
        goal = self._document.roadmap.plan.goal
        return [
            Landmark(node_id, card.title, card.card_rect().translated(card.pos()), node_id == goal)
            for node_id, card in self._cards.items()
            if card.isVisible() and (card.kind in LANDMARK_KINDS or node_id == goal)
        ]
