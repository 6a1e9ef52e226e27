"""Title, progress summary and legend drawn around an exported roadmap.

Plain QPainter text only (never rich text), so a title with markup is drawn
literally and nothing is ever fetched.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen

from ..canvas.glyphs import paint_status_badge
from ..canvas.theme import CanvasTheme
from ..model import EdgeKind, Roadmap, Status
from .options import ExportOptions


@dataclass(frozen=True)
class DecorationColours:
    """Header and legend colours, taken from the canvas theme so they match the cards."""

    theme: CanvasTheme
    background: QColor
    text: QColor
    muted: QColor

    @classmethod
    def for_theme(cls, theme: str) -> DecorationColours:
        canvas = CanvasTheme.dark() if theme == "dark" else CanvasTheme.light()
        style = canvas.statuses[Status.NOT_STARTED]
        return cls(canvas, canvas.background, canvas.band_label, style.subtext)


def summary_line(roadmap: Roadmap) -> str:
    """One line of progress: counts, hours and, with a goal, its projected date."""
    nodes = roadmap.nodes
    done = [n for n in nodes if n.status is Status.DONE]
    closed_hours = sum(n.effective_hours for n in nodes if n.status.is_closed)
    total_hours = sum(n.effective_hours for n in nodes)
    parts = [f"{len(done)} of {len(nodes)} done", f"{closed_hours:,.0f} of {total_hours:,.0f} h"]
    goal = roadmap.node(roadmap.plan.goal) if roadmap.plan.goal else None
    if goal is not None:
        from ..planning import schedule

        plan = schedule(roadmap)
        when = plan.goal_date.isoformat() if plan.goal_date else "reached"
        parts.append(f"goal: {goal.title}, projected {when} at {roadmap.plan.weekly_hours:g} h/week")
    return "  ·  ".join(parts)


class Decorations:
    """Measures and paints the header and legend for a given output width."""

    def __init__(self, roadmap: Roadmap, options: ExportOptions, scale: float) -> None:
        self.roadmap = roadmap
        self.options = options
        self.scale = scale
        self.colours = DecorationColours.for_theme(options.theme)
        self.title_font = QFont("DejaVu Sans")
        self.title_font.setPixelSize(max(8, round(28 * scale)))
        self.title_font.setBold(True)
        self.body_font = QFont("DejaVu Sans")
        self.body_font.setPixelSize(max(6, round(15 * scale)))
        self.pad = 20 * scale
        self.summary = summary_line(roadmap) if options.include_summary else ""

    def header_height(self) -> float:
        if not (self.options.include_title or self.summary):
            return 0.0
        height = self.pad
        if self.options.include_title:
            height += QFontMetricsF(self.title_font).height() + 4 * self.scale
        if self.summary:
            height += QFontMetricsF(self.body_font).height()
        return height + self.pad * 0.5

    def legend_height(self) -> float:
        if not self.options.include_legend:
            return 0.0
        return QFontMetricsF(self.body_font).height() + self.pad * 1.5

    def paint_header(self, painter: QPainter, width: float) -> None:
        y = self.pad
        if self.options.include_title:
            painter.setFont(self.title_font)
            painter.setPen(self.colours.text)
            metrics = QFontMetricsF(self.title_font)
            title = metrics.elidedText(self.roadmap.title, Qt.TextElideMode.ElideRight, width - 2 * self.pad)
            painter.drawText(QPointF(self.pad, y + metrics.ascent()), title)
            y += metrics.height() + 4 * self.scale
        if self.summary:
            painter.setFont(self.body_font)
            painter.setPen(self.colours.muted)
            metrics = QFontMetricsF(self.body_font)
            text = metrics.elidedText(self.summary, Qt.TextElideMode.ElideRight, width - 2 * self.pad)
            painter.drawText(QPointF(self.pad, y + metrics.ascent()), text)

    def paint_legend(self, painter: QPainter, top: float, width: float) -> None:
        """Status swatches with their glyph meaning, then the three edge styles."""
        painter.setFont(self.body_font)
        metrics = QFontMetricsF(self.body_font)
        x = self.pad
        y = top + self.pad * 0.75
        mid = y + metrics.height() / 2
        r = metrics.height() * 0.38
        theme = self.colours.theme
        for status in Status:
            style = theme.statuses[status]
            painter.save()
            paint_status_badge(painter, QPointF(x + r, mid), r, status, style.accent, style.fill)
            painter.restore()
            painter.setPen(self.colours.text)
            painter.drawText(QPointF(x + 2 * r + 6 * self.scale, y + metrics.ascent()), status.label)
            x += 2 * r + 12 * self.scale + metrics.horizontalAdvance(status.label) + 14 * self.scale
        x += 10 * self.scale
        edge_colours = {EdgeKind.PREREQUISITE: theme.edge_prerequisite,
                        EdgeKind.PROGRESSION: theme.edge_progression, EdgeKind.RELATED: theme.edge_related}
        for kind in EdgeKind:
            colour = edge_colours[kind]
            pen = QPen(colour, (3.0 if kind is EdgeKind.PROGRESSION else 1.4) * self.scale)
            if kind is EdgeKind.RELATED:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            length = 28 * self.scale
            painter.drawLine(QPointF(x, mid), QPointF(x + length, mid))
            if kind is not EdgeKind.RELATED:
                arrow = QPainterPath(QPointF(x + length, mid))
                arrow.lineTo(x + length - 6 * self.scale, mid - 4 * self.scale)
                arrow.lineTo(x + length - 6 * self.scale, mid + 4 * self.scale)
                arrow.closeSubpath()
                painter.fillPath(arrow, colour)
            painter.setPen(self.colours.text)
            label = kind.value.capitalize()
            painter.drawText(QPointF(x + length + 6 * self.scale, y + metrics.ascent()), label)
            x += length + 20 * self.scale + metrics.horizontalAdvance(label)

    def natural_width(self) -> float:
        """The width the legend needs, so a narrow export does not clip it."""
        if not self.options.include_legend:
            return 0.0
        metrics = QFontMetricsF(self.body_font)
        labels = [s.label for s in Status] + [k.value.capitalize() for k in EdgeKind]
        return sum(metrics.horizontalAdvance(t) for t in labels) + 80 * self.scale * len(labels) / 2

    def fill_background(self, painter: QPainter, rect: QRectF) -> None:
        if not self.options.transparent:
            painter.fillRect(rect, self.colours.background)
