"""The scene as a projection: change the document, assert the items (no view needed)."""

from __future__ import annotations

import pytest
from canvas_fixtures import distinct_colours, render_scene, small_roadmap
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QSignalSpy

from roadmap_app.canvas.edges import EdgePathItem
from roadmap_app.canvas.interactions import FeedbackToast, InlineRenameItem
from roadmap_app.canvas.items import NodeCardItem, wrap_lines
from roadmap_app.canvas.scene import RoadmapScene
from roadmap_app.canvas.theme import CanvasTheme
from roadmap_app.commands import Editor
from roadmap_app.document import RoadmapDocument
from roadmap_app.model import CycleError, EdgeKind, Position, Status


@pytest.fixture
def doc(qapp) -> RoadmapDocument:
    return RoadmapDocument(small_roadmap())


@pytest.fixture
def editor(doc) -> Editor:
    return Editor(doc)


@pytest.fixture
def scene(doc, editor) -> RoadmapScene:
    return RoadmapScene(doc, CanvasTheme.light(), editor=editor)


def test_projection_builds_items_without_writing_the_model(scene, doc):
    assert {c.node_id for c in scene.card_items()} == {n.id for n in doc.roadmap.nodes}
    assert all(n.position is None for n in doc.roadmap.nodes)  # layout positions stay in the scene
    assert doc.undo_stack.count() == 0
    # Left-to-right career flow: a prerequisite sits left of what it unlocks.
    assert scene.node_rect("py").right() < scene.node_rect("ml").left()
    assert scene.node_rect("ml").right() < scene.node_rect("dev").left() < scene.node_rect("mle").left()
    bands = {b.band.title: b.band for b in scene.band_items()}
    assert {"Education", "Entry roles", "ML roles", "Continuous learning"} <= set(bands)
    assert bands["Continuous learning"].continuous
    assert bands["Continuous learning"].rect.top() >= bands["Education"].rect.bottom() - 1
    assert bands["Education"].rect.contains(scene.node_rect("py"))
    assert scene.content_rect().contains(scene.node_rect("conf"))


def test_status_change_updates_card_and_undo_restores(scene, doc, editor):
    card = scene.item_for_node("ml")
    assert card.status is Status.NOT_STARTED and card.locked and not card.ready
    editor.set_status(["py", "la"], Status.DONE)
    assert scene.item_for_node("py").status is Status.DONE
    assert card.ready and not card.locked  # both prerequisites are done now
    kit_fill = scene._kit.style(Status.DONE, False, False).fill.color()
    assert kit_fill == CanvasTheme.light().statuses[Status.DONE].fill
    doc.undo_stack.undo()
    assert doc.node("py").status is Status.NOT_STARTED
    assert scene.item_for_node("py").status is Status.NOT_STARTED
    assert card.locked and not card.ready


def test_add_and_remove_node_items_follow_undo(scene, doc, editor):
    node_id = editor.add_node("Rust", stage="ML roles", position=Position(x=3000, y=40))
    card = scene.item_for_node(node_id)
    assert card is not None and card.pos() == QPointF(3000, 40) and card.title == "Rust"
    doc.undo_stack.undo()
    assert scene.item_for_node(node_id) is None and card.scene() is None
    editor.delete_nodes(["ml"])
    scene.flush()
    assert scene.item_for_node("ml") is None
    assert not any("ml" in key[:2] for key in scene.edge_batches().drawn_keys())
    doc.undo_stack.undo()
    scene.flush()
    assert scene.item_for_node("ml") is not None
    assert ("py", "ml", "prerequisite") in scene.edge_batches().drawn_keys()


def test_new_node_without_position_lands_in_its_stage(scene, editor):
    node_id = editor.add_node("Statistics", stage="Education")
    rect = scene.node_rect(node_id)
    education = next(b.band for b in scene.band_items() if b.band.title == "Education")
    assert education.rect.contains(rect)
    others = [scene.node_rect(n) for n in ("py", "la", "ml")]
    assert not any(rect.intersects(o) for o in others)


def test_edges_are_batched_and_follow_edits(scene, doc, editor):
    batches = scene.edge_batches()
    items = [i for i in scene.items() if isinstance(i, EdgePathItem)]
    assert 0 < len(items) <= 8  # curves and arrowheads per kind, not one item per edge
    before = batches.path_for(EdgeKind.PREREQUISITE).elementCount()
    editor.connect("py", "dev")
    scene.flush()
    assert ("py", "dev", "prerequisite") in batches.drawn_keys()
    assert batches.path_for(EdgeKind.PREREQUISITE).elementCount() > before
    related = batches.path_for(EdgeKind.RELATED)
    assert not related.isEmpty() and batches.path_for(EdgeKind.RELATED, arrow=True).isEmpty()
    assert not batches.path_for(EdgeKind.PROGRESSION, arrow=True).isEmpty()
    doc.undo_stack.undo()
    scene.flush()
    assert batches.path_for(EdgeKind.PREREQUISITE).elementCount() == before


def test_move_in_model_moves_card_and_its_edges(scene, doc, editor):
    path_before = scene.edge_batches().path_for(EdgeKind.PREREQUISITE).boundingRect()
    editor.move_nodes({"dev": Position(x=2500, y=900)})
    scene.flush()
    assert scene.item_for_node("dev").pos() == QPointF(2500, 900)
    assert scene.edge_batches().path_for(EdgeKind.PREREQUISITE).boundingRect() != path_before
    doc.undo_stack.undo()
    scene.flush()
    assert scene.edge_batches().path_for(EdgeKind.PREREQUISITE).boundingRect() == path_before


