"""The map on paper: standard pages, fitted on one or tiled as a poster.

A PDF's map pages are A4 or Letter (by the locale unless chosen), portrait or
landscape, whichever suits the map. Two layouts:

- fit: the whole map on one page. The scale is what the page allows, and the
  cards are drawn at the detail whose smallest text is still MIN_PT on paper
  (full cards, big titles only, or blocks with the map labels of lod.py and
  labels.py): nothing printed is smaller than MIN_PT.
- tiles: a poster at POSTER_PT_PER_UNIT, where full cards print with every
  title at 9.75 pt, cut into as few pages as the paper allows. Neighbouring
  pages overlap by OVERLAP_MM, marked on both, and each page is labelled with
  its row and column so the sheets can be laid out and glued.

Page geometry only; the drawing is in vector.py.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from PySide6.QtCore import QLocale, QRectF
from PySide6.QtGui import QPageLayout, QPageSize

from ..canvas.lod import FULL_FROM, OVERVIEW_BELOW
from .options import ExportError

MIN_PT = 7.0  # smallest text printed on a map page
MARGIN_MM = 10.0
OVERLAP_MM = 12.0
LABEL_STRIP_MM = 8.0  # the page label under a poster tile
POSTER_PT_PER_UNIT = 0.75  # a 200-unit card is 53 mm wide; 13 px titles print at 9.75 pt
PT_PER_MM = 72 / 25.4
# Smallest text (scene units) each card detail draws: FULL has 10 px kind labels, COMPACT
# 21 px titles; OVERVIEW draws blocks, and names only through screen-sized map labels.
SMALLEST_FULL, SMALLEST_COMPACT = 10.0, 21.0
MAP_LABEL_PX = 13.0  # labels.LANDMARK_SCREEN_PX: the smallest map label, in device px at the lod
# Territories on Letter paper (the US customary system, and its neighbours that kept it).
LETTER_TERRITORIES = {"UnitedStates", "Canada", "Mexico", "Philippines", "Chile", "Colombia",
                      "Venezuela", "Guatemala", "CostaRica", "Panama", "DominicanRepublic", "PuertoRico"}


class Paper(StrEnum):
    AUTO = "auto"  # by the locale
    A4 = "a4"
    LETTER = "letter"


class PdfPages(StrEnum):
    FIT = "fit"  # the whole map on one page
    TILES = "tiles"  # a poster over as many pages as it needs


@dataclass(frozen=True)
class Tile:
    src: QRectF  # scene units
    row: int
    column: int
    rows: int
    columns: int

    @property
    def label(self) -> str:
        letter = chr(ord("A") + self.row) if self.row < 26 else str(self.row + 1)
        return f"{letter}{self.column + 1}"


@dataclass(frozen=True)
class PagePlan:
    page: QPageSize
    orientation: QPageLayout.Orientation
    pt_per_unit: float  # points on paper per scene unit
    lod: float  # the painter scale (device px per scene unit) the cards are drawn at
    tiles: list[Tile]
    overlap: float  # scene units shared by neighbouring tiles


def paper_for_locale(locale: QLocale | None = None) -> Paper:
    locale = locale or QLocale.system()
    if locale.measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem:
        return Paper.LETTER
    territory = QLocale.territoryToString(locale.territory()).replace(" ", "")
    return Paper.LETTER if territory in LETTER_TERRITORIES else Paper.A4


def page_size(paper: Paper | str) -> QPageSize:
    paper = Paper(paper)
    if paper is Paper.AUTO:
        paper = paper_for_locale()
    ident = QPageSize.PageSizeId.Letter if paper is Paper.LETTER else QPageSize.PageSizeId.A4
    return QPageSize(ident)


def _body_pt(
    page: QPageSize, orientation: QPageLayout.Orientation, reserved_pt: float
) -> tuple[float, float]:
    size = page.size(QPageSize.Unit.Point)
    w, h = size.width(), size.height()
    if orientation == QPageLayout.Orientation.Landscape:
        w, h = h, w
    margin = MARGIN_MM * PT_PER_MM
    return w - 2 * margin, h - 2 * margin - reserved_pt


def fit_lod(pt_per_unit: float) -> float:
    """The painter scale for a fitted map: the richest detail whose text stays >= MIN_PT."""
    if SMALLEST_FULL * pt_per_unit >= MIN_PT:
        return FULL_FROM * 1.1
    if SMALLEST_COMPACT * pt_per_unit >= MIN_PT:
        return (OVERVIEW_BELOW + FULL_FROM) / 2
    # Blocks; a map label of MAP_LABEL_PX device px is MAP_LABEL_PX / lod units, which
    # must print at MIN_PT or more.
    return min(OVERVIEW_BELOW * 0.9, MAP_LABEL_PX * pt_per_unit / MIN_PT * 0.98)


def plan_fit(src: QRectF, paper: Paper | str, reserved_pt: float) -> PagePlan:
    """One page, the orientation giving the larger map; `reserved_pt` is header and legend."""
    page = page_size(paper)
    best = None
    for orientation in (QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait):
        bw, bh = _body_pt(page, orientation, reserved_pt)
        k = min(bw / max(src.width(), 1.0), bh / max(src.height(), 1.0))
        if best is None or k > best[0]:
            best = (k, orientation)
    assert best is not None
    k, orientation = best
    if k <= 0:
        raise ExportError("the page is too small for the map's header and legend")
    return PagePlan(page, orientation, k, fit_lod(k), [Tile(QRectF(src), 0, 0, 1, 1)], 0.0)


def plan_tiles(src: QRectF, paper: Paper | str, max_pages: int = 400) -> PagePlan:
    """A poster at POSTER_PT_PER_UNIT over the fewest pages (either orientation)."""
    page = page_size(paper)
    k = POSTER_PT_PER_UNIT
    overlap = OVERLAP_MM * PT_PER_MM / k
    best = None
    for orientation in (QPageLayout.Orientation.Landscape, QPageLayout.Orientation.Portrait):
        bw, bh = _body_pt(page, orientation, LABEL_STRIP_MM * PT_PER_MM)
        tw, th = bw / k, bh / k  # a tile's body in scene units
        columns = max(1, math.ceil((src.width() - overlap) / (tw - overlap)))
        rows = max(1, math.ceil((src.height() - overlap) / (th - overlap)))
        if best is None or rows * columns < best[0]:
            best = (rows * columns, orientation, rows, columns, tw, th)
    assert best is not None
    count, orientation, rows, columns, tw, th = best
    if count > max_pages:
        raise ExportError(f"the poster would take {count} pages (at most {max_pages}); "
                          "choose a fitted page instead")
    tiles = [
        Tile(QRectF(src.left() + c * (tw - overlap), src.top() + r * (th - overlap), tw, th),
             r, c, rows, columns)
        for r in range(rows) for c in range(columns)
    ]
    return PagePlan(page, orientation, k, FULL_FROM * 1.6, tiles, overlap)
