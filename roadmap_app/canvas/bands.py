"""Stage bands: labelled columns in career order, and the continuous-learning band below."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from .kit import CardKit
from .placement import Band

Z_BANDS = -10.0
LABEL_SCREEN_PX = 15.0  # the label keeps at least this size on screen when zoomed out
LABEL_GAP_PX = 14.0  # on-screen space kept free after a label, before the next band
MIN_LABEL_CHARS = 4  # an elided label shorter than this is dropped


def fit_label(title: str, font: QFont, band_width: float, lod: float) -> tuple[str, float, float]:
    """The label text for a band `band_width` scene px wide at zoom `lod`, the scale it is
    drawn at, and the width (in label units) it may take; "" when it is not worth drawing.

    Zoomed out the label is scaled up to stay LABEL_SCREEN_PX tall on screen. A 16 px
    inset is a pixel or two there, so the label keeps LABEL_GAP_PX on screen free before
    the next band's label and neighbouring labels never run together; a label elided
    to a stub ("Po…") is dropped (the mini-map and a closer zoom show the stage).
    """
    scale = max(1.0, LABEL_SCREEN_PX / (font.pixelSize() * lod))
    inset = max(16.0, LABEL_GAP_PX / lod)
    width = (band_width - 16 - inset) / scale
    text = QFontMetricsF(font).elidedText(title, Qt.TextElideMode.ElideRight, width)
    if text != title and len(text) < MIN_LABEL_CHARS + 1:
        text = ""
    return text, scale, width


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
        lod = option.levelOfDetailFromTransform(painter.worldTransform()) or 1.0
        metrics = QFontMetricsF(kit.band_font)
        title, scale, width = fit_label(band.title or "No stage", kit.band_font, rect.width(), lod)
        if not title:
            return
        painter.save()
        painter.translate(rect.left() + 16, rect.top() + 10)
        painter.scale(scale, scale)
        if scale > 1.0:  # zoomed out the label outgrows the header: keep it readable over the cards
            backdrop = QColor(fill)
            backdrop.setAlphaF(0.85)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(backdrop)
            painter.drawRoundedRect(
                QRectF(-4, -2, metrics.horizontalAdvance(title) + 8, metrics.height() + 4), 3, 3
            )
        painter.setFont(kit.band_font)
        painter.setPen(QPen(theme.band_label))
        painter.drawText(QPointF(0, metrics.ascent()), title)
        if self.progress and scale == 1.0:
            painter.setFont(kit.band_sub_font)
            sub = QFontMetricsF(kit.band_sub_font)
            x = metrics.horizontalAdvance(title) + 12
            if x + sub.horizontalAdvance(self.progress) <= width:
                painter.drawText(QPointF(x, metrics.ascent()), self.progress)
        painter.restore()
