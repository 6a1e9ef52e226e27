"""Small vector glyphs drawn with QPainterPath: kind icons and status badges.

Vector paths stay sharp at any zoom and device pixel ratio, need no icon
font, and render the same offscreen (export) as on screen. Paths are built
on a 16 x 16 grid at the origin and cached per kind.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from ..model import NodeKind, Status

KIND_LABELS = {
    NodeKind.EDUCATION: "Education",
    NodeKind.SKILL: "Skill",
    NodeKind.ROLE: "Role",
    NodeKind.CERTIFICATION: "Certification",
    NodeKind.MILESTONE: "Milestone",
    NodeKind.PRACTICE: "Practice",
}


def _poly(*points: tuple[float, float]) -> QPolygonF:
    return QPolygonF([QPointF(x, y) for x, y in points])


@cache
def kind_glyph(kind: NodeKind) -> QPainterPath:
    """A filled outline glyph for the node kind (16 x 16 box)."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    if kind is NodeKind.EDUCATION:  # mortarboard
        path.addPolygon(_poly((8, 2), (16, 6), (8, 10), (0, 6)))
        path.closeSubpath()
        path.addRect(QRectF(3.5, 8, 9, 4.5))
        path.addRect(QRectF(14.2, 6, 1.3, 6))
    elif kind is NodeKind.SKILL:  # lightning bolt
        path.addPolygon(_poly((9.5, 1), (3, 9), (7.5, 9), (6, 15), (13, 6.5), (8.5, 6.5), (9.5, 1)))
        path.closeSubpath()
    elif kind is NodeKind.ROLE:  # person: head and shoulders
        path.addEllipse(QRectF(5, 1.5, 6, 6))
        shoulders = QPainterPath()
        shoulders.moveTo(1.5, 15)
        shoulders.cubicTo(1.5, 9.5, 14.5, 9.5, 14.5, 15)
        shoulders.closeSubpath()
        path.addPath(shoulders)
    elif kind is NodeKind.CERTIFICATION:  # rosette with two ribbons
        path.addEllipse(QRectF(3, 1, 10, 10))
        path.addPolygon(_poly((4.5, 9), (3, 15.5), (6, 13.5), (7.5, 10.5)))
        path.closeSubpath()
        path.addPolygon(_poly((11.5, 9), (13, 15.5), (10, 13.5), (8.5, 10.5)))
        path.closeSubpath()
    elif kind is NodeKind.MILESTONE:  # flag on a pole
        path.addRect(QRectF(2.5, 1.5, 1.6, 13.5))
        path.addPolygon(_poly((4.1, 2), (14, 5), (4.1, 8.5)))
        path.closeSubpath()
    else:  # practice: a ring with an arrowhead (a repeating habit)
        ring = QPainterPath()
        ring.addEllipse(QRectF(1.5, 2.5, 12, 12))
        inner = QPainterPath()
        inner.addEllipse(QRectF(4, 5, 7, 7))
        gap = QPainterPath()
        gap.addRect(QRectF(8, 1, 8, 7))
        path.addPath(ring.subtracted(inner).subtracted(gap))
        path.addPolygon(_poly((9, 0.5), (15.5, 4.5), (9, 8.5)))
        path.closeSubpath()
    return path


@cache
def _check() -> QPainterPath:
    path = QPainterPath()
    path.moveTo(-3.6, 0.2)
    path.lineTo(-1.1, 2.8)
    path.lineTo(3.8, -2.6)
    return path


def paint_status_badge(
    painter: QPainter, centre: QPointF, radius: float, status: Status, colour: QColor, on_colour: QColor
) -> None:
    """Draw the status as a glyph in a circle: never colour alone.

    not started: empty ring; in progress: half-filled ring; done: filled
    circle with a check; skipped: filled circle with a dash.
    """
    rect = QRectF(centre.x() - radius, centre.y() - radius, 2 * radius, 2 * radius)
    ring = QPen(colour, max(1.2, radius * 0.24))
    if status is Status.NOT_STARTED:
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
    elif status is Status.IN_PROGRESS:
        painter.setPen(ring)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(rect)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        # The left half filled: start at 90 degrees (top), sweep 180 counter-clockwise.
        painter.drawPie(rect, 90 * 16, 180 * 16)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(rect)
        mark = QPen(
            on_colour,
            max(1.4, radius * 0.3),
            Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
            Qt.PenJoinStyle.RoundJoin,
        )
        painter.setPen(mark)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        scale = radius / 6.0
        if status is Status.DONE:
            painter.save()
            painter.translate(centre)
            painter.scale(scale, scale)
            mark.setWidthF(mark.widthF() / scale)
            painter.setPen(mark)
            painter.drawPath(_check())
            painter.restore()
        else:
            half = radius * 0.5
            painter.drawLine(QPointF(centre.x() - half, centre.y()), QPointF(centre.x() + half, centre.y()))


@cache
def lock_glyph() -> QPainterPath:
    """A small padlock (10 x 12 box) for locked cards' footers."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    body = QPainterPath()
    body.addRoundedRect(QRectF(0, 5, 10, 7), 1.5, 1.5)
    shackle = QPainterPath()
    shackle.addRoundedRect(QRectF(1.8, 0, 6.4, 9), 3.2, 3.2)
    hole = QPainterPath()
    hole.addRoundedRect(QRectF(3.3, 1.5, 3.4, 7), 1.7, 1.7)
    path.addPath(body.united(shackle.subtracted(hole)))
    return path
