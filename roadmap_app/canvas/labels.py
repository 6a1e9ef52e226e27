"""Map labels: stage names and landmark names that stay legible at every zoom.

A good map writes city names at country zoom. Zoomed out, cards are blocks
(lod.py); this one item writes over them what a reader navigates by:

- every stage's name, at the top left of its band, never smaller than
  STAGE_SCREEN_PX on screen and never elided: a name wider than its band runs
  on over the next band's header, and a later label that would collide with
  one already placed moves down a line;
- the names of landmarks (roles, milestones and the goal) centred on their
  cards, at LANDMARK_SCREEN_PX on screen, on a backdrop, below FULL_FROM (the
  zoom at which cards show their own titles).

Labels are placed in screen units for the painter's scale, so a view, the
mini-map and an export at any size get labels that read at their scale, and
they are clamped into the plan's extent so Fit shows them whole.
`placed(lod)` returns the same geometry paint() uses; tests assert on it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from ..model import Status
from .kit import CardKit
from .lod import FULL_FROM

Z_LABELS = 5.0  # above cards (0-1) and edges
STAGE_SCREEN_PX = 15.0
LANDMARK_SCREEN_PX = 13.0  # 9.5 px cap height in DejaVu Sans Bold
LANDMARK_WRAP_PX = 170.0  # a landmark name wraps past this width on screen
MAX_LANDMARKS = 40  # past this many (huge plans) only the first are named: placing costs ~1 ms each
STAGE_PAD = 16.0  # scene units from the band's left edge, as at full size


@dataclass(frozen=True, slots=True)
class Landmark:
    node_id: str
    title: str
    rect: QRectF  # the card, in scene units
    goal: bool = False


@dataclass(frozen=True, slots=True)
class PlacedLabel:
    key: str  # the stage name, or the node id of a landmark
    lines: tuple[str, ...]
    rect: QRectF  # scene units, backdrop included
    pixel_size: float  # font size in scene units
    screen_px: float  # font size on screen at the lod it was placed for
    landmark: bool


class MapLabelsItem(QGraphicsItem):
    def __init__(
        self,
        kit: CardKit,
        stages: Callable[[], list[tuple[str, QRectF]]],
        landmarks: Callable[[], list[Landmark]],
    ) -> None:
        super().__init__()
        self._kit = kit
        self._stages = stages
        self._landmarks = landmarks
        self._bounds = QRectF()
        self._cache: tuple[float, list[PlacedLabel]] | None = None
        self.stages_only = False  # a poster: the cards name themselves, the stages still need a name
        self._stage_font = QFont(kit.band_font)
        self._landmark_font = QFont(kit.landmark_font)
        self.setZValue(Z_LABELS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_kit(self, kit: CardKit) -> None:
        self._kit = kit
        self._stage_font = QFont(kit.band_font)
        self._landmark_font = QFont(kit.landmark_font)
        self.invalidate()

    def set_bounds(self, rect: QRectF) -> None:
        """The plan's extent: labels stay inside it."""
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)
        self.invalidate()

    def invalidate(self) -> None:
        self._cache = None
        self.update()

    def set_stages_only(self, on: bool) -> None:
        if on != self.stages_only:
            self.stages_only = on
            self.invalidate()

    def boundingRect(self) -> QRectF:
        return self._bounds

    # -- placement ----------------------------------------------------------------------
    def placed(self, lod: float) -> list[PlacedLabel]:
        """Every label drawn at zoom `lod`, stage names first."""
        if self._cache is not None and self._cache[0] == lod:
            return self._cache[1]
        lod = max(lod, 1e-6)
        out: list[PlacedLabel] = []
        taken: list[QRectF] = []
        natural = self._stage_font.pixelSize()
        size = max(natural, STAGE_SCREEN_PX / lod)
        metrics = QFontMetricsF(self._stage_font)
        k = size / natural
        for stage, band in self._stages():
            title = stage or "No stage"
            w, h = metrics.horizontalAdvance(title) * k, metrics.height() * k
            pad = 4.0 / lod
            rect = QRectF(band.left() + max(STAGE_PAD, 8 / lod) - pad, band.top() + 10 - pad,
                          w + 2 * pad, h + 2 * pad)
            rect = self._clamp(rect)
            for _ in range(8):  # a few lines down at most; zoomed far out they may go past the band
                if not any(rect.intersects(t) for t in taken):
                    break
                rect.translate(0, h + pad)
            taken.append(rect)
            out.append(PlacedLabel(stage, (title,), rect, size, size * lod, False))
        if lod < FULL_FROM and not self.stages_only:
            out.extend(self._place_landmarks(lod, taken))
        self._cache = (lod, out)
        return out

    def _place_landmarks(self, lod: float, taken: list[QRectF]) -> list[PlacedLabel]:
        from .items import wrap_lines  # items imports this module's neighbours; keep it lazy

        font = self._landmark_font
        natural = font.pixelSize()
        size = LANDMARK_SCREEN_PX / lod
        k = size / natural
        metrics = QFontMetricsF(font)
        out = []
        marks = sorted(self._landmarks(), key=lambda m: (not m.goal, m.rect.top(), m.rect.left()))
        for mark in marks[:MAX_LANDMARKS]:
            lines = wrap_lines(mark.title, metrics, LANDMARK_WRAP_PX * natural / LANDMARK_SCREEN_PX, 3)
            w = max(metrics.horizontalAdvance(line) for line in lines) * k
            h = metrics.height() * k * len(lines)
            pad = 3.0 / lod
            centre = mark.rect.center()
            rect = QRectF(centre.x() - w / 2 - pad, centre.y() - h / 2 - pad, w + 2 * pad, h + 2 * pad)
            rect = self._clamp(rect)
            up, side = h / 2 + 2 * pad + mark.rect.height() / 2, w / 2 + 2 * pad
            # On the card, else the nearest free spot around it, within a few label sizes.
            steps = ((0, -1), (0, 1), (-1, 0), (1, 0), (-1, -1), (1, -1), (-1, 1), (1, 1))
            around = [(k * sx * side, k * sy * up) for k in (0.5, 1, 1.5, 2, 2.5, 3, 4) for sx, sy in steps]
            trials = [(0.0, 0.0), *sorted(around, key=lambda d: d[0] * d[0] + d[1] * d[1])]
            for dx, dy in trials:
                trial = self._clamp(rect.translated(dx, dy))
                if not any(trial.intersects(t) for t in taken):
                    rect = trial
                    break
            taken.append(rect)
            out.append(PlacedLabel(mark.node_id, lines, rect, size, LANDMARK_SCREEN_PX, True))
        return out

    def _clamp(self, rect: QRectF) -> QRectF:
        b = self._bounds
        if b.isEmpty():
            return rect
        dx = max(0.0, b.left() - rect.left()) - max(0.0, rect.right() - b.right())
        dy = max(0.0, b.top() - rect.top()) - max(0.0, rect.bottom() - b.bottom())
        return rect.translated(dx, dy)

    # -- painting -----------------------------------------------------------------------
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        lod = option.levelOfDetailFromTransform(painter.worldTransform()) or 1.0
        theme = self._kit.theme
        backdrop = QColor(theme.background)
        backdrop.setAlphaF(0.88)
        card = theme.statuses[Status.NOT_STARTED]
        mark_fill = QColor(card.fill)
        mark_fill.setAlphaF(0.94)
        mark_border = QPen(card.border, 0)  # cosmetic hairline
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for label in self.placed(lod):
            radius = 3.0 / lod
            if label.landmark:
                painter.setPen(mark_border)
                painter.setBrush(mark_fill)
                painter.drawRoundedRect(label.rect, radius, radius)
            elif label.screen_px > self._stage_font.pixelSize() * lod + 0.01:
                painter.setPen(Qt.PenStyle.NoPen)  # zoomed out the name runs over cards: a backdrop
                painter.setBrush(backdrop)
                painter.drawRoundedRect(label.rect, radius, radius)
            font = self._landmark_font if label.landmark else self._stage_font
            natural = font.pixelSize()
            k = label.pixel_size / natural
            metrics = QFontMetricsF(font)
            painter.save()
            pad = (3.0 if label.landmark else 4.0) / lod
            painter.translate(label.rect.left() + pad, label.rect.top() + pad)
            painter.scale(k, k)
            painter.setFont(font)
            painter.setPen(QPen(card.text if label.landmark else theme.band_label))
            y = metrics.ascent()
            width = (label.rect.width() - 2 * pad) / k
            for line in label.lines:
                x = (width - metrics.horizontalAdvance(line)) / 2 if label.landmark else 0.0
                painter.drawText(QPointF(x, y), line)
                y += metrics.height()
            painter.restore()
        painter.restore()
