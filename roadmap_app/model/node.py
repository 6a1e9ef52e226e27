"""A node of the roadmap: a skill, role, education step, milestone..."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .enums import NodeKind, Origin, Status
from .resource import Resource
from .text import Color, Coordinate, Hours, Identifier, LongText, ShortText, Title, Weeks

MIN_DATE = dt.date(1900, 1, 1)
MAX_DATE = dt.date(2200, 12, 31)
MAX_RESOURCES = 500
MAX_HISTORY = 10_000


def check_date(value: dt.date | None) -> dt.date | None:
    if value is not None and not (MIN_DATE <= value <= MAX_DATE):
        raise ValueError(f"date {value.isoformat()} is outside {MIN_DATE.year}-{MAX_DATE.year}")
    return value


class Position(BaseModel):
    model_config = ConfigDict(extra="allow", frozen=True)

    x: Coordinate
    y: Coordinate


class StatusChange(BaseModel):
    """One entry of a node's status history (UTC timestamps)."""

    model_config = ConfigDict(extra="allow", frozen=True)

    at: dt.datetime
    status: Status

    @field_validator("at")
    @classmethod
    def _aware_utc(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        check_date(value.date())
        return value.astimezone(dt.UTC)


class Node(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=True)

    id: Identifier
    title: Title
    kind: NodeKind = NodeKind.SKILL
    stage: ShortText = ""
    description: LongText = ""
    estimated_hours: Hours | None = None
    status: Status = Status.NOT_STARTED
    status_history: list[StatusChange] = Field(default_factory=list, max_length=MAX_HISTORY)
    notes: LongText = ""
    target_date: dt.date | None = None
    position: Position | None = None
    resources: list[Resource] = Field(default_factory=list, max_length=MAX_RESOURCES)
    origin: Origin = Origin.TEMPLATE
    removed_upstream: bool = False
    collapsed: bool = False
    # Calendar time with a commitment (a degree, a job, an internship). When set, the
    # node runs in its own lane for this many weeks and uses none of the study budget;
    # changing hours per week never changes it. Study effort stays in estimated_hours.
    duration_weeks: Weeks | None = None
    # The duration node (a role or a degree) during which this skill is learned: it
    # progresses inside that node's time instead of after it, using no study budget.
    learned_in: Identifier | None = None
    # Off the critical path unless the plan opts in (PlanSettings.include_optional).
    optional: bool = False
    # The day the user finished it; may be in the past (back-dated completions).
    completed_on: dt.date | None = None
    # Why the node is on the roadmap: owned by the template, shown read-only beside the
    # description. Notes stay the user's own.
    why: LongText = ""
    color: Color | None = None

    @field_validator("target_date", "completed_on")
    @classmethod
    def _target_sane(cls, value: dt.date | None) -> dt.date | None:
        return check_date(value)

    @property
    def is_duration(self) -> bool:
        return self.duration_weeks is not None

    @property
    def effective_hours(self) -> float:
        """The node's estimate, or the sum of its resources' estimates when it has none."""
        if self.estimated_hours is not None:
            return self.estimated_hours
        return sum(r.estimated_hours or 0.0 for r in self.resources)

    def resource(self, resource_id: str) -> Resource | None:
        return next((r for r in self.resources if r.id == resource_id), None)
