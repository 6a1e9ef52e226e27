"""The roadmap aggregate and the file envelope that wraps it."""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from .edge import Edge
from .node import Node, check_date
from .text import Identifier, LongText, ShortText, Title

FORMAT_NAME = "roadmap-planner"
SCHEMA_VERSION = 3  # what this version writes and fully understands
MAX_NODES = 20_000
MAX_EDGES = 100_000
MAX_STAGES = 200

DEFAULT_STAGES = [
    "Education",
    "Entry roles",
    "ML roles",
    "Leadership",
    "ML architect",
    "Continuous learning",
]


class LayoutDirection(StrEnum):
    LEFT_TO_RIGHT = "left_to_right"
    TOP_TO_BOTTOM = "top_to_bottom"


class RouteChoice(BaseModel):
    """The alternative the user picked in one "any of" group (Edge.group) of a target."""

    model_config = ConfigDict(extra="allow", frozen=True)

    target: Identifier
    group: ShortText
    choice: Identifier  # the source node of the chosen edge


class PlanSettings(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=True)

    goal: Identifier | None = None
    hours_per_week: float = Field(default=10.0, ge=0.5, le=168.0, allow_inf_nan=False)
    # Optional split of the week, Monday first; when set it overrides hours_per_week.
    weekday_hours: list[float] | None = Field(default=None, min_length=7, max_length=7)
    start_date: dt.date | None = None
    # Chosen alternatives; a group without a choice is decided by the planner (fastest).
    route: list[RouteChoice] = Field(default_factory=list, max_length=MAX_NODES)
    # Optional nodes (Node.optional) the user opted in to.
    include_optional: list[Identifier] = Field(default_factory=list, max_length=MAX_NODES)
    # The weekly slice of the study budget that recurring practices take.
    practice_hours_per_week: float = Field(default=1.0, ge=0.0, le=168.0, allow_inf_nan=False)
    # The starting-point profile the plan was set up from ("" when none), for display.
    profile: ShortText = ""

    @field_validator("weekday_hours")
    @classmethod
    def _weekday_hours_sane(cls, value: list[float] | None) -> list[float] | None:
        if value is None:
            return value
        for hours in value:
            if not (0.0 <= hours <= 24.0) or hours != hours:
                raise ValueError("each weekday needs between 0 and 24 hours")
        if sum(value) < 0.5:
            raise ValueError("the week needs at least half an hour")
        return value

    @field_validator("start_date")
    @classmethod
    def _start_sane(cls, value: dt.date | None) -> dt.date | None:
        return check_date(value)

    @property
    def weekly_hours(self) -> float:
        return sum(self.weekday_hours) if self.weekday_hours else self.hours_per_week


class Roadmap(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=True)

    id: Identifier
    title: Title
    description: LongText = ""
    author: ShortText = ""
    version: ShortText = ""  # the upstream roadmap's own version label, if any
    stages: list[ShortText] = Field(default_factory=lambda: list(DEFAULT_STAGES), max_length=MAX_STAGES)
    nodes: list[Node] = Field(default_factory=list, max_length=MAX_NODES)
    edges: list[Edge] = Field(default_factory=list, max_length=MAX_EDGES)
    plan: PlanSettings = Field(default_factory=PlanSettings)
    layout_direction: LayoutDirection = LayoutDirection.LEFT_TO_RIGHT

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def node_map(self) -> dict[str, Node]:
        return {n.id: n for n in self.nodes}

    def stage_order(self) -> list[str]:
        """Declared stages first, then any stage a node uses that was not declared."""
        order = list(dict.fromkeys(self.stages))
        for node in self.nodes:
            if node.stage not in order:
                order.append(node.stage)
        return order


class RoadmapFile(BaseModel):
    """The top level of a `.roadmap` file."""

    model_config = ConfigDict(extra="allow")

    format: Literal["roadmap-planner"] = FORMAT_NAME
    schema_version: int = Field(default=SCHEMA_VERSION, ge=1, le=10_000)
    # The oldest reader that can safely edit this file; defaults to schema_version.
    min_reader_version: int | None = Field(default=None, ge=1, le=10_000)
    roadmap: Roadmap
