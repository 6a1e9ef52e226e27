"""Pydantic domain model of a roadmap. Imports no Qt."""

from .edge import Edge
from .enums import Cost, EdgeKind, NodeKind, Origin, ResourceKind, Status
from .errors import (
    CycleError,
    DanglingEdgeError,
    DuplicateEdgeError,
    DuplicateIdError,
    RoadmapError,
    SelfLoopError,
    UnknownNodeError,
    ValidationProblem,
)
from .node import Node, Position, StatusChange
from .resource import Resource
from .roadmap import (
    DEFAULT_STAGES,
    FORMAT_NAME,
    SCHEMA_VERSION,
    LayoutDirection,
    PlanSettings,
    Roadmap,
    RoadmapFile,
    RouteChoice,
)

__all__ = [
    "DEFAULT_STAGES",
    "FORMAT_NAME",
    "SCHEMA_VERSION",
    "Cost",
    "CycleError",
    "DanglingEdgeError",
    "DuplicateEdgeError",
    "DuplicateIdError",
    "Edge",
    "EdgeKind",
    "LayoutDirection",
    "Node",
    "NodeKind",
    "Origin",
    "PlanSettings",
    "Position",
    "Resource",
    "ResourceKind",
    "Roadmap",
    "RoadmapError",
    "RoadmapFile",
    "RouteChoice",
    "SelfLoopError",
    "Status",
    "StatusChange",
    "UnknownNodeError",
    "ValidationProblem",
]
