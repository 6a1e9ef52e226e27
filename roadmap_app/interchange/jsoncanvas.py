"""JSON Canvas 1.0 (`.canvas`) import and export.

Export:
- each stage is a `group` node (label = stage) around its nodes; unstaged nodes have no group;
- each node is a `text` node whose id is our node id, with Markdown text:
  `**Title**`, a `Status: done · 12 h` line, the description, then a `Resources:` list of
  `- [Title](url) — kind, provider` links (resources are Markdown links, not link nodes,
  because link nodes cannot carry a title);
- status is also the node colour preset: done "4" (green), in progress "5" (cyan),
  skipped "2" (orange), not started no colour;
- positions: the app's layout (graph.layout: stage bands, user positions kept), scaled
  so the larger canvas cards do not overlap; without it, node positions or a grid;
- edges have ids and point from prerequisite to dependant (`toEnd` arrow); progression
  edges are labelled "progression", related edges "related" with no arrow.

Import accepts loose files: floats, missing edge ids, unknown keys. Text nodes give a
title (first line without Markdown), a status (the Status line, else the colour preset)
and a description; `- [Title](https://...)` list items become resources. File nodes become
nodes titled by file name; link nodes become resources of the node an edge joins them to,
or nodes of their own. A node's stage is the smallest group containing its centre.
Everything dropped is reported.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from ..model import EdgeKind, NodeKind, Origin, ResourceKind, Roadmap, Status
from ..model.text import MAX_TEXT, MAX_TITLE
from ..safety import is_web_url
from ..storage import safejson
from ..storage.errors import FileFormatError
from .common import (
    add_edges_acyclic,
    build_roadmap,
    check_count,
    clean_line,
    clean_text,
    clean_title,
    clean_url,
    finite_number,
    safe_id,
    stem_id_and_title,
    strip_inline_markdown,
)
from .markdown import escape, escape_block, link_target
from .report import ImportReport

STATUS_COLORS = {Status.DONE: "4", Status.IN_PROGRESS: "5", Status.SKIPPED: "2"}
COLOR_STATUS = {color: status for status, color in STATUS_COLORS.items()}
NODE_W, NODE_H, GAP_X, GAP_Y, PAD, PAD_TOP = 280, 120, 100, 40, 40, 60
MAX_COORD = 10_000_000
APP_PITCH = (264.0, 104.0)  # card + gap of the app's canvas, when graph.layout is missing
_STATUS_WORDS = {s.value.replace("_", " "): s for s in Status}
_STATUS_LINE = re.compile(
    r"^status:\s*(not started|in progress|done|skipped)(?:\s*·\s*([0-9]+(?:\.[0-9]+)?)\s*h)?\s*$",
    re.IGNORECASE,
)
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LINK_ITEM = re.compile(r"^\s*[-*+]\s+\[((?:\\.|[^\]\\])*)\]\((\S+?)\)(?:\s+—\s+(.*))?\s*$")
_PLAIN_ITEM = re.compile(r"^- (\S.*?) — ([a-z]+)(?:, (.*))?$")


# ---------------------------------------------------------------- export


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


def _scale() -> tuple[float, float]:
    """Canvas units per app unit: canvas cards are larger than the app's, so spacing grows.

    Export multiplies the app's coordinates by it and import divides, so positions
    survive a round trip and foreign canvases get app-sized spacing.
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
    sx, sy = _scale()
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
    boxes = _positions(roadmap)
    used = {n.id for n in roadmap.nodes}
    groups: list[dict[str, Any]] = []
    for index, stage in enumerate(roadmap.stage_order()):
        members = [boxes[n.id] for n in roadmap.nodes if n.stage == stage]
        if not members or not stage.strip():
            continue
        x0 = min(x for x, _ in members) - PAD
        y0 = min(y for _, y in members) - PAD_TOP
        x1 = max(x for x, _ in members) + NODE_W + PAD
        y1 = max(y for _, y in members) + NODE_H + PAD
        groups.append({
            "id": safe_id(f"stage-{index}", used), "type": "group", "label": stage,
            "x": x0, "y": y0, "width": x1 - x0, "height": y1 - y0,
        })
    nodes: list[dict[str, Any]] = []
    for node in roadmap.nodes:
        x, y = boxes[node.id]
        item = {"id": node.id, "type": "text", "text": node_text(node),
                "x": x, "y": y, "width": NODE_W, "height": NODE_H}
        if node.status in STATUS_COLORS:
            item["color"] = STATUS_COLORS[node.status]
        nodes.append(item)
    edges: list[dict[str, Any]] = []
    for edge in roadmap.edges:
        item = {"id": safe_id(f"edge-{len(edges)}", used), "fromNode": edge.source, "fromSide": "right",
                "toNode": edge.target, "toSide": "left", "toEnd": "arrow"}
        if edge.kind is EdgeKind.RELATED:
            item.update(toEnd="none", label="related")
        elif edge.kind is EdgeKind.PROGRESSION:
            item["label"] = "progression"
        edges.append(item)
    return {"nodes": groups + nodes, "edges": edges}


