"""Scheduling a career plan, against the previous scheduler on the same plan.

The plan is a synthetic 10k-node roadmap (1k in smoke mode) given the career
structure: every tenth node a duration (a degree or a job) with skills learned in
it, prerequisites of every seventh node split into "any of" groups, practices, and
optional nodes. The reference is the scheduler before durations and groups
(benchmarks/reference_schedule.py, kept unchanged), which reads the same plan and
ignores what it does not know. Both are timed end to end from the Roadmap, as the
app calls them, on a plan without a goal so that both plan every open node.
"""

from __future__ import annotations

import datetime as dt
import random
import time

from roadmap_app.graph.synthetic import synthetic_roadmap
from roadmap_app.model import NodeKind
from roadmap_app.planning import schedule

from . import reference_schedule
from .common import Row

START = dt.date(2027, 1, 4)
TARGET = 1.5  # at most this many times the previous scheduler's time


def career_plan(n: int, seed: int = 3):
    """A synthetic roadmap with durations, learned-on-the-job skills, groups, practices."""
    roadmap = synthetic_roadmap(n, seed=seed)
    rng = random.Random(seed)
    hosts = []
    # Walk the nodes in an order of their prerequisites, so that a skill is learned in
    # a job that comes before it, as in a real plan.
    nodes = {node.id: node for node in roadmap.nodes}
    for k, node in enumerate(nodes[i] for i in _prerequisite_order(roadmap)):
        if k % 10 == 0:
            node.kind = NodeKind.ROLE
            node.duration_weeks = float(rng.choice([12, 26, 52, 104]))
            hosts.append(node.id)
        elif k % 10 == 3 and hosts:
            node.learned_in = rng.choice(hosts[-3:])
        elif k % 50 == 7:
            node.kind = NodeKind.PRACTICE
        elif k % 40 == 9:
            node.optional = True
    for k, edge in enumerate(roadmap.edges):
        if k % 7 == 0:
            edge.group = "route"
    # No goal: both schedulers plan every open node. With a goal the previous scheduler
    # would plan only the goal's few ancestors, while the practices and their prerequisites
    # are on the route now, so the two would not do the same work.
    roadmap.plan.goal = None
    return roadmap


def _prerequisite_order(roadmap) -> list[str]:
    succs: dict[str, list[str]] = {n.id: [] for n in roadmap.nodes}
    indegree = dict.fromkeys(succs, 0)
    for edge in roadmap.edges:
        if edge.kind.is_ordering:
            succs[edge.source].append(edge.target)
            indegree[edge.target] += 1
    order = [i for i, d in indegree.items() if d == 0]
    for current in order:  # grows while it is walked: Kahn's algorithm
        for target in succs[current]:
            indegree[target] -= 1
            if indegree[target] == 0:
                order.append(target)
    return order


def _interleaved(ours, before, repeat: int) -> tuple[float, float]:
    """The fastest of `repeat` calls of each, taken in turns, after one warm-up call of
    each. In turns, so that a burst of load from other work on a shared machine falls
    on both rather than on whichever ran during it (one after the other, the ratio
    swung from 1.2x to 1.65x under load)."""
    ours()
    before()
    mine, theirs = [], []
    for _ in range(repeat):
        for fn, times in ((ours, mine), (before, theirs)):
            start = time.perf_counter()
            fn()
            times.append(time.perf_counter() - start)
    return min(mine), min(theirs)


def measure(smoke: bool) -> list[Row]:
    n = 1000 if smoke else 10_000
    roadmap = career_plan(n)
    repeat = 3 if smoke else 9
    ours, before = _interleaved(lambda: schedule(roadmap, start=START, today=START),
                                lambda: reference_schedule.schedule(roadmap, start=START, today=START),
                                repeat)
    ratio = ours / before
    plan = schedule(roadmap, start=START, today=START)
    lanes = {lane: sum(1 for e in plan.entries if e.lane == lane)
             for lane in ("study", "duration", "practice")}
    return [Row(
        f"Schedule a {n}-node career plan (groups, durations, practices)", ours, "s",
        f"previous scheduler {before * 1000:.1f} ms", f"≤ {TARGET}x previous", ratio <= TARGET,
        f"{ratio:.2f}x previous; {len(plan.entries)} entries "
        f"({lanes['study']} study, {lanes['duration']} duration, {lanes['practice']} practice)",
    )]
