"""The scheduler as it was before durations, "any of" groups and practices (v0.1),
kept unchanged as the reference for the planning benchmark.

The pace-based schedule: which open nodes to study, in what order, and when.

Model of the work (one learner, one thing at a time):

- Cost of a node (`remaining_hours`): done and skipped nodes cost nothing. An open
  node (not started or in progress) costs its effective hours (its estimate, else
  the sum of its resources' estimates) minus the estimates of its resources that
  are already done or skipped, but never less than 25 % of its hours: work that has
  not been marked done is never assumed to be free.
- Scope: with a goal, the goal plus every open node from which the goal can be
  reached through open nodes only (a closed node no longer blocks what it unlocks,
  so work behind it is not needed any more); without a goal, every open node.
- Order: a topological order of the scope over prerequisite and progression edges,
  choosing among the ready nodes the one with the longest chain of remaining hours
  still ahead of it (critical path first), ties broken by the order of the nodes in
  the file. The goal always comes last.
- Time: nodes are laid end to end on a timeline of study hours. Day d offers
  `capacity[d]` hours (the weekday split, or hours per week spread evenly over
  seven days). A node with hours starts on the first day where some of its hours
  fall and finishes on the day its last hour falls; a node without hours starts
  and finishes on the day the work before it finished (the start day for the first).
  Consequently a node never starts before its prerequisites finish: its first study
  hour comes after their last one, and its start date is never before their finish
  dates (the same day is fine: the earlier node finished part way through it).
"""

from __future__ import annotations

import datetime as dt
import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from roadmap_app.model import EdgeKind, Node, Roadmap, Status
from roadmap_app.model.errors import RoadmapError, UnknownNodeError

IN_PROGRESS_FLOOR = 0.25  # an open node always keeps at least this share of its hours
ZERO_HOURS = 1e-6  # below this, a node takes no study time
_TOL = 1e-7  # tolerance when comparing hour totals to day capacities


class PlanningError(RoadmapError):
    """The plan cannot be projected (for example it runs past the year 9999)."""


def remaining_hours(node: Node) -> float:
    """Hours still to study on a node (see the module docstring for the rule)."""
    if node.status.is_closed:
        return 0.0
    hours = node.effective_hours
    if hours <= 0:
        return 0.0
    finished = sum(r.estimated_hours or 0.0 for r in node.resources if r.status.is_closed)
    return max(hours - finished, IN_PROGRESS_FLOOR * hours)


@dataclass(frozen=True)
class ScheduledNode:
    id: str
    title: str
    stage: str
    hours: float  # remaining hours scheduled for this node
    start: dt.date
    finish: dt.date
    at_risk: bool  # its target date is before its projected finish
    on_critical_path: bool
    begin_hour: float = 0.0  # position on the study-hour timeline (hours since `start`)
    end_hour: float = 0.0
    target_date: dt.date | None = None
    status: Status = Status.NOT_STARTED


@dataclass(frozen=True)
class Schedule:
    entries: list[ScheduledNode]
    goal_id: str | None
    goal_date: dt.date | None  # None when nothing remains
    total_hours: float
    start: dt.date
    weekday_hours: tuple[float, ...]  # capacity Monday..Sunday actually used
    goal_reached: bool = False  # the goal (or, without one, everything) is closed
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)

    @property
    def hours_per_week(self) -> float:
        return sum(self.weekday_hours)

    @property
    def at_risk_count(self) -> int:
        return sum(1 for e in self.entries if e.at_risk)

    @property
    def ids(self) -> list[str]:
        return [e.id for e in self.entries]

    @property
    def critical_ids(self) -> set[str]:
        return {e.id for e in self.entries if e.on_critical_path}

    def entry(self, node_id: str) -> ScheduledNode | None:
        index = self._index.get(node_id)
        return None if index is None else self.entries[index]

    def date_at(self, hours: float) -> dt.date:
        """The day on which `hours` study hours after `start` are completed."""
        return _Calendar(self.start, self.weekday_hours).finish_date(hours)

    def to_dict(self) -> dict:
        """The JSON form shared by the CLI (`plan --format json`) and tests."""
        return {
            "goal": self.goal_id,
            "goal_date": self.goal_date.isoformat() if self.goal_date else None,
            "hours_per_week": round(self.hours_per_week, 4),
            "start": self.start.isoformat(),
            "total_hours": round(self.total_hours, 4),
            "nodes": [
                {
                    "id": e.id,
                    "title": e.title,
                    "start": e.start.isoformat(),
                    "finish": e.finish.isoformat(),
                    "hours": round(e.hours, 4),
                    "at_risk": e.at_risk,
                }
                for e in self.entries
            ],
        }


