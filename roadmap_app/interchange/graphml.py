"""GraphML import: what a GraphML file (ours, yEd's, Gephi's, igraph's...) means as a roadmap.

Reading happens in three steps, each in its own module: graphml_xml (hardened bytes ->
element tree), graphml_read (GraphML structure: typed keys, defaults, nested graphs)
and graphml_yed (yEd graphics). This module decides what things mean:

- Our own files (graph data `rp_format = "roadmap-planner"`) are restored field by
  field, so roadmap -> GraphML -> roadmap is the same model.
- Foreign files: the title is the `label` or `name` value, else the first yEd label,
  else the id; further labels (and UML compartments) and `description` make the
  description. `stage`, `kind`, `status` and estimated hours are used when present and
  valid: no status is set unless the file has a `status` value. Groups (nodes holding a
  graph, yEd groups and folders) become stages, their members the stage's nodes (edges
  at a group box are connected to its members by graphml_groups). Fill
  and line colours become the colours of cards and edges. A `url` becomes a resource
  when it is an http(s) link (others are reported and left out).
- Edges: an edge is a prerequisite when it points one way: directed, with the yEd
  arrowhead at its target (an arrowhead only at its source turns it around). Undirected
  edges and edges with no arrowheads or two become "related". Labels are kept.
- Positions from the source (yEd geometry, or x/y values) are scaled by the source's
  card sizes and freed of overlaps by geometry.arrange.
- yEd shapes without any text are drawing aids (frames, lines, junctions): they are
  left out, and edges running through them joined.
- A file we exported and the user then edited in yEd keeps the cards renamed or moved
  there (yEd changes labels and geometry, not our data values).

Whatever is left out is counted in the import report, with a line saying why.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from ..model import Edge, EdgeKind, NodeKind, Origin, Resource, Roadmap, Status, StatusChange
from ..model.roadmap import PlanSettings
from ..model.text import MAX_TITLE
from ..safety import is_web_url
from ..storage import safejson
from ..storage.codec import describe_validation_error
from ..storage.errors import FileFormatError
from .budget import distinct_pairs, refuse_over_limits
from .common import (
    add_edges_acyclic,
    build_roadmap,
    clean_line,
    clean_text,
    clean_title,
    clean_url,
    safe_id,
    stem_id_and_title,
)
from .geometry import Box, arrange
from .graphml_groups import expand_group_edges
from .graphml_read import GEdge, GNode, GraphmlDoc, read_structure
from .graphml_write import EDGE_JSON, FORMAT_MARK, GRAPH_JSON, NODE_JSON, write_graphml
from .graphml_xml import parse_xml
from .graphml_yed import edge_look, hex_color, node_look
from .report import ImportReport

__all__ = ["FORMAT_MARK", "read_graphml", "write_graphml"]

# Foreign attributes this importer gives a meaning to; any other attribute is reported.
NODE_USED = frozenset({"label", "name", "Label", "description", "stage", "kind", "status",
                       "estimated_hours", "color", "r", "g", "b", "x", "y", "size", "width", "height",
                       "url"})
EDGE_USED = frozenset({"label", "Edge Label", "color", "kind", "description"})
# yEd draws every line black unless told otherwise; carrying that default over would
# make every imported edge black (unreadable in the dark theme) without the file
# meaning anything by it.
_DEFAULT_LINE = "#000000"
MAX_JOINED = 64  # edges in x edges out through one text-less shape; more is a hub, not a junction
_ADAPTERS = {"resources": TypeAdapter(list[Resource]), "status_history": TypeAdapter(list[StatusChange]),
             "plan": TypeAdapter(PlanSettings)}


def _number(value: Any, where: str) -> float | None:
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise FileFormatError(f"{where}: {value} is not a number")
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        raise FileFormatError(f"{where}: {str(value)[:40]!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise FileFormatError(f"{where}: numbers must be finite (found {value})")
    return number


def _size(value: Any) -> float | None:
    try:
        number = _number(value, "")
    except FileFormatError:
        return None
    return number if number is not None and number > 0 else None


def _from_json(value: Any, name: str, where: str) -> Any:
    try:
        parsed = safejson.loads(str(value))
        adapter = _ADAPTERS.get(name)
        return adapter.validate_python(parsed) if adapter else parsed
    except FileFormatError as exc:
        raise FileFormatError(f"{where}: {name}: {exc}") from None
    except ValidationError as exc:
        raise FileFormatError(f"{where}: {name}: {describe_validation_error(exc)}") from None


def _enum(enum, value: Any, default, report: ImportReport, where: str):
    if value in (None, ""):
        return default
    try:
        return enum(str(value).strip().lower())
    except ValueError:
        report.warn(f"{where}: unknown {enum.__name__} {str(value)[:40]!r}, using {default.value}")
        return default


def _restore(values: dict[str, Any], json_fields: frozenset[str], where: str) -> dict[str, Any]:
    """Our own export's values -> model fields (JSON text parsed, extras merged under)."""
    out: dict[str, Any] = {}
    for name, value in values.items():
        out[name] = _from_json(value, name, where) if name in json_fields else value
    extra = out.pop("extra", None)
    return {**extra, **out} if isinstance(extra, dict) else out


