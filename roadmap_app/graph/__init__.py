"""Graph engine on networkx: building, rules, analysis and layout. Imports no Qt.

The layout function itself is `roadmap_app.graph.layout.layout`; it is not
re-exported here, so that `roadmap_app.graph.layout` stays the module.
"""

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
from .crossings import count_crossings
from .layout import (
    CARD_H,
    CARD_W,
    METRICS,
    Band,
    Layout,
    LayoutMetrics,
    compute_layout,
    stage_bands,
)
from .order import OrderIndex
from .rules import check_new_edge, validate_roadmap, would_create_cycle

__all__ = [
    "CARD_H",
    "CARD_W",
    "METRICS",
    "Band",
    "Layout",
    "LayoutMetrics",
    "OrderIndex",
    "Progress",
    "Tally",
    "check_new_edge",
    "compute_layout",
    "count_crossings",
    "critical_path_hours",
    "hours_of",
    "is_locked",
    "locked_nodes",
    "prerequisites",
    "progress",
    "ready_nodes",
    "remaining_to_goal",
    "stage_bands",
    "to_digraph",
    "unlocks",
    "validate_roadmap",
    "would_create_cycle",
]
