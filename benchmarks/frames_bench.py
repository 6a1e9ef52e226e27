"""Frame times of the canvas with 10k nodes, beside a naive one-item-per-shape scene."""

from __future__ import annotations

import statistics
import time

from .common import Row


def _frame_times(view, steps: int, move) -> float:
    """Median seconds to paint the whole viewport after `move(i)`.

    Painted with QWidget.render into one reused image: under the offscreen
    platform repaint() of a window that is never exposed paints nothing.
    """
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QApplication

    viewport = view.viewport()
    image = QImage(viewport.size(), QImage.Format.Format_ARGB32_Premultiplied)
    times = []
    for i in range(steps):
        move(i)
        QApplication.processEvents()  # scroll and zoom updates, as the event loop delivers them
        start = time.perf_counter()
        viewport.render(image)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _naive_scene(roadmap, positions):
    """The reference: a QGraphicsRectItem, a text item and a path item per shape."""
    from PySide6.QtGui import QPainterPath, QPen
    from PySide6.QtWidgets import QGraphicsScene

    from roadmap_app.graph.layout import LayoutMetrics

    m = LayoutMetrics()
    scene = QGraphicsScene()
    for node in roadmap.nodes:
        x, y = positions[node.id]
        scene.addRect(x, y, m.card_width, m.card_height)
        scene.addText(node.title).setPos(x + 8, y + 8)
    for edge in roadmap.edges:
        (x1, y1), (x2, y2) = positions[edge.source], positions[edge.target]
        path = QPainterPath()
        path.moveTo(x1 + m.card_width, y1 + m.card_height / 2)
        path.cubicTo(x1 + m.card_width + 60, y1, x2 - 60, y2, x2, y2 + m.card_height / 2)
        scene.addPath(path, QPen())
    return scene


def _panner(view):
    bar = view.horizontalScrollBar()
    origin = bar.value()
    return lambda i: bar.setValue(origin + (i % 2 * 2 - 1) * 40 * (i + 1))


def measure(smoke: bool) -> list[Row]:
    from PySide6.QtWidgets import QGraphicsView

    from roadmap_app.canvas.scene import RoadmapScene
    from roadmap_app.canvas.theme import CanvasTheme
    from roadmap_app.canvas.view import RoadmapView
    from roadmap_app.document import RoadmapDocument
    from roadmap_app.graph.layout import layout
    from roadmap_app.graph.synthetic import synthetic_roadmap
    from roadmap_app.render.scene_source import ensure_app
    from roadmap_app.ui.window.main_window import READING_ZOOM

    ensure_app()
    n = 2000 if smoke else 10_000
    steps = 5 if smoke else 20
    roadmap = synthetic_roadmap(n, seed=5)
    document = RoadmapDocument(roadmap)
    scene = RoadmapScene(document, CanvasTheme.light())
    view = RoadmapView(scene)
    view.resize(1280, 800)
    view.show()
    view.set_zoom(READING_ZOOM)  # the zoom a big plan opens at (full cards)
    view.centerOn(scene.content_rect().center())
    pan = _frame_times(view, steps, _panner(view))
    view.fit_all()
    zoomed = _frame_times(view, steps, lambda i: view.viewport().update())

    naive = _naive_scene(roadmap, layout(roadmap, respect_positions=False))
    naive_view = QGraphicsView(naive)
    naive_view.resize(1280, 800)
    naive_view.show()
    naive_view.scale(READING_ZOOM, READING_ZOOM)
    naive_view.centerOn(naive.itemsBoundingRect().center())
    naive_pan = _frame_times(naive_view, max(3, steps // 4), _panner(naive_view))
    naive_view.fitInView(naive.itemsBoundingRect())
    naive_zoomed = _frame_times(naive_view, max(3, steps // 4), lambda i: None)
    view.close()
    naive_view.close()
    return [
        Row(f"Pan frame, {n} nodes", pan, "s", f"naive one-item-per-shape scene {naive_pan * 1000:.0f} ms",
            "≤ 16 ms", pan <= 0.016, f"at zoom {READING_ZOOM:g} (full cards), 40 px steps"),
        Row(f"Zoomed-out frame, {n} nodes", zoomed, "s",
            f"naive one-item-per-shape scene {naive_zoomed * 1000:.0f} ms", "≤ 33 ms", zoomed <= 0.033,
            f"{naive_zoomed / max(zoomed, 1e-9):.0f}x faster than naive"),
    ]
