"""The window at laptop sizes: every toolbar action on screen, a readable » overflow,
and the mini-map kept small over the canvas."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QToolButton

from roadmap_app.canvas.minimap import MAX_HEIGHT_SHARE, MAX_WIDTH_SHARE
from roadmap_app.ui.window.theme import ThemeMode

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")


def _settle(qtbot, window, size):
    window.resize(*size)
    qtbot.waitUntil(lambda: window.width() == size[0], timeout=2000)
    QApplication.processEvents()


@pytest.mark.parametrize("size", [(1280, 800), (1440, 900), (1024, 700)])
def test_every_toolbar_action_is_on_screen_not_in_the_overflow(window, qtbot, size):
    _settle(qtbot, window, size)
    for bar in (window.toolbar, window.planning.pace_toolbar):
        for action in bar.actions():
            widget = bar.widgetForAction(action)
            if widget is None or action.isSeparator():
                continue
            name = action.objectName() or type(widget).__name__
            assert widget.isVisible(), f"{name} at {size}"
            assert bar.rect().contains(widget.geometry()), f"{name} at {size}"
        extension = bar.findChild(QToolButton, "qt_toolbar_ext_button")
        assert extension is None or not extension.isVisible(), size


def test_the_pace_bar_shares_the_row_when_there_is_room(window, qtbot):
    pace = window.planning.pace_toolbar
    _settle(qtbot, window, (1920, 1000))
    assert not window.toolBarBreak(pace)
    _settle(qtbot, window, (1280, 800))
    assert window.toolBarBreak(pace)


def test_overflow_arrow_follows_the_theme(window, qtbot):
    window.resize(640, 600)  # narrow enough for the overflow
    QApplication.processEvents()
    for mode, dark in ((ThemeMode.DARK, True), (ThemeMode.LIGHT, False)):
        window.theme.set_mode(mode)
        image = window.toolbar.findChild(QToolButton, "qt_toolbar_ext_button").icon().pixmap(16, 16).toImage()
        ink = [QColor(image.pixel(x, y)) for x in range(image.width()) for y in range(image.height())
               if QColor.fromRgba(image.pixel(x, y)).alpha() > 200]
        assert ink, mode
        window_bg = QApplication.palette().color(QPalette.ColorRole.Window)
        contrast = abs(max(c.lightness() for c in ink) - window_bg.lightness()) if dark else abs(
            min(c.lightness() for c in ink) - window_bg.lightness())
        assert contrast > 100, mode


@pytest.mark.parametrize("size", [(1280, 800), (1440, 900)])
def test_minimap_stays_small_over_the_canvas(window, qtbot, size):
    _settle(qtbot, window, size)
    area = window.view.viewport().geometry()
    mini = window.minimap.geometry()
    assert window.minimap.isVisible()
    assert mini.width() <= area.width() * MAX_WIDTH_SHARE + 1
    assert mini.height() <= area.height() * MAX_HEIGHT_SHARE + 1
    assert area.contains(mini)
