"""Guards for the canvas's big-plan techniques (they fail if a technique silently stops working)."""

from __future__ import annotations

import cProfile
import pstats

import pytest
from PySide6.QtCore import QRectF

from roadmap_app.canvas.edges import EdgePathItem
from roadmap_app.canvas.scene import OVERVIEW_EDGE_LIMIT, RoadmapScene
from roadmap_app.canvas.view import RoadmapView
from roadmap_app.document import RoadmapDocument
from roadmap_app.graph.synthetic import synthetic_roadmap


@pytest.fixture(scope="module")
def big_scene(qapp):
    roadmap = synthetic_roadmap(3000, seed=3)
    assert len(roadmap.edges) > OVERVIEW_EDGE_LIMIT
    scene = RoadmapScene(RoadmapDocument(roadmap), interactive=False)
    yield scene
    scene.deleteLater()


def bounding_rect_calls(fn) -> int:
    profile = cProfile.Profile()
    profile.enable()
    fn()
    profile.disable()
    stats = pstats.Stats(profile).stats
    return sum(v[1] for k, v in stats.items() if k[2] == "boundingRect")


def test_spatial_index_is_used(big_scene):
    """A small query must not test every item (it did after a NoIndex bulk build)."""
    centre = big_scene.content_rect().center()
    probe = QRectF(centre.x(), centre.y(), 400, 300)
    big_scene.items(probe)  # let the index settle
    calls = bounding_rect_calls(lambda: big_scene.items(probe))
    assert calls < len(big_scene.items()) / 10


def test_edges_are_batched_not_one_item_per_edge(big_scene):
    edge_items = [i for i in big_scene.items() if isinstance(i, EdgePathItem)]
    assert len(edge_items) < len(big_scene.document.roadmap.edges) / 4


def test_zoomed_out_big_plan_draws_blocks_only(big_scene, qtbot):
    view = RoadmapView(big_scene)
    qtbot.addWidget(view)
    view.resize(800, 500)
    view.fit_all()
    assert big_scene.overview_active
    assert not any(i.isVisible() for i in big_scene.edge_batches().items())
    assert all(c.opacity() == 0.0 for c in big_scene.card_items()[:50])
    view.set_zoom(1.0)
    assert not big_scene.overview_active
    assert all(i.isVisible() for i in big_scene.edge_batches().items())
    assert big_scene.card_items()[0].opacity() == 1.0
