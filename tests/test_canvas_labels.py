"""Map labels: stage names and landmark names legible at every zoom, whole, and not on top of each other."""

from __future__ import annotations

import pytest
from canvas_fixtures import small_roadmap
from PySide6.QtCore import QRectF

from roadmap_app.canvas.labels import LANDMARK_SCREEN_PX, STAGE_SCREEN_PX
from roadmap_app.canvas.lod import FULL_FROM
from roadmap_app.canvas.scene import RoadmapScene
from roadmap_app.canvas.theme import CanvasTheme
from roadmap_app.document import RoadmapDocument
from roadmap_app.model import NodeKind, Status
from roadmap_app.templates import load_template


@pytest.fixture
def built_in(qapp) -> RoadmapScene:
    doc = RoadmapDocument(load_template("ml-architect"))
    return RoadmapScene(doc, CanvasTheme.light(), interactive=False)


@pytest.mark.parametrize("lod", [0.12, 0.15, 0.3, 0.45, 1.0])  # Fit at 1280x720 is ~0.16
def test_every_stage_is_named_whole_and_legible(built_in, lod):
    labels = built_in._labels.placed(lod)
    stages = [lab for lab in labels if not lab.landmark]
    assert [lab.key for lab in stages] == [b.band.title for b in built_in.band_items()]
    for lab in stages:
        assert lab.lines == (lab.key,)  # never elided to "Post…"
        assert lab.screen_px >= STAGE_SCREEN_PX - 1e-6
    rects = [lab.rect for lab in stages]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b), "stage labels run into each other"


@pytest.mark.parametrize("lod", [0.1, 0.2, 0.4])
def test_zoomed_out_roles_and_milestones_are_named_at_reading_size(built_in, lod):
    roadmap = built_in.document.roadmap
    wanted = {n.id for n in roadmap.nodes if n.kind in (NodeKind.ROLE, NodeKind.MILESTONE)}
    wanted.add(roadmap.plan.goal)
    landmarks = {lab.key: lab for lab in built_in._labels.placed(lod) if lab.landmark}
    assert set(landmarks) == wanted
    bounds = built_in.content_rect()
    for lab in landmarks.values():
        assert lab.screen_px >= LANDMARK_SCREEN_PX
        assert bounds.contains(lab.rect)


def test_landmarks_leave_it_to_the_cards_when_they_show_their_own_titles(built_in):
    assert not [lab for lab in built_in._labels.placed(FULL_FROM) if lab.landmark]


def test_middle_zoom_titles_only_the_route(qapp):
    roadmap = small_roadmap()
    roadmap.plan.goal = "dev"  # conf and mle lie beyond it
    doc = RoadmapDocument(roadmap)
    scene = RoadmapScene(doc, CanvasTheme.light(), interactive=False)
    scene.flush()
    on = {c.node_id for c in scene.card_items() if c.on_route}
    assert on == {"py", "la", "ml", "dev"}
    doc.roadmap.plan.goal = None
    scene._on_plan_changed()
    scene.flush()
    assert all(c.on_route for c in scene.card_items())
    from roadmap_app.commands import Editor

    Editor(doc).set_status(["la"], Status.SKIPPED)
    scene.flush()
    assert not scene.item_for_node("la").on_route


def test_labels_follow_a_moved_band(built_in):
    before = {lab.key: QRectF(lab.rect) for lab in built_in._labels.placed(0.2)}
    built_in._labels.invalidate()
    assert {lab.key: lab.rect for lab in built_in._labels.placed(0.2)} == before


@pytest.mark.parametrize("lod", [0.16, 0.25, 0.4])
def test_landmark_labels_do_not_cover_each_other(built_in, lod):
    rects = [lab.rect for lab in built_in._labels.placed(lod) if lab.landmark]
    for i, a in enumerate(rects):
        for b in rects[i + 1 :]:
            assert not a.intersects(b)


def test_no_drawn_edge_of_the_built_in_roadmap_passes_through_another_card(built_in):
    from roadmap_app.graph.routing import CardIndex, crosses

    batches = built_in.edge_batches()
    rects = {c.node_id: built_in._rect_tuple(c) for c in built_in.card_items()}
    index = CardIndex(rects)
    drawn = batches._geometry_of
    assert len(drawn) == len(built_in.document.roadmap.edges)
    through = [key for key, (pieces, _arrow) in drawn.items()
               if crosses([p for _tile, p in pieces], index, key[:2], samples=48)]
    assert through == []


def test_zoomed_out_related_edges_recede_and_come_back(qapp, qtbot):
    from roadmap_app.canvas.edges import QUIET_OPACITY
    from roadmap_app.canvas.view import RoadmapView
    from roadmap_app.model import EdgeKind

    scene = RoadmapScene(RoadmapDocument(small_roadmap()), CanvasTheme.light())
    view = RoadmapView(scene)
    qtbot.addWidget(view)
    view.set_zoom(0.3)
    scene.flush()
    related = [item for key, item in scene.edge_batches()._items.items() if key[1] is EdgeKind.RELATED]
    others = [item for key, item in scene.edge_batches()._items.items() if key[1] is not EdgeKind.RELATED]
    assert related and others
    assert all(item.opacity() == QUIET_OPACITY for item in related)
    assert all(item.opacity() == 1.0 for item in others)
    view.set_zoom(1.0)
    assert all(item.opacity() == 1.0 for item in related)
