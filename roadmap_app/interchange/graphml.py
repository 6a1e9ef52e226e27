"""GraphML import and export through networkx, with a hardened XML front door.

Export writes every field of the model: plain fields as typed GraphML keys (`label` is
the title, so yEd, Gephi and Cytoscape show it), and the structured ones (resources,
status_history, unknown extra fields; the roadmap's stages, plan and extras) as JSON
strings. The graph carries `rp_format = "roadmap-planner"`, and for such files the
reader restores everything, so roadmap -> GraphML -> roadmap is the same model.

Import of foreign GraphML: the title is the `label` or `name` key, or yEd's
`y:NodeLabel` (networkx reads it from `y:ShapeNode`/`y:GenericNode` data); `stage`,
`description`, `kind`, `status` and estimated hours are used when present and valid.
Directed edges become prerequisites (edges that close a cycle are dropped and
reported); edges of an undirected graph become "related" edges.

Before networkx sees a byte: the size cap, UTF-8 only, no DOCTYPE or ENTITY
declarations (entity expansion bombs, external entities), and a nesting-depth and
element-count scan.
"""

from __future__ import annotations

import json
import re
import warnings
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import networkx as nx
from pydantic import TypeAdapter, ValidationError

from ..model import Edge, EdgeKind, NodeKind, Origin, Resource, Roadmap, Status, StatusChange
from ..model.roadmap import MAX_EDGES, MAX_NODES, PlanSettings
from ..storage import safejson
from ..storage.codec import describe_validation_error
from ..storage.errors import FileFormatError
from .common import (
    add_edges_acyclic,
    build_roadmap,
    check_count,
    clean_line,
    clean_text,
    clean_title,
    safe_id,
    stem_id_and_title,
)
from .report import ImportReport

FORMAT_MARK = "roadmap-planner"
MAX_XML_DEPTH = 64
MAX_ELEMENTS = 2_000_000
_NODE_TAG = "{http://graphml.graphdrawing.org/xmlns}node"
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_NODE_PLAIN = ("kind", "stage", "description", "status", "notes", "origin")
_RESOURCES = TypeAdapter(list[Resource])
_HISTORY = TypeAdapter(list[StatusChange])


# ---------------------------------------------------------------- export


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def to_networkx(roadmap: Roadmap) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.graph.update(
        rp_format=FORMAT_MARK, roadmap_id=roadmap.id, title=roadmap.title, description=roadmap.description,
        author=roadmap.author, version=roadmap.version, stages=_json(roadmap.stages),
        plan=_json(roadmap.plan.model_dump(mode="json")),
    )
    if roadmap.model_extra:
        graph.graph["extra"] = _json(roadmap.model_extra)
    for node in roadmap.nodes:
        data = node.model_dump(mode="json")
        attrs: dict[str, Any] = {key: data[key] for key in _NODE_PLAIN}
        attrs.update(label=node.title, removed_upstream=node.removed_upstream, collapsed=node.collapsed)
        if node.estimated_hours is not None:
            attrs["estimated_hours"] = float(node.estimated_hours)
        if node.target_date is not None:
            attrs["target_date"] = node.target_date.isoformat()
        if node.position is not None:
            attrs.update(x=float(node.position.x), y=float(node.position.y))
        if node.resources:
            attrs["resources"] = _json(data["resources"])
        if node.status_history:
            attrs["status_history"] = _json(data["status_history"])
        if node.model_extra:
            attrs["extra"] = _json(node.model_extra)
        graph.add_node(node.id, **attrs)
    for order, edge in enumerate(roadmap.edges):
        attrs = {"kind": edge.kind.value, "order": order}
        if edge.model_extra:
            attrs["extra"] = _json(edge.model_extra)
        graph.add_edge(edge.source, edge.target, key=order, **attrs)
    return graph


def write_graphml(roadmap: Roadmap) -> bytes:
    text = "\n".join(nx.generate_graphml(to_networkx(roadmap), encoding="utf-8", prettyprint=True))
    return (text + "\n").encode("utf-8")


# ---------------------------------------------------------------- import


