"""The route: which nodes the plan needs, once "any of" groups and optional nodes
are decided.

- Ordering edges (prerequisite, progression) into a target are "all of", except
  that edges with the same non-empty `group` form one "any of" group: the target
  needs exactly one of those sources, the chosen one.
- The choice in a group is the user's (`plan.route`), else the planner's pick: an
  alternative already on the route (so one decision serves every target that
  offers it), else the fastest, i.e. the one whose longest chain of remaining work
  is shortest in calendar weeks (closed work costs nothing), ties in edge order.
- Optional nodes (`Node.optional`) are on the route only when the plan opts in
  (`plan.include_optional`); an edge from an optional node that is not opted in
  requires nothing.
- On the route: the goal and everything it needs (whatever the status: progress
  is measured over it), every practice, and every opted-in optional node with what
  it needs. Without a goal, every node nothing else depends on stands in for it.
  Everything else is off the route: "not on my route", which is not "skipped".
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..model import EdgeKind, Node, NodeKind, Roadmap, Status
from .cost import remaining_hours


@dataclass(frozen=True)
class Route:
    goal: str | None
    on_route: frozenset[str]
    off_route: frozenset[str]
    groups: dict[tuple[str, str], list[str]]  # (target, group) -> alternative sources
    choices: dict[tuple[str, str], str]  # (target, group) -> chosen source
    # What each node on the route needs under this route: all-of sources plus the chosen
    # alternative of each group, in edge order.
    needs: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)

    def is_choice(self, target: str, group: str, source: str) -> bool:
        return self.choices.get((target, group)) == source


@dataclass
class _Edges:
    all_of: dict[str, list[str]]  # target -> sources (ungrouped ordering edges)
    groups: dict[tuple[str, str], list[str]]
    groups_of: dict[str, list[str]]  # target -> its group names, in edge order
    succs: dict[str, list[str]]  # every ordering edge, forwards


def _edges(roadmap: Roadmap, ids: Iterable[str]) -> _Edges:
    known = set(ids)
    all_of: dict[str, list[str]] = {i: [] for i in known}
    groups: dict[tuple[str, str], list[str]] = {}
    groups_of: dict[str, list[str]] = {}
    succs: dict[str, list[str]] = {i: [] for i in known}
    for edge in roadmap.edges:
        if edge.kind is EdgeKind.RELATED or edge.source == edge.target:
            continue
        if edge.source not in known or edge.target not in known:
            continue
        succs[edge.source].append(edge.target)
        if edge.group:
            key = (edge.target, edge.group)
            members = groups.get(key)
            if members is None:
                groups[key] = members = []
                groups_of.setdefault(edge.target, []).append(edge.group)
            if edge.source not in members:
                members.append(edge.source)
        else:
            all_of[edge.target].append(edge.source)
    return _Edges(all_of, groups, groups_of, succs)


def _topo(ids: list[str], edges: _Edges) -> list[str]:
    """Kahn's order over every ordering edge; nodes caught in a cycle go last."""
    indegree = {i: 0 for i in ids}
    for targets in edges.succs.values():
        for t in targets:
            indegree[t] += 1
    order = [i for i in ids if indegree[i] == 0]
    cursor = 0
    while cursor < len(order):
        for t in edges.succs[order[cursor]]:
            indegree[t] -= 1
            if indegree[t] == 0:
                order.append(t)
        cursor += 1
    if len(order) < len(ids):
        placed = set(order)
        order += [i for i in ids if i not in placed]
    return order


def own_weeks(node: Node, study_per_week: float) -> float:
    """Calendar weeks a node adds on its own, for choosing the fastest alternative."""
    if node.status.is_closed:
        return 0.0
    if node.kind is NodeKind.PRACTICE or node.learned_in:
        return 0.0
    if node.is_duration:
        return float(node.duration_weeks or 0.0)
    return remaining_hours(node) / study_per_week


