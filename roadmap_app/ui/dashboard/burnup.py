"""The burn-up chart: completed hours over time, the planned line, today and the goal."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from roadmap_app.planning import burnup
from roadmap_app.ui.dashboard.chart_kit import (
    HISTORY_PAD_DAYS,
    HORIZON_DAYS,
    stamp,
    swatch,
)


class BurnupChart:
    """The burn-up part of DashboardPanel (a mixin: it uses the panel's plots and state)."""

    def _draw_burnup(self, roadmap, scope: set[str]) -> None:
        colours = self._colours
        plot = self.burnup_plot
        self._reset(plot)
        plot.getAxis("left").setWidth(None)
        self._marks = []
        key = " &nbsp; ".join([
            swatch(colours.done, "done", "━"), swatch(colours.planned, "plan", "╍"),
            swatch(colours.today, "today", "│"), swatch(colours.critical, "goal", "┆")])
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
