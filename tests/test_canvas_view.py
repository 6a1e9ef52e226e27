"""The view: dragging, zoom and level of detail, fitting, keyboard walking, mini-map."""

from __future__ import annotations

import pytest
from canvas_fixtures import distinct_colours, small_roadmap
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from roadmap_app.canvas.lod import OVERVIEW_BELOW
from roadmap_app.canvas.minimap import MiniMapView
from roadmap_app.canvas.scene import RoadmapScene
from roadmap_app.canvas.theme import CanvasTheme
from roadmap_app.canvas.view import RoadmapView
from roadmap_app.commands import Editor
from roadmap_app.document import RoadmapDocument
from roadmap_app.model import EdgeKind, Status


@pytest.fixture
def setup(qtbot):
    doc = RoadmapDocument(small_roadmap())
    editor = Editor(doc)
    scene = RoadmapScene(doc, CanvasTheme.light(), editor=editor)
    view = RoadmapView(scene)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitExposed(view)
    view.set_zoom(1.0)
    return doc, editor, scene, view


def view_point(view, scene_point: QPointF) -> QPoint:
    return view.mapFromScene(scene_point)


def test_dragging_three_cards_is_one_undo_step(setup):
    doc, _editor, scene, view = setup
    ids = ["py", "la", "ml"]
    scene.select_nodes(ids)
    view.centerOn(scene.node_rect("py").center())
    before = {i: scene.item_for_node(i).pos() for i in ids}
    start = view_point(view, scene.node_rect("py").center())
    vp = view.viewport()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    edges_before = scene.edge_batches().path_for(EdgeKind.PREREQUISITE).boundingRect()
    for step in range(1, 6):
        QTest.mouseMove(vp, start + QPoint(10 * step, 6 * step))
    scene.flush()
    assert scene.edge_batches().path_for(EdgeKind.PREREQUISITE).boundingRect() != edges_before
    assert doc.undo_stack.count() == 0  # nothing is written while dragging
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start + QPoint(50, 30))
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Move 3 nodes"
    for i in ids:
        pos = doc.node(i).position
        assert pos is not None and (pos.x, pos.y) == pytest.approx((before[i].x() + 50, before[i].y() + 30))
    doc.undo_stack.undo()
    assert all(doc.node(i).position is None for i in ids)
    assert all(scene.item_for_node(i).pos() == before[i] for i in ids)  # the cards went back too


def test_zoom_switches_level_of_detail(setup):
    _doc, _editor, scene, view = setup
    assert not scene.overview_active
    view.set_zoom(OVERVIEW_BELOW * 0.5)
    assert scene.overview_active and scene.overview_item().isVisible()
    assert scene.item_for_node("py").isSelected() is False
    view.scale(4.0, 4.0)  # plain QGraphicsView.scale keeps the switch in step too
    assert not scene.overview_active
    view.set_zoom(100.0)
    assert view.zoom() == pytest.approx(3.0)  # zoom limit


def test_wheel_zooms_around_the_cursor(setup):
    _doc, _editor, scene, view = setup
    target = scene.node_rect("ml").center()
    pos = view_point(view, target)
    event = QWheelEvent(
        QPointF(pos),
        QPointF(view.viewport().mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)
    assert view.zoom() > 1.1
    after = view.mapToScene(pos)
    assert abs(after.x() - target.x()) < 3 and abs(after.y() - target.y()) < 3


def test_fit_and_zoom_to_selection_and_center(setup):
    _doc, _editor, scene, view = setup
    view.fit_all()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.content_rect().adjusted(10, 10, -10, -10))
    scene.select_nodes(["dev"])
    view.zoom_to_selection()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    assert visible.contains(scene.node_rect("dev")) and view.zoom() >= 1.0
    view.set_zoom(0.2)
    view.center_on_node("conf")
    assert view.zoom() == pytest.approx(1.0)
    centre = view.mapToScene(view.viewport().rect().center())
    assert (centre - scene.node_rect("conf").center()).manhattanLength() < 40


