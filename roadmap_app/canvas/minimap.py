"""MiniMapView: an overview of the whole roadmap with the main view's rectangle.

It paints a cached picture (stage bands and one block per card, the same
batched drawing as the zoomed-out canvas) and only redraws the rectangle as
the main view moves; the cache is rebuilt shortly after the scene changes.
Click or drag in it to move the main view there.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from .view import RoadmapView

REFRESH_MS = 250


class MiniMapView(QWidget):
    def __init__(self, view: RoadmapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minimap")
        self.setAccessibleName("Overview map")
        self.setToolTip("Overview: click or drag to move the canvas")
        self.setMinimumSize(160, 100)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._view = view
        self._pixmap: QPixmap | None = None
        self._content = QRectF()
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.rebuild)
        scene = view.roadmap_scene()
        scene.changed.connect(self._scene_changed)
        view.horizontalScrollBar().valueChanged.connect(self.update)
        view.verticalScrollBar().valueChanged.connect(self.update)
        view.zoom_changed.connect(self.update)

    def sizeHint(self) -> QSize:
        return QSize(240, 150)

    def _scene_changed(self, _regions=None) -> None:
        if not self._refresh.isActive():
            self._refresh.start()

    # -- mapping -------------------------------------------------------------------
    def _target(self) -> QRectF:
        """Where the content goes in the widget, keeping its aspect ratio."""
        if self._content.isEmpty():
            return QRectF()
        w, h = self.width() - 8, self.height() - 8
        scale = min(w / self._content.width(), h / self._content.height())
        tw, th = self._content.width() * scale, self._content.height() * scale
        return QRectF((self.width() - tw) / 2, (self.height() - th) / 2, tw, th)

    def _to_widget(self, p: QPointF) -> QPointF:
        t, c = self._target(), self._content
        return QPointF(
            t.left() + (p.x() - c.left()) * t.width() / c.width(),
            t.top() + (p.y() - c.top()) * t.height() / c.height(),
        )

    def _to_scene(self, p: QPointF) -> QPointF:
        t, c = self._target(), self._content
        return QPointF(
            c.left() + (p.x() - t.left()) * c.width() / t.width(),
            c.top() + (p.y() - t.top()) * c.height() / t.height(),
        )

    # -- painting -------------------------------------------------------------------
    def rebuild(self) -> None:
        scene = self._view.roadmap_scene()
        self._content = scene.content_rect()
        ratio = self.devicePixelRatioF()
        pixmap = QPixmap(self.size() * ratio)
        pixmap.setDevicePixelRatio(ratio)  # sharp on HiDPI screens
        pixmap.fill(scene.theme.background)
        target = self._target()
        if not target.isEmpty():
            painter = QPainter(pixmap)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.translate(target.topLeft())
            painter.scale(target.width() / self._content.width(), target.height() / self._content.height())
            painter.translate(-self._content.topLeft())
            painter.setPen(Qt.PenStyle.NoPen)
            theme = scene.theme
            for band in scene.band_items():
                b = band.band
                fill = theme.continuous_fill if b.continuous else theme.band_fills[b.index % 2]
                painter.fillRect(b.rect, QBrush(fill))
            scene.overview_item().paint_blocks(painter)
            painter.end()
        self._pixmap = pixmap
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._pixmap is None or self._pixmap.deviceIndependentSize().toSize() != self.size():
            self.rebuild()
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap)
        if self._content.isEmpty():
            return
        visible = self._view.mapToScene(self._view.viewport().rect()).boundingRect()
        rect = QRectF(self._to_widget(visible.topLeft()), self._to_widget(visible.bottomRight()))
        rect = rect.intersected(QRectF(self.rect()).adjusted(1, 1, -1, -1))
        colour = QColor(self._view.roadmap_scene().theme.selection)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(colour, 1.5))
        colour.setAlphaF(0.12)
        covers_all = rect.width() * rect.height() >= 0.9 * self.width() * self.height()
        painter.setBrush(Qt.BrushStyle.NoBrush if covers_all else QBrush(colour))
        painter.drawRect(rect)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._pixmap = None

    # -- navigation ---------------------------------------------------------------------
    def _navigate(self, event: QMouseEvent) -> None:
        if self._pixmap is None:
            self.rebuild()
        if self._content.isEmpty():
            return
        self._view.centerOn(self._to_scene(event.position()))
        self.update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._navigate(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._navigate(event)