# ---------------------------------------------------------------- our own files


def _our_node(node_id: str, raw: GNode, edited: list[str]) -> dict[str, Any]:
    """Our own export's node; what was changed on yEd's canvas since then wins.

    yEd keeps our data values when it saves, but a card renamed or moved there changes
    only its label and geometry: those are taken (and listed in `edited`) so a round
    trip through yEd keeps the user's edits. Cards without a position of their own got
    their yEd place from our layout, so they keep having none.
    """
    where = f"node {node_id[:80]}"
    values = _restore(raw.data, NODE_JSON, where)
    values["id"] = node_id
    values["title"] = values.pop("label", None) or node_id
    x, y = (_number(values.pop(k, None), f"{where}: {k}") for k in ("x", "y"))
    look = node_look(raw.graphics) if raw.graphics else None
    shown = clean_line(look.labels[0]) if look is not None and look.labels else ""
    if shown and shown != values["title"] and values["title"][:6].lower() != "<html>":
        values["title"] = shown
        edited.append(node_id)
    if x is not None and y is not None:
        if look is not None and look.box is not None and (look.box.x, look.box.y) != (x, y):
            x, y = look.box.x, look.box.y
            edited.append(node_id)
        values["position"] = {"x": x, "y": y}
    _number(values.get("estimated_hours"), f"{where}: estimated_hours")
    return values


def _our_roadmap(doc: GraphmlDoc, nodes: list[dict], edges: list[Edge], fallback: tuple[str, str]) -> dict:
    meta = _restore({k: v for k, v in doc.graph_data.items() if k != "rp_format"}, GRAPH_JSON, "graph")
    meta["id"] = meta.pop("roadmap_id", None) or fallback[0]
    meta.setdefault("title", fallback[1])
    return {**meta, "nodes": nodes, "edges": edges}


# ---------------------------------------------------------------- foreign files


def _stage_names(doc: GraphmlDoc, report: ImportReport) -> dict[str, str]:
    """Group node id -> stage name (its label, else "Group <id>")."""
    names: dict[str, str] = {}
    for raw in doc.nodes.values():
        if raw.group:
            data = raw.data
            label = data.get("label") or data.get("name") or next(iter(node_look(raw.graphics).labels), "")
            names[raw.id] = clean_line(label) or clean_line(f"Group {raw.id}")
    if names:
        report.warn(f"{len(names)} groups became stages")
    lost = sum(1 for g in names if doc.nodes[g].desc or doc.nodes[g].data.get("description")
               or doc.nodes[g].data.get("url") or node_look(doc.nodes[g].graphics).details)
    if lost:
        report.drop("group descriptions and links", lost, why=f"left out the description, link or "
                    f"further labels of {lost} groups (stages have none)")
    return names


