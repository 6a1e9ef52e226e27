"""`roadmap-planner plan`: the remaining nodes with projected dates, then the goal's date.

The projection is `planning.schedule()`, the very function the desktop app uses,
so the terminal and the GUI agree for the same inputs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math

from ..model.errors import RoadmapError
from ..planning import LANE_DURATION, LANE_PRACTICE, Schedule, ScheduledNode, schedule
from . import CliError
from .common import load_or_fail


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value) or not 0.5 <= value <= 168:
        raise argparse.ArgumentTypeError(f"must be between 0.5 and 168 hours, not {text}")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="a .roadmap file")
    parser.add_argument("--goal", metavar="ID", help="the goal node (default: the plan's goal)")
    parser.add_argument(
        "--hours-per-week", metavar="N", type=_hours,
        help="study hours per week (default: the plan's setting)",
    )
    parser.add_argument(
        "--start", metavar="YYYY-MM-DD", type=_date,
        help="first day of study (default: the plan's start date, or today)",
    )
    parser.add_argument("--format", choices=("text", "json", "markdown"), default="text")


def _fmt_hours(hours: float) -> str:
    return f"{hours:.1f}"


def _goal_line(plan: Schedule, goal_title: str) -> str:
    if plan.goal_date is None:
        return f"Goal: {goal_title} - reached." if goal_title else "Nothing left to do."
    name = goal_title or "All remaining work"
    risk = f", {plan.at_risk_count} at risk" if plan.at_risk_count else ""
    return (
        f"{name}: projected for {plan.goal_date.isoformat()} "
        f"({_fmt_hours(plan.total_hours)} h remaining{risk})"
    )


def render_text(plan: Schedule, title: str, goal_title: str) -> str:
    lines = [
        f"Plan: {title}",
        f"{_fmt_hours(plan.hours_per_week)} h/week from {plan.start.isoformat()}"
        + (f", goal: {goal_title}" if goal_title else ""),
        "",
    ]
    if plan.entries:
        width = len(str(len(plan.entries)))
        hour_width = max(5, *(len(_fmt_hours(e.hours)) for e in plan.entries))
        lines.append(f"{'#':>{width}}  {'Start':<10}  {'Finish':<10}  {'Hours':>{hour_width}}  Node")
        for number, e in enumerate(plan.entries, 1):
            flag = "  (at risk: target " + e.target_date.isoformat() + ")" if e.at_risk else ""
            flag += _lane_note(e)
            lines.append(
                f"{number:>{width}}  {e.start.isoformat()}  {e.finish.isoformat()}  "
                f"{_fmt_hours(e.hours):>{hour_width}}  {e.title} [{e.id}]{flag}"
            )
        lines.append("")
    lines.append(_goal_line(plan, goal_title))
    lines.extend(r.line for r in plan.readiness)
    return "\n".join(lines)


def _lane_note(entry: ScheduledNode) -> str:
    """Durations run for calendar weeks; practices run alongside the whole plan."""
    if entry.lane == LANE_DURATION:
        return f"  ({entry.weeks:.0f} weeks)"
    if entry.lane == LANE_PRACTICE:
        return "  (ongoing)"
    return ""


def _md_cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|")


def render_markdown(plan: Schedule, title: str, goal_title: str) -> str:
    lines = [
        f"# Plan: {_md_cell(title)}",
        "",
        f"{_fmt_hours(plan.hours_per_week)} hours per week from {plan.start.isoformat()}.",
        "",
    ]
    if plan.entries:
        lines += ["| # | Start | Finish | Hours | Node | At risk |", "|---:|---|---|---:|---|---|"]
        for number, e in enumerate(plan.entries, 1):
            lines.append(
                f"| {number} | {e.start.isoformat()} | {e.finish.isoformat()} | "
                f"{_fmt_hours(e.hours)} | {_md_cell(e.title)} (`{e.id}`) | {'yes' if e.at_risk else ''} |"
            )
        lines.append("")
    lines.append(f"**{_md_cell(_goal_line(plan, goal_title))}**")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    loaded = load_or_fail(args.file)
    roadmap = loaded.roadmap
    if args.goal is not None and roadmap.node(args.goal) is None:
        raise CliError(f"{args.file}: no node {args.goal} to use as the goal")
    try:
        plan = schedule(
            roadmap, goal=args.goal, hours_per_week=args.hours_per_week, start=args.start
        )
    except RoadmapError as exc:
        raise CliError(f"{args.file}: {exc}") from None
    goal_node = roadmap.node(plan.goal_id) if plan.goal_id else None
    goal_title = goal_node.title if goal_node else ""
    if args.format == "json":
        print(json.dumps(plan.to_dict(), indent=2, ensure_ascii=False))
    elif args.format == "markdown":
        print(render_markdown(plan, roadmap.title, goal_title))
    else:
        print(render_text(plan, roadmap.title, goal_title))
    return 0

