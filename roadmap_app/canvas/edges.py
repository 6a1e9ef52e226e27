"""Edges drawn in batches: a few QGraphicsPathItems per kind, not one item per edge.

Edges are grouped into square tiles of the scene (by the midpoint of the
edge) so a frame only strokes the tiles it can see, and an edit rebuilds only
the tiles it touched. Within a tile there is one path item per (kind, faded)
for the curves and one for the arrowheads.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from ..model import EdgeKind
from .theme import CanvasTheme

EdgeKey = tuple[str, str, str]
Tile = tuple[int, int]
TILE = 1800.0
FADED_ALPHA = 0.18
ARROW = {EdgeKind.PREREQUISITE: (9.0, 4.0), EdgeKind.PROGRESSION: (12.0, 6.0)}
WIDTH = {EdgeKind.PREREQUISITE: 1.4, EdgeKind.PROGRESSION: 3.2, EdgeKind.RELATED: 1.3}
Z_EDGES = -1.0


class EdgePathItem(QGraphicsPathItem):
    """A batch of curves. Not hit-testable: stroking thousands of curves per hover is slow.

    QGraphicsPathItem derives its bounding rect from shape(), so with shape()
    emptied the bounds are kept here from the path's control points.
    """

    def __init__(self) -> None:
        super().__init__()
        self._bounds = QRectF()

    def set_batch(self, path: QPainterPath) -> None:
        self.prepareGeometryChange()
        pad = self.pen().widthF() + 2.0
        self._bounds = path.controlPointRect().adjusted(-pad, -pad, pad, pad)
        self.setPath(path)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def contains(self, point: QPointF) -> bool:
        return False


def route(src: QRectF, tgt: QRectF) -> tuple[QPointF, QPointF, QPointF, QPointF]:
    """A gentle cubic from the source's right side to the target's left side.

    When the target is not to the right (same column), go bottom to top or top
    to bottom instead so the curve does not loop through the cards.
    """
    if tgt.left() >= src.right() + 12:
        p0 = QPointF(src.right(), src.center().y())
        p3 = QPointF(tgt.left(), tgt.center().y())
        dx = max(30.0, (p3.x() - p0.x()) * 0.5)
        return p0, QPointF(p0.x() + dx, p0.y()), QPointF(p3.x() - dx, p3.y()), p3
    if tgt.top() >= src.bottom():
        p0 = QPointF(src.center().x(), src.bottom())
        p3 = QPointF(tgt.center().x(), tgt.top())
        dy = max(20.0, (p3.y() - p0.y()) * 0.5)
        return p0, QPointF(p0.x(), p0.y() + dy), QPointF(p3.x(), p3.y() - dy), p3
    if tgt.bottom() <= src.top():
        p0 = QPointF(src.center().x(), src.top())
        p3 = QPointF(tgt.center().x(), tgt.bottom())
        dy = max(20.0, (p0.y() - p3.y()) * 0.5)
        return p0, QPointF(p0.x(), p0.y() - dy), QPointF(p3.x(), p3.y() + dy), p3
    p0 = QPointF(src.right(), src.center().y())
    p3 = QPointF(tgt.left(), tgt.center().y())
    return p0, QPointF(p0.x() + 80, p0.y()), QPointF(p3.x() - 80, p3.y()), p3


def add_arrow(path: QPainterPath, tip: QPointF, towards_from: QPointF, length: float, half: float) -> None:
    dx, dy = tip.x() - towards_from.x(), tip.y() - towards_from.y()
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    base = QPointF(tip.x() - ux * length, tip.y() - uy * length)
    path.moveTo(tip)
    path.lineTo(base.x() - uy * half, base.y() + ux * half)
    path.lineTo(base.x() + uy * half, base.y() - ux * half)
    path.closeSubpath()


class EdgeBatches:
    """Owns the edge path items of a scene and keeps them in step with the cards."""

    def __init__(
        self,
        scene: QGraphicsScene,
        rect_of: Callable[[str], QRectF | None],
        shown: Callable[[EdgeKey], bool],
        faded: Callable[[EdgeKey], bool],
    ) -> None:
        self._scene = scene
        self._rect_of = rect_of
        self._shown = shown
        self._faded = faded
        self._tile_of: dict[EdgeKey, Tile] = {}
        self._members: dict[Tile, set[EdgeKey]] = {}
        self._by_node: dict[str, set[EdgeKey]] = {}
        self._items: dict[tuple[Tile, EdgeKind, bool, bool], EdgePathItem] = {}
        self._dirty: set[Tile] = set()
        self._pens: dict[tuple[EdgeKind, bool], QPen] = {}
        self._brushes: dict[tuple[EdgeKind, bool], QBrush] = {}

    # -- bookkeeping ---------------------------------------------------------
    def set_theme(self, theme: CanvasTheme) -> None:
        colours = {
            EdgeKind.PREREQUISITE: theme.edge_prerequisite,
            EdgeKind.PROGRESSION: theme.edge_progression,
            EdgeKind.RELATED: theme.edge_related,
        }
        for kind, colour in colours.items():
            for faded in (False, True):
                c = QColor(colour)
                if faded:
                    c.setAlphaF(FADED_ALPHA)
                pen = QPen(
                    c, WIDTH[kind], Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
                )
                if kind is EdgeKind.RELATED:
                    pen.setStyle(Qt.PenStyle.DashLine)
                self._pens[(kind, faded)] = pen
                self._brushes[(kind, faded)] = QBrush(c)
        for (_tile, kind, faded, arrow), item in self._items.items():
            if arrow:
                item.setBrush(self._brushes[(kind, faded)])
            else:
                item.setPen(self._pens[(kind, faded)])

    def clear(self) -> None:
        for item in self._items.values():
            self._scene.removeItem(item)
        self._items.clear()
        self._tile_of.clear()
        self._members.clear()
        self._by_node.clear()
        self._dirty.clear()

    def reset(self, keys: Iterable[EdgeKey]) -> None:
        self.clear()
        for key in keys:
            self._place(key)
        self.flush()

    def add(self, key: EdgeKey) -> None:
        self._place(key)

    def remove(self, key: EdgeKey) -> None:
        tile = self._tile_of.pop(key, None)
        if tile is None:
            return
        self._members[tile].discard(key)
        self._dirty.add(tile)
        for end in key[:2]:
            self._by_node.get(end, set()).discard(key)

    def node_moved(self, node_id: str) -> None:
        for key in list(self._by_node.get(node_id, ())):
            self.remove(key)
            self._place(key)

    def mark_all_dirty(self) -> None:
        self._dirty.update(self._members)

    def keys(self) -> list[EdgeKey]:
        return list(self._tile_of)

    def _place(self, key: EdgeKey) -> None:
        src, tgt = self._rect_of(key[0]), self._rect_of(key[1])
        if src is None or tgt is None:
            return
        mid = (src.center() + tgt.center()) / 2
        tile = (math.floor(mid.x() / TILE), math.floor(mid.y() / TILE))
        self._tile_of[key] = tile
        self._members.setdefault(tile, set()).add(key)
        for end in key[:2]:
            self._by_node.setdefault(end, set()).add(key)
        self._dirty.add(tile)

    # -- building ---------------------------------------------------------------
    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> None:
        dirty, self._dirty = self._dirty, set()
        for tile in dirty:
            self._rebuild(tile)

    def _rebuild(self, tile: Tile) -> None:
        paths: dict[tuple[EdgeKind, bool, bool], QPainterPath] = {}
        for key in sorted(self._members.get(tile, ())):
            if not self._shown(key):
                continue
            src, tgt = self._rect_of(key[0]), self._rect_of(key[1])
            if src is None or tgt is None:
                continue
            kind = EdgeKind(key[2])
            faded = self._faded(key)
            p0, c1, c2, p3 = route(src, tgt)
            line = paths.get((kind, faded, False))
            if line is None:
                line = paths[(kind, faded, False)] = QPainterPath()
            arrow = ARROW.get(kind)
            if arrow is not None:
                # Stop the curve at the arrow's base so the thick line does not poke through the tip.
                head = paths.get((kind, faded, True))
                if head is None:
                    head = paths[(kind, faded, True)] = QPainterPath()
                add_arrow(head, p3, c2 if c2 != p3 else p0, *arrow)
                d = p3 - c2
                norm = math.hypot(d.x(), d.y()) or 1.0
                p3 = QPointF(p3.x() - d.x() / norm * arrow[0] * 0.8, p3.y() - d.y() / norm * arrow[0] * 0.8)
            line.moveTo(p0)
            line.cubicTo(c1, c2, p3)
        for kind in EdgeKind:
            for faded in (False, True):
                for arrow in (False, True):
                    self._set_path((tile, kind, faded, arrow), paths.get((kind, faded, arrow)))

    def _set_path(self, key: tuple[Tile, EdgeKind, bool, bool], path: QPainterPath | None) -> None:
        item = self._items.get(key)
        if path is None:
            if item is not None:
                self._scene.removeItem(item)
                del self._items[key]
            return
        if item is None:
            _tile, kind, faded, arrow = key
            item = EdgePathItem()
            item.setZValue(Z_EDGES)
            item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            if arrow:
                item.setPen(Qt.PenStyle.NoPen)
                item.setBrush(self._brushes[(kind, faded)])
            else:
                item.setPen(self._pens[(kind, faded)])
                item.setBrush(Qt.BrushStyle.NoBrush)
            self._scene.addItem(item)
            self._items[key] = item
        item.set_batch(path)

    # -- queries (tests, export) ----------------------------------------------------
    def items(self) -> list[EdgePathItem]:
        return list(self._items.values())

    def drawn_keys(self) -> set[EdgeKey]:
        """Edges currently drawn (shown and placed), after pending rebuilds are flushed."""
        return {k for k in self._tile_of if self._shown(k)}

    def path_for(self, kind: EdgeKind, faded: bool = False, arrow: bool = False) -> QPainterPath:
        """All curves (or arrowheads) of one kind and state, across tiles."""
        out = QPainterPath()
        for (_tile, k, f, a), item in self._items.items():
            if (k, f, a) == (kind, faded, arrow):
                out.addPath(item.path())
        return out
