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
from dataclasses import dataclass, field

from ..model import EdgeKind, NodeKind, Roadmap
from .cost import remaining_hours


@dataclass(frozen=True)
class Route:
    """The decided route. `on_route`, `off_route`, `groups` and `needs` are built from
    the index form on first use (the scheduler reads the index form directly)."""

    goal: str | None
    choices: dict[tuple[str, str], str]  # (target, group) -> chosen source
    # What each node on the route needs under this route (all-of sources plus the chosen
    # alternative of each group, in edge order), as node indices in the roadmap's order.
    needs_index: list[list[int]] = field(default_factory=list, repr=False, compare=False)
    ids: list[str] = field(default_factory=list, repr=False, compare=False)
    on_index: list[bool] = field(default_factory=list, repr=False, compare=False)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    groups_index: dict[tuple[int, str], list[int]] = field(default_factory=dict, repr=False, compare=False)
    study_hours: list[float | None] = field(default_factory=list, repr=False, compare=False)

    def _cached(self, key: str, make):
        if key not in self._cache:
            self._cache[key] = make()
        return self._cache[key]

    @property
    def on_route(self) -> frozenset[str]:
        """Node ids on the route (the goal, what it needs, practices, opted-in optional)."""
        pairs = zip(self.ids, self.on_index, strict=True)
        return self._cached("on", lambda: frozenset(i for i, on in pairs if on))

    @property
    def off_route(self) -> frozenset[str]:
        """Node ids not on the route: "not on my route", which is not skipped."""
        pairs = zip(self.ids, self.on_index, strict=True)
        return self._cached("off", lambda: frozenset(i for i, on in pairs if not on))

    @property
    def groups(self) -> dict[tuple[str, str], list[str]]:
        """(target, group) -> the alternative sources, in edge order."""
        ids = self.ids
        return self._cached("groups", lambda: {(ids[t], g): [ids[m] for m in members]
                                               for (t, g), members in self.groups_index.items()})

    @property
    def needs(self) -> dict[str, list[str]]:
        """node id -> the ids it needs on this route (nodes on the route only)."""
        if "needs" not in self._cache:
            ids = self.ids
            self._cache["needs"] = {ids[t]: [ids[s] for s in sources]
                                    for t, sources in enumerate(self.needs_index) if self.on_index[t]}
        return self._cache["needs"]

    def is_choice(self, target: str, group: str, source: str) -> bool:
        return self.choices.get((target, group)) == source


@dataclass
class _Edges:
    all_of: list[list[int]]  # target -> sources (ungrouped ordering edges)
    groups: dict[tuple[int, str], list[int]]
    groups_of: dict[int, list[str]]  # target -> its group names, in edge order
    succs: list[list[int]]  # every ordering edge, forwards


def _edges(roadmap: Roadmap, index: dict[str, int]) -> _Edges:
    n = len(index)
    all_of: list[list[int]] = [[] for _ in range(n)]
    groups: dict[tuple[int, str], list[int]] = {}
    groups_of: dict[int, list[str]] = {}
    succs: list[list[int]] = [[] for _ in range(n)]
    related = EdgeKind.RELATED
    get = index.get
    for edge in roadmap.edges:
        if edge.kind is related:
            continue
        s, t = get(edge.source), get(edge.target)
        if s is None or t is None or s == t:
            continue
        succs[s].append(t)
        if edge.group:
            key = (t, edge.group)
            members = groups.get(key)
            if members is None:
                groups[key] = members = []
                groups_of.setdefault(t, []).append(edge.group)
            if s not in members:
                members.append(s)
        else:
            all_of[t].append(s)
    return _Edges(all_of, groups, groups_of, succs)


def _topo(n: int, edges: _Edges) -> list[int]:
    """Kahn's order over every ordering edge; nodes caught in a cycle go last."""
    indegree = [0] * n
    for targets in edges.succs:
        for t in targets:
            indegree[t] += 1
    order = [i for i in range(n) if indegree[i] == 0]
    succs = edges.succs
    for current in order:  # grows while it is walked
        for t in succs[current]:
            indegree[t] -= 1
            if indegree[t] == 0:
                order.append(t)
    if len(order) < n:
        placed = set(order)
        order += [i for i in range(n) if i not in placed]
    return order


