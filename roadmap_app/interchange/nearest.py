"""Which of many boxes is nearest to a point, in bounded time per question (pure).

Importers ask this once per node ("which topic does this subtopic belong to?"); a
scan over every box made a 10k-topic file take 18 s. Boxes go into a uniform grid
of cells about one typical box wide, and a question looks at the cells in rings
around the point, nearest ring first, until no unvisited ring can hold a nearer
box. Both the rings and the boxes looked at are capped, so a hostile file (every
box on one spot, or two boxes a world apart) costs a bounded amount per question;
past the caps the answer falls back to the nearest box by height among a few
neighbours in a sorted list, which is what a hostile layout deserves.

Distance is between the point and the box's rectangle: 0 inside it (containment
wins), else the straight-line gap to its edge. Ties go to the box added first.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections.abc import Hashable

MAX_RINGS = 6
MAX_LOOKS = 400  # boxes measured for one question before settling
FALLBACK_WINDOW = 16  # neighbours by height looked at when the grid gives up


class NearestBoxes:
    def __init__(self, boxes: list[tuple[Hashable, float, float, float, float]]) -> None:
        """`boxes`: (key, x, y, width, height) with the top-left corner, in insertion order."""
        self._boxes = [(key, x, y, max(w, 0.0), max(h, 0.0)) for key, x, y, w, h in boxes]
        self._index_of = {key: i for i, (key, *_rest) in reversed(list(enumerate(self._boxes)))}
        sizes = [s for _k, _x, _y, w, h in self._boxes for s in (w, h) if s > 0 and math.isfinite(s)]
        self._cell = max(statistics.median(sizes) if sizes else 100.0, 1.0)
        self._grid: dict[tuple[int, int], list[int]] = {}
        for index, (_key, x, y, w, h) in enumerate(self._boxes):
            # A box sits in the cell of its centre; its extent is bounded by the
            # typical size for the ring stop rule, so huge boxes are also in a few cells.
            self._grid.setdefault(self._cell_of(x + w / 2, y + h / 2), []).append(index)
        self._slack = max((max(w, h) for _k, _x, _y, w, h in self._boxes), default=0.0) / 2
        by_y = sorted(range(len(self._boxes)), key=lambda i: (self._boxes[i][2], i))
        self._sorted = by_y
        self._ys = [self._boxes[i][2] + self._boxes[i][4] / 2 for i in by_y]

    def __len__(self) -> int:
        return len(self._boxes)

    def _cell_of(self, x: float, y: float) -> tuple[int, int]:
        return math.floor(x / self._cell), math.floor(y / self._cell)

    def distance(self, index: int, px: float, py: float) -> float:
        _key, x, y, w, h = self._boxes[index]
        dx = max(x - px, 0.0, px - (x + w))
        dy = max(y - py, 0.0, py - (y + h))
        return math.hypot(dx, dy)

    def distance_to(self, key: Hashable, px: float, py: float) -> float:
        return self.distance(self._index_of[key], px, py)

    def nearest(self, px: float, py: float) -> Hashable | None:
        """The key of the box nearest to (px, py); None when there are no boxes."""
        if not self._boxes:
            return None
        cx, cy = self._cell_of(px, py)
        best: tuple[float, int] | None = None
        looks = 0
        for ring in range(MAX_RINGS + 1):
            # A box in ring r has its centre at least (r - 1) cells away; its edge
            # may be up to half its largest side nearer.
            if best is not None and (ring - 1) * self._cell - self._slack > best[0]:
                return self._boxes[best[1]][0]
            for cell in _ring(cx, cy, ring):
                for index in self._grid.get(cell, ()):
                    looks += 1
                    candidate = (self.distance(index, px, py), index)
                    if best is None or candidate < best:
                        best = candidate
                if looks >= MAX_LOOKS:
                    break
            if looks >= MAX_LOOKS:
                break
        fallback = self._near_by_height(px, py)
        if best is None or fallback[0] < best[0]:
            best = fallback
        return self._boxes[best[1]][0]

    def _near_by_height(self, px: float, py: float) -> tuple[float, int]:
        at = bisect.bisect_left(self._ys, py)
        window = self._sorted[max(0, at - FALLBACK_WINDOW): at + FALLBACK_WINDOW]
        return min((self.distance(i, px, py), i) for i in window)


def _ring(cx: int, cy: int, ring: int):
    if ring == 0:
        yield cx, cy
        return
    for dx in range(-ring, ring + 1):
        yield cx + dx, cy - ring
        yield cx + dx, cy + ring
    for dy in range(-ring + 1, ring):
        yield cx - ring, cy + dy
        yield cx + ring, cy + dy
