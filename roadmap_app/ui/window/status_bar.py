"""The status bar: save state, progress towards the goal, and the projected goal date.

Figures come from roadmap_app.planning.summary over the schedule the panels share
(plan_cache), recomputed shortly after the document changes (coalesced, so a burst
of edits costs one projection).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from roadmap_app.ui.common import messages
from roadmap_app.ui.common.plan_cache import summary_for

REFRESH_DELAY_MS = 150


def _label(name: str, accessible: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(accessible)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setContentsMargins(8, 0, 8, 0)
    return label


class PlanStatusBar(QStatusBar):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("status_bar")
        self.document = None
        self.progress = _label("status_progress", "Progress")
        self.goal = _label("status_goal", "Projected goal date")
        self.save_state = _label("status_save_state", "Save state")
        for widget in (self.progress, self.goal, self.save_state):
            self.addPermanentWidget(widget)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)

    def set_document(self, document) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._timer.start)
        self.document = document
        document.changed.connect(self._timer.start)
        self.refresh()

    def set_save_state(self, state: str) -> None:
        self.save_state.setText(state)

    def refresh(self) -> None:
        self._timer.stop()
        if self.document is None:
            return
        try:
            figures = summary_for(self.document)
        except Exception as exc:  # a projection problem must never break the window
            self.progress.setText("")
            self.goal.setText(f"No projection: {exc}")
            return
        self.progress.setText(f"{figures.progress_percent:.0f}% done")
        if figures.goal_date is not None:
            target = f"{figures.goal_title}: " if figures.goal_title else "Finish: "
            self.goal.setText(f"{target}{figures.goal_date:%d %b %Y}")
        elif figures.problem:
            self.goal.setText(figures.problem)
        elif figures.goal_title:
            self.goal.setText(f"{figures.goal_title}: reached")
        else:
            self.goal.setText("No goal set")
        risk = ""
        if figures.at_risk_count:
            risk = f"\n{figures.at_risk_count} at risk of missing their target date"
        self.goal.setToolTip(messages.tooltip(
            f"Projected at your current pace ({figures.remaining_hours:.0f} h left){risk}"))
