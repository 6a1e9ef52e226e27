"""A learning resource attached to a node: a course, book, paper, community..."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from .enums import Cost, Origin, ResourceKind, Status
from .text import Hours, Identifier, LongText, ShortText, Title, UrlText


class Resource(BaseModel):
    # extra="allow": unknown fields written by a newer version survive a round trip.
    model_config = ConfigDict(extra="allow", validate_assignment=True)

    id: Identifier
    title: Title
    url: UrlText = ""
    kind: ResourceKind = ResourceKind.WEBSITE
    provider: ShortText = ""  # publisher, platform or authors
    cost: Cost = Cost.UNKNOWN
    estimated_hours: Hours | None = None
    status: Status = Status.NOT_STARTED
    notes: LongText = ""
    origin: Origin = Origin.TEMPLATE
    tags: list[ShortText] = Field(default_factory=list, max_length=50)
    # A local file the source referred to (for example a JSON Canvas file node). Shown as
    # text only: the app never opens it by itself.
    path: ShortText = ""
