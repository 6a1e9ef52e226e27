"""The zoomed-out view of many cards as one item: coloured blocks, a few fills per frame.

Qt's one-item-per-card scene repaints 10,000 cards zoomed out in about
220 ms; this item draws the same picture with one drawRects call per colour.
The rectangle lists are rebuilt lazily after a change, only when painted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from .kit import CardKit

Block = tuple[QRectF, QBrush, bool]  # card rect, fill, faded


class OverviewItem(QGraphicsItem):
    def __init__(self, kit: CardKit, blocks: Callable[[], Iterable[Block]]) -> None:
        super().__init__()
        self._kit = kit
        self._blocks = blocks
        self._paths: list[tuple[QBrush, float, list[QRectF]]] | None = None
        self._bounds = QRectF()
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_kit(self, kit: CardKit) -> None:
        self._kit = kit
        self.invalidate()

    def set_bounds(self, rect: QRectF) -> None:
        if rect != self._bounds:
            self.prepareGeometryChange()
            self._bounds = QRectF(rect)

    def invalidate(self) -> None:
        self._paths = None
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _build(self) -> list[tuple[QBrush, float, list[QRectF]]]:
        groups: dict[tuple[int, bool], tuple[QBrush, list[QRectF]]] = {}
        for rect, brush, faded in self._blocks():
            key = (id(brush), faded)
            group = groups.get(key)
            if group is None:
                group = groups[key] = (brush, [])
            group[1].append(rect)
        return [(brush, 0.25 if faded else 1.0, rects) for (_b, faded), (brush, rects) in groups.items()]

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self.paint_blocks(painter)

    def paint_blocks(self, painter: QPainter) -> None:
        """One drawRects call per colour, without antialiasing.

        Measured on 10k blocks: an antialiased fillPath takes ~1.4 s, drawRects
        ~35 ms antialiased and ~12 ms without; axis-aligned blocks this small
        look the same either way.
        """
        if self._paths is None:
            self._paths = self._build()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        for brush, opacity, rects in self._paths:
            painter.setOpacity(opacity)
            painter.setBrush(brush)
            painter.drawRects(rects)
        painter.restore()
