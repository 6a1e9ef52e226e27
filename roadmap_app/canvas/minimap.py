"""MiniMapView: an overview of the whole roadmap with the main view's rectangle.

It paints a cached picture (stage bands and one block per card, the same
batched drawing as the zoomed-out canvas) and only redraws the rectangle as
the main view moves; the cache is rebuilt shortly after the scene changes.
Click or drag in it to move the main view there.

It floats over a bottom corner of the view (see minimap_geometry): small
next to the canvas, shaped like the plan, on the other corner when a selected
card is under it, and hidden when the canvas is too small to spare the room.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from .view import RoadmapView

REFRESH_MS = 250
MAX_WIDTH_SHARE = 0.18  # of the canvas: the map is a guide, not a second canvas
MAX_HEIGHT_SHARE = 0.22
MIN_WIDTH, MIN_HEIGHT = 96, 40  # below this it tells nothing: hide it instead
MARGIN = 10
MAX_AVOIDED = 20  # selected cards the map steps aside for


def minimap_geometry(area: QRect, content: QRectF, avoid: list[QRect]) -> QRect | None:
    """The map's rectangle inside `area` (the canvas), or None when the canvas is too small.

    At most MAX_WIDTH_SHARE x MAX_HEIGHT_SHARE of the canvas and no taller (or wider)
    than the plan's shape needs, so a wide plan gets a flat strip rather than a grey
    box. Bottom right, unless that covers a rectangle in `avoid` (the selected cards):
    then bottom left, then top right.
    """
    width = int(area.width() * MAX_WIDTH_SHARE)
    height = int(area.height() * MAX_HEIGHT_SHARE)
    if not content.isEmpty():
        height = min(height, max(MIN_HEIGHT, int(width * content.height() / content.width()) + 8))
        width = min(width, max(MIN_WIDTH, int(height * content.width() / content.height()) + 8))
    if width < MIN_WIDTH or height < MIN_HEIGHT:
        return None
    right, left = area.right() - width - MARGIN + 1, area.left() + MARGIN
    bottom, top = area.bottom() - height - MARGIN + 1, area.top() + MARGIN
    corners = [QRect(right, bottom, width, height), QRect(left, bottom, width, height),
               QRect(right, top, width, height)]
    for corner in corners:
        if not any(corner.intersects(r) for r in avoid):
            return corner
    return corners[0]


class MiniMapView(QWidget):
    def __init__(self, view: RoadmapView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("minimap")
        self.setAccessibleName("Overview map")
        self.setToolTip("Overview: click or drag to move the canvas")
        self.setMinimumSize(MIN_WIDTH, MIN_HEIGHT)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._view = view
        self._pixmap: QPixmap | None = None
        self._content = QRectF()
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.rebuild)
        self._shown = True  # the user's choice (View > Overview map); place() may still hide it
        scene = self._scene = view.roadmap_scene()  # one map per scene (see canvas_api)
        scene.changed.connect(self._scene_changed)
        scene.selectionChanged.connect(self.place)
        view.horizontalScrollBar().valueChanged.connect(self._view_moved)
        view.verticalScrollBar().valueChanged.connect(self._view_moved)
        view.zoom_changed.connect(self._zoomed)

    def sizeHint(self) -> QSize:
        return QSize(240, 150)

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        self.place()

    def place(self) -> None:
        """Put the map in its corner of the view (see minimap_geometry), or hide it."""
        view = self._view
        scene = self._scene
        if self.parentWidget() is not view or view.scene() is not scene:
            return  # not floating over the view (its owner lays it out), or its plan is gone
        content = self._content if not self._content.isEmpty() else scene.content_rect()
        offset = view.viewport().pos()
        avoid = [view.mapFromScene(scene.node_rect(i)).boundingRect().translated(offset)
                 for i in scene.selected_node_ids()[:MAX_AVOIDED]]  # a panning frame stays cheap
        rect = minimap_geometry(view.viewport().geometry(), content, avoid)
        # With the whole plan in sight (at Fit) the map shows nothing new and would cover it.
        everything = view.mapToScene(view.viewport().rect()).boundingRect().contains(content)
        if rect is None or not self._shown or everything:
            self.setVisible(False)
            return
        if rect != self.geometry():
            self.setGeometry(rect)
        self.setVisible(True)
        self.raise_()

    def _zoomed(self, _zoom=None) -> None:
        self.place()  # in or out of "the whole plan in sight"
        self.update()

    def _view_moved(self, _value=None) -> None:
        if self._view.scene() is self._scene:
            self.place()  # a selected card may have moved under the map, or the plan into sight
        self.update()

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
        content = scene.content_rect()
        if content != self._content:
            self._content = content
            self.place()  # the plan's shape decides the map's
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
        # A hairline edge keeps the floating map apart from the cards around it.
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self._view.roadmap_scene().theme.band_border, 1))
        painter.drawRect(QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5))

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