def write_canvas(roadmap: Roadmap) -> bytes:
    return safejson.dumps(to_canvas(roadmap))


# ---------------------------------------------------------------- import


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def strip_markdown_line(line: str) -> str:
    """A heading, bold or link line as plain text."""
    line = line.strip()
    line = re.sub(r"^#{1,6}\s+", "", line)
    line = re.sub(r"^([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?", "", line)
    for mark in ("**", "__", "*", "_", "~~"):
        if len(line) > 2 * len(mark) and line.startswith(mark) and line.endswith(mark) \
                and not line.endswith("\\" + mark):
            line = line[len(mark):-len(mark)]
            break
    line = strip_inline_markdown(line)  # linear: the patterns it replaces backtracked
    return unescape(line).strip()


def _resource_id(url: str, used: set[str]) -> str:
    return safe_id("r-" + hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:10], used)


def _resource(title: str, url: str, details: str | None, used: set[str], key: str = "") -> dict[str, Any]:
    res: dict[str, Any] = {"id": _resource_id(key or url, used), "title": title or _url_title(url),
                           "url": url, "origin": Origin.IMPORTED}
    if details:
        kind, _, provider = details.partition(",")
        if kind.strip() in ResourceKind.__members__.values():
            res["kind"] = kind.strip()
            res["provider"] = clean_line(unescape(provider.strip()))
    return res


def _url_title(url: str) -> str:
    parts = urlsplit(url)
    return clean_line((parts.netloc + parts.path).rstrip("/") or url) or "Link"


def parse_text_node(text: str, report: ImportReport, where: str) -> dict[str, Any]:
    """Title, status, hours, description and resources from a text node's Markdown."""
    if len(text) > MAX_TEXT:
        report.warn(f"{where}: text shortened to {MAX_TEXT} characters")
    lines = clean_text(text).split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    first = lines.pop(0) if lines else ""
    fields: dict[str, Any] = {"title": clean_title(strip_markdown_line(first), "Untitled", report, where)}
    body: list[str] = []
    resources: list[dict[str, Any]] = []
    used: set[str] = set()
    in_resources = False
    for line in lines:
        if line.strip() == "Resources:":
            in_resources = True
        status = _STATUS_LINE.match(line.strip())
        if status and "status" not in fields:
            fields["status"] = _STATUS_WORDS[status.group(1).lower()]
            if status.group(2):
                hours = float(status.group(2))
                if hours <= 100_000:
                    fields["estimated_hours"] = hours
            continue
        link = _LINK_ITEM.match(line)
        if link and is_web_url(link.group(2)) and len(resources) < 500:
            url = clean_url(link.group(2))
            if url:
                title = clean_line(unescape(link.group(1)), limit=MAX_TITLE)
                resources.append(_resource(title, url, link.group(3), used))
                continue
        plain = _PLAIN_ITEM.match(line) if in_resources else None
        if plain and plain.group(2) in ResourceKind.__members__.values() and len(resources) < 500:
            title = clean_line(unescape(plain.group(1)))
            details = plain.group(2) + (f", {plain.group(3)}" if plain.group(3) else "")
            resources.append(_resource(title, "", details, used, key=title))
            continue
        body.append(line)
    description = "\n".join(body).strip()
    if resources and description.endswith("Resources:"):
        description = description[: -len("Resources:")].rstrip()
    fields["description"] = unescape(description)
    fields["resources"] = resources
    return fields


