"""The hours-by-stage chart: done and remaining hours per stage, one bar per stage."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QCursor, QFontMetrics
from PySide6.QtWidgets import (
    QToolTip,
)

from roadmap_app.planning import stage_hours
from roadmap_app.ui.common.messages import tooltip as plain_tooltip
from roadmap_app.ui.dashboard.chart_kit import (
    swatch,
)


class StagesChart:
    """The stages part of DashboardPanel (a mixin: it uses the panel's plots and state)."""

    def _draw_stages(self, roadmap, scope: set[str]) -> None:
        colours = self._colours
        plot = self.stage_plot
        self._reset(plot)
        self._set_title(
            plot,
            "Hours by stage: &nbsp;" + swatch(colours.done, "done") + " &nbsp; "
            + swatch(colours.planned, "remaining", "□"),
            "By stage: &nbsp;" + swatch(colours.done, "done") + " &nbsp; "
            + swatch(colours.planned, "to do", "□"),
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
