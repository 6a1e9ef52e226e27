"""GraphML structure: keys with their types and defaults, nodes, edges and nested graphs.

Reads the element tree from graphml_xml into plain records the converter turns into a
roadmap. It follows the GraphML specification rather than one tool's habits:

- `<default>` values of a key apply to every element of its domain without a value;
- a node holding a `<graph>` is a group: its nodes (at any depth) are its members;
- an edge is directed when its own `directed` attribute says so, else by the
  `edgedefault` of the graph it sits in;
- keys of a type we cannot read (graph-tool's `vector_float`, `python::object`) are
  skipped with one warning each, never an error; hyperedges and references to
  external graphs (`locator`) are reported, never followed; ports only anchor edges;
- the GraphML namespace is optional (files without it are read the same way).

Every error names the line and, for values, the key it is about.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model.roadmap import MAX_EDGES, MAX_NODES
from ..storage.errors import FileFormatError
from .common import check_count
from .graphml_xml import GRAPHML_NS, XEl
from .report import ImportReport

_TYPES = {"boolean", "int", "long", "float", "double", "string"}
MAX_INT_DIGITS = 40


@dataclass(slots=True)
class Key:
    id: str
    domain: str  # node, edge, graph, all, ...
    name: str
    type: str | None  # a GraphML type; None for graphics keys and skipped types
    graphics: str = ""  # yEd's yfiles.type (nodegraphics, edgegraphics), or a yFiles HTML role
    default: Any = None
    skipped: bool = False


@dataclass(slots=True)
class GNode:
    id: str
    line: int
    data: dict[str, Any] = field(default_factory=dict)
    graphics: list[XEl] = field(default_factory=list)  # the contents of graphics data elements
    parent: str | None = None  # the group node this node sits in
    group: bool = False
    desc: str = ""


@dataclass(slots=True)
class GEdge:
    source: str
    target: str
    directed: bool
    line: int
    data: dict[str, Any] = field(default_factory=dict)
    graphics: list[XEl] = field(default_factory=list)
    desc: str = ""


@dataclass
class GraphmlDoc:
    directed: bool = True
    graph_data: dict[str, Any] = field(default_factory=dict)
    graph_desc: str = ""
    nodes: dict[str, GNode] = field(default_factory=dict)
    edges: list[GEdge] = field(default_factory=list)


def _local(element: XEl) -> str:
    """The GraphML name of an element, or "" for elements of another namespace."""
    return element.name if element.ns in (GRAPHML_NS, "") else ""


def convert(key: Key, raw: str, line: int) -> Any:
    """A data value as the key's type says; a wrong value names its key and line."""
    text = raw.strip()
    kind = key.type
    where = f"line {line}: key {key.id}" + (f" ({key.name})" if key.name != key.id else "")
    try:
        if kind == "boolean":
            lowered = text.lower()
            if lowered in ("true", "1"):
                return True
            if lowered in ("false", "0"):
                return False
            raise ValueError
        if kind in ("int", "long"):
            if len(text) > MAX_INT_DIGITS:
                raise FileFormatError(f"not valid GraphML: {where} has a number with more than "
                                      f"{MAX_INT_DIGITS} digits")
            return int(text)
        if kind in ("float", "double"):
            return float(text)  # NaN and infinity are refused where a field uses them
    except (ValueError, OverflowError):
        article = "an" if kind == "int" else "a"
        raise FileFormatError(f"not valid GraphML: {where} is {article} {kind}, but the value is "
                              f"{text[:40]!r}") from None
    return raw


def _read_key(element: XEl, report: ImportReport) -> Key:
    key_id = element.attrs.get("id")
    if not key_id:
        raise FileFormatError(f"not valid GraphML: line {element.line}: a key without an id")
    name = element.attrs.get("attr.name") or key_id
    graphics = element.attrs.get("yfiles.type", "")
    declared = element.attrs.get("attr.type")
    key = Key(key_id, element.attrs.get("for", "all"), name, None, graphics)
    if graphics:
        return key
    if declared is None:
        # yFiles for HTML declares its structured keys by name and URI, without a type.
        if any(a.endswith("}attr.uri") or a == "attr.uri" for a in element.attrs):
            key.graphics = name
            return key
        declared = "string"
    if declared not in _TYPES:
        key.skipped = True
        report.warn(f"line {element.line}: key {key_id} ({name}) has the type {declared[:40]!r}, "
                    "which GraphML readers do not share; its values were skipped")
        return key
    key.type = declared
    default = next((c for c in element.children if _local(c) == "default"), None)
    if default is not None:
        key.default = convert(key, default.text, default.line)
    return key


