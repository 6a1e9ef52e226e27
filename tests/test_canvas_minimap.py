"""The floating mini-map: its size next to the canvas, its corner, hiding, and band labels."""

from __future__ import annotations

import pytest
from canvas_fixtures import small_roadmap
from PySide6.QtCore import QPointF, QRect, QRectF

from roadmap_app.canvas.minimap import (
    MAX_HEIGHT_SHARE,
    MAX_WIDTH_SHARE,
    MIN_HEIGHT,
    MIN_WIDTH,
    MiniMapView,
    minimap_geometry,
)
from roadmap_app.canvas.scene import RoadmapScene
from roadmap_app.canvas.theme import CanvasTheme
from roadmap_app.canvas.view import RoadmapView
from roadmap_app.document import RoadmapDocument

WIDE_PLAN = QRectF(0, 0, 7600, 1500)  # the shape of the built-in plan
SQUARE_PLAN = QRectF(0, 0, 1000, 1000)


@pytest.mark.parametrize("size", [(960, 560), (1280, 400), (700, 300), (1800, 1000)])
@pytest.mark.parametrize("content", [WIDE_PLAN, SQUARE_PLAN])
def test_map_stays_within_its_share_of_the_canvas(size, content):
    area = QRect(0, 0, *size)
    rect = minimap_geometry(area, content, [])
    assert rect is not None
    assert MIN_WIDTH <= rect.width() <= max(MIN_WIDTH, area.width() * MAX_WIDTH_SHARE)
    assert MIN_HEIGHT <= rect.height() <= max(MIN_HEIGHT, area.height() * MAX_HEIGHT_SHARE)
    assert area.contains(rect)
    assert rect.right() > area.width() / 2 and rect.bottom() > area.height() / 2  # bottom right


def test_a_wide_plan_gets_a_flat_map_not_an_empty_box():
    rect = minimap_geometry(QRect(0, 0, 960, 560), WIDE_PLAN, [])
    assert rect.width() / rect.height() > 3


def test_map_is_hidden_when_the_canvas_is_too_small():
    assert minimap_geometry(QRect(0, 0, 400, 150), SQUARE_PLAN, []) is None
    assert minimap_geometry(QRect(0, 0, 300, 600), SQUARE_PLAN, []) is None


def test_map_moves_to_the_other_corner_off_the_selected_card():
    area = QRect(0, 0, 960, 560)
    home = minimap_geometry(area, WIDE_PLAN, [])
    card = home.adjusted(20, 5, -20, -5)
    moved = minimap_geometry(area, WIDE_PLAN, [card])
    assert not moved.intersects(card)
    assert moved.left() < area.width() / 2


def test_floating_map_follows_the_selection_and_the_toggle(qtbot):
    doc = RoadmapDocument(small_roadmap())
    scene = RoadmapScene(doc, CanvasTheme.light())
    view = RoadmapView(scene)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    minimap = MiniMapView(view, view)
    minimap.set_shown(True)
    assert minimap.isVisible()
    home = minimap.geometry()
    assert home.width() <= 900 * MAX_WIDTH_SHARE
    # Put a card right under the map and select it: the map gets out of the way.
    view.set_zoom(3.0)
    card = scene.node_rect("dev")
    offset = QPointF(view.viewport().rect().center() - home.center()) / 3.0
    view.centerOn(card.center() + offset)
    assert home.intersects(view.mapFromScene(card).boundingRect())
    scene.select_nodes(["mle"])
    assert not minimap.geometry().intersects(view.mapFromScene(scene.node_rect("mle")).boundingRect())
    minimap.set_shown(False)
    assert not minimap.isVisible()
    view.resize(300, 150)
    minimap.set_shown(True)
    assert not minimap.isVisible()  # too small a canvas to spare the room


def test_map_steps_aside_when_the_whole_plan_is_in_sight(qtbot):
    doc = RoadmapDocument(small_roadmap())
    scene = RoadmapScene(doc, CanvasTheme.light())
    view = RoadmapView(scene)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    minimap = MiniMapView(view, view)
    minimap.set_shown(True)
    view.set_zoom(2.0)
    assert minimap.isVisible()
    view.fit_all()
    assert not minimap.isVisible()  # at Fit it would only cover the plan
    view.set_zoom(2.0)
    assert minimap.isVisible()
