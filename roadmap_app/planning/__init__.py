"""Planning: the route, the schedule in study, duration and practice lanes, role
readiness, starting-point profiles, next-step recommendations and progress over
time. Pure Python (no Qt, no numpy), shared by the CLI and the GUI."""

from .calendar import PlanningError, capacity
from .cost import IN_PROGRESS_FLOOR, remaining_hours, remaining_weeks
from .history import BurnUp, burnup
from .readiness import RoleReadiness, readiness
from .recommend import Recommendation, next_steps, open_prerequisites, ready_ids
from .routes import Route, resolve_route
from .schedule import LANE_DURATION, LANE_PRACTICE, LANE_STUDY, Schedule, ScheduledNode, schedule
from .summary import PlanSummary, goal_scope, progress, stage_hours, summary

__all__ = [
    "IN_PROGRESS_FLOOR",
    "LANE_DURATION",
    "LANE_PRACTICE",
    "LANE_STUDY",
    "BurnUp",
    "PlanSummary",
    "PlanningError",
    "Recommendation",
    "RoleReadiness",
    "Route",
    "Schedule",
    "ScheduledNode",
    "burnup",
    "capacity",
    "goal_scope",
    "next_steps",
    "open_prerequisites",
    "progress",
    "readiness",
    "ready_ids",
    "remaining_hours",
    "remaining_weeks",
    "resolve_route",
    "schedule",
    "stage_hours",
    "summary",
]
