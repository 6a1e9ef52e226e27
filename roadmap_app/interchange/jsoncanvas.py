"""JSON Canvas 1.0 (`.canvas`) import; the export lives in jsoncanvas_export.

Import keeps what the file means and reports the rest. It accepts loose files:
floats, missing edge ids, unknown keys (each unknown field is reported).
- Text nodes give a title (first line without Markdown), a status only when the file
  states one (a `Status:` line or our export's marker), a description, and resources
  from `- [Title](https://...)` list items. Obsidian wiki-links read as Obsidian shows
  them (canvas_style).
- A colour stays a colour (Node.color, Edge.color): presets "1"-"6" map to their
  shades, hex stays hex. Edge labels are kept (Edge.label).
- File nodes become cards titled by the file's name, carrying the file as a resource
  with its path (never a link). Link nodes become resources of the card an edge joins
  them to (titled by that edge's label), or cards of their own.
- Edges with one arrow are prerequisites (pointing along the arrow); arrowless and
  two-headed edges are "related". Our marker's kind wins.
- Stages: each group is a stage; a card belongs to the innermost group containing its
  centre. Positions: our own files come back where the export put them; other files
  are scaled by their typical card size and overlaps removed (geometry.arrange).
Everything dropped is in the report.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from ..model import Edge, EdgeKind, NodeKind, Origin, ResourceKind, Roadmap, Status
from ..model.roadmap import MAX_STAGES
from ..model.text import MAX_TEXT, MAX_TITLE
from ..safety import is_web_url
from ..storage import safejson
from ..storage.errors import FileFormatError
from .budget import CardLinks, distinct_pairs, refuse_over_limits, saved_bytes
from .canvas_style import MARKER, marker_enum, read_color, read_marker, resolve_wiki_links, strip_callout
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
from .geometry import CARD_H, CARD_W, Box, arrange
from .jsoncanvas_export import node_text, scale, to_canvas, write_canvas
from .report import ImportReport

__all__ = ["canvas_to_roadmap", "node_text", "parse_text_node", "read_canvas", "to_canvas", "write_canvas"]

MAX_COORD = 10_000_000
# Before the marker, our export wrote a card's status both as a "Status:" line and as one
# of these presets; with that line beside it, the colour is the status, not a colour.
OLD_STATUS_PRESETS = {Status.DONE: "4", Status.IN_PROGRESS: "5", Status.SKIPPED: "2"}
MAX_STAGE_CHECKS = 5_000_000  # card-in-group tests; a real canvas needs a few thousand
MAX_NESTING_CHECK = 500  # groups compared pairwise for nesting; past this, plain reading order
NODE_KEYS = frozenset({"id", "type", "x", "y", "width", "height", "color", "text", "file", "subpath",
                       "url", "label", "background", "backgroundStyle", MARKER})
EDGE_KEYS = frozenset({"id", "fromNode", "toNode", "fromSide", "toSide", "fromEnd", "toEnd", "color",
                       "label", MARKER})
_FILE_KINDS = {".pdf": ResourceKind.PAPER, ".mp4": ResourceKind.VIDEO, ".webm": ResourceKind.VIDEO,
               ".mov": ResourceKind.VIDEO, ".mkv": ResourceKind.VIDEO, ".mp3": ResourceKind.PODCAST,
               ".m4a": ResourceKind.PODCAST, ".ogg": ResourceKind.PODCAST, ".wav": ResourceKind.PODCAST}
Rect = tuple[float, float, float, float]  # x, y, width, height in the source's units
_STATUS_WORDS = {s.value.replace("_", " "): s for s in Status}
_STATUS_LINE = re.compile(
    r"^status:\s*(not started|in progress|done|skipped)(?:\s*·\s*([0-9]+(?:\.[0-9]+)?)\s*h)?\s*$",
    re.IGNORECASE,
)
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_LINK_ITEM = re.compile(r"^\s*[-*+]\s+\[((?:\\.|[^\]\\])*)\]\((\S+?)\)(?:\s+—\s+(.*))?\s*$")
_PLAIN_ITEM = re.compile(r"^- (\S.*?) — ([a-z]+)(?:, (.*))?$")


# ---------------------------------------------------------------- import


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def strip_markdown_line(line: str) -> str:
    """A heading, bold or link line as plain text."""
    line = strip_callout(resolve_wiki_links(line.strip()))
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
    fields["description"] = unescape(resolve_wiki_links(description))
    fields["resources"] = resources
    return fields


def _box(raw: dict[str, Any]) -> Rect:
    values = []
    for key, default in (("x", 0.0), ("y", 0.0), ("width", 250.0), ("height", 60.0)):
        number = finite_number(raw.get(key))
        values.append(max(-MAX_COORD, min(MAX_COORD, number if number is not None else default)))
    return values[0], values[1], abs(values[2]), abs(values[3])


def _stages_from_groups(groups: list[dict[str, Any]], own: bool) -> tuple[list[tuple[str, Rect]], list[str]]:
    """(stage name, rectangle) per group in reading order, and the groups' ids in that order.

    Our own export writes groups in stage order. Other files are read top to bottom,
    left to right, with a group nested in another right after its outermost group.
    """
    boxes = [(_box(g), g) for g in groups]
    if not own:
        outer = _outermost(boxes) if len(boxes) <= MAX_NESTING_CHECK else list(range(len(boxes)))
        order = sorted(range(len(boxes)), key=lambda i: (boxes[outer[i]][0][1], boxes[outer[i]][0][0],
                                                          i != outer[i], boxes[i][0][1], boxes[i][0][0]))
        boxes = [boxes[i] for i in order]
    result = []
    for index, (box, group) in enumerate(boxes, start=1):
        name = clean_line(group.get("label") if isinstance(group.get("label"), str) else "")
        result.append((resolve_wiki_links(name) or f"Group {index}", box))
    return result, [group["id"] for _box, group in boxes]


def _stage_order(names: list[str], ids: list[str], links: list[tuple[str, str]]) -> list[str]:
    """Stage names in order: edges between groups ("Phase 1" -> "Phase 2") first, then
    reading order; if those edges go round in a circle, reading order alone."""
    graph = nx.DiGraph()
    graph.add_nodes_from(range(len(ids)))
    index = {group_id: i for i, group_id in enumerate(ids)}
    graph.add_edges_from((index[a], index[b]) for a, b in links if a != b)
    try:  # by generation (how many groups lead to it), then reading order
        order = [i for generation in nx.topological_generations(graph) for i in sorted(generation)]
    except nx.NetworkXUnfeasible:
        order = list(range(len(ids)))
    return list(dict.fromkeys(names[i] for i in order))


def _outermost(boxes: list[tuple[Rect, Any]]) -> list[int]:
    """For each group, the index of the largest group that contains it (itself if none)."""
    def inside(a: Rect, b: Rect) -> bool:
        return b[0] <= a[0] and b[1] <= a[1] and a[0] + a[2] <= b[0] + b[2] and a[1] + a[3] <= b[1] + b[3]

    result = []
    for i, (box, _) in enumerate(boxes):
        best = i
        for j, (other, _) in enumerate(boxes):
            if j != i and inside(box, other) and other[2] * other[3] > boxes[best][0][2] * boxes[best][0][3]:
                best = j
        result.append(best)
    return result


def _assign_stages(boxes: dict[str, Rect], stages: list[tuple[str, Rect]]) -> dict[str, str]:
    """Each card's stage: the innermost group (smallest area) containing its centre.

    Groups are visited from the largest to the smallest, so a smaller group's claim
    overwrites a larger one's; each visits only the cards within its x-range (a
    bisect over the cards sorted by centre). A file whose groups would make this
    quadratic is refused, not waited for.
    """
    centres = sorted((b[0] + b[2] / 2, b[1] + b[3] / 2, key) for key, b in boxes.items())
    xs = [c[0] for c in centres]
    order = sorted(range(len(stages)), key=lambda i: (-stages[i][1][2] * stages[i][1][3], -i))
    result: dict[str, str] = {}
    budget = MAX_STAGE_CHECKS
    for i in order:
        name, (x, y, w, h) = stages[i]
        lo, hi = bisect.bisect_left(xs, x), bisect.bisect_right(xs, x + w)
        budget -= hi - lo
        if budget < 0:
            raise FileFormatError(f"too many overlapping groups (more than {MAX_STAGE_CHECKS} "
                                  "card-in-group checks)")
        for _cx, cy, key in centres[lo:hi]:
            if y <= cy <= y + h:
                result[key] = name
    return result


def _collect_items(raw_nodes: list[Any], report: ImportReport) -> list[dict[str, Any]]:
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
    return items


def _report_unknown_fields(raws: list[Any], known: frozenset[str], what: str, report: ImportReport) -> None:
    """One line per kind of unknown field (custom data of other apps and plugins), with a count."""
    counts: dict[str, int] = {}
    for raw in raws:
        if isinstance(raw, dict):
            for key in raw:
                if key not in known and len(counts) < 50:
                    counts[str(key)] = counts.get(str(key), 0) + 1
    for key, count in counts.items():
        report.drop(f"unknown {what} fields", count,
                    why=f'{what} field "{clean_line(key, limit=60)}" dropped ({count}x): not JSON Canvas')


def _colour(raw: dict[str, Any], report: ImportReport, where: str) -> str | None:
    color, bad = read_color(raw.get("color"))
    if bad:
        report.drop("colours not understood",
                    why=f"{where}: colour {clean_line(str(raw.get('color')), limit=40)!r} dropped, "
                        "not a preset or #rrggbb")
    return color


def _file_fields(item: dict[str, Any], report: ImportReport, where: str) -> dict[str, Any]:
    """A file node: a card named by the file, with the file as a resource (path, no link)."""
    path = clean_line(item.get("file") if isinstance(item.get("file"), str) else "")
    subpath = item.get("subpath") if isinstance(item.get("subpath"), str) else ""
    name = PurePosixPath(path.replace("\\", "/")).name
    title = name[:-3] if name.lower().endswith(".md") and len(name) > 3 else name
    resources = []
    if path:
        full = clean_line(path + clean_line(subpath), limit=MAX_TITLE)
        resources.append({
            "id": _resource_id("file:" + path, set()), "title": clean_line(name) or "File", "path": full,
            "kind": _FILE_KINDS.get(PurePosixPath(name).suffix.lower(), ResourceKind.ARTICLE),
            "origin": Origin.IMPORTED,
        })
        if len(path + subpath) > MAX_TITLE:
            report.warn(f"{where}: file path shortened to {MAX_TITLE} characters")
    return {"title": clean_title(resolve_wiki_links(title), "File", report, where), "description": "",
            "resources": resources}


def _node_fields(item: dict[str, Any], report: ImportReport, where: str) -> dict[str, Any]:
    if item["type"] == "text":
        fields = parse_text_node(item.get("text") if isinstance(item.get("text"), str) else "", report, where)
    else:
        fields = _file_fields(item, report, where)
    marker = read_marker(item)
    status = marker_enum(marker, "status", Status)
    if status is not None:  # our own export states it; it agrees with the Status line
        fields["status"] = status
    kind = marker_enum(marker, "kind", NodeKind)
    fields["kind"] = kind or NodeKind.SKILL
    paths = marker.get("resourcePaths")
    if isinstance(paths, list) and len(paths) == len(fields["resources"]):  # our export, unedited
        for resource, path in zip(fields["resources"], paths, strict=True):
            if isinstance(path, str) and path:
                resource["path"] = clean_line(path)
    color = _colour(item, report, where)
    legacy = not marker and OLD_STATUS_PRESETS.get(fields.get("status")) == item.get("color")
    if color and not legacy:  # our exports before the marker painted the status as the colour
        fields["color"] = color
    return fields


def _edge_fields(
    raw: dict[str, Any], report: ImportReport, where: str
) -> tuple[EdgeKind, bool, dict[str, Any]]:
    """(kind, whether to reverse the ends, label/colour/group) of a canvas edge."""
    marker = read_marker(raw)
    label = clean_line(raw.get("label")) if isinstance(raw.get("label"), str) else ""
    label = resolve_wiki_links(label)
    from_arrow = raw.get("fromEnd", "none") == "arrow"
    to_arrow = raw.get("toEnd", "arrow") == "arrow"
    kind = marker_enum(marker, "kind", EdgeKind)
    if kind is None and label.lower() in EdgeKind.__members__.values():
        kind = EdgeKind(label.lower())  # a kind's name as label: how our older exports said it
    if kind is None:
        kind = EdgeKind.PREREQUISITE if from_arrow != to_arrow else EdgeKind.RELATED
    if label.lower() == kind.value:
        label = ""  # the kind's name, written for other apps to show: not a label of its own
    extras: dict[str, Any] = {"label": label}
    color = _colour(raw, report, where)
    if color:
        extras["color"] = color
    group = marker.get("group")
    if isinstance(group, str) and kind is EdgeKind.PREREQUISITE:
        extras["group"] = clean_line(group)
    return kind, from_arrow and not to_arrow, extras


def _positions(boxes: dict[str, Rect], own: bool) -> dict[str, dict[str, float]]:
    """Card positions without overlaps: our own files as exported, others scaled to our cards."""
    if own:
        sx, sy = scale()
        # Centres where our cards' corners were exported, then only overlaps move.
        placed = {k: Box(b[0] / sx + CARD_W / 2, b[1] / sy + CARD_H / 2) for k, b in boxes.items()}
        spots = arrange(placed, scale=(1.0, 1.0))
    else:
        spots = arrange({k: Box(*b) for k, b in boxes.items()})
    # A hostile file's coordinates near the cap, scaled up, would leave the model's range.
    return {k: {"x": _clamp(x), "y": _clamp(y)} for k, (x, y) in spots.items()}


def _clamp(value: float) -> float:
    return round(max(-MAX_COORD + 1000, min(MAX_COORD - 1000, value)), 1)


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
    for key in doc:
        if key not in ("nodes", "edges"):
            name = clean_line(str(key), limit=60)
            report.drop("unknown top-level fields",
                        why=f'top-level field "{name}" dropped: not part of JSON Canvas')
    _report_unknown_fields(raw_nodes, NODE_KEYS, "node", report)
    _report_unknown_fields(raw_edges, EDGE_KEYS, "edge", report)
    items = _collect_items(raw_nodes, report)
    _refuse_early(items, raw_edges)
    own = any(MARKER in i for i in items if i["type"] != "group")
    groups = [i for i in items if i["type"] == "group"]
    backgrounds = sum(1 for g in groups if g.get("background"))
    if backgrounds:
        report.drop("group background images", backgrounds,
                    why=f"{backgrounds} group background image(s) dropped: the planner draws no images")
    group_colours = sum(1 for g in groups if g.get("color") is not None)
    if group_colours:  # a stage has no colour of its own
        report.drop("group colours", group_colours,
                    why=f"{group_colours} group colour(s) dropped: stages have no colour")
    stages, stage_ids = _stages_from_groups(groups, own)
    group_links: list[tuple[str, str]] = []
    group_ids = {g["id"] for g in groups}
    links = {i["id"]: i for i in items if i["type"] == "link"}
    used: set[str] = set()
    id_map: dict[str, str] = {}
    nodes: dict[str, dict[str, Any]] = {}
    boxes: dict[str, Rect] = {}
    for item in items:
        if item["type"] in ("group", "link"):
            continue
        where = f"node {item['id'][:80]}"
        box = _box(item)
        node_id = safe_id(item["id"], used)
        id_map[item["id"]] = node_id
        boxes[node_id] = box
        nodes[node_id] = _node_fields(item, report, where) | {
            "id": node_id, "stage": "", "origin": Origin.IMPORTED,
        }
    candidates: list[tuple[str, str, EdgeKind]] = []
    extras: dict[tuple[str, str, str], dict[str, Any]] = {}
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
                label = clean_line(raw.get("label")) if isinstance(raw.get("label"), str) else ""
                _attach_link(nodes[id_map[other]], links[link_id], resolve_wiki_links(label))
                attached.add(link_id)
                if raw.get("color") is not None:
                    report.drop("colours of edges to links", why=f"edges[{index}]: colour dropped, the "
                                                                  "link became a resource of its card")
            else:
                report.drop("edges from links to no card",
                            why=f"edges[{index}]: dropped, it joins a link node to no card")
            continue
        if a in group_ids and b in group_ids:
            group_links.append((a, b))
            report.drop("edges between groups", why=f"edges[{index}]: between two groups: it orders "
                                                      "their stages and is not kept as an edge")
            continue
        if a in group_ids or b in group_ids:
            report.drop("edges to groups", why=f"edges[{index}]: dropped, it points to a group")
            continue
        kind, reverse, fields = _edge_fields(raw, report, f"edges[{index}]")
        if reverse:
            a, b = b, a
        key = (id_map.get(a, a), id_map.get(b, b), kind)
        candidates.append(key)
        extras.setdefault((key[0], key[1], kind.value), fields)
    for link_id, link in links.items():
        if link_id in attached:
            continue
        node_id = safe_id(link_id, used)
        url = clean_url(link.get("url"))
        box = _box(link)
        boxes[node_id] = box
        nodes[node_id] = {
            "id": node_id, "title": _url_title(url) if url else "Link", "stage": "",
            "origin": Origin.IMPORTED,
            "resources": [_resource("", url, None, set())] if url else [],
        }
        color = _colour(link, report, f"node {link_id[:80]}")
        if color:
            nodes[node_id]["color"] = color
    link_colours = sum(1 for i in attached if links[i].get("color") is not None)
    if link_colours:
        report.drop("colours of links that became resources", link_colours,
                    why=f"{link_colours} link colour(s) dropped: the links became resources of their cards")
    check_count("nodes", len(nodes), 20_000)
    for node_id, stage in _assign_stages(boxes, stages).items():
        nodes[node_id]["stage"] = stage
    for node_id, position in _positions(boxes, own).items():
        nodes[node_id]["position"] = position
    titles = {k: v["title"][:60] for k, v in nodes.items()}
    kept = add_edges_acyclic(nodes, candidates, report, label=lambda i: f'"{titles.get(i, i)}"')
    edges = [Edge(source=e.source, target=e.target, kind=e.kind, **extras.get(e.key, {})) for e in kept]
    roadmap_id, title = stem_id_and_title(source, "canvas")
    used_stages = {n["stage"] for n in nodes.values()}
    ordered = _stage_order([name for name, _box in stages], stage_ids, group_links)
    stage_names = [name for name in ordered if name in used_stages]
    if len(stage_names) > MAX_STAGES:  # the plan keeps at most this many stages
        extra = set(stage_names[MAX_STAGES:])
        stage_names = stage_names[:MAX_STAGES]
        for node in nodes.values():
            if node["stage"] in extra:
                node["stage"] = ""
        report.drop("groups beyond the stage limit", len(extra),
                    why=f"{len(extra)} groups dropped: a plan has at most {MAX_STAGES} stages; "
                        "their cards have no stage")
    roadmap = build_roadmap({
        "id": roadmap_id, "title": title, "stages": stage_names,
        "nodes": list(nodes.values()), "edges": edges,
        "description": f"Imported from {Path(source).name}" if source else "",
    })
    return roadmap, report


def _refuse_early(items: list[dict[str, Any]], raw_edges: list[Any]) -> None:
    """Refuse a canvas whose plan would break a plan limit, before any card is converted.

    Cards are the text and file nodes plus the link nodes no edge joins to a card;
    resources are the link items of the cards' texts (budget.CardLinks).
    """
    cards = {i["id"] for i in items if i["type"] in ("text", "file")}
    links = {i["id"] for i in items if i["type"] == "link"}
    attached: set[str] = set()
    pairs: list[tuple[str, str]] = []
    for raw in raw_edges:
        ends = (raw.get("fromNode"), raw.get("toNode")) if isinstance(raw, dict) else ()
        if len(ends) == 2 and all(isinstance(e, str) for e in ends):
            a, b = ends
            if a in links or b in links:
                if a in cards or b in cards:
                    attached.add(a if a in links else b)
            else:
                pairs.append((a, b))
    resources = url_chars = 0
    for item in items:
        if item["type"] == "text" and isinstance(item.get("text"), str):
            found = CardLinks(item["text"])
            resources += found.count
            url_chars += found.url_chars
    nodes = len(cards) + len(links - attached)
    refuse_over_limits(nodes=nodes, edges=distinct_pairs(pairs, cards), resources=resources,
                       saved_bytes=saved_bytes(nodes, resources, url_chars))


def _attach_link(node: dict[str, Any], link: dict[str, Any], label: str = "") -> None:
    url = clean_url(link.get("url"))
    if url and len(node["resources"]) < 500 and all(r.get("url") != url for r in node["resources"]):
        used = {r["id"] for r in node["resources"]}
        node["resources"].append(_resource(label, url, None, used))


def read_canvas(data: bytes, source: Path | str | None = None) -> tuple[Roadmap, ImportReport]:
    """Parse `.canvas` bytes (size, depth and number caps first) into a roadmap and a report."""
    return canvas_to_roadmap(safejson.loads(data), source=source)
