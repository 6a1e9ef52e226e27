"""The Route menu: every "any of" group of the plan, with its alternatives to choose from.

Filled each time it opens (groups and titles change with the plan). Picking an
entry emits `route_requested(target, group, choice)`; choice None hands the
group back to the planner, which takes the fastest alternative.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from roadmap_app.ui.common import career_api

NO_GROUPS = "This roadmap has no alternative routes"


def _escape(text: str) -> str:
    return text.replace("&", "&&")  # a title's & is shown, not taken as a mnemonic


class RouteMenu(QMenu):
    route_requested = Signal(str, str, object)  # target, group, source id or None

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__("&Route", parent)
        self.setObjectName("menu_route")
        self.setToolTipsVisible(True)
        self.document = document
        self.aboutToShow.connect(self.fill)

    def set_document(self, document) -> None:
        self.document = document

    def fill(self) -> None:
        self.clear()
        doc = self.document
        route = None
        if doc is not None:
            try:
                route = career_api.route_for(doc)
            except Exception:  # a plan whose route cannot be resolved lists nothing
                route = None
        if route is None or not route.groups:
            self.addAction(NO_GROUPS).setEnabled(False)
            return
        explicit = {(r.target, r.group): r.choice for r in doc.roadmap.plan.route}
        for (target, group), sources in route.groups.items():
            if not doc.has_node(target):
                continue
            title = doc.node(target).title
            sub = self.addMenu(_escape(f"Into {title}"))
            sub.setObjectName(f"menu_route_{target}_{group}")
            choices = QActionGroup(sub)
            chosen = route.choices.get((target, group))
            picked = doc.node(chosen).title if chosen and doc.has_node(chosen) else "none"
            fastest = sub.addAction(_escape(f"Fastest (the planner picks: {picked})"))
            entries = [(fastest, None)]
            sub.addSeparator()
            for source in sources:
                if doc.has_node(source):
                    entries.append((sub.addAction(_escape(doc.node(source).title)), source))
            current = explicit.get((target, group))
            for action, source in entries:
                action.setCheckable(True)
                action.setChecked(source == current)
                choices.addAction(action)
                action.triggered.connect(
                    lambda _c=False, t=target, g=group, s=source: self.route_requested.emit(t, g, s))
