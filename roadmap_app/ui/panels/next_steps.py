"""The "Next steps" panel: ready nodes, ranked, each with a one-click Start.

Ranking comes from `planning.next_steps`: the goal's critical path first, then
the rest of the way to the goal, then everything else, shortest first within
each group. The panel only reads the document; Start (or Space on a row) emits
`start_requested` (the main window turns it into an undoable status change) and a
double-click or Enter emits `node_activated`. The list is one Tab stop.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.canvas.items import format_length
from roadmap_app.model import Status
from roadmap_app.planning import Recommendation, Schedule, next_steps
from roadmap_app.ui.common.messages import tooltip
from roadmap_app.ui.common.plan_cache import schedule_for

DEBOUNCE_MS = 100
MAX_ROWS = 50
ID_ROLE = Qt.ItemDataRole.UserRole

COL_TITLE, COL_HOURS, COL_STAGE, COL_WHY, COL_ACTION = range(5)


def _why(rec: Recommendation) -> str:
    if rec.on_goal_path and rec.on_critical_path:
        return "Critical path"
    if rec.on_goal_path:
        return "Toward the goal"
    return "Quick win" if rec.hours <= 10 else "Off the goal's path"


class NextStepsPanel(QWidget):
    node_activated = Signal(str)
    start_requested = Signal(str)

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("next_steps_panel")
        self.setAccessibleName("Next steps")
        self._document = document
        self._recommendations: list[Recommendation] = []
        self.read_only = False  # a read-only plan: rows still find nodes, nothing starts

        self._caption = QLabel(self)
        self._caption.setObjectName("next_steps_caption")
        self._caption.setTextFormat(Qt.TextFormat.PlainText)
        self._caption.setWordWrap(True)

        self.tree = QTreeWidget(self)
        self.tree.setObjectName("next_steps_list")
        self.tree.setAccessibleName("Ready nodes, best first")
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels(["Node", "Hours", "Stage", "Why", ""])
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        for column in (COL_HOURS, COL_STAGE, COL_WHY, COL_ACTION):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemActivated.connect(self._activated)  # double-click and Enter
        # One Tab stop: arrows move between rows, Space starts the current one (its
        # Start button takes no focus, so Tab does not walk through every row's button).
        start_key = QShortcut(QKeySequence(Qt.Key.Key_Space), self.tree)
        start_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        start_key.activated.connect(self._start_current)

        self._empty = QLabel(self)
        self._empty.setObjectName("next_steps_empty")
        self._empty.setTextFormat(Qt.TextFormat.PlainText)
        self._empty.setWordWrap(True)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.tree)
        self._stack.addWidget(self._empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._caption)
        layout.addWidget(self._stack, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._timer.start)
        self.refresh()

    # -- reading, for tests ---------------------------------------------
    def ids(self) -> list[str]:
        return [rec.id for rec in self._recommendations]

    def is_empty(self) -> bool:
        return self._stack.currentWidget() is self._empty

    def empty_text(self) -> str:
        return self._empty.text()

    def start_button(self, node_id: str) -> QPushButton | None:
        # Through the rows, not findChild: a refresh's old buttons linger until deleted later.
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(COL_TITLE, ID_ROLE) == node_id:
                return self.tree.itemWidget(item, COL_ACTION)
        return None

    # -- building --------------------------------------------------------
    def refresh(self) -> None:
        self._timer.stop()
        roadmap = self._document.roadmap
        try:
            plan = schedule_for(self._document)
        except Exception:  # no projection (pace too slow, say): rank by hours alone
            plan = Schedule(entries=[], goal_id=None, goal_date=None, total_hours=0.0,
                            start=dt.date.today(), weekday_hours=(1.0,) * 7)
        ranked = next_steps(roadmap, plan)
        self._recommendations = ranked[:MAX_ROWS]
        self.tree.clear()
        for rec in self._recommendations:
            self._add_row(rec)
        more = len(ranked) - len(self._recommendations)
        if ranked:
            self._caption.setText(
                f"{len(ranked)} ready to start"
                + (f" (showing the best {MAX_ROWS})" if more > 0 else "")
                + ". Double-click or Enter finds one on the canvas; Space starts it."
            )
            self._stack.setCurrentWidget(self.tree)
        else:
            self._caption.setText("")
            self._empty.setText(self._empty_message(roadmap))
            self._stack.setCurrentWidget(self._empty)

    @staticmethod
    def _empty_message(roadmap) -> str:
        if not roadmap.nodes:
            return "This roadmap has no nodes yet. Add one on the canvas to begin."
        if all(node.status.is_closed for node in roadmap.nodes):
            return "Everything is done or skipped. Well done!"
        return "Nothing is ready yet: every open node waits for a prerequisite."

    def _add_row(self, rec: Recommendation) -> None:
        # a degree or a job shows its calendar length, a practice "ongoing": not study hours
        node = self._document.node(rec.id) if self._document.has_node(rec.id) else None
        time = (format_length(node) if node is not None else "") or f"{rec.hours:.1f} h"
        item = QTreeWidgetItem([rec.title, time, rec.stage, _why(rec), ""])
        item.setData(COL_TITLE, ID_ROLE, rec.id)
        item.setToolTip(COL_TITLE, tooltip(rec.title))  # escaped: a title is never rich text
        item.setTextAlignment(COL_HOURS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.tree.addTopLevelItem(item)
        button = QPushButton("Start" if rec.status is Status.NOT_STARTED else "Started", self.tree)
        button.setObjectName(f"next_steps_start:{rec.id}")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAccessibleName(f"Start {rec.title}")
        if self.read_only:
            button.setEnabled(False)
            button.setToolTip("The plan is open read-only")
        elif rec.status is Status.NOT_STARTED:
            button.setToolTip("Mark it in progress (undoable)")
            button.setProperty("node_id", rec.id)
            # a bound method, not a lambda over self: a closure would keep this panel
            # alive from inside its own child's destructor
            button.clicked.connect(self._start_clicked)
        else:
            button.setEnabled(False)
            button.setToolTip("Already in progress")
        self.tree.setItemWidget(item, COL_ACTION, button)

    def set_read_only(self, read_only: bool) -> None:
        if read_only != self.read_only:
            self.read_only = read_only
            self.refresh()

    def _start_current(self) -> None:
        if self.read_only:
            return
        item = self.tree.currentItem()
        rec = next((r for r in self._recommendations
                    if item is not None and r.id == item.data(COL_TITLE, ID_ROLE)), None)
        if rec is not None and rec.status is Status.NOT_STARTED:
            self.start_requested.emit(rec.id)

    def _start_clicked(self) -> None:
        node_id = self.sender().property("node_id") if self.sender() else None
        if node_id:
            self.start_requested.emit(node_id)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        node_id = item.data(COL_TITLE, ID_ROLE)
        if node_id:
            self.node_activated.emit(node_id)
