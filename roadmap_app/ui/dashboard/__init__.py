"""The progress dashboard dock: burn-up, hours by stage and a Gantt timeline.

This is the only module that imports pyqtgraph (and so numpy). The main window
imports it lazily, when the dashboard dock is first shown, to keep startup fast.
The panel only reads the document; clicking a Gantt bar emits `node_activated`.

Legibility rules the charts keep at any dock size:
- row labels (stages, Gantt nodes) are separate text items, elided to a share of
  the plot's width, with the full text in their tooltip;
- the Gantt shows only as many rows as fit at one row pitch (a font height and a
  half) and scrolls with the mouse wheel for the rest;
- the burn-up opens on the recent past and the year ahead, so the completed
  history is readable; a goal beyond that is named at the edge of the view.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QCursor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QGraphicsSimpleTextItem,
    QLabel,
    QSplitter,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.planning import Schedule, burnup, goal_scope, stage_hours, summary
from roadmap_app.ui.common.messages import tooltip as plain_tooltip
from roadmap_app.ui.common.plan_cache import schedule_for
from roadmap_app.ui.dashboard import gantt_lanes
from roadmap_app.ui.dashboard.readiness_view import ReadinessView

DEBOUNCE_MS = 100
DAY = 86_400.0
MIN_POINT_SIZE = 9.0
ROW_PITCH = 1.6  # a row label's height in font heights, so neighbours never touch
HISTORY_PAD_DAYS = 30  # the burn-up opens this long before the first recorded change
HORIZON_DAYS = 365  # ... to the goal; this far ahead when the plan has no end
WIDE_LAYOUT = 760  # from this width the burn-up and the stages sit side by side

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


def _swatch(colour: str, text: str, mark: str = "■") -> str:
    """A coloured key for a chart title (our own text, never user text)."""
    return f"<span style='color:{colour}'>{mark}</span>&nbsp;{text}"


def _let_title_shrink(label: pg.LabelItem) -> None:
    """pyqtgraph makes a title's text width the plot's minimum width, which pushes a
    narrow plot out of its widget (clipped axes). Titles are fitted to the width
    instead (`_fit_title`), so the label may shrink to nothing."""
    original = label.updateMin

    def update_min() -> None:
        original()
        label.setMinimumWidth(0)
        hints = getattr(label, "_sizeHint", None)
        if isinstance(hints, dict) and Qt.SizeHint.MinimumSize in hints:
            hints[Qt.SizeHint.MinimumSize] = (0, hints[Qt.SizeHint.MinimumSize][1])

    label.updateMin = update_min


class _RowsViewBox(pg.ViewBox):
    """A view whose wheel scrolls rows (the owner decides what that means)."""

    def __init__(self, on_wheel) -> None:
        super().__init__(enableMenu=False)
        self._on_wheel = on_wheel

    def wheelEvent(self, ev, axis=None) -> None:
        self._on_wheel(1 if ev.delta() < 0 else -1)
        ev.accept()

    def mouseDragEvent(self, ev, axis=None) -> None:
        ev.ignore()


class RowLabels:
    """Names for the rows of a horizontal bar chart, drawn in the left axis.

    pyqtgraph's own tick labels overlap or vanish when rows are tight; these are
    plain text items, elided to a share of the plot's width, one per row, with the
    full text as tooltip. Rows are view y coordinates 0, 1, 2, ...
    """

    def __init__(self, plot: pg.PlotWidget) -> None:
        self._plot = plot
        self._axis = plot.getAxis("left")
        self._axis.setStyle(showValues=False)
        self._axis.setTicks([[], []])
        self._texts: list[str] = []
        self.items: list[QGraphicsSimpleTextItem] = []
        self._font = QFont()
        vb = plot.getPlotItem().vb
        vb.sigRangeChanged.connect(self.place)
        vb.sigResized.connect(self.place)

    def set_rows(self, rows: list[tuple[str, str]], font: QFont, colour: str) -> None:
        """rows: (label, tooltip) from the top."""
        scene = self._plot.scene()
        for item in self.items:
            scene.removeItem(item)
        self._font = font
        self._texts = [label for label, _tip in rows]
        self.items = []
        for _label, tip in rows:
            item = QGraphicsSimpleTextItem(self._axis)
            item.setFont(font)
            item.setBrush(QColor(colour))
            item.setToolTip(plain_tooltip(tip))  # node titles and stage names are user text
            self.items.append(item)
        self.place()

    def place(self, *_args) -> None:
        if not self.items:
            return
        metrics = QFontMetrics(self._font)
        budget = max(80, min(280, int(self._plot.width() * 0.3)))
        widest = max(metrics.horizontalAdvance(text) for text in self._texts)
        width = min(widest, budget)
        if abs(self._axis.width() - (width + 14)) > 0.5:
            self._axis.setWidth(width + 14)  # re-lays the plot out, which calls place again
        vb = self._plot.getPlotItem().vb
        top, bottom = sorted(vb.viewRange()[1])
        row_px = abs(vb.mapViewToScene(QPointF(0, 1)).y() - vb.mapViewToScene(QPointF(0, 0)).y())
        # Rows tighter than a line of text (a very short dock): name every n-th row
        # rather than let the names overlap; each bar's tooltip still names it.
        step = max(1, math.ceil(metrics.height() * 1.05 / row_px)) if row_px > 0 else 1
        for row, (item, text) in enumerate(zip(self.items, self._texts, strict=True)):
            item.setText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width))
            item.setVisible(top - 0.01 <= row <= bottom + 0.01 and row % step == 0)
            centre = self._axis.mapFromScene(vb.mapViewToScene(QPointF(0, row)))
            rect = item.boundingRect()
            item.setPos(self._axis.width() - 8 - rect.width(), centre.y() - rect.height() / 2)


class DashboardPanel(QWidget):
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
                                          view=_RowsViewBox(self.scroll_gantt))
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

    def gantt_ids(self) -> list[str]:
        """The ids of the Gantt rows shown, from the top."""
        return [bar[0] for bar in self._bars]

    def gantt_capacity(self) -> int:
        """How many Gantt rows fit legibly in the plot's current height."""
        height = self.gantt_plot.getPlotItem().vb.height()
        if height <= 0:  # not laid out yet: a sensible first guess
            return 8
        return max(1, int(height // self.row_pitch()))

    def row_pitch(self) -> float:
        return QFontMetrics(self.chart_font()).height() * ROW_PITCH

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
        _let_title_shrink(plot.getPlotItem().titleLabel)
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

    # -- burn-up -----------------------------------------------------------
    def _draw_burnup(self, roadmap, scope: set[str]) -> None:
        colours = self._colours
        plot = self.burnup_plot
        self._reset(plot)
        plot.getAxis("left").setWidth(None)
        self._marks = []
        key = " &nbsp; ".join([
            _swatch(colours.done, "done", "━"), _swatch(colours.planned, "plan", "╍"),
            _swatch(colours.today, "today", "│"), _swatch(colours.critical, "goal", "┆")])
        self._set_title(plot, "Completed hours: &nbsp;" + key, key, "Completed hours")
        today = dt.date.today()
        progress = burnup(roadmap, scope)
        points = [p for p in progress.points if p[0] <= today]
        first = points[0][0] - dt.timedelta(days=1) if points else today
        completed = [(first, progress.baseline), *points]
        if completed[-1][0] < today:
            completed.append((today, completed[-1][1]))
        self._completed = completed
        now = completed[-1][1]
        self._planned = [(today, now)]
        if self._plan and self._plan.entries:
            if self._plan.start > today:
                self._planned.append((self._plan.start, now))
            self._planned += [(e.finish, now + e.end_hour) for e in self._plan.entries]
        if progress.total_hours <= 0 and not self._plan_has_work():
            self._empty(plot, "No hours estimated yet: add hours to nodes to see progress")
            return

        lo, hi = self.burnup_default_range()
        xs, ys = [stamp(lo)], [completed[0][1]]  # the flat stretch before the first change shows too
        for k, (day, hours) in enumerate(completed):  # a step line: work lands on its day
            if k:
                xs.append(stamp(day))
                ys.append(completed[k - 1][1])
            xs.append(stamp(day))
            ys.append(hours)
        done_fill = QColor(colours.done)
        done_fill.setAlpha(60)
        # The history is drawn over the today and goal lines: it is what the user did.
        plot.plot(xs, ys, pen=pg.mkPen(colours.done, width=3), fillLevel=0, brush=done_fill).setZValue(10)
        plot.plot([stamp(today)], [now], pen=None, symbol="o", symbolSize=9, symbolBrush=colours.done,
                  symbolPen=pg.mkPen(colours.background, width=1.5)).setZValue(11)
        if len(self._planned) > 1:
            plot.plot([stamp(d) for d, _ in self._planned], [h for _, h in self._planned],
                      pen=pg.mkPen(colours.planned, width=2, style=Qt.PenStyle.DashLine))
        plot.addItem(pg.InfiniteLine(pos=stamp(today), angle=90, pen=pg.mkPen(colours.today, width=1)))
        goal = self._plan.goal_date if self._plan else None
        if goal is not None:
            plot.addItem(pg.InfiniteLine(
                pos=stamp(goal), angle=90,
                pen=pg.mkPen(colours.critical, width=1.5, style=Qt.PenStyle.DotLine)))
        self._marks = [self._mark(f"{now:.0f} h done", colours.done, (1.05, 1.1)),
                       self._mark("", colours.critical, (1, 1))]
        plot.setXRange(stamp(lo), stamp(hi), padding=0)
        self._place_burnup_marks()

    def _plan_has_work(self) -> bool:
        return bool(self._plan and self._plan.entries)

    def _mark(self, text: str, colour: str, anchor) -> pg.TextItem:
        item = pg.TextItem(text, color=colour, anchor=anchor)
        item.setFont(self.chart_font())
        self.burnup_plot.addItem(item, ignoreBounds=True)
        return item

    def burnup_default_range(self) -> tuple[dt.date, dt.date]:
        """From a little before the first recorded change to the end of the plan (the
        goal, or the last planned finish): the whole plan, so a 13-year plan is not
        shown as its first year. Zoom in with the mouse wheel."""
        today = dt.date.today()
        first = min(self._completed[0][0], today) if self._completed else today
        lo = first - dt.timedelta(days=HISTORY_PAD_DAYS)
        start = max(today, self._plan.start) if self._plan else today
        hi = start + dt.timedelta(days=HORIZON_DAYS)
        goal = self._plan.goal_date if self._plan else None
        last = self._planned[-1][0] if self._planned else None
        if goal is not None:
            hi = goal
        elif last is not None and last > today:
            hi = last
        hi = max(hi, today + dt.timedelta(days=30))
        return lo, hi + dt.timedelta(days=max(3, (hi - lo).days // 25))

    def _visible_peak(self, x0: float, x1: float) -> float:
        """The highest completed or planned value between two x positions."""
        peak = 0.0
        for series in (self._completed, self._planned):
            xs = [stamp(day) for day, _h in series]
            for k, (x, hours) in enumerate(zip(xs, (h for _d, h in series), strict=True)):
                if x0 <= x <= x1:
                    peak = max(peak, hours)
                elif x > x1 and k:  # the line leaves the view between two points
                    px, ph = xs[k - 1], series[k - 1][1]
                    if px <= x1:
                        peak = max(peak, ph + (hours - ph) * (x1 - px) / (x - px))
                    break
        return peak

    def _place_burnup_marks(self, *_args) -> None:
        """The 'done' figure beside today's point, and the goal (at the edge when beyond view)."""
        if len(self._marks) != 2 or not self._completed:
            return
        done_mark, goal_mark = self._marks
        vb = self.burnup_plot.getPlotItem().vb
        (x0, x1), _ys = vb.viewRange()
        y1 = max(self._visible_peak(x0, x1), 1.0) * 1.08
        y0 = -0.05 * y1  # a sliver below zero, so the 0 tick and the flat history show
        vb.setYRange(y0, y1, padding=0)  # fit what is in view, as the user pans in time
        today, now = dt.date.today(), self._completed[-1][1]
        near_left = (stamp(today) - x0) < 0.3 * (x1 - x0)
        if near_left and now > 0.25 * y1:  # no room on the left: below the plan line instead
            done_mark.setAnchor((-0.08, -0.1))
        else:
            done_mark.setAnchor((1.05, 1.1))
        done_mark.setPos(stamp(today), now)
        goal = self._plan.goal_date if self._plan else None
        if goal is None:
            goal_mark.setText("goal reached" if self._plan and self._plan.goal_reached else "")
            goal_mark.setAnchor((1, 1))
            goal_mark.setPos(x1, y0)
            return
        if stamp(goal) <= x1:
            goal_mark.setText(f"goal {goal.isoformat()}")
            goal_mark.setAnchor((1, 1))
            goal_mark.setPos(stamp(goal), y0)
        else:
            goal_mark.setText(f"goal {goal.isoformat()} →")
            goal_mark.setAnchor((1, 1))
            goal_mark.setPos(x1, y0)

    # -- hours by stage ------------------------------------------------------
    def _draw_stages(self, roadmap, scope: set[str]) -> None:
        colours = self._colours
        plot = self.stage_plot
        self._reset(plot)
        self._set_title(
            plot,
            "Hours by stage: &nbsp;" + _swatch(colours.done, "done") + " &nbsp; "
            + _swatch(colours.planned, "remaining", "□"),
            "By stage: &nbsp;" + _swatch(colours.done, "done") + " &nbsp; "
            + _swatch(colours.planned, "to do", "□"),
            "Hours by stage")
        # Every stage of the plan: continuous learning is off the goal's path, not off the plan.
        rows = stage_hours(roadmap)
        self._stages = rows
        if not rows:
            self.stage_labels.set_rows([], self.chart_font(), colours.foreground)
            self._empty(plot, "No hours estimated yet")
            return
        ys = list(range(len(rows)))
        done = [d for _s, d, _r in rows]
        left = [r for _s, _d, r in rows]
        plot.addItem(pg.BarGraphItem(x0=[0] * len(rows), y=ys, height=0.6, width=done,
                                     brush=colours.done, pen=pg.mkPen(None)))
        plot.addItem(pg.BarGraphItem(x0=done, y=ys, height=0.6, width=left,
                                     brush=colours.remaining, pen=pg.mkPen(colours.planned)))
        self.stage_labels.set_rows(
            [(stage or "(no stage)", f"{stage or '(no stage)'}\n{d:.0f} h done · {r:.0f} h remaining")
             for stage, d, r in rows],
            self.chart_font(), colours.foreground)
        plot.setYRange(-0.6, len(rows) - 0.4, padding=0)
        plot.setXRange(0, max(d + r for _s, d, r in rows), padding=0.06)
        line = QFontMetrics(self.chart_font()).height()
        plot.setMinimumHeight(int(line * (len(rows) * 1.15 + 5)))  # every stage keeps its name

    def _stage_hover(self, scene_pos) -> None:
        point = self.stage_plot.getPlotItem().vb.mapSceneToView(scene_pos)
        row = round(point.y())
        if 0 <= row < len(self._stages) and abs(point.y() - row) <= 0.35:
            stage, done, left = self._stages[row]
            if 0 <= point.x() <= done + left:
                text = f"{stage or '(no stage)'}\n{done:.0f} h done · {left:.0f} h remaining"
                QToolTip.showText(QCursor.pos(), plain_tooltip(text), self.stage_plot)
                return
        QToolTip.hideText()

    # -- Gantt ---------------------------------------------------------------
    def scroll_gantt(self, rows: int) -> None:
        """Move the Gantt's window over the schedule by `rows` (the wheel's step)."""
        total = len(self._plan.entries) if self._plan else 0
        first = max(0, min(self._gantt_first + rows, total - self._gantt_rows_shown))
        if first != self._gantt_first:
            self._gantt_first = first
            self._draw_gantt()

    def _gantt_resized(self, *_args) -> None:
        if self.gantt_capacity() != self._gantt_rows_shown:
            QTimer.singleShot(0, self._draw_gantt)  # not inside pyqtgraph's layout pass

    def _draw_gantt(self) -> None:
        colours = self._colours
        plot = self.gantt_plot
        self._reset(plot)
        self._bars = []
        entries = gantt_lanes.lane_rows(self._plan.entries) if self._plan else []
        capacity = self.gantt_capacity()
        self._gantt_rows_shown = capacity
        self._gantt_first = max(0, min(self._gantt_first, len(entries) - capacity))
        shown = entries[self._gantt_first:self._gantt_first + capacity]
        key = " &nbsp; ".join([_swatch(colours.critical, "critical path"),
                               _swatch(colours.planned, "other"), _swatch(colours.risk, "at risk (!)")])
        if len(entries) > len(shown):
            first = self._gantt_first + 1
            span = f"{first}–{first + len(shown) - 1} of {len(entries)}"
            self._set_title(plot, f"Upcoming nodes ({span}, scroll for more): &nbsp; {key}",
                            f"Upcoming nodes ({span}): &nbsp; {key}", f"Upcoming ({span})<br>{key}",
                            f"Upcoming ({span})")
        elif shown:
            self._set_title(plot, f"Upcoming nodes: &nbsp; {key}", f"Upcoming<br>{key}", "Upcoming nodes")
        else:
            self._set_title(plot, "Upcoming nodes")
        if not shown:
            self.gantt_labels.set_rows([], self.chart_font(), colours.foreground)
            if self._plan is None:
                text = f"No projection: {self._problem}" if self._problem else "No projection"
            else:
                text = "All done — nothing left to schedule"
            self._empty(plot, text)
            return
        hosts = [gantt_lanes.host_title(self._document, e.id) for e in shown]
        for row, entry in enumerate(shown):
            x0, x1 = stamp(entry.start), stamp(entry.finish) + DAY
            self._bars.append((entry.id, entry.title, x0, x1))
            colour = colours.risk if entry.at_risk else (
                colours.critical if entry.on_critical_path else colours.planned)
            # a degree or a job: outlined, lighter; a practice: a thin ongoing line
            brush = QColor(colour)
            if gantt_lanes.is_duration(entry):
                brush.setAlphaF(0.45)
            pen = pg.mkPen(colour, width=1.5) if gantt_lanes.is_duration(entry) else pg.mkPen(None)
            plot.addItem(pg.BarGraphItem(x0=[x0], y=[row], height=gantt_lanes.bar_height(entry, hosts[row]),
                                         width=[x1 - x0], brush=brush, pen=pen))
        # never colour alone: at-risk rows are also marked in the label
        self.gantt_labels.set_rows(
            [(gantt_lanes.row_label(e, h), self._entry_text(e)) for e, h in zip(shown, hosts, strict=True)],
            self.chart_font(), colours.foreground)
        today = stamp(dt.date.today())
        start = min(b[2] for b in self._bars)
        end = max(b[3] for b in self._bars)
        if start <= today <= end:
            plot.addItem(pg.InfiniteLine(pos=today, angle=90, pen=pg.mkPen(colours.today, width=1.5)))
        plot.setYRange(-0.5, max(capacity, len(shown)) - 0.5, padding=0)
        plot.setXRange(start, end, padding=0.02)

    @staticmethod
    def _entry_text(entry) -> str:
        days = (entry.finish - entry.start).days + 1
        lines = [entry.title,
                 f"{entry.start.isoformat()} to {entry.finish.isoformat()} ({days} d) · {entry.hours:.1f} h"]
        if entry.stage:
            lines.append(f"Stage: {entry.stage}")
        if entry.on_critical_path:
            lines.append("On the critical path")
        if entry.at_risk and entry.target_date:
            lines.append(f"At risk: target {entry.target_date.isoformat()}")
        elif entry.at_risk:
            lines.append("At risk")
        return "\n".join(lines)

    # -- interaction -----------------------------------------------------
    def _view_point(self, scene_pos) -> QPointF:
        return self.gantt_plot.getPlotItem().vb.mapSceneToView(scene_pos)

    def _gantt_hover(self, scene_pos) -> None:
        vb = self.gantt_plot.getPlotItem().vb
        inside = vb.sceneBoundingRect().contains(scene_pos)
        node_id = self.bar_at(self._view_point(scene_pos)) if inside else None
        entry = self._plan.entry(node_id) if self._plan and node_id else None
        if entry is None:
            self.gantt_plot.viewport().unsetCursor()
            if self._tip_shown:  # leave the row labels' own tooltips alone
                QToolTip.hideText()
                self._tip_shown = False
            return
        self.gantt_plot.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
        text = self._entry_text(entry) + "\nClick to show it on the canvas"
        QToolTip.showText(QCursor.pos(), plain_tooltip(text), self.gantt_plot)
        self._tip_shown = True

    def _gantt_click(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        node_id = self.bar_at(self._view_point(event.scenePos()))
        if node_id is not None:
            self.node_activated.emit(node_id)


__all__ = ["ChartColours", "DashboardPanel", "RowLabels"]
