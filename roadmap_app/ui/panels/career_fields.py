"""The inspector's career-plan fields for the selected node.

- a "Not on my route" banner for nodes the chosen route leaves out;
- "Done on" with a calendar: marks the node done on a past day, or changes the day;
- for the target of an "any of" group, which alternative the route takes;
- for an optional node, "Include in my plan";
- the template's `why`, read-only, under the description.

Edits go to the Editor (one undo step each); refusals come back as `error_raised`.
Built by ui/panels/inspector.py, which places the widgets and calls `show_node`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from roadmap_app.canvas.items import format_length
from roadmap_app.model import NodeKind, RoadmapError, Status
from roadmap_app.ui.common import career_api, messages

FASTEST = "Fastest (the planner picks)"
OFF_ROUTE_TEXT = "⊘  Not on my route: left out of the schedule and the progress"
OPTIONAL_TEXT = "⊘  Optional, not in my plan: tick “Include in my plan” to add it"
BANNER_STYLE = ("QLabel {{ padding: 4px 6px; border-radius: 4px; border: 1px dashed {border};"
                " color: {text}; background: {background}; font-weight: bold; }}")


def qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def done_day(node) -> dt.date | None:
    """The day a done node was finished: its done date, else its last history entry."""
    if node.status is not Status.DONE:
        return None
    if node.completed_on is not None:
        return node.completed_on
    for change in reversed(node.status_history):
        if change.status is Status.DONE:
            return change.at.date()
    return None


def timing_text(node, document) -> str:
    """How the step takes time, when it is not plain study hours."""
    if node.is_duration:
        return (f"Calendar time: {format_length(node)}, a commitment of its own; "
                "your study hours per week do not change it.")
    if node.learned_in and document.has_node(node.learned_in):
        return f"Learned during “{document.node(node.learned_in).title}”: no extra study time."
    if node.kind is NodeKind.PRACTICE:
        hours = document.roadmap.plan.practice_hours_per_week
        return f"Ongoing: practices share {hours:g} h per week of your study time."
    return ""


class BannerLabel(QLabel):
    """A label drawn in the theme's own colours (resolved here: a sheet's palette()
    kept the light theme's colours after a switch to dark)."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self._sheet = ""
        self.restyle()

    def restyle(self) -> None:
        app = QApplication.instance()
        palette = app.palette() if app is not None else self.palette()
        sheet = BANNER_STYLE.format(border=palette.color(QPalette.ColorRole.Mid).name(),
                                    text=palette.color(QPalette.ColorRole.Text).name(),
                                    background=palette.color(QPalette.ColorRole.AlternateBase).name())
        if sheet != self._sheet:
            self._sheet = sheet
            self.setStyleSheet(sheet)


