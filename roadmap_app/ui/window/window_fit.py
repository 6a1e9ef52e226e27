"""A window that fits the screen it opens on.

The first start takes its size from the screen's available geometry (what
the task bar and panels leave), not a fixed size that can be bigger than a
1280x720 laptop; a restored size is clamped into the current screen, so a
layout saved on a big monitor still opens whole on a small one. Dock sizes
follow the window: the empty Inspector takes at most INSPECTOR_IDLE_SHARE of
the width, and Next Steps at most NEXT_STEPS_SHARE of the height.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow

FIRST_SHARE = 0.9  # of the available screen a first start takes
FIRST_MAX = QSize(1600, 1000)  # bigger than this, the canvas gains little and the eye travels far
INSPECTOR_WIDTH = 380  # with a node selected
INSPECTOR_IDLE_SHARE = 0.25  # of the window width, with nothing selected
NEXT_STEPS_HEIGHT = 210
NEXT_STEPS_SHARE = 0.24  # of the window height


def first_size(available: QRect) -> QSize:
    """The first-start window size on a screen whose free area is `available`."""
    width = min(FIRST_MAX.width(), int(available.width() * FIRST_SHARE))
    height = min(FIRST_MAX.height(), int(available.height() * FIRST_SHARE))
    return QSize(max(640, min(width, available.width())), max(480, min(height, available.height())))


def clamped(geometry: QRect, available: QRect) -> QRect:
    """`geometry` made to fit inside `available`: shrunk if bigger, then moved in."""
    width = min(geometry.width(), available.width())
    height = min(geometry.height(), available.height())
    x = min(max(geometry.x(), available.left()), available.right() + 1 - width)
    y = min(max(geometry.y(), available.top()), available.bottom() + 1 - height)
    return QRect(x, y, width, height)


def available_geometry(window: QMainWindow) -> QRect | None:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return None if screen is None else screen.availableGeometry()


def size_for_first_start(window: QMainWindow) -> None:
    available = available_geometry(window)
    if available is None:
        return
    size = first_size(available)
    window.resize(size)
    frame = QRect(available.topLeft(), size)
    frame.moveCenter(available.center())
    window.move(frame.topLeft())


def clamp_to_screen(window: QMainWindow) -> None:
    """After a restore: keep the window (frame included) on the current screen."""
    available = available_geometry(window)
    if available is None or window.isMaximized() or window.isFullScreen():
        return
    frame = window.frameGeometry()
    extra = QSize(frame.width() - window.width(), frame.height() - window.height())
    inner = clamped(frame, available)
    if inner != frame:
        window.resize(inner.width() - extra.width(), inner.height() - extra.height())
        window.move(inner.topLeft())


def inspector_width(window_width: int, selected: bool) -> int:
    """The Inspector's width: its reading width with a node, at most a quarter without."""
    idle = int(window_width * INSPECTOR_IDLE_SHARE)
    return min(INSPECTOR_WIDTH, idle) if not selected else min(INSPECTOR_WIDTH, int(window_width * 0.32))


def size_docks(window: QMainWindow, inspector: QDockWidget, next_steps: QDockWidget, selected: bool) -> None:
    window.resizeDocks([inspector], [inspector_width(window.width(), selected)], Qt.Orientation.Horizontal)
    height = min(NEXT_STEPS_HEIGHT, int(window.height() * NEXT_STEPS_SHARE))
    window.resizeDocks([next_steps], [height], Qt.Orientation.Vertical)


def relax_idle_inspector(window: QMainWindow, inspector: QDockWidget) -> None:
    """Nothing selected: give the canvas back what the Inspector takes beyond its idle share."""
    limit = int(window.width() * INSPECTOR_IDLE_SHARE)
    if inspector.isVisible() and not inspector.isFloating() and inspector.width() > limit:
        window.resizeDocks([inspector], [limit], Qt.Orientation.Horizontal)