def test_connect_drag_into_a_cycle_is_refused_with_feedback(scene, doc, editor):
    with pytest.raises(CycleError):
        editor.connect("dev", "py")
    messages = QSignalSpy(scene.message)
    scene.begin_connect("dev", scene.node_rect("dev").center())
    scene.update_connect(scene.node_rect("py").center())
    assert scene.item_for_node("py").connect_feedback is False  # red while hovering
    scene.finish_connect(scene.node_rect("py").center())
    assert doc.undo_stack.count() == 0
    assert messages.count() == 1 and "cycle" in messages.at(0)[0]
    assert any(isinstance(i, FeedbackToast) for i in scene.items())
    assert scene.item_for_node("py").connect_feedback is None


def test_connect_drag_applies_through_the_editor_or_the_listener(scene, doc):
    scene.begin_connect("la", scene.node_rect("la").center())
    scene.update_connect(scene.node_rect("dev").center())
    assert scene.item_for_node("dev").connect_feedback is True
    scene.finish_connect(scene.node_rect("dev").center())
    assert ("la", "dev", "prerequisite") in [e.key for e in doc.roadmap.edges]
    assert doc.undo_stack.count() == 1
    # With a listener (the window), the scene only asks.
    requests = QSignalSpy(scene.connect_requested)
    scene.connect_requested.connect(lambda s, t: None)
    scene.begin_connect("py", scene.node_rect("py").center())
    scene.finish_connect(scene.node_rect("mle").center())
    assert requests.count() == 1 and requests.at(0) == ["py", "mle"]
    assert doc.undo_stack.count() == 1


def test_selection_focus_filter_and_search(scene):
    spy = QSignalSpy(scene.selection_ids_changed)
    scene.select_nodes(["ml", "py"])
    assert scene.selected_node_ids() == ["py", "ml"]  # model order
    assert spy.count() == 1 and spy.at(0)[0] == ["py", "ml"]
    scene.set_focus({"py", "ml"})
    assert scene.item_for_node("py").opacity() == 1.0 and scene.item_for_node("dev").opacity() == 0.25
    scene.set_focus(None)
    assert scene.item_for_node("dev").opacity() == 1.0
    scene.set_filter_visible({"py", "ml"})
    assert not scene.item_for_node("dev").isVisible()
    assert scene.edge_batches().drawn_keys() == {("py", "ml", "prerequisite")}
    scene.set_filter_visible(None)
    assert scene.item_for_node("dev").isVisible()
    scene.set_search_matches({"la"})
    assert scene.item_for_node("la").search_match and not scene.item_for_node("py").search_match


def test_inline_rename_commits_one_undo_step(scene, doc):
    scene.select_nodes(["py"])
    scene.begin_rename("py")
    editors = [i for i in scene.items() if isinstance(i, InlineRenameItem)]
    assert len(editors) == 1
    editors[0].setPlainText("Python 3\nfor data")
    editors[0].keyPressEvent(
        QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier)
    )
    assert doc.node("py").title == "Python 3 for data"
    assert scene.item_for_node("py").title == "Python 3 for data"
    assert doc.undo_stack.count() == 1
    doc.undo_stack.undo()
    assert scene.item_for_node("py").title == "Python"


def test_theme_switch_and_roadmap_reset(scene, doc, editor):
    scene.set_theme(CanvasTheme.dark())
    assert scene.backgroundBrush().color() == CanvasTheme.dark().background
    editor.replace_roadmap(
        small_roadmap().model_copy(update={"nodes": small_roadmap().nodes[:2], "edges": []}),
        "Update from test",
    )
    assert {c.node_id for c in scene.card_items()} == {"py", "la"}
    doc.undo_stack.undo()
    assert len(scene.card_items()) == 6


def test_renders_offscreen_without_a_view(doc, qapp):
    scene = RoadmapScene(doc, CanvasTheme.light(), interactive=False)
    assert not scene.item_for_node("py").flags() & NodeCardItem.GraphicsItemFlag.ItemIsMovable
    image = render_scene(scene)
    assert distinct_colours(image) > 20  # bands, cards, text and edges, not a blank fill
    small = render_scene(scene, 160, 100)  # far out: cards become blocks
    assert distinct_colours(small, step=2) > 4


def test_wrap_lines_elides_the_second_line(qapp):
    from roadmap_app.canvas.kit import CardKit

    metrics = CardKit(CanvasTheme.light()).title_metrics
    lines = wrap_lines(
        "Production ML: scaling training, research and inference at very large scale", metrics, 180, 2
    )
    assert len(lines) == 2 and lines[1].endswith("…")
    assert wrap_lines("Short", metrics, 180, 2) == ("Short",)


def test_edges_into_one_card_arrive_at_separate_points(scene):
    scene.flush()
    heads = scene.edge_batches().path_for(EdgeKind.PREREQUISITE, arrow=True)
    ml_left = scene.node_rect("ml").left()
    tips = set()
    for i in range(heads.elementCount()):
        e = heads.elementAt(i)
        if e.isMoveTo() and abs(e.x - ml_left) < 0.5:
            tips.add(round(e.y, 1))
    assert len(tips) == 2  # py -> ml and la -> ml fan out instead of meeting in one point
    assert all(scene.node_rect("ml").top() < y < scene.node_rect("ml").bottom() for y in tips)


def test_edge_kinds_are_drawn_differently(scene):
    """Prerequisite: thin solid; progression: thick solid; related: dashed (and no arrowhead)."""
    scene.flush()
    lines = [i for i in scene.items() if isinstance(i, EdgePathItem) and not i.path().isEmpty()]
    styles = {(i.pen().style(), round(i.pen().widthF(), 1)) for i in lines}
    assert (Qt.PenStyle.DashLine, 1.3) in styles
    assert (Qt.PenStyle.SolidLine, 1.4) in styles and (Qt.PenStyle.SolidLine, 3.2) in styles
