"""Edge routes that read: from the facing sides, and around the cards in between.

An edge leaves its source on the side that faces the target and enters the
target on the side that faces the source (right to left when the target lies
to the right, bottom to top when it lies below, and so on). When the gentle
curve between those sides would pass through another card, the edge takes an
orthogonal route instead: A* over the lines just outside the nearby cards
(an orthogonal visibility grid, as libavoid and yEd use), with a penalty per
bend, drawn with rounded corners.

Routes come back as cubic Bezier pieces (a straight run is a cubic with its
control points on the line), so the canvas and the exporters draw both kinds
the same way. Pure float math; imports no Qt.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

Rect = tuple[float, float, float, float]  # x, y, width, height
Point = tuple[float, float]
Cubic = tuple[float, float, float, float, float, float, float, float]

FACING_GAP = 12.0  # a target this far past a side counts as lying beyond it
CLEARANCE = 9.0  # how far from a card an orthogonal route runs (under half the smallest gap)
STUB = 10.0  # straight run out of and into a card before the first bend (half the row gap)
BEND_COST = 60.0  # scene units a bend is worth, so routes prefer few bends
CORNER = 14.0  # radius of a rounded corner
SAMPLES = 24  # points checked along a curve, at least
SAMPLE_STEP = 10.0  # and at most this far apart (scene units)
# A curve is taken as crossing a card it passes this close to: samples 10 apart can step
# over a corner the curve clips by a few units, and a line grazing a card reads as crossing it.
GRAZE = 5.0
SEARCH_MARGINS = (160.0, 480.0, 1400.0)  # search boxes tried around the two ends
CELL = 256.0
# A search box holding more cards than this (a pile of imported cards) is not searched:
# the grid grows with the square of the cards, and the plain curve is drawn instead.
MAX_OBSTACLES = 250
MAX_STEPS = 20_000  # grid states one search may expand (~60 ms) before the plain curve is drawn


class CardIndex:
    """Card rects hashed by cell, for 'which cards lie near here' in O(cells)."""

    def __init__(self, rects: dict[str, Rect] | None = None) -> None:
        self.rects: dict[str, Rect] = {}
        self._cells: dict[tuple[int, int], set[str]] = {}
        for node_id, rect in (rects or {}).items():
            self.set(node_id, rect)

    def _keys(self, r: Rect) -> Iterable[tuple[int, int]]:
        for cx in range(int(r[0] // CELL), int((r[0] + r[2]) // CELL) + 1):
            for cy in range(int(r[1] // CELL), int((r[1] + r[3]) // CELL) + 1):
                yield cx, cy

    def set(self, node_id: str, rect: Rect | None) -> None:
        old = self.rects.pop(node_id, None)
        if old is not None:
            for key in self._keys(old):
                cell = self._cells.get(key)
                if cell is not None:
                    cell.discard(node_id)
        if rect is not None:
            self.rects[node_id] = rect
            for key in self._keys(rect):
                self._cells.setdefault(key, set()).add(node_id)

    def near(self, box: Rect) -> set[str]:
        found: set[str] = set()
        for key in self._keys(box):
            found |= self._cells.get(key, set())
        return found

    def hit(self, x: float, y: float, skip: tuple[str, ...], grow: float = 0.0) -> bool:
        """Whether (x, y) lies strictly inside a card other than those in `skip`, each card
        taken `grow` units larger on every side."""
        inset = 1.0 - grow
        for key in self._keys((x - grow, y - grow, 2 * grow, 2 * grow)) if grow else (
                (int(x // CELL), int(y // CELL)),):
            for node_id in self._cells.get(key, ()):
                if node_id in skip:
                    continue
                rx, ry, rw, rh = self.rects[node_id]
                if rx + inset < x < rx + rw - inset and ry + inset < y < ry + rh - inset:
                    return True
        return False


def sides(src: Rect, tgt: Rect) -> str:
    """Which way the edge goes: 'right', 'down', 'up' or 'left' (the side it leaves by)."""
    sx, sy, sw, sh = src
    tx, ty, tw, th = tgt
    if tx >= sx + sw + FACING_GAP:
        return "right"
    if ty >= sy + sh + FACING_GAP:
        return "down"
    if ty + th <= sy - FACING_GAP:
        return "up"
    if tx + tw <= sx - FACING_GAP:
        return "left"
    return "right"


DIRECTION = {"right": (1.0, 0.0), "left": (-1.0, 0.0), "down": (0.0, 1.0), "up": (0.0, -1.0)}


def ports(src: Rect, tgt: Rect, out_shift: float = 0.0, in_shift: float = 0.0) -> tuple[Point, Point, str]:
    """Where the edge leaves the source and enters the target, and its direction.

    The shifts move the ports along the side (edges sharing a side fan out).
    """
    way = sides(src, tgt)
    sx, sy, sw, sh = src
    tx, ty, tw, th = tgt
    if way == "right":
        return (sx + sw, sy + sh / 2 + out_shift), (tx, ty + th / 2 + in_shift), way
    if way == "left":
        return (sx, sy + sh / 2 + out_shift), (tx + tw, ty + th / 2 + in_shift), way
    if way == "down":
        return (sx + sw / 2 + out_shift, sy + sh), (tx + tw / 2 + in_shift, ty), way
    return (sx + sw / 2 + out_shift, sy), (tx + tw / 2 + in_shift, ty + th), way


def curve(p0: Point, p3: Point, way: str) -> Cubic:
    """The gentle curve between two ports, leaving and arriving along `way`."""
    ux, uy = DIRECTION[way]
    reach = abs(p3[0] - p0[0]) if ux else abs(p3[1] - p0[1])
    d = max(30.0 if ux else 20.0, reach * 0.5)
    return (p0[0], p0[1], p0[0] + ux * d, p0[1] + uy * d,
            p3[0] - ux * d, p3[1] - uy * d, p3[0], p3[1])


def point_at(c: Cubic, t: float) -> Point:
    u = 1 - t
    a, b, cc, d = u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t
    return a * c[0] + b * c[2] + cc * c[4] + d * c[6], a * c[1] + b * c[3] + cc * c[5] + d * c[7]


def crosses(
    pieces: Iterable[Cubic], index: CardIndex, skip: tuple[str, ...], samples: int = SAMPLES,
    grow: float = 0.0,
) -> bool:
    """Whether any piece passes through a card not in `skip`, each taken `grow` larger (sampled
    along its control polygon's length, which bounds the curve's)."""
    for c in pieces:
        length = sum(abs(c[i + 2] - c[i]) + abs(c[i + 3] - c[i + 1]) for i in (0, 2, 4))
        count = max(samples, int(length / SAMPLE_STEP))
        for k in range(1, count):
            x, y = point_at(c, k / count)
            if index.hit(x, y, skip, grow):
                return True
    return False


def route(
    src: Rect, tgt: Rect, index: CardIndex | None, ends: tuple[str, str] = ("", ""),
    out_shift: float = 0.0, in_shift: float = 0.0,
) -> list[Cubic]:
    """The pieces of the edge from `src` to `tgt`: a curve, or an orthogonal detour
    around the cards of `index` when the curve would cross one (`ends` are the
    edge's own cards, which it may touch)."""
    p0, p3, way = ports(src, tgt, out_shift, in_shift)
    direct = [curve(p0, p3, way)]
    if index is None or not crosses(direct, index, ends, grow=GRAZE):
        return direct
    ux, uy = DIRECTION[way]
    a = (p0[0] + ux * STUB, p0[1] + uy * STUB)
    b = (p3[0] - ux * STUB, p3[1] - uy * STUB)
    for margin in SEARCH_MARGINS:
        path = _search(a, b, index, margin)
        if path is not None:
            return rounded(_simplify([p0, *path, p3]))
    return direct


def _search(a: Point, b: Point, index: CardIndex, margin: float) -> list[Point] | None:
    """Shortest orthogonal path from a to b (length plus bends) that keeps CLEARANCE off
    every card, the edge's own included (a and b lie a STUB off their sides)."""
    box = (min(a[0], b[0]) - margin, min(a[1], b[1]) - margin,
           abs(a[0] - b[0]) + 2 * margin, abs(a[1] - b[1]) + 2 * margin)
    near = index.near(box)
    if len(near) > MAX_OBSTACLES:
        return None
    rects = [index.rects[n] for n in near]
    xs, ys = {a[0], b[0]}, {a[1], b[1]}
    for rx, ry, rw, rh in rects:
        xs.update((rx - CLEARANCE, rx + rw + CLEARANCE))
        ys.update((ry - CLEARANCE, ry + rh + CLEARANCE))
    x0, x1, y0, y1 = box[0], box[0] + box[2], box[1], box[1] + box[3]
    xs = sorted(v for v in xs if x0 <= v <= x1)
    ys = sorted(v for v in ys if y0 <= v <= y1)
    nx, ny = len(xs), len(ys)
    # Half-index grid: (2i, 2j) is a point, odd indices the runs between points.
    blocked = [bytearray(2 * ny - 1) for _ in range(2 * nx - 1)]
    for rx, ry, rw, rh in rects:
        lo_x, hi_x = rx - CLEARANCE + 0.5, rx + rw + CLEARANCE - 0.5
        lo_y, hi_y = ry - CLEARANCE + 0.5, ry + rh + CLEARANCE - 0.5
        i0, i1 = bisect_left(xs, lo_x), bisect_right(xs, hi_x)
        j0, j1 = bisect_left(ys, lo_y), bisect_right(ys, hi_y)
        # Points strictly inside, and the runs touching the inside.
        for hi in range(max(0, 2 * i0 - 1), min(2 * nx - 1, 2 * i1)):
            row = blocked[hi]
            for hj in range(max(0, 2 * j0 - 1), min(2 * ny - 1, 2 * j1)):
                row[hj] = 1
    start = (xs.index(a[0]), ys.index(a[1]))
    goal = (xs.index(b[0]), ys.index(b[1]))
    if blocked[2 * start[0]][2 * start[1]] or blocked[2 * goal[0]][2 * goal[1]]:
        return None
    steps = ((1, 0), (-1, 0), (0, 1), (0, -1))
    best: dict[tuple[int, int, int], float] = {}
    came: dict[tuple[int, int, int], tuple[int, int, int] | None] = {}
    heap: list[tuple[float, float, tuple[int, int, int]]] = []
    for d in range(4):
        state = (start[0], start[1], d)
        best[state], came[state] = 0.0, None
        heapq.heappush(heap, (_h(xs, ys, start, goal), 0.0, state))
    expanded = 0
    while heap and expanded < MAX_STEPS:
        expanded += 1
        _f, g, state = heapq.heappop(heap)
        i, j, d = state
        if g > best.get(state, float("inf")):
            continue
        if (i, j) == goal:
            out = []
            s: tuple[int, int, int] | None = state
            while s is not None:
                out.append((xs[s[0]], ys[s[1]]))
                s = came[s]
            return out[::-1]
        for nd, (di, dj) in enumerate(steps):
            ni, nj = i + di, j + dj
            if not (0 <= ni < nx and 0 <= nj < ny):
                continue
            if blocked[i + ni][j + nj] or blocked[2 * ni][2 * nj]:
                continue
            cost = g + abs(xs[ni] - xs[i]) + abs(ys[nj] - ys[j]) + (BEND_COST if nd != d else 0.0)
            nxt = (ni, nj, nd)
            if cost < best.get(nxt, float("inf")):
                best[nxt], came[nxt] = cost, state
                heapq.heappush(heap, (cost + _h(xs, ys, (ni, nj), goal), cost, nxt))
    return None


def _h(xs: list[float], ys: list[float], p: tuple[int, int], goal: tuple[int, int]) -> float:
    return abs(xs[p[0]] - xs[goal[0]]) + abs(ys[p[1]] - ys[goal[1]])


def _simplify(points: list[Point]) -> list[Point]:
    """Drop repeated points and the middle of three collinear ones."""
    out: list[Point] = []
    for p in points:
        if out and abs(p[0] - out[-1][0]) < 1e-6 and abs(p[1] - out[-1][1]) < 1e-6:
            continue
        if len(out) >= 2:
            (ax, ay), (bx, by) = out[-2], out[-1]
            if abs((bx - ax) * (p[1] - ay) - (by - ay) * (p[0] - ax)) < 1e-6:
                out[-1] = p
                continue
        out.append(p)
    return out


def _line(p: Point, q: Point) -> Cubic:
    return (p[0], p[1], p[0] + (q[0] - p[0]) / 3, p[1] + (q[1] - p[1]) / 3,
            p[0] + 2 * (q[0] - p[0]) / 3, p[1] + 2 * (q[1] - p[1]) / 3, q[0], q[1])


def rounded(points: list[Point]) -> list[Cubic]:
    """A polyline as cubic pieces, each corner rounded (the run ends square at both ends)."""
    if len(points) < 2:
        return []
    out: list[Cubic] = []
    cur = points[0]
    for k in range(1, len(points) - 1):
        prev, corner, nxt = points[k - 1], points[k], points[k + 1]
        d_in = abs(corner[0] - prev[0]) + abs(corner[1] - prev[1])
        d_out = abs(nxt[0] - corner[0]) + abs(nxt[1] - corner[1])
        r = min(CORNER, d_in / 2, d_out / 2)
        ix, iy = _unit(prev, corner)
        ox, oy = _unit(corner, nxt)
        enter = (corner[0] - ix * r, corner[1] - iy * r)
        leave = (corner[0] + ox * r, corner[1] + oy * r)
        if enter != cur:
            out.append(_line(cur, enter))
        k_ = 0.55 * r
        out.append((enter[0], enter[1], enter[0] + ix * k_, enter[1] + iy * k_,
                    leave[0] - ox * k_, leave[1] - oy * k_, leave[0], leave[1]))
        cur = leave
    out.append(_line(cur, points[-1]))
    return out


def _unit(p: Point, q: Point) -> Point:
    dx, dy = q[0] - p[0], q[1] - p[1]
    n = abs(dx) + abs(dy) or 1.0
    return dx / n, dy / n