def _report_unused(doc: GraphmlDoc, groups: set[str], report: ImportReport) -> None:
    for what, items, used in (("node", [n for n in doc.nodes.values() if n.id not in groups], NODE_USED),
                              ("edge", doc.edges, EDGE_USED)):
        unused: dict[str, int] = {}
        for item in items:
            for name, value in item.data.items():
                if name not in used and value not in (None, ""):
                    unused[name] = unused.get(name, 0) + 1
        if unused:
            names = ", ".join(sorted(unused)[:8]) + (" ..." if len(unused) > 8 else "")
            report.drop(f"{what} attributes", sum(unused.values()),
                        why=f"left out {what} attributes the roadmap has no place for: {names}")


def _foreign_node(node_id: str, raw: GNode, stages: dict[str, str], report: ImportReport,
                  boxes: dict[str, Box]) -> dict[str, Any]:
    where = f"node {node_id[:80]} (line {raw.line})"
    data = raw.data
    look = node_look(raw.graphics)
    title_raw = data.get("label") or data.get("name") or data.get("Label") or next(iter(look.labels), "")
    details = look.details if (data.get("label") or data.get("name")) is None else look.labels + look.details
    desc = raw.desc
    if not title_raw and desc:  # Gephi and others name a node by its <desc> alone
        title_raw, desc = desc, ""
    description = "\n\n".join(t for t in [str(data.get("description") or ""), desc, *details] if t)
    stage = clean_line(data.get("stage") or "") or stages.get(raw.parent or "", "")
    node: dict[str, Any] = {
        "id": node_id, "title": clean_title(title_raw, raw.id, report, where),
        "kind": _enum(NodeKind, data.get("kind"), NodeKind.SKILL, report, where),
        "status": _enum(Status, data.get("status"), Status.NOT_STARTED, report, where),
        "stage": stage, "description": clean_text(description), "origin": Origin.IMPORTED,
    }
    hours = _number(data.get("estimated_hours"), f"{where}: estimated_hours")
    if hours is not None:
        node["estimated_hours"] = hours
    color = look.color or hex_color(str(data.get("color") or ""))
    if color is None and all(isinstance(data.get(c), int) for c in "rgb"):
        r, g, b = (min(max(data[c], 0), 255) for c in "rgb")
        color = f"#{r:02x}{g:02x}{b:02x}"
    if color:
        node["color"] = color
    if look.box is not None:
        boxes[node_id] = look.box
    else:
        x, y = (_number(data.get(k), f"{where}: {k}") for k in ("x", "y"))
        if x is not None and y is not None:
            size = _size(data.get("size")) or 0.0  # sizes only scale the picture: junk is ignored
            width = _size(data.get("width")) or size
            height = _size(data.get("height")) or size
            boxes[node_id] = Box(x - width / 2, y - height / 2, max(width, 0.0), max(height, 0.0))
    url = data.get("url")
    if isinstance(url, str) and url.strip():
        # Kept as given: formats.import_bytes applies the one link rule (interchange/links.py)
        # to every importer, turning a non-http(s) URL into text and reporting it.
        title = clean_line(url, limit=MAX_TITLE) if is_web_url(url) else "Link"
        node["resources"] = [{"id": "r1", "title": title or "Link", "url": clean_url(url),
                              "origin": Origin.IMPORTED}]
    return node


def _edge_meaning(raw: GEdge, report: ImportReport) -> tuple[bool, EdgeKind, str, str | None]:
    """(reversed, kind, label, colour) of a foreign edge: a `kind` value, else its direction."""
    look = edge_look(raw.graphics)
    named = raw.data.get("label") or raw.data.get("Edge Label")  # Gephi's name for it
    label = clean_line(named or " / ".join(look.labels) or raw.data.get("description") or raw.desc)
    color = hex_color(str(raw.data.get("color") or "")) or (look.color if look.color != _DEFAULT_LINE
                                                            else None)
    kind_value = raw.data.get("kind")
    if kind_value not in (None, ""):
        return False, _enum(EdgeKind, kind_value, EdgeKind.PREREQUISITE, report,
                            f"edge on line {raw.line}"), label, color
    if not raw.directed:
        return False, EdgeKind.RELATED, label, color
    if look.arrows is not None:
        at_source, at_target = look.arrows
        if at_source == at_target:
            return False, EdgeKind.RELATED, label, color
        return at_source, EdgeKind.PREREQUISITE, label, color
    return False, EdgeKind.PREREQUISITE, label, color


