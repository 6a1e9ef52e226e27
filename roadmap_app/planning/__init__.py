"""Planning: the pace-based schedule, next-step recommendations and progress
over time. Pure Python (no Qt, no numpy), shared by the CLI and the GUI."""

from .history import BurnUp, burnup
from .recommend import Recommendation, next_steps, open_prerequisites, ready_ids
from .schedule import (
    IN_PROGRESS_FLOOR,
    PlanningError,
    Schedule,
    ScheduledNode,
    capacity,
    remaining_hours,
    schedule,
)
from .summary import PlanSummary, goal_scope, progress, stage_hours, summary

__all__ = [
    "IN_PROGRESS_FLOOR",
    "BurnUp",
    "PlanSummary",
    "PlanningError",
    "Recommendation",
    "Schedule",
    "ScheduledNode",
    "burnup",
    "capacity",
    "goal_scope",
    "next_steps",
    "open_prerequisites",
    "progress",
    "ready_ids",
    "remaining_hours",
    "schedule",
    "stage_hours",
    "summary",
]
