"""The bar over the canvas that says a filter hides nodes: "Filtered: n of N shown · Show all".

Without it, unticking a status could blank the canvas with no explanation. It floats at
the top of the canvas's viewport (like the minimap in its corner), so the canvas layout
is unchanged, and it is a normal widget: Tab reaches its Show all button.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractScrollArea, QHBoxLayout, QLabel, QPushButton

from roadmap_app.ui.common.canvas_banner import CanvasBanner


def banner_text(shown: int, total: int) -> str:
    return f"Filtered: {shown} of {total} shown"


class FilterBanner(CanvasBanner):
    show_all_requested = Signal()

    def __init__(self, view: QAbstractScrollArea):
        super().__init__(view, "filter_banner")
        self.setAccessibleName("Filter")
        self.button = QPushButton("Show all")
        self.button.setObjectName("filter_banner_show_all")
        self.button.setToolTip("Clear the filter and show every node")
        self.button.clicked.connect(self.show_all_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 4)
        layout.addWidget(self.label)
        layout.addWidget(QLabel("·"))
        layout.addWidget(self.button)
        self._ready()

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
