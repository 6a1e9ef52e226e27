"""What the dashboard's charts share: colours, dates as pyqtgraph x values, row labels."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import (
    QGraphicsSimpleTextItem,
)

from roadmap_app.ui.common.messages import tooltip as plain_tooltip

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


def swatch(colour: str, text: str, mark: str = "■") -> str:
    """A coloured key for a chart title (our own text, never user text)."""
    return f"<span style='color:{colour}'>{mark}</span>&nbsp;{text}"


def let_title_shrink(label: pg.LabelItem) -> None:
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


class RowsViewBox(pg.ViewBox):
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
