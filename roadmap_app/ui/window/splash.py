"""The start-up splash: painted before the rest of the app is imported.

Python needs about half a second to import the model, storage, planning and
the main window, and a 10,000-node plan takes seconds more to open. The splash
is the app's first frame in the meantime, and says what it is doing
("Opening plan.roadmap (11 MB)…"). It imports nothing but PySide6, on purpose:
anything imported here delays the first frame.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QRect, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from roadmap_app import APP_NAME

WIDTH, HEIGHT = 440, 150


def _pixmap(dark: bool) -> QPixmap:
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    pixmap = QPixmap(int(WIDTH * ratio), int(HEIGHT * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor("#1f2328" if dark else "#f7f7f4"))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor("#e6e6e6" if dark else "#24292f"))
    font = QFont(QApplication.font())
    font.setPointSizeF(font.pointSizeF() * 1.8)
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRect(24, 28, WIDTH - 48, 48),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, APP_NAME)
    painter.setPen(QColor("#0072b2"))  # Okabe-Ito blue, as the canvas's "in progress"
    painter.drawRect(24, 82, WIDTH - 48, 0)
    painter.end()
    return pixmap


class StartupSplash(QWidget):
    """A small frameless window with the app name and one line of progress.

    A plain widget, not QSplashScreen: that one waits up to a second for the
    window system to confirm the window is exposed, which delays the very
    frame it exists to show.
    """

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("startup_splash")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        hints = QGuiApplication.styleHints()
        dark = hasattr(hints, "colorScheme") and hints.colorScheme() == Qt.ColorScheme.Dark
        self._pixmap = _pixmap(dark)
        self._colour = QColor("#c8c8c8" if dark else "#57606a")
        self._message = ""
        self.setFixedSize(WIDTH, HEIGHT)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            self.move(screen.availableGeometry().center() - self.rect().center())
        self._closed = False
        # Any other window (a "could not open" or recovery dialog while the plan opens, or
        # the main window) takes over: a splash left above a modal dialog would hide it.
        QCoreApplication.instance().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.Type.Show and obj is not self and isinstance(obj, QWidget)
                and obj.isWindow()):
            self.finish(obj)
        return False

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.drawPixmap(0, 0, self._pixmap)
        painter.setPen(self._colour)
        painter.drawText(QRect(24, 96, WIDTH - 48, HEIGHT - 110),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, self._message)
        painter.end()

    def say(self, text: str) -> None:
        """Show one line of progress now (the event loop is not running yet)."""
        self._message = text
        self.repaint()
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)

    def finish(self, window: QWidget | None = None) -> None:
        """Close (once): when the main window or any dialog is shown."""
        if not self._closed:
            self._closed = True
            QCoreApplication.instance().removeEventFilter(self)
            self.close()


def opening_message(path: Path | None) -> str:
    if path is None:
        return "Opening your plan…"
    try:
        size = path.stat().st_size
    except OSError:
        return f"Opening {path.name}…"
    shown = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{max(1, round(size / 1e3))} kB"
    return f"Opening {path.name} ({shown})…"


def application(argv: list[str]) -> QApplication:
    """The QApplication (ui.window.startup.create_application then names it)."""
    return QApplication.instance() or QApplication(argv)


def show_splash(path: Path | None, before_show=None) -> StartupSplash:
    """Show the splash and paint it now; `before_show(splash)` may watch it first."""
    splash = StartupSplash()
    if before_show is not None:
        before_show(splash)
    splash.show()
    splash.say(opening_message(path))
    return splash
