"""The dashboard dock's widget: the plan summary, role readiness and the three charts,
refreshed a moment after each document change."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.planning import Schedule, goal_scope, summary
from roadmap_app.ui.common.plan_cache import schedule_for
from roadmap_app.ui.dashboard.burnup import BurnupChart
from roadmap_app.ui.dashboard.chart_kit import (
    DEBOUNCE_MS,
    MIN_POINT_SIZE,
    ROW_PITCH,
    WIDE_LAYOUT,
    ChartColours,
    RowLabels,
    RowsViewBox,
    let_title_shrink,
)
from roadmap_app.ui.dashboard.gantt import GanttChart
from roadmap_app.ui.dashboard.readiness_view import ReadinessView
from roadmap_app.ui.dashboard.stages import StagesChart


class DashboardPanel(BurnupChart, StagesChart, GanttChart, QWidget):
    node_activated = Signal(str)

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_panel")
        self.setAccessibleName("Progress dashboard")
        self._document = document
        self._plan: Schedule | None = None
        self._problem: str | None = None
        self._completed: list[tuple[dt.date, float]] = []
        self._planned: list[tuple[dt.date, float]] = []
        self._bars: list[tuple[str, str, float, float]] = []  # id, title, x0, x1 per Gantt row
        self._stages: list[tuple[str, float, float]] = []
        self._gantt_first = 0  # index of the first scheduled node shown (the wheel scrolls)
        self._gantt_rows_shown = 0
        self._tip_shown = False
        self._colours = ChartColours.for_palette(self.palette())

        self._header = QLabel(self)
        self._header.setObjectName("dashboard_header")
        self._header.setTextFormat(Qt.TextFormat.PlainText)
        self._header.setWordWrap(True)
        self._header.setAccessibleName("Plan summary")

        self.burnup_plot = self._make_plot("dashboard_burnup", "Completed hours over time", dates=True)
        self.stage_plot = self._make_plot("dashboard_stages", "Hours by stage: done and remaining")
        self.gantt_plot = self._make_plot("dashboard_gantt", "Upcoming nodes", dates=True,
                                          view=RowsViewBox(self.scroll_gantt))
        for plot in (self.stage_plot, self.gantt_plot):
            plot.getPlotItem().invertY(True)
            plot.setMouseEnabled(x=False, y=False)
        for plot in self._plots():
            plot.installEventFilter(self)  # titles re-fit to the plot's width
        self.stage_labels = RowLabels(self.stage_plot)
        self.gantt_labels = RowLabels(self.gantt_plot)
        self.burnup_plot.getPlotItem().vb.sigXRangeChanged.connect(self._place_burnup_marks)
        self._marks: list[pg.TextItem] = []
        self.gantt_plot.scene().sigMouseMoved.connect(self._gantt_hover)
        self.gantt_plot.scene().sigMouseClicked.connect(self._gantt_click)
        self.stage_plot.scene().sigMouseMoved.connect(self._stage_hover)
        self.gantt_plot.getPlotItem().vb.sigResized.connect(self._gantt_resized)

        self._top = QSplitter(Qt.Orientation.Horizontal, self)
        self._top.setChildrenCollapsible(False)
        self._top.addWidget(self.burnup_plot)
        self._top.addWidget(self.stage_plot)
        self._top.setStretchFactor(0, 3)
        self._top.setStretchFactor(1, 2)
        self._splitter = QSplitter(Qt.Orientation.Vertical, self)
        self._splitter.setChildrenCollapsible(False)
        self._splitter.addWidget(self._top)
        self._splitter.addWidget(self.gantt_plot)
        self._splitter.setStretchFactor(0, 1)
        self._splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._header)
        self.readiness = ReadinessView(self)  # a line per role on the route
        self.readiness.node_activated.connect(self.node_activated)
        layout.addWidget(self.readiness)
        layout.addWidget(self._splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._timer.start)
        self._apply_font()
        self.refresh()

    # -- reading, for the status bar and tests ----------------------------
    @property
    def plan(self) -> Schedule | None:
        return self._plan

    @property
    def goal_date(self) -> dt.date | None:
        return self._plan.goal_date if self._plan else None

    @property
    def colours(self) -> ChartColours:
        return self._colours

    def completed_series(self) -> list[tuple[dt.date, float]]:
        """The burn-up's completed hours (date, hours), ending today."""
        return list(self._completed)

    def completed_at(self, day: dt.date) -> float:
        """Completed hours at the end of `day`, as the step line shows them."""
        value = 0.0
        for when, hours in self._completed:
            if when > day:
                break
            value = hours
        return value

    def planned_series(self) -> list[tuple[dt.date, float]]:
        return list(self._planned)

    def row_pitch(self) -> float:
        return QFontMetrics(self.chart_font()).height() * ROW_PITCH

    # -- building --------------------------------------------------------
    def _make_plot(self, name: str, title: str, *, dates: bool = False, view=None) -> pg.PlotWidget:
        axes = {"bottom": pg.DateAxisItem(orientation="bottom")} if dates else None
        plot = pg.PlotWidget(self, axisItems=axes, viewBox=view)
        plot.setObjectName(name)
        plot.setAccessibleName(title)
        plot.setMenuEnabled(False)
        plot.getPlotItem().hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        plot.setMinimumHeight(120)
        plot.setMinimumWidth(220)
        let_title_shrink(plot.getPlotItem().titleLabel)
        return plot

    def chart_font(self) -> QFont:
        """The panel's font, never below 9 pt (pyqtgraph defaults to a tiny one)."""
        font = QFont(self.font())
        if font.pointSizeF() < MIN_POINT_SIZE:
            font.setPointSizeF(MIN_POINT_SIZE)
        return font

    def _apply_font(self) -> None:
        font = self.chart_font()
        for plot in (self.burnup_plot, self.stage_plot, self.gantt_plot):
            for side in ("left", "bottom"):
                plot.getPlotItem().getAxis(side).setStyle(tickFont=font, tickTextOffset=4)
        self.gantt_plot.setMinimumHeight(int(self.row_pitch() * 4 + 4 * QFontMetrics(font).height()))

    def _style(self) -> None:
        colours = self._colours
        for plot in (self.burnup_plot, self.stage_plot, self.gantt_plot):
            plot.setBackground(colours.background)
            item = plot.getPlotItem()
            item.layout.setContentsMargins(4, 2, 12, 4)
            for side in ("left", "bottom"):
                axis = item.getAxis(side)
                axis.setPen(pg.mkPen(colours.grid))
                axis.setTextPen(pg.mkPen(colours.foreground))
            item.showGrid(x=plot is not self.stage_plot, y=plot is self.burnup_plot, alpha=0.2)

    def _set_title(self, plot: pg.PlotWidget, *variants: str) -> None:
        """Title the plot with the longest variant that fits its width (re-fitted on resize)."""
        plot.title_variants = variants
        self._fit_title(plot)

    def _fit_title(self, plot: pg.PlotWidget) -> None:
        variants = getattr(plot, "title_variants", ())
        if not variants:
            return
        size = f"{self.chart_font().pointSizeF() + 1:.0f}pt"
        label = plot.getPlotItem().titleLabel
        room = plot.width() - 32
        key = (variants, self._colours.foreground, room)
        if getattr(plot, "title_fitted", None) == key:
            return
        plot.title_fitted = key
        for html in variants:  # measure as rendered: rich text is wider than font metrics say
            plot.getPlotItem().setTitle(html, color=self._colours.foreground, size=size)
            if label.item.boundingRect().width() <= room:
                break

    def _empty(self, plot: pg.PlotWidget, text: str) -> None:
        """An empty state that says why, instead of bare axes."""
        item = plot.getPlotItem()
        item.hideAxis("bottom")
        item.getAxis("left").setWidth(0)
        label = pg.TextItem(text, color=self._colours.foreground, anchor=(0.5, 0.5))
        label.setFont(self.chart_font())
        plot.addItem(label, ignoreBounds=True)
        label.setPos(0.5, 0.5)
        plot.setXRange(0, 1, padding=0)
        plot.setYRange(0, 1, padding=0)
        plot.empty_text = text

    def empty_text(self, plot: pg.PlotWidget) -> str:
        """The empty-state text a plot shows, or ''."""
        return getattr(plot, "empty_text", "")

    def changeEvent(self, event: QEvent) -> None:  # follow light/dark and font switches live
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colours = ChartColours.for_palette(self.palette())
            self.refresh()
        elif event.type() == QEvent.Type.FontChange:
            self._apply_font()
            self.refresh()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        wide = self.width() >= WIDE_LAYOUT
        self._top.setOrientation(Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and watched in self._plots():
            self._fit_title(watched)
        return super().eventFilter(watched, event)

    def _plots(self) -> tuple[pg.PlotWidget, ...]:
        return (self.burnup_plot, self.stage_plot, self.gantt_plot)

    def set_theme(self, dark: bool) -> None:
        """The main window says light or dark; the palette gives the neutrals."""
        self._colours = ChartColours.for_palette(self.palette(), dark)
        self.refresh()

    def refresh(self) -> None:
        """Re-plan and redraw everything (document.changed triggers it, debounced)."""
        self._timer.stop()
        roadmap = self._document.roadmap
        self._style()
        try:
            self._plan = schedule_for(self._document)
        except Exception as exc:  # an unplannable roadmap still shows its progress
            self._plan = None
            self._problem = str(exc)
        else:
            self._problem = None
        info = summary(roadmap, self._plan)
        scope = goal_scope(roadmap, info.goal_id if info.goal_title else None)
        self._header.setText(self._header_text(info, self._problem))
        self.readiness.set_plan(self._plan)
        self._draw_burnup(roadmap, scope)
        self._draw_stages(roadmap, scope)
        self._draw_gantt()

    @staticmethod
    def _header_text(info, problem: str | None) -> str:
        goal = info.goal_title or "All open nodes"
        if problem:
            when = f"no projection ({problem})"
        elif info.goal_date is None:
            when = "reached"
        else:
            when = f"projected for {info.goal_date.isoformat()}"
        risk = f" · {info.at_risk_count} at risk" if info.at_risk_count else ""
        return (
            f"{goal}: {when} · {info.progress_percent:.0f} % done · "
            f"{info.remaining_hours:.0f} h to go{risk}"
        )

    @staticmethod
    def _reset(plot: pg.PlotWidget) -> None:
        plot.clear()
        item = plot.getPlotItem()
        item.showAxis("bottom")
        plot.empty_text = ""
