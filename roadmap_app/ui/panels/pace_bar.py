"""Goal and pace controls for the toolbar: goal, hours per week, projected date.

Edits are intents: they emit `plan_change_requested` with fields for
`Editor.set_plan`, and the date label re-plans at once with the new values
(what-if), before the document has even changed. Document changes update the
controls without echoing a request back.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QWidget,
)

from roadmap_app.model import NodeKind, Roadmap
from roadmap_app.planning import schedule
from roadmap_app.ui.common.plan_cache import schedule_for
from roadmap_app.ui.common.route_menu import RouteMenu

DEBOUNCE_MS = 100
# Typing "12" in Hours/week: the projection follows each key at once; the plan itself
# changes after this pause, so one burst of typing is one undo step.
TYPING_PAUSE_MS = 500
GOAL_TIP = "The node you are working toward; roles and milestones first"
# The widest the date label gets: its room is kept, so "· 1 at risk" appearing never
# reflows the toolbars under the pointer.
WIDEST_DATE = "Projected: 2099-12-31 · 999 at risk"
NARROWEST_DATE = "Projected: 2099-12-31"  # what a window at its narrowest still shows whole


class _DateLabel(QLabel):
    """Asks for room for its widest text, and gives up only the "at risk" part when the
    window is as narrow as it goes (the whole bar then fits an 800 px screen)."""

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(max(hint.width(), self.fontMetrics().horizontalAdvance(WIDEST_DATE) + 8), hint.height())

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(NARROWEST_DATE) + 8, hint.height())
NO_GOAL = "Everything open"
HEADLINE_KINDS = (NodeKind.ROLE, NodeKind.MILESTONE)


def goal_choices(roadmap: Roadmap) -> list[tuple[str, str]]:
    """(label, id) for the goal combo: roles and milestones first, then the rest,
    each group in the file's order. Titles may repeat, so labels carry the stage."""
    def label(node) -> str:
        return f"{node.title} ({node.stage})" if node.stage else node.title

    headline = [n for n in roadmap.nodes if n.kind in HEADLINE_KINDS]
    rest = [n for n in roadmap.nodes if n.kind not in HEADLINE_KINDS]
    return [(label(n), n.id) for n in headline + rest]


