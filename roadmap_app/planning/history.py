"""Progress over time, derived from the nodes' status histories (for the burn-up).

A node counts as completed from the day of the last change that made it done,
for as long as its status stays done; its weight is its effective hours. A node
that is done now but has no such entry (a plan written by hand, or imported) was
completed before any recorded history: it is part of the baseline. A done node
with a back-dated completion (`completed_on`) counts from that day instead, whatever
its history says. Dates are the local calendar dates of the UTC timestamps. A node
weighs what it weighs in progress (`cost.weight`: hours, plus calendar weeks for a
duration).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Node, Roadmap, Status
from .cost import weight


@dataclass(frozen=True)
class BurnUp:
    baseline: float  # hours done before the first recorded change
    points: list[tuple[dt.date, float]]  # completed hours at the end of each day with a change
    total_hours: float  # effective hours of every node in scope that is not skipped

    @property
    def completed(self) -> float:
        return self.points[-1][1] if self.points else self.baseline


def _local_date(at: dt.datetime) -> dt.date:
    return at.astimezone().date()


def _done_intervals(node: Node) -> list[tuple[dt.date, int]]:
    """(date, +1/-1) each time the node enters or leaves done, per its history."""
    changes: list[tuple[dt.date, int]] = []
    was_done = False
    for change in node.status_history:
        is_done = change.status is Status.DONE
        if is_done != was_done:
            changes.append((_local_date(change.at), 1 if is_done else -1))
            was_done = is_done
    return changes


def burnup(roadmap: Roadmap, node_ids: Iterable[str] | None = None) -> BurnUp:
    """Completed hours over time, for the nodes `node_ids` (default: all)."""
    wanted = None if node_ids is None else set(node_ids)
    deltas: dict[dt.date, float] = {}
    baseline = 0.0
    total = 0.0
    for node in roadmap.nodes:
        if wanted is not None and node.id not in wanted:
            continue
        hours = weight(node)
        if node.status is not Status.SKIPPED:
            total += hours
        if node.status is Status.DONE and node.completed_on is not None:
            deltas[node.completed_on] = deltas.get(node.completed_on, 0.0) + hours
            continue
        changes = _done_intervals(node)
        history_done = bool(changes) and changes[-1][1] == 1
        if history_done != (node.status is Status.DONE):
            # The current status is the truth; a history that disagrees cannot date it.
            if node.status is Status.DONE:
                baseline += hours
            continue
        for day, sign in changes:
            deltas[day] = deltas.get(day, 0.0) + sign * hours
    points = []
    running = baseline
    for day in sorted(deltas):
        running += deltas[day]
        points.append((day, max(running, 0.0)))
    return BurnUp(baseline=baseline, points=points, total_hours=total)
