"""The schedule: when each open node on the route happens, in three lanes.

Model of the work (one person; see docs/PLANNING.md for the why):

- Route: `routes.resolve_route` decides every "any of" group and which optional
  nodes count. Only open nodes on the route are scheduled; off-route nodes are not
  scheduled and are not skipped either.
- Scope: with a goal, the goal plus every open node on the route from which it can
  be reached through open nodes only (a closed node no longer blocks what it
  unlocks), plus the open practices and opted-in optional nodes on the route and
  what they need; without a goal, every open node on the route. A duration already
  in progress (a job you hold) has evidently been started, so nothing before it
  holds it back.
- Study lane (effort): nodes with study hours (`cost.remaining_hours`) are laid end
  to end on a timeline of study hours. Day d offers the weekday's share of the
  hours per week, minus the practice slice. Among the nodes whose prerequisites are
  met, the one with the longest chain of work still ahead of it (in calendar weeks)
  goes first, ties in file order; the goal goes last. A node without hours takes
  no time and is done on the day the work before it is.
- Duration lane: a node with `duration_weeks` (a degree, a job) starts on the first
  day its prerequisites are met and runs for exactly that many calendar weeks
  (what is left of them when it is in progress); one commitment at a time. It
  uses no study hours, and study continues alongside it. Hours per week never
  changes a duration.
- Learned on the job: a node with `learned_in` naming a duration on the route
  that is still open runs inside that duration's time (from its start, or when its
  own prerequisites are met, until the duration ends) and uses no study hours.
  Otherwise it is studied like any other node. Nodes learned in the same duration
  are learned side by side: one that needs another starts no earlier than it.
- Practice lane: practices recur. Together they take `practice_hours_per_week`
  (at most half the week) from the study budget for as long as the plan runs, from
  when their prerequisites are met until the goal, shown as ongoing entries. Nothing
  waits for a practice.
- Prerequisites: a node starts no earlier than the day its prerequisites finish
  (the same day after study that ended part way through a day; the day after a
  duration's last day). An "any of" group is met by its chosen alternative.
"""

from __future__ import annotations

import datetime as dt
import gc
import heapq
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial

from ..model import NodeKind, Roadmap, Status
from ..model.errors import UnknownNodeError
from .calendar import TOL, ZERO_HOURS, Calendar, PlanningError, capacity
from .cost import IN_PROGRESS_FLOOR, remaining_hours, remaining_weeks
from .readiness import RoleReadiness, readiness
from .routes import resolve_route

__all__ = [
    "IN_PROGRESS_FLOOR",
    "LANE_DURATION",
    "LANE_PRACTICE",
    "LANE_STUDY",
    "PlanningError",
    "Schedule",
    "ScheduledNode",
    "capacity",
    "remaining_hours",
    "schedule",
]

LANE_STUDY = "study"
LANE_DURATION = "duration"
LANE_PRACTICE = "practice"
PRACTICE_SHARE_MAX = 0.5  # practices never take more than half of the week

_STUDY, _DURATION, _RIDE, _PRACTICE = 0, 1, 2, 3


@dataclass(frozen=True)
class ScheduledNode:
    id: str
    title: str
    stage: str
    hours: float  # study hours scheduled for this node (practices: their slice over the plan)
    start: dt.date
    finish: dt.date  # the last day of it
    at_risk: bool  # its target date is before its projected finish
    on_critical_path: bool
    begin_hour: float = 0.0  # position on the study-hour timeline (hours since `start`)
    end_hour: float = 0.0
    target_date: dt.date | None = None
    status: Status = Status.NOT_STARTED
    lane: str = LANE_STUDY
    weeks: float = 0.0  # calendar weeks it runs (durations, learned on the job, practices)


