"""The study calendar: hours per weekday, and hours on the study timeline mapped to days.

Day d of a plan offers `week[(start.weekday() + d) % 7]` study hours. Cumulative
capacity is computed by multiplication, not running sums, so more hours per week
never gives a smaller total and lookups are O(1).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from ..model import Roadmap
from ..model.errors import RoadmapError

ZERO_HOURS = 1e-6  # below this, a node takes no study time
TOL = 1e-7  # tolerance when comparing hour totals to day capacities


class PlanningError(RoadmapError):
    """The plan cannot be projected (for example it runs past the year 9999)."""


class Calendar:
    """Maps hours on the study timeline to day numbers and dates."""

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
        self._ordinal = start.toordinal()

    def cum(self, day: int) -> float:
        """Study hours available on days 0..day (none before day 0)."""
        if day < 0:
            return 0.0
        return (day // 7) * self.week + self.prefix[day % 7]

    def _first_day(self, threshold: float, strict: bool) -> int:
        """The first day whose cumulative capacity reaches `threshold` (or passes it)."""
        week, prefix = self.week, self.prefix
        last = prefix[6]
        # Capacity through day d is (d // 7) * week + prefix[d % 7] (see cum), written out
        # here, and the comparison in two copies rather than a helper: this runs twice per
        # scheduled node, and calls are most of its cost.
        # Jump to the right week (weeks end on day 7w-1), then walk at most 7 days.
        weeks = max(0, math.floor(threshold / week))
        if strict:
            while weeks > 0 and (weeks - 1) * week + last > threshold:
                weeks -= 1
            while not weeks * week + last > threshold:
                weeks += 1
                self._check_weeks(weeks)
            base = weeks * week
            for offset in range(7):
                if base + prefix[offset] > threshold:
                    return 7 * weeks + offset
        else:
            while weeks > 0 and (weeks - 1) * week + last >= threshold:
                weeks -= 1
            while not weeks * week + last >= threshold:
                weeks += 1
                self._check_weeks(weeks)
            base = weeks * week
            for offset in range(7):
                if base + prefix[offset] >= threshold:
                    return 7 * weeks + offset
        return 7 * weeks + 6  # not reached: the week's total already did above

    def _check_weeks(self, weeks: int) -> None:
        if 7 * weeks > self.max_days + 7:
            raise PlanningError("the projection runs past the year 9999; raise the hours per week")

    def date(self, day: int) -> dt.date:
        if day > self.max_days:
            raise PlanningError("the projection runs past the year 9999; raise the hours per week")
        return dt.date.fromordinal(self._ordinal + day)

    def start_day(self, hours: float) -> int:
        """The day on which work beginning `hours` into the timeline happens."""
        return self._first_day(hours + TOL, strict=True)

    def finish_day(self, hours: float) -> int:
        """The day on which the first `hours` of the timeline are done."""
        return self._first_day(hours - TOL, strict=False)

    def start_date(self, hours: float) -> dt.date:
        return self.date(self.start_day(hours))

    def finish_date(self, hours: float) -> dt.date:
        return self.date(self.finish_day(hours))


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
