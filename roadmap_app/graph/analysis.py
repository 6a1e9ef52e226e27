"""Queries on a roadmap: prerequisites, readiness, the way to a goal, progress, critical path.

Order comes from prerequisite and progression edges only; related edges are
informational. Every answer is deterministic: lists follow the model's node
order, or a topological order whose ties are broken by the model's node order.

Closed nodes are those done or skipped (`Status.is_closed`). A skipped node
unblocks what it unlocks, and it is left out of progress totals altogether
(neither done nor to do): the user decided it is not part of their path, so it
must neither inflate nor deflate their progress. `Tally.skipped` still counts it.

Every query takes an optional `order=OrderIndex.of(roadmap)`: a caller that
asks many questions between structural edits (the GUI after a status change)
builds it once and passes it in. It depends on nodes and edges, not on status.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Node, Roadmap, Status, UnknownNodeError
from .order import OrderIndex

HoursOf = Callable[[Node], float]


def hours_of(node: Node) -> float:
    """Hours a node weighs in progress and the critical path (its estimate, or its resources')."""
    return node.effective_hours


def _position(order: OrderIndex, node_id: str) -> int:
    i = order.index.get(node_id)
    if i is None:
        raise UnknownNodeError(f"no node {node_id}")
    return i


def prerequisites(
    roadmap: Roadmap, node_id: str, transitive: bool = True, *, order: OrderIndex | None = None
) -> list[str]:
    """Ids of the nodes that must come before `node_id` (all ancestors, or direct ones), model order."""
    order = _index(roadmap, order)
    i = _position(order, node_id)
    found = order.ancestors(i) if transitive else set(order.preds[i])
    return [order.ids[j] for j in sorted(found)]


def unlocks(roadmap: Roadmap, node_id: str, *, order: OrderIndex | None = None) -> list[str]:
    """Ids of the nodes that directly depend on `node_id`, model order."""
    order = _index(roadmap, order)
    i = _position(order, node_id)
    return [order.ids[j] for j in sorted(order.succs[i])]


_CLOSED = frozenset((Status.DONE, Status.SKIPPED))


def _closed_flags(roadmap: Roadmap) -> list[bool]:
    closed = _CLOSED
    return [node.status in closed for node in roadmap.nodes]


def _index(roadmap: Roadmap, order: OrderIndex | None) -> OrderIndex:
    return order if order is not None else OrderIndex.of(roadmap)


def ready_nodes(roadmap: Roadmap, *, order: OrderIndex | None = None) -> list[str]:
    """Open nodes (not done or skipped) whose ordering predecessors are all done or skipped."""
    order = _index(roadmap, order)
    closed = _closed_flags(roadmap)
    return [
        order.ids[i]
        for i in range(len(order))
        if not closed[i] and all(closed[u] for u in order.preds[i])
    ]


def locked_nodes(roadmap: Roadmap, *, order: OrderIndex | None = None) -> list[str]:
    """Open nodes with at least one open ordering predecessor, model order."""
    order = _index(roadmap, order)
    closed = _closed_flags(roadmap)
    return [
        order.ids[i]
        for i in range(len(order))
        if not closed[i] and not all(closed[u] for u in order.preds[i])
    ]


def is_locked(roadmap: Roadmap, node_id: str, *, order: OrderIndex | None = None) -> bool:
    """True if the node is open and waits for an open prerequisite.

    A closed node is never locked, even if the user finished it before its
    prerequisites: the canvas dims locked nodes, and dimming done work is wrong.
    """
    order = _index(roadmap, order)
    i = _position(order, node_id)
    nodes = roadmap.nodes
    if nodes[i].status.is_closed:
        return False
    return any(not nodes[u].status.is_closed for u in order.preds[i])


def remaining_to_goal(roadmap: Roadmap, goal: str, *, order: OrderIndex | None = None) -> list[str]:
    """The open ancestors of `goal` and the goal itself (if open), in a valid order.

    The order is topological over all ancestors (closed ones included, so order
    through a finished node still holds), ties broken by model order.
    """
    order = _index(roadmap, order)
    g = _position(order, goal)
    members = order.ancestors(g)
    members.add(g)
    closed = _closed_flags(roadmap)
    return [order.ids[i] for i in order.topological(members) if not closed[i]]


@dataclass(frozen=True, slots=True)
class Tally:
    """Progress of a set of nodes. Skipped nodes are outside done/total (see module doc)."""

    done: int = 0
    total: int = 0  # nodes not skipped
    skipped: int = 0
    in_progress: int = 0
    done_hours: float = 0.0
    total_hours: float = 0.0  # hours of the nodes not skipped

    @property
    def fraction(self) -> float:
        """Done share by count; 1.0 when every node was skipped, 0.0 when there are none."""
        if self.total:
            return self.done / self.total
        return 1.0 if self.skipped else 0.0

    @property
    def hours_fraction(self) -> float:
        """Done share by hours; falls back to the count share when no hours are estimated."""
        if self.total_hours > 0:
            return self.done_hours / self.total_hours
        return self.fraction

    @property
    def remaining_hours(self) -> float:
        return max(0.0, self.total_hours - self.done_hours)


@dataclass(frozen=True, slots=True)
class Progress:
    overall: Tally
    stages: dict[str, Tally]  # every stage of roadmap.stage_order(), in that order


class _Counter:
    __slots__ = ("done", "done_hours", "in_progress", "skipped", "total", "total_hours")

    def __init__(self) -> None:
        self.done = self.total = self.skipped = self.in_progress = 0
        self.done_hours = self.total_hours = 0.0

    def add(self, status: Status, hours: float) -> None:
        if status is Status.SKIPPED:
            self.skipped += 1
            return
        self.total += 1
        self.total_hours += hours
        if status is Status.DONE:
            self.done += 1
            self.done_hours += hours
        elif status is Status.IN_PROGRESS:
            self.in_progress += 1

    def freeze(self) -> Tally:
        return Tally(
            self.done, self.total, self.skipped, self.in_progress, self.done_hours, self.total_hours
        )


def progress(roadmap: Roadmap, hours: HoursOf = hours_of) -> Progress:
    """Overall and per-stage progress, by count and by hours."""
    overall = _Counter()
    stages = {stage: _Counter() for stage in roadmap.stage_order()}
    for node in roadmap.nodes:
        h = hours(node)
        overall.add(node.status, h)
        stages[node.stage].add(node.status, h)
    return Progress(overall.freeze(), {name: c.freeze() for name, c in stages.items()})


def critical_path_hours(
    roadmap: Roadmap,
    goal: str | None = None,
    hours: HoursOf = hours_of,
    *,
    order: OrderIndex | None = None,
) -> tuple[float, list[str]]:
    """The longest chain of remaining work, in hours, and its open nodes in order.

    Closed nodes weigh nothing but still carry order (a -> done -> c keeps a
    before c); they are not listed. With a goal the chain ends at the goal, and
    a closed goal gives (0.0, []). Without one it ends wherever it is longest.
    Ties go to the earlier node in model order. In-progress nodes count their
    full hours; pass `hours` to weigh remaining hours instead.
    """
    order = _index(roadmap, order)
    nodes = roadmap.nodes
    if goal is not None:
        g = _position(order, goal)
        members = order.ancestors(g)
        members.add(g)
        topo = order.topological(members)
    else:
        g = None
        members = None
        topo = order.topological()
    n = len(order)
    weight = [0.0] * n
    for i in topo:
        node = nodes[i]
        if not node.status.is_closed:
            weight[i] = float(hours(node))
    dist = [0.0] * n
    back = [-1] * n
    # Only predecessors already visited count: on an invalid, cyclic roadmap
    # that keeps the back pointers acyclic (and the answer finite).
    visited = [False] * n
    preds = order.preds
    for v in topo:
        best, best_u = 0.0, -1
        for u in preds[v]:
            if not visited[u] or (members is not None and u not in members):
                continue
            d = dist[u]
            if d > best or (d == best and (best_u < 0 or u < best_u)):
                best, best_u = d, u
        dist[v] = best + weight[v]
        back[v] = best_u
        visited[v] = True
    if not topo:
        return 0.0, []
    end = min(topo, key=lambda v: (-dist[v], v)) if g is None else g
    chain: list[int] = []
    v = end
    while v >= 0:
        if not nodes[v].status.is_closed:
            chain.append(v)
        v = back[v]
    chain.reverse()
    total = dist[end]
    if not chain:
        return 0.0, []
    return total, [order.ids[i] for i in chain]
