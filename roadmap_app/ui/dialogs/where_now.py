""""Where are you now?": the starting-point flow (first run, and Plan > Where Are You Now…).

Three pages: a profile with years of experience; what you already know, by stage,
pre-ticked from the profile; hours per week and an optional target date, with
the finish date the planner projects for exactly these answers. Finish applies
everything as one undo step (Editor.apply_starting_point); Cancel changes nothing.

The projection plans a copy of the roadmap: the document is only touched on Finish.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from roadmap_app.model import NodeKind, Roadmap, RouteChoice, Status
from roadmap_app.planning import schedule
from roadmap_app.ui.common import career_api
from roadmap_app.ui.panels.career_fields import pydate, qdate

TITLE = "Where Are You Now?"
DEFAULT_PROFILE = "student"
PREVIEW_DELAY_MS = 150
ID_ROLE = Qt.ItemDataRole.UserRole


def _plain(label: QLabel) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class ProfilePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Where are you starting from?")
        self.setSubTitle("Pick what describes you best. It ticks what you probably know already; "
                         "you can change every tick on the next page.")
        self.profiles = QListWidget()
        self.profiles.setObjectName("where_profiles")
        self.profiles.setAccessibleName("Profile")
        self._default_years: dict[str, float] = {}
        for profile in career_api.profiles():
            item = QListWidgetItem(profile.label)
            item.setData(ID_ROLE, profile.id)
            item.setToolTip(profile.description)
            self.profiles.addItem(item)
            self._default_years[profile.id] = profile.default_years
        rows = max(self.profiles.count(), 1)  # no empty list below the last profile
        lst = self.profiles
        lst.setFixedHeight(lst.sizeHintForRow(0) * rows + 2 * lst.frameWidth() + 6)
        self.description = _plain(QLabel())
        self.description.setObjectName("where_profile_description")
        self.description.setMinimumHeight(self.description.fontMetrics().lineSpacing() * 3)
        self.years = QSpinBox()
        self.years.setObjectName("where_years")
        self.years.setAccessibleName("Years of experience")
        self.years.setRange(0, 45)
        self.years.setSuffix(" years")
        years_label = QLabel("&Years:")
        years_label.setBuddy(self.years)
        row = QHBoxLayout()
        row.addWidget(years_label)
        row.addWidget(self.years)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.profiles)
        layout.addWidget(self.description)
        layout.addLayout(row)
        layout.addStretch(1)
        self.profiles.currentItemChanged.connect(self._picked)
        self.select(DEFAULT_PROFILE)

    def mark_fit(self, roadmap: Roadmap) -> None:
        """Profiles that do not fit this roadmap are greyed out, their tooltip saying why
        (a student's degree on a roadmap for working engineers), so none fails after picking."""
        for row in range(self.profiles.count()):
            item = self.profiles.item(row)
            reason = career_api.misfit(roadmap, item.data(ID_ROLE))
            if reason:
                item.setFlags(item.flags() & ~(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable))
                item.setToolTip(f"{item.toolTip()}\n\n{reason}")
        current = self.profiles.currentItem()
        if current is not None and not current.flags() & Qt.ItemFlag.ItemIsEnabled:
            self.select(current.data(ID_ROLE))

    def select(self, profile_id: str) -> None:
        enabled = [row for row in range(self.profiles.count())
                   if self.profiles.item(row).flags() & Qt.ItemFlag.ItemIsEnabled]
        for row in enabled:
            if self.profiles.item(row).data(ID_ROLE) == profile_id:
                self.profiles.setCurrentRow(row)
                return
        self.profiles.setCurrentRow(enabled[0] if enabled else 0)

    def profile_id(self) -> str:
        item = self.profiles.currentItem()
        return item.data(ID_ROLE) if item is not None else DEFAULT_PROFILE

    def _picked(self, item: QListWidgetItem | None, _old=None) -> None:
        self.description.setText(item.toolTip() if item is not None else "")
        if item is not None:  # each profile has its own typical span
            self.years.setValue(round(self._default_years.get(item.data(ID_ROLE), 0.0)))

    def initializePage(self) -> None:
        self.profiles.setFocus()


class KnownPage(QWizardPage):
    """What you already know, one branch per stage; a stage's box ticks all of it."""

    def __init__(self, roadmap: Roadmap) -> None:
        super().__init__()
        self.setTitle("What do you already know?")
        self.setSubTitle("Tick what you have done. A stage's box ticks the whole stage. "
                         "Practices are ongoing and are not listed.")
        self.tree = QTreeWidget()
        self.tree.setObjectName("where_known")
        self.tree.setAccessibleName("What you already know, by stage")
        self.tree.setHeaderHidden(True)
        self.stage_items: dict[str, QTreeWidgetItem] = {}
        self.node_items: dict[str, QTreeWidgetItem] = {}
        for stage in roadmap.stage_order():
            nodes = [n for n in roadmap.nodes if n.stage == stage and n.kind is not NodeKind.PRACTICE]
            if not nodes:
                continue
            top = QTreeWidgetItem([f"All of {stage or 'no stage'}"])
            top.setFlags(top.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate)
            top.setCheckState(0, Qt.CheckState.Unchecked)
            self.tree.addTopLevelItem(top)
            self.stage_items[stage] = top
            for node in nodes:
                child = QTreeWidgetItem([node.title])
                child.setData(0, ID_ROLE, node.id)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                child.setCheckState(0, Qt.CheckState.Unchecked)
                top.addChild(child)
                self.node_items[node.id] = child
        self.tree.expandAll()
        self.count = _plain(QLabel())
        self.count.setObjectName("where_known_count")
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.count)
        self.tree.itemChanged.connect(lambda *_: self._count())
        self._count()
        self._outline_boxes()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._outline_boxes()

    def _outline_boxes(self) -> None:
        """Fusion outlines item check boxes with the window colour darkened: on a dark
        theme an empty box vanished into the list. The tree's own window colour is
        lifted so every box shows (the ticks are what this page is about)."""
        palette = self.palette()
        if palette.color(QPalette.ColorRole.Base).lightness() >= 128:
            self.tree.setPalette(palette)
            return
        lifted = QPalette(palette)
        lifted.setColor(QPalette.ColorRole.Window, QColor("#9aa3b2"))
        self.tree.setPalette(lifted)

    def set_ticked(self, ids: set[str]) -> None:
        for node_id, item in self.node_items.items():
            item.setCheckState(0, Qt.CheckState.Checked if node_id in ids else Qt.CheckState.Unchecked)
        self._count()

    def mark_off_route(self, off: set[str]) -> None:
        """Grey out what the chosen route leaves out; it can still be ticked (done is done)."""
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        text = self.palette().color(QPalette.ColorRole.Text)
        with QSignalBlocker(self.tree):
            for node_id, item in self.node_items.items():
                off_route = node_id in off
                item.setForeground(0, muted if off_route else text)
                item.setToolTip(0, "Not on your route" if off_route else "")

    def ticked(self) -> set[str]:
        return {i for i, item in self.node_items.items() if item.checkState(0) == Qt.CheckState.Checked}

    def tick_stage(self, stage: str, on: bool = True) -> None:
        self.stage_items[stage].setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def _count(self) -> None:
        ticked = self.ticked()
        self.count.setText(f"{len(ticked)} of {len(self.node_items)} ticked as done")
        with QSignalBlocker(self.tree):  # a label change is an itemChanged too
            for stage, top in self.stage_items.items():
                ids = [top.child(i).data(0, ID_ROLE) for i in range(top.childCount())]
                done = sum(1 for i in ids if i in ticked)
                top.setText(0, f"All of {stage or 'no stage'} ({done} of {len(ids)})")

    def initializePage(self) -> None:
        self.tree.setFocus()
        if self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))


