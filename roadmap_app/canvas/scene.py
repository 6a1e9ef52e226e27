"""RoadmapScene: the canvas as a projection of the document.

It subscribes to the document's signals and keeps an id -> card map; items
only get presentation setters. User gestures become Editor calls (moves,
connections, renames, adds) or intent signals for the window. The scene is
complete right after construction and renders without any view, so the
exporter can draw it offscreen.

Updates are cheap per signal: cards update at once; edge tiles, stage bands
and the overview blocks are marked dirty and rebuilt together on the next
event-loop turn (or by flush(), which every query that needs them calls).
"""

from __future__ import annotations

from PySide6.QtCore import SIGNAL, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from ..commands import Editor
from ..document import RoadmapDocument
from ..graph import check_new_edge
from ..model import EdgeKind, Node, NodeKind, Position, RoadmapError, Status
from .bands import BandItem
from .edges import EdgeBatches, EdgeKey
from .interactions import ConnectGesture, FeedbackToast, InlineRenameItem
from .items import NodeCardItem
from .kit import CardKit
from .overview import OverviewItem
from .placement import CARD_HEIGHT, ROW_GAP, card_size, compute_bands, initial_positions
from .state import NodeStates
from .theme import CanvasTheme

SCENE_MARGIN = 400.0
FADED_OPACITY = 0.25  # focus mode: what is off the path to the goal


class _Layer(QGraphicsItem):
    """An empty parent: fading it to 0 hides all cards in one call (selection is kept)."""

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter, option, widget=None) -> None:  # pragma: no cover - no contents
        pass


