"""At-risk cards: a node whose target date comes before its projected finish gets a
marker on its card (items.paint_risk_marker), as it gets a mark in the dashboard.

The scene is a projection of the model and knows nothing of schedules; this keeps the
cards' flag in step with the shared projection (ui.common.plan_cache), a moment after edits.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer

from roadmap_app.ui.common.plan_cache import schedule_for

DEBOUNCE_MS = 150  # after the panels, which re-plan on the same revision (cached)


class RiskMarkers(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.at_risk: set[str] = set()

    def schedule_refresh(self, *_args) -> None:
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        scene, document = self.w.scene, self.w.document
        if scene is None or document is None:
            return
        try:
            plan = schedule_for(document)
        except Exception:  # no projection (the pace bar says why): no risk to show
            ids: set[str] = set()
        else:
            ids = {entry.id for entry in plan.entries if entry.at_risk}
        self.at_risk = ids
        for card in scene.card_items():
            card.set_at_risk(card.node_id in ids)
