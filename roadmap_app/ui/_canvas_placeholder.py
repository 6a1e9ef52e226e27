"""Stand-in for roadmap_app.canvas until the canvas lands (same API, plain items)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsRectItem, QGraphicsScene, QGraphicsSimpleTextItem, QGraphicsView


@dataclass(frozen=True)
class CanvasTheme:
    name: str
    background: str
    card: str
    text: str

    @classmethod
    def light(cls):
        return cls("light", "#fafafa", "#ffffff", "#111111")

    @classmethod
    def dark(cls):
        return cls("dark", "#1b1d21", "#2a2e35", "#eeeeee")


class RoadmapScene(QGraphicsScene):
    node_activated = Signal(str)
    selection_ids_changed = Signal(list)
    connect_requested = Signal(str, str)
    add_requested = Signal(QPointF)
    context_menu_requested = Signal(str, QPoint)

    def __init__(self, document, theme, parent=None):
        super().__init__(parent)
        self.document = document
        self.theme = theme
        self._items: dict[str, QGraphicsRectItem] = {}
        document.roadmap_reset.connect(self._rebuild)
        document.node_added.connect(lambda _i: self._rebuild())
        document.node_removed.connect(lambda _i: self._rebuild())
        document.node_changed.connect(lambda _i: self._rebuild())
        self.selectionChanged.connect(self._emit_selection)
        self._rebuild()

    def _emit_selection(self):
        try:
            self.selection_ids_changed.emit(self.selected_node_ids())
        except RuntimeError:
            pass

    def _rebuild(self):
        selected = set(self.selected_node_ids()) if self._items else set()
        self.clear()
        self._items = {}
        self.setBackgroundBrush(QColor(self.theme.background))
        for i, node in enumerate(self.document.roadmap.nodes):
            x = node.position.x if node.position else (i % 10) * 200
            y = node.position.y if node.position else (i // 10) * 100
            item = QGraphicsRectItem(0, 0, 180, 70)
            item.setPos(x, y)
            item.setBrush(QBrush(QColor(self.theme.card)))
            item.setPen(QPen(QColor("#888")))
            item.setFlag(QGraphicsRectItem.GraphicsItemFlag.ItemIsSelectable)
            item.setData(0, node.id)
            item.status = node.status
            text = QGraphicsSimpleTextItem(node.title[:24], item)
            text.setBrush(QColor(self.theme.text))
            text.setPos(8, 8)
            self.addItem(item)
            self._items[node.id] = item
            item.setSelected(node.id in selected)

    def item_for_node(self, node_id):
        return self._items.get(node_id)

    def selected_node_ids(self):
        return [i.data(0) for i in self.selectedItems() if i.data(0)]

    def select_nodes(self, ids):
        self.clearSelection()
        for node_id in ids:
            if node_id in self._items:
                self._items[node_id].setSelected(True)

    def set_theme(self, theme):
        self.theme = theme
        self._rebuild()

    def set_search_matches(self, ids):
        pass

    def set_filter_visible(self, ids):
        for node_id, item in self._items.items():
            item.setVisible(ids is None or node_id in ids)

    def set_focus(self, ids):
        for node_id, item in self._items.items():
            item.setOpacity(1.0 if ids is None or node_id in ids else 0.25)

    def node_rect(self, node_id):
        item = self._items[node_id]
        return item.sceneBoundingRect()

    def content_rect(self):
        return self.itemsBoundingRect().adjusted(-40, -40, 40, 40) if self._items else QRectF(0, 0, 100, 100)


class RoadmapView(QGraphicsView):
    def __init__(self, scene):
        super().__init__(scene)

    def fit_all(self):
        if self.scene():
            self.fitInView(self.scene().content_rect(), Qt.AspectRatioMode.KeepAspectRatio)

    def zoom_to_selection(self):
        ids = self.scene().selected_node_ids()
        if ids:
            self.fitInView(self.scene().node_rect(ids[0]).adjusted(-200, -200, 200, 200),
                           Qt.AspectRatioMode.KeepAspectRatio)

    def center_on_node(self, node_id):
        self.centerOn(self.scene().node_rect(node_id).center())


class MiniMapView(QGraphicsView):
    def __init__(self, view):
        super().__init__(view.scene())
