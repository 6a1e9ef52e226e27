"""The scene's side of user gestures: connect-drag, inline rename, drags, clicks, keys.

A mixin of RoadmapScene so that scene.py stays about projecting the
document. Every gesture ends in an Editor call (one undo step) or an intent
signal; refusals are shown next to the card and sent as `message`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import SIGNAL, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneHelpEvent,
    QGraphicsSceneMouseEvent,
    QToolTip,
)

from ..graph import check_new_edge
from ..model import EdgeKind, NodeKind, Position, RoadmapError
from .glyphs import KIND_LABELS
from .interactions import ConnectGesture, FeedbackToast, InlineRenameItem
from .items import NodeCardItem, plain_tooltip
from .placement import CARD_HEIGHT, card_size


class SceneGestures:
    """Expects the RoadmapScene attributes (_cards, _editor, _document, _kit, signals...)."""

    _connect: ConnectGesture | None = None
    _rename: InlineRenameItem | None = None

    # -- connect-drag from a card's handle -------------------------------------------
    def _cancel_gestures(self) -> None:
        if self._connect is not None:
            self._clear_connect_feedback()
            self._connect.finish()
            self._connect = None

    def begin_connect(self, source_id: str, pos: QPointF) -> None:
        card = self._cards[source_id]
        start = card.mapToScene(card.handle_centre())
        self._connect = ConnectGesture(self, self._kit, source_id, start)
        self._connect.move_to(pos, None, False)

    def _card_at(self, pos: QPointF) -> NodeCardItem | None:
        for item in self.items(pos):
            if isinstance(item, NodeCardItem):
                return item
        return None

    def _clear_connect_feedback(self) -> None:
        if self._connect is not None and self._connect.target_id in self._cards:
            self._cards[self._connect.target_id].set_connect_feedback(None)

    def update_connect(self, pos: QPointF) -> None:
        gesture = self._connect
        if gesture is None:
            return
        target = self._card_at(pos)
        target_id = target.node_id if target is not None and target.node_id != gesture.source_id else None
        if target_id != gesture.target_id:
            self._clear_connect_feedback()
        allowed = False
        if target_id is not None:
            allowed = self._editor.can_connect(gesture.source_id, target_id) if self._editor else True
            self._cards[target_id].set_connect_feedback(allowed)
        gesture.move_to(pos, target_id, allowed)

    def finish_connect(self, pos: QPointF) -> None:
        gesture = self._connect
        if gesture is None:
            return
        self.update_connect(pos)
        source, target = gesture.source_id, gesture.target_id
        self._cancel_gestures()
        if target is None:
            return
        if self._editor is not None and not gesture.allowed:
            self.refuse(target, "Not connected: " + self._refusal_reason(source, target))
            return
        # Whoever listens to connect_requested applies it (the window); with no
        # listener the scene applies it itself through its editor.
        if self._editor is None or self.receivers(SIGNAL("connect_requested(QString,QString)")) > 0:
            self.connect_requested.emit(source, target)
            return
        try:
            self._editor.connect(source, target, EdgeKind.PREREQUISITE)
        except RoadmapError as error:
            self.refuse(target, f"Not connected: {error}")

    def _refusal_reason(self, source: str, target: str) -> str:
        try:
            check_new_edge(self._document.roadmap, source, target, EdgeKind.PREREQUISITE)
        except RoadmapError as error:
            return str(error)
        return "not allowed"

    def refuse(self, node_id: str, text: str) -> None:
        """Show why an edit was refused, next to the card and in the status bar."""
        if node_id in self._cards:
            theme = self._theme
            FeedbackToast(text, self.node_rect(node_id), theme.toast_fill, theme.toast_text).show_in(self)
        self.message.emit(text)

    # -- inline rename ------------------------------------------------------------------
    def begin_rename(self, node_id: str, on_cancel: Callable[[], None] | None = None) -> None:
        """Inline title editor over the card (F2); commits through the Editor.

        `on_cancel` runs when Esc ends it (naming a new node: the add is undone)."""
        card = self._cards.get(node_id)
        if card is None or self._editor is None or self._rename is not None:
            return
        rect = card.title_rect().translated(card.pos())

        def done(text: str | None) -> None:
            self._rename = None
            if text is None and on_cancel is not None:
                on_cancel()
                return
            if text and self._document.has_node(node_id) and text != self._document.node(node_id).title:
                try:
                    self._editor.update_node(node_id, title=text)
                except ValueError as error:
                    self.refuse(node_id, f"Not renamed: {error}")

        self._rename = InlineRenameItem(self._document.node(node_id).title, rect, self._kit, done)
        self.addItem(self._rename)
        self._rename.start()

    # -- Qt event overrides ----------------------------------------------------------------
    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        QGraphicsScene.mousePressEvent(self, event)
        self._press_positions = {
            c.node_id: c.pos() for c in self.selectedItems() if isinstance(c, NodeCardItem)
        }

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        QGraphicsScene.mouseMoveEvent(self, event)
        if self._press_positions and event.buttons() & Qt.MouseButton.LeftButton:
            for node_id in self._press_positions:  # edges follow the dragged cards
                self.card_moved(node_id)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        QGraphicsScene.mouseReleaseEvent(self, event)
        pressed, self._press_positions = self._press_positions, {}
        moved = {
            nid: self._cards[nid].pos()
            for nid, old in pressed.items()
            if nid in self._cards and self._cards[nid].pos() != old
        }
        if moved and self._editor is not None:
            try:
                self._editor.move_nodes(
                    {nid: Position(x=round(p.x(), 1), y=round(p.y(), 1)) for nid, p in moved.items()}
                )
            except RoadmapError as error:  # e.g. a read-only plan: the cards go back
                for nid in moved:
                    self._cards[nid].setPos(pressed[nid])
                    self.card_moved(nid)
                self.refuse(next(iter(moved)), f"Not moved: {error}")

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._card_at(event.scenePos()) is not None:
            QGraphicsScene.mouseDoubleClickEvent(self, event)
            return
        pos = event.scenePos()
        top_left = QPointF(
            round(pos.x() - card_size(NodeKind.SKILL)[0] / 2), round(pos.y() - CARD_HEIGHT / 2)
        )
        event.accept()
        # add_requested carries the top-left corner of a card centred on the click;
        # with no listener the scene adds a skill there itself and starts renaming it.
        if self._editor is None or self.receivers(SIGNAL("add_requested(QPointF)")) > 0:
            self.add_requested.emit(top_left)
            return
        node_id = self._editor.add_node(position=Position(x=top_left.x(), y=top_left.y()))
        self.select_nodes([node_id])
        self.begin_rename(node_id)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        card = self._card_at(event.scenePos())
        if card is not None and not card.isSelected():
            self.select_nodes([card.node_id])
        self.context_menu_requested.emit(card.node_id if card else "", event.screenPos())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        selected = self.selected_node_ids() if self._rename is None else []
        if event.key() == Qt.Key.Key_F2 and len(selected) == 1:
            self.begin_rename(selected[0])
            event.accept()
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(selected) == 1:
            self.node_activated.emit(selected[0])
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self._connect is not None:
            self._cancel_gestures()
            event.accept()
            return
        QGraphicsScene.keyPressEvent(self, event)

    def helpEvent(self, event: QGraphicsSceneHelpEvent) -> None:
        """Tooltips are made on demand: 10k cards need not each carry a tooltip string."""
        card = self._card_at(event.scenePos())
        if card is None:
            QToolTip.hideText()
            event.ignore()
            return
        node = self._document.node(card.node_id)
        state = "locked" if card.locked else ("ready" if card.ready else "")
        if card.at_risk:
            risk = "at risk: its target date comes before its projected finish"
            state = f"{state} · {risk}" if state else risk
        text = plain_tooltip(
            node.title,
            " · ".join(p for p in (KIND_LABELS[node.kind], node.status.label, state, node.stage) if p),
            node.description[:300],
        )
        QToolTip.showText(event.screenPos(), text, event.widget())
        event.accept()
