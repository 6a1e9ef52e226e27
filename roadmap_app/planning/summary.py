"""Small read-only figures for the status bar and the dashboard."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import EdgeKind, Roadmap, Status
from .schedule import PlanningError, Schedule, remaining_hours, schedule


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
    """The goal and everything it depends on through ordering edges, whatever the
    status (all nodes without a goal). Progress figures are measured over it."""
    ids = {n.id for n in roadmap.nodes}
    if goal is None or goal not in ids:
        return ids
    preds: dict[str, list[str]] = {}
    related = EdgeKind.RELATED
    for edge in roadmap.edges:
        if edge.kind is not related:
            preds.setdefault(edge.target, []).append(edge.source)
    seen = {goal}
    stack = [goal]
    while stack:
        for p in preds.get(stack.pop(), ()):
            if p not in seen and p in ids:
                seen.add(p)
                stack.append(p)
    return seen


def progress(roadmap: Roadmap, scope: set[str] | None = None) -> tuple[float, float]:
    """(done hours, open hours) in scope; skipped nodes count for neither."""
    done = open_ = 0.0
    for node in roadmap.nodes:
        if scope is not None and node.id not in scope:
            continue
        if node.status is Status.DONE:
            done += node.effective_hours
        elif node.status is not Status.SKIPPED:
            left = remaining_hours(node)
            done += node.effective_hours - left  # finished resources
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
    done, open_ = progress(roadmap, goal_scope(roadmap, goal_id if goal_node else None))
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
