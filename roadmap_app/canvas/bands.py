"""Stage bands: each stage's region in career order, and the continuous-learning band below.

The stage names are drawn by the map labels (labels.py)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from .kit import CardKit
from .placement import Band

Z_BANDS = -10.0
PROGRESS_FROM = 0.6  # "3 of 14 done" is drawn from this zoom on


class BandItem(QGraphicsItem):
    def __init__(self, band: Band, kit: CardKit) -> None:
        super().__init__()
        self.band = band
        self._kit = kit
        self.progress = ""  # e.g. "3 of 14 done"
        self.setZValue(Z_BANDS)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, False)

    def set_band(self, band: Band) -> None:
        if band.rect != self.band.rect:
            self.prepareGeometryChange()
        self.band = band
        self.update()

    def set_progress(self, text: str) -> None:
        if text != self.progress:
            self.progress = text
            self.update()

    def set_kit(self, kit: CardKit) -> None:
        self._kit = kit
        self.update()

    def boundingRect(self) -> QRectF:
        return self.band.rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        kit, band, theme = self._kit, self.band, self._kit.theme
        rect = band.rect
        fill = theme.continuous_fill if band.continuous else theme.band_fills[band.index % 2]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QBrush(fill))
        painter.drawRect(rect)
        painter.setPen(QPen(theme.band_border, 0))  # cosmetic hairline
        if band.continuous:
            painter.drawLine(rect.topLeft(), rect.topRight())
        else:
            painter.drawLine(rect.topRight(), rect.bottomRight())
        # The stage name is a map label (labels.py), legible at every zoom; the progress
        # is detail for reading zoom, right-aligned in the header.
        lod = option.levelOfDetailFromTransform(painter.worldTransform()) or 1.0
        if not self.progress or lod < PROGRESS_FROM:
            return
        painter.setFont(kit.band_sub_font)
        painter.setPen(QPen(theme.band_label))
        painter.drawText(
            QRectF(rect.left() + 16, rect.top() + 8, rect.width() - 32, 22),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            self.progress,
        )
