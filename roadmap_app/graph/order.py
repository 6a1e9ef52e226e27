"""A light, index-based view of a roadmap's ordering edges.

The analysis queries and the layout run on every status change and every
relayout, so they work on plain lists of integer indices (model order) rather
than on a networkx graph: building a DiGraph of 10k nodes alone costs more than
all the queries together. Related edges are informational and left out, exactly
as in `to_digraph(roadmap, ordering_only=True)`.
"""

from __future__ import annotations

import gc
import heapq
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from ..model import EdgeKind, Roadmap


@dataclass(slots=True)
class OrderIndex:
    ids: list[str]  # node ids in model order; a node's index is its position here
    index: dict[str, int]
    preds: list[list[int]]  # ordering predecessors, deduplicated, sorted by index
    succs: list[list[int]]

    @classmethod
    def of(cls, roadmap: Roadmap) -> OrderIndex:
        ids = [node.id for node in roadmap.nodes]
        # A duplicate id (an invalid file) keeps its first occurrence.
        index: dict[str, int] = {}
        for i, node_id in enumerate(ids):
            index.setdefault(node_id, i)
        n = len(ids)
        preds: list[list[int]] = [[] for _ in range(n)]
        succs: list[list[int]] = [[] for _ in range(n)]
        seen: set[tuple[int, int]] = set()
        related = EdgeKind.RELATED
        get = index.get
        for edge in roadmap.edges:
            if edge.kind is related:
                continue
            s, t = get(edge.source), get(edge.target)
            if s is None or t is None or s == t or (s, t) in seen:
                continue
            seen.add((s, t))
            preds[t].append(s)
            succs[s].append(t)
        # Sorted, so that nothing downstream depends on the order of edges in the file.
        for lst in preds:
            if len(lst) > 1:
                lst.sort()
        for lst in succs:
            if len(lst) > 1:
                lst.sort()
        return cls(ids, index, preds, succs)

    def __len__(self) -> int:
        return len(self.ids)

    def topological(self, members: Iterable[int] | None = None) -> list[int]:
        """Kahn's order, ties broken by model order (smallest index first).

        With `members`, only that induced subgraph is ordered. Nodes on a cycle
        (an invalid roadmap) are appended in model order instead of being lost.
        """
        if members is None:
            member = None
            nodes: Iterable[int] = range(len(self.ids))
        else:
            member = set(members)
            nodes = sorted(member)
        indeg: dict[int, int] = {}
        preds = self.preds
        for v in nodes:
            indeg[v] = len(preds[v]) if member is None else sum(1 for u in preds[v] if u in member)
        heap = [v for v, d in indeg.items() if d == 0]
        heapq.heapify(heap)
        order: list[int] = []
        succs = self.succs
        while heap:
            u = heapq.heappop(heap)
            order.append(u)
            for w in succs[u]:
                if w in indeg:
                    indeg[w] -= 1
                    if indeg[w] == 0:
                        heapq.heappush(heap, w)
        if len(order) < len(indeg):
            placed = set(order)
            order.extend(v for v in sorted(indeg) if v not in placed)
        return order

    def ancestors(self, start: int) -> set[int]:
        """Every node with an ordering path to `start` (not including it)."""
        seen: set[int] = set()
        stack = [start]
        preds = self.preds
        while stack:
            for u in preds[stack.pop()]:
                if u not in seen:
                    seen.add(u)
                    stack.append(u)
        seen.discard(start)
        return seen


@contextmanager
def paused_gc() -> Iterator[None]:
    """Hold the cyclic garbage collector off during a burst of allocations.

    A 10k-node roadmap is a few hundred thousand pydantic objects; each full
    collection triggered by the layout's many small lists walks all of them
    (measured at 100-400 ms per layout of 10k nodes). The graph code creates
    no reference cycles, so nothing is lost by collecting afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
