"""The progress dashboard dock: burn-up, hours by stage and a Gantt timeline, one module per chart.

This is the only package that imports pyqtgraph (and so numpy). The main window
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

from roadmap_app.ui.dashboard.chart_kit import ChartColours, RowLabels, stamp
from roadmap_app.ui.dashboard.panel import DashboardPanel

__all__ = ["ChartColours", "DashboardPanel", "RowLabels", "stamp"]
