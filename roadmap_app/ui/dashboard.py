"""The progress dashboard dock: burn-up, hours by stage and a Gantt timeline.

This is the only module that imports pyqtgraph (and so numpy). The main window
imports it lazily, when the dashboard dock is first shown, to keep startup fast.
The panel only reads the document; clicking a Gantt bar emits `node_activated`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QSplitter, QToolTip, QVBoxLayout, QWidget

from ..planning import Schedule, burnup, goal_scope, schedule, stage_hours, summary

DEBOUNCE_MS = 100
GANTT_ROWS = 20
DAY = 86_400.0

# Okabe-Ito, the colour-blind-safe base of the whole app; dark mode uses the
# lighter members where the darker ones lose contrast on a dark background.
OKABE_ITO = {
    "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}


@dataclass(frozen=True)
class ChartColours:
    background: str
    foreground: str
    grid: str
    done: str
    planned: str
    remaining: str
    critical: str
    risk: str
    today: str

    @classmethod
    def for_palette(cls, palette: QPalette, dark: bool | None = None) -> ChartColours:
        if dark is None:
            dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
        base = palette.color(QPalette.ColorRole.Base).name()
        text = palette.color(QPalette.ColorRole.WindowText).name()
        mid = palette.color(QPalette.ColorRole.Mid).name()
        return cls(
            background=base, foreground=text, grid=mid,
            done=OKABE_ITO["green"],
            planned=OKABE_ITO["sky"] if dark else OKABE_ITO["blue"],
            remaining="#4a5563" if dark else "#c5cad3",
            critical=OKABE_ITO["orange"],
            risk=OKABE_ITO["vermillion"],
            today=OKABE_ITO["purple"],
        )


def stamp(day: dt.date) -> float:
    """Seconds since the epoch at local midnight, the unit of pyqtgraph's DateAxisItem."""
    return dt.datetime.combine(day, dt.time()).timestamp()


def _elide(text: str, limit: int = 32) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _set_row_labels(plot: pg.PlotWidget, labels: list[tuple[int, str]]) -> None:
    """Name the rows of a bar chart; the axis is sized to the longest name up front
    (pyqtgraph otherwise drops labels that did not fit on the first paint)."""
    axis = plot.getAxis("left")
    axis.setTicks([labels])
    metrics = QFontMetrics(plot.font())
    axis.setWidth(max((metrics.horizontalAdvance(text) for _row, text in labels), default=0) + 18)