def check_xml(data: bytes) -> tuple[set[str], int]:
    """Size, encoding, no DTD, bounded depth and element count; raises FileFormatError.

    Returns the declared node ids and how many `node` elements repeated one: networkx
    merges duplicates and invents nodes for edges to undeclared ids, silently.
    """
    safejson.check_size(len(data))
    if not data.strip():
        raise FileFormatError("file is empty")
    if data.startswith((b"\xfe\xff", b"\xff\xfe")) or b"\x00" in data[:4096]:
        raise FileFormatError("GraphML must be UTF-8 text (this looks like UTF-16 or binary data)")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"not UTF-8 text (byte {exc.start})") from None
    if _DECLARATION.search(data):
        raise FileFormatError("DOCTYPE and ENTITY declarations are not allowed in GraphML "
                              "(they can expand to huge data or read local files)")
    parser = ET.XMLPullParser(events=("start", "end"))
    depth = count = repeated = 0
    declared: set[str] = set()
    try:
        for offset in range(0, len(data), 1 << 20):
            parser.feed(data[offset:offset + (1 << 20)])
            for event, _element in parser.read_events():
                if event == "start":
                    depth += 1
                    count += 1
                    if depth > MAX_XML_DEPTH:
                        raise FileFormatError(f"XML nesting is deeper than {MAX_XML_DEPTH} levels")
                    if count > MAX_ELEMENTS:
                        raise FileFormatError(f"more than {MAX_ELEMENTS} XML elements")
                    if _element.tag == _NODE_TAG:
                        node_id = _element.get("id", "")
                        repeated += node_id in declared
                        declared.add(node_id)
                else:
                    depth -= 1
                    _element.clear()
        parser.close()
    except ET.ParseError as exc:
        raise FileFormatError(f"not valid XML: {exc}") from None
    return declared, repeated


def _parse(data: bytes, report: ImportReport) -> nx.MultiDiGraph | nx.MultiGraph:
    declared, repeated = check_xml(data)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no key type", "port tag not supported"
            graph = nx.parse_graphml(data, force_multigraph=True)
    except (nx.NetworkXError, ValueError, KeyError, TypeError, AttributeError, ET.ParseError) as exc:
        raise FileFormatError(f"not valid GraphML: {str(exc)[:200] or type(exc).__name__}") from None
    except RecursionError:
        raise FileFormatError("GraphML graphs are nested too deeply") from None
    if repeated:
        report.drop("nodes with duplicate ids", repeated,
                    why=f"{repeated} nodes repeated an id and were merged")
    undeclared = [n for n in graph.nodes if n not in declared]
    if undeclared:
        lost = sum(graph.degree(n) for n in undeclared)
        report.drop("edges to missing nodes", lost, why=f"dropped {lost} edges to undeclared nodes "
                    f"({', '.join(str(n)[:40] for n in undeclared[:5])})")
        graph.remove_nodes_from(undeclared)
    check_count("nodes", graph.number_of_nodes(), MAX_NODES)
    check_count("edges", graph.number_of_edges(), 2 * MAX_EDGES)
    return graph


def _number(value: Any, where: str) -> float | None:
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise FileFormatError(f"{where}: {str(value)[:40]!r} is not a number") from None
    if number != number or number in (float("inf"), float("-inf")):
        raise FileFormatError(f"{where}: numbers must be finite (found {value})")
    return number


def _from_json(value: Any, adapter: TypeAdapter | None, where: str) -> Any:
    try:
        parsed = safejson.loads(str(value))
        return adapter.validate_python(parsed) if adapter else parsed
    except FileFormatError as exc:
        raise FileFormatError(f"{where}: {exc}") from None
    except ValidationError as exc:
        raise FileFormatError(f"{where}: {describe_validation_error(exc)}") from None


def _enum(enum, value: Any, default, report: ImportReport, where: str):
    if value in (None, ""):
        return default
    try:
        return enum(str(value).strip().lower())
    except ValueError:
        report.warn(f"{where}: unknown {enum.__name__} {str(value)[:40]!r}, using {default.value}")
        return default


