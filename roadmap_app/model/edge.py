"""A directed relation between two nodes."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from .enums import EdgeKind
from .text import Color, Identifier, ShortText


class Edge(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=True, frozen=False)

    source: Identifier
    target: Identifier
    kind: EdgeKind = EdgeKind.PREREQUISITE
    # Prerequisite edges into the same target with the same non-empty group form one
    # "any of" group: the target needs one of them. Ungrouped edges are "all of".
    group: ShortText = ""
    label: ShortText = ""
    color: Color | None = None

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.source, self.target, self.kind.value)