def _box(raw: dict[str, Any]) -> tuple[float, float, float, float]:
    values = []
    for key, default in (("x", 0.0), ("y", 0.0), ("width", 250.0), ("height", 60.0)):
        number = finite_number(raw.get(key))
        values.append(max(-MAX_COORD, min(MAX_COORD, number if number is not None else default)))
    return values[0], values[1], abs(values[2]), abs(values[3])


def _stages_from_groups(groups, report: ImportReport) -> list[tuple[str, tuple[float, float, float, float]]]:
    ordered = sorted(groups, key=lambda g: (_box(g)[1], _box(g)[0]))
    result = []
    for index, group in enumerate(ordered, start=1):
        name = clean_line(group.get("label") if isinstance(group.get("label"), str) else "")
        result.append((name or f"Group {index}", _box(group)))
    return result


def _stage_for(box, stages) -> str:
    cx, cy = box[0] + box[2] / 2, box[1] + box[3] / 2
    best: tuple[float, str] | None = None
    for name, (x, y, w, h) in stages:
        if x <= cx <= x + w and y <= cy <= y + h and (best is None or w * h < best[0]):
            best = (w * h, name)
    return best[1] if best else ""


def canvas_to_roadmap(doc: Any, *, source: Path | str | None = None) -> tuple[Roadmap, ImportReport]:
    report = ImportReport("JSON Canvas")
    if not isinstance(doc, dict):
        raise FileFormatError("not a JSON Canvas file (the top level must be an object)")
    raw_nodes = doc.get("nodes", [])
    raw_edges = doc.get("edges", [])
    if not isinstance(raw_nodes, list) or not isinstance(raw_edges, list):
        raise FileFormatError('not a JSON Canvas file ("nodes" and "edges" must be lists)')
    check_count("canvas nodes", len(raw_nodes))
    check_count("canvas edges", len(raw_edges), 200_000)
    items: list[dict[str, Any]] = []
    seen_ids: set[str] = set()
    for index, raw in enumerate(raw_nodes):
        if not isinstance(raw, dict):
            report.drop("malformed nodes", why=f"nodes[{index}]: dropped, not an object")
            continue
        raw_id = raw.get("id")
        if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id) == "":
            report.drop("malformed nodes", why=f"nodes[{index}]: dropped, it has no id")
            continue
        raw_id = str(raw_id)
        if raw_id in seen_ids:
            report.drop("nodes with duplicate ids",
                        why=f"nodes[{index}]: dropped, duplicate id {raw_id[:80]}")
            continue
        seen_ids.add(raw_id)
        if raw.get("type") not in ("text", "file", "link", "group"):
            report.drop("nodes of unknown type",
                        why=f"node {raw_id[:80]}: dropped, unknown type {str(raw.get('type'))[:40]}")
            continue
        items.append(raw | {"id": raw_id})
    stages = _stages_from_groups([i for i in items if i["type"] == "group"], report)
    group_ids = {i["id"] for i in items if i["type"] == "group"}
    links = {i["id"]: i for i in items if i["type"] == "link"}
    used: set[str] = set()
    id_map: dict[str, str] = {}
    nodes: dict[str, dict[str, Any]] = {}
    for item in items:
        if item["type"] in ("group", "link"):
            continue
        where = f"node {item['id'][:80]}"
        box = _box(item)
        if item["type"] == "text":
            fields = parse_text_node(item.get("text") if isinstance(item.get("text"), str) else "",
                                     report, where)
        else:
            path = item.get("file") if isinstance(item.get("file"), str) else ""
            name = PurePosixPath(path.replace("\\", "/")).name
            fields = {"title": clean_title(name, "File", report, where), "description": clean_text(path),
                      "resources": []}
        if "status" not in fields:
            fields["status"] = _color_status(item)
        node_id = safe_id(item["id"], used)
        id_map[item["id"]] = node_id
        nodes[node_id] = fields | {
            "id": node_id, "kind": NodeKind.SKILL, "stage": _stage_for(box, stages),
            "position": _app_position(box), "origin": Origin.IMPORTED,
        }
    candidates: list[tuple[str, str, EdgeKind]] = []
    attached: set[str] = set()
    for index, raw in enumerate(raw_edges):
        if not isinstance(raw, dict):
            report.drop("malformed edges", why=f"edges[{index}]: dropped, not an object")
            continue
        ends = raw.get("fromNode"), raw.get("toNode")
        if not all(isinstance(e, str) for e in ends):
            report.drop("malformed edges", why=f"edges[{index}]: dropped, fromNode/toNode missing")
            continue
        a, b = ends
        if a in links or b in links:
            link_id, other = (a, b) if a in links else (b, a)
            if other in id_map:  # a link joined to a card is a resource of that card
                _attach_link(nodes[id_map[other]], links[link_id])
                attached.add(link_id)
            else:
                report.drop("edges from links to no card",
                            why=f"edges[{index}]: dropped, it joins a link node to no card")
            continue
        if a in group_ids or b in group_ids:
            report.drop("edges to groups", why=f"edges[{index}]: dropped, it points to a group")
            continue
        kind = _edge_kind(raw)
        if raw.get("fromEnd") == "arrow" and raw.get("toEnd", "arrow") == "none":
            a, b = b, a
        candidates.append((id_map.get(a, a), id_map.get(b, b), kind))
    for link_id, link in links.items():
        if link_id in attached:
            continue
        node_id = safe_id(link_id, used)
        url = clean_url(link.get("url"))
        box = _box(link)
        nodes[node_id] = {
            "id": node_id, "title": _url_title(url) if url else "Link", "stage": _stage_for(box, stages),
            "position": _app_position(box), "origin": Origin.IMPORTED,
            "status": _color_status(link),
            "resources": [_resource("", url, None, set())] if url else [],
        }
    check_count("nodes", len(nodes), 20_000)
    titles = {k: v["title"][:60] for k, v in nodes.items()}
    edges = add_edges_acyclic(nodes, candidates, report, label=lambda i: f'"{titles.get(i, i)}"')
    roadmap_id, title = stem_id_and_title(source, "canvas")
    used_stages = {n["stage"] for n in nodes.values()}
    stage_names = [name for name in dict.fromkeys(s for s, _ in stages) if name in used_stages]
    roadmap = build_roadmap({
        "id": roadmap_id, "title": title, "stages": stage_names,
        "nodes": list(nodes.values()), "edges": edges,
        "description": f"Imported from {Path(source).name}" if source else "",
    })
    return roadmap, report