def _node(node_id: str, attrs: dict[str, Any], ours: bool, report: ImportReport) -> dict[str, Any]:
    where = f"node {node_id[:80]}"
    title_raw = attrs.get("label") or attrs.get("name") or node_id
    node: dict[str, Any] = {
        "id": node_id, "title": clean_title(title_raw, node_id, report, where),
        "kind": _enum(NodeKind, attrs.get("kind"), NodeKind.SKILL, report, where),
        "status": _enum(Status, attrs.get("status"), Status.NOT_STARTED, report, where),
        "stage": clean_line(attrs.get("stage", "")),
        "description": clean_text(attrs.get("description", "")),
        "origin": Origin.IMPORTED,
    }
    hours = _number(attrs.get("estimated_hours"), f"{where}: estimated_hours")
    if hours is not None:
        node["estimated_hours"] = hours
    x, y = (_number(attrs.get(k), f"{where}: {k}") for k in ("x", "y"))
    if x is not None and y is not None:
        node["position"] = {"x": x, "y": y}
    if "resources" in attrs:
        resources = _from_json(attrs["resources"], _RESOURCES, f"{where}: resources")
        node["resources"] = resources if ours else [r.model_copy(update={"origin": Origin.IMPORTED})
                                                    for r in resources]
    if "status_history" in attrs:
        node["status_history"] = _from_json(attrs["status_history"], _HISTORY, f"{where}: status_history")
    if ours:
        node.update(
            notes=attrs.get("notes", ""),
            origin=_enum(Origin, attrs.get("origin"), Origin.IMPORTED, report, where),
            removed_upstream=bool(attrs.get("removed_upstream", False)),
            collapsed=bool(attrs.get("collapsed", False)),
        )
        if attrs.get("target_date"):
            node["target_date"] = attrs["target_date"]
        if "extra" in attrs:
            extra = _from_json(attrs["extra"], None, f"{where}: extra")
            if isinstance(extra, dict):
                node = {**extra, **node}
    return node


def graph_to_roadmap(
    graph, *, source: Path | str | None = None, report: ImportReport | None = None
) -> tuple[Roadmap, ImportReport]:
    report = report or ImportReport("GraphML")
    meta = graph.graph
    ours = meta.get("rp_format") == FORMAT_MARK
    used: set[str] = set()
    id_map = {raw: safe_id(str(raw), used) for raw in graph.nodes}
    renamed = sum(1 for raw, new in id_map.items() if str(raw) != new)
    if renamed:
        report.warn(f"{renamed} node ids were not usable and were replaced")
    nodes = [_node(id_map[raw], attrs, ours, report) for raw, attrs in graph.nodes(data=True)]
    default_kind = EdgeKind.PREREQUISITE if graph.is_directed() else EdgeKind.RELATED
    if not graph.is_directed() and graph.number_of_edges():
        report.warn("the graph is undirected: its edges were imported as related edges")
    raw_edges = []
    edge_extras: dict[tuple[str, str, str], dict[str, Any]] = {}
    for index, (u, v, attrs) in enumerate(graph.edges(data=True)):
        order = attrs.get("order", index)
        kind = _enum(EdgeKind, attrs.get("kind"), default_kind, report, f"edge {u} -> {v}")
        if ours and "extra" in attrs:
            extra = _from_json(attrs["extra"], None, f"edge {u} -> {v}: extra")
            if isinstance(extra, dict):
                edge_extras[(id_map[u], id_map[v], kind.value)] = extra
        raw_edges.append((order if isinstance(order, int) else index, index, id_map[u], id_map[v], kind))
    raw_edges.sort(key=lambda item: (item[0], item[1]))
    titles = {n["id"]: n["title"][:60] for n in nodes}
    edges = add_edges_acyclic(titles, [(s, t, k) for _, _, s, t, k in raw_edges], report,
                              label=lambda i: f'"{titles.get(i, i)}"')
    if ours and edge_extras:
        edges = [Edge.model_validate({**edge_extras.get(e.key, {}), **e.model_dump()}) for e in edges]
    roadmap_id, title = stem_id_and_title(source, "graphml")
    data: dict[str, Any] = {"id": roadmap_id, "title": title, "nodes": nodes, "edges": edges}
    if ours:
        data.update(
            id=meta.get("roadmap_id") or roadmap_id, title=meta.get("title") or title,
            description=meta.get("description", ""), author=meta.get("author", ""),
            version=meta.get("version", ""),
            stages=_from_json(meta.get("stages", "[]"), None, "graph: stages"),
            plan=_from_json(meta.get("plan", "{}"), TypeAdapter(PlanSettings), "graph: plan"),
        )
        if "extra" in meta:
            extra = _from_json(meta["extra"], None, "graph: extra")
            if isinstance(extra, dict):
                data = {**extra, **data}
    else:
        named = meta.get("label") or meta.get("name") or meta.get("title")
        data["title"] = clean_line(named) if named and clean_line(named) else title
        data["stages"] = list(dict.fromkeys(n["stage"] for n in nodes if n["stage"]))
    return build_roadmap(data), report


def read_graphml(data: bytes, source: Path | str | None = None) -> tuple[Roadmap, ImportReport]:
    """Parse GraphML bytes (hardened) into a roadmap and a report."""
    report = ImportReport("GraphML")
    return graph_to_roadmap(_parse(data, report), source=source, report=report)
