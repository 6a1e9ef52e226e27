"""Edge colours and labels, drawn over the batched edges (edges.py).

Most edges have neither, so the batches stay as they are and only the few edges
with a colour (Edge.color) or a label (Edge.label) get items of their own: a curve
in the edge's colour over the batched one, and a small label pill at the middle of
the curve. Both follow the batched geometry: `sync()` after each edge flush rebuilds
only the edges the batches placed anew (a drag touches a handful), and re-applies
visibility to all of them only when filter, focus or zoom changed.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsScene, QStyleOptionGraphicsItem

from ..model import Edge, EdgeKind, Status
from .edges import ARROW, FADED_ALPHA, KINDS, WIDTH, EdgeBatches, EdgeKey
from .theme import CanvasTheme

Z_COLOURED = -0.9  # above the batched edges (-1), below the cards (0)
Z_LABELS = -0.8
LABEL_PX = 11
LABEL_MAX_W = 180.0
PAD_X, PAD_Y = 5.0, 2.0


def _label_font() -> QFont:
    font = QFont()
    font.setPixelSize(LABEL_PX)  # pixels: the same size on screen and in exports
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def midpoint(geometry) -> QPointF:
    """The middle of a placed edge's curve (its pieces split it at equal parameter steps)."""
    pieces = geometry[0]
    middle = len(pieces) // 2
    if len(pieces) % 2 == 0:  # the middle is where two pieces meet
        end = pieces[middle - 1][1]
        return QPointF(end[6], end[7])
    c = pieces[middle][1]  # a cubic at t = 1/2: (P0 + 3 P1 + 3 P2 + P3) / 8
    return QPointF((c[0] + 3 * c[2] + 3 * c[4] + c[6]) / 8, (c[1] + 3 * c[3] + 3 * c[5] + c[7]) / 8)


def coloured_path(geometry) -> tuple[QPainterPath, QPainterPath]:
    """The curve and the arrowhead of a placed edge, as paths."""
    curve, head = QPainterPath(), QPainterPath()
    for _tile, p in geometry[0]:
        curve.moveTo(p[0], p[1])
        curve.cubicTo(p[2], p[3], p[4], p[5], p[6], p[7])
    if geometry[1] is not None:
        a, b, c = geometry[1][1]
        head.moveTo(*a)
        head.lineTo(*b)
        head.lineTo(*c)
        head.closeSubpath()
    return curve, head


class EdgeLabelItem(QGraphicsItem):
    """A label in a rounded pill, centred on a point of its edge."""

    def __init__(self, text: str, font: QFont) -> None:
        super().__init__()
        self.setZValue(Z_LABELS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        metrics = QFontMetricsF(font)
        self._font = font
        self.text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, LABEL_MAX_W)
        width = metrics.horizontalAdvance(self.text) + 2 * PAD_X
        height = metrics.height() + 2 * PAD_Y
        self._rect = QRectF(-width / 2, -height / 2, width, height)
        self._ascent = metrics.ascent()
        self._fill = QBrush()
        self._border = QPen()
        self._pen = QPen()

    def set_style(self, fill: QColor, border: QColor, text: QColor) -> None:
        self._fill, self._border, self._pen = QBrush(fill), QPen(border, 1.0), QPen(text)
        self.update()

    def boundingRect(self) -> QRectF:
        return self._rect.adjusted(-1, -1, 1, 1)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget=None) -> None:
        painter.setPen(self._border)
        painter.setBrush(self._fill)
        radius = self._rect.height() / 2
        painter.drawRoundedRect(self._rect, radius, radius)
        painter.setFont(self._font)
        painter.setPen(self._pen)
        baseline = QPointF(self._rect.left() + PAD_X, self._rect.top() + PAD_Y + self._ascent)
        painter.drawText(baseline, self.text)


