"""Graph engine on networkx: building, rules, analysis and layout. Imports no Qt."""

from .analysis import (
    Progress,
    Tally,
    critical_path_hours,
    hours_of,
    is_locked,
    locked_nodes,
    prerequisites,
    progress,
    ready_nodes,
    remaining_to_goal,
    unlocks,
)
from .build import to_digraph
from .order import OrderIndex
from .rules import check_new_edge, validate_roadmap, would_create_cycle

__all__ = [
    "OrderIndex",
    "Progress",
    "Tally",
    "check_new_edge",
    "critical_path_hours",
    "hours_of",
    "is_locked",
    "locked_nodes",
    "prerequisites",
    "progress",
    "ready_nodes",
    "remaining_to_goal",
    "to_digraph",
    "unlocks",
    "validate_roadmap",
    "would_create_cycle",
]
