"""Gestures on the canvas as small objects: connect-drag, inline rename, refusal feedback.

Each gesture draws only temporary overlay items and ends in one intent for
the scene to apply through the Editor; none of them touches the model.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QFocusEvent, QKeyEvent, QPainterPath, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsTextItem,
)

from .edges import add_arrow
from .kit import CardKit

Z_OVERLAY = 20.0


class ConnectGesture:
    """A rubber line from a card's handle to the pointer, coloured by whether the drop is allowed."""

    def __init__(self, scene: QGraphicsScene, kit: CardKit, source_id: str, start: QPointF) -> None:
        self.source_id = source_id
        self.target_id: str | None = None
        self.allowed = False
        self._start = start
        self._kit = kit
        self._line = QGraphicsPathItem()
        self._line.setZValue(Z_OVERLAY)
        self._line.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        scene.addItem(self._line)
        self.move_to(start, None, False)

    def move_to(self, pos: QPointF, target_id: str | None, allowed: bool) -> None:
        self.target_id, self.allowed = target_id, allowed
        theme = self._kit.theme
        colour = (
            theme.handle if target_id is None else (theme.connect_ok if allowed else theme.connect_refused)
        )
        path = QPainterPath(self._start)
        dx = max(30.0, abs(pos.x() - self._start.x()) * 0.5)
        path.cubicTo(QPointF(self._start.x() + dx, self._start.y()), QPointF(pos.x() - dx, pos.y()), pos)
        add_arrow(path, pos, QPointF(pos.x() - dx, pos.y()), 10.0, 5.0)
        pen = QPen(
            colour,
            2.0,
            Qt.PenStyle.DashLine if target_id is None else Qt.PenStyle.SolidLine,
            Qt.PenCapStyle.RoundCap,
        )
        self._line.setPen(pen)
        self._line.setPath(path)

    def finish(self) -> None:
        scene = self._line.scene()
        if scene is not None:
            scene.removeItem(self._line)


class FeedbackToast(QGraphicsRectItem):
    """A short message near a card (e.g. why a connection was refused), gone after a moment."""

    LIFETIME_MS = 2600

    def __init__(self, text: str, anchor: QRectF, colour: QColor, text_colour: QColor) -> None:
        super().__init__()
        self._label = QGraphicsSimpleTextItem(text, self)  # simple text: never rich text
        font = self._label.font()
        font.setPixelSize(12)
        self._label.setFont(font)
        self._label.setBrush(QBrush(text_colour))
        box = self._label.boundingRect().adjusted(-8, -5, 8, 5)
        self.setRect(box)
        self._label.setPos(0, 0)
        self.setBrush(QBrush(colour))
        self.setPen(Qt.PenStyle.NoPen)
        self.setZValue(Z_OVERLAY + 1)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)  # readable at any zoom
        self.setPos(anchor.left() + 8, anchor.bottom() + 10)
        self.text = text

    def show_in(self, scene: QGraphicsScene) -> None:
        """Add to the scene and remove after a moment; the scene is the timer's context,
        so nothing fires after the scene is gone."""
        scene.addItem(self)
        QTimer.singleShot(self.LIFETIME_MS, scene, lambda: self.scene() is scene and scene.removeItem(self))


class InlineRenameItem(QGraphicsTextItem):
    """Plain-text title editor over a card: Enter commits, Escape cancels, leaving commits."""

    def __init__(self, title: str, rect: QRectF, kit: CardKit, on_done: Callable[[str | None], None]) -> None:
        super().__init__()
        self._on_done = on_done
        self._finished = False
        self.setFont(kit.title_font)
        self.setPlainText(title)
        self.setDefaultTextColor(kit.theme.statuses[next(iter(kit.theme.statuses))].text)
        self.setTextWidth(rect.width())
        self.setPos(rect.topLeft())
        self.setZValue(Z_OVERLAY)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self._backdrop = QGraphicsRectItem(QRectF(-4, -3, rect.width() + 8, rect.height() + 6), self)
        self._backdrop.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self._backdrop.setBrush(QBrush(kit.theme.statuses[next(iter(kit.theme.statuses))].fill))
        self._backdrop.setPen(QPen(kit.theme.selection, 1.5))

    def start(self) -> None:
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._finish(self.toPlainText())
            return
        if event.key() == Qt.Key.Key_Escape:
            self._finish(None)
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._finish(self.toPlainText())

    def _finish(self, text: str | None) -> None:
        if self._finished:
            return
        self._finished = True
        if text is not None:
            text = " ".join(text.split())  # a title is one line
        scene = self.scene()
        if scene is not None:
            scene.removeItem(self)
        self._on_done(text)