def _unlabelled_shape(raw: GNode) -> bool:
    """A yEd shape with no text anywhere: a frame, a line, a junction point."""
    if raw.group or not raw.graphics or raw.desc:
        return False
    if any(raw.data.get(k) not in (None, "") for k in ("label", "name", "Label", "description")):
        return False
    return not node_look(raw.graphics).labels


def _drop_drawing_aids(doc: GraphmlDoc, report: ImportReport) -> None:
    """Leave out yEd shapes without any text; join the edges that ran through them.

    Such shapes are drawing aids, not steps: as cards they would show their raw ids.
    An edge into one and an edge out of it become one direct edge (a junction point);
    chains of such shapes and shapes with very many edges are not followed.
    """
    shapes = {raw.id for raw in doc.nodes.values() if _unlabelled_shape(raw)}
    if not shapes:
        return
    incoming: dict[str, list[GEdge]] = defaultdict(list)
    outgoing: dict[str, list[GEdge]] = defaultdict(list)
    kept: list[GEdge] = []
    touching = 0
    for edge in doc.edges:
        if edge.source in shapes or edge.target in shapes:
            touching += 1
            if edge.target in shapes and edge.source not in shapes:
                incoming[edge.target].append(edge)
            elif edge.source in shapes and edge.target not in shapes:
                outgoing[edge.source].append(edge)
        else:
            kept.append(edge)
    joined = 0
    for shape, ins in incoming.items():
        outs = outgoing.get(shape, [])
        if len(ins) * len(outs) > MAX_JOINED:
            continue
        for a in ins:
            for b in outs:
                if a.source != b.target:
                    kept.append(GEdge(a.source, b.target, a.directed and b.directed, a.line,
                                      {**a.data, **b.data}, b.graphics or a.graphics, b.desc or a.desc))
                    joined += 1
    for shape in shapes:
        del doc.nodes[shape]
    doc.edges = kept
    why = f"left out {len(shapes)} shapes without any text (drawing aids)"
    if touching:
        why += f"; {touching} edges ended at them"
        if joined:
            why += f", joined into {joined} direct edges"
    report.drop("shapes without text", len(shapes), why=why)


# ---------------------------------------------------------------- both


def _edges(doc: GraphmlDoc, id_map: dict[str, str], groups: set[str], ours: bool, titles: dict[str, str],
           report: ImportReport) -> list[Edge]:
    candidates: list[tuple[int, int, str, str, EdgeKind]] = []
    looks: dict[tuple[str, str, str], dict[str, Any]] = {}
    undeclared: dict[str, int] = {}
    to_groups = related = 0
    for index, raw in enumerate(doc.edges):
        if raw.source in groups or raw.target in groups:
            to_groups += 1
            continue
        missing = [end for end in (raw.source, raw.target) if end not in id_map]
        if missing:
            for end in missing:
                undeclared[end] = undeclared.get(end, 0) + 1
            continue
        source, target = id_map[raw.source], id_map[raw.target]
        where = f"edge on line {raw.line}"
        if ours:
            values = _restore(raw.data, EDGE_JSON, where)
            kind = _enum(EdgeKind, values.pop("kind", None), EdgeKind.PREREQUISITE, report, where)
            order = values.pop("order", index)
            extra = {k: v for k, v in values.items() if k not in ("group", "label", "color")}
            looks[(source, target, kind.value)] = {**extra, **{k: v for k, v in values.items() if k in
                                                            ("group", "label", "color")}}
        else:
            flipped, kind, label, color = _edge_meaning(raw, report)
            if flipped:
                source, target = target, source
            related += kind is EdgeKind.RELATED and raw.directed
            order = index
            looks.setdefault((source, target, kind.value), {"label": label, "color": color})
        candidates.append((order if isinstance(order, int) else index, index, source, target, kind))
    if to_groups:
        report.drop("edges to groups", to_groups, why=f"dropped {to_groups} edges that start or end "
                    "at a group (groups became stages)")
    if undeclared:
        lost = sum(undeclared.values())
        report.drop("edges to missing nodes", lost, why=f"dropped {lost} edges to undeclared nodes "
                    f"({', '.join(str(n)[:40] for n in list(undeclared)[:5])})")
    if related:
        report.warn(f"{related} edges without a single arrowhead became related edges")
    candidates.sort(key=lambda item: (item[0], item[1]))
    edges = add_edges_acyclic(titles, [(s, t, k) for _, _, s, t, k in candidates], report,
                              label=lambda i: f'"{titles.get(i, i)}"')
    out = []
    for edge in edges:
        extra = {k: v for k, v in looks.get(edge.key, {}).items() if v not in (None, "")}
        out.append(Edge.model_validate({**extra, **edge.model_dump(exclude_defaults=True)})
                   if extra else edge)
    return out


