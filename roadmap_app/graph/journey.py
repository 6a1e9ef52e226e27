"""The journey's shape: stage bands cut into lines that fit a landscape screen.

The layered layout puts every stage band side by side, which for a real career
(seven stages, 70-110 cards) is a strip 6-8 times wider than tall: at Fit every
card is a few pixels high. Here the sequence of stage bands is cut into lines
that are stacked top to bottom, like lines of text, and read left to right:

- left to right: as few cuts as needed, chosen by readability. For every
  number of lines the cut with the narrowest widest line is found (linear
  partition), and the one giving the largest scale at Fit in a 16:10 view wins
  (then the one within MAX_ASPECT, then the fewest lines: a small plan that
  is readable at Fit anyway stays on one line).
- top to bottom: one stage per line, so every stage is a horizontal band and
  the stages stack down the page (the "spine" roadmap.sh readers know); inside
  a stage the layers run top to bottom too (layout.py turns them).

Measured on the built-in ml-architect roadmap (72 cards) in the canvas of a
1600x1000 window: one line is 7.7:1 and fits at scale 0.15; the chosen cut is
1.3:1 at 0.39, 2.6 times as legible; top to bottom is 0.4:1 at 0.16 (a tall
page, better printed or scrolled than seen whole). Left to right is the default.

Pure geometry on stage extents; imports no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_ASPECT = 2.5  # widest bounding box (width : height) a journey may have
VIEW = (1200.0, 750.0)  # the canvas of a 1600x1000 window, where readability is measured
READABLE = 0.75  # a Fit scale at which cards show their full text: more needs no wrapping


@dataclass(frozen=True, slots=True)
class StageSpan:
    """A stage band before cutting: its x range and the y range of its cards."""

    x0: float
    x1: float
    y0: float
    y1: float

    @property
    def width(self) -> float:
        return self.x1 - self.x0


@dataclass(frozen=True, slots=True)
class Lines:
    """Stage indices per line, and the (dx, dy) shift of every stage."""

    lines: list[list[int]]
    shift: dict[int, tuple[float, float]]
    width: float
    height: float  # of the lines alone, without what is stacked below them


def partition(widths: list[float], count: int) -> list[list[int]]:
    """Cut `widths` (in order) into at most `count` contiguous runs, minimising the widest.

    Binary search on the widest run, each probe a greedy packing: O(n log(total)),
    so a plan with the maximum of 200 stages is still cut in milliseconds.
    """
    n = len(widths)
    if n == 0:
        return []
    count = max(1, min(count, n))

    def pack(limit: float) -> list[list[int]]:
        runs: list[list[int]] = [[]]
        used = 0.0
        for k, w in enumerate(widths):
            if runs[-1] and used + w > limit:
                runs.append([])
                used = 0.0
            runs[-1].append(k)
            used += w
        return runs

    lo, hi = max(widths), sum(widths)
    for _ in range(48):
        mid = (lo + hi) / 2
        if len(pack(mid)) <= count:
            hi = mid
        else:
            lo = mid
    return pack(hi)


def stack(spans: list[StageSpan], runs: list[list[int]], line_gap: float) -> Lines:
    """Lines `runs` of `spans`, each starting at the first span's x, stacked from the first's top."""
    shift: dict[int, tuple[float, float]] = {}
    left = min((s.x0 for s in spans), default=0.0)
    top = min((s.y0 for s in spans), default=0.0)
    y = top
    width = 0.0
    for run in runs:
        if not run:
            continue
        x0 = spans[run[0]].x0
        y0 = min(spans[k].y0 for k in run)
        y1 = max(spans[k].y1 for k in run)
        for k in run:
            shift[k] = (left - x0, y - y0)
        width = max(width, spans[run[-1]].x1 - x0)
        y += (y1 - y0) + line_gap
    height = max(0.0, y - line_gap - top)
    return Lines([r for r in runs if r], shift, width, height)


def fit_scale(width: float, height: float) -> float:
    """Scale at Fit in VIEW, up to READABLE: larger is more legible."""
    if width <= 0 or height <= 0:
        return READABLE
    return min(READABLE, VIEW[0] / width, VIEW[1] / height)


def choose_lines(
    spans: list[StageSpan],
    line_gap: float,
    below: callable,  # type: ignore[valid-type]  # width -> height stacked under the lines
    one_stage_per_line: bool = False,
    line_width: float | None = None,
) -> Lines:
    """The cut of `spans` into lines (see the module docstring).

    With `line_width`, the fewest lines none of which is wider than that (one stage
    per line when even that is too wide): a poster of a given width, read downwards.
    """
    n = len(spans)
    if n == 0:
        return Lines([], {}, 0.0, 0.0)
    if one_stage_per_line:
        return stack(spans, [[k] for k in range(n)], line_gap)
    widths = [s.width for s in spans]
    if line_width is not None:
        for count in range(1, n + 1):
            lines = stack(spans, partition(widths, count), line_gap)
            if lines.width <= line_width:
                return lines
        return stack(spans, [[k] for k in range(n)], line_gap)
    best: tuple[bool, float] | None = None
    chosen = stack(spans, [list(range(n))], line_gap)
    for count in range(1, n + 1):
        lines = stack(spans, partition(widths, count), line_gap)
        height = lines.height + below(lines.width)
        scale = fit_scale(lines.width, height)
        # Readability first; the aspect only matters for plans too big to read whole.
        fits = scale >= READABLE or lines.width <= MAX_ASPECT * height
        score = (scale, fits)
        if best is None or score > best:
            best, chosen = score, lines
    return chosen
