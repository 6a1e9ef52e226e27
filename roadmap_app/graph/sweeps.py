"""The Sugiyama core of the layout: columns with dummy nodes, ordering sweeps, placement.

Input is a sequence of columns of node indices and the ordering edges between
them. An edge spanning several columns gets a dummy item in each column it
passes, so every link joins neighbouring columns: crossings can then be
counted exactly between two columns, long edges take part in the ordering, and
their dummies reserve a lane, which keeps lines off the cards and gives the
canvas waypoints to route them through.

- Initial order: breadth-first over links in both directions, so connected
  nodes start out together (as Graphviz does), started from a far corner of
  each component: started mid-graph it folds every column in two, and the
  sweeps then spend many rounds unfolding it (measured: up to 1.5x the
  crossings on one of five synthetic 1k roadmaps).
- Sweeps: each column sorted by the barycenter of its neighbours' normalised
  positions in the column just visited, then left-to-right and back; the best
  order by crossing count (initial one included) is kept.
- Transpose: neighbours in a column are swapped while that removes crossings,
  after a pass that also makes swaps that keep the count (to leave plateaus).
- Placement: heights fitted to the mean height of neighbours by isotonic
  regression (pool adjacent violators) under the minimum spacing, a few passes.

Items are integers: real nodes keep their index (< n), dummies follow.
Everything is O(V + E) per pass apart from sorting, and ties go to the
current position, then to the item number, so the result is deterministic.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections import deque
from itertools import pairwise


class Columns:
    """Columns of items (real nodes and dummies) with links between neighbouring columns."""

    def __init__(self, n: int, columns: list[list[int]], edges: list[tuple[int, int]], col: list[int]):
        self.n = n
        self.col = list(col)  # column of every item; -1 for nodes outside
        self.columns = [list(c) for c in columns]
        self.up: list[list[int]] = [[] for _ in range(n)]  # neighbours in the column to the left
        self.down: list[list[int]] = [[] for _ in range(n)]  # ... to the right
        self.chains: dict[tuple[int, int], list[int]] = {}  # edge -> its dummies, left to right
        for u, v in edges:
            a, b = self.col[u], self.col[v]
            lo, hi = (u, v) if a < b else (v, u)
            prev = lo
            chain: list[int] = []
            for c in range(min(a, b) + 1, max(a, b)):
                d = len(self.col)
                self.col.append(c)
                self.up.append([])
                self.down.append([])
                self.columns[c].append(d)
                self._link(prev, d)
                chain.append(d)
                prev = d
            self._link(prev, hi)
            if chain:
                self.chains[(u, v)] = chain if lo == u else chain[::-1]
        self.pos = [0] * len(self.col)

    def _link(self, left: int, right: int) -> None:
        self.down[left].append(right)
        self.up[right].append(left)

    # -- ordering -------------------------------------------------------------

    def _bfs(self, start: int, seen: list[bool], visit: list[int]) -> None:
        """Breadth-first from `start` over links in both directions, appending to `visit`."""
        up, down = self.up, self.down
        seen[start] = True
        queue = deque([start])
        while queue:
            v = queue.popleft()
            visit.append(v)
            for w in (*up[v], *down[v]):
                if not seen[w]:
                    seen[w] = True
                    queue.append(w)

    def initial_order(self, from_right: bool = False, corner: bool = False) -> None:
        """Columns in breadth-first discovery order, component by component.

        Each component starts from its first real node in column order (from
        the left, or from the right), each column in model order. With
        `corner`, it starts instead from the node of that same column
        discovered last from there: a breadth-first order from a node in the
        middle of a column folds each column (both sides of it interleave),
        one from an end of it does not.
        """
        seen = [False] * len(self.col)
        n, col = self.n, self.col
        scan = reversed(self.columns) if from_right else self.columns
        starts = [v for column in scan for v in sorted(u for u in column if u < n)]
        visit: list[int] = []
        for s in starts:
            if seen[s]:
                continue
            if corner:
                probe: list[int] = []
                self._bfs(s, seen, probe)
                for v in probe:
                    seen[v] = False
                # The farthest node in s's own column: an end of that column's
                # span, however long the component is in the other direction.
                home = col[s]
                s = next(v for v in reversed(probe) if col[v] == home)
            self._bfs(s, seen, visit)
        fresh: list[list[int]] = [[] for _ in self.columns]
        for v in visit:
            fresh[col[v]].append(v)
        self.columns = fresh
        self._renumber()

    def _renumber(self, columns: list[list[int]] | None = None) -> None:
        pos = self.pos
        for column in columns if columns is not None else self.columns:
            for i, v in enumerate(column):
                pos[v] = i

    def _sort(self, c: int, toward: int) -> None:
        """Sort column c by the barycenter of its neighbours in column c + toward (-1 or +1).

        Positions are normalised to (0, 1) per column so that neighbours and an
        item without neighbours there (which keeps its relative place) are
        compared on one scale.
        """
        pos = self.pos
        get = pos.__getitem__
        column = self.columns[c]
        if not column:
            return
        side = self.up if toward < 0 else self.down
        other = 1.0 / max(1, len(self.columns[c + toward]))
        own = 1.0 / len(column)
        keyed = []
        for v in column:
            ns = side[v]
            p = pos[v]
            key = (sum(map(get, ns)) / len(ns) + 0.5) * other if ns else (p + 0.5) * own
            keyed.append((key, p, v))
        keyed.sort()
        column[:] = [k[2] for k in keyed]
        for i, v in enumerate(column):
            pos[v] = i

    def crossings(self) -> int:
        """Exact crossings between every pair of neighbouring columns.

        A column is stored in position order, so its links come out sorted by
        their left end when each item's right ends are sorted: no global sort.
        """
        pos, down = self.pos, self.down
        get = pos.__getitem__
        total = 0
        for column in self.columns[:-1]:
            seen: list[int] = []
            for u in column:
                ends = down[u]
                if not ends:
                    continue
                ends = sorted(map(get, ends)) if len(ends) > 1 else [pos[ends[0]]]
                size = len(seen)
                for b in ends:
                    total += size - bisect_right(seen, b)
                for b in ends:
                    insort(seen, b)
        return total

    def _snapshot(self) -> list[list[int]]:
        return [list(c) for c in self.columns]

    def _restore(self, columns: list[list[int]]) -> None:
        self.columns = [list(c) for c in columns]
        self._renumber()

    def _barycenter_rounds(self, rounds: int) -> tuple[int, int, list[list[int]]]:
        """Sweep from the current order; returns its crossings, the best found and that state."""
        start = best = self.crossings()
        kept = self._snapshot()
        for _ in range(rounds):
            if best == 0:
                break
            for c in range(1, len(self.columns)):
                self._sort(c, -1)
            for c in range(len(self.columns) - 2, -1, -1):
                self._sort(c, +1)
            found = self.crossings()
            if found < best:
                best, kept = found, self._snapshot()
        return start, best, kept

    def order(
        self, rounds: int = 2, transposes: int = 1, passes: int = 3, starts: int = 1
    ) -> tuple[int, int]:
        """Order the columns; returns the crossings of the first start and of the result.

        Barycenter rounds run from up to two starts (breadth-first from a far
        corner, then from the first node in column order); the better one gets
        `transposes` rounds of transpose, first allowing equal swaps (to leave
        a plateau), then strict ones. The best state seen is kept, so the
        result never has more crossings than the start.
        """
        self.initial_order(corner=True)
        start, best, kept = self._barycenter_rounds(rounds)
        if best and starts > 1:
            self.initial_order()
            _, other, other_kept = self._barycenter_rounds(rounds)
            if other < best:
                best, kept = other, other_kept
        self._restore(kept)
        for _ in range(transposes):
            if best == 0:
                break
            self.transpose(passes, allow_equal=True)
            self.transpose(passes)
            found = self.crossings()
            if found < best:
                best, kept = found, self._snapshot()
        self._restore(kept)
        return start, best

    def transpose(self, passes: int, allow_equal: bool = False) -> bool:
        """Swap neighbours in a column while that removes crossings; True if any did.

        With `allow_equal`, swaps that keep the count also happen: that shakes
        the order out of a plateau, and the caller keeps the best state anyway.
        Only columns next to a column that changed are looked at again.
        """
        pos, up, down = self.pos, self.up, self.down
        get = pos.__getitem__
        dirty = [len(c) > 1 for c in self.columns]
        improved_any = False
        for _ in range(passes):
            improved = False
            touched = [False] * len(self.columns)
            for c, column in enumerate(self.columns):
                if not dirty[c]:
                    continue
                # Neighbour columns do not change while this column is worked on.
                ups = [sorted(map(get, up[v])) for v in column]
                downs = [sorted(map(get, down[v])) for v in column]
                for i in range(len(column) - 1):
                    # Inlined for the common case of one link on a side (chains, dummies).
                    gain = 0
                    for a, b in ((ups[i], ups[i + 1]), (downs[i], downs[i + 1])):
                        if not a or not b:
                            continue
                        if len(a) == 1 == len(b):
                            gain += (a[0] > b[0]) - (a[0] < b[0])
                        else:
                            gain += _swap_gain(a, b)
                    if gain > 0 or (allow_equal and gain == 0):
                        v, w = column[i], column[i + 1]
                        column[i], column[i + 1] = w, v
                        pos[v], pos[w] = i + 1, i
                        ups[i], ups[i + 1] = ups[i + 1], ups[i]
                        downs[i], downs[i + 1] = downs[i + 1], downs[i]
                        touched[c] = True
                        if gain > 0:
                            improved = True
            improved_any = improved_any or improved
            if not improved:
                break
            last = len(self.columns) - 1
            dirty = [
                touched[c] or (c > 0 and touched[c - 1]) or (c < last and touched[c + 1])
                for c in range(len(self.columns))
            ]
        return improved_any

    # -- placement ------------------------------------------------------------

    def place(self, top: float, real_size: float, dummy_size: float, real_gap: float,
              dummy_gap: float, passes: int = 3) -> list[float]:
        """Centre heights of every item: aligned with neighbours, spaced, none above `top`."""
        n = self.n
        size = [real_size if v < n else dummy_size for v in range(len(self.col))]
        y = [0.0] * len(self.col)
        seps: list[list[float]] = []
        for column in self.columns:
            sep = [0.0] if column else []
            for a, b in pairwise(column):
                gap = real_gap if a < n and b < n else dummy_gap
                sep.append(sep[-1] + (size[a] + size[b]) / 2 + gap)
            seps.append(sep)
            low = top + (size[column[0]] / 2 if column else 0.0)
            for v, off in zip(column, sep, strict=True):
                y[v] = low + off
        get = y.__getitem__
        up, down = self.up, self.down
        plan = [(range(1, len(self.columns)), up), (range(len(self.columns) - 2, -1, -1), down)]
        for p in range(max(0, passes)):
            both = p == passes - 1
            for cols, side in plan if not both else [(range(len(self.columns)), None)]:
                for c in cols:
                    column = self.columns[c]
                    if not column:
                        continue
                    targets = []
                    for v in column:
                        ns = (*up[v], *down[v]) if side is None else side[v]
                        targets.append(sum(map(get, ns)) / len(ns) if ns else y[v])
                    low = top + size[column[0]] / 2
                    for v, h in zip(column, fit(targets, low, seps[c]), strict=True):
                        y[v] = h
        return y


def _swap_gain(upper: list[int], lower: list[int]) -> int:
    """Crossings removed by swapping two items whose sorted neighbour positions these are."""
    if not upper or not lower:
        return 0
    if len(upper) == 1 and len(lower) == 1:  # the common case (dummies, chains)
        a, b = upper[0], lower[0]
        return (a > b) - (a < b)
    now = swapped = 0
    for a in upper:
        now += bisect_left(lower, a)  # lower's neighbours above a cross a's link now
        swapped += len(lower) - bisect_right(lower, a)  # ... and below it, once swapped
    return now - swapped


def fit(targets: list[float], low: float, offsets: list[float]) -> list[float]:
    """Closest values (least squares) to `targets` with y[i+1] - y[i] >= offsets[i+1] - offsets[i].

    With z_i = y_i - offsets[i] the spacing becomes z non-decreasing: isotonic
    regression by pooling adjacent violators; clamping to `low` afterwards
    stays optimal.
    """
    sums: list[float] = []
    counts: list[int] = []
    for t, off in zip(targets, offsets, strict=True):
        s, c = t - off, 1
        while sums and sums[-1] * c >= s * counts[-1]:
            s += sums.pop()
            c += counts.pop()
        sums.append(s)
        counts.append(c)
    out: list[float] = []
    for s, c in zip(sums, counts, strict=True):
        z = max(s / c, low)
        for _ in range(c):
            out.append(z + offsets[len(out)])
    return out
