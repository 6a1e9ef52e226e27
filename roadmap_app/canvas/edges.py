"""Edges drawn in batches: a few QGraphicsPathItems per area and kind, not one item per edge.

Each edge leaves and enters on the facing sides of its cards; where the gentle
curve between them would cross another card it is routed around the cards
(graph.routing), for plans of up to ROUTE_LIMIT cards. Long curves are cut
into pieces (exact sub-cubics) and every piece goes to the square tile of the
scene it lies in, so a frame strokes only the curves near the viewport, and
an edit rebuilds only the tiles it touched. Per tile there is one path item
per (kind, faded) for curves and one for arrowheads. Geometry is plain float
math: a 10k-node plan has ~20k edges.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from ..graph import routing
from ..model import EdgeKind
from .theme import CanvasTheme

EdgeKey = tuple[str, str, str]
Tile = tuple[int, int]
Rect = tuple[float, float, float, float]  # x, y, width, height
Cubic = tuple[float, float, float, float, float, float, float, float]
TILE = 768.0
PIECE = 1000.0  # longest chord of a curve piece (scene units) before it is cut
FADED_ALPHA = 0.18
QUIET_OPACITY = 0.3  # related edges when zoomed out
KINDS = {k.value: k for k in EdgeKind}
ARROW = {EdgeKind.PREREQUISITE: (9.0, 4.0), EdgeKind.PROGRESSION: (12.0, 6.0)}
WIDTH = {EdgeKind.PREREQUISITE: 1.4, EdgeKind.PROGRESSION: 3.2, EdgeKind.RELATED: 1.3}
Z_EDGES = -1.0
PORT_STEP = 9.0  # spacing of edges meeting one side of a card
# Past this many cards edges are drawn as plain curves. Measured: routing adds ~0.1 s
# to building the built-in roadmap's scene, 0.17 s at 400 cards and 0.7 s at 1000,
# which would break the 1 s cold start of a 1000-node plan (docs/PERFORMANCE.md).
ROUTE_LIMIT = 500
# Detour searches stop after this long per rebuild (and EDIT_BUDGET_S per edit); later
# edges are plain curves. The built-in roadmap needs ~0.1 s; a messy imported file of
# 500 cards with long random edges would need seconds.
ROUTE_BUDGET_S = 1.0
EDIT_BUDGET_S = 0.1


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


def port_offset(rank: int, count: int, height: float) -> float:
    """Where the rank-th of `count` edges meets a card side, relative to its middle."""
    if count <= 1:
        return 0.0
    step = min(PORT_STEP, height * 0.6 / (count - 1))
    return (rank - (count - 1) / 2) * step


def _point(c: Cubic, t: float) -> tuple[float, float]:
    u = 1 - t
    a, b, cc, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return a * c[0] + b * c[2] + cc * c[4] + d * c[6], a * c[1] + b * c[3] + cc * c[5] + d * c[7]


def _tangent(c: Cubic, t: float) -> tuple[float, float]:
    u = 1 - t
    a, b, d = 3 * u * u, 6 * u * t, 3 * t * t
    return (
        a * (c[2] - c[0]) + b * (c[4] - c[2]) + d * (c[6] - c[4]),
        a * (c[3] - c[1]) + b * (c[5] - c[3]) + d * (c[7] - c[5]),
    )


def split(c: Cubic, pieces: int) -> list[Cubic]:
    """Cut a cubic into `pieces` exact sub-cubics of equal parameter range."""
    if pieces <= 1:
        return [c]
    out = []
    for i in range(pieces):
        a, b = i / pieces, (i + 1) / pieces
        (ax, ay), (bx, by) = _point(c, a), _point(c, b)
        (dax, day), (dbx, dby) = _tangent(c, a), _tangent(c, b)
        k = (b - a) / 3
        out.append((ax, ay, ax + k * dax, ay + k * day, bx - k * dbx, by - k * dby, bx, by))
    return out


def arrow_points(tip_x: float, tip_y: float, from_x: float, from_y: float, length: float, half: float):
    dx, dy = tip_x - from_x, tip_y - from_y
    norm = math.hypot(dx, dy) or 1.0
    ux, uy = dx / norm, dy / norm
    bx, by = tip_x - ux * length, tip_y - uy * length
    return (tip_x, tip_y), (bx - uy * half, by + ux * half), (bx + uy * half, by - ux * half)


def add_arrow(path: QPainterPath, tip: QPointF, towards_from: QPointF, length: float, half: float) -> None:
    a, b, c = arrow_points(tip.x(), tip.y(), towards_from.x(), towards_from.y(), length, half)
    path.moveTo(*a)
    path.lineTo(*b)
    path.lineTo(*c)
    path.closeSubpath()


def _tile(x: float, y: float) -> Tile:
    return (int(x // TILE), int(y // TILE))


class EdgeBatches:
    """Owns the edge path items of a scene and keeps them in step with the cards."""

    def __init__(
        self, scene: QGraphicsScene, shown: Callable[[EdgeKey], bool], faded: Callable[[EdgeKey], bool]
    ) -> None:
        self._scene = scene
        self._shown = shown
        self._faded = faded
        self._rects: dict[str, Rect] = {}
        self._index: routing.CardIndex | None = None  # built while routing is on
        self._deadline = 0.0  # perf_counter time after which no more detours are searched
        self._tiles_of: dict[EdgeKey, tuple[Tile, ...]] = {}
        self._geometry_of: dict[EdgeKey, tuple] = {}  # pieces and arrowhead, while placed
        self._members: dict[Tile, set[EdgeKey]] = {}
        self._by_node: dict[str, set[EdgeKey]] = {}
        self._items: dict[tuple[Tile, EdgeKind, bool, bool], EdgePathItem] = {}
        self._dirty: set[Tile] = set()
        self._pens: dict[tuple[EdgeKind, bool], QPen] = {}
        self._brushes: dict[tuple[EdgeKind, bool], QBrush] = {}
        self._visible = True
        self._quiet = False  # related edges drawn light (zoomed out, where they are clutter)
        self._cosmetic = False
        self._colours: dict[EdgeKind, QColor] = {}
        # For the colour and label overlays (edge_marks): what changed since they last looked.
        self._touched: set[EdgeKey] = set()
        self._restyled = True

    # -- styling and visibility ------------------------------------------------
    def set_theme(self, theme: CanvasTheme) -> None:
        self._colours = {
            EdgeKind.PREREQUISITE: theme.edge_prerequisite,
            EdgeKind.PROGRESSION: theme.edge_progression,
            EdgeKind.RELATED: theme.edge_related,
        }
        self._restyle()

    def set_cosmetic(self, cosmetic: bool) -> None:
        """Thin edges as 1-pixel cosmetic pens: Qt strokes those on a fast path (~50x faster
        antialiased than a 1.4-unit pen). Views use this; exports keep scalable pens."""
        if cosmetic != self._cosmetic:
            self._cosmetic = cosmetic
            self._restyle()

    def _restyle(self) -> None:
        for kind, colour in self._colours.items():
            for faded in (False, True):
                c = QColor(colour)
                if faded:
                    c.setAlphaF(FADED_ALPHA)
                if self._cosmetic and kind is not EdgeKind.PROGRESSION:
                    pen = QPen(c, 1.0)
                    pen.setCosmetic(True)
                else:
                    pen = QPen(
                        c,
                        WIDTH[kind],
                        Qt.PenStyle.SolidLine,
                        Qt.PenCapStyle.RoundCap,
                        Qt.PenJoinStyle.RoundJoin,
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

    def set_quiet_related(self, quiet: bool) -> None:
        """Zoomed out, the dashed related edges recede so the path reads (prerequisites and
        progressions keep full strength)."""
        if quiet != self._quiet:
            self._quiet = quiet
            for (_tile, kind, _faded, _arrow), item in self._items.items():
                if kind is EdgeKind.RELATED:
                    item.setOpacity(QUIET_OPACITY if quiet else 1.0)

    def set_visible(self, visible: bool) -> None:
        """Zoomed far out the edges are left out (blocks and stage labels only)."""
        if visible != self._visible:
            self._visible = visible
            for item in self._items.values():
                item.setVisible(visible)

    # -- bookkeeping ---------------------------------------------------------------
    def clear(self) -> None:
        for item in self._items.values():
            self._scene.removeItem(item)
        self._items.clear()
        self._tiles_of.clear()
        self._geometry_of.clear()
        self._members.clear()
        self._by_node.clear()
        self._dirty.clear()
        self._touched.clear()
        self._restyled = True

    def reset(self, rects: dict[str, Rect], keys: Iterable[EdgeKey]) -> None:
        self.clear()
        self._rects = dict(rects)
        self._index = routing.CardIndex(self._rects) if len(self._rects) <= ROUTE_LIMIT else None
        self._deadline = time.perf_counter() + ROUTE_BUDGET_S
        for key in keys:
            self._place(key)
        self.flush()

    def set_node_rect(self, node_id: str, rect: Rect | None) -> None:
        """A card appeared, moved or went away: its edges follow."""
        old = self._rects.pop(node_id, None)
        if rect is not None:
            self._rects[node_id] = rect
        # The node's edges move, and so may the ports of every edge at its neighbours.
        affected = set(self._by_node.get(node_id, ()))
        for key in list(affected):
            for end in key[:2]:
                if end != node_id:
                    affected.update(self._by_node.get(end, ()))
        index = self._index
        if index is None and len(self._rects) <= ROUTE_LIMIT // 2:
            index = self._index = routing.CardIndex(self._rects)
        if index is not None:
            index.set(node_id, rect)
            # Edges running where the card was or now is find a new way.
            for r in (old, rect):
                if r is not None:
                    for tile in {_tile(r[0], r[1]), _tile(r[0] + r[2], r[1] + r[3]),
                                 _tile(r[0], r[1] + r[3]), _tile(r[0] + r[2], r[1])}:
                        affected.update(self._members.get(tile, ()))
        self._replace(affected)

    def add(self, key: EdgeKey) -> None:
        for end in key[:2]:
            self._by_node.setdefault(end, set()).add(key)
        self._replace(self._by_node[key[0]] | self._by_node[key[1]])

    def remove(self, key: EdgeKey) -> None:
        self._unplace(key)
        for end in key[:2]:
            members = self._by_node.get(end)
            if members is not None:
                members.discard(key)
        self._replace(self._by_node.get(key[0], set()) | self._by_node.get(key[1], set()))

    def _replace(self, keys: Iterable[EdgeKey]) -> None:
        self._deadline = max(self._deadline, time.perf_counter() + EDIT_BUDGET_S)
        for key in list(keys):
            self._unplace(key)
            self._place(key)

    def mark_all_dirty(self) -> None:
        self._dirty.update(self._members)
        self._restyled = True

    def take_changes(self) -> set[EdgeKey] | None:
        """Edges placed or taken away since the last call, or None when any edge may look
        different (shown or faded changed, or everything was rebuilt)."""
        touched, self._touched = self._touched, set()
        if self._restyled:
            self._restyled = False
            return None
        return touched

    def _unplace(self, key: EdgeKey) -> None:
        self._touched.add(key)
        self._geometry_of.pop(key, None)
        for tile in self._tiles_of.pop(key, ()):
            self._members[tile].discard(key)
            self._dirty.add(tile)

    def _place(self, key: EdgeKey) -> None:
        self._touched.add(key)
        for end in key[:2]:
            self._by_node.setdefault(end, set()).add(key)
        geometry = self._geometry(key)
        if geometry is None:
            return
        self._geometry_of[key] = geometry
        pieces, arrow = geometry
        tiles = {t for t, _c in pieces}
        if arrow is not None:
            tiles.add(arrow[0])
        self._tiles_of[key] = tuple(tiles)
        for tile in tiles:
            self._members.setdefault(tile, set()).add(key)
        self._dirty.update(tiles)

    def _geometry(self, key: EdgeKey):
        """The edge's curve pieces with their tiles, and its arrowhead (tile, points) or None."""
        src, tgt = self._rects.get(key[0]), self._rects.get(key[1])
        if src is None or tgt is None:
            return None
        kind = KINDS[key[2]]
        out_shift = self._port(key, key[0], src, outgoing=True)
        in_shift = self._port(key, key[1], tgt, outgoing=False)
        index = self._index if time.perf_counter() < self._deadline else None
        curves = routing.route(src, tgt, index, key[:2], out_shift, in_shift)
        arrow = None
        head = ARROW.get(kind)
        if head is not None:
            length, half = head
            c = curves[-1]
            tip_x, tip_y = c[6], c[7]
            from_x, from_y = (c[4], c[5]) if (c[4], c[5]) != (tip_x, tip_y) else (c[0], c[1])
            points = arrow_points(tip_x, tip_y, from_x, from_y, length, half)
            arrow = (_tile(tip_x, tip_y), points)
            # Stop the curve inside the arrowhead so a thick line does not poke through the tip.
            dx, dy = tip_x - from_x, tip_y - from_y
            norm = math.hypot(dx, dy) or 1.0
            back = length * 0.8
            curves[-1] = (*c[:6], tip_x - dx / norm * back, tip_y - dy / norm * back)
        pieces = []
        for c in curves:
            chord = math.hypot(c[6] - c[0], c[7] - c[1])
            for p in split(c, max(1, math.ceil(chord / PIECE))):
                pieces.append((_tile((p[0] + p[6]) / 2, (p[1] + p[7]) / 2), p))
        return pieces, arrow

    def _port(self, key: EdgeKey, node_id: str, rect: Rect, outgoing: bool) -> float:
        """Offset of `key` along the side of the node it meets, ordered by where the card
        at the other end lies along that side, so that fanned-out edges do not cross."""
        rects = self._rects
        far_of = self._rects.get(key[1] if outgoing else key[0])
        if far_of is None:
            return 0.0
        way = routing.sides(rect, far_of) if outgoing else routing.sides(far_of, rect)
        along = 1 if way in ("right", "left") else 0  # the coordinate that runs along the side
        side = []
        for other in self._by_node.get(node_id, ()):
            if (other[0] if outgoing else other[1]) != node_id:
                continue
            far = rects.get(other[1] if outgoing else other[0])
            if far is None:
                continue
            if (routing.sides(rect, far) if outgoing else routing.sides(far, rect)) != way:
                continue
            side.append((far[along] + far[along + 2] / 2, other))
        if len(side) <= 1:
            return 0.0
        side.sort()
        rank = next(i for i, (_y, other) in enumerate(side) if other == key)
        return port_offset(rank, len(side), rect[2 + along])

    # -- building ----------------------------------------------------------------------
    @property
    def pending(self) -> bool:
        return bool(self._dirty)

    def flush(self) -> None:
        dirty, self._dirty = self._dirty, set()
        if not dirty:
            return
        paths: dict[tuple[Tile, EdgeKind, bool, bool], QPainterPath] = {}
        done: set[EdgeKey] = set()
        for tile in dirty:
            for key in self._members.get(tile, ()):
                if key in done:
                    continue
                done.add(key)
                geometry = self._geometry_of.get(key)
                if geometry is None or not self._shown(key):
                    continue
                pieces, arrow = geometry
                kind = KINDS[key[2]]
                faded = self._faded(key)
                for piece_tile, p in pieces:
                    if piece_tile in dirty:
                        path = paths.get((piece_tile, kind, faded, False))
                        if path is None:
                            path = paths[(piece_tile, kind, faded, False)] = QPainterPath()
                        path.moveTo(p[0], p[1])
                        path.cubicTo(p[2], p[3], p[4], p[5], p[6], p[7])
                if arrow is not None and arrow[0] in dirty:
                    path = paths.get((arrow[0], kind, faded, True))
                    if path is None:
                        path = paths[(arrow[0], kind, faded, True)] = QPainterPath()
                    a, b, c = arrow[1]
                    path.moveTo(*a)
                    path.lineTo(*b)
                    path.lineTo(*c)
                    path.closeSubpath()
        for item_key in [k for k in self._items if k[0] in dirty and k not in paths]:
            self._scene.removeItem(self._items.pop(item_key))
        for item_key, path in paths.items():
            self._set_path(item_key, path)

    def _set_path(self, key: tuple[Tile, EdgeKind, bool, bool], path: QPainterPath) -> None:
        item = self._items.get(key)
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
            item.setVisible(self._visible)
            if kind is EdgeKind.RELATED and self._quiet:
                item.setOpacity(QUIET_OPACITY)
            item.set_batch(path)  # before addItem: a geometry change of an indexed item costs more
            self._scene.addItem(item)
            self._items[key] = item
            return
        item.set_batch(path)

    # -- queries (tests, export) ----------------------------------------------------------
    def items(self) -> list[EdgePathItem]:
        return list(self._items.values())

    def geometry(self, key: EdgeKey):
        """The placed edge's curve pieces [(tile, cubic)] and arrowhead (tile, points) or None,
        or None while it is not placed; the same object until the edge is placed again."""
        return self._geometry_of.get(key)

    def shown(self, key: EdgeKey) -> bool:
        return self._shown(key)

    def faded(self, key: EdgeKey) -> bool:
        return self._faded(key)

    @property
    def visible(self) -> bool:
        return self._visible

    def drawn_keys(self) -> set[EdgeKey]:
        """Edges currently drawn (both cards placed and shown)."""
        return {k for k in self._tiles_of if self._shown(k)}

    def path_for(self, kind: EdgeKind, faded: bool = False, arrow: bool = False) -> QPainterPath:
        """All curves (or arrowheads) of one kind and state, across tiles."""
        out = QPainterPath()
        for (_tile, k, f, a), item in self._items.items():
            if (k, f, a) == (kind, faded, arrow):
                out.addPath(item.path())
        return out
