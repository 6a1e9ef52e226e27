"""Keyboard flow: Tab reaches everything without traps, search Enter hands the keyboard
to the canvas, Next Steps is one Tab stop, Esc cancels naming a new node, and a filter
explains itself with a banner; jumps reveal what the filter hides."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from roadmap_app.model import Status

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")

TARGET = "edu-ml-data-mining"


def _tab_walk(qtbot, start, presses: int) -> list:
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [QApplication.focusWidget()]
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_reaches_the_whole_inspector_and_panels_without_a_short_cycle(window, qtbot):
    window.activateWindow()
    window.edits.jump_to(TARGET)
    inspector = window.inspector
    inspector.resources.table.selectRow(0)
    seen = _tab_walk(qtbot, inspector.title, 80)
    first_return = next((i for i, w in enumerate(seen[1:], 1) if w is seen[0]), len(seen))
    loop = seen[:first_return]
    names = {w.objectName() for w in loop if w is not None}
    for expected in ("inspector_notes", "resource_table", "resource_add", "resource_edit",
                     "resource_open", "inspector_prerequisites", "inspector_unlocks",
                     "next_steps_list", "canvas_view", "search_field"):
        assert expected in names, (expected, [w.objectName() for w in loop])
    # the shortest cycle is the whole window: no widget comes back before the start does
    assert len({id(w) for w in loop}) == len(loop)


def test_next_steps_is_one_tab_stop_and_space_starts_the_current_row(window, qtbot):
    panel = window.next_steps
    assert panel.ids()
    assert all(panel.start_button(i).focusPolicy() == Qt.FocusPolicy.NoFocus for i in panel.ids())
    window.activateWindow()
    panel.tree.setFocus()
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    first = panel.ids()[0]
    qtbot.keyClick(panel.tree, Qt.Key.Key_Space)
    assert window.document.node(first).status is Status.IN_PROGRESS


def test_search_enter_puts_the_canvas_on_the_node_and_p_sets_its_status(window, qtbot):
    window.activateWindow()
    title = window.document.node(TARGET).title
    window.actions["find"].trigger()
    qtbot.keyClicks(window.search.field, title)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.selected_ids() == [TARGET]
    assert window.view.hasFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert window.document.node(TARGET).status is Status.IN_PROGRESS
    assert window.search.field.text() == title  # nothing typed into the field


def test_esc_while_naming_a_new_node_undoes_the_add(window, qtbot):
    window.activateWindow()
    before = len(window.document.roadmap.nodes)
    node_id = window.edits.add_node()
    assert node_id and len(window.document.roadmap.nodes) == before + 1
    focus = window.view.scene().focusItem()
    assert focus is not None
    qtbot.keyClick(window.view, Qt.Key.Key_Escape)
    assert len(window.document.roadmap.nodes) == before
    assert not window.document.has_node(node_id)


def test_a_filter_shows_a_banner_and_a_jump_reveals_a_hidden_node(window, qtbot):
    menu = window.filter_menu
    total = len(window.document.roadmap.nodes)
    assert not window.filter_banner.isVisible()
    menu.status_actions[Status.NOT_STARTED.value].setChecked(False)
    shown = len(menu.visible_ids())
    assert window.filter_banner.isVisible()
    assert window.filter_banner.text() == f"Filtered: {shown} of {total} shown · Show all"
    hidden = next(n.id for n in window.document.roadmap.nodes if n.status is Status.NOT_STARTED)
    window.edits.jump_to(hidden)  # what search and Next Steps do
    assert hidden in menu.visible_ids()
    assert window.view.scene()._cards[hidden].isVisible()
    assert window.filter_banner.text().startswith(f"Filtered: {shown + 1} of {total}")
    assert "filter hides" in window.status.currentMessage()
    window.view.centerOn(window.view.scene().itemsBoundingRect().bottomRight())  # panning...
    assert window.view.viewport().geometry().contains(window.filter_banner.geometry())  # ...leaves it
    window.filter_banner.button.click()
    assert not window.filter_banner.isVisible() and menu.visible_ids() is None


def test_file_dialogs_start_in_documents_then_in_the_last_folder_used(window, monkeypatch, tmp_path):
    from roadmap_app.storage import paths
    from roadmap_app.ui.controllers import file_controller

    starts = []
    chosen = tmp_path / "elsewhere" / "plan.roadmap"
    chosen.parent.mkdir()

    def fake(parent, caption, start, filters, selected=""):
        starts.append(Path(start))
        return "", ""

    monkeypatch.setattr(file_controller.QFileDialog, "getOpenFileName", staticmethod(fake))
    window.files.open_dialog()
    assert starts[-1] == paths.documents_dir() != paths.data_dir()
    window.settings.remember_folder(chosen)
    window.files.open_dialog()
    assert starts[-1] == chosen.parent


def test_the_filter_banner_reads_well_in_both_themes(window, qtbot):
    from test_ui_contrast import best_contrast

    from roadmap_app.ui.window.theme import ThemeMode

    window.filter_menu.status_actions[Status.NOT_STARTED.value].setChecked(False)
    banner = window.filter_banner
    for mode in (ThemeMode.LIGHT, ThemeMode.DARK, ThemeMode.LIGHT):
        window.theme.set_mode(mode)
        qtbot.wait(20)
        image = window.view.grab(banner.geometry()).toImage()  # as drawn over the canvas
        background = image.pixelColor(4, banner.height() // 2)
        assert background.lightness() > 128 if mode is ThemeMode.LIGHT else background.lightness() < 128
        assert best_contrast(image, banner.label.geometry(), background) >= 4.5, mode
