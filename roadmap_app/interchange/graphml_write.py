"""GraphML export: every field of the model as typed data, plus yEd graphics beside it.

Plain GraphML readers (networkx, Gephi, Cytoscape, igraph) see typed keys: `label` is
the title, scalars keep their GraphML type (booleans written `true`/`false`), and the
structured fields (resources, status history, unknown extra fields; the roadmap's
stages, plan and extras) are JSON strings. yEd sees a y:ShapeNode per card (geometry,
fill, label) and a y:PolyLineEdge per edge (label, colour, arrowhead; related edges
have none and are dashed), so the file opens laid out and labelled.

The graph carries `rp_format = "roadmap-planner"`, and for such files the reader
restores everything. Link fields are written only when they are http(s) links.
`edgedefault` is "undirected" when every edge is a related edge (an undirected source
stays undirected), else "directed".
"""

from __future__ import annotations

import json
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from ..graph.layout import CARD_H, CARD_W, layout
from ..model import Edge, EdgeKind, Node, Roadmap, Status
from ..safety import is_web_url
from .geometry import Box
from .graphml_yed import edge_graphics, node_graphics

FORMAT_MARK = "roadmap-planner"
NODE_GRAPHICS, EDGE_GRAPHICS = "ng", "eg"
# Fields written as JSON text: the ones whose value is a list or an object.
NODE_JSON = frozenset(k for k, v in Node(id="x", title="x").model_dump(mode="json").items()
                      if isinstance(v, list | dict)) - {"position"} | {"extra"}
EDGE_JSON = frozenset(k for k, v in Edge(source="a", target="b").model_dump(mode="json").items()
                      if isinstance(v, list | dict)) | {"extra"}
GRAPH_JSON = frozenset({"stages", "plan", "extra"})
_FILL = {Status.DONE: "#D7F0DD", Status.IN_PROGRESS: "#D6E6FA", Status.SKIPPED: "#E6E6E6",
         Status.NOT_STARTED: "#FFFFFF"}
_SHAPE = {"milestone": "hexagon", "role": "roundrectangle", "education": "rectangle"}
_HEADER = (
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns:y="http://www.yworks.com/xml/graphml" xmlns:yed="http://www.yworks.com/xml/yed/3" '
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
    'http://www.yworks.com/xml/schema/graphml/1.1/ygraphml.xsd">'
)


def _json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, allow_nan=False, separators=(",", ":"))


def _type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    return "string"


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    return escape(str(value))


def _flatten(dump: dict[str, Any], extra: dict[str, Any] | None, json_fields: frozenset[str]) -> dict:
    """Model dump -> GraphML values: None left out, structured fields as JSON text."""
    values: dict[str, Any] = {}
    for name, value in dump.items():
        if value is None or (name in json_fields and value in ([], {})):
            continue
        values[name] = _json(value) if name in json_fields or isinstance(value, list | dict) else value
    if extra:
        values["extra"] = _json(extra)
    return values


