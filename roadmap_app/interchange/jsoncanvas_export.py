"""JSON Canvas 1.0 (`.canvas`) export.

- each stage is a `group` node (label = stage) around its nodes; unstaged nodes have no
  group. Group boxes never overlap each other or a card of another stage, so a
  re-import puts every card back in its stage: a stage whose box would overlap an
  earlier one moves as a block along the layout direction, keeping its arrangement;
- each node is a `text` node whose id is our node id, with Markdown text:
  `**Title**`, a `Status: done · 12 h` line, the description, then a `Resources:` list of
  `- [Title](url) — kind, provider` links (resources are Markdown links, not link nodes,
  because link nodes cannot carry a title);
- the node's own colour is the canvas colour (a preset number when it is a preset's
  shade); status is not a colour. Kind and status also go in a `roadmapPlanner` marker
  (canvas_style) that our import reads back;
- edges have ids and point from prerequisite to dependant (`toEnd` arrow); related edges
  have no arrow. The label is the edge's own label, else the kind's name for progression
  and related edges so other apps show it; colour and kind (in the marker) are kept.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..model import EdgeKind, LayoutDirection, Roadmap
from ..safety import is_web_url
from ..storage import safejson
from .canvas_style import MARKER, edge_marker, node_marker, write_color
from .common import safe_id
from .markdown import escape, escape_block, link_target

NODE_W, NODE_H, GAP_X, GAP_Y, PAD, PAD_TOP = 280, 120, 100, 40, 40, 60
BLOCK_GAP = 120  # free space between two packed stage groups
MAX_COORD = 10_000_000
APP_PITCH = (264.0, 104.0)  # card + gap of the app's canvas, when graph.layout is missing

Rect = tuple[int, int, int, int]  # x0, y0, x1, y1


def _grid_positions(roadmap: Roadmap) -> dict[str, tuple[int, int]]:
    """Fallback layout: columns by prerequisite depth, one band of rows per stage."""
    graph = nx.DiGraph()
    graph.add_nodes_from(n.id for n in roadmap.nodes)
    graph.add_edges_from((e.source, e.target) for e in roadmap.edges if e.kind.is_ordering)
    depth = {node_id: level for level, ids in enumerate(nx.topological_generations(graph)) for node_id in ids}
    positions: dict[str, tuple[int, int]] = {}
    top = 0
    for stage in roadmap.stage_order():
        slots: dict[int, int] = {}
        for node in (n for n in roadmap.nodes if n.stage == stage):
            column = depth.get(node.id, 0)
            row = slots.get(column, 0)
            slots[column] = row + 1
            positions[node.id] = (column * (NODE_W + GAP_X), top + PAD_TOP + row * (NODE_H + GAP_Y))
        if slots:
            top += PAD_TOP + max(slots.values()) * (NODE_H + GAP_Y) + PAD + GAP_Y
    return positions


def scale() -> tuple[float, float]:
    """Canvas units per app unit: canvas cards are larger than the app's, so spacing grows.

    Export multiplies the app's coordinates by it and the import of our own files
    divides, so positions survive a round trip.
    """
    try:
        from ..graph.layout import METRICS

        pitch_x, pitch_y = METRICS.column_pitch, METRICS.row_pitch
    except ImportError:  # the layout engine's default card pitch
        pitch_x, pitch_y = APP_PITCH
    return (NODE_W + GAP_X) / pitch_x, (NODE_H + GAP_Y) / pitch_y


def _positions(roadmap: Roadmap) -> dict[str, tuple[int, int]]:
    """The app's own layout when available (user positions kept), scaled to the larger cards;
    else node positions where set and the grid elsewhere."""
    sx, sy = scale()
    try:
        from ..graph.layout import layout

        placed = layout(roadmap)
    except Exception:  # an export must not fail over layout: the grid always works
        grid = _grid_positions(roadmap)
        placed = {n.id: (n.position.x, n.position.y) if n.position else (grid[n.id][0] / sx,
                                                                         grid[n.id][1] / sy)
                  for n in roadmap.nodes}
    return {node_id: (_clamp(x * sx), _clamp(y * sy)) for node_id, (x, y) in placed.items()}


def _clamp(value: float) -> int:
    return max(-MAX_COORD, min(MAX_COORD, round(value)))


def _group_rect(members: list[tuple[int, int]]) -> Rect:
    return (min(x for x, _ in members) - PAD, min(y for _, y in members) - PAD_TOP,
            max(x for x, _ in members) + NODE_W + PAD, max(y for _, y in members) + NODE_H + PAD)


def _overlap(a: Rect, b: Rect) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _pack(
    blocks: list[list[str]], boxes: dict[str, tuple[int, int]], across: bool
) -> dict[str, tuple[int, int]]:
    """Move whole blocks (a stage's cards; the unstaged cards last) along the layout direction
    (`across`: to the right, else down) until no block's box overlaps an earlier one's.

    A block that overlaps nothing stays where the layout put it, and a moved block
    keeps its cards' arrangement, so the picture changes only where it must.
    """
    out = dict(boxes)
    placed: list[Rect] = []
    for ids in blocks:
        x0, y0, x1, y1 = _group_rect([boxes[i] for i in ids])
        if any(_overlap((x0, y0, x1, y1), p) for p in placed):
            if across:
                dx, dy = max(p[2] for p in placed) + BLOCK_GAP - x0, 0
            else:
                dx, dy = 0, max(p[3] for p in placed) + BLOCK_GAP - y0
            for node_id in ids:
                x, y = boxes[node_id]
                out[node_id] = (_clamp(x + dx), _clamp(y + dy))
            x0, y0, x1, y1 = x0 + dx, y0 + dy, x1 + dx, y1 + dy
        placed.append((x0, y0, x1, y1))
    return out


def _stage_blocks(roadmap: Roadmap) -> tuple[list[str], dict[str, list[str]], list[str]]:
    """Named stages in order with their node ids, and the ids of unstaged nodes."""
    members: dict[str, list[str]] = {}
    loose: list[str] = []
    for node in roadmap.nodes:
        if node.stage.strip():
            members.setdefault(node.stage, []).append(node.id)
        else:
            loose.append(node.id)
    return [s for s in roadmap.stage_order() if s in members], members, loose


def placed_boxes(roadmap: Roadmap) -> tuple[dict[str, tuple[int, int]], list[tuple[str, Rect]]]:
    """Card corners and stage group boxes, with no group overlapping another or a foreign card."""
    stages, members, loose = _stage_blocks(roadmap)
    across = roadmap.layout_direction is not LayoutDirection.TOP_TO_BOTTOM
    blocks = [members[s] for s in stages] + ([loose] if loose else [])
    boxes = _pack(blocks, _positions(roadmap), across)
    return boxes, [(s, _group_rect([boxes[i] for i in members[s]])) for s in stages]


def node_text(node) -> str:
    status = node.status.value.replace("_", " ")
    meta = f"Status: {status}"
    if node.estimated_hours is not None:
        meta += f" · {node.estimated_hours:g} h"
    parts = [f"**{escape(node.title)}**\n{meta}"]
    if node.description.strip():
        parts.append(escape_block(node.description))
    if node.resources:
        items = ["Resources:"]
        for res in node.resources:
            details = res.kind.value + (f", {escape(res.provider)}" if res.provider else "")
            if res.url and is_web_url(res.url):
                items.append(f"- [{escape(res.title)}]({link_target(res.url)}) — {details}")
            else:
                items.append(f"- {escape(res.title)} — {details}")
        parts.append("\n".join(items))
    return "\n\n".join(parts)


def to_canvas(roadmap: Roadmap) -> dict[str, Any]:
    boxes, stage_rects = placed_boxes(roadmap)
    used = {n.id for n in roadmap.nodes}
    groups: list[dict[str, Any]] = []
    for index, (stage, (x0, y0, x1, y1)) in enumerate(stage_rects):
        groups.append({
            "id": safe_id(f"stage-{index}", used), "type": "group", "label": stage,
            "x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0,
        })
    nodes: list[dict[str, Any]] = []
    for node in roadmap.nodes:
        x, y = boxes[node.id]
        item = {"id": node.id, "type": "text", "text": node_text(node),
                "x": x, "y": y, "width": NODE_W, "height": NODE_H}
        color = write_color(node.color)
        if color:
            item["color"] = color
        item[MARKER] = node_marker(node.kind, node.status)
        if any(r.path for r in node.resources):  # local files have no place in Markdown links
            item[MARKER]["resourcePaths"] = [r.path for r in node.resources]
        nodes.append(item)
    down = roadmap.layout_direction is LayoutDirection.TOP_TO_BOTTOM
    out_side, in_side = ("bottom", "top") if down else ("right", "left")
    edges: list[dict[str, Any]] = []
    for edge in roadmap.edges:
        item = {"id": safe_id(f"edge-{len(edges)}", used), "fromNode": edge.source, "fromSide": out_side,
                "toNode": edge.target, "toSide": in_side,
                "toEnd": "none" if edge.kind is EdgeKind.RELATED else "arrow"}
        label = edge.label or ("" if edge.kind is EdgeKind.PREREQUISITE else edge.kind.value)
        if label:
            item["label"] = label
        color = write_color(edge.color)
        if color:
            item["color"] = color
        item[MARKER] = edge_marker(edge.kind, edge.group)
        edges.append(item)
    return {"nodes": groups + nodes, "edges": edges}


def write_canvas(roadmap: Roadmap) -> bytes:
    return safejson.dumps(to_canvas(roadmap))
