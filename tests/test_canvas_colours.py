"""Node colours, edge colours and edge labels on the canvas (and so in image exports)."""

from __future__ import annotations

import pytest
from canvas_fixtures import render_scene, small_roadmap
from PySide6.QtGui import QColor

from roadmap_app.canvas.items import COLOUR_STRIP_H
from roadmap_app.canvas.scene import RoadmapScene
from roadmap_app.canvas.theme import CanvasTheme
from roadmap_app.document import RoadmapDocument
from roadmap_app.model import Edge, EdgeKind

RED, PURPLE, GREEN = "#fb464c", "#a882ff", "#12b34a"


@pytest.fixture
def doc(qapp) -> RoadmapDocument:
    roadmap = small_roadmap()
    roadmap.node("py").color = GREEN
    roadmap.edges[0] = Edge(source="py", target="ml", label="needs", color=RED)
    roadmap.edges[4] = Edge(source="conf", target="mle", kind=EdgeKind.RELATED, label="see also")
    return RoadmapDocument(roadmap)


@pytest.fixture
def scene(doc) -> RoadmapScene:
    scene = RoadmapScene(doc, CanvasTheme.light(), interactive=False)
    scene.flush()
    return scene


def _labels(scene) -> set[str]:
    return {item.text for item in scene.edge_marks().label_items() if item.isVisible()}


def test_labels_and_colours_are_drawn_for_the_edges_that_have_them(scene):
    assert _labels(scene) == {"needs", "see also"}
    coloured = scene.edge_marks().coloured_items()
    assert {item.pen().color().name() for item in coloured if not item.path().isEmpty()} >= {RED}
    curve = next(i for i in coloured if i.pen().color().name() == RED)
    ml = scene.node_rect("ml")
    assert abs(curve.path().currentPosition().x() - ml.left()) < 12  # it ends at its target
    assert scene.item_for_node("py").colour == QColor(GREEN)
    assert scene.item_for_node("la").colour is None


def test_label_sits_on_its_edge_between_the_cards(scene):
    label = next(i for i in scene.edge_marks().label_items() if i.text == "needs")
    py, ml = scene.node_rect("py"), scene.node_rect("ml")
    assert py.right() <= label.pos().x() <= ml.left()
    assert scene.content_rect().contains(label.sceneBoundingRect())


def test_marks_follow_edge_edits_and_resets(scene, doc):
    doc.insert_edge(Edge(source="la", target="dev", label="later", color=PURPLE))
    scene.flush()
    assert _labels(scene) == {"needs", "see also", "later"}
    doc.remove_edge(("py", "ml", "prerequisite"))
    scene.flush()
    assert _labels(scene) == {"see also", "later"}
    assert RED not in {i.pen().color().name() for i in scene.edge_marks().coloured_items()}
    doc.replace_roadmap(small_roadmap())  # no labels or colours left
    scene.flush()
    assert _labels(scene) == set() and scene.edge_marks().coloured_items() == []
    assert all(card.colour is None for card in scene.card_items())


def test_marks_hide_with_filtered_cards(scene):
    scene.set_filter_visible({"py", "ml"})
    assert _labels(scene) == {"needs"}
    scene.set_filter_visible(None)
    assert _labels(scene) == {"needs", "see also"}


@pytest.mark.parametrize("theme", [CanvasTheme.light(), CanvasTheme.dark()])
def test_colour_strip_and_coloured_edge_appear_in_the_render(doc, qapp, theme):
    scene = RoadmapScene(doc, theme, interactive=False)
    rect = scene.content_rect()
    image = render_scene(scene, int(rect.width()), int(rect.height()), source=rect)
    card = scene.node_rect("py").translated(-rect.left(), -rect.top())
    strip_y = int(card.bottom() - COLOUR_STRIP_H / 2)
    assert QColor(image.pixel(int(card.center().x()), strip_y)).name() == GREEN
    reds = sum(1 for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
               if QColor(image.pixel(x, y)).name() == RED)
    assert reds > 5


def test_label_and_colour_follow_a_dragged_card_without_new_items(scene):
    label = next(i for i in scene.edge_marks().label_items() if i.text == "needs")
    curve = next(i for i in scene.edge_marks().coloured_items() if i.pen().color().name() == RED)
    before = label.pos()
    card = scene.item_for_node("ml")
    card.setPos(card.pos().x() + 200, card.pos().y() + 100)
    scene.card_moved("ml")
    scene.flush()
    assert label in scene.edge_marks().label_items()  # reshaped, not remade
    assert label.pos().x() > before.x() + 50 and label.pos().y() > before.y() + 20
    assert abs(curve.path().currentPosition().x() - scene.node_rect("ml").left()) < 12
