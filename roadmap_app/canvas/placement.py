"""Where cards go: card sizes, positions for nodes without one, and stage bands.

The layered layout belongs to the graph engine (roadmap_app.graph.layout);
this module adapts it for the scene and keeps a stage-column grid as a
fallback. Computed positions are presentation only: they are never written
into the model (only a user drag or the Auto-layout command does that).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QRectF

from ..graph.regions import HEADER as BAND_HEADER
from ..graph.regions import PAD as BAND_PAD
from ..graph.regions import stage_regions
from ..model import NodeKind, Roadmap

try:  # draw cards at exactly the size the graph engine's layout spaces them for
    from ..graph.layout import METRICS as _METRICS
except ImportError:  # pragma: no cover - the layout is part of the graph engine
    _METRICS = None

CARD_WIDTH = _METRICS.card_width if _METRICS else 200.0
CARD_HEIGHT = _METRICS.card_height if _METRICS else 84.0
COLUMN_GAP = _METRICS.column_gap if _METRICS else 64.0
ROW_GAP = _METRICS.row_gap if _METRICS else 20.0
CONTINUOUS_WORDS = ("continuous",)


def card_size(kind: NodeKind) -> tuple[float, float]:
    """One size for every kind, so columns align and the layout's spacing fits."""
    return CARD_WIDTH, CARD_HEIGHT


def is_continuous_stage(stage: str) -> bool:
    return any(word in stage.casefold() for word in CONTINUOUS_WORDS)


def initial_positions(roadmap: Roadmap) -> dict[str, tuple[float, float]]:
    """Top-left corners for every node: its saved position, else the layout's."""
    if all(node.position is not None for node in roadmap.nodes):
        return {node.id: (node.position.x, node.position.y) for node in roadmap.nodes}
    try:
        from ..graph.layout import layout
    except ImportError:  # pragma: no cover - the layered layout is part of the graph engine
        return _grid_positions(roadmap)
    try:
        return layout(roadmap, respect_positions=True)
    except Exception:  # a layout bug must not keep the plan from opening: fall back to columns
        logging.getLogger(__name__).exception("layout failed; using stage columns")
        return _grid_positions(roadmap)


def _grid_positions(roadmap: Roadmap) -> dict[str, tuple[float, float]]:
    """Stage bands of columns by prerequisite depth; the continuous stage in a row below."""
    stage_of = {n.id: n.stage for n in roadmap.nodes}
    preds: dict[str, list[str]] = {}
    for edge in roadmap.edges:
        if edge.kind.is_ordering and stage_of.get(edge.source) == stage_of.get(edge.target):
            preds.setdefault(edge.target, []).append(edge.source)
    depth: dict[str, int] = {}

    def depth_of(node_id: str, seen: frozenset[str] = frozenset()) -> int:
        if node_id not in depth:
            depth[node_id] = 1 + max(
                (depth_of(p, seen | {node_id}) for p in preds.get(node_id, ()) if p not in seen), default=-1
            )
        return depth[node_id]

    pitch_x, pitch_y = CARD_WIDTH + COLUMN_GAP, CARD_HEIGHT + ROW_GAP
    out: dict[str, tuple[float, float]] = {}
    rows: dict[int, int] = {}
    column0 = 0
    for stage in roadmap.stage_order():
        if is_continuous_stage(stage):
            continue
        members = [n for n in roadmap.nodes if n.stage == stage]
        width = 0
        for node in members:
            col = column0 + depth_of(node.id)
            out[node.id] = (col * pitch_x, BAND_HEADER + rows.get(col, 0) * pitch_y)
            rows[col] = rows.get(col, 0) + 1
            width = max(width, col - column0 + 1)
        column0 += max(width, 1) if members else 0
    y = BAND_HEADER + max(rows.values(), default=0) * pitch_y + 2 * BAND_PAD + BAND_HEADER
    bottom = [n for n in roadmap.nodes if is_continuous_stage(n.stage)]
    for i, node in enumerate(bottom):
        out[node.id] = (i * pitch_x, y)
    for node in roadmap.nodes:
        if node.position is not None:
            out[node.id] = (node.position.x, node.position.y)
    return out


@dataclass(frozen=True)
class Band:
    title: str
    rect: QRectF
    index: int
    continuous: bool = False


def compute_bands(stage_order: list[str], stage_of: dict[str, str], rects: dict[str, QRectF]) -> list[Band]:
    """Stage bands from where the cards actually are: each stage's own region
    (graph.regions), so a band always holds its cards, whatever their positions.
    Stages without cards get no band."""
    tuples = {nid: (r.x(), r.y(), r.width(), r.height()) for nid, r in rects.items()}
    continuous = {s for s in set(stage_of.values()) if is_continuous_stage(s)}
    regions = stage_regions(stage_order, stage_of, tuples, continuous)
    return [
        Band(r.stage, QRectF(r.x0, r.y0, r.width, r.height), i, r.continuous)
        for i, r in enumerate(regions)
    ]
