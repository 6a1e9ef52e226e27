"""Guards for start-up work that must not be repeated for nothing on a big plan."""

from __future__ import annotations

from roadmap_app.canvas.scene import RoadmapScene
from roadmap_app.document import RoadmapDocument
from roadmap_app.graph.synthetic import synthetic_roadmap


def test_an_unchanged_filter_does_not_reroute_the_edges(qapp, monkeypatch):
    scene = RoadmapScene(RoadmapDocument(synthetic_roadmap(60, seed=1)), interactive=False)
    calls = []
    monkeypatch.setattr(scene._edges, "mark_all_dirty", lambda: calls.append(1))
    scene.set_filter_visible(None)  # what installing a plan with no filter does
    assert calls == []
    some = {n.id for n in scene.document.roadmap.nodes[:10]}
    scene.set_filter_visible(some)
    scene.set_filter_visible(set(some))
    assert calls == [1]  # a real change re-routes, once
    scene.deleteLater()


def test_cards_are_cached_on_screen_but_exported_as_shapes(qapp, tmp_path):
    import xml.etree.ElementTree as ET

    from PySide6.QtWidgets import QGraphicsItem

    from roadmap_app.render.export import export_image

    roadmap = synthetic_roadmap(30, seed=2)
    scene = RoadmapScene(RoadmapDocument(roadmap))  # the window's kind of scene
    cached = QGraphicsItem.CacheMode.DeviceCoordinateCache
    assert all(c.cacheMode() == cached for c in scene.card_items())
    out = tmp_path / "view.svg"
    export_image(roadmap, out, scene=scene)  # the GUI may export its own scene
    tags = {el.tag.rsplit("}", 1)[-1] for el in ET.parse(out).getroot().iter()}
    assert "image" not in tags  # vector cards, not pictures of them
    assert all(c.cacheMode() == cached for c in scene.card_items())  # restored for the canvas
    scene.deleteLater()
