"""The Filter menu: show only some statuses, kinds and stages (checkable actions).

It computes the visible node ids and emits them (None when everything shows),
for RoadmapScene.set_filter_visible.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from roadmap_app.model import NodeKind, Roadmap, Status


class FilterMenu(QMenu):
    filter_changed = Signal(object)  # set[str] | None

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Filter", parent)
        self.setObjectName("menu_filter")
        self.roadmap: Roadmap | None = None
        # Nodes shown despite the filter because the user jumped to them (search, next steps).
        self.revealed: set[str] = set()
        self.status_actions: dict[str, QAction] = {}
        self.kind_actions: dict[str, QAction] = {}
        self.stage_actions: dict[str, QAction] = {}
        self.show_all = QAction("Show All Nodes", self)
        self.show_all.setObjectName("filter_show_all")
        self.show_all.triggered.connect(self.reset)
        self._build_static()

    def _check(self, name: str, text: str, group: dict[str, QAction], key: str) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setCheckable(True)
        action.setChecked(True)
        action.toggled.connect(self._changed)
        group[key] = action
        return action

    def _build_static(self) -> None:
        self.addAction(self.show_all)
        self.addSection("Status")
        for status in Status:
            self.addAction(self._check(f"filter_status_{status.value}", status.label,
                                       self.status_actions, status.value))
        self.addSection("Kind")
        for kind in NodeKind:
            self.addAction(self._check(f"filter_kind_{kind.value}", kind.value.capitalize(),
                                       self.kind_actions, kind.value))
        self.stage_section = self.addSection("Stage")

    def set_roadmap(self, roadmap: Roadmap) -> None:
        """Stages come from the plan; keep what the user unticked if the stage still exists."""
        self.roadmap = roadmap
        unticked = {k for k, a in self.stage_actions.items() if not a.isChecked()}
        for action in self.stage_actions.values():
            self.removeAction(action)
            action.deleteLater()
        self.stage_actions = {}
        for index, stage in enumerate(roadmap.stage_order()):
            label = (stage or "(no stage)").replace("&", "&&")  # a stage's & is shown, not a mnemonic
            action = self._check(f"filter_stage_{index}", label, self.stage_actions, stage)
            action.setChecked(stage not in unticked)
            self.addAction(action)
        self._changed()

    @property
    def active(self) -> bool:
        groups = (self.status_actions, self.kind_actions, self.stage_actions)
        return any(not a.isChecked() for g in groups for a in g.values())

    def visible_ids(self) -> set[str] | None:
        if self.roadmap is None or not self.active:
            return None
        statuses = {k for k, a in self.status_actions.items() if a.isChecked()}
        kinds = {k for k, a in self.kind_actions.items() if a.isChecked()}
        stages = {k for k, a in self.stage_actions.items() if a.isChecked()}
        return {n.id for n in self.roadmap.nodes
                if n.id in self.revealed
                or (n.status.value in statuses and n.kind.value in kinds and n.stage in stages)}

    def reveal(self, node_id: str) -> bool:
        """Show a node the filter hides (a search or next-steps jump); True if it was hidden."""
        visible = self.visible_ids()
        if visible is None or node_id in visible:
            return False
        self.revealed.add(node_id)
        self.filter_changed.emit(self.visible_ids())
        return True

    # Ticking several boxes in a row is the common case: keep the menu open for them.
    def mouseReleaseEvent(self, event) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:
        action = self.activeAction()
        if (event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and action is not None and action.isCheckable() and action.isEnabled()):
            action.trigger()
            return
        super().keyPressEvent(event)

    def reset(self) -> None:
        for group in (self.status_actions, self.kind_actions, self.stage_actions):
            for action in group.values():
                action.blockSignals(True)
                action.setChecked(True)
                action.blockSignals(False)
        self._changed()

    def _changed(self, *_args) -> None:
        self.revealed.clear()  # a new choice of filter starts from what it selects
        self.filter_changed.emit(self.visible_ids())
