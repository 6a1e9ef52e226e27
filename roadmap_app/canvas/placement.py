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

from ..model import NodeKind, Roadmap

try:  # draw cards at exactly the size the graph engine's layout spaces them for
    from ..graph.layout import METRICS as _METRICS
except ImportError:  # pragma: no cover - the layout is part of the graph engine
    _METRICS = None

CARD_WIDTH = _METRICS.card_width if _METRICS else 200.0
CARD_HEIGHT = _METRICS.card_height if _METRICS else 84.0
COLUMN_GAP = _METRICS.column_gap if _METRICS else 64.0
ROW_GAP = _METRICS.row_gap if _METRICS else 20.0
BAND_PAD = 28.0  # free space between cards and the band edges
BAND_HEADER = 44.0  # room for the stage label above the first card
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
    """Stage bands from where the cards actually are.

    Main stages become columns in stage order, sharing borders halfway between
    neighbours; the continuous-learning stage becomes a band along the bottom
    across the full width. Stages without cards get no band.
    """
    extents: dict[str, list[float]] = {}
    for node_id, rect in rects.items():
        stage = stage_of.get(node_id, "")
        e = extents.get(stage)
        if e is None:
            extents[stage] = [rect.left(), rect.top(), rect.right(), rect.bottom()]
        else:
            e[0] = min(e[0], rect.left())
            e[1] = min(e[1], rect.top())
            e[2] = max(e[2], rect.right())
            e[3] = max(e[3], rect.bottom())
    main = [s for s in stage_order if s in extents and not is_continuous_stage(s)]
    cont = [s for s in stage_order if s in extents and is_continuous_stage(s)]
    if not main and not cont:
        return []
    all_ext = [extents[s] for s in main or cont]
    top = min(e[1] for e in all_ext) - BAND_PAD - BAND_HEADER
    bottom = max(e[3] for e in all_ext) + BAND_PAD
    bands: list[Band] = []
    lefts = [extents[s][0] - BAND_PAD for s in main]
    rights = [extents[s][2] + BAND_PAD for s in main]
    for i in range(1, len(main)):  # neighbours share one border, halfway between them
        mid = (rights[i - 1] + lefts[i]) / 2 if rights[i - 1] < lefts[i] else lefts[i]
        rights[i - 1] = lefts[i] = mid
    for i, stage in enumerate(main):
        bands.append(Band(stage, QRectF(lefts[i], top, rights[i] - lefts[i], bottom - top), i))
    left = min(lefts) if main else min(extents[s][0] for s in cont) - BAND_PAD
    right = max(rights) if main else max(extents[s][2] for s in cont) + BAND_PAD
    for stage in cont:
        e = extents[stage]
        band_top = max(bottom, e[1] - BAND_PAD - BAND_HEADER) if main else e[1] - BAND_PAD - BAND_HEADER
        band_right = max(right, e[2] + BAND_PAD)
        rect = QRectF(min(left, e[0] - BAND_PAD), band_top, 0, 0)
        rect.setRight(band_right)
        rect.setBottom(e[3] + BAND_PAD)
        bands.append(Band(stage, rect, len(bands), continuous=True))
        bottom = rect.bottom()
    return bands