@dataclass(frozen=True)
class Schedule:
    entries: list[ScheduledNode]
    goal_id: str | None
    goal_date: dt.date | None  # None when nothing remains
    total_hours: float  # study hours in the study lane
    start: dt.date
    weekday_hours: tuple[float, ...]  # the week's hours, Monday..Sunday, practices included
    goal_reached: bool = False  # the goal (or, without one, everything) is closed
    route: list[str] = field(default_factory=list)  # node ids on the route, file order
    practice_hours_per_week: float = 0.0  # the slice practices actually take
    _index: dict[str, int] = field(default_factory=dict, repr=False, compare=False)
    # Readiness is worked out on first use: the panels that show it ask for it, and
    # the many reschedules that only need dates do not pay for it.
    _readiness_of: Callable[[], list[RoleReadiness]] | None = field(default=None, repr=False, compare=False)
    _cache: dict = field(default_factory=dict, repr=False, compare=False)

    @property
    def readiness(self) -> list[RoleReadiness]:
        """One line per role on the route (see readiness.py)."""
        if "readiness" not in self._cache:
            self._cache["readiness"] = self._readiness_of() if self._readiness_of else []
        return self._cache["readiness"]

    @property
    def hours_per_week(self) -> float:
        return sum(self.weekday_hours)

    @property
    def study_weekday_hours(self) -> tuple[float, ...]:
        total = self.hours_per_week
        share = 1.0 - self.practice_hours_per_week / total if total > 0 else 1.0
        return tuple(h * share for h in self.weekday_hours)

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
        return Calendar(self.start, self.study_weekday_hours).finish_date(hours)

    def to_dict(self) -> dict:
        """The JSON form shared by the CLI (`plan --format json`) and tests."""
        return {
            "goal": self.goal_id,
            "goal_date": self.goal_date.isoformat() if self.goal_date else None,
            "hours_per_week": round(self.hours_per_week, 4),
            "practice_hours_per_week": round(self.practice_hours_per_week, 4),
            "start": self.start.isoformat(),
            "total_hours": round(self.total_hours, 4),
            "route": list(self.route),
            "readiness": [r.to_dict() for r in self.readiness],
            "nodes": [
                {
                    "id": e.id,
                    "title": e.title,
                    "lane": e.lane,
                    "start": e.start.isoformat(),
                    "finish": e.finish.isoformat(),
                    "hours": round(e.hours, 4),
                    "weeks": round(e.weeks, 4),
                    "at_risk": e.at_risk,
                }
                for e in self.entries
            ],
        }


def _kahn(scope, preds, succs, host, rides) -> list[int] | None:
    """A topological order of `scope` (with host -> learned-in edges), None on a cycle."""
    indegree = [-1] * len(preds)  # -1: outside the scope, never planned
    for i in scope:
        indegree[i] = len(preds[i]) + (host[i] >= 0)
    order = [i for i in scope if indegree[i] == 0]
    for current in order:  # grows while it is walked
        for t in succs[current]:
            indegree[t] -= 1
            if indegree[t] == 0:
                order.append(t)
        for t in rides[current]:
            indegree[t] -= 1
            if indegree[t] == 0:
                order.append(t)
    return order if len(order) == len(scope) else None


def _practice_slice(week: Sequence[float], wanted: float) -> float:
    return min(max(wanted, 0.0), PRACTICE_SHARE_MAX * sum(week))


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
    with _gc_paused():
        route = resolve_route(roadmap, goal=goal, hours_per_week=sum(week))
        return _Planner(roadmap, index, route, goal, week, start).run()


@contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while the lanes are built: every object made here stays
    alive until the schedule is returned, so a collection would find nothing and
    only walk the whole plan (a third of the time at 10k nodes). Nothing here makes
    reference cycles; the GC resumes right after."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class _Planner:
    """One run of the scheduler; the state of the three lanes while it places nodes."""

    def __init__(self, roadmap, index, route, goal, week, start) -> None:
        self.roadmap = roadmap
        self.nodes = nodes = roadmap.nodes
        self.index = index
        self.route = route
        self.goal = goal
        self.week = week
        self.start = start
        n = len(nodes)
        self.n = n
        on = route.on_index
        self.open = [on[i] and not nodes[i].status.is_closed for i in range(n)]
        self.practice = [node.kind is NodeKind.PRACTICE for node in nodes]
        self.preds: list[list[int]] = [[] for _ in range(n)]
        self.succs: list[list[int]] = [[] for _ in range(n)]
        open_, practice = self.open, self.practice
        for t, needs in enumerate(route.needs_index):
            if not needs:
                continue
            node = nodes[t]
            under_way = node.duration_weeks is not None and node.status is Status.IN_PROGRESS
            if not open_[t] or (under_way and not practice[t]):
                continue  # closed, or a commitment already under way: nothing holds it back
            for s in needs:
                if open_[s] and not practice[s] and s != t:
                    self.preds[t].append(s)
                    self.succs[s].append(t)

    def _scope(self) -> list[int]:
        n, open_, nodes = self.n, self.open, self.nodes
        if self.goal is None:
            scope = [i for i in range(n) if open_[i]]
        else:
            g = self.index[self.goal]
            if not open_[g]:
                return []
            inside = [False] * n
            included = set(self.roadmap.plan.include_optional)
            roots = [g] + [i for i in range(n) if open_[i] and (
                self.practice[i] or nodes[i].id in included)]
            stack = []
            for r in roots:
                if not inside[r]:
                    inside[r] = True
                    stack.append(r)
            while stack:
                for p in self.preds[stack.pop()]:
                    if not inside[p]:
                        inside[p] = True
                        stack.append(p)
            scope = [i for i in range(n) if inside[i]]
        if all(self.practice[i] for i in scope):
            return []  # practices alone are not a plan: they run alongside one
        return scope

    def run(self) -> Schedule:
        nodes, index, n = self.nodes, self.index, self.n
        scope = self._scope()
        in_scope = [False] * n
        for i in scope:
            in_scope[i] = True
        preds, succs = self.preds, self.succs

        kind = [_STUDY] * n
        host = [-1] * n
        rides: list[list[int]] = [[] for _ in range(n)]
        for i in scope:
            node = nodes[i]
            if self.practice[i]:
                kind[i] = _PRACTICE
            elif node.duration_weeks is not None:  # Node.is_duration, without a property call
                kind[i] = _DURATION
            elif node.learned_in is not None:
                h = index.get(node.learned_in, -1)
                if h >= 0 and in_scope[h] and nodes[h].is_duration and not self.practice[h]:
                    kind[i] = _RIDE
                    host[i] = h
                    rides[h].append(i)
        # Kahn's order of the scope, a host before what is learned in it. A node learned in
        # a host that needs it (a loop through learned_in) is studied like any other instead.
        topo = _kahn(scope, preds, succs, host, rides)
        if topo is None:
            topo = _kahn(scope, preds, succs, [-1] * n, [[] for _ in range(n)])
            if topo is None:
                raise PlanningError("the prerequisites form a cycle; the plan cannot be ordered")
            position = [0] * n
            for k, i in enumerate(topo):
                position[i] = k
            for i in scope:
                h = host[i]
                if h >= 0 and position[h] > position[i]:
                    kind[i], host[i] = _STUDY, -1
                    rides[h].remove(i)
        indegree = [0] * n

        total_week = sum(self.week)
        has_practice = any(kind[i] == _PRACTICE for i in scope)
        wanted = self.roadmap.plan.practice_hours_per_week if has_practice else 0.0
        slice_ = _practice_slice(self.week, wanted)
        share = 1.0 - slice_ / total_week
        study_week = tuple(h * share for h in self.week)
        study_per_week = max(sum(study_week), ZERO_HOURS)
        calendar = Calendar(self.start, study_week)

        hours = [0.0] * n
        own = [0.0] * n
        known = self.route.study_hours
        for i in scope:
            if kind[i] == _STUDY:
                h = known[i] if known and known[i] is not None else remaining_hours(nodes[i])
                hours[i] = h if h > ZERO_HOURS else 0.0
                own[i] = hours[i] / study_per_week
            elif kind[i] == _DURATION:
                own[i] = remaining_weeks(nodes[i], self.start)
        # Longest chains in calendar weeks: ending at each node (head), starting at it (tail).
        head = [0.0] * n
        tail = [0.0] * n
        for i in topo:
            before = head[host[i]] if host[i] >= 0 else 0.0
            for p in preds[i]:
                if head[p] > before:
                    before = head[p]
            head[i] = own[i] + before
        for i in reversed(topo):
            after = 0.0
            for t in succs[i]:
                if tail[t] > after:
                    after = tail[t]
            for t in rides[i]:
                if tail[t] > after:
                    after = tail[t]
            tail[i] = own[i] + after
        critical_len = max((head[i] for i in scope if kind[i] != _PRACTICE), default=0.0)

        goal_index = index[self.goal] if self.goal is not None else -1
        for i in scope:
            indegree[i] = len(preds[i]) + (1 if host[i] >= 0 else 0)
        rel_day = [0] * n  # the first day each node may start
        rel_hour = [0.0] * n  # the first study hour each node may begin at
        st_day = [0] * n
        fin_day = [0] * n
        free_day = [0] * n  # when what follows may start
        free_hour = [0.0] * n
        begin = [0.0] * n
        end = [0.0] * n
        weeks = [0.0] * n
        placed: list[int] = []
        study_wait: list[tuple[float, int]] = []
        study_ready: list[tuple[bool, float, int]] = []
        dur_wait: list[tuple[int, int]] = []
        dur_ready: list[tuple[bool, float, int]] = []
        instant: list[int] = []
        clock = [0.0]  # the study lane's cursor (hours)
        lane_free = 0  # the first day the duration lane is free

        def release(i: int) -> None:
            k = kind[i]
            if k == _STUDY:
                heapq.heappush(study_wait, (rel_hour[i], i))
            elif k == _DURATION:
                heapq.heappush(dur_wait, (rel_day[i], i))
            else:
                instant.append(i)

        def done(i: int) -> None:
            placed.append(i)
            for t in succs[i]:
                if host[t] >= 0 and host[t] == host[i]:
                    day, hour = st_day[i], rel_hour[i]  # learned side by side in the same host
                else:
                    day, hour = free_day[i], free_hour[i]
                if day > rel_day[t]:
                    rel_day[t] = day
                if hour > rel_hour[t]:
                    rel_hour[t] = hour
                indegree[t] -= 1
                if indegree[t] == 0:
                    release(t)
            for r in rides[i]:
                indegree[r] -= 1
                if indegree[r] == 0:
                    release(r)

        def settle_instant() -> None:
            while instant:
                i = instant.pop()
                if kind[i] == _PRACTICE:
                    st_day[i] = rel_day[i]  # finished once the goal's date is known
                    placed.append(i)
                    continue
                h = host[i]  # a node learned on the job
                st_day[i] = max(st_day[h], rel_day[i])
                fin_day[i] = max(fin_day[h], st_day[i])
                free_day[i] = max(free_day[h], fin_day[i])
                free_hour[i] = max(calendar.cum(free_day[i] - 1), rel_hour[i])
                weeks[i] = (fin_day[i] - st_day[i] + 1) / 7.0
                begin[i] = end[i] = clock[0]
                done(i)

        for i in scope:
            if indegree[i] == 0:
                release(i)
        settle_instant()
        while study_wait or study_ready or dur_wait or dur_ready:
            dur_at = None
            if dur_ready or dur_wait:
                dur_at = lane_free if dur_ready else max(lane_free, dur_wait[0][0])
            duration_first = dur_at is not None
            if duration_first and (study_ready or study_wait):
                # The duration goes first if it starts no later than the next study hour's
                # day, i.e. the days before it hold no more than that hour (O(1), no search).
                at_hour = clock[0] if study_ready else max(clock[0], study_wait[0][0])
                duration_first = calendar.cum(dur_at - 1) <= at_hour + TOL
            if duration_first:
                while dur_wait and dur_wait[0][0] <= dur_at:
                    _r, i = heapq.heappop(dur_wait)
                    heapq.heappush(dur_ready, (i == goal_index, -tail[i], i))
                _g, _t, i = heapq.heappop(dur_ready)
                st = max(dur_at, rel_day[i])
                length = max(round(own[i] * 7), 0)
                st_day[i] = st
                fin_day[i] = st + length - 1 if length else st
                free_day[i] = lane_free = st + length
                free_hour[i] = max(calendar.cum(free_day[i] - 1), rel_hour[i])
                weeks[i] = length / 7.0
                begin[i] = end[i] = clock[0]
            else:
                clock[0] = max(clock[0], study_wait[0][0]) if not study_ready else clock[0]
                while study_wait and study_wait[0][0] <= clock[0] + TOL:
                    _r, i = heapq.heappop(study_wait)
                    heapq.heappush(study_ready, (i == goal_index, -tail[i], i))
                _g, _t, i = heapq.heappop(study_ready)
                begin[i] = clock[0]
                end[i] = clock[0] = clock[0] + hours[i]
                if hours[i] > 0:
                    st_day[i] = max(calendar.start_day(begin[i]), rel_day[i])
                    fin_day[i] = max(calendar.finish_day(end[i]), st_day[i])
                else:
                    st_day[i] = fin_day[i] = max(calendar.finish_day(begin[i]), rel_day[i])
                free_day[i] = fin_day[i]
                free_hour[i] = end[i]
            done(i)
            settle_instant()

        return self._result(scope, placed, kind, st_day, fin_day, begin, end, weeks, hours, head,
                            tail, own, critical_len, goal_index, calendar, slice_)

    def _result(self, scope, placed, kind, st_day, fin_day, begin, end, weeks, hours, head, tail,
                own, critical_len, goal_index, calendar, slice_) -> Schedule:
        nodes = self.nodes
        work = [i for i in placed if kind[i] != _PRACTICE]
        goal_placed = goal_index >= 0 and goal_index in set(placed)
        if goal_placed and kind[goal_index] != _PRACTICE:
            last = fin_day[goal_index]
        else:
            last = max((fin_day[i] for i in work), default=0)
        practices = [i for i in placed if kind[i] == _PRACTICE]
        per_practice = slice_ / len(practices) if practices else 0.0
        for i in practices:
            fin_day[i] = max(last, st_day[i])
            weeks[i] = (fin_day[i] - st_day[i] + 1) / 7.0
            hours[i] = per_practice * weeks[i]
            begin[i] = calendar.cum(st_day[i] - 1)
            end[i] = calendar.cum(fin_day[i])
        lanes = {_STUDY: LANE_STUDY, _DURATION: LANE_DURATION, _RIDE: LANE_DURATION,
                 _PRACTICE: LANE_PRACTICE}
        # Work in date order, then the ongoing practices (they span the whole plan), the goal last.
        # By start day, ties in the order they were placed: the sort is stable.
        rows = sorted((i for i in placed if i != goal_index and kind[i] != _PRACTICE),
                      key=st_day.__getitem__)
        rows += practices
        if goal_placed:
            rows.append(goal_index)
        entries = []
        total = 0.0
        new_entry = object.__new__
        dates: dict[int, dt.date] = {}  # many entries share a day: each date is made once

        def date_of(day: int) -> dt.date:
            dates[day] = found = calendar.date(day)
            return found

        for i in rows:
            node = nodes[i]
            finish = dates.get(fin_day[i]) or date_of(fin_day[i])
            critical = kind[i] != _PRACTICE and critical_len > 0 and abs(
                head[i] + tail[i] - own[i] - critical_len) <= TOL * (1 + critical_len)
            if kind[i] == _STUDY:
                total += hours[i]
            # Filled in directly rather than through the frozen dataclass's __init__, which
            # sets each field through object.__setattr__: a tenth of a 10k-node schedule.
            entry = new_entry(ScheduledNode)
            entry.__dict__.update(
                id=node.id,
                title=node.title,
                stage=node.stage,
                hours=hours[i],
                start=dates.get(st_day[i]) or date_of(st_day[i]),
                finish=finish,
                at_risk=node.target_date is not None and node.target_date < finish,
                on_critical_path=critical,
                begin_hour=begin[i],
                end_hour=end[i],
                target_date=node.target_date,
                status=node.status,
                lane=lanes[kind[i]],
                weeks=weeks[i],
            )
            entries.append(entry)
        reached = nodes[goal_index].status.is_closed if self.goal is not None else not entries
        goal_date = None
        if work:
            goal_date = calendar.date(last)
        return Schedule(
            entries=entries,
            goal_id=self.goal,
            goal_date=goal_date,
            total_hours=total,
            start=self.start,
            weekday_hours=tuple(self.week),
            goal_reached=reached,
            route=[n.id for n, on in zip(nodes, self.route.on_index, strict=True) if on],
            _readiness_of=partial(readiness, self.roadmap, self.route),
            practice_hours_per_week=slice_,
            _index={e.id: k for k, e in enumerate(entries)},
        )
