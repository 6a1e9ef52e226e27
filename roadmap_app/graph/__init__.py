"""Graph engine on networkx: building, rules, analysis and layout. Imports no Qt."""

from .build import to_digraph
from .rules import check_new_edge, validate_roadmap, would_create_cycle

__all__ = ["check_new_edge", "to_digraph", "validate_roadmap", "would_create_cycle"]