def resolve_route(
    roadmap: Roadmap, *, goal: str | None = None, hours_per_week: float | None = None
) -> Route:
    """Decide every group and return what is on and off the route (see the module doc).

    `goal` defaults to the plan's goal (an unknown goal counts as none); the pace
    (default: the plan's) only breaks ties between alternatives by their length.
    """
    nodes = roadmap.nodes
    by_id = {n.id: n for n in nodes}
    ids = list(by_id)
    goal = goal if goal is not None else roadmap.plan.goal
    if goal not in by_id:
        goal = None
    edges = _edges(roadmap, ids)
    included = set(roadmap.plan.include_optional)

    def usable(node_id: str) -> bool:
        node = by_id[node_id]
        return not node.optional or node_id in included

    order = _topo(ids, edges)
    position = {node_id: k for k, node_id in enumerate(order)}
    pace = max(hours_per_week or roadmap.plan.weekly_hours, 0.5)
    cost: dict[str, float] = {}
    for node_id in order:  # longest chain in weeks, with the shortest pick in each group
        need = [cost.get(p, 0.0) for p in edges.all_of[node_id] if usable(p)]
        for group in edges.groups_of.get(node_id, ()):
            options = [cost.get(p, 0.0) for p in edges.groups[(node_id, group)] if usable(p)]
            if options:
                need.append(min(options))
        cost[node_id] = own_weeks(by_id[node_id], pace) + max(need, default=0.0)

    user = {}
    for choice in roadmap.plan.route:
        user[(choice.target, choice.group)] = choice.choice

    roots: list[str] = []
    if goal is not None:
        roots.append(goal)
    else:
        roots += [i for i in ids if usable(i) and not any(usable(t) for t in edges.succs[i])]
    roots += [n.id for n in nodes if n.kind is NodeKind.PRACTICE and usable(n.id)]
    roots += [i for i in roadmap.plan.include_optional if i in by_id]

    on_route: set[str] = set()
    choices: dict[tuple[str, str], str] = {}
    needs: dict[str, list[str]] = {}
    # Expand targets before what they need (latest in the order first), so that when a
    # group is decided, whatever later targets already pulled in is known.
    heap: list[int] = []
    for root in roots:
        if root not in on_route:
            on_route.add(root)
            heapq.heappush(heap, -position[root])
    while heap:
        target = order[-heapq.heappop(heap)]
        wanted = [p for p in edges.all_of[target] if usable(p)]
        for group in edges.groups_of.get(target, ()):
            options = [p for p in edges.groups[(target, group)] if usable(p)]
            if not options:
                continue
            pick = user.get((target, group))
            if pick not in options:
                pick = next((p for p in options if p in on_route), None)
                if pick is None:
                    pick = min(options, key=lambda p: cost[p])  # min keeps the first of equals
            choices[(target, group)] = pick
            wanted.append(pick)
        needs[target] = wanted
        for p in wanted:
            if p not in on_route:
                on_route.add(p)
                heapq.heappush(heap, -position[p])

    return Route(
        goal=goal,
        on_route=frozenset(on_route),
        off_route=frozenset(i for i in ids if i not in on_route),
        groups={key: list(members) for key, members in edges.groups.items()},
        choices=choices,
        needs=needs,
    )


def group_met(roadmap: Roadmap) -> dict[str, bool]:
    """Whether each node's prerequisites are met by status alone: every all-of source
    closed and, in each group, at least one alternative closed. Optional sources that
    the plan does not include never hold anything back."""
    by_id = roadmap.node_map()
    edges = _edges(roadmap, by_id)
    included = set(roadmap.plan.include_optional)

    def blocks(source: str) -> bool:
        node = by_id[source]
        if node.optional and source not in included:
            return False
        return node.status not in (Status.DONE, Status.SKIPPED)

    result = {}
    for node_id in by_id:
        met = not any(blocks(p) for p in edges.all_of[node_id])
        for group in edges.groups_of.get(node_id, ()) if met else ():
            members = [p for p in edges.groups[(node_id, group)]]
            if all(blocks(p) for p in members) and any(
                not by_id[p].optional or p in included for p in members
            ):
                met = False
                break
        result[node_id] = met
    return result
