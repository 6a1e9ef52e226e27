"""The schedule as an iCalendar file (.ics) for Google Calendar, Outlook or Thunderbird.

What goes in:
- one all-day event per week with study, spanning that week (days counted from the
  plan's start), marked free (TRANSP:TRANSPARENT) so it never blocks a calendar,
  whose summary says the hours and what the week is for, and whose description
  lists each node with its hours that week; practices are named as ongoing;
- the milestones as all-day events: the start of each role (a job on the route),
  each milestone node on the day it is done, and the goal on its projected day.

The text is written by the `icalendar` library (escaping, line folding, CRLF), not
by hand. UIDs are stable (roadmap id, node id or week), so importing a newer export
updates the events instead of duplicating them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..model import NodeKind, Roadmap
from .calendar import Calendar
from .schedule import LANE_DURATION, LANE_PRACTICE, LANE_STUDY, Schedule

PRODID = "-//Roadmap Planner//Plan export//EN"
MIN_WEEK_HOURS = 0.05  # less than three minutes of study in a week is not a block


@dataclass(frozen=True)
class Milestone:
    uid: str
    day: dt.date
    summary: str
    description: str


def milestones(roadmap: Roadmap, plan: Schedule) -> list[Milestone]:
    """Role starts, milestone nodes and the goal, in date order."""
    by_id = roadmap.node_map()
    found = []
    for entry in plan.entries:
        node = by_id.get(entry.id)
        if node is None:
            continue
        if entry.id == plan.goal_id:
            found.append(Milestone(f"{roadmap.id}.{node.id}.goal", entry.finish, f"Goal: {node.title}",
                                   "The projected day you reach the goal of the plan."))
        elif node.kind is NodeKind.ROLE and entry.lane == LANE_DURATION:
            found.append(Milestone(f"{roadmap.id}.{node.id}.start", entry.start, f"Start: {node.title}",
                                   f"The role starts; it runs about {entry.weeks:.0f} weeks."))
        elif node.kind is NodeKind.MILESTONE:
            found.append(Milestone(f"{roadmap.id}.{node.id}.done", entry.finish, f"Milestone: {node.title}",
                                   node.description))
    found.sort(key=lambda m: m.day)
    return found


def weekly_blocks(plan: Schedule) -> list[tuple[dt.date, list[tuple[str, float]]]]:
    """(first day of the week, [(title, hours)]) for each week with study, in order."""
    calendar = Calendar(plan.start, plan.study_weekday_hours)
    weeks: dict[int, list[tuple[str, float]]] = {}
    for entry in plan.entries:
        if entry.lane != LANE_STUDY or entry.hours <= 0:
            continue
        first = (entry.start - plan.start).days // 7
        last = (entry.finish - plan.start).days // 7
        for week in range(first, last + 1):
            lo = max(entry.begin_hour, calendar.cum(7 * week - 1))
            hi = min(entry.end_hour, calendar.cum(7 * week + 6))
            if hi - lo >= MIN_WEEK_HOURS:
                weeks.setdefault(week, []).append((entry.title, hi - lo))
    return [(plan.start + dt.timedelta(weeks=w), weeks[w]) for w in sorted(weeks)]


def _hours(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def plan_to_ical(roadmap: Roadmap, plan: Schedule, *, stamp: dt.datetime | None = None) -> bytes:
    """The iCalendar bytes of `plan` (see the module docstring)."""
    from icalendar import Calendar as ICalendar
    from icalendar import Event

    stamp = stamp or dt.datetime.now(dt.UTC)
    cal = ICalendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", f"Plan: {roadmap.title}")
    ongoing = [e.title for e in plan.entries if e.lane == LANE_PRACTICE]
    practice_note = (f"\nAlongside ({_hours(plan.practice_hours_per_week)} h/week): " + ", ".join(ongoing)
                     if ongoing else "")
    for first_day, items in weekly_blocks(plan):
        total = sum(hours for _title, hours in items)
        event = Event()
        event.add("uid", f"{roadmap.id}.week.{first_day.isoformat()}@roadmap-planner")
        event.add("dtstamp", stamp)
        event.add("dtstart", first_day)
        event.add("dtend", first_day + dt.timedelta(days=7))
        event.add("summary", f"Study {_hours(total)} h: " + ", ".join(title for title, _h in items))
        lines = [f"{title}: {_hours(hours)} h" for title, hours in items]
        event.add("description", "This week's study:\n" + "\n".join(lines) + practice_note)
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Study"])
        cal.add_component(event)
    for milestone in milestones(roadmap, plan):
        event = Event()
        event.add("uid", f"{milestone.uid}@roadmap-planner")
        event.add("dtstamp", stamp)
        event.add("dtstart", milestone.day)
        event.add("dtend", milestone.day + dt.timedelta(days=1))
        event.add("summary", milestone.summary)
        if milestone.description:
            event.add("description", milestone.description)
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["Milestone"])
        cal.add_component(event)
    return cal.to_ical()
