"""Small read-only figures for the status bar and the dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import NodeKind, Roadmap, Status
from .calendar import PlanningError
from .cost import remaining_hours, remaining_weight, weight
from .routes import resolve_route
from .schedule import Schedule, schedule


@dataclass(frozen=True)
class PlanSummary:
    goal_id: str | None
    goal_title: str  # "" without a goal
    goal_date: dt.date | None  # None when nothing remains or the plan cannot be projected
    progress_percent: float  # done hours / (done + open hours) in the goal's scope
    at_risk_count: int
    remaining_hours: float
    problem: str | None = None  # why there is no projection, one line


def goal_scope(roadmap: Roadmap, goal: str | None) -> set[str]:
    """The nodes progress is measured over: the route to the goal (or, without a
    goal, the route to everything), whatever their status, without the practices,
    which recur and are never finished. The CLI and the GUI both use it."""
    route = resolve_route(roadmap, goal=goal)
    by_id = roadmap.node_map()
    return {i for i in route.on_route if by_id[i].kind is not NodeKind.PRACTICE}


def progress(roadmap: Roadmap, scope: set[str] | None = None) -> tuple[float, float]:
    """(done, open) progress hours in scope; skipped nodes count for neither. A
    duration weighs its calendar weeks too (see `cost.weight`)."""
    done = open_ = 0.0
    for node in roadmap.nodes:
        if scope is not None and node.id not in scope:
            continue
        if node.status is Status.DONE:
            done += weight(node)
        elif node.status is not Status.SKIPPED:
            left = remaining_weight(node)
            done += weight(node) - left  # finished resources
            open_ += left
    return done, open_


def stage_hours(roadmap: Roadmap, scope: set[str] | None = None) -> list[tuple[str, float, float]]:
    """(stage, done hours, remaining hours) in the roadmap's stage order."""
    totals: dict[str, list[float]] = {stage: [0.0, 0.0] for stage in roadmap.stage_order()}
    for node in roadmap.nodes:
        if scope is not None and node.id not in scope:
            continue
        if node.status is Status.SKIPPED:
            continue
        row = totals.setdefault(node.stage, [0.0, 0.0])
        left = remaining_hours(node)
        row[0] += node.effective_hours - left
        row[1] += left
    return [(stage, d, r) for stage, (d, r) in totals.items() if d or r]


def summary(roadmap: Roadmap, plan: Schedule | None = None, *, today: dt.date | None = None) -> PlanSummary:
    """Goal, projected date, progress and risk, from `plan` or a fresh schedule."""
    problem = None
    if plan is None:
        try:
            plan = schedule(roadmap, today=today)
        except PlanningError as exc:
            problem = str(exc)
        except Exception as exc:  # an unknown goal, for instance; the bar shows why
            problem = str(exc)
    goal_id = plan.goal_id if plan else roadmap.plan.goal
    goal_node = roadmap.node(goal_id) if goal_id else None
    if plan is not None:  # the schedule's own route: the figures agree with it
        kinds = {n.id: n.kind for n in roadmap.nodes}
        scope = {i for i in plan.route if kinds.get(i) is not NodeKind.PRACTICE}
    else:
        scope = goal_scope(roadmap, goal_id if goal_node else None)
    done, open_ = progress(roadmap, scope)
    total = done + open_
    reached = bool(plan and plan.goal_reached)
    percent = 100.0 * done / total if total > 0 else (100.0 if reached else 0.0)
    return PlanSummary(
        goal_id=goal_id,
        goal_title=goal_node.title if goal_node else "",
        goal_date=plan.goal_date if plan else None,
        progress_percent=percent,
        at_risk_count=plan.at_risk_count if plan else 0,
        remaining_hours=plan.total_hours if plan else open_,
        problem=problem,
    )