def resolve_route(
    roadmap: Roadmap, *, goal: str | None = None, hours_per_week: float | None = None
) -> Route:
    """Decide every group and return what is on and off the route (see the module doc).

    `goal` defaults to the plan's goal (an unknown goal counts as none); the pace
    (default: the plan's) only breaks ties between alternatives by their length.
    """
    nodes = roadmap.nodes
    n = len(nodes)
    ids = [node.id for node in nodes]
    index = {node_id: i for i, node_id in enumerate(ids)}
    goal = goal if goal is not None else roadmap.plan.goal
    if goal not in index:
        goal = None
    edges = _edges(roadmap, index)
    all_of, groups, groups_of = edges.all_of, edges.groups, edges.groups_of
    included = {index[i] for i in roadmap.plan.include_optional if i in index}
    usable = [not node.optional or i in included for i, node in enumerate(nodes)]

    order = _topo(n, edges)
    position = [0] * n
    for k, i in enumerate(order):
        position[i] = k
    pace = max(hours_per_week or roadmap.plan.weekly_hours, 0.5)
    cost: list[float | None] = [None] * n
    hours: list[float | None] = [None] * n  # study hours left, where worked out
    practice_kind = NodeKind.PRACTICE

    def cost_of(start: int) -> float:
        """The longest chain in weeks ending at `start`, with the shortest pick in each
        group; worked out only for alternatives the planner has to pick between."""
        if cost[start] is not None:
            return cost[start]
        expanded = set()
        stack = [start]
        while stack:
            i = stack[-1]
            if cost[i] is not None:
                stack.pop()
                continue
            grouped = groups_of.get(i)
            if i not in expanded:  # first visit: what it needs comes first
                expanded.add(i)
                pending = [p for p in all_of[i] if cost[p] is None and usable[p] and p not in expanded]
                if grouped:
                    for group in grouped:
                        pending += [p for p in groups[(i, group)]
                                    if cost[p] is None and usable[p] and p not in expanded]
                if pending:
                    stack += pending
                    continue
            need = 0.0
            for p in all_of[i]:
                if usable[p] and (cost[p] or 0.0) > need:
                    need = cost[p] or 0.0
            if grouped:
                for group in grouped:
                    options = [cost[p] or 0.0 for p in groups[(i, group)] if usable[p]]
                    if options:
                        need = max(need, min(options))
            node = nodes[i]
            if node.status.is_closed or node.kind is practice_kind or node.learned_in:
                own = 0.0
            elif node.duration_weeks is not None:
                own = float(node.duration_weeks)
            else:
                hours[i] = remaining_hours(node)  # the scheduler reuses it
                own = hours[i] / pace
            cost[i] = own + need
            stack.pop()
        return cost[start] or 0.0

    user = {}
    for choice in roadmap.plan.route:
        t, c = index.get(choice.target), index.get(choice.choice)
        if t is not None and c is not None:
            user[(t, choice.group)] = c

    roots: list[int] = []
    if goal is not None:
        roots.append(index[goal])
    else:
        succs = edges.succs
        for i in range(n):
            if usable[i]:
                for t in succs[i]:
                    if usable[t]:
                        break
                else:  # nothing usable depends on it
                    roots.append(i)
    roots += [i for i, node in enumerate(nodes) if node.kind is NodeKind.PRACTICE and usable[i]]
    roots += sorted(included)

    on = [False] * n
    choices: dict[tuple[str, str], str] = {}
    needs: list[list[int]] = [[] for _ in range(n)]
    # Expand targets before what they need (latest in the order first), so that when a
    # group is decided, whatever later targets already pulled in is known.
    heap: list[int] = []
    for root in roots:
        if not on[root]:
            on[root] = True
            heap.append(-position[root])
    heapq.heapify(heap)
    while heap:
        target = order[-heapq.heappop(heap)]
        wanted = [p for p in all_of[target] if usable[p]]
        for group in groups_of.get(target, ()):
            options = [p for p in groups[(target, group)] if usable[p]]
            if not options:
                continue
            pick = user.get((target, group))
            if pick not in options:
                pick = next((p for p in options if on[p]), None)
                if pick is None:
                    pick = min(options, key=cost_of)  # min keeps the first of equals
            choices[(ids[target], group)] = ids[pick]
            wanted.append(pick)
        if len(wanted) > 1:
            wanted = list(dict.fromkeys(wanted))
        needs[target] = wanted
        for p in wanted:
            if not on[p]:
                on[p] = True
                heapq.heappush(heap, -position[p])

    return Route(goal=goal, choices=choices, needs_index=needs, ids=ids, on_index=on, groups_index=groups,
                 study_hours=hours)


def group_met(roadmap: Roadmap) -> dict[str, bool]:
    """Whether each node's prerequisites are met by status alone: every all-of source
    closed and, in each group, at least one alternative closed. Optional sources that
    the plan does not include never hold anything back."""
    nodes = roadmap.nodes
    index = {node.id: i for i, node in enumerate(nodes)}
    edges = _edges(roadmap, index)
    included = set(roadmap.plan.include_optional)
    ignored = [node.optional and node.id not in included for node in nodes]
    blocks = [not ignored[i] and not node.status.is_closed for i, node in enumerate(nodes)]
    result = {}
    for i, node in enumerate(nodes):
        met = not any(blocks[p] for p in edges.all_of[i])
        for group in edges.groups_of.get(i, ()) if met else ():
            members = edges.groups[(i, group)]
            if all(blocks[p] for p in members) and not all(ignored[p] for p in members):
                met = False
                break
        result[node.id] = met
    return result