class CareerFields(QWidget):
    """The done date, route choice and opt-in rows; `banner` and `why` are placed apart."""

    status_requested = Signal(list, str)  # node ids, status value (unticking "Done on")
    error_raised = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("career_fields")
        self.document = self.editor = None
        self.node_id: str | None = None
        self._groups: list[tuple[str, list[str]]] = []

        self.banner = BannerLabel(OFF_ROUTE_TEXT)
        self.banner.setObjectName("inspector_off_route")
        self.banner.setAccessibleName("Not on my route")
        self.banner.setToolTip("Another alternative is chosen for this part of the route. "
                               "Choose the route on the node it leads to, or with Plan > Route.")
        self.banner.setWordWrap(True)

        self.why = QLabel()
        self.why.setObjectName("inspector_why")
        self.why.setAccessibleName("Why this step")
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.why.setWordWrap(True)
        self.why.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.timing = QLabel()
        self.timing.setObjectName("inspector_timing")
        self.timing.setAccessibleName("How this step takes time")
        self.timing.setTextFormat(Qt.TextFormat.PlainText)
        self.timing.setWordWrap(True)

        self.done_box = QCheckBox("Done on")
        self.done_box.setObjectName("inspector_done")
        self.done_box.setAccessibleName("Done, with the day it was finished")
        self.done_date = QDateEdit()
        self.done_date.setObjectName("inspector_done_date")
        self.done_date.setAccessibleName("Done date")
        self.done_date.setToolTip("The day you finished it; earlier days are fine, future ones are not")
        self.done_date.setCalendarPopup(True)
        self.done_date.setDisplayFormat("yyyy-MM-dd")
        self.done_box.toggled.connect(self._done_toggled)
        self.done_date.editingFinished.connect(self._commit_date)
        self.done_date.dateChanged.connect(self._date_picked)
        done_row = QHBoxLayout()
        done_row.addWidget(self.done_box)
        done_row.addWidget(self.done_date, 1)

        self.include = QCheckBox("Include in my plan")
        self.include.setObjectName("inspector_include_optional")
        self.include.setAccessibleName("Include this optional step in my plan")
        self.include.setToolTip("Optional steps stay out of the schedule unless you include them")
        self.include.toggled.connect(self._include_toggled)

        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.addRow(self.timing)
        self.form.addRow(done_row)
        self.form.addRow(self.include)
        self.route_combos: list[QComboBox] = []

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # a theme switch while the banner shows
            self.banner.restyle()
        super().changeEvent(event)

    # -- wiring ----------------------------------------------------------
    def set_document(self, document, editor) -> None:
        if self.document is not None:
            self.document.plan_changed.disconnect(self.refresh)
        self.document, self.editor = document, editor
        document.plan_changed.connect(self.refresh)
        self.node_id = None

    def show_node(self, node_id: str | None) -> None:
        self.node_id = node_id
        self.refresh()

    # -- showing ---------------------------------------------------------
    def refresh(self) -> None:
        doc = self.document
        if doc is None or self.node_id is None or not doc.has_node(self.node_id):
            return
        node = doc.node(self.node_id)
        left_out = node.id in career_api.off_route_for(doc)
        opted_out = node.optional and node.id not in doc.roadmap.plan.include_optional
        self.banner.setText(OPTIONAL_TEXT if opted_out else OFF_ROUTE_TEXT)
        self.banner.setVisible(left_out)
        if left_out:
            self.banner.restyle()
        self.why.setText(f"Why: {node.why}" if node.why else "")
        self.why.setVisible(bool(node.why))
        timing = timing_text(node, doc)
        self.timing.setText(timing)
        self.timing.setVisible(bool(timing))

        today = dt.date.today()
        day = done_day(node)
        with QSignalBlocker(self.done_box), QSignalBlocker(self.done_date):
            self.done_date.setDateRange(QDate(1900, 1, 1), qdate(today))
            self.done_box.setChecked(node.status is Status.DONE)
            self.done_date.setDate(qdate(min(day or today, today)))
            self.done_date.setEnabled(node.status is Status.DONE)
        with QSignalBlocker(self.include):
            self.include.setChecked(node.id in doc.roadmap.plan.include_optional)
        self.include.setVisible(node.optional)
        route = None
        if career_api.has_groups(doc, node.id):  # the route itself only where there is a choice
            try:
                route = career_api.route_for(doc)
            except Exception:  # no choice is offered rather than a broken inspector
                route = None
        self._show_groups(node.id, route)

    def _show_groups(self, node_id: str, route) -> None:
        for combo in self.route_combos:
            self.form.removeRow(combo)
        self.route_combos = []
        self._groups = []
        if route is None:
            return
        doc = self.document
        explicit = {(r.target, r.group): r.choice for r in doc.roadmap.plan.route}
        for group, sources, chosen in career_api.groups_into(route, node_id):
            combo = QComboBox()
            # long titles must not widen the inspector past its dock
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            combo.setObjectName(f"inspector_route_{len(self.route_combos)}")
            combo.setAccessibleName(f"Route into this step: one of {len(sources)}")
            picked = doc.node(chosen).title if chosen and doc.has_node(chosen) else "none"
            combo.addItem(f"{FASTEST}: {picked}", None)
            for source in sources:
                if doc.has_node(source):
                    combo.addItem(doc.node(source).title, source)
            combo.setCurrentIndex(max(combo.findData(explicit.get((node_id, group))), 0))
            combo.setToolTip(messages.tooltip(f"Any one of these leads here ({group})"))
            combo.activated.connect(lambda _i, c=combo, g=group: self._route_picked(g, c.currentData()))
            self.form.addRow("Route: one of", combo)
            self.route_combos.append(combo)
            self._groups.append((group, sources))

    # -- edits -----------------------------------------------------------
    def _try(self, method, *args) -> None:
        if self.editor is None or self.node_id is None:
            return
        try:
            method(*args)
        except (RoadmapError, ValueError) as exc:
            self.error_raised.emit(str(exc).splitlines()[0])
            self.refresh()

    def _done_toggled(self, checked: bool) -> None:
        if checked:
            self._try(self.editor.set_done_date, self.node_id, pydate(self.done_date.date()))
        elif self.node_id is not None:
            self.status_requested.emit([self.node_id], Status.NOT_STARTED.value)
            self.refresh()

    def _date_picked(self, _date: QDate) -> None:
        # The calendar popup closes without an editingFinished: commit what was clicked.
        if self.done_date.calendarWidget().isVisible() or not self.done_date.hasFocus():
            self._commit_date()

    def _commit_date(self) -> None:
        if self.done_box.isChecked():
            self._try(self.editor.set_done_date, self.node_id, pydate(self.done_date.date()))

    def _include_toggled(self, checked: bool) -> None:
        self._try(self.editor.set_optional_included, self.node_id, checked)

    def _route_picked(self, group: str, choice: str | None) -> None:
        self._try(self.editor.choose_route, self.node_id, group, choice)
