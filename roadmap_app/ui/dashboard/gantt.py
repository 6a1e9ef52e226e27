"""The Gantt of upcoming nodes: lanes, bars coloured by critical path and risk, a wheel that
scrolls rows, and a click that shows the node on the canvas."""

from __future__ import annotations

import datetime as dt

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QCursor
from PySide6.QtWidgets import (
    QToolTip,
)

from roadmap_app.ui.common.messages import tooltip as plain_tooltip
from roadmap_app.ui.dashboard import gantt_lanes
from roadmap_app.ui.dashboard.chart_kit import (
    DAY,
    stamp,
    swatch,
)


class GanttChart:
    """The Gantt part of DashboardPanel (a mixin: it uses the panel's plots and state)."""

    def gantt_ids(self) -> list[str]:
        """The ids of the Gantt rows shown, from the top."""
        return [bar[0] for bar in self._bars]

    def gantt_capacity(self) -> int:
        """How many Gantt rows fit legibly in the plot's current height."""
        height = self.gantt_plot.getPlotItem().vb.height()
        if height <= 0:  # not laid out yet: a sensible first guess
            return 8
        return max(1, int(height // self.row_pitch()))


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
        key = " &nbsp; ".join([swatch(colours.critical, "critical path"),
                               swatch(colours.planned, "other"), swatch(colours.risk, "at risk (!)")])
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