class PacePage(QWizardPage):
    def __init__(self, roadmap: Roadmap) -> None:
        super().__init__()
        self.setTitle("How much time do you have?")
        self.setSubTitle("Study hours per week, beside any job or degree. "
                         "Degrees and jobs keep their own calendar length.")
        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("where_hours")
        self.hours.setAccessibleName("Study hours per week")
        self.hours.setRange(0.5, 168.0)
        self.hours.setDecimals(1)
        self.hours.setSuffix(" h per week")
        self.hours.setValue(roadmap.plan.weekly_hours)
        self.has_target = QCheckBox("&Target date for the goal:")
        self.has_target.setObjectName("where_has_target")
        self.target = QDateEdit()
        self.target.setObjectName("where_target")
        self.target.setAccessibleName("Target date for the goal")
        self.target.setCalendarPopup(True)
        self.target.setDisplayFormat("yyyy-MM-dd")
        goal = roadmap.node(roadmap.plan.goal) if roadmap.plan.goal else None
        today = dt.date.today()
        self.target.setDateRange(qdate(today), QDate(2200, 12, 31))
        self.target.setDate(qdate(goal.target_date if goal and goal.target_date
                                  else today.replace(year=today.year + 8)))
        self.has_target.setChecked(bool(goal and goal.target_date))
        self.target.setEnabled(self.has_target.isChecked())
        self.has_target.toggled.connect(self.target.setEnabled)
        target_row = QHBoxLayout()
        target_row.addWidget(self.has_target)
        target_row.addWidget(self.target, 1)

        self.finish = QLabel()
        self.finish.setObjectName("where_finish")
        self.finish.setAccessibleName("Projected finish date")
        self.finish.setTextFormat(Qt.TextFormat.PlainText)
        font = self.finish.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.finish.setFont(font)
        self.detail = _plain(QLabel())
        self.detail.setObjectName("where_finish_detail")
        self.start_summary = _plain(QLabel())
        self.start_summary.setObjectName("where_start_summary")

        form = QFormLayout()
        hours_label = QLabel("&Hours per week:")
        hours_label.setBuddy(self.hours)
        form.addRow(hours_label, self.hours)
        form.addRow(target_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addSpacing(12)
        layout.addWidget(_plain(QLabel(f"With these answers you reach “{goal.title}”:" if goal
                                       else "With these answers you finish everything:")))
        layout.addWidget(self.finish)
        layout.addWidget(self.detail)
        layout.addSpacing(12)
        layout.addWidget(self.start_summary)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.hours.setFocus()
        self.hours.selectAll()

    def target_date(self) -> dt.date | None:
        return pydate(self.target.date()) if self.has_target.isChecked() else None


class WhereNowWizard(QWizard):
    """The flow; `answers()` says what Finish applies, `apply()` applies it."""

    def __init__(self, document, editor, parent: QWidget | None = None, today: dt.date | None = None):
        super().__init__(parent)
        self.setObjectName("where_now_wizard")
        self.setWindowTitle(TITLE)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)  # the same look on every platform
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setMinimumSize(560, 520)
        self.document, self.editor = document, editor
        self.today = today or dt.date.today()
        roadmap = document.roadmap
        self.profile_page = ProfilePage()
        self.profile_page.mark_fit(roadmap)
        self.known_page = KnownPage(roadmap)
        self.pace_page = PacePage(roadmap)
        for page in (self.profile_page, self.known_page, self.pace_page):
            self.addPage(page)
        if roadmap.plan.profile:
            self.profile_page.select(roadmap.plan.profile)
        self._already_done = {n.id for n in roadmap.nodes if n.status is Status.DONE}
        self._profile_key: tuple[str, int] | None = None
        self._start = career_api.ProfileStart({}, list(roadmap.plan.route))
        self.known_page.set_ticked(self._already_done)
        self.projected: dt.date | None = None

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.preview)
        self.pace_page.hours.valueChanged.connect(self._timer.start)
        self.pace_page.has_target.toggled.connect(self._timer.start)
        self.pace_page.target.dateChanged.connect(self._timer.start)
        self.currentIdChanged.connect(self._page_changed)

    # -- the answers -----------------------------------------------------
    def _page_changed(self, _page_id: int) -> None:
        page = self.currentPage()
        if page is self.known_page:
            self._apply_profile_ticks()
        elif page is self.pace_page:
            self.preview()

    def _apply_profile_ticks(self) -> None:
        """Re-tick from the profile when it (or the years) changed since the last visit."""
        key = (self.profile_page.profile_id(), self.profile_page.years.value())
        if key == self._profile_key:
            return
        self._profile_key = key
        try:
            self._start = career_api.starting_point(self.document.roadmap, key[0], key[1], self.today)
        except Exception as exc:  # a profile that cannot be read ticks nothing
            self._start = career_api.ProfileStart({}, list(self.document.roadmap.plan.route))
            self.known_page.count.setText(f"The profile could not be applied: {exc}")
        self.known_page.set_ticked(self._already_done | set(self._start.done))
        try:
            trial = self.document.roadmap.model_copy()
            trial.plan = trial.plan.model_copy(update={"route": list(self._start.route)})
            self.known_page.mark_off_route(set(career_api.route_of(trial).off_route))
        except Exception:  # the ticks matter more than the greying
            self.known_page.mark_off_route(set())

    def answers(self) -> dict:
        """What Finish applies: Editor.apply_starting_point's arguments."""
        self._apply_profile_ticks()
        ticked = self.known_page.ticked()
        done = {i: min(self._start.done.get(i, self.today), self.today)
                for i in ticked if i not in self._already_done}
        started = {i: d for i, d in self._start.started.items() if i not in ticked}
        hours = self.pace_page.hours.value()
        plan: dict = {"profile": self.profile_page.profile_id()}
        if abs(hours - self.document.roadmap.plan.weekly_hours) > 1e-9:
            plan.update(hours_per_week=hours, weekday_hours=None)
        return {"done": done, "route": list(self._start.route), "plan": plan, "started": started,
                "reopen": sorted(self._already_done - ticked),
                "goal_target": self.pace_page.target_date()}

    def trial_roadmap(self) -> Roadmap:
        """A copy of the plan with the answers applied, for the projection."""
        a = self.answers()
        trial = self.document.roadmap.model_copy(deep=True)
        for node in trial.nodes:
            if node.id in a["done"]:
                node.status, node.completed_on = Status.DONE, a["done"][node.id]
            elif node.id in a["reopen"]:
                node.status = Status.NOT_STARTED
            if node.id in a["started"] and node.status is Status.NOT_STARTED:
                node.status = Status.IN_PROGRESS
        trial.plan.route = [RouteChoice.model_validate(r) for r in a["route"]]
        for name, value in a["plan"].items():
            setattr(trial.plan, name, value)
        return trial

    def preview(self) -> None:
        self._timer.stop()
        page = self.pace_page
        try:
            plan = schedule(self.trial_roadmap(), today=self.today)
        except Exception as exc:  # shown, never raised: the user can still go back
            self.projected = None
            page.finish.setText("No projection")
            page.detail.setText(str(exc).splitlines()[0])
            return
        self.projected = plan.goal_date
        if plan.goal_date is None:
            page.finish.setText("Already there")
            page.detail.setText("Everything on your route is done.")
            return
        years = (plan.goal_date - self.today).days / 365.25
        page.finish.setText(f"Projected: {plan.goal_date.isoformat()}")
        page.start_summary.setText(self._start_text())
        detail = f"About {years:.1f} years from now, {plan.total_hours:,.0f} h of study left."
        target = page.target_date()
        if target is not None:
            late = (plan.goal_date - target).days
            detail += (f" That is {late} days after your target date." if late > 0
                       else " That meets your target date.")
        page.detail.setText(detail)

    def _start_text(self) -> str:
        item = self.profile_page.profiles.currentItem()
        label = item.text() if item is not None else ""
        years = self.profile_page.years.value()
        who = f"{label}, {years} year{'s' if years != 1 else ''}" if years else label
        done = len(self.known_page.ticked())
        text = f"Starting point: {who} · {done} step{'s' if done != 1 else ''} already done"
        doc = self.document
        now = [f"{doc.node(i).title} since {d.isoformat()}" for i, d in self.answers()["started"].items()
               if doc.has_node(i)]
        if now:
            text += " · in progress: " + ", ".join(now)
        return text + ". Finish marks them and sets your route; Undo takes it all back."

    def apply(self) -> None:
        a = self.answers()
        self.editor.apply_starting_point(a["done"], a["route"], reopen=a["reopen"], started=a["started"],
                                         plan=a["plan"], goal_target=a["goal_target"])
