"""Stage regions: the rectangle each stage's band covers, from where its cards are.

A band is its own stage's region: the hull of its cards, padded, with room for
the label on top. That holds for any positions, laid out or free-form
(imported files, cards the user moved): every card lies inside its own
stage's band and no band is ever empty or inside out.

Laid-out stages are then tidied, where that is safe: stages side by side on
one line share a top and a bottom and meet halfway between their cards, and a
practice band below everything spans the full width. A tidy step that would
cover a card of another stage is not taken (free-form cards keep plain hulls).

Pure geometry on (x, y, width, height) tuples; imports no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

Rect = tuple[float, float, float, float]  # x, y, width, height

PAD = 28.0  # free space between cards and the band edges
HEADER = 44.0  # room for the stage label above the first card


@dataclass(frozen=True, slots=True)
class Region:
    stage: str
    x0: float
    y0: float
    x1: float
    y1: float
    continuous: bool = False  # a practice band ("Continuous learning")

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0

    def covers(self, r: Rect) -> bool:
        return self.x0 <= r[0] and self.y0 <= r[1] and r[0] + r[2] <= self.x1 and r[1] + r[3] <= self.y1

    def touches(self, r: Rect) -> bool:
        return r[0] < self.x1 and self.x0 < r[0] + r[2] and r[1] < self.y1 and self.y0 < r[1] + r[3]


def stage_regions(
    stage_order: list[str],
    stage_of: dict[str, str],
    rects: dict[str, Rect],
    continuous: set[str] = frozenset(),  # type: ignore[assignment]
) -> list[Region]:
    """One region per stage with cards, in stage order (see the module docstring)."""
    hulls: dict[str, list[float]] = {}
    for node_id, (x, y, w, h) in rects.items():
        stage = stage_of.get(node_id, "")
        e = hulls.get(stage)
        if e is None:
            hulls[stage] = [x, y, x + w, y + h]
        else:
            e[0], e[1] = min(e[0], x), min(e[1], y)
            e[2], e[3] = max(e[2], x + w), max(e[3], y + h)
    order = [s for s in dict.fromkeys([*stage_order, *hulls]) if s in hulls]
    regions = {
        s: Region(s, e[0] - PAD, e[1] - PAD - HEADER, e[2] + PAD, e[3] + PAD, s in continuous)
        for s, e in ((s, hulls[s]) for s in order)
    }
    by_stage: dict[str, list[Rect]] = {}
    for node_id, r in rects.items():
        by_stage.setdefault(stage_of.get(node_id, ""), []).append(r)

    def safe(region: Region) -> bool:
        """The region covers no card of another stage (only stages whose cards' hull meets
        it are looked at card by card: laid-out stages never are)."""
        for s, rs in by_stage.items():
            e = hulls[s]
            if s == region.stage or not region.touches((e[0], e[1], e[2] - e[0], e[3] - e[1])):
                continue
            if any(region.touches(r) for r in rs):
                return False
        return True

    main = [s for s in order if s not in continuous]
    for line in _lines(main, regions):
        tidy = _tidy_line([regions[s] for s in line])
        if all(safe(r) for r in tidy):
            regions.update((r.stage, r) for r in tidy)
    mains = [regions[s] for s in main]
    if mains:
        left, right = min(r.x0 for r in mains), max(r.x1 for r in mains)
        floor = max(r.y1 for r in mains)
        for s in order:
            if s not in continuous:
                continue
            r = regions[s]
            wide = Region(s, min(left, r.x0), max(r.y0, min(floor, hulls[s][1] - PAD)),
                          max(right, r.x1), r.y1, True)
            if wide.y0 >= floor and safe(wide):
                regions[s] = wide
    return [regions[s] for s in order]


def _lines(stages: list[str], regions: dict[str, Region]) -> list[list[str]]:
    """Runs of consecutive stages side by side: left to right and overlapping in height."""
    lines: list[list[str]] = []
    for s in stages:
        r = regions[s]
        if lines:
            prev = regions[lines[-1][-1]]
            overlap = min(prev.y1, r.y1) - max(prev.y0, r.y0)
            if prev.x1 <= r.x0 + 2 * PAD and overlap > 0.5 * min(prev.height, r.height):
                lines[-1].append(s)
                continue
        lines.append([s])
    return lines


def _tidy_line(line: list[Region]) -> list[Region]:
    """One top and bottom for the line; neighbours meet halfway between their cards."""
    top, bottom = min(r.y0 for r in line), max(r.y1 for r in line)
    lefts, rights = [r.x0 for r in line], [r.x1 for r in line]
    for i in range(1, len(line)):
        mid = (rights[i - 1] + lefts[i]) / 2
        rights[i - 1] = lefts[i] = mid
    return [Region(r.stage, lefts[i], top, rights[i], bottom, r.continuous) for i, r in enumerate(line)]


MIN_GAP = 20.0  # free space kept between a new card and its neighbours (the layout's row gap)


def free_spot(
    rects: list[Rect], near: tuple[float, float], size: tuple[float, float], gap: float = MIN_GAP,
    rings: int = 40,
) -> tuple[float, float]:
    """The top-left corner closest to `near` (wanted top-left) where a card of `size` keeps
    `gap` from every rect: rings of candidates around `near`, nearest first, in half-card
    steps. Falls back to `near` if all `rings` are full."""
    w, h = size
    sx, sy = (w + gap) / 2, (h + gap) / 2

    def free(x: float, y: float) -> bool:
        return not any(
            x < rx + rw + gap and rx < x + w + gap and y < ry + rh + gap and ry < y + h + gap
            for rx, ry, rw, rh in rects
        )

    if free(*near):
        return near
    for ring in range(1, rings + 1):
        spots = [(i, j) for i in range(-ring, ring + 1) for j in range(-ring, ring + 1)
                 if max(abs(i), abs(j)) == ring]
        spots.sort(key=lambda ij: ((ij[0] * sx) ** 2 + (ij[1] * sy) ** 2, ij[1], ij[0]))
        for i, j in spots:
            x, y = near[0] + i * sx, near[1] + j * sy
            if free(x, y):
                return x, y
    return near