class _Reader:
    def __init__(self, root: XEl, report: ImportReport) -> None:
        self.report = report
        self.keys: dict[str, Key] = {}
        self.doc = GraphmlDoc()
        self.repeated = 0
        self.hyperedges = 0
        self.locators = 0
        for child in root.children:
            if _local(child) == "key":
                key = _read_key(child, report)
                self.keys[key.id] = key
        self.skipped_values = 0

    def defaults(self, domain: str) -> dict[str, Any]:
        return {k.name: k.default for k in self.keys.values()
                if k.default is not None and k.domain in (domain, "all")}

    def data(self, element: XEl, values: dict[str, Any], graphics: list[XEl]) -> str:
        """Fill values and graphics from the element's data children; returns its desc."""
        desc = ""
        for child in element.children:
            local = _local(child)
            if local == "desc":
                desc = child.text.strip()
            if local != "data":
                continue
            ref = child.attrs.get("key", "")
            key = self.keys.get(ref)
            if key is None:
                raise FileFormatError(f"not valid GraphML: line {child.line}: data refers to key "
                                      f"{ref[:40]!r}, but there is no key {ref[:40]}")
            if key.skipped:
                self.skipped_values += 1
            elif key.graphics:
                graphics.extend(c for c in child.children if c.ns != GRAPHML_NS)
            else:
                values[key.name] = convert(key, child.text, child.line)
        return desc

    def graph(self, element: XEl, parent: str | None, default_directed: bool = True) -> None:
        """Read a graph's nodes and edges in file order, nested graphs where they stand.

        Recursion is bounded: graphml_xml caps the nesting depth.
        """
        edgedefault = element.attrs.get("edgedefault")
        directed = default_directed if edgedefault is None else edgedefault != "undirected"
        for child in element.children:
            local = _local(child)
            if local == "node":
                inner = self.node(child, parent)
                for sub in child.children:
                    if _local(sub) == "graph":
                        inner.group = True
                        self.graph(sub, inner.id, directed)
                    elif _local(sub) == "locator":
                        self.locators += 1
            elif local == "edge":
                self.edge(child, directed)
            elif local == "hyperedge":
                self.hyperedges += 1
            elif local == "locator":
                self.locators += 1

    def node(self, element: XEl, parent: str | None) -> GNode:
        node_id = element.attrs.get("id")
        if node_id is None:
            raise FileFormatError(f"not valid GraphML: line {element.line}: a node without an id")
        existing = self.doc.nodes.get(node_id)
        if existing is not None:
            self.repeated += 1
            node = existing
        else:
            check_count("nodes", len(self.doc.nodes) + 1, MAX_NODES)
            node = GNode(node_id, element.line, self.defaults("node"), parent=parent)
            self.doc.nodes[node_id] = node
        node.desc = self.data(element, node.data, node.graphics) or node.desc
        if element.attrs.get("yfiles.foldertype") in ("group", "folder"):
            node.group = True
        return node

    def edge(self, element: XEl, default_directed: bool) -> None:
        source, target = element.attrs.get("source"), element.attrs.get("target")
        if source is None or target is None:
            raise FileFormatError(f"not valid GraphML: line {element.line}: an edge without "
                                  "a source or target")
        check_count("edges", len(self.doc.edges) + 1, 2 * MAX_EDGES)
        directed_attr = element.attrs.get("directed")
        directed = default_directed if directed_attr is None else directed_attr.strip().lower() in (
            "true", "1")
        edge = GEdge(source, target, directed, element.line, self.defaults("edge"))
        edge.desc = self.data(element, edge.data, edge.graphics)
        self.doc.edges.append(edge)


def read_structure(root: XEl, report: ImportReport) -> GraphmlDoc:
    if root.name != "graphml" or root.ns not in (GRAPHML_NS, ""):
        shown = f"{{{root.ns}}}{root.name}" if root.ns else root.name
        raise FileFormatError(f"not GraphML: the root element is <{shown[:80]}>, not <graphml>")
    reader = _Reader(root, report)
    graphs = [c for c in root.children if _local(c) == "graph"]
    if not graphs:
        raise FileFormatError("not valid GraphML: the file has no <graph> element")
    reader.doc.directed = graphs[0].attrs.get("edgedefault", "directed") != "undirected"
    reader.doc.graph_desc = reader.data(graphs[0], reader.doc.graph_data, [])
    for graph in graphs:
        reader.graph(graph, None)
    if len(graphs) > 1:
        report.warn(f"the file holds {len(graphs)} graphs; their nodes were read into one roadmap")
    if reader.repeated:
        report.drop("nodes with duplicate ids", reader.repeated,
                    why=f"{reader.repeated} nodes repeated an id and were merged")
    if reader.hyperedges:
        report.drop("hyperedges", reader.hyperedges,
                    why=f"dropped {reader.hyperedges} hyperedges (edges between more than two nodes)")
    if reader.locators:
        report.drop("links to external graphs", reader.locators,
                    why=f"left out {reader.locators} links to graphs in other files (never opened)")
    if reader.skipped_values:
        report.drop("values of unsupported key types", reader.skipped_values)
    return reader.doc
