"""A directed relation between two nodes."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .enums import EdgeKind
from .text import Identifier


class Edge(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=True, frozen=False)

    source: Identifier
    target: Identifier
    kind: EdgeKind = EdgeKind.PREREQUISITE

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.kind.value)
