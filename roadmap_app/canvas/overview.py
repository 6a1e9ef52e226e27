"""The zoomed-out view of many cards as one item: coloured blocks, a few fills per frame.

Qt's one-item-per-card scene repaints 10,000 cards zoomed out in about
220 ms; this item draws the same picture with one fillPath per colour. The
paths are rebuilt lazily after a change, only when the overview is painted.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QBrush, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from .kit import CardKit

Block = tuple[QRectF, QBrush, bool]  # card rect, fill, faded


class OverviewItem(QGraphicsItem):
    def __init__(self, kit: CardKit, blocks: Callable[[], Iterable[Block]]) -> None:
        super().__init__()
        self._kit = kit
        self._blocks = blocks
        self._paths: list[tuple[QBrush, float, QPainterPath]] | None = None
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

    def _build(self) -> list[tuple[QBrush, float, QPainterPath]]:
        groups: dict[tuple[int, bool], tuple[QBrush, QPainterPath]] = {}
        for rect, brush, faded in self._blocks():
            key = (id(brush), faded)
            group = groups.get(key)
            if group is None:
                group = groups[key] = (brush, QPainterPath())
            group[1].addRect(rect)
        return [(brush, 0.25 if faded else 1.0, path) for (_b, faded), (brush, path) in groups.items()]

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        self.paint_blocks(painter)

    def paint_blocks(self, painter: QPainter) -> None:
        if self._paths is None:
            self._paths = self._build()
        painter.setPen(Qt.PenStyle.NoPen)
        for brush, opacity, path in self._paths:
            painter.setOpacity(opacity)
            painter.fillPath(path, brush)
        painter.setOpacity(1.0)
