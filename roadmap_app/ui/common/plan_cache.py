"""One schedule per document change, shared by the planning panels.

Next steps, the pace bar, the dashboard and the status bar all show figures from
the same projection. Computing it is ~0.1 s at 10k nodes, so each panel planning
on its own cost ~0.5 s of UI-thread work when a plan opened and again after every
edit. `schedule_for` memoises `planning.schedule` against the document's
`revision` (bumped by every mutation) and today's date; a failure is memoised too
and raised again, so callers keep their own error handling.

What-if projections (the pace bar while the user turns the hours) pass an
explicit `hours_per_week` and get their own entry, which the next change drops.
"""

from __future__ import annotations

import datetime as dt
import weakref

from roadmap_app.planning import PlanSummary, Schedule, schedule, summary

# document -> (revision, today, {(goal, hours): Schedule | Exception})
_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def schedule_for(document, *, goal: str | None = None, hours_per_week: float | None = None) -> Schedule:
    """`planning.schedule(document.roadmap, goal=..., hours_per_week=...)`, computed
    once per document revision and day. The result is shared: treat it as read-only."""
    roadmap = document.roadmap
    today = dt.date.today()
    revision = getattr(document, "revision", None)
    slot = _memo.get(document)
    if slot is None or slot[0] != revision or slot[1] != today or revision is None:
        slot = (revision, today, {})
        _memo[document] = slot
    # schedule() reads a missing goal as the plan's: one key for both spellings
    key = (goal if goal is not None else roadmap.plan.goal, hours_per_week)
    results = slot[2]
    if key not in results:
        try:
            results[key] = schedule(roadmap, goal=goal, hours_per_week=hours_per_week, today=today)
        except Exception as exc:  # raised again below, to every caller
            results[key] = exc
    found = results[key]
    if isinstance(found, Exception):
        raise found.with_traceback(None)
    return found


def summary_for(document) -> PlanSummary:
    """`planning.summary(document.roadmap)` over the shared schedule."""
    try:
        plan = schedule_for(document)
    except Exception:
        # summary() words the problem itself (and re-plans, only when there is no plan)
        return summary(document.roadmap)
    return summary(document.roadmap, plan)


def forget(document) -> None:
    """Drop what is memoised for `document` (tests; a closed document goes by itself)."""
    _memo.pop(document, None)