class EdgeMarks:
    """Colour overlays and label pills for the edges that have them."""

    def __init__(self, scene: QGraphicsScene, batches: EdgeBatches) -> None:
        self._scene = scene
        self._batches = batches
        self._font = _label_font()
        self._styles: dict[EdgeKey, tuple[QColor | None, str]] = {}
        self._placed: dict[EdgeKey, object] = {}  # key -> the geometry its items were built from
        self._curves: dict[EdgeKey, tuple[QGraphicsPathItem, QGraphicsPathItem]] = {}
        self._labels: dict[EdgeKey, EdgeLabelItem] = {}
        self._theme: CanvasTheme | None = None
        self._visible = True

    # -- what to draw --------------------------------------------------------------------
    def reset(self, edges: Iterable[Edge]) -> None:
        for key in list(self._styles):
            self._drop(key)
        self._styles.clear()
        for edge in edges:
            self.set_edge(edge)

    def set_edge(self, edge: Edge) -> None:
        """An edge appeared or changed: remember its colour and label, if it has either."""
        self._drop(edge.key)
        if edge.color or edge.label:
            self._styles[edge.key] = (QColor(edge.color) if edge.color else None, edge.label)
        else:
            self._styles.pop(edge.key, None)

    def remove(self, key: EdgeKey) -> None:
        self._drop(key)
        self._styles.pop(key, None)

    def set_theme(self, theme: CanvasTheme) -> None:
        self._theme = theme
        for key, label in self._labels.items():
            self._style_label(key, label)

    def set_visible(self, visible: bool) -> None:
        self._visible = visible
        self.sync(full=True)

    # -- keeping up with the batches ---------------------------------------------------------
    def sync(self, full: bool = False) -> None:
        """Follow the batches: rebuild the marks of edges placed anew, and (when anything may
        look different, or `full`) re-apply every mark's visibility and fading."""
        changed = self._batches.take_changes()
        if changed is None or full:
            keys: Iterable[EdgeKey] = list(self._styles)
        else:
            keys = [k for k in changed if k in self._styles]
        for key in keys:
            geometry = self._batches.geometry(key)
            if geometry is not self._placed.get(key):
                self._place(key, geometry)
            shown = (geometry is not None and self._visible and self._batches.visible
                     and self._batches.shown(key))
            opacity = FADED_ALPHA if self._batches.faded(key) else 1.0
            for item in (*self._curves.get(key, ()), self._labels.get(key)):
                if item is not None:
                    item.setVisible(shown)
                    item.setOpacity(opacity)

    def _place(self, key: EdgeKey, geometry) -> None:
        """Move the edge's marks onto its new curve. Items are made once and then only
        reshaped: adding an item to a scene of thousands costs about a millisecond."""
        self._placed[key] = geometry
        if geometry is None:
            return
        if key not in self._curves and key not in self._labels:
            self._build(key, geometry)
            return
        if key in self._curves:
            curve, head = coloured_path(geometry)
            self._curves[key][0].setPath(curve)
            self._curves[key][1].setPath(head)
        if key in self._labels:
            self._labels[key].setPos(midpoint(geometry))

    def _build(self, key: EdgeKey, geometry) -> None:
        colour, label = self._styles[key]
        if colour is not None:
            kind = KINDS[key[2]]
            curve, head = coloured_path(geometry)
            pen = QPen(colour, WIDTH[kind] + 0.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                       Qt.PenJoinStyle.RoundJoin)
            if kind is EdgeKind.RELATED:
                pen.setStyle(Qt.PenStyle.DashLine)
            items = []
            for path, is_head in ((curve, False), (head, True)):
                item = QGraphicsPathItem(path)
                item.setZValue(Z_COLOURED)
                item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                item.setPen(Qt.PenStyle.NoPen if is_head else pen)
                item.setBrush(QBrush(colour) if is_head and kind in ARROW else Qt.BrushStyle.NoBrush)
                self._scene.addItem(item)
                items.append(item)
            self._curves[key] = (items[0], items[1])
        if label:
            item = EdgeLabelItem(label, self._font)
            item.setPos(midpoint(geometry))
            self._style_label(key, item)
            self._scene.addItem(item)
            self._labels[key] = item

    def _style_label(self, key: EdgeKey, item: EdgeLabelItem) -> None:
        theme = self._theme
        if theme is None:
            return
        card = theme.statuses[Status.NOT_STARTED]  # the plainest card: its text reads on its fill
        colour = self._styles.get(key, (None, ""))[0]
        item.set_style(card.fill, colour if colour is not None else theme.band_border, card.subtext)

    def _drop(self, key: EdgeKey) -> None:
        self._placed.pop(key, None)
        for item in (*self._curves.pop(key, ()), self._labels.pop(key, None)):
            if item is not None:
                self._scene.removeItem(item)

    # -- queries (tests, export) ---------------------------------------------------------------
    def label_items(self) -> list[EdgeLabelItem]:
        return list(self._labels.values())

    def coloured_items(self) -> list[QGraphicsPathItem]:
        return [item for pair in self._curves.values() for item in pair]
