"""Resizing the view keeps the start of the plan in sight."""

from __future__ import annotations

from canvas_fixtures import small_roadmap
from PySide6.QtCore import QPointF

from roadmap_app.canvas.scene import RoadmapScene
from roadmap_app.canvas.theme import CanvasTheme
from roadmap_app.canvas.view import RoadmapView
from roadmap_app.document import RoadmapDocument


def _view(qtbot, width, height):
    scene = RoadmapScene(RoadmapDocument(small_roadmap()), CanvasTheme.light())
    view = RoadmapView(scene)
    qtbot.addWidget(view)
    view.resize(width, height)
    view.show()
    qtbot.waitExposed(view)
    return scene, view


def _left_most(scene):
    return min(scene.node_rect(c.node_id).left() for c in scene.card_items())


def test_narrowing_keeps_the_left_most_card_in_view(qtbot):
    scene, view = _view(qtbot, 900, 600)
    view.set_zoom(2.0)
    content = scene.content_rect()
    view.centerOn(QPointF(content.left() + view.viewport().width() / 4.0, content.center().y()))
    left = _left_most(scene)
    assert view.mapFromScene(QPointF(left, 0)).x() >= 0  # visible before
    for width in (700, 500, 1100, 450):
        view.resize(width, 600)
        assert view.mapFromScene(QPointF(left, 0)).x() >= 0, width
        assert view.mapToScene(0, 0).x() <= content.left() + 1


def test_a_view_scrolled_into_the_middle_keeps_its_centre(qtbot):
    scene, view = _view(qtbot, 900, 600)
    view.set_zoom(2.0)
    middle = scene.node_rect("dev").center()
    view.centerOn(middle)
    view.resize(600, 600)
    centre = view.mapToScene(view.viewport().rect().center())
    assert abs(centre.x() - middle.x()) < 10
