"""The bar over the canvas that says a filter hides nodes: "Filtered: n of N shown · Show all".

Without it, unticking a status could blank the canvas with no explanation. It floats at
the top of the canvas's viewport (like the minimap in its corner), so the canvas layout
is unchanged, and it is a normal widget: Tab reaches its Show all button.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
)

STYLE = """
QFrame#filter_banner { background: palette(tool-tip-base); color: palette(tool-tip-text);
                       border: 1px solid palette(mid); border-radius: 6px; }
QFrame#filter_banner QLabel { color: palette(tool-tip-text); }
"""


def banner_text(shown: int, total: int) -> str:
    return f"Filtered: {shown} of {total} shown"


class FilterBanner(QFrame):
    show_all_requested = Signal()

    def __init__(self, view: QAbstractScrollArea):
        # A child of the view, over its viewport: a child of the viewport itself would be
        # scrolled along with the canvas (QWidget.scroll moves children).
        super().__init__(view)
        self._viewport = view.viewport()
        self.setObjectName("filter_banner")
        self.setAccessibleName("Filter")
        self.label = QLabel()
        self.label.setObjectName("filter_banner_text")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.button = QPushButton("Show all")
        self.button.setObjectName("filter_banner_show_all")
        self.button.setToolTip("Clear the filter and show every node")
        self.button.clicked.connect(self.show_all_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label)
        layout.addWidget(QLabel("·"))
        layout.addWidget(self.button)
        self._viewport.installEventFilter(self)
        QApplication.instance().paletteChanged.connect(self.restyle)
        self.restyle()
        self.hide()

    def set_counts(self, shown: int | None, total: int) -> None:
        """`shown` None: no filter, no banner."""
        if shown is None:
            self.hide()
            return
        self.label.setText(banner_text(shown, total))
        self.adjustSize()
        self._place()
        self.show()
        self.raise_()

    def text(self) -> str:
        return f"{self.label.text()} · {self.button.text()}" if self.isVisible() else ""

    def _place(self) -> None:
        area = self._viewport.geometry()  # in the view's coordinates
        self.move(area.x() + max(0, (area.width() - self.width()) // 2), area.y() + 8)

    def showEvent(self, event) -> None:
        self._place()
        super().showEvent(event)

    def restyle(self) -> None:
        """The window's colours, not the canvas viewport's (which it would inherit), and the
        style sheet set again: a style sheet resolves palette() only when it is set."""
        self.setPalette(QApplication.palette())
        self.setStyleSheet(STYLE)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._viewport and event.type() == QEvent.Type.Resize:
            self._place()
        return False
