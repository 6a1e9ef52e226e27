"""Role readiness in the dashboard: one line and bar per role on the route.

"Ready for ML engineer: 64 % (12 of 19 skills, 310 h left)". The figures are the
planner's (Schedule.readiness); this widget only shows them. A role's line is a
button: clicking it selects the role on the canvas.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QProgressBar, QPushButton, QWidget

LINK_STYLE = ("QPushButton { border: none; padding: 0; text-align: left; color: palette(text); }"
              " QPushButton:hover, QPushButton:focus { text-decoration: underline; }")


def readiness_of(plan) -> list:
    """The plan's role readiness (none for a plan the planner could not project)."""
    return list(getattr(plan, "readiness", None) or []) if plan is not None else []


def line_of(item) -> str:
    line = getattr(item, "line", None)
    if line:
        return line
    return (f"Ready for {item.title}: {item.percent:.0f} % "
            f"({item.done} of {item.total} skills, {item.hours_left:.0f} h left)")


class ReadinessView(QWidget):
    node_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_readiness")
        self.setAccessibleName("Role readiness")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 2, 0, 2)
        self._grid.setHorizontalSpacing(10)
        self._grid.setVerticalSpacing(2)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(1, 2)
        self.lines: list[str] = []

    def set_plan(self, plan) -> None:
        items = readiness_of(plan)
        lines = [line_of(i) for i in items]
        if lines == self.lines:
            return
        self.lines = lines
        while self._grid.count():
            widget = self._grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        for row, (item, line) in enumerate(zip(items, lines, strict=True)):
            button = QPushButton(line)
            button.setObjectName(f"readiness_{item.role_id}")
            button.setFlat(True)
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setStyleSheet(LINK_STYLE)
            button.setToolTip(f"Select {item.title} on the canvas")
            button.clicked.connect(lambda _c=False, i=item.role_id: self.node_activated.emit(i))
            bar = QProgressBar()
            bar.setRange(0, 100)
            bar.setValue(round(item.percent))
            bar.setTextVisible(False)
            bar.setMaximumHeight(8)
            bar.setAccessibleName(line)
            self._grid.addWidget(button, row, 0)
            self._grid.addWidget(bar, row, 1, Qt.AlignmentFlag.AlignVCenter)
        self.setVisible(bool(items))
