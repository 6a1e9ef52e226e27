"""A banner floating over the canvas viewport: the filter banner at its top, the read-only
banner at its bottom. Each subclass says where it sits (`_place`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QFrame, QLabel

STYLE = """
QFrame#{name} {{ background: palette(tool-tip-base); color: palette(tool-tip-text);
                border: 1px solid palette(mid); border-radius: 6px; }}
QFrame#{name} QLabel {{ color: palette(tool-tip-text); }}
"""


class CanvasBanner(QFrame):
    def __init__(self, view: QAbstractScrollArea, name: str):
        # A child of the view, over its viewport: a child of the viewport itself would be
        # scrolled along with the canvas (QWidget.scroll moves children).
        super().__init__(view)
        self._viewport = view.viewport()
        self._style = STYLE.format(name=name)
        self.setObjectName(name)
        self.label = QLabel()
        self.label.setObjectName(f"{name}_text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)

    def _ready(self) -> None:
        """Called by the subclass once its layout is built: follow the viewport and the theme."""
        self._viewport.installEventFilter(self)
        QApplication.instance().paletteChanged.connect(self.restyle)
        self.restyle()
        self.hide()

    def _place(self) -> None:
        raise NotImplementedError

    def showEvent(self, event) -> None:
        self._place()
        super().showEvent(event)

    def restyle(self) -> None:
        """The window's colours, not the canvas viewport's (which it would inherit), and the
        style sheet set again: a style sheet resolves palette() only when it is set."""
        self.setPalette(QApplication.palette())
        self.setStyleSheet(self._style)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._place()  # hidden or not: the window may be laid out before it shows
        return False