def convert(doc: GraphmlDoc, source: Path | str | None, report: ImportReport) -> Roadmap:
    ours = doc.graph_data.get("rp_format") == FORMAT_MARK
    if not ours:
        _drop_drawing_aids(doc, report)
    stages = {} if ours else _stage_names(doc, report)
    groups = set(stages)
    if groups:
        expand_group_edges(doc, groups, report)
    used: set[str] = set()
    id_map = {raw: safe_id(raw, used) for raw in doc.nodes if raw not in groups}
    renamed = sum(1 for raw, new in id_map.items() if raw != new)
    if renamed:
        report.warn(f"{renamed} node ids were not usable and were replaced")
    boxes: dict[str, Box] = {}
    edited: list[str] = []
    nodes = [_our_node(id_map[raw.id], raw, edited) if ours else
             _foreign_node(id_map[raw.id], raw, stages, report, boxes)
             for raw in doc.nodes.values() if raw.id not in groups]
    if edited:
        report.warn(f"{len(set(edited))} cards were renamed or moved in another editor since the export; "
                    "their new titles and places were kept")
    if boxes:
        placed = arrange(boxes)
        for node in nodes:
            if node["id"] in placed:
                x, y = placed[node["id"]]
                node["position"] = {"x": x, "y": y}
    if not ours:
        _report_unused(doc, groups, report)
    if not doc.directed and doc.edges and not ours:
        report.warn("the graph is undirected: its edges were imported as related edges")
    titles = {n["id"]: str(n.get("title", ""))[:60] for n in nodes}
    edges = _edges(doc, id_map, groups, ours, titles, report)
    fallback = stem_id_and_title(source, "graphml")
    if ours:
        return build_roadmap(_our_roadmap(doc, nodes, edges, fallback))
    named = doc.graph_data.get("label") or doc.graph_data.get("name") or doc.graph_data.get("title")
    title = clean_line(named) if named and clean_line(named) else fallback[1]
    stage_list = list(dict.fromkeys([*stages.values(), *(n["stage"] for n in nodes if n["stage"])]))
    described = doc.graph_data.get("description") or doc.graph_data.get("Description") or doc.graph_desc
    return build_roadmap({"id": fallback[0], "title": title, "nodes": nodes, "edges": edges,
                          "stages": stage_list, "description": clean_text(described or "")})


def read_graphml(data: bytes, source: Path | str | None = None) -> tuple[Roadmap, ImportReport]:
    """Parse GraphML bytes (hardened) into a roadmap and a report."""
    report = ImportReport("GraphML")
    doc = read_structure(parse_xml(data), report)
    _refuse_early(doc)
    return convert(doc, source, report), report


def _refuse_early(doc: GraphmlDoc) -> None:
    """Refuse a file whose plan would have too many nodes or edges, before converting a node.

    Counted: nodes that are neither groups (they become stages) nor shapes without text
    (drawing aids), and the distinct pairs of them that an edge joins; conversion keeps
    at least these.
    """
    plain = {node_id for node_id, raw in doc.nodes.items() if not raw.group and not _unlabelled_shape(raw)}
    refuse_over_limits(nodes=len(plain),
                       edges=distinct_pairs(((e.source, e.target) for e in doc.edges), plain))
