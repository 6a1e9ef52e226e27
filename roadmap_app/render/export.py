"""Image export entry point for the CLI and the GUI: PNG, SVG or PDF by extension."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

from ..model import LayoutDirection, Position, Roadmap
from .options import (
    IMAGE_FORMATS,
    OVERVIEW_CAP_PX,
    OVERVIEW_WIDTH,
    ExportError,
    ExportOptions,
    ExportResult,
    ExportScope,
)
from .raster import export_png
from .scene_source import build_scene, source_rect
from .vector import export_pdf, export_svg


def export_image(
    roadmap: Roadmap,
    out_path: str | Path,
    options: ExportOptions | None = None,
    *,
    scene=None,
    progress: Callable[[float], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ExportResult:
    """Write `roadmap` as an image. `scene` lets the GUI reuse its own canvas scene."""
    options = options or ExportOptions()
    path = Path(out_path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in IMAGE_FORMATS:
        raise ExportError(f"{path}: unknown image format .{fmt} (use .png, .svg or .pdf)")
    if not roadmap.nodes:
        raise ExportError(f"{path}: the roadmap has no nodes to draw")
    if not path.parent.is_dir():
        missing = "is not a folder" if path.parent.exists() else "does not exist"
        raise ExportError(f"{path}: the folder {path.parent} {missing}")
    scene = scene or build_scene(roadmap, options)
    src = source_rect(scene, roadmap, options)
    if src.isEmpty():
        raise ExportError(f"{path}: nothing to draw in the chosen area")
    overview = options.preset == "overview" and fmt != "pdf"
    if overview:
        narrower = _overview_roadmap(roadmap, scene, src, options)
        if narrower is not None:
            roadmap, scene = narrower, build_scene(narrower, options)
            src = source_rect(scene, roadmap, options)
        options = replace(options, preset_scale=OVERVIEW_WIDTH / src.width())
    # A poster on the wall reads like the overview: whole titles, big; the appendix has the rest.
    poster = overview or (fmt == "pdf" and options.pdf_pages == "tiles")
    # The drawing scale decides what recedes, as the view's zoom does on screen (a PDF sets
    # its own, for the page: vector.py).
    scale = options.effective_scale() if fmt == "png" else options.preset_scale or 1.0
    with _drawn_uncached(scene), _poster_titles(scene, poster), zoom_detail(scene, scale):
        if fmt == "png":
            return export_png(scene, roadmap, src, path, options, progress, cancelled)
        if fmt == "svg":
            return export_svg(scene, roadmap, src, path, options)
        return export_pdf(scene, roadmap, src, path, options)


def _overview_roadmap(roadmap: Roadmap, scene, src, options: ExportOptions) -> Roadmap | None:
    """The plan laid out in lines narrow enough for the overview's titles to be legible
    at OVERVIEW_WIDTH px, or None when the drawing already is (or is the user's own).

    The screen layout cuts the journey for a landscape window; a poster of fixed width
    reads downwards instead, so its lines may be narrower and more. Cards the user placed
    keep their places: only a plan with no saved position is laid out anew.
    """
    from PySide6.QtGui import QFontMetricsF

    if options.scope is not ExportScope.ALL or roadmap.layout_direction is not LayoutDirection.LEFT_TO_RIGHT:
        return None
    if any(node.position is not None for node in roadmap.nodes):
        return None
    cap = QFontMetricsF(scene.poster_font()).capHeight()
    widest = OVERVIEW_WIDTH * cap / OVERVIEW_CAP_PX  # the widest area drawn with legible caps
    if src.width() <= widest:
        return None
    from ..graph.layout import layout

    xs = [(r.left(), r.right()) for r in map(scene.node_rect, (n.id for n in roadmap.nodes))]
    # Margins, and what is drawn beside the cards:
    frame = src.width() - (max(x1 for _x0, x1 in xs) - min(x0 for x0, _x1 in xs))
    positions = layout(roadmap, respect_positions=False, line_width=widest - frame)
    return roadmap.model_copy(update={"nodes": [
        node.model_copy(update={"position": Position(x=positions[node.id][0], y=positions[node.id][1])})
        for node in roadmap.nodes]})


@contextmanager
def zoom_detail(scene, zoom: float) -> Iterator[None]:
    """The scene drawn as at `zoom` (RoadmapScene.set_zoom_detail), then as before."""
    before = scene.set_zoom_detail(zoom)
    try:
        yield
    finally:
        scene.set_zoom_detail(before)


@contextmanager
def _poster_titles(scene, on: bool) -> Iterator[None]:
    """The overview preset: cards show their whole title big (a GUI scene gets it back after)."""
    if not on:
        yield
        return
    scene.set_poster_titles(True)
    try:
        yield
    finally:
        scene.set_poster_titles(False)


@contextmanager
def _drawn_uncached(scene) -> Iterator[None]:
    """Items cached as pixmaps (the canvas's cards) are painted directly while exporting.

    Else an SVG or PDF would hold pictures of the cards instead of vector shapes, and
    a PNG would scale the on-screen pixmaps.
    """
    from PySide6.QtWidgets import QGraphicsItem

    none = QGraphicsItem.CacheMode.NoCache
    cached = [(item, item.cacheMode()) for item in scene.items() if item.cacheMode() != none]
    for item, _mode in cached:
        item.setCacheMode(none)
    try:
        yield
    finally:
        for item, mode in cached:
            item.setCacheMode(mode)
