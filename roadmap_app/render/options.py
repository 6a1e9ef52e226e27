"""What an image export should contain, and its limits."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from ..model.errors import RoadmapError

MAX_SIDE = 16_384  # pixels a side; larger images are scaled down, with a message
MAX_PIXELS = 160_000_000  # keeps a PNG export's memory bounded whatever the aspect ratio
IMAGE_FORMATS = ("png", "svg", "pdf")
OVERVIEW_WIDTH = 1920  # px, the "overview" preset
OVERVIEW_CAP_PX = 9.5  # cap height its titles get at least (9 px is legible; room for rounding)


class ExportScope(StrEnum):
    ALL = "all"  # the whole roadmap
    VIEW = "view"  # the rectangle the user is looking at (GUI only)
    SELECTION = "selection"
    FOCUS = "focus"  # the path to the goal (or to a chosen node)


class ExportError(RoadmapError):
    """An export could not be written; the message names the file and the problem."""


@dataclass
class ExportOptions:
    scope: ExportScope = ExportScope.ALL
    theme: str = "light"  # "light" or "dark"
    scale: float = 1.0  # output pixels per scene unit (PNG); ignored by PDF (fits the page)
    dpi: int | None = None  # if set, PNG physical resolution metadata (and scale = dpi / 96)
    transparent: bool = False
    include_title: bool = True
    include_legend: bool = True
    include_summary: bool = True
    focus_node: str | None = None  # focus scope: path to this node (default: the plan's goal)
    selection: tuple[str, ...] = ()
    view_rect: tuple[float, float, float, float] | None = None  # x, y, w, h in scene units
    png_compression: int = 1  # zlib level; 1 is fast and still small for flat drawings
    paper: str = "auto"  # PDF map pages: "a4", "letter" or "auto" (by the locale); see paper.py
    pdf_pages: str = "fit"  # "fit" (one page) or "tiles" (a poster over several)
    # "overview": PNG/SVG of the whole map OVERVIEW_WIDTH px wide, each card showing its
    # whole title in big type (the scale option is then ignored).
    preset: str = ""
    preset_scale: float = 0.0  # set by the exporter from the drawn area for the preset

    def effective_scale(self) -> float:
        scale = self.dpi / 96.0 if self.dpi else self.scale
        if self.preset == "overview" and self.preset_scale:
            scale = self.preset_scale
        if not (0.05 <= scale <= 16.0):
            raise ExportError(f"scale must be between 0.05 and 16 (got {scale:g})")
        return scale


@dataclass
class ExportResult:
    path: str
    width: int
    height: int
    scale: float
    clamped: bool = False
    message: str = ""