class _Calendar:
    """Maps hours on the study timeline to dates, in O(1) per lookup."""

    def __init__(self, start: dt.date, weekday_hours: Sequence[float]) -> None:
        self.start = start
        first = start.weekday()
        rotated = [weekday_hours[(first + i) % 7] for i in range(7)]
        self.prefix: list[float] = []  # capacity of days 0..i of a week from `start`
        total = 0.0
        for hours in rotated:
            total += hours
            self.prefix.append(total)
        self.week = total
        self.max_days = (dt.date.max - start).days

    def _cum(self, day: int) -> float:
        # Multiplication, not running sums: more capacity never gives a smaller total.
        return (day // 7) * self.week + self.prefix[day % 7]

    def _first_day(self, threshold: float, strict: bool) -> int:
        """The first day whose cumulative capacity reaches `threshold` (or passes it)."""

        def reached(cum: float) -> bool:
            return cum > threshold if strict else cum >= threshold

        # Jump to the right week (weeks end on day 7w-1), then walk at most 7 days.
        weeks = max(0, math.floor(threshold / self.week))
        while weeks > 0 and reached(self._cum(7 * weeks - 1)):
            weeks -= 1
        while not reached(self._cum(7 * weeks + 6)):
            weeks += 1
        day = 7 * weeks
        while not reached(self._cum(day)):
            day += 1
        return day

    def _date(self, day: int) -> dt.date:
        if day > self.max_days:
            raise PlanningError("the projection runs past the year 9999; raise the hours per week")
        return self.start + dt.timedelta(days=day)

    def start_date(self, hours: float) -> dt.date:
        """The day on which work beginning `hours` into the timeline happens."""
        return self._date(self._first_day(hours + _TOL, strict=True))

    def finish_date(self, hours: float) -> dt.date:
        """The day on which the first `hours` of the timeline are done."""
        return self._date(self._first_day(hours - _TOL, strict=False))


def capacity(
    roadmap: Roadmap,
    hours_per_week: float | None = None,
    weekday_hours: Sequence[float] | None = None,
) -> tuple[float, ...]:
    """Hours per weekday (Monday first) used by the schedule.

    Explicit `weekday_hours` win. An explicit `hours_per_week` keeps the shape of
    the plan's own weekday split, scaled to the new total (or spreads evenly if the
    plan has none). Otherwise the plan's settings are used.
    """
    if weekday_hours is not None:
        week = tuple(float(h) for h in weekday_hours)
        if len(week) != 7 or any(not math.isfinite(h) or h < 0 for h in week):
            raise PlanningError("weekday hours need seven numbers of zero or more")
    else:
        plan = roadmap.plan
        total = plan.weekly_hours if hours_per_week is None else float(hours_per_week)
        if not math.isfinite(total) or total <= 0:
            raise PlanningError("hours per week must be more than zero")
        shape = plan.weekday_hours
        if shape and sum(shape) > 0:
            scale = total / sum(shape)
            week = tuple(h * scale for h in shape)
        else:
            week = (total / 7.0,) * 7
    if sum(week) < ZERO_HOURS:
        raise PlanningError("the week needs some study hours")
    return week


def _ordering_edges(roadmap: Roadmap, ids: dict[str, int]) -> list[tuple[int, int]]:
    related = EdgeKind.RELATED
    pairs = []
    for edge in roadmap.edges:
        if edge.kind is not related:
            s, t = ids.get(edge.source), ids.get(edge.target)
            if s is not None and t is not None and s != t:
                pairs.append((s, t))
    return pairs


def schedule(
    roadmap: Roadmap,
    *,
    goal: str | None = None,
    hours_per_week: float | None = None,
    weekday_hours: Sequence[float] | None = None,
    start: dt.date | None = None,
    today: dt.date | None = None,
) -> Schedule:
    """Project the remaining work of `roadmap` onto dates (see the module docstring).

    Defaults come from `roadmap.plan`. Without an explicit `start`, work starts on
    the plan's start date, but never before `today` (remaining work cannot happen
    in the past).
    """
    today = today or dt.date.today()
    goal = goal if goal is not None else roadmap.plan.goal
    if start is None:
        planned = roadmap.plan.start_date
        start = max(planned, today) if planned else today
    week = capacity(roadmap, hours_per_week, weekday_hours)
    nodes = roadmap.nodes
    index = {n.id: i for i, n in enumerate(nodes)}
    if goal is not None and goal not in index:
        raise UnknownNodeError(f"no node {goal} to use as the goal")

    n = len(nodes)
    preds: list[list[int]] = [[] for _ in range(n)]
    succs: list[list[int]] = [[] for _ in range(n)]
    open_ = [not node.status.is_closed for node in nodes]
    for s, t in _ordering_edges(roadmap, index):
        if open_[s] and open_[t]:  # closed nodes neither cost nor block
            preds[t].append(s)
            succs[s].append(t)

    goal_index = index[goal] if goal is not None else -1
    if goal is not None:
        in_scope = [False] * n
        if open_[goal_index]:
            in_scope[goal_index] = True
            stack = [goal_index]
            while stack:
                for p in preds[stack.pop()]:
                    if not in_scope[p]:
                        in_scope[p] = True
                        stack.append(p)
    else:
        in_scope = open_
    scope = [i for i in range(n) if in_scope[i]]
    hours = [0.0] * n
    for i in scope:
        h = remaining_hours(nodes[i])
        hours[i] = h if h > ZERO_HOURS else 0.0

    # Kahn's algorithm, once forwards for the longest chain ending at each node
    # (head) and the order, then backwards for the longest chain starting at it (tail).
    indegree = [0] * n
    for i in scope:
        indegree[i] = len(preds[i])
    topo = [i for i in scope if indegree[i] == 0]
    cursor = 0
    while cursor < len(topo):
        for t in succs[topo[cursor]]:
            indegree[t] -= 1
            if indegree[t] == 0:
                topo.append(t)
        cursor += 1
    if len(topo) != len(scope):
        raise PlanningError("the prerequisites form a cycle; the plan cannot be ordered")
    head = [0.0] * n
    for i in topo:
        head[i] = hours[i] + max((head[p] for p in preds[i]), default=0.0)
    tail = [0.0] * n
    for i in reversed(topo):
        tail[i] = hours[i] + max((tail[s] for s in succs[i]), default=0.0)
    # Every node in a goal's scope reaches the goal, so the longest chain overall is
    # the longest chain ending at the goal: the critical path.
    critical_len = max((head[i] for i in scope), default=0.0)

    for i in scope:
        indegree[i] = len(preds[i])
    heap = [(i == goal_index, -tail[i], i) for i in scope if indegree[i] == 0]
    heapq.heapify(heap)
    calendar = _Calendar(start, week)
    entries: list[ScheduledNode] = []
    elapsed = 0.0
    while heap:
        _last, _neg_tail, i = heapq.heappop(heap)
        node = nodes[i]
        begin, elapsed = elapsed, elapsed + hours[i]
        finish = calendar.finish_date(elapsed)
        first_day = calendar.start_date(begin) if hours[i] > 0 else finish
        critical = critical_len > 0 and abs(head[i] + tail[i] - hours[i] - critical_len) <= _TOL * (
            1 + critical_len
        )
        entries.append(
            ScheduledNode(
                id=node.id,
                title=node.title,
                stage=node.stage,
                hours=hours[i],
                start=first_day,
                finish=finish,
                at_risk=node.target_date is not None and node.target_date < finish,
                on_critical_path=critical,
                begin_hour=begin,
                end_hour=elapsed,
                target_date=node.target_date,
                status=node.status,
            )
        )
        for t in succs[i]:
            indegree[t] -= 1
            if indegree[t] == 0:
                heapq.heappush(heap, (t == goal_index, -tail[t], t))

    reached = not open_[goal_index] if goal is not None else not entries
    goal_date = entries[-1].finish if entries else None
    return Schedule(
        entries=entries,
        goal_id=goal,
        goal_date=goal_date,
        total_hours=elapsed,
        start=start,
        weekday_hours=week,
        goal_reached=reached,
        _index={e.id: k for k, e in enumerate(entries)},
    )

