"""RoadmapScene: the canvas as a projection of the document.

It subscribes to the document's signals and keeps an id -> card map; items
only get presentation setters. User gestures (gestures.py) become Editor
calls or intent signals; the scene never writes the model itself. It is
complete right after construction and renders without any view, so the
exporter can draw it offscreen.

Cards update at once on a signal; edge tiles and stage bands are marked dirty
and rebuilt together on the next event-loop turn, or by flush(), which every
query that needs them calls.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QPoint, QPointF, QRectF, QTimer, Signal
from PySide6.QtGui import QBrush, QPixmapCache
from PySide6.QtWidgets import QGraphicsScene

from ..commands import Editor
from ..document import RoadmapDocument
from ..model import Node, Status
from .bands import BandItem
from .edge_marks import EdgeMarks
from .edges import EdgeBatches, EdgeKey
from .gestures import SceneGestures
from .items import NodeCardItem, format_length
from .kit import CardKit
from .labels import MapLabelsItem
from .lod import FULL_FROM
from .marks import SceneMarks
from .overview import OverviewItem
from .placement import ROW_GAP, card_size, compute_bands, initial_positions
from .state import NodeStates
from .theme import CanvasTheme

SCENE_MARGIN = 400.0
FADED_OPACITY = 0.25  # focus mode: what is off the path to the goal
OFF_ROUTE_OPACITY = 0.4  # not on the chosen route: dimmed, still readable and clickable
OVERVIEW_EDGE_LIMIT = 3000


CARD_CACHE_KB = 64 * 1024  # pixmap cache for the cards: ~40 full-size cards at 4K, hundreds at reading zoom

class RoadmapScene(SceneMarks, SceneGestures, QGraphicsScene):
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
        # Cards are cached as pixmaps (items.py); Qt's default 10 MB cache holds too few of
        # them on a large high-DPI view, and a cache that thrashes is slower than none.
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), CARD_CACHE_KB))
        self._document = document
        self._theme = theme or CanvasTheme.light()
        self._kit = CardKit(self._theme)
        # The Editor only pushes onto document.undo_stack, so a scene given none
        # makes its own and still shares the window's undo history.
        self.interactive = interactive
        self._editor = editor if editor is not None or not interactive else Editor(document)
        self._cards: dict[str, NodeCardItem] = {}
        self._layout: dict[str, tuple[float, float]] = {}
        self._states = NodeStates(document)
        self._search: set[str] | None = None
        self._visible: set[str] | None = None
        self._focus: set[str] | None = None
        self._off_route: frozenset[str] = frozenset()
        self._bands: list[BandItem] = []
        self._raised: set[str] = set()
        self._overview_on = False
        self._detail_zoom = 1.0  # see set_zoom_detail
        self._dirty_bands = False
        self._flush_scheduled = False
        self._press_positions: dict[str, QPointF] = {}
        self._emit_selection = True
        self._edges = EdgeBatches(self, self._edge_shown, self._edge_faded)
        self._edges.set_theme(self._theme)
        self._marks = EdgeMarks(self, self._edges)  # colours and labels of the edges that have them
        self._marks.set_theme(self._theme)
        self._overview = OverviewItem(self._kit, self._overview_blocks)
        self._overview.setVisible(False)
        self.addItem(self._overview)
        self._labels = MapLabelsItem(self._kit, self._stage_labels, self._landmarks)
        self.addItem(self._labels)
        self._route: set[str] | None = None  # nodes whose titles show at middle zoom
        self.poster_titles = False  # the overview export: every card shows its whole title, big
        self._dirty_route = True
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

    # -- public API ------------------------------------------------------------------
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
            for item in self.selectedItems():
                if not isinstance(item, NodeCardItem) or item.node_id not in wanted:
                    item.setSelected(False)
            for node_id in wanted:
                card = self._cards.get(node_id)
                if card is not None:
                    card.setSelected(True)
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
        self._marks.set_theme(theme)
        self._overview.set_kit(self._kit)
        self._labels.set_kit(self._kit)
        self.update()

    def set_search_matches(self, ids: set[str] | None) -> None:
        self._search = set(ids) if ids else None
        for node_id, card in self._cards.items():
            card.set_search_match(self._search is not None and node_id in self._search)

    def set_filter_visible(self, ids: set[str] | None) -> None:
        visible = None if ids is None else set(ids)
        if visible == self._visible:  # e.g. a plan installed with no filter: re-routing every edge
            self.flush()  # would change nothing; only what is pending, as callers expect
            return
        self._visible = visible
        for node_id, card in self._cards.items():
            card.setVisible(self._visible is None or node_id in self._visible)
        self._edges.mark_all_dirty()
        self._overview.invalidate()
        self._dirty_bands = True
        self.flush()  # an export may render right after this call

    def set_focus(self, ids: set[str] | None) -> None:
        self._focus = None if ids is None else set(ids)
        if not self._overview_on:
            for node_id, card in self._cards.items():
                card.setOpacity(self._card_opacity(node_id))
        self._edges.mark_all_dirty()
        self._overview.invalidate()
        self.flush()  # an export may render right after this call

    def _card_opacity(self, node_id: str) -> float:
        if self._overview_on:
            return 0.0
        if self._focus is not None and node_id not in self._focus:
            return FADED_OPACITY
        return OFF_ROUTE_OPACITY if node_id in self._off_route else 1.0

    def set_off_route(self, ids) -> None:
        """Dim the nodes the chosen route leaves out (the route is resolved by the caller)."""
        ids = frozenset(ids)
        changed, self._off_route = ids ^ self._off_route, ids
        if not changed:
            return
        for node_id in changed:
            card = self._cards.get(node_id)
            if card is not None:
                card.setOpacity(self._card_opacity(node_id))
        self._edges.mark_all_dirty()
        self._overview.invalidate()
        self._schedule()

    def is_off_route(self, node_id: str) -> bool:
        return node_id in self._off_route

    def poster_font(self):
        """The font of whole titles on a poster (the overview export sizes itself by it)."""
        return self._kit.poster_font

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
        rect = rect.united(self._overview.boundingRect())
        for item in self._edges.items() + self._marks.label_items():
            rect = rect.united(item.sceneBoundingRect())
        return rect

    def edge_batches(self) -> EdgeBatches:
        return self._edges

    def edge_marks(self) -> EdgeMarks:
        return self._marks

    def band_items(self) -> list[BandItem]:
        self.flush()
        return list(self._bands)

    def overview_item(self) -> OverviewItem:
        return self._overview

    @property
    def overview_active(self) -> bool:
        return self._overview_on

    def set_overview(self, on: bool) -> None:
        """Swap the cards and edges for one block-drawing item (the view does this zoomed out).

        Cards are faded to 0 rather than hidden, which would drop the selection.
        """
        if on == self._overview_on:
            return
        self._overview_on = on
        for node_id, card in self._cards.items():
            card.setOpacity(self._card_opacity(node_id))
        # Small plans keep their edges when zoomed out (cheap, and they tell the story);
        # a big plan shows blocks and stage labels only.
        self._edges.set_visible(not on or len(self._document.roadmap.edges) <= OVERVIEW_EDGE_LIMIT)
        self._marks.sync(full=True)
        self._overview.setVisible(on)

    def set_zoom_detail(self, zoom: float) -> float:
        """What the view's zoom changes beyond each item's own level of detail: below
        FULL_FROM the related edges recede (the map labels take over the names).
        Returns the zoom the scene was set for before (an export puts it back)."""
        before = self._detail_zoom
        self._detail_zoom = zoom
        self._edges.set_quiet_related(zoom < FULL_FROM)
        return before

    def set_fast_edges(self, on: bool) -> None:
        """1-pixel cosmetic edge pens (fast antialiasing); RoadmapView turns this on."""
        self._edges.set_cosmetic(on)

    def is_locked(self, node_id: str) -> bool:
        return self._states.locked(node_id)

    def is_ready(self, node_id: str) -> bool:
        return self._states.ready(node_id)

    def flush(self) -> None:
        """Rebuild whatever is pending (edge tiles, bands) now."""
        self._flush_scheduled = False
        if self._dirty_route:
            self._update_route()
        if self._edges.pending:
            self._edges.flush()
            self._marks.sync()
        if self._dirty_bands:
            self._dirty_bands = False
            self._rebuild_bands()

    def _schedule(self) -> None:
        if not self._flush_scheduled:
            self._flush_scheduled = True
            QTimer.singleShot(0, self.flush)

    # -- building ----------------------------------------------------------------------
    def rebuild(self) -> None:
        """Build every item from the document (on construction and when the roadmap is replaced)."""
        # Tens of thousands of small objects are made here; the cyclic collector would
        # rescan the whole model many times over, for nothing (nothing here makes cycles).
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._rebuild()
        finally:
            if collecting:
                gc.enable()

    def _rebuild(self) -> None:
        self._cancel_gestures()
        # Bulk changes go faster without the BSP index, which is then built once.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        for card in self._cards.values():
            self.removeItem(card)
        self._cards.clear()
        self._raised.clear()
        roadmap = self._document.roadmap
        self._states.reset()
        self._layout = initial_positions(roadmap)
        for node in roadmap.nodes:
            self._make_card(node)
        self._edges.reset(
            {nid: self._rect_tuple(c) for nid, c in self._cards.items()}, (e.key for e in roadmap.edges)
        )
        self._marks.reset(roadmap.edges)
        self._marks.sync()
        self._on_plan_changed()
        self._rebuild_bands()
        self._dirty_bands = False
        self._overview.invalidate()
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        # A fresh BSP index only partitions the scene once the scene rect is set again;
        # without this every query tests the bounding rect of every item.
        rect = self.sceneRect()
        self.setSceneRect(QRectF())
        self.setSceneRect(rect)

    def _make_card(self, node: Node) -> NodeCardItem:
        card = NodeCardItem(node.id, self._kit, card_size(node.kind), self)
        self._apply_node(card, node)
        card.set_state(self._states.locked(node.id), self._states.ready(node.id))
        card.setPos(self._position_for(node))
        card.set_movable(self.interactive)
        self.addItem(card)
        if self._visible is not None and node.id not in self._visible:
            card.setVisible(False)
        if self._focus is not None or self._overview_on or node.id in self._off_route:
            card.setOpacity(self._card_opacity(node.id))
        if self._search is not None and node.id in self._search:
            card.set_search_match(True)
        self._cards[node.id] = card
        return card

    @staticmethod
    def _rect_tuple(card: NodeCardItem) -> tuple[float, float, float, float]:
        pos = card.pos()
        return pos.x(), pos.y(), card.width, card.height

    @staticmethod
    def _apply_node(card: NodeCardItem, node: Node) -> None:
        card.set_data(node.title, node.kind, node.status, node.effective_hours, len(node.resources),
                      format_length(node))
        card.set_colour(node.color)

    def _position_for(self, node: Node) -> QPointF:
        if node.position is not None:
            return QPointF(node.position.x, node.position.y)
        spot = self._layout.get(node.id)
        if spot is None:
            spot = self._layout[node.id] = self._free_spot(node)
        return QPointF(*spot)

    def _free_spot(self, node: Node) -> tuple[float, float]:
        """A place for a new node without a position: below the cards of its stage."""
        doc = self._document
        same = [
            c for nid, c in self._cards.items() if doc.has_node(nid) and doc.node(nid).stage == node.stage
        ]
        if not same:
            same = list(self._cards.values())
        if not same:
            return 0.0, 0.0
        left = min(c.pos().x() for c in same)
        column = [c for c in same if abs(c.pos().x() - left) < 1.0]
        bottom = max(c.pos().y() + c.height for c in column)
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
        rect = QRectF()
        for band in self._bands:
            rect = rect.united(band.band.rect)
        for r in rects.values():
            rect = rect.united(r)
        self._overview.set_bounds(rect)
        self._labels.set_bounds(rect)
        self.setSceneRect(rect.adjusted(-SCENE_MARGIN, -SCENE_MARGIN, SCENE_MARGIN, SCENE_MARGIN))

    def _update_band_progress(self) -> None:
        counts: dict[str, list[int]] = {}
        for node in self._document.roadmap.nodes:
            c = counts.setdefault(node.stage, [0, 0])
            if node.status is not Status.SKIPPED:
                c[1] += 1
                c[0] += node.status is Status.DONE
        for band in self._bands:
            done, total = counts.get(band.band.title, (0, 0))
            band.set_progress(f"{done} of {total} done" if total else "")

    # -- edges and overview callbacks ----------------------------------------------------
    def _edge_shown(self, key: EdgeKey) -> bool:
        return self._visible is None or (key[0] in self._visible and key[1] in self._visible)

    def _edge_faded(self, key: EdgeKey) -> bool:
        if key[0] in self._off_route or key[1] in self._off_route:
            return True  # an edge of a node off the route is not a way the plan goes
        return self._focus is not None and not (key[0] in self._focus and key[1] in self._focus)

    def _overview_blocks(self):
        kit = self._kit
        for node_id, card in self._cards.items():
            if not card.isVisible():
                continue
            locked = card.locked and card.status is Status.NOT_STARTED
            brush = kit.overview_locked if locked else kit.overview[card.status]
            faded = (self._focus is not None and node_id not in self._focus) or node_id in self._off_route
            yield card.card_rect().translated(card.pos()), brush, faded

    def card_moved(self, node_id: str) -> None:
        """A card's position changed (a drag, or the model): its edges and the bands follow."""
        card = self._cards.get(node_id)
        self._edges.set_node_rect(node_id, None if card is None else self._rect_tuple(card))
        self._overview.invalidate()
        self._schedule()

    # -- document signals -------------------------------------------------------------------
    def _on_node_added(self, node_id: str) -> None:
        self._states.reset()
        self._make_card(self._document.node(node_id))
        self.card_moved(node_id)
        self._dirty_bands = True
        self._route_changed()

    def _on_node_removed(self, node_id: str) -> None:
        card = self._cards.pop(node_id, None)
        if card is not None:
            if self._connect is not None and node_id in (self._connect.source_id, self._connect.target_id):
                self._cancel_gestures()
            self.removeItem(card)
        self._raised.discard(node_id)
        self._layout.pop(node_id, None)
        self._states.reset()
        self.card_moved(node_id)
        self._dirty_bands = True

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
        self._dirty_bands = True  # the stage may have changed, and with it the band progress
        self._route_changed()

    def _on_status_changed(self, node_id: str) -> None:
        for affected in self._states.status_changed(node_id):
            card = self._cards.get(affected)
            if card is not None:
                card.set_state(self._states.locked(affected), self._states.ready(affected))
        self._overview.invalidate()
        self._update_band_progress()
        self._route_changed()

    def _on_node_moved(self, node_id: str) -> None:
        card = self._cards.get(node_id)
        if card is None:
            return
        # Without a position (undo of a first move) the card returns to its layout place.
        card.setPos(self._position_for(self._document.node(node_id)))
        self.card_moved(node_id)
        self._dirty_bands = True

    def _on_edge_added(self, source: str, target: str, kind: str) -> None:
        self._edges.add((source, target, kind))
        edge = next((e for _i, e in self._document.edges_of(source) if e.key == (source, target, kind)), None)
        if edge is not None:
            self._marks.set_edge(edge)
        self._refresh_state(target)
        self._schedule()

    def _on_edge_removed(self, source: str, target: str, kind: str) -> None:
        self._edges.remove((source, target, kind))
        self._marks.remove((source, target, kind))
        self._refresh_state(target)
        self._schedule()

    def _refresh_state(self, node_id: str) -> None:
        self._states.reset()
        card = self._cards.get(node_id)
        if card is not None:
            card.set_state(self._states.locked(node_id), self._states.ready(node_id))
        self._overview.invalidate()
        self._route_changed()

    def _on_plan_changed(self) -> None:
        goal = self._document.roadmap.plan.goal
        for node_id, card in self._cards.items():
            card.set_goal(node_id == goal)
        self._route_changed()

    def _on_selection_changed(self) -> None:
        if not self._emit_selection:
            return
        ids = self.selected_node_ids()
        selected = set(ids)
        for node_id in self._raised - selected:  # selected cards draw above their neighbours
            if node_id in self._cards:
                self._cards[node_id].setZValue(0.0)
        for node_id in selected - self._raised:
            self._cards[node_id].setZValue(1.0)
        self._raised = selected
        self.selection_ids_changed.emit(ids)
