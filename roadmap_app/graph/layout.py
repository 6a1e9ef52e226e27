"""Deterministic layered layout of a roadmap in stage bands.

The career reads left to right: each stage (in `Roadmap.stage_order()`) is a
vertical band, a range of x; inside a band, nodes are layered by the longest
chain of same-stage prerequisites, so a prerequisite sits in a column to the
left of what it unlocks. Practice stages ("Continuous learning") run along the
bottom in a horizontal band spanning the width, each card under the stages it
feeds. Declared stages without nodes keep a one-column band, so the canvas can
label them and the user can drop nodes there.

Inside the vertical bands the layout is Sugiyama's (see `sweeps.py`): dummy
nodes on long edges, barycenter sweeps from a far corner, transposition, then
heights fitted to neighbours. Layers come from the longest chain, with nodes
pulled right when that shortens their edges. Cards whose position the user
set stay put; the others move down their column until they are clear of them.

Everything is tie-broken by model order, so the same roadmap always gives the
same coordinates. Coordinates are top-left corners of cards of
`LayoutMetrics.card_width` x `card_height`.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import LayoutDirection, Roadmap
from .journey import StageSpan, choose_lines, stack
from .order import OrderIndex, paused_gc
from .sweeps import Columns, fit

BOTTOM_STAGES = frozenset({"continuous learning"})  # casefolded stage names laid out along the bottom
DEFAULT_SWEEPS = 2  # barycenter rounds, each left-to-right and back


@dataclass(frozen=True, slots=True)
class Effort:
    """How hard the ordering works; see `sweeps.Columns.order`."""

    starts: int = 1
    max_rounds: int = 8  # caps the barycenter rounds asked for
    transposes: int = 1
    passes: int = 3
    placement: int = 3


# Measured on synthetic 1k roadmaps (5 seeds) against Graphviz dot, FULL gives
# 0.72-1.08x dot's crossings in ~40 ms; a second transpose round reaches
# 0.68-1.03x for ~25% more time. Past LARGE column items (nodes + dummies),
# lighter passes keep 10k nodes well within a second, for ~1-3% more
# crossings than FULL would give there.
FULL_EFFORT = Effort()
LARGE_EFFORT = Effort(max_rounds=1, passes=2, placement=2)
LARGE = 6_000
DUMMY_SIZE = 8.0  # height reserved in a column for an edge passing through it
DUMMY_GAP = 6.0


@dataclass(frozen=True, slots=True)
class LayoutMetrics:
    """Sizes the layout assumes; the canvas draws cards of exactly this size."""

    card_width: float = 200.0
    card_height: float = 84.0
    column_gap: float = 64.0
    row_gap: float = 20.0
    label_height: float = 28.0  # room for the stage name at the top of each band

    @property
    def band_padding(self) -> float:
        # Half a column gap on each side of a band boundary keeps every column,
        # across bands too, one pitch apart.
        return self.column_gap / 2

    @property
    def column_pitch(self) -> float:
        return self.card_width + self.column_gap

    @property
    def row_pitch(self) -> float:
        return self.card_height + self.row_gap


METRICS = LayoutMetrics()
CARD_W = METRICS.card_width
CARD_H = METRICS.card_height


@dataclass(frozen=True, slots=True)
class Band:
    """A stage's rectangle: vertical bands for the path, horizontal ones along the bottom."""

    stage: str
    x0: float
    y0: float
    x1: float
    y1: float
    horizontal: bool = False


def is_bottom_stage(stage: str) -> bool:
    return stage.casefold() in BOTTOM_STAGES


def layout(
    roadmap: Roadmap,
    *,
    respect_positions: bool = True,
    metrics: LayoutMetrics = METRICS,
    sweeps: int = DEFAULT_SWEEPS,
    direction: LayoutDirection | None = None,
    wrap: bool = True,
    line_width: float | None = None,
) -> dict[str, tuple[float, float]]:
    """Top-left corner of every node's card, by node id.

    With `respect_positions`, nodes whose `position` is set keep it exactly and
    the others are moved down their column until they overlap none of them.
    `direction` defaults to the roadmap's own; `wrap=False` keeps all stage
    bands on one line (see `journey.py`); `line_width` cuts the lines to at most
    that width where it can (the overview poster) instead of by readability at Fit.
    """
    return compute_layout(
        roadmap, respect_positions=respect_positions, metrics=metrics, sweeps=sweeps,
        direction=direction, wrap=wrap, line_width=line_width,
    ).positions


