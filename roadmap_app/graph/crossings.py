"""Counting edge crossings of a drawn roadmap.

The measure is geometric, so any layout (ours, Graphviz dot's) can be scored
the same way: every edge is a straight line between card centres, and we count
the pairs of lines that cross. Centres share a few distinct x values (the
columns); an edge spanning several columns is cut at each column it passes,
with its height there interpolated. Two straight lines cross at most once, and
inside one gap between neighbouring columns they cross exactly when their
vertical order swaps, so the total is a sum of inversion counts, one per gap:
O(S log S) for S edge pieces. Edges that share an end point do not cross, and
vertical edges (both ends in one column) are left out.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from collections.abc import Iterable, Mapping

from ..model import EdgeKind, Roadmap


def count_segment_crossings(segments: Iterable[tuple[float, float, float, float]]) -> int:
    """Crossing pairs among straight segments (x1, y1, x2, y2) whose ends lie on shared columns."""
    segs = [(x1, y1, x2, y2) if x1 <= x2 else (x2, y2, x1, y1) for x1, y1, x2, y2 in segments]
    segs = [s for s in segs if s[0] != s[2]]
    xs = sorted({s[0] for s in segs} | {s[2] for s in segs})
    column = {x: i for i, x in enumerate(xs)}
    gaps: list[list[tuple[float, float]]] = [[] for _ in range(max(0, len(xs) - 1))]
    for x1, y1, x2, y2 in segs:
        a, b = column[x1], column[x2]
        if b == a + 1:
            gaps[a].append((y1, y2))
            continue
        slope = (y2 - y1) / (x2 - x1)
        prev = y1
        for k in range(a + 1, b + 1):
            here = y2 if k == b else y1 + slope * (xs[k] - x1)
            gaps[k - 1].append((prev, here))
            prev = here
    return sum(_inversions(pieces) for pieces in gaps)


def _inversions(pieces: list[tuple[float, float]]) -> int:
    """Pairs ordered one way on the left and strictly the other way on the right."""
    if len(pieces) < 2:
        return 0
    pieces.sort()
    seen: list[float] = []
    count = 0
    for _left, right in pieces:
        count += len(seen) - bisect_right(seen, right)
        insort(seen, right)
    return count


def count_crossings(
    roadmap: Roadmap,
    positions: Mapping[str, tuple[float, float]],
    *,
    card_size: tuple[float, float] | None = None,
    include_related: bool = False,
) -> int:
    """Straight-line crossings of the ordering edges (and related ones if asked).

    `positions` are top-left corners of cards of `card_size` (the layout's
    default metrics when omitted); nodes without a position are skipped.
    """
    if card_size is None:
        from .layout import METRICS

        card_size = (METRICS.card_width, METRICS.card_height)
    half_w, half_h = card_size[0] / 2, card_size[1] / 2
    segments = []
    seen: set[tuple[str, str]] = set()
    for edge in roadmap.edges:
        if edge.kind is EdgeKind.RELATED and not include_related:
            continue
        key = (edge.source, edge.target)
        if key in seen:
            continue
        seen.add(key)
        a, b = positions.get(edge.source), positions.get(edge.target)
        if a is None or b is None:
            continue
        segments.append((a[0] + half_w, a[1] + half_h, b[0] + half_w, b[1] + half_h))
    return count_segment_crossings(segments)