def _app_position(box: tuple[float, float, float, float]) -> dict[str, float]:
    sx, sy = _scale()
    return {"x": round(box[0] / sx, 1), "y": round(box[1] / sy, 1)}


def _color_status(raw: dict[str, Any]) -> Status:
    color = raw.get("color")
    return COLOR_STATUS.get(color, Status.NOT_STARTED) if isinstance(color, str) else Status.NOT_STARTED


def _attach_link(node: dict[str, Any], link: dict[str, Any]) -> None:
    url = clean_url(link.get("url"))
    if url and len(node["resources"]) < 500 and all(r["url"] != url for r in node["resources"]):
        used = {r["id"] for r in node["resources"]}
        node["resources"].append(_resource("", url, None, used))


def _edge_kind(raw: dict[str, Any]) -> EdgeKind:
    label = raw.get("label").strip().lower() if isinstance(raw.get("label"), str) else ""
    if label in ("related", "progression", "prerequisite"):
        return EdgeKind(label)
    from_arrow = raw.get("fromEnd", "none") == "arrow"
    to_arrow = raw.get("toEnd", "arrow") == "arrow"
    return EdgeKind.PREREQUISITE if from_arrow != to_arrow else EdgeKind.RELATED


def read_canvas(data: bytes, source: Path | str | None = None) -> tuple[Roadmap, ImportReport]:
    """Parse `.canvas` bytes (size, depth and number caps first) into a roadmap and a report."""
    return canvas_to_roadmap(safejson.loads(data), source=source)
