"""Bring positions from another tool's file onto our cards: scale, then remove overlaps.

Other tools draw cards of any size (an Obsidian text card is often 400 x 60, a yEd
shape 30 x 30, a roadmap.sh topic 250 x 50). Taking their coordinates as they are
piles our 200 x 84 cards on each other; dividing by a fixed factor does too.

`arrange` does two things, both in O(n log n):

1. Scale: centres are scaled per axis by the ratio of our card pitch to the source's
   typical (median) card size, so cards that sat side by side in the source sit side
   by side here, and the picture keeps its proportions.
2. Overlap removal with small displacements that keep the arrangement: cards are
   grouped into rows (a card joins the row whose first card's centre is within half a
   card height of its own), each row is swept left to right pushing a card right only
   as far as the gap needs, and each row is pushed down only as far as the row above
   needs. Cards keep their left-to-right order within a row and rows keep their
   top-to-bottom order, so the source's arrangement stays recognisable.

After `arrange` no two cards (of `card` size, with `gap` between them) overlap.
Pure: no Qt, no model types; importers pass plain boxes and ids.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping
from dataclasses import dataclass

from ..graph.layout import METRICS

CARD_W = METRICS.card_width
CARD_H = METRICS.card_height
GAP = 24.0  # the minimum free space between two cards after import
# Scale factors outside this range mean the source's sizes are nonsense (0 x 0 boxes,
# 100k px cards); the clamp keeps such a file from collapsing or exploding the picture.
MIN_SCALE, MAX_SCALE = 0.05, 20.0


@dataclass(frozen=True, slots=True)
class Box:
    """A card in the source's coordinates: top-left corner and size (size may be 0)."""

    x: float
    y: float
    width: float = 0.0
    height: float = 0.0

    @property
    def cx(self) -> float:
        return self.x + self.width / 2

    @property
    def cy(self) -> float:
        return self.y + self.height / 2


def _typical(values: list[float], fallback: float) -> float:
    sizes = [v for v in values if math.isfinite(v) and v > 0]
    return statistics.median(sizes) if sizes else fallback


def scale_factors(
    boxes: Mapping[str, Box], card: tuple[float, float] = (CARD_W, CARD_H), gap: float = GAP
) -> tuple[float, float]:
    """Per-axis factors that turn the source's typical card pitch into ours."""
    width, height = card
    src_w = _typical([b.width for b in boxes.values()], width)
    src_h = _typical([b.height for b in boxes.values()], height)
    # The source's own cards usually have some space around them; matching card to
    # card (plus our gap) keeps neighbours as neighbours.
    sx = (width + gap) / (src_w + gap)
    sy = (height + gap) / (src_h + gap)
    return (min(max(sx, MIN_SCALE), MAX_SCALE), min(max(sy, MIN_SCALE), MAX_SCALE))


def arrange(
    boxes: Mapping[str, Box],
    *,
    card: tuple[float, float] = (CARD_W, CARD_H),
    gap: float = GAP,
    scale: tuple[float, float] | None = None,
) -> dict[str, tuple[float, float]]:
    """Top-left positions for our cards, one per box id, with no two cards overlapping."""
    if not boxes:
        return {}
    width, height = card
    sx, sy = scale if scale is not None else scale_factors(boxes, card, gap)
    # Centres in our coordinates, then top-left corners of our cards around them.
    centres = {key: (b.cx * sx, b.cy * sy) for key, b in boxes.items()}
    order = sorted(centres, key=lambda k: (centres[k][1], centres[k][0]))

    rows: list[list[str]] = []
    anchor = -math.inf
    for key in order:
        cy = centres[key][1]
        if rows and cy - anchor < height / 2:
            rows[-1].append(key)
        else:
            rows.append([key])
            anchor = cy

    out: dict[str, tuple[float, float]] = {}
    previous_bottom = -math.inf
    for row in rows:
        # The row sits at its first card's height, unless the row above is in the way.
        top = max(centres[row[0]][1] - height / 2, previous_bottom + gap)
        row.sort(key=lambda k: centres[k][0])
        right = -math.inf
        for key in row:
            left = max(centres[key][0] - width / 2, right + gap)
            out[key] = (left, top)
            right = left + width
        previous_bottom = top + height
    return out


def overlapping_pairs(
    positions: Mapping[str, tuple[float, float]], card: tuple[float, float] = (CARD_W, CARD_H)
) -> int:
    """How many pairs of cards of `card` size overlap (a sweep over x; for tests and reports)."""
    width, height = card
    items = sorted(positions.values())
    count = 0
    active: list[tuple[float, float]] = []
    for x, y in items:
        active = [(ax, ay) for ax, ay in active if ax + width > x]
        count += sum(1 for _ax, ay in active if ay < y + height and y < ay + height)
        active.append((x, y))
    return count
