"""The journey at a glance in the real window: Fit shows every stage, role and milestone by name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtWidgets import QApplication

from roadmap_app.model import NodeKind
from roadmap_app.ui.window import window_fit

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")

CAP_HEIGHT = 0.72  # of the pixel size, DejaVu Sans Bold (the offscreen default) and most UI sans


def _fit(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=2000)
    window.scene.select_nodes([])
    QApplication.processEvents()
    window.view.fit_all()
    window.scene.flush()
    QApplication.processEvents()


@pytest.mark.parametrize("size", [(1600, 1000), (1280, 720)])
def test_fit_names_every_stage_role_and_milestone_legibly_inside_the_view(window, qtbot, size):
    _fit(qtbot, window, size)
    view, scene = window.view, window.scene
    lod = view.transform().m11()
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    labels = scene._labels.placed(lod)
    roadmap = window.document.roadmap
    wanted = {n.id for n in roadmap.nodes if n.kind in (NodeKind.ROLE, NodeKind.MILESTONE)}
    named = {lab.key for lab in labels if lab.landmark}
    assert wanted <= named
    stages = {lab.key for lab in labels if not lab.landmark}
    assert stages == {n.stage for n in roadmap.nodes}
    for lab in labels:
        assert lab.pixel_size * lod * CAP_HEIGHT >= 9.0, f"{lab.key}: {lab.pixel_size * lod:.1f} px"
        assert visible.contains(lab.rect), f"{lab.key} lies outside the view at {size}"
    for card in scene.card_items():
        assert visible.contains(scene.node_rect(card.node_id)), card.node_id
    status = window.statusBar()
    assert status.isVisible() and window.rect().contains(status.geometry())


def test_fit_with_a_filter_fits_the_visible_cards_only(window, qtbot):
    _fit(qtbot, window, (1600, 1000))
    whole = window.view.transform().m11()
    # One stage's cards: a corner of the map (roles are spread over every stage).
    roles = {n.id for n in window.document.roadmap.nodes if n.stage == "Leadership"}
    assert roles
    window.scene.set_filter_visible(roles)
    window.scene.flush()
    window.view.fit_all()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    rect = QRectF()
    for node_id in roles:
        rect = rect.united(window.scene.node_rect(node_id))
    assert visible.contains(rect)
    assert window.view.transform().m11() > whole * 1.2  # zoomed in on the roles, not the whole plan


@pytest.mark.parametrize("screen", [QRect(0, 0, 1280, 720), QRect(0, 0, 1366, 768), QRect(0, 0, 2560, 1440)])
def test_first_start_size_fits_the_screen(screen):
    size = window_fit.first_size(screen.adjusted(0, 0, 0, -40))  # a task bar
    assert size.width() <= screen.width() and size.height() <= screen.height() - 40
    assert size.width() >= 0.85 * min(screen.width(), 1600)


def test_a_restored_geometry_is_clamped_to_the_current_screen():
    screen = QRect(0, 0, 1280, 720)
    assert window_fit.clamped(QRect(200, 100, 2400, 1400), screen) == screen
    assert window_fit.clamped(QRect(900, 500, 800, 600), screen) == QRect(480, 120, 800, 600)
    assert window_fit.clamped(QRect(10, 10, 300, 200), screen) == QRect(10, 10, 300, 200)


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_small_screens_keep_the_status_bar_and_the_projected_date(window, qtbot, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=2000)
    QApplication.processEvents()
    assert (window.width(), window.height()) == size  # no minimum size pushes it off screen
    status = window.statusBar()
    assert status.isVisible() and window.rect().contains(status.geometry())
    assert window.view.viewport().height() >= 0.5 * size[1]


def test_the_idle_inspector_takes_at_most_a_quarter_of_the_width(window, qtbot):
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.width() == 1600, timeout=2000)
    window.resizeDocks([window.inspector_dock], [700], Qt.Orientation.Horizontal)
    QApplication.processEvents()
    window.scene.select_nodes([window.document.roadmap.nodes[0].id])
    window.scene.select_nodes([])
    QApplication.processEvents()
    assert window.inspector_dock.width() <= 0.25 * window.width() + 8


def test_the_view_menu_switches_direction_saved_in_the_file_and_undoable(window, qtbot):
    from roadmap_app.model import LayoutDirection

    doc, scene = window.document, window.scene
    assert window.actions["layout_left_to_right"].isChecked()
    before = {c.node_id: scene.node_rect(c.node_id) for c in scene.card_items()}
    window.actions["layout_top_to_bottom"].trigger()
    scene.flush()
    assert doc.roadmap.layout_direction is LayoutDirection.TOP_TO_BOTTOM
    assert window.actions["layout_top_to_bottom"].isChecked()
    assert all(n.position is None for n in doc.roadmap.nodes)  # still laid out by the canvas
    after = {c.node_id: scene.node_rect(c.node_id) for c in scene.card_items()}
    assert after != before
    stage_of = {n.id: n.stage for n in doc.roadmap.nodes}
    bands = {b.band.title: b.band.rect for b in scene.band_items()}
    for node_id, rect in after.items():
        assert bands[stage_of[node_id]].contains(rect)
    doc.undo_stack.undo()
    scene.flush()
    assert doc.roadmap.layout_direction is LayoutDirection.LEFT_TO_RIGHT
    assert window.actions["layout_left_to_right"].isChecked()
    assert {c.node_id: scene.node_rect(c.node_id) for c in scene.card_items()} == before


def test_switching_direction_relays_placed_cards_in_one_undo_step(qapp):
    from roadmap_app.commands import Editor
    from roadmap_app.document import RoadmapDocument
    from roadmap_app.graph.layout import layout
    from roadmap_app.model import LayoutDirection
    from roadmap_app.templates import load_template

    roadmap = load_template("swe-to-mle")
    doc = RoadmapDocument(roadmap)
    editor = Editor(doc)
    editor.auto_layout()  # every card placed by hand, as after a drag of all
    placed = {n.id: n.position for n in doc.roadmap.nodes}
    editor.set_layout_direction(LayoutDirection.TOP_TO_BOTTOM)
    assert doc.roadmap.layout_direction is LayoutDirection.TOP_TO_BOTTOM
    turned = layout(doc.roadmap, respect_positions=False)
    assert {n.id: (n.position.x, n.position.y) for n in doc.roadmap.nodes} == turned
    doc.undo_stack.undo()
    assert doc.roadmap.layout_direction is LayoutDirection.LEFT_TO_RIGHT
    assert {n.id: n.position for n in doc.roadmap.nodes} == placed


def test_export_dialog_offers_paper_and_poster_for_pdf_and_the_overview_preset_for_images(qtbot):
    from roadmap_app.ui.dialogs.export_dialog import ExportContext, ExportOptionsDialog

    pdf = ExportOptionsDialog(None, ExportContext(fmt="pdf", dark=False))
    qtbot.addWidget(pdf)
    assert not pdf.overview.isVisibleTo(pdf) and pdf.paper.isVisibleTo(pdf)
    pdf.paper.setCurrentIndex(pdf.paper.findData("letter"))
    pdf.pdf_pages.setCurrentIndex(pdf.pdf_pages.findData("tiles"))
    options = pdf.options()
    assert (options.paper, options.pdf_pages, options.preset) == ("letter", "tiles", "")
    again = ExportOptionsDialog(None, ExportContext(fmt="pdf", dark=False))
    qtbot.addWidget(again)
    again.load(options)
    assert again.options().pdf_pages == "tiles"
    png = ExportOptionsDialog(None, ExportContext(fmt="png", dark=False))
    qtbot.addWidget(png)
    assert png.overview.isVisibleTo(png) and not png.paper.isVisibleTo(png)
    png.overview.setChecked(True)
    assert png.options().preset == "overview"


def test_add_node_lands_in_free_space_beside_the_selection_or_near_the_centre(window, qtbot):
    scene = window.scene
    first = window.document.roadmap.nodes[0].id
    for selected in ([first], []):
        scene.select_nodes(selected)
        new_id = window.edits.add_node()
        scene.flush()
        rect = scene.node_rect(new_id)
        for card in scene.card_items():
            if card.node_id != new_id:
                other = scene.node_rect(card.node_id)
                assert not rect.adjusted(-19, -19, 19, 19).intersects(other), card.node_id
        if selected:
            anchor = scene.node_rect(first)
            assert abs(rect.center().y() - anchor.center().y()) < 600
            assert abs(rect.center().x() - anchor.center().x()) < 1200
        window.edits.w.inspector.setFocus()
        QApplication.processEvents()


def test_a_window_bigger_than_the_screen_is_clamped_into_it(window, qtbot):
    screen = window.screen().availableGeometry()
    window.resize(screen.width() + 900, screen.height() + 700)
    window.move(screen.right() - 100, screen.bottom() - 100)
    QApplication.processEvents()
    window_fit.clamp_to_screen(window)
    QApplication.processEvents()
    assert screen.contains(window.frameGeometry())
    assert window.statusBar().isVisible()
