"""The planning engineer's panels in the main window: next steps and the dashboard as
tabbed docks under the canvas, and the goal/pace bar as a toolbar.

Panels only read the document and emit intents (node_activated, start_requested,
plan_change_requested), wired here to the window's edit controller. Each new
document gets new panels. The dashboard imports pyqtgraph, so it is imported
and built only when its dock is first shown.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QToolBar, QWidget

from roadmap_app.ui.window import canvas_api

DASHBOARD_MIN_HEIGHT = 340  # header, the burn-up and hours by stage, legible


def placeholder(what: str) -> QLabel:
    label = QLabel(f"Loading {what}…")
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)
    return label


class PlanningDocks:
    def __init__(self, window) -> None:
        self.w = window
        self.document = None
        self.next_steps: QWidget | None = None
        self.dashboard: QWidget | None = None
        self.pace_bar: QWidget | None = None
        bottom = Qt.DockWidgetArea.BottomDockWidgetArea
        self.next_steps_dock = window.add_dock("dock_next_steps", "Next Steps", placeholder("next steps"),
                                               bottom)
        self.dashboard_dock = window.add_dock("dock_dashboard", "Dashboard", placeholder("dashboard"), bottom)
        window.tabifyDockWidget(self.next_steps_dock, self.dashboard_dock)
        self.next_steps_dock.raise_()
        self.dashboard_dock.visibilityChanged.connect(self._dashboard_visible)
        # The goal and pace controls sit on their own bar so they stay visible.
        self.pace_toolbar = QToolBar("Goal and Pace", window)
        self.pace_toolbar.setObjectName("toolbar_pace")
        self.pace_toolbar.setMovable(False)
        window.addToolBar(self.pace_toolbar)

    def install(self, document) -> None:
        self.document = document
        panels = canvas_api.planning_panels()
        # Panels of the previous document go: they listen to a document that is gone.
        if "NextStepsPanel" in panels:
            self.next_steps = panels["NextStepsPanel"](document)
            self._wire(self.next_steps)
            self._replace(self.next_steps_dock, self.next_steps)
        if "PaceBar" in panels:
            old = self.pace_bar
            self.pace_toolbar.clear()
            if old is not None:
                old.deleteLater()
            self.pace_bar = panels["PaceBar"](document)
            self._wire(self.pace_bar)
            self.pace_toolbar.addWidget(self.pace_bar)
        if self.dashboard is not None:
            self.dashboard = None
            self._replace(self.dashboard_dock, placeholder("dashboard"))
        if self.dashboard_dock.isVisible() and not self.dashboard_dock.visibleRegion().isEmpty():
            self._dashboard_visible(True)

    @staticmethod
    def _replace(dock, widget: QWidget) -> None:
        old = dock.widget()
        dock.setWidget(widget)
        if old is not None:
            old.deleteLater()

    def set_theme(self, dark: bool) -> None:
        for panel in (self.next_steps, self.dashboard, self.pace_bar):
            if panel is not None and hasattr(panel, "set_theme"):
                panel.set_theme(dark)

    def _wire(self, panel: QWidget) -> None:
        edits = self.w.edits
        for name, slot in (("node_activated", edits.jump_to),
                           ("start_requested", edits.start_node),
                           ("plan_change_requested", edits.change_plan)):
            signal = getattr(panel, name, None)
            if signal is not None:
                signal.connect(slot)
        if hasattr(panel, "set_theme"):
            panel.set_theme(self.w.theme.dark)

    def _dashboard_visible(self, visible: bool) -> None:
        if not visible or self.document is None or self.dashboard is not None:
            return
        try:
            from roadmap_app.ui.dashboard import DashboardPanel  # imports pyqtgraph: only now
        except ImportError:
            return
        self.dashboard = DashboardPanel(self.document)
        # Below this the charts turn into slivers: the dock scrolls instead, and grows to it
        # when the dashboard is raised at the default (next-steps-sized) dock height.
        self.dashboard.setMinimumHeight(DASHBOARD_MIN_HEIGHT)
        self._wire(self.dashboard)
        # Scrolls rather than forcing the dock (and so next steps) to the charts' full height.
        scroll = QScrollArea()
        scroll.setObjectName("dashboard_scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.dashboard)
        self._replace(self.dashboard_dock, scroll)
        self._grow_dashboard()

    def _grow_dashboard(self, extra: int = 0) -> None:
        dock = self.dashboard_dock
        room = self.w.height() // 2  # never more than half the window: the canvas comes first
        want = min(DASHBOARD_MIN_HEIGHT + 40, room)
        if dock.height() < want and not dock.isFloating():
            self.w.resizeDocks([dock], [want + extra], Qt.Orientation.Vertical)
            if not extra:
                # The size given is the dock area's: tabbed with Next Steps, the tab bar takes
                # its share. Once laid out, the shortfall is known and added once.
                QTimer.singleShot(0, dock, lambda: self._grow_dashboard(max(1, want - dock.height())))