class RoadmapScene(QGraphicsScene):
    node_activated = Signal(str)
    selection_ids_changed = Signal(list)
    connect_requested = Signal(str, str)
    add_requested = Signal(QPointF)
    context_menu_requested = Signal(str, QPoint)
    message = Signal(str)  # user feedback for the status bar (e.g. why a connection was refused)

    def __init__(
        self,
        document: RoadmapDocument,
        theme: CanvasTheme | None = None,
        parent=None,
        *,
        editor: Editor | None = None,
        interactive: bool = True,
    ) -> None:
        super().__init__(parent)
        self._document = document
        self._theme = theme or CanvasTheme.light()
        self._kit = CardKit(self._theme)
        # The Editor only pushes onto document.undo_stack, so a scene without one
        # given can make its own and still share the window's undo history.
        self.interactive = interactive
        self._editor = editor if editor is not None or not interactive else Editor(document)
        self._cards: dict[str, NodeCardItem] = {}
        self._layout: dict[str, tuple[float, float]] = {}
        self._states = NodeStates(document)
        self._search: set[str] | None = None
        self._visible: set[str] | None = None
        self._focus: set[str] | None = None
        self._bands: list[BandItem] = []
        self._overview_on = False
        self._dirty_bands = False
        self._flush_scheduled = False
        self._press_positions: dict[str, QPointF] = {}
        self._connect: ConnectGesture | None = None
        self._rename: InlineRenameItem | None = None
        self._emit_selection = True
        self._card_layer = _Layer()
        self.addItem(self._card_layer)
        self._edges = EdgeBatches(self, self._edge_rect, self._edge_shown, self._edge_faded)
        self._edges.set_theme(self._theme)
        self._overview = OverviewItem(self._kit, self._overview_blocks)
        self._overview.setVisible(False)
        self.addItem(self._overview)
        self.setBackgroundBrush(QBrush(self._theme.background))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.selectionChanged.connect(self._on_selection_changed)
        d = document
        d.node_added.connect(self._on_node_added)
        d.node_removed.connect(self._on_node_removed)
        d.node_changed.connect(self._on_node_changed)
        d.status_changed.connect(self._on_status_changed)
        d.node_moved.connect(self._on_node_moved)
        d.edge_added.connect(self._on_edge_added)
        d.edge_removed.connect(self._on_edge_removed)
        d.plan_changed.connect(self._on_plan_changed)
        d.roadmap_reset.connect(self.rebuild)
        self.rebuild()

    # -- public API ------------------------------------------------------------
    @property
    def document(self) -> RoadmapDocument:
        return self._document

    @property
    def editor(self) -> Editor | None:
        return self._editor

    def set_editor(self, editor: Editor | None) -> None:
        self._editor = editor

    @property
    def theme(self) -> CanvasTheme:
        return self._theme

    def item_for_node(self, node_id: str) -> NodeCardItem | None:
        return self._cards.get(node_id)

    def card_items(self) -> list[NodeCardItem]:
        return list(self._cards.values())

    def selected_node_ids(self) -> list[str]:
        selected = {i.node_id for i in self.selectedItems() if isinstance(i, NodeCardItem)}
        return [n.id for n in self._document.roadmap.nodes if n.id in selected]

    def select_nodes(self, ids) -> None:
        wanted = set(ids)
        self._emit_selection = False
        try:
            for node_id, card in self._cards.items():
                card.setSelected(node_id in wanted)
        finally:
            self._emit_selection = True
        self._on_selection_changed()

    def set_theme(self, theme: CanvasTheme) -> None:
        self._theme = theme
        self._kit = CardKit(theme)
        self.setBackgroundBrush(QBrush(theme.background))
        for card in self._cards.values():
            card.set_kit(self._kit)
        for band in self._bands:
            band.set_kit(self._kit)
        self._edges.set_theme(theme)
        self._overview.set_kit(self._kit)
        self.update()

    def set_search_matches(self, ids: set[str] | None) -> None:
        self._search = set(ids) if ids else None
        for node_id, card in self._cards.items():
            card.set_search_match(self._search is not None and node_id in self._search)

    def set_filter_visible(self, ids: set[str] | None) -> None:
        self._visible = None if ids is None else set(ids)
        for node_id, card in self._cards.items():
            card.setVisible(self._visible is None or node_id in self._visible)
        self._edges.mark_all_dirty()
        self._overview.invalidate()
        self._dirty_bands = True
        self.flush()  # an export may render right after this call

    def set_focus(self, ids: set[str] | None) -> None:
        self._focus = None if ids is None else set(ids)
        for node_id, card in self._cards.items():
            card.setOpacity(1.0 if self._focus is None or node_id in self._focus else FADED_OPACITY)
        self._edges.mark_all_dirty()
        self._overview.invalidate()
        self.flush()  # an export may render right after this call

    def node_rect(self, node_id: str) -> QRectF:
        card = self._cards.get(node_id)
        if card is None:
            return QRectF()
        return card.card_rect().translated(card.pos())

    def content_rect(self) -> QRectF:
        """Everything drawn (bands, cards, edges), without the scrolling margin."""
        self.flush()
        rect = QRectF()
        for band in self._bands:
            rect = rect.united(band.band.rect)
        for card in self._cards.values():
            rect = rect.united(card.card_rect().translated(card.pos()))
        for item in self._edges.items():
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def edge_batches(self) -> EdgeBatches:
        return self._edges

    def band_items(self) -> list[BandItem]:
        self.flush()
        return list(self._bands)

    def overview_item(self) -> OverviewItem:
        return self._overview

    @property
    def overview_active(self) -> bool:
        return self._overview_on

    def set_overview(self, on: bool) -> None:
        """Swap the card items for one block-drawing item (the view does this when zoomed out)."""
        if on == self._overview_on:
            return
        self._overview_on = on
        self._card_layer.setOpacity(0.0 if on else 1.0)
        self._overview.setVisible(on)

    def is_locked(self, node_id: str) -> bool:
        return self._states.locked(node_id)

    def is_ready(self, node_id: str) -> bool:
        return self._states.ready(node_id)

    def flush(self) -> None:
        """Rebuild whatever is pending (edge tiles, bands, overview) now."""
        self._flush_scheduled = False
        if self._edges.pending:
            self._edges.flush()
        if self._dirty_bands:
            self._dirty_bands = False
            self._rebuild_bands()

    def _schedule(self) -> None:
        if not self._flush_scheduled:
            self._flush_scheduled = True
            QTimer.singleShot(0, self.flush)

    # -- building --------------------------------------------------------------
    def rebuild(self) -> None:
        """Build every item from the document (on construction and when the roadmap is replaced)."""
        self._cancel_gestures()
        for card in self._cards.values():
            self.removeItem(card)
        self._cards.clear()
        roadmap = self._document.roadmap
        self._states.reset()
        self._layout = initial_positions(roadmap)
        movable = self.interactive
        for node in roadmap.nodes:
            self._make_card(node, movable)
        self._edges.reset(e.key for e in roadmap.edges)
        self._on_plan_changed()
        self._rebuild_bands()
        self._dirty_bands = False
        self._overview.invalidate()

    def _make_card(self, node: Node, movable: bool) -> NodeCardItem:
        card = NodeCardItem(node.id, self._kit, card_size(node.kind), self)
        self._apply_node(card, node)
        card.set_state(self._states.locked(node.id), self._states.ready(node.id))
        card.setPos(self._position_for(node))
        card.set_movable(movable)
        card.setParentItem(self._card_layer)
        if self._visible is not None and node.id not in self._visible:
            card.setVisible(False)
        if self._focus is not None and node.id not in self._focus:
            card.setOpacity(FADED_OPACITY)
        if self._search is not None and node.id in self._search:
            card.set_search_match(True)
        self._cards[node.id] = card
        return card

    @staticmethod
    def _apply_node(card: NodeCardItem, node: Node) -> None:
        card.set_data(
            node.title, node.kind, node.status, node.effective_hours, len(node.resources), node.description
        )

    def _position_for(self, node: Node) -> QPointF:
        if node.position is not None:
            return QPointF(node.position.x, node.position.y)
        spot = self._layout.get(node.id)
        if spot is None:
            spot = self._layout[node.id] = self._free_spot(node)
        return QPointF(*spot)

    def _free_spot(self, node: Node) -> tuple[float, float]:
        """A place for a new node without a position: below the cards of its stage."""
        roadmap = self._document.roadmap
        same = [c for nid, c in self._cards.items() if (n := roadmap.node(nid)) and n.stage == node.stage]
        if not same:
            same = list(self._cards.values())
        if not same:
            return 0.0, 0.0
        left = min(c.pos().x() for c in same)
        column = [c for c in same if abs(c.pos().x() - left) < 1.0]
        bottom = max(c.pos().y() + c.card_rect().height() for c in column)
        return left, bottom + ROW_GAP

    def _rebuild_bands(self) -> None:
        roadmap = self._document.roadmap
        rects = {nid: c.card_rect().translated(c.pos()) for nid, c in self._cards.items() if c.isVisible()}
        stage_of = {n.id: n.stage for n in roadmap.nodes}
        bands = compute_bands(roadmap.stage_order(), stage_of, rects)
        while len(self._bands) > len(bands):
            self.removeItem(self._bands.pop())
        for i, band in enumerate(bands):
            if i < len(self._bands):
                self._bands[i].set_band(band)
            else:
                item = BandItem(band, self._kit)
                self.addItem(item)
                self._bands.append(item)
        self._update_band_progress()
        self._update_scene_rect()

    def _update_band_progress(self) -> None:
        counts: dict[str, list[int]] = {}
        for node in self._document.roadmap.nodes:
            c = counts.setdefault(node.stage, [0, 0])
            if node.status.value != "skipped":
                c[1] += 1
                c[0] += node.status.value == "done"
        for band in self._bands:
            done, total = counts.get(band.band.title, (0, 0))
            band.set_progress(f"{done} of {total} done" if total else "")

    def _update_scene_rect(self) -> None:
        rect = QRectF()
        for band in self._bands:
            rect = rect.united(band.band.rect)
        for card in self._cards.values():
            rect = rect.united(card.card_rect().translated(card.pos()))
        self._overview.set_bounds(rect)
        self.setSceneRect(rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))

    # -- edges and overview callbacks ---------------------------------------------
    def _edge_rect(self, node_id: str) -> QRectF | None:
        card = self._cards.get(node_id)
        return None if card is None else card.card_rect().translated(card.pos())

    def _edge_shown(self, key: EdgeKey) -> bool:
        return self._visible is None or (key[0] in self._visible and key[1] in self._visible)

    def _edge_faded(self, key: EdgeKey) -> bool:
        return self._focus is not None and not (key[0] in self._focus and key[1] in self._focus)

    def _overview_blocks(self):
        kit = self._kit
        for node_id, card in self._cards.items():
            if not card.isVisible():
                continue
            locked = card.locked and card.status is Status.NOT_STARTED
            brush = kit.overview_locked if locked else kit.overview[card.status]
            faded = self._focus is not None and node_id not in self._focus
            yield card.card_rect().translated(card.pos()), brush, faded

    # -- document signals --------------------------------------------------------------
    def _on_node_added(self, node_id: str) -> None:
        node = self._document.node(node_id)
        self._states.reset()
        self._make_card(node, self.interactive)
        self._changed_layout()

    def _on_node_removed(self, node_id: str) -> None:
        card = self._cards.pop(node_id, None)
        if card is not None:
            if self._connect is not None and node_id in (self._connect.source_id, self._connect.target_id):
                self._cancel_gestures()
            self.removeItem(card)
        self._layout.pop(node_id, None)
        self._states.reset()
        self._changed_layout()

    def _on_node_changed(self, node_id: str) -> None:
        card = self._cards.get(node_id)
        if card is None:
            return
        node = self._document.node(node_id)
        if card.kind is not node.kind and card_size(node.kind) != card_size(card.kind):
            self._on_node_removed(node_id)
            self._on_node_added(node_id)
            return
        self._apply_node(card, node)
        self._dirty_bands = True  # a stage change moves no card, but the band progress changes
        self._schedule()

    def _on_status_changed(self, node_id: str) -> None:
        for affected in self._states.status_changed(node_id):
            card = self._cards.get(affected)
            if card is not None:
                card.set_state(self._states.locked(affected), self._states.ready(affected))
        self._overview.invalidate()
        self._update_band_progress()

    def _on_node_moved(self, node_id: str) -> None:
        card = self._cards.get(node_id)
        if card is None:
            return
        node = self._document.node(node_id)
        # Without a position (undo of a first move) the card returns to its layout place.
        card.setPos(self._position_for(node))  # card_moved() re-tiles its edges
        self._changed_layout()

    def _on_edge_added(self, source: str, target: str, kind: str) -> None:
        self._edges.add((source, target, kind))
        self._refresh_states(target)
        self._schedule()

    def _on_edge_removed(self, source: str, target: str, kind: str) -> None:
        self._edges.remove((source, target, kind))
        self._refresh_states(target)
        self._schedule()

    def _refresh_states(self, node_id: str) -> None:
        self._states.reset()
        card = self._cards.get(node_id)
        if card is not None:
            card.set_state(self._states.locked(node_id), self._states.ready(node_id))
        self._overview.invalidate()

    def _on_plan_changed(self) -> None:
        goal = self._document.roadmap.plan.goal
        for node_id, card in self._cards.items():
            card.set_goal(node_id == goal)

    def _changed_layout(self) -> None:
        self._dirty_bands = True
        self._overview.invalidate()
        self._schedule()

    def card_moved(self, node_id: str) -> None:
        """A card's position changed (drag, or the model): its edges follow."""
        self._edges.node_moved(node_id)
        self._schedule()

    # -- gestures ----------------------------------------------------------------------
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
        card = self._cards.get(node_id)
        if card is not None:
            toast = FeedbackToast(
                text, self.node_rect(node_id), self._theme.toast_fill, self._theme.toast_text
            )
            self.addItem(toast)
        self.message.emit(text)

    def begin_rename(self, node_id: str) -> None:
        """Inline title editor over the card (F2); commits through the Editor."""
        card = self._cards.get(node_id)
        if card is None or self._editor is None or self._rename is not None:
            return
        rect = card.title_rect().translated(card.pos())

        def done(text: str | None) -> None:
            self._rename = None
            if text and text != self._document.node(node_id).title:
                try:
                    self._editor.update_node(node_id, title=text)
                except ValueError as error:
                    self.refuse(node_id, f"Not renamed: {error}")

        self._rename = InlineRenameItem(self._document.node(node_id).title, rect, self._kit, done)
        self.addItem(self._rename)
        self._rename.start()

    # -- Qt event overrides --------------------------------------------------------------
    def _on_selection_changed(self) -> None:
        if self._emit_selection:
            self.selection_ids_changed.emit(self.selected_node_ids())

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mousePressEvent(event)
        self._press_positions = {
            c.node_id: c.pos() for c in self.selectedItems() if isinstance(c, NodeCardItem)
        }

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._press_positions = self._press_positions, {}
        moved = {
            nid: self._cards[nid].pos()
            for nid, old in pressed.items()
            if nid in self._cards and self._cards[nid].pos() != old
        }
        if moved and self._editor is not None:
            self._editor.move_nodes(
                {nid: Position(x=round(p.x(), 1), y=round(p.y(), 1)) for nid, p in moved.items()}
            )

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._card_at(event.scenePos()) is not None:
            super().mouseDoubleClickEvent(event)
            return
        pos = event.scenePos()
        top_left = QPointF(
            round(pos.x() - card_size(NodeKind.SKILL)[0] / 2), round(pos.y() - CARD_HEIGHT / 2)
        )
        event.accept()
        # add_requested carries the top-left corner of a card centred on the click.
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
        selected = self.selected_node_ids()
        if event.key() == Qt.Key.Key_F2 and len(selected) == 1 and self._rename is None:
            self.begin_rename(selected[0])
            event.accept()
            return
        if (
            event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and len(selected) == 1
            and self._rename is None
        ):
            self.node_activated.emit(selected[0])
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and self._connect is not None:
            self._cancel_gestures()
            event.accept()
            return
        super().keyPressEvent(event)
