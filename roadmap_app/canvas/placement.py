"""Where cards go: card sizes, positions for nodes without one, and stage bands.

The layered layout belongs to the graph engine (roadmap_app.graph.layout);
this module adapts it for the scene and keeps a stage-column grid as a
fallback. Computed positions are presentation only: they are never written
into the model (only a user drag or the Auto-layout command does that).
"""

from __future__ import annotations

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
    try:
        from ..graph.layout import layout
    except ImportError:  # the layered layout has not landed yet
        return _grid_positions(roadmap)
    return layout(roadmap, respect_positions=True)


def _grid_positions(roadmap: Roadmap) -> dict[str, tuple[float, float]]:
    """Stage columns, main stages side by side and the continuous stage below them."""
    main = [s for s in roadmap.stage_order() if not is_continuous_stage(s)]
    per_stage: dict[str, list] = {}
    for node in roadmap.nodes:
        per_stage.setdefault(node.stage, []).append(node)
    out: dict[str, tuple[float, float]] = {}
    x = 0.0
    tallest = 0
    rows_per_column = 8
    for stage in main:
        nodes = per_stage.get(stage, [])
        columns = max(1, -(-len(nodes) // rows_per_column))
        for i, node in enumerate(nodes):
            col, row = divmod(i, rows_per_column)
            out[node.id] = (x + col * (CARD_WIDTH + COLUMN_GAP), row * (CARD_HEIGHT + ROW_GAP))
        tallest = max(tallest, min(len(nodes), rows_per_column))
        x += columns * (CARD_WIDTH + COLUMN_GAP) + 2 * BAND_PAD
    y = tallest * (CARD_HEIGHT + ROW_GAP) + 2 * BAND_PAD + BAND_HEADER
    continuous = [n for s in roadmap.stage_order() if is_continuous_stage(s) for n in per_stage.get(s, [])]
    for i, node in enumerate(continuous):
        out[node.id] = (i * (CARD_WIDTH + COLUMN_GAP), y)
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
