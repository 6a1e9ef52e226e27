"""Graphics items of the canvas. Items only have presentation setters.

NodeCardItem paints a card with plain drawText calls (no rich text, no child
items) so that one card costs one cheap paint. Gestures that start on a card
(connect-drag from the handle, inline rename, double-click) are forwarded to
the scene, which owns them, through the CardHost protocol (card_host.py): items
never import the scene.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPainterPath
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QGraphicsSceneMouseEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from ..model import Node, NodeKind, Status
from .card_host import CardHost
from .glyphs import KIND_LABELS, kind_glyph, lock_glyph, paint_status_badge
from .kit import CardKit
from .lod import Detail, detail_for

RADIUS = 8.0
PAD = 10.0
HANDLE_R = 5.5
MARGIN = 9.0  # room around the card for the search halo, selection ring and handle
HEADER_H = 28.0
COLOUR_STRIP_H = 5.0  # the node's own colour, along the bottom edge below the footer
POSTER_LINES = 4  # title lines in the overview export (4 x 21 px fill the card)


def wrap_lines(text: str, metrics: QFontMetricsF, width: float, max_lines: int) -> tuple[str, ...]:
    """Greedy word wrap to at most max_lines; the last line is elided with an ellipsis."""
    words = text.split()
    lines: list[str] = []
    while words and len(lines) < max_lines - 1:
        n = 1
        while n < len(words) and metrics.horizontalAdvance(" ".join(words[: n + 1])) <= width:
            n += 1
        lines.append(" ".join(words[:n]))
        words = words[n:]
    if words:
        lines.append(" ".join(words))
    return tuple(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width) for line in lines)


def paint_colour_strip(painter: QPainter, rect: QRectF, colour: QColor, edge: QColor) -> None:
    """The node's own colour as a strip along the card's bottom edge, inside its rounded shape.

    A strip, not a fill or border: fill and border already say the status, and a
    colour the user picked must not read as one. A hairline in the card's border
    colour separates it from the card, so pale colours show on light cards and dark
    ones on dark cards.
    """
    shape = QPainterPath()
    shape.addRoundedRect(rect, RADIUS, RADIUS)
    strip = QRectF(rect.left(), rect.bottom() - COLOUR_STRIP_H, rect.width(), COLOUR_STRIP_H)
    painter.save()
    painter.setClipPath(shape)
    painter.fillRect(strip, colour)
    painter.setPen(edge)
    painter.drawLine(strip.topLeft(), strip.topRight())
    painter.restore()


def format_hours(hours: float) -> str:
    if hours <= 0:
        return ""
    return f"{hours:.0f} h" if hours >= 10 or hours == int(hours) else f"{hours:.1f} h"


def format_length(node: Node) -> str:
    """The card's time label when it is not study hours: a duration's calendar length
    ("4 yr", "18 mo", "12 wk"), or "ongoing" for a recurring practice."""
    weeks = node.duration_weeks
    if weeks is not None:
        if weeks >= 52 and (weeks / 52) % 0.5 < 1e-6:
            years = weeks / 52
            return f"{years:.0f} yr" if years == int(years) else f"{years:.1f} yr"
        if weeks >= 26:
            return f"{weeks * 12 / 52:.0f} mo"
        return f"{weeks:.0f} wk" if weeks == int(weeks) else f"{weeks:.1f} wk"
    return "ongoing" if node.kind is NodeKind.PRACTICE else ""


RISK_FILL = QColor("#D55E00")  # Okabe-Ito vermillion, as the dashboard's "at risk"


def paint_risk_marker(painter: QPainter, centre: QPointF, radius: float = 7.0) -> None:
    """A vermillion disc with a white "!" beside the status badge: not colour alone."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(RISK_FILL)
    painter.drawEllipse(centre, radius, radius)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(centre.x() - 1.1, centre.y() - radius * 0.6, 2.2, radius * 0.75), 1, 1)
    painter.drawEllipse(QPointF(centre.x(), centre.y() + radius * 0.45), 1.2, 1.2)
    painter.restore()