class PaceBar(QWidget):
    plan_change_requested = Signal(dict)
    route_requested = Signal(str, str, object)  # target, group, chosen source (None: fastest)

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pace_bar")
        self.setAccessibleName("Goal and pace")
        self._document = document
        self._updating = False
        self._choices: list[tuple[str, str]] | None = None
        self.projected = None  # the Schedule behind the label (what-if values included)

        goal_label = QLabel("Goal:", self)
        self.goal_combo = QComboBox(self)
        self.goal_combo.setObjectName("pace_goal")
        self.goal_combo.setAccessibleName("Goal")
        self.goal_combo.setToolTip(GOAL_TIP)
        self.goal_combo.setEditable(True)  # type to search
        self.goal_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        # Narrow when it must be (the whole bar fits an 800 px window), up to 40 characters
        # wide when there is room: long goal titles are the rule ("Machine learning architect").
        self.goal_combo.setMinimumContentsLength(14)
        self.goal_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.goal_combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.goal_combo.setMaximumWidth(self.goal_combo.fontMetrics().horizontalAdvance("M" * 26))
        completer = self.goal_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        goal_label.setBuddy(self.goal_combo)

        hours_label = QLabel("Hours/week:", self)
        self.hours_spin = QDoubleSpinBox(self)
        self.hours_spin.setObjectName("pace_hours")
        self.hours_spin.setAccessibleName("Hours per week")
        self.hours_spin.setToolTip("Study hours per week; the projection follows as you change it")
        self.hours_spin.setRange(0.5, 168.0)
        self.hours_spin.setSingleStep(1.0)
        self.hours_spin.setDecimals(1)
        self.hours_spin.setKeyboardTracking(True)  # re-plan while typing (see TYPING_PAUSE_MS)
        hours_label.setBuddy(self.hours_spin)

        practice_label = QLabel("Practice:", self)
        self.practice_spin = QDoubleSpinBox(self)
        self.practice_spin.setObjectName("pace_practice_hours")
        self.practice_spin.setAccessibleName("Practice hours per week")
        self.practice_spin.setToolTip("Hours per week for ongoing practices (papers, conferences, "
                                      "mentoring), taken from the study hours")
        self.practice_spin.setRange(0.0, 168.0)
        self.practice_spin.setSingleStep(0.5)
        self.practice_spin.setDecimals(1)
        self.practice_spin.setSuffix(" h")
        self.practice_spin.setKeyboardTracking(False)
        practice_label.setBuddy(self.practice_spin)
        self.route_menu = RouteMenu(document, self)
        self.route_menu.route_requested.connect(self.route_requested)
        self.route_button = QToolButton(self)
        self.route_button.setObjectName("pace_route")
        self.route_button.setText("Route")
        self.route_button.setToolTip("Choose among alternative routes (for example the entry role)")
        self.route_button.setMenu(self.route_menu)
        self.route_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

        self.date_label = _DateLabel(self)
        self.date_label.setObjectName("pace_date")
        self.date_label.setAccessibleName("Projected goal date")
        self.date_label.setTextFormat(Qt.TextFormat.PlainText)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        for widget in (goal_label, self.goal_combo, hours_label, self.hours_spin, practice_label,
                       self.practice_spin, self.route_button, self.date_label):
            layout.addWidget(widget, 2 if widget is self.goal_combo else 0)
        layout.addStretch(1)

        self.goal_combo.activated.connect(self._goal_picked)
        self.hours_spin.valueChanged.connect(self._hours_changed)
        self.practice_spin.valueChanged.connect(self._practice_changed)
        self._hours_timer = QTimer(self)
        self._hours_timer.setSingleShot(True)
        self._hours_timer.setInterval(TYPING_PAUSE_MS)
        self._hours_timer.timeout.connect(self._commit_hours)
        self.hours_spin.editingFinished.connect(self._commit_hours)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._timer.start)
        document.plan_changed.connect(self.refresh)  # at once: the user is watching the bar
        self.refresh()

    # -- document -> controls ---------------------------------------------
    def refresh(self) -> None:
        self._timer.stop()
        if self._hours_timer.isActive():
            return  # the user is typing hours: their value stays until it is committed
        roadmap = self._document.roadmap
        self._updating = True
        try:
            choices = goal_choices(roadmap)
            if choices != self._choices:  # most changes are statuses: keep the list
                self._choices = choices
                self.goal_combo.clear()
                self.goal_combo.addItem(NO_GOAL, None)
                for label, node_id in choices:
                    self.goal_combo.addItem(label, node_id)
            index = self.goal_combo.findData(roadmap.plan.goal) if roadmap.plan.goal else 0
            self.goal_combo.setCurrentIndex(max(index, 0))
            self.goal_combo.lineEdit().setCursorPosition(0)  # show the start of a long title
            current = self.goal_combo.currentText()
            self.goal_combo.setToolTip(f"{current}\n\n{GOAL_TIP}" if index > 0 else GOAL_TIP)
            self.hours_spin.setValue(roadmap.plan.weekly_hours)
            self.practice_spin.setValue(roadmap.plan.practice_hours_per_week)
        finally:
            self._updating = False
        self._project(roadmap.plan.goal, None)

    # -- controls -> intents ------------------------------------------------
    def _goal_picked(self, index: int) -> None:
        if self._updating:
            return
        goal = self.goal_combo.itemData(index)
        if goal == self._document.roadmap.plan.goal:
            return
        self._project(goal, self.hours_spin.value())
        self.plan_change_requested.emit({"goal": goal})

    def _hours_changed(self, value: float) -> None:
        if self._updating:
            return
        self._project(self.goal_combo.currentData(), value)  # at once: a what-if
        self._hours_timer.start()

    def _commit_hours(self) -> None:
        self._hours_timer.stop()
        value = self.hours_spin.value()
        plan = self._document.roadmap.plan
        if value == plan.weekly_hours:
            return
        fields: dict = {"hours_per_week": value}
        if plan.weekday_hours:
            # keep the user's weekly shape, scaled; drop it if a day would exceed 24 h
            scale = value / sum(plan.weekday_hours)
            scaled = [round(h * scale, 4) for h in plan.weekday_hours]
            fields["weekday_hours"] = scaled if max(scaled) <= 24 else None
        self.plan_change_requested.emit(fields)

    def _practice_changed(self, value: float) -> None:
        if not self._updating and value != self._document.roadmap.plan.practice_hours_per_week:
            self.plan_change_requested.emit({"practice_hours_per_week": value})

    def _project(self, goal: str | None, hours: float | None) -> None:
        """Re-plan with these values and show the goal's date (what-if)."""
        roadmap = self._document.roadmap
        goal = goal if goal is not None and roadmap.node(goal) is not None else None
        try:
            if hours is None:  # the plan as saved: the projection every panel shares
                plan = schedule_for(self._document, goal=goal)
            else:  # a what-if while the hours change: its own
                plan = schedule(roadmap, goal=goal, hours_per_week=hours)
        except Exception as exc:
            self.date_label.setText("No projection")
            self.date_label.setToolTip(str(exc))
            self.projected = None
            return
        self.projected = plan
        if plan.goal_date is None:
            text = "Goal reached" if goal else "Nothing left to do"
        else:
            text = f"Projected: {plan.goal_date.isoformat()}"
            if plan.at_risk_count:
                text += f" · {plan.at_risk_count} at risk"
        self.date_label.setText(text)
        self.date_label.setToolTip(
            f"{plan.total_hours:.0f} h remaining at {plan.hours_per_week:.1f} h per week, "
            f"from {plan.start.isoformat()}"
        )