@dataclass(frozen=True, slots=True)
class Layout:
    positions: dict[str, tuple[float, float]]  # top-left corner of each card
    # (source, target) -> centre points an edge spanning several columns passes
    # through, left to right in the main bands; cards never sit on them (cards
    # moved off fixed ones excepted). Edges between neighbouring columns have none.
    routes: dict[tuple[str, str], list[tuple[float, float]]]


def compute_layout(
    roadmap: Roadmap,
    *,
    respect_positions: bool = True,
    metrics: LayoutMetrics = METRICS,
    sweeps: int = DEFAULT_SWEEPS,
    direction: LayoutDirection | None = None,
    wrap: bool = True,
    line_width: float | None = None,
) -> Layout:
    """Positions, and waypoints for long edges (see `layout`)."""
    if direction is None:
        direction = roadmap.layout_direction
    with paused_gc():
        return _layout(roadmap, respect_positions, metrics, sweeps, direction, wrap, line_width)


def line_gap(metrics: LayoutMetrics) -> float:
    """Space between two lines of stage bands: both paddings, the label, and a lane for edges."""
    return 3 * metrics.band_padding + metrics.label_height


def _layout(
    roadmap: Roadmap, respect_positions: bool, metrics: LayoutMetrics, sweeps: int,
    direction: LayoutDirection, wrap: bool, line_width: float | None = None,
) -> Layout:
    order = OrderIndex.of(roadmap)
    nodes = roadmap.nodes
    n = len(order)
    stages = roadmap.stage_order()
    stage_index = {s: k for k, s in enumerate(stages)}
    band_of = [stage_index[node.stage] for node in nodes]
    fixed = [respect_positions and node.position is not None for node in nodes]
    layer = _layers(order, band_of)

    x = [0.0] * n
    y = [0.0] * n
    known = [False] * n  # has a final position (fixed, or placed and overlap-free)
    for i, node in enumerate(nodes):
        if fixed[i]:
            x[i], y[i] = node.position.x, node.position.y  # type: ignore[union-attr]
            known[i] = True
    vertical = [k for k, s in enumerate(stages) if not is_bottom_stage(s)]
    horizontal = [k for k, s in enumerate(stages) if is_bottom_stage(s)]

    # Vertical bands: one global sequence of columns, band after band.
    width = {k: 1 for k in vertical}
    for i in range(n):
        if not fixed[i] and band_of[i] in width:
            width[band_of[i]] = max(width[band_of[i]], layer[i] + 1)
    offset, start = {}, 0
    for k in vertical:
        offset[k] = start
        start += width[k]
    col = [-1] * n
    columns: list[list[int]] = [[] for _ in range(start)]
    for i in range(n):
        if not fixed[i] and band_of[i] in offset:
            col[i] = offset[band_of[i]] + layer[i]
            columns[col[i]].append(i)
    pad, pitch_x, pitch_y = metrics.band_padding, metrics.column_pitch, metrics.row_pitch
    top = metrics.label_height + pad
    edges = [(u, v) for v in range(n) if col[v] >= 0 for u in order.preds[v] if col[u] >= 0]
    grid_cols = Columns(n, columns, edges, col)
    effort = FULL_EFFORT if len(grid_cols.col) <= LARGE else LARGE_EFFORT
    if sweeps > 0:
        grid_cols.order(
            rounds=min(sweeps, effort.max_rounds),
            transposes=effort.transposes,
            passes=effort.passes,
            starts=effort.starts,
        )
    else:
        grid_cols.initial_order(corner=True)
    centre = grid_cols.place(
        top, metrics.card_height, DUMMY_SIZE, metrics.row_gap, DUMMY_GAP, effort.placement
    )
    columns = [[v for v in column if v < n] for column in grid_cols.columns]
    half = metrics.card_height / 2
    for c, members in enumerate(columns):
        for i in members:
            x[i] = pad + c * pitch_x
            y[i] = centre[i] - half

    # Cut the bands into lines that fit a landscape screen (journey.py).
    band_at_col = [k for k in vertical for _ in range(width[k])]
    turn = wrap and direction == LayoutDirection.TOP_TO_BOTTOM
    band_top = {
        k: min((y[i] for c in range(offset[k], offset[k] + width[k]) for i in columns[c]), default=top)
        for k in vertical
    }

    def turned(k: int, c: int, cy: float) -> tuple[float, float]:
        """Top to bottom: a stage's layers become rows (prerequisites above) and the order
        down a column runs left to right; card centre (column c, height cy) -> new centre."""
        along = (cy - metrics.card_height / 2 - band_top[k]) * pitch_x / pitch_y
        return (offset[k] * pitch_x + pad + along + metrics.card_width / 2,
                top + (c - offset[k]) * turn_pitch + metrics.card_height / 2)

    turn_pitch = metrics.card_height + metrics.column_gap * 0.75  # room for edges between rows
    if turn:
        for c, members in enumerate(columns):
            for i in members:
                cx, cy = turned(band_at_col[c], c, y[i] + half)
                x[i], y[i] = cx - metrics.card_width / 2, cy - half
    spans = []
    for k in vertical:
        members = [i for c in range(offset[k], offset[k] + width[k]) for i in columns[c]]
        x0 = offset[k] * pitch_x
        x1 = max((x[i] + metrics.card_width + pad for i in members), default=x0 + pitch_x)
        if not turn:
            x1 = (offset[k] + width[k]) * pitch_x
        ys = [y[i] for i in members]
        y0, y1 = (min(ys), max(ys) + metrics.card_height) if ys else (top, top + metrics.card_height)
        spans.append(StageSpan(x0, x1, y0, y1))
    practices = sum(1 for i in range(n) if band_of[i] in set(horizontal) and not fixed[i])

    def below(line_width: float) -> float:
        if not practices:
            return 0.0
        rows = -(-practices // max(1, int(line_width // pitch_x)))
        return 2 * pad + metrics.label_height + rows * pitch_y

    if wrap:
        per_stage = direction == LayoutDirection.TOP_TO_BOTTOM
        lines = choose_lines(spans, line_gap(metrics), below, one_stage_per_line=per_stage,
                             line_width=line_width)
    else:
        lines = stack(spans, [list(range(len(spans)))], line_gap(metrics))
    shift_of_band = {vertical[j]: lines.shift[j] for j in range(len(spans))}
    for c, members in enumerate(columns):
        dx, dy = shift_of_band[band_at_col[c]]
        for i in members:
            x[i] += dx
            y[i] += dy

    def moved(d: int) -> tuple[float, float]:
        c = grid_cols.col[d]
        dx, dy = shift_of_band[band_at_col[c]]
        if turn:
            cx, cy = turned(band_at_col[c], c, centre[d])
            return cx + dx, cy + dy
        return pad + c * pitch_x + metrics.card_width / 2 + dx, centre[d] + dy

    routes = {
        (order.ids[u], order.ids[v]): [moved(d) for d in chain]
        for (u, v), chain in grid_cols.chains.items()
    }
    grid = _Grid(metrics) if any(fixed) else None
    if grid is not None:
        for i in range(n):
            if fixed[i]:
                grid.add(x[i], y[i])
        for members in columns:
            grid.settle(members, x, y)
    for members in columns:
        for i in members:
            known[i] = True

    # Horizontal bands, stacked below everything laid out so far.
    bottom = max((y[i] + metrics.card_height for members in columns for i in members), default=top)
    span = max(pitch_x, lines.width)
    links = _related_links(roadmap, order, band_of, set(horizontal)) if horizontal else {}
    for k in horizontal:
        members = [i for i in range(n) if band_of[i] == k and not fixed[i]]
        band_top = bottom + 2 * pad + metrics.label_height
        rows = _bottom_rows(order, members, band_of, k, x, known, span, metrics, links)
        for r, row in enumerate(rows):
            for i in row:
                y[i] = band_top + r * pitch_y
            if grid is not None:
                grid.settle(row, x, y)
            for i in row:
                known[i] = True
        bottom = max((y[i] + metrics.card_height for i in members), default=band_top)
    return Layout({order.ids[i]: (x[i], y[i]) for i in range(n)}, routes)


def _layers(order: OrderIndex, band_of: list[int]) -> list[int]:
    """Column of each node inside its band.

    First the longest chain of same-band prerequisites before it. Then, in
    reverse topological order, a node with more links to the right than to
    the left moves right, as far as its same-band successors (or its band's
    last column) allow: that shortens edges (fewer dummies, fewer crossings),
    a cheap stand-in for Graphviz's network-simplex ranking.
    """
    n = len(order)
    layer = [0] * n
    preds, succs = order.preds, order.succs
    topo = order.topological()
    for v in topo:
        b = band_of[v]
        best = 0
        for u in preds[v]:
            if band_of[u] == b and layer[u] >= best:
                best = layer[u] + 1
        layer[v] = best
    last: dict[int, int] = {}
    for v in range(n):
        last[band_of[v]] = max(last.get(band_of[v], 0), layer[v])
    for v in reversed(topo):
        if len(succs[v]) <= len(preds[v]):
            continue
        b = band_of[v]
        limit = last[b]
        for w in succs[v]:
            if band_of[w] == b and layer[w] - 1 < limit:
                limit = layer[w] - 1
        if limit > layer[v]:
            layer[v] = limit
    return layer


def _bottom_rows(
    order: OrderIndex, members: list[int], band_of: list[int], band: int,
    x: list[float], known: list[bool], span: float, metrics: LayoutMetrics,
    links: dict[int, list[int]],
) -> list[list[int]]:
    """Place a horizontal band's cards in rows under what they feed; returns the rows.

    A card's wanted x is the mean x of its placed neighbours, through any
    edge, related ones included (or the band's start), pushed right of its
    same-band prerequisites; cards are then packed in that order into rows as
    wide as the bands above, and each row is fitted to the wanted x's. A
    prerequisite is thus left of its dependant, or in an earlier row.
    """
    if not members:
        return []
    pitch_x = metrics.column_pitch
    pad = metrics.band_padding
    inside = set(members)
    rank = {v: r for r, v in enumerate(order.topological(inside))}
    want: dict[int, float] = {}
    for v in sorted(inside, key=rank.__getitem__):
        linked = (*order.preds[v], *order.succs[v], *links.get(v, ()))
        near = [x[u] for u in linked if known[u] and band_of[u] != band]
        w = sum(near) / len(near) if near else pad
        for u in order.preds[v]:
            if u in want:
                w = max(w, want[u] + pitch_x)
        want[v] = w
    ordered = sorted(inside, key=lambda v: (want[v], rank[v]))
    per_row = max(1, int(span // pitch_x))
    rows = [ordered[i : i + per_row] for i in range(0, len(ordered), per_row)]
    for row in rows:
        offsets = [i * pitch_x for i in range(len(row))]
        for v, h in zip(row, fit([want[v] for v in row], pad, offsets), strict=True):
            x[v] = h
    return rows


def _related_links(
    roadmap: Roadmap, order: OrderIndex, band_of: list[int], bands: set[int]
) -> dict[int, list[int]]:
    """Related-edge neighbours of the nodes in `bands`: practices are mostly tied to
    the path by related edges, and should sit under what they relate to."""
    links: dict[int, list[int]] = {}
    get = order.index.get
    for edge in roadmap.edges:
        if edge.kind.is_ordering:
            continue
        s, t = get(edge.source), get(edge.target)
        if s is None or t is None:
            continue
        if band_of[s] in bands:
            links.setdefault(s, []).append(t)
        if band_of[t] in bands:
            links.setdefault(t, []).append(s)
    for lst in links.values():
        lst.sort()
    return links


class _Grid:
    """Placed cards hashed by cell, to move new cards off them in O(1) per check."""

    def __init__(self, metrics: LayoutMetrics) -> None:
        self.w, self.h = metrics.card_width, metrics.card_height
        self.gap = metrics.row_gap
        self.cw, self.ch = metrics.column_pitch, metrics.row_pitch
        self.cells: dict[tuple[int, int], list[tuple[float, float]]] = {}

    def _keys(self, x: float, y: float):
        for cx in range(int(x // self.cw), int((x + self.w) // self.cw) + 1):
            for cy in range(int(y // self.ch), int((y + self.h) // self.ch) + 1):
                yield cx, cy

    def add(self, x: float, y: float) -> None:
        for key in self._keys(x, y):
            self.cells.setdefault(key, []).append((x, y))

    def blocker(self, x: float, y: float) -> tuple[float, float] | None:
        """The lowest placed card overlapping a card at (x, y), if any."""
        found = None
        for key in self._keys(x, y):
            for bx, by in self.cells.get(key, ()):
                overlaps = bx < x + self.w and x < bx + self.w and by < y + self.h and y < by + self.h
                if overlaps and (found is None or by > found[1]):
                    found = (bx, by)
        return found

    def settle(self, members: list[int], x: list[float], y: list[float]) -> None:
        """Move each card (top to bottom) down until it overlaps nothing placed, then place it."""
        for i in sorted(members, key=lambda v: (y[v], v)):
            hit = self.blocker(x[i], y[i])
            while hit is not None:
                y[i] = hit[1] + self.h + self.gap
                hit = self.blocker(x[i], y[i])
            self.add(x[i], y[i])


def stage_bands(
    roadmap: Roadmap, positions: dict[str, tuple[float, float]], metrics: LayoutMetrics = METRICS
) -> list[Band]:
    """The rectangle of every stage, in stage order, around its cards.

    Vertical bands share one top and bottom; a band is its cards' extent plus
    padding (with room for the label), and a stage without placed cards gets a
    one-column band right after the band before it. Horizontal bands span the
    full width, stacked below. Bands follow the cards: after the user drags a
    card across, neighbouring bands may overlap.
    """
    pad, w, h = metrics.band_padding, metrics.card_width, metrics.card_height
    by_stage: dict[str, list[tuple[float, float]]] = {s: [] for s in roadmap.stage_order()}
    for node in roadmap.nodes:
        p = positions.get(node.id)
        if p is not None:
            by_stage[node.stage].append(p)
    main = [p for s, ps in by_stage.items() if not is_bottom_stage(s) for p in ps]
    y0 = min([0.0, *(y - metrics.label_height - pad for _x, y in main)])
    y1 = max((y + h + pad for _x, y in main), default=y0 + metrics.label_height + 2 * pad + h)
    bands: list[Band] = []
    right = 0.0
    for stage, ps in by_stage.items():
        if is_bottom_stage(stage):
            continue
        if ps:
            x0, x1 = min(x for x, _y in ps) - pad, max(x for x, _y in ps) + w + pad
        else:
            x0, x1 = right, right + metrics.column_pitch
        bands.append(Band(stage, x0, y0, x1, y1))
        right = max(right, x1)
    left = min((b.x0 for b in bands), default=0.0)
    for stage, ps in by_stage.items():
        if not is_bottom_stage(stage):
            continue
        xs = [x for x, _y in ps]
        right = max(right, *(x + w + pad for x in xs)) if xs else right
        left = min(left, *(x - pad for x in xs)) if xs else left
    top = y1
    for stage, ps in by_stage.items():
        if not is_bottom_stage(stage):
            continue
        if ps:
            b0 = min(y for _x, y in ps) - metrics.label_height - pad
            b1 = max(y for _x, y in ps) + h + pad
        else:
            b0, b1 = top, top + metrics.label_height + 2 * pad + h
        bands.append(Band(stage, left, b0, right, b1, horizontal=True))
        top = max(top, b1)
    rank = {stage: k for k, stage in enumerate(by_stage)}
    return sorted(bands, key=lambda band: rank[band.stage])