def plain_tooltip(*lines: str) -> str:
    """Tooltips guess rich text; escaping and wrapping keeps user text literal."""
    body = "<br>".join(html.escape(line) for line in lines if line)
    return f"<p style='white-space:pre-wrap'>{body}</p>"


_FLAGS = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable | QGraphicsItem.GraphicsItemFlag.ItemIsFocusable


class NodeCardItem(QGraphicsItem):
    """One card. No itemChange override: at 10k cards every Python call at build time counts,
    so the scene tracks drags itself (gestures.py) and updates the edges from there."""

    def __init__(self, node_id: str, kit: CardKit, size: tuple[float, float], scene: CardHost) -> None:
        super().__init__()
        self.node_id = node_id
        self._kit = kit
        self._scene_ref = scene
        self.width, self.height = size
        self._bounds = QRectF(-MARGIN, -MARGIN, self.width + 2 * MARGIN, self.height + 2 * MARGIN)
        self.title = ""
        self.kind = NodeKind.SKILL
        self.status = Status.NOT_STARTED
        self.footer = ""
        self.colour: QColor | None = None  # the node's own colour (Node.color), not a status
        self.locked = False
        self.ready = False
        self.goal = False
        self.search_match = False
        self.at_risk = False  # its target date comes before its projected finish
        self.on_route = True  # off the route, middle zoom shows a block without a title
        self.connect_feedback: bool | None = None  # True ok / False refused while a connect-drag hovers
        self._hover = False
        self._lines: tuple[str, ...] | None = None
        self._compact_lines: tuple[str, ...] | None = None
        self._poster_lines: tuple[str, ...] | None = None
        self._connecting = False
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        if scene.interactive:
            # Painted once per zoom level into a pixmap, then blitted: a full pan frame of a
            # 10k-node plan at reading zoom went from ~13 ms to ~5 ms (update() refreshes it).
            # Exports paint the cards directly (render.export turns the cache off).
            self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    # -- presentation setters ----------------------------------------------
    def set_data(self, title: str, kind: NodeKind, status: Status, hours: float, resources: int,
                 length: str = "") -> None:
        if title != self.title:
            self._lines = self._compact_lines = self._poster_lines = None
        self.title, self.kind, self.status = title, kind, status
        parts = [length or format_hours(hours)]
        if resources:
            parts.append(f"{resources} resource" + ("" if resources == 1 else "s"))
        self.footer = "  ·  ".join(p for p in parts if p)
        self._invalidate()

    def set_colour(self, colour: str | None) -> None:
        value = QColor(colour) if colour else None
        if value != self.colour:
            self.colour = value
            self._invalidate()

    def set_state(self, locked: bool, ready: bool) -> None:
        if (locked, ready) != (self.locked, self.ready):
            self.locked, self.ready = locked, ready
            self._invalidate()

    def set_goal(self, goal: bool) -> None:
        if goal != self.goal:
            self.goal = goal
            self._invalidate()

    def set_at_risk(self, at_risk: bool) -> None:
        if at_risk != self.at_risk:
            self.at_risk = at_risk
            self._invalidate()

    def set_on_route(self, on_route: bool) -> None:
        if on_route != self.on_route:
            self.on_route = on_route
            self._invalidate()

    @property
    def landmark(self) -> bool:
        """Roles, milestones and the goal are named by the map labels (labels.py) when zoomed out."""
        return self.goal or self.kind in (NodeKind.ROLE, NodeKind.MILESTONE)

    def set_search_match(self, match: bool) -> None:
        if match != self.search_match:
            self.search_match = match
            self._invalidate()

    def set_connect_feedback(self, ok: bool | None) -> None:
        if ok != self.connect_feedback:
            self.connect_feedback = ok
            self.update()

    def set_kit(self, kit: CardKit) -> None:
        self._kit = kit
        self._lines = self._compact_lines = self._poster_lines = None
        self._invalidate()

    def set_movable(self, movable: bool) -> None:
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)

    # -- geometry ------------------------------------------------------------
    def card_rect(self) -> QRectF:
        return QRectF(0, 0, self.width, self.height)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.card_rect(), RADIUS, RADIUS)
        path.addEllipse(self.handle_centre(), HANDLE_R + 3, HANDLE_R + 3)
        return path

    def handle_centre(self) -> QPointF:
        return QPointF(self.width, self.height / 2)

    def title_rect(self) -> QRectF:
        return QRectF(PAD, HEADER_H, self.width - 2 * PAD, 2 * 17.0 + 4)

    def on_handle(self, pos: QPointF) -> bool:
        d = pos - self.handle_centre()
        return d.x() * d.x() + d.y() * d.y() <= (HANDLE_R + 4) ** 2

    def _handle_shown(self) -> bool:
        return self._scene_ref.interactive and (self._hover or self.isSelected())

    # -- painting ------------------------------------------------------------
    def _invalidate(self) -> None:
        self.update()

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        kit = self._kit
        if self._scene_ref.poster_titles:
            self._paint_poster(painter)
            return
        detail = detail_for(option.levelOfDetailFromTransform(painter.worldTransform()))
        if detail is Detail.OVERVIEW:
            locked = self.locked and self.status is Status.NOT_STARTED
            painter.fillRect(self.card_rect(), kit.overview_locked if locked else kit.overview[self.status])
            return
        self._paint_card(painter, detail)
        rect = self.card_rect()
        if self.isSelected():
            painter.setPen(kit.selection)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), RADIUS + 3, RADIUS + 3)
        if self.connect_feedback is not None:
            painter.setPen(kit.connect_ok if self.connect_feedback else kit.connect_refused)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), RADIUS + 3, RADIUS + 3)
        if self._handle_shown():
            painter.setPen(kit.handle_ring)
            painter.setBrush(kit.handle)
            painter.drawEllipse(self.handle_centre(), HANDLE_R, HANDLE_R)

    def _paint_card(self, painter: QPainter, detail: Detail) -> None:
        kit = self._kit
        heavy = self.kind is NodeKind.ROLE
        pens = kit.style(self.status, self.locked, heavy)
        rect = self.card_rect()
        if self.search_match:
            painter.setPen(kit.search_edge)
            painter.setBrush(kit.search)
            painter.drawRoundedRect(rect.adjusted(-7, -7, 7, 7), RADIUS + 5, RADIUS + 5)
        painter.setPen(pens.border)
        painter.setBrush(pens.fill)
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        if detail is Detail.FULL:
            self._paint_full(painter, pens, heavy)
        else:
            self._paint_compact(painter, pens)
        if self.colour is not None:
            paint_colour_strip(painter, rect, self.colour, pens.border.color())
        if self.ready:  # a subtle accent: the way forward
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(kit.ready)
            painter.drawRoundedRect(QRectF(2.5, 10, 4, self.height - 20), 2, 2)
        if self.at_risk:
            paint_risk_marker(painter, QPointF(self.width - 38, 14))

    def _paint_full(self, painter: QPainter, pens, heavy: bool) -> None:
        kit = self._kit
        w, h = self.width, self.height
        if heavy:  # roles: a filled header, then the border again on top of it
            header = QPainterPath()
            header.addRoundedRect(QRectF(0, 0, w, HEADER_H + 4), RADIUS, RADIUS)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(kit.role_header)
            painter.drawPath(header)
            painter.drawRect(QRectF(0, HEADER_H - 4, w, 8))
            painter.setPen(pens.border)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(0, 0, w, h), RADIUS, RADIUS)
        painter.save()
        painter.translate(PAD, 7)
        painter.scale(0.875, 0.875)
        painter.fillPath(kind_glyph(self.kind), pens.glyph)
        painter.restore()
        painter.setFont(kit.label_font)
        painter.setPen(pens.subtext)
        label = KIND_LABELS[self.kind] + ("  ·  goal" if self.goal else "")
        painter.drawText(QPointF(PAD + 20, 18), label)
        paint_status_badge(painter, QPointF(w - 17, 14), 7.0, self.status, pens.style.accent, pens.style.fill)
        if self._lines is None:
            self._lines = wrap_lines(self.title, kit.title_metrics, w - 2 * PAD, 2)
        painter.setFont(kit.title_font)
        painter.setPen(pens.text)
        ascent = kit.title_metrics.ascent()
        y = HEADER_H + 4 + ascent
        for line in self._lines:
            painter.drawText(QPointF(PAD, y), line)
            y += 17.0
        painter.setFont(kit.footer_font)
        painter.setPen(pens.subtext)
        painter.drawText(QPointF(PAD, h - 9), self.footer)
        if self.locked and self.status is Status.NOT_STARTED:
            painter.save()
            painter.translate(w - PAD - 10, h - 20)
            painter.fillPath(lock_glyph(), pens.glyph)
            painter.restore()
        elif self.ready:
            painter.drawText(
                QRectF(PAD, h - 22, w - 2 * PAD, 16),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                "ready",
            )

    def _paint_compact(self, painter: QPainter, pens) -> None:
        kit = self._kit
        w, h = self.width, self.height
        # Status as a colour bar along the top edge (the badge is too small to read here).
        painter.setPen(Qt.PenStyle.NoPen)
        started = self.status is not Status.NOT_STARTED
        painter.setBrush(pens.accent_brush if started else pens.border.brush())
        bar = QPainterPath()
        bar.addRoundedRect(QRectF(0, 0, w, 12), RADIUS, RADIUS)
        painter.drawPath(bar)
        painter.drawRect(QRectF(0, 6, w, 4))
        if self.landmark or not self.on_route:
            return  # the map label names a landmark; off the route a block is enough
        if self._compact_lines is None:
            self._compact_lines = wrap_lines(self.title, kit.compact_metrics, w - 2 * PAD, 2)
        painter.setFont(kit.compact_font)
        painter.setPen(pens.text)
        line_h = kit.compact_metrics.height()
        y = 12 + (h - 12 - line_h * len(self._compact_lines)) / 2 + kit.compact_metrics.ascent()
        for line in self._compact_lines:
            painter.drawText(QPointF(PAD, y), line)
            y += line_h

    def poster_lines(self) -> tuple[str, ...]:
        """The title as the overview export prints it: up to POSTER_LINES lines."""
        if self._poster_lines is None:
            metrics = self._kit.poster_metrics
            self._poster_lines = wrap_lines(self.title, metrics, self.width - 4, POSTER_LINES)
        return self._poster_lines

    def _paint_poster(self, painter: QPainter) -> None:
        """The overview export: status as the fill, and the whole title, big (kit.poster_font)."""
        kit = self._kit
        pens = kit.style(self.status, self.locked, self.kind is NodeKind.ROLE)
        painter.setPen(pens.border)
        painter.setBrush(pens.fill)
        painter.drawRoundedRect(self.card_rect(), RADIUS, RADIUS)
        lines = self.poster_lines()
        metrics = kit.poster_metrics
        painter.setFont(kit.poster_font)
        painter.setPen(pens.text)
        y = (self.height - metrics.height() * len(lines)) / 2 + metrics.ascent()
        for line in lines:
            painter.drawText(QPointF((self.width - metrics.horizontalAdvance(line)) / 2, y), line)
            y += metrics.height()

    # -- interaction: forwarded to the scene ---------------------------------------
    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = True
        self.update()

    def hoverLeaveEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self._hover = False
        self.update()

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if (
            event.button() == Qt.MouseButton.LeftButton
            and self._scene_ref.interactive
            and self.on_handle(event.pos())
        ):
            self._connecting = True
            self._scene_ref.begin_connect(self.node_id, event.scenePos())
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connecting:
            self._scene_ref.update_connect(event.scenePos())
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connecting:
            self._connecting = False
            self._scene_ref.finish_connect(event.scenePos())
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        # Double-click opens the node (the inspector); F2 renames inline (see RoadmapScene).
        self._scene_ref.node_activated.emit(self.node_id)
        event.accept()