class DashboardPanel(QWidget):
    node_activated = Signal(str)

    def __init__(self, document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboard_panel")
        self.setAccessibleName("Progress dashboard")
        self._document = document
        self._plan: Schedule | None = None
        self._completed: list[tuple[dt.date, float]] = []
        self._planned: list[tuple[dt.date, float]] = []
        self._bars: list[tuple[str, str, float, float]] = []  # id, title, x0, x1 per Gantt row
        self._colours = ChartColours.for_palette(self.palette())

        self._header = QLabel(self)
        self._header.setObjectName("dashboard_header")
        self._header.setTextFormat(Qt.TextFormat.PlainText)
        self._header.setWordWrap(True)
        self._header.setAccessibleName("Plan summary")

        self.burnup_plot = self._make_plot("dashboard_burnup", "Completed hours over time", dates=True)
        self.stage_plot = self._make_plot("dashboard_stages", "Hours by stage: done and remaining")
        self.gantt_plot = self._make_plot("dashboard_gantt", "Upcoming nodes", dates=True)
        for plot in (self.stage_plot, self.gantt_plot):
            plot.getPlotItem().invertY(True)
        self.gantt_plot.scene().sigMouseMoved.connect(self._gantt_hover)
        self.gantt_plot.scene().sigMouseClicked.connect(self._gantt_click)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        for plot in (self.burnup_plot, self.stage_plot, self.gantt_plot):
            plot.setMinimumHeight(140)
            splitter.addWidget(plot)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._header)
        layout.addWidget(splitter, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        document.changed.connect(self._timer.start)
        self.refresh()

    # -- reading, for the status bar and tests ----------------------------
    @property
    def plan(self) -> Schedule | None:
        return self._plan

    @property
    def goal_date(self) -> dt.date | None:
        return self._plan.goal_date if self._plan else None

    def completed_series(self) -> list[tuple[dt.date, float]]:
        """The burn-up's completed hours (date, hours), ending today."""
        return list(self._completed)

    def planned_series(self) -> list[tuple[dt.date, float]]:
        return list(self._planned)

    def gantt_ids(self) -> list[str]:
        return [bar[0] for bar in self._bars]

    def gantt_bar_center(self, node_id: str) -> QPointF:
        """The middle of a node's Gantt bar in the plot's view coordinates."""
        for row, (bar_id, _title, x0, x1) in enumerate(self._bars):
            if bar_id == node_id:
                return QPointF((x0 + x1) / 2, row)
        raise KeyError(node_id)

    def bar_at(self, point: QPointF) -> str | None:
        """The id of the Gantt bar under a point in view coordinates, if any."""
        row = round(point.y())
        if 0 <= row < len(self._bars) and abs(point.y() - row) <= 0.35:
            bar_id, _title, x0, x1 = self._bars[row]
            if x0 <= point.x() <= x1:
                return bar_id
        return None

    # -- building --------------------------------------------------------
    def _make_plot(self, name: str, title: str, *, dates: bool = False) -> pg.PlotWidget:
        axes = {"bottom": pg.DateAxisItem(orientation="bottom")} if dates else None
        plot = pg.PlotWidget(self, axisItems=axes)
        plot.setObjectName(name)
        plot.setAccessibleName(title)
        plot.setTitle(title)
        plot.setMenuEnabled(False)
        plot.getPlotItem().hideButtons()
        plot.setMouseEnabled(x=True, y=False)
        return plot

    def _style(self) -> None:
        colours = self._colours
        for plot in (self.burnup_plot, self.stage_plot, self.gantt_plot):
            plot.setBackground(colours.background)
            item = plot.getPlotItem()
            item.titleLabel.setAttr("color", colours.foreground)
            item.titleLabel.setText(item.titleLabel.text)
            for side in ("left", "bottom"):
                axis = item.getAxis(side)
                axis.setPen(pg.mkPen(colours.grid))
                axis.setTextPen(pg.mkPen(colours.foreground))
            item.showGrid(x=plot is not self.stage_plot, y=plot is self.burnup_plot, alpha=0.25)

    def changeEvent(self, event: QEvent) -> None:  # follow light/dark switches live
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._colours = ChartColours.for_palette(self.palette())
            self.refresh()

    def set_theme(self, dark: bool) -> None:
        """The main window says light or dark; the palette gives the neutrals."""
        self._colours = ChartColours.for_palette(self.palette(), dark)
        self.refresh()

    @property
    def colours(self) -> ChartColours:
        return self._colours

    def refresh(self) -> None:
        """Re-plan and redraw everything (document.changed triggers it, debounced)."""
        self._timer.stop()
        roadmap = self._document.roadmap
        self._style()
        for plot in (self.burnup_plot, self.stage_plot, self.gantt_plot):
            plot.clear()
        self._bars = []
        try:
            self._plan = schedule(roadmap)
        except Exception as exc:  # an unplannable roadmap still shows its progress
            self._plan = None
            problem = str(exc)
        else:
            problem = None
        info = summary(roadmap, self._plan)
        scope = goal_scope(roadmap, info.goal_id if info.goal_title else None)
        self._header.setText(self._header_text(info, problem))
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

    def _draw_burnup(self, roadmap, scope: set[str]) -> None:
        colours = self._colours
        today = dt.date.today()
        progress = burnup(roadmap, scope)
        points = [p for p in progress.points if p[0] <= today]
        first = points[0][0] - dt.timedelta(days=1) if points else today
        completed = [(first, progress.baseline), *points]
        if completed[-1][0] < today:
            completed.append((today, completed[-1][1]))
        self._completed = completed
        xs, ys = [], []
        for k, (day, hours) in enumerate(completed):  # a step line: work lands on its day
            if k:
                xs.append(stamp(day))
                ys.append(completed[k - 1][1])
            xs.append(stamp(day))
            ys.append(hours)
        plot = self.burnup_plot
        legend = plot.getPlotItem().legend or plot.addLegend(offset=(10, 10))
        legend.clear()
        legend.setLabelTextColor(colours.foreground)
        plot.plot(xs, ys, pen=pg.mkPen(colours.done, width=2.5), name="Completed")
        now = completed[-1][1]
        self._planned = [(today, now)]
        if self._plan and self._plan.entries:
            self._planned += [(e.finish, now + e.end_hour) for e in self._plan.entries]
            plot.plot(
                [stamp(d) for d, _ in self._planned], [h for _, h in self._planned],
                pen=pg.mkPen(colours.planned, width=2, style=Qt.PenStyle.DashLine), name="Planned",
            )
            finish = pg.InfiniteLine(
                pos=stamp(self._plan.goal_date), angle=90,
                pen=pg.mkPen(colours.critical, width=1.5, style=Qt.PenStyle.DotLine),
                label="projected finish " + self._plan.goal_date.isoformat(),
                labelOpts={"position": 0.1, "color": colours.foreground, "anchors": [(1, 0), (1, 0)]},
            )
            plot.addItem(finish)
        plot.addItem(pg.InfiniteLine(pos=stamp(today), angle=90, pen=pg.mkPen(colours.today, width=1)))
        plot.getPlotItem().setLabel("left", "hours")

    def _draw_stages(self, roadmap, scope: set[str]) -> None:
        colours = self._colours
        rows = stage_hours(roadmap, scope)
        plot = self.stage_plot
        if not rows:
            return
        ys = list(range(len(rows)))
        done = [d for _s, d, _r in rows]
        left = [r for _s, _d, r in rows]
        plot.addItem(pg.BarGraphItem(x0=[0] * len(rows), y=ys, height=0.6, width=done,
                                     brush=colours.done, pen=pg.mkPen(None)))
        plot.addItem(pg.BarGraphItem(x0=done, y=ys, height=0.6, width=left,
                                     brush=colours.remaining, pen=pg.mkPen(colours.planned)))
        labels = [(i, _elide(stage or "(no stage)", 24)) for i, (stage, _d, _r) in enumerate(rows)]
        _set_row_labels(plot, labels)
        plot.getPlotItem().setLabel("bottom", "hours (filled: done, outlined: remaining)")
        plot.setYRange(-0.6, len(rows) - 0.4, padding=0)

    def _draw_gantt(self) -> None:
        colours = self._colours
        plot = self.gantt_plot
        entries = self._plan.entries[:GANTT_ROWS] if self._plan else []
        if not entries:
            return
        for row, entry in enumerate(entries):
            x0, x1 = stamp(entry.start), stamp(entry.finish) + DAY
            self._bars.append((entry.id, entry.title, x0, x1))
            colour = colours.risk if entry.at_risk else (
                colours.critical if entry.on_critical_path else colours.planned)
            plot.addItem(pg.BarGraphItem(x0=[x0], y=[row], height=0.6, width=[x1 - x0],
                                         brush=QColor(colour), pen=pg.mkPen(None)))
        # never colour alone: at-risk rows are also marked in the label
        ticks = [(row, ("! " if e.at_risk else "") + _elide(e.title)) for row, e in enumerate(entries)]
        _set_row_labels(plot, ticks)
        plot.setYRange(-0.6, len(entries) - 0.4, padding=0)
        plot.setXRange(self._bars[0][2], max(b[3] for b in self._bars), padding=0.02)

    # -- interaction -----------------------------------------------------
    def _view_point(self, scene_pos) -> QPointF:
        return self.gantt_plot.getPlotItem().vb.mapSceneToView(scene_pos)

    def _gantt_hover(self, scene_pos) -> None:
        node_id = self.bar_at(self._view_point(scene_pos))
        if node_id is None:
            QToolTip.hideText()
            return
        entry = self._plan.entry(node_id) if self._plan else None
        if entry is not None:
            text = (f"{entry.title}\n{entry.start.isoformat()} to {entry.finish.isoformat()}"
                    f" · {entry.hours:.1f} h" + (" · at risk" if entry.at_risk else ""))
            QToolTip.showText(QCursor.pos(), text, self.gantt_plot)

    def _gantt_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        node_id = self.bar_at(self._view_point(event.scenePos()))
        if node_id is not None:
            self.node_activated.emit(node_id)
