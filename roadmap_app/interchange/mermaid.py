"""Mermaid `flowchart` export with safe ids and quoted, entity-escaped labels.

Node ids are n0, n1, ... and stage subgraphs s0, s1, ... (the roadmap's own ids may
contain characters Mermaid reads as syntax). Labels are always double-quoted and
every character Mermaid or HTML could interpret is written as a Mermaid entity
code (`#quot;`, `#lt;`, ...), so titles with markup show literally.

Edges: prerequisite `-->`, progression `==>`, related `-.-` (no arrow: informational).
Statuses are classDefs: done, in_progress, skipped (not started has no class).
"""

from __future__ import annotations

from ..model import EdgeKind, Roadmap, Status
from .common import nodes_by_stage

DIRECTIONS = ("LR", "TD", "TB", "RL", "BT")
ARROWS = {EdgeKind.PREREQUISITE: "-->", EdgeKind.PROGRESSION: "==>", EdgeKind.RELATED: "-.-"}
CLASS_DEFS = {
    Status.DONE: "fill:#d3f9d8,stroke:#2b8a3e,color:#1b4d2a",
    Status.IN_PROGRESS: "fill:#d0ebff,stroke:#1971c2,color:#0b3d6e",
    Status.SKIPPED: "fill:#f1f3f5,stroke:#adb5bd,color:#868e96,stroke-dasharray:4 3",
}
# `#` starts an entity code, so it is escaped first; the rest could end the quoted
# label or be read as HTML or Markdown by Mermaid's label renderer.
_ENTITIES = {
    "#": "#35;", '"': "#quot;", "<": "#lt;", ">": "#gt;", "&": "#amp;",
    "`": "#96;", "*": "#42;", "_": "#95;", "[": "#91;", "]": "#93;",
    "{": "#123;", "}": "#125;", "|": "#124;", "\\": "#92;", ";": "#59;",
}


def escape_label(text: str) -> str:
    flat = " ".join(text.split())
    return "".join(_ENTITIES.get(ch, ch) for ch in flat)


def to_mermaid(roadmap: Roadmap, direction: str = "LR") -> str:
    if direction not in DIRECTIONS:
        raise ValueError(f"direction must be one of {', '.join(DIRECTIONS)}")
    lines = [f"flowchart {direction}"]
    ids: dict[str, str] = {}
    for stage_index, (stage, nodes) in enumerate(nodes_by_stage(roadmap)):
        indent = "    "
        if stage.strip():
            lines.append(f'  subgraph s{stage_index}["{escape_label(stage)}"]')
        else:
            indent = "  "
        for node in nodes:
            ids[node.id] = f"n{len(ids)}"
            lines.append(f'{indent}{ids[node.id]}["{escape_label(node.title)}"]')
        if stage.strip():
            lines.append("  end")
    for edge in roadmap.edges:
        if edge.source in ids and edge.target in ids:
            lines.append(f"  {ids[edge.source]} {ARROWS[edge.kind]} {ids[edge.target]}")
    for status, style in CLASS_DEFS.items():
        members = [ids[n.id] for n in roadmap.nodes if n.status is status]
        if members:
            lines.append(f"  classDef {status.value} {style}")
            lines.append(f"  class {','.join(members)} {status.value}")
    return "\n".join(lines) + "\n"


def write_mermaid(roadmap: Roadmap) -> bytes:
    return to_mermaid(roadmap).encode("utf-8")