def _web_only(resources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The export's link rule: a URL that is not http(s) is left out (the resource stays)."""
    return [r if not r.get("url") or is_web_url(r["url"]) else {**r, "url": ""} for r in resources]


def _node_values(node: Node) -> dict[str, Any]:
    dump = node.model_dump(mode="json", exclude=set(node.model_extra or ()))
    dump.pop("id")
    dump["label"] = dump.pop("title")
    position = dump.pop("position")
    if position is not None:
        dump.update(x=float(position["x"]), y=float(position["y"]))
    dump["resources"] = _web_only(dump["resources"])
    return _flatten(dump, node.model_extra, NODE_JSON)


def _edge_values(edge: Edge, order: int) -> dict[str, Any]:
    dump = edge.model_dump(mode="json", exclude=set(edge.model_extra or ()))
    for name in ("source", "target"):
        dump.pop(name)
    dump["order"] = order
    return _flatten(dump, edge.model_extra, EDGE_JSON)


def _graph_values(roadmap: Roadmap) -> dict[str, Any]:
    dump = roadmap.model_dump(mode="json", exclude={"nodes", "edges", *(roadmap.model_extra or ())})
    dump["roadmap_id"] = dump.pop("id")
    values = {"rp_format": FORMAT_MARK}
    values.update(_flatten(dump, roadmap.model_extra, GRAPH_JSON))
    return values


class _Keys:
    """Key ids per (domain, name), typed by the values seen (long and double -> double)."""

    def __init__(self) -> None:
        self.types: dict[tuple[str, str], str] = {}

    def see(self, domain: str, values: dict[str, Any]) -> None:
        for name, value in values.items():
            kind = _type(value)
            old = self.types.setdefault((domain, name), kind)
            if old != kind:
                self.types[(domain, name)] = "double" if {old, kind} == {"long", "double"} else "string"

    def id(self, domain: str, name: str) -> str:
        return f"{domain[0]}_{name}"

    def lines(self) -> list[str]:
        return [f'  <key id={quoteattr(self.id(d, n))} for="{d}" attr.name={quoteattr(n)} '
                f'attr.type="{t}"/>' for (d, n), t in self.types.items()]


def _data(keys: _Keys, domain: str, values: dict[str, Any], indent: str) -> list[str]:
    out = []
    for name, value in values.items():
        if keys.types[(domain, name)] == "double" and not isinstance(value, bool):
            value = float(value)
        out.append(f"{indent}<data key={quoteattr(keys.id(domain, name))}>{_text(value)}</data>")
    return out


def write_graphml(roadmap: Roadmap) -> bytes:
    keys = _Keys()
    graph_values = _graph_values(roadmap)
    keys.see("graph", graph_values)
    node_values = [_node_values(n) for n in roadmap.nodes]
    for values in node_values:
        keys.see("node", values)
    edge_values = [_edge_values(e, i) for i, e in enumerate(roadmap.edges)]
    for values in edge_values:
        keys.see("edge", values)
    placed = layout(roadmap) if roadmap.nodes else {}
    undirected = bool(roadmap.edges) and all(e.kind is EdgeKind.RELATED for e in roadmap.edges)

    lines = [_HEADER, *keys.lines(),
             f'  <key for="node" id="{NODE_GRAPHICS}" yfiles.type="nodegraphics"/>',
             f'  <key for="edge" id="{EDGE_GRAPHICS}" yfiles.type="edgegraphics"/>',
             f'  <graph id="G" edgedefault="{"undirected" if undirected else "directed"}">']
    lines += _data(keys, "graph", graph_values, "    ")
    for node, values in zip(roadmap.nodes, node_values, strict=True):
        x, y = placed.get(node.id, (0.0, 0.0))
        fill = node.color or _FILL.get(node.status, "#FFFFFF")
        box = Box(x, y, CARD_W, CARD_H)
        lines.append(f"    <node id={quoteattr(node.id)}>")
        lines += _data(keys, "node", values, "      ")
        shape = _SHAPE.get(node.kind.value, "roundrectangle")
        look = node_graphics(node.title, box, fill, "#5A5A5A", shape)
        lines.append(f'      <data key="{NODE_GRAPHICS}">{look}</data>')
        lines.append("    </node>")
    for order, (edge, values) in enumerate(zip(roadmap.edges, edge_values, strict=True)):
        related = edge.kind is EdgeKind.RELATED
        lines.append(f"    <edge id=\"e{order}\" source={quoteattr(edge.source)} "
                     f"target={quoteattr(edge.target)}>")
        lines += _data(keys, "edge", values, "      ")
        look = edge_graphics(edge.label, edge.color or "#404040", arrow=not related, dashed=related)
        lines.append(f'      <data key="{EDGE_GRAPHICS}">{look}</data>')
        lines.append("    </edge>")
    lines += ["  </graph>", "</graphml>", ""]
    return "\n".join(lines).encode("utf-8")