def test_arrow_keys_walk_the_graph(setup):
    _doc, _editor, scene, view = setup
    view.setFocus()
    scene.select_nodes(["py"])
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert scene.selected_node_ids() == ["ml"]
    QTest.keyClick(view, Qt.Key.Key_Right)
    assert scene.selected_node_ids() == ["dev"]
    QTest.keyClick(view, Qt.Key.Key_Left)
    assert scene.selected_node_ids() == ["ml"]
    scene.select_nodes(["py"])
    same_column = view.neighbour(Qt.Key.Key_Down) or view.neighbour(Qt.Key.Key_Up)
    assert same_column == "la"  # the other first-column card
    assert abs(scene.node_rect(same_column).left() - scene.node_rect("py").left()) < 1


def test_right_prefers_an_open_successor(setup):
    _doc, editor, scene, view = setup
    editor.connect("py", "conf")  # conf (bottom band) is below ml
    editor.set_status(["py"], Status.DONE)
    assert scene.is_locked("ml") and scene.is_ready("conf")  # ml still waits for linear algebra
    scene.select_nodes(["py"])
    assert view.neighbour(Qt.Key.Key_Right) == "conf"
    editor.set_status(["la"], Status.DONE)
    assert view.neighbour(Qt.Key.Key_Right) == "ml"  # both open now: the upper one first


def test_pan_on_empty_canvas_and_click_clears_selection(setup):
    _doc, _editor, scene, view = setup
    scene.select_nodes(["py"])
    empty = view_point(view, scene.node_rect("mle").bottomRight() + QPointF(150, 150))
    vp = view.viewport()
    h0, v0 = view.horizontalScrollBar().value(), view.verticalScrollBar().value()
    QTest.mousePress(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty)
    QTest.mouseMove(vp, empty - QPoint(60, 40))
    QTest.mouseRelease(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty - QPoint(60, 40))
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) != (h0, v0)
    assert scene.selected_node_ids() == ["py"]  # a pan keeps the selection
    QTest.mouseClick(vp, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty)
    assert scene.selected_node_ids() == []


def test_view_paints_and_minimap_navigates(setup, qtbot):
    _doc, _editor, scene, view = setup
    view.fit_all()
    image = view.viewport().grab().toImage()
    assert distinct_colours(image) > 10
    minimap = MiniMapView(view)
    qtbot.addWidget(minimap)
    minimap.resize(240, 150)
    minimap.show()
    qtbot.waitExposed(minimap)
    view.set_zoom(1.0)
    view.centerOn(scene.node_rect("py").center())
    QTest.mouseClick(minimap, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(220, 75))
    centre = view.mapToScene(view.viewport().rect().center())
    assert centre.x() > scene.node_rect("dev").left()  # moved towards the right end
    assert distinct_colours(minimap.grab().toImage(), step=3) > 3


def test_center_on_node_can_glide(setup, qtbot):
    _doc, _editor, scene, view = setup
    view.centerOn(scene.node_rect("py").center())
    view.center_on_node("mle", animate=True)
    target = scene.node_rect("mle").center()

    def arrived():
        centre = view.mapToScene(view.viewport().rect().center())
        assert (centre - target).manhattanLength() < 40

    qtbot.waitUntil(arrived, timeout=2000)


def test_tooltip_shows_the_full_title_as_plain_text(setup, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    doc, editor, scene, view = setup
    editor.update_node("py", title="<b>Python</b> for data science, statistics and machine learning at scale")
    pos = view_point(view, scene.node_rect("py").center())
    event = QHelpEvent(QEvent.Type.ToolTip, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible, timeout=1000)
    text = QToolTip.text()
    assert "&lt;b&gt;Python&lt;/b&gt; for data science, statistics and machine learning at scale" in text
    assert doc.node("py").title.startswith("<b>")


def test_double_click_on_empty_canvas_adds_a_node(setup):
    doc, _editor, scene, view = setup
    spot = scene.node_rect("mle").bottomRight() + QPointF(150, 150)
    empty = view_point(view, spot)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty)
    assert len(doc.roadmap.nodes) == 7 and doc.undo_stack.undoText() == "Add node"
    new = doc.roadmap.nodes[-1]
    assert (scene.node_rect(new.id).center() - spot).manhattanLength() < 4  # centred on the click
    assert scene.selected_node_ids() == [new.id]
    # With a listener (the window) the scene only asks, with the new card's top-left corner.
    asked = []
    scene.add_requested.connect(asked.append)
    empty = view_point(view, spot + QPointF(0, 300))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, empty)
    assert len(asked) == 1 and len(doc.roadmap.nodes) == 7
