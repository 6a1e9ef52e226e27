"""What a node still costs: study hours for effort, calendar weeks for a duration.

- Study hours (`remaining_hours`): done and skipped nodes cost nothing. An open node
  costs its effective hours (its estimate, else the sum of its resources' estimates)
  minus the estimates of its resources already done or skipped, but never less than
  25 % of its hours: work that has not been marked done is never assumed to be free.
- Calendar weeks (`remaining_weeks`): a duration node (a degree, a job) not started
  costs its whole `duration_weeks`. One in progress costs what is left after the
  time since it last became in progress (its status history says when), so a job
  started two years ago has that much less to run. Hours per week never enter it.
- Progress weight (`weight`): effort counts its hours; a duration also counts
  `DURATION_WEIGHT` hours per calendar week (the pace the first templates used to
  turn years into hours), so finishing a degree moves the progress bar.
"""

from __future__ import annotations

import datetime as dt

from ..model import Node, Status

IN_PROGRESS_FLOOR = 0.25  # an open node always keeps at least this share of its hours
DURATION_WEIGHT = 10.0  # progress hours per calendar week of a duration node


def remaining_hours(node: Node) -> float:
    """Study hours still to do on a node (see the module docstring for the rule)."""
    if node.status.is_closed:
        return 0.0
    hours = node.effective_hours
    if hours <= 0:
        return 0.0
    finished = 0.0  # a loop, not sum() over a generator: most nodes have no resources
    for r in node.resources:
        if r.status.is_closed:
            finished += r.estimated_hours or 0.0
    return max(hours - finished, IN_PROGRESS_FLOOR * hours)


def started_on(node: Node) -> dt.date | None:
    """The day the node last became in progress, per its history (None if unknown)."""
    history = node.status_history
    if node.status is not Status.IN_PROGRESS or not history or history[-1].status is not Status.IN_PROGRESS:
        return None
    k = len(history) - 1
    while k > 0 and history[k - 1].status is Status.IN_PROGRESS:
        k -= 1
    return history[k].at.date()


def remaining_weeks(node: Node, on: dt.date) -> float:
    """Calendar weeks a duration node still runs from day `on` (0 when closed)."""
    if node.status.is_closed or node.duration_weeks is None:
        return 0.0
    weeks = float(node.duration_weeks)
    since = started_on(node)
    if since is not None and since < on:
        weeks -= (on - since).days / 7.0
    return max(weeks, 0.0)


def weight(node: Node) -> float:
    """The node's share of progress (see the module docstring)."""
    extra = (node.duration_weeks or 0.0) * DURATION_WEIGHT if node.is_duration else 0.0
    return node.effective_hours + extra


def remaining_weight(node: Node, on: dt.date | None = None) -> float:
    """The part of `weight` not done yet."""
    if node.status.is_closed:
        return 0.0
    left = remaining_hours(node)
    if node.is_duration:
        weeks = remaining_weeks(node, on) if on is not None else float(node.duration_weeks or 0.0)
        left += weeks * DURATION_WEIGHT
    return left
