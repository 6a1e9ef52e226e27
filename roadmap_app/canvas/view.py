"""RoadmapView: zoom, pan, fit, keyboard navigation and level of detail.

Mouse: the wheel zooms around the cursor; dragging empty canvas (left or
middle button) pans; Shift- or Ctrl-drag on empty canvas draws a selection
rubber band; dragging a card moves it (with the rest of the selection).
Keys: arrows walk the graph (Right: the first open successor, Left: a
prerequisite, Up/Down: the neighbour in the same column).
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEasingCurve, QPointF, QRectF, Qt, QVariantAnimation, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QFrame, QGraphicsView, QWidget

from ..model import EdgeKind
from .interactions import InlineRenameItem
from .items import NodeCardItem
from .lod import FULL_FROM, OVERVIEW_BELOW
from .scene import RoadmapScene

MIN_ZOOM = 0.05
MAX_ZOOM = 3.0
GLIDE_MS = 220
WHEEL_STEP = 1.0015  # per 1/8 degree: one notch (120) zooms by about 20 %
PAN_TIP = "Tip: drag empty canvas to pan, Shift-drag to select several cards, drag a card's handle to connect"


class RoadmapView(QGraphicsView):
    zoom_changed = Signal(float)

    def __init__(self, scene: RoadmapScene, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roadmap_view")
        self.setAccessibleName("Roadmap canvas")
        self.setRenderHints(
            QPainter.RenderHint.Antialiasing
            | QPainter.RenderHint.TextAntialiasing
            | QPainter.RenderHint.SmoothPixmapTransform
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        # Every item sets the pen, brush and font it uses, so the view need not save and
        # restore the painter around each one; bounding rects already include antialiasing.
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState, True)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._pan_from: QPointF | None = None
        self._pan_moved = 0.0
        self._pan_button = Qt.MouseButton.NoButton
        self._tip_shown = False
        self._min_zoom = MIN_ZOOM
        self._glide: QVariantAnimation | None = None
        self.setScene(scene)

    def setScene(self, scene: RoadmapScene | None) -> None:
        super().setScene(scene)
        if scene is not None:
            scene.set_fast_edges(True)
            scene.set_overview(self.zoom() < OVERVIEW_BELOW)
            scene.set_zoom_detail(self.zoom())

    def roadmap_scene(self) -> RoadmapScene:
        return self.scene()  # type: ignore[return-value]

    # -- zoom ----------------------------------------------------------------------
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        """Zoom to an absolute scale (1.0 = 100 %), keeping `anchor` (scene point) in place."""
        zoom = max(self._min_zoom, min(MAX_ZOOM, zoom))
        factor = zoom / self.zoom()
        if abs(factor - 1.0) < 1e-9:
            return
        if anchor is not None:
            old_anchor = self.transformationAnchor()
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
            before = self.mapFromScene(anchor)
            super().scale(factor, factor)
            after = self.mapFromScene(anchor)
            delta = after - before
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() + delta.y())
            self.setTransformationAnchor(old_anchor)
        else:
            super().scale(factor, factor)
        self._zoom_updated()

    def zoom_by(self, factor: float) -> None:
        self.set_zoom(self.zoom() * factor)

    def zoom_in(self) -> None:
        self.zoom_by(1.25)

    def zoom_out(self) -> None:
        self.zoom_by(0.8)

    def scale(self, sx: float, sy: float) -> None:
        """QGraphicsView.scale with the zoom limits and the level-of-detail switch."""
        zoom = self.zoom()
        if zoom * sx > MAX_ZOOM or zoom * sx < self._min_zoom:
            target = max(self._min_zoom, min(MAX_ZOOM, zoom * sx))
            sx = sy = target / zoom
        super().scale(sx, sy)
        self._zoom_updated()

    def _zoom_updated(self) -> None:
        self.roadmap_scene().set_overview(self.zoom() < OVERVIEW_BELOW)
        self.roadmap_scene().set_zoom_detail(self.zoom())
        self.zoom_changed.emit(self.zoom())

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the plan's left and top edges in view if they were (AnchorViewCenter alone
        pushes the first stage and its label off the left when the window narrows)."""
        scene = self.roadmap_scene()
        content = scene.content_rect() if scene is not None else QRectF()
        before = self.mapToScene(0, 0)
        keep_left = not content.isEmpty() and before.x() <= content.left() + 1
        keep_top = not content.isEmpty() and before.y() <= content.top() + 1
        super().resizeEvent(event)
        if not (keep_left or keep_top):
            return
        after = self.mapToScene(0, 0)
        zoom = self.zoom()
        if keep_left and after.x() > content.left():
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - math.ceil((after.x() - content.left()) * zoom))
        if keep_top and after.y() > content.top():
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - math.ceil((after.y() - content.top()) * zoom))

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta().y()
        if delta == 0 or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            super().wheelEvent(event)  # horizontal wheels and Shift+wheel scroll
            return
        # Anchor explicitly: AnchorUnderMouse follows the last mouse move, not the wheel event.
        self.set_zoom(self.zoom() * WHEEL_STEP**delta, self.mapToScene(event.position().toPoint()))
        event.accept()

    def fit_all(self) -> None:
        rect = self.roadmap_scene().content_rect()
        if rect.isEmpty():
            return
        self._fit(rect.adjusted(-24, -24, 24, 24), max_zoom=1.0)

    def zoom_to_selection(self) -> None:
        scene = self.roadmap_scene()
        rect = QRectF()
        for node_id in scene.selected_node_ids():
            rect = rect.united(scene.node_rect(node_id))
        if rect.isEmpty():
            return
        self._fit(rect.adjusted(-60, -60, 60, 60), max_zoom=1.25)

    def _fit(self, rect: QRectF, max_zoom: float) -> None:
        viewport = self.viewport().rect()
        if viewport.width() < 2 or viewport.height() < 2:
            return
        zoom = min(viewport.width() / rect.width(), viewport.height() / rect.height(), max_zoom)
        self._min_zoom = min(MIN_ZOOM, zoom)  # a huge plan may need to go further out to fit
        self.set_zoom(zoom)
        self.centerOn(rect.center())

    def center_on_node(self, node_id: str, animate: bool = False) -> None:
        """Bring a card to the middle (at a readable zoom); `animate` glides there."""
        scene = self.roadmap_scene()
        rect = scene.node_rect(node_id)
        if rect.isEmpty():
            return
        if self.zoom() < FULL_FROM:  # too far out to read the card: come in to 100 %
            self.set_zoom(1.0)
            animate = False
        if not animate:
            self.centerOn(rect.center())
            return
        if self._glide is not None:
            self._glide.stop()
        self._glide = QVariantAnimation(self)
        self._glide.setStartValue(self.mapToScene(self.viewport().rect().center()))
        self._glide.setEndValue(rect.center())
        self._glide.setDuration(GLIDE_MS)
        self._glide.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._glide.valueChanged.connect(self.centerOn)
        self._glide.start()

    # -- pan and rubber band --------------------------------------------------------------
    def _card_at(self, pos) -> NodeCardItem | None:
        for item in self.items(pos):
            if isinstance(item, NodeCardItem):
                return item
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        button = event.button()
        modifiers = event.modifiers()
        selecting = modifiers & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier)
        on_card = self._card_at(pos) is not None
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and not on_card and not selecting
        ):
            self._pan_from = event.position()
            self._pan_moved = 0.0
            self._pan_button = button
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        if button == Qt.MouseButton.LeftButton and selecting and not on_card:
            self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self._pan_moved += abs(delta.x()) + abs(delta.y())
            self.horizontalScrollBar().setValue(int(self.horizontalScrollBar().value() - delta.x()))
            self.verticalScrollBar().setValue(int(self.verticalScrollBar().value() - delta.y()))
            if self._pan_moved > 40 and not self._tip_shown:
                self._tip_shown = True
                self.roadmap_scene().message.emit(PAN_TIP)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None and event.button() == self._pan_button:
            self._pan_from = None
            self.viewport().unsetCursor()
            if self._pan_button == Qt.MouseButton.LeftButton and self._pan_moved < 3:
                self.roadmap_scene().clearSelection()  # a click on empty canvas
            event.accept()
            return
        super().mouseReleaseEvent(event)
        if self.dragMode() == QGraphicsView.DragMode.RubberBandDrag:
            self.setDragMode(QGraphicsView.DragMode.NoDrag)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        scene = self.roadmap_scene()
        if scene.overview_active:  # blocks are too small to aim at: double-click zooms in there
            self.set_zoom(1.0, self.mapToScene(event.position().toPoint()))
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    # -- keyboard navigation ---------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self.roadmap_scene()
        arrows = (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down)
        if event.key() in arrows and not isinstance(scene.focusItem(), InlineRenameItem):
            if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                super().keyPressEvent(event)
                return
            target = self.neighbour(event.key())
            if target is not None:
                scene.select_nodes([target])
                self.ensureVisible(scene.node_rect(target), 80, 80)
            event.accept()
            return
        super().keyPressEvent(event)

    def neighbour(self, key: Qt.Key) -> str | None:
        """The node an arrow key moves the selection to, or None."""
        scene = self.roadmap_scene()
        selected = scene.selected_node_ids()
        if len(selected) != 1:
            return self._nearest_to_centre()
        current = selected[0]
        doc = scene.document
        here = scene.node_rect(current)

        def by_y(ids):
            return sorted(ids, key=lambda i: (scene.node_rect(i).top(), scene.node_rect(i).left()))

        edges = doc.roadmap.edges
        if key == Qt.Key.Key_Right:
            succs = by_y(
                dict.fromkeys(
                    e.target for e in edges if e.source == current and e.kind is not EdgeKind.RELATED
                )
            )
            open_first = [s for s in succs if not scene.is_locked(s)] + [
                s for s in succs if scene.is_locked(s)
            ]
            return open_first[0] if open_first else None
        if key == Qt.Key.Key_Left:
            preds = by_y(
                dict.fromkeys(
                    e.source for e in edges if e.target == current and e.kind is not EdgeKind.RELATED
                )
            )
            return preds[0] if preds else None
        column = [
            c.node_id
            for c in scene.card_items()
            if c.node_id != current and c.isVisible() and abs(c.pos().x() - here.left()) < here.width() / 2
        ]
        if key == Qt.Key.Key_Up:
            above = [i for i in column if scene.node_rect(i).top() < here.top()]
            return max(above, key=lambda i: scene.node_rect(i).top()) if above else None
        below = [i for i in column if scene.node_rect(i).top() > here.top()]
        return min(below, key=lambda i: scene.node_rect(i).top()) if below else None

    def _nearest_to_centre(self) -> str | None:
        centre = self.mapToScene(self.viewport().rect().center())
        best, best_d = None, float("inf")
        for card in self.roadmap_scene().card_items():
            if not card.isVisible():
                continue
            d = card.sceneBoundingRect().center() - centre
            dist = d.x() * d.x() + d.y() * d.y()
            if dist < best_d:
                best, best_d = card.node_id, dist
        return best
