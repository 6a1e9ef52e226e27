"""Light and dark themes for the widgets, and which canvas theme goes with them.

By default the app follows the system colour scheme (QStyleHints.colorScheme,
Qt 6.5+) and switches live when it changes; the user can pin light or dark.
Widgets use the Fusion style with a palette of our own so both themes are
designed (and identical on every platform), not inverted.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPainterPath, QPalette, QPen, QPixmap
from PySide6.QtWidgets import QApplication, QToolButton, QWidget


class ThemeMode(StrEnum):
    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"

    @property
    def label(self) -> str:
        return {"system": "Follow System", "light": "Light", "dark": "Dark"}[self.value]


def parse_mode(value: object) -> ThemeMode:
    try:
        return ThemeMode(str(value))
    except ValueError:
        return ThemeMode.SYSTEM


def system_prefers_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return app.styleHints().colorScheme() == Qt.ColorScheme.Dark


def is_dark(mode: ThemeMode) -> bool:
    if mode is ThemeMode.SYSTEM:
        return system_prefers_dark()
    return mode is ThemeMode.DARK


# (role, light, dark); disabled text is derived below.
_COLOURS: list[tuple[QPalette.ColorRole, str, str]] = [
    (QPalette.ColorRole.Window, "#f4f5f7", "#202328"),
    (QPalette.ColorRole.WindowText, "#1c2230", "#e3e6eb"),
    (QPalette.ColorRole.Base, "#ffffff", "#17191d"),
    (QPalette.ColorRole.AlternateBase, "#f0f2f5", "#24282e"),
    (QPalette.ColorRole.ToolTipBase, "#ffffff", "#2b3038"),
    (QPalette.ColorRole.ToolTipText, "#1c2230", "#e3e6eb"),
    (QPalette.ColorRole.PlaceholderText, "#6b7280", "#8b93a0"),
    (QPalette.ColorRole.Text, "#1c2230", "#e3e6eb"),
    (QPalette.ColorRole.Button, "#eceef2", "#2b3038"),
    (QPalette.ColorRole.ButtonText, "#1c2230", "#e3e6eb"),
    (QPalette.ColorRole.BrightText, "#b00020", "#ff8a80"),
    (QPalette.ColorRole.Light, "#ffffff", "#3a404a"),
    (QPalette.ColorRole.Midlight, "#e3e6eb", "#323840"),
    (QPalette.ColorRole.Mid, "#c5cad3", "#454c57"),
    (QPalette.ColorRole.Dark, "#9aa1ad", "#15171a"),
    (QPalette.ColorRole.Shadow, "#5c6370", "#000000"),
    (QPalette.ColorRole.Highlight, "#0b6bcb", "#2f6fb0"),  # white text on it: 5.2:1 (AA)
    (QPalette.ColorRole.HighlightedText, "#ffffff", "#ffffff"),
    (QPalette.ColorRole.Link, "#0b62b8", "#7cb8f2"),
    (QPalette.ColorRole.LinkVisited, "#6a3fb5", "#b89af0"),
]


def make_palette(dark: bool) -> QPalette:
    palette = QPalette()
    for role, light_colour, dark_colour in _COLOURS:
        palette.setColor(role, QColor(dark_colour if dark else light_colour))
    disabled = QColor("#6f7682" if dark else "#9aa0aa")
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


def overflow_icon(colour: QColor, ratio: float = 2.0) -> QIcon:
    """A » chevron pair in `colour`, for the toolbar overflow button."""
    pixmap = QPixmap(int(16 * ratio), int(16 * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    cap, join = Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin
    painter.setPen(QPen(colour, 1.8, Qt.PenStyle.SolidLine, cap, join))
    path = QPainterPath()
    for x in (3.5, 8.5):
        path.moveTo(QPointF(x, 4))
        path.lineTo(QPointF(x + 4, 8))
        path.lineTo(QPointF(x, 12))
    painter.drawPath(path)
    painter.end()
    return QIcon(pixmap)


def tint_overflow_buttons(root: QWidget) -> None:
    """Fusion draws the toolbar's » overflow arrow as a fixed dark image that all but
    vanishes on the dark theme: redraw it in the palette's button-text colour."""
    icon = overflow_icon(QApplication.palette().color(QPalette.ColorRole.ButtonText))
    for button in root.findChildren(QToolButton, "qt_toolbar_ext_button"):
        button.setIcon(icon)


class ThemeController(QObject):
    """Owns the theme mode; applies the palette and says when dark/light flips."""

    theme_changed = Signal(bool)  # dark

    def __init__(self, app: QApplication, mode: ThemeMode = ThemeMode.SYSTEM, parent: QObject | None = None):
        super().__init__(parent)
        self._app = app
        self._mode = mode
        self._dark: bool | None = None
        from roadmap_app.ui.window.contrast_style import (
            ContrastStyle,  # Fusion with full-contrast arrows and boxes
        )

        app.setStyle(ContrastStyle())
        app.styleHints().colorSchemeChanged.connect(self._system_changed)
        self._apply()

    @property
    def mode(self) -> ThemeMode:
        return self._mode

    @property
    def dark(self) -> bool:
        return bool(self._dark)

    def set_mode(self, mode: ThemeMode) -> None:
        self._mode = mode
        self._apply()

    def _system_changed(self, _scheme) -> None:
        if self._mode is ThemeMode.SYSTEM:
            self._apply()

    def _apply(self) -> None:
        dark = is_dark(self._mode)
        if dark == self._dark:
            return
        self._dark = dark
        self._app.setPalette(make_palette(dark))
        self.theme_changed.emit(dark)
