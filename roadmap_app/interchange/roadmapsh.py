"""roadmap.sh JSON import (React Flow documents the user has), with its `content/` folder.

What it keeps, and the choices made (see ../shared/interop/README.md for the format):
- `topic` and `subtopic` nodes become skills, `todo` nodes milestones; their ids are kept
  exactly, so re-importing a newer version merges onto the same nodes. The label is the
  title. The first `title` node names the roadmap.
- Resource buttons become resources of the card they are drawn under
  (roadmapsh_layout). Other interactive extras (buttons, link items, checklists) and
  decoration (titles, paragraphs, labels, legends, sections, link groups, lines) are
  dropped and counted.
- Edges: roadmap.sh often joins topics through dropped nodes (a line, a label, a
  section); such an edge is rewired to the kept nodes on either side (A -> line -> B
  becomes A -> B, following at most MAX_HOPS dropped nodes). Solid edges (the main path)
  become prerequisites pointing down the page (from the higher node to the lower; ties
  by x, then id), which can never form a cycle. A dashed edge between a topic and a
  subtopic becomes a prerequisite from the topic to the subtopic; other dashed edges are
  related. Anything that would still close a cycle is dropped and reported.
- What the page says by drawing (roadmapsh_layout): each subtopic or todo belongs to a
  topic (the one an edge joins it to, else the one its touching block of cards is
  joined to, else the nearest topic above the block in its column, else the nearest
  box in 2D); one that no edge joins follows that topic (a prerequisite, as a dashed
  topic-subtopic edge would make). Number labels ("1", "2", ...) beside topics make
  prerequisites between consecutive steps. Both are reported, and so are cards drawn
  twice on one spot (both kept).
- Stages: topics sorted top to bottom are cut into at most 8 equal bands, each named
  after its first topic; every other node joins the band of its topic.
- Positions: the file's boxes go through geometry.arrange (scaled by the file's card
  sizes, overlaps removed), so no two cards overlap.
- `content/<slug>@<nodeId>.md` beside the file, or in a folder the user names: see
  roadmapsh_content.
- The old Balsamiq "mockup" format is refused with a clear message.
"""

from __future__ import annotations

import hashlib
import math
from collections import deque
from itertools import pairwise
from pathlib import Path
from typing import Any

from ..model import EdgeKind, NodeKind, Origin, ResourceKind, Roadmap
from ..model.node import MAX_RESOURCES
from ..storage import safejson
from ..storage.errors import FileFormatError
from .budget import distinct_pairs, refuse_over_limits
from .common import (
    add_edges_acyclic,
    build_roadmap,
    check_count,
    clean_line,
    clean_title,
    clean_url,
    finite_number,
    is_valid_id,
    safe_id,
    stem_id_and_title,
    unique_name,
)
from .geometry import Box, arrange
from .report import ImportReport
from .roadmapsh_content import content_index, parse_content, read_content
from .roadmapsh_layout import numbered_steps, owner_cards, parent_topics, step_number

KEPT_TYPES = {"topic": NodeKind.SKILL, "subtopic": NodeKind.SKILL, "todo": NodeKind.MILESTONE}
INTERACTIVE_TYPES = {"button", "link-item", "resourceButton", "todo-checkbox", "checklist-item"}
DECORATION_TYPES = {
    "title", "paragraph", "label", "legend", "section", "linksgroup", "vertical", "horizontal",
}
MAX_BANDS = 8
MAX_HOPS = 8  # dropped nodes followed when rewiring one edge
MAX_REWIRE_STEPS = 1_000_000  # all rewiring walks together; past it, edges are dropped
MOCKUP_MESSAGE = (
    'this is the old roadmap.sh "mockup" format (Balsamiq), which is not supported; '
    "use a roadmap.sh JSON file with \"nodes\" and \"edges\""
)


def _position(raw: dict[str, Any]) -> tuple[float, float] | None:
    pos = raw.get("position")
    if not isinstance(pos, dict):
        return None
    x, y = finite_number(pos.get("x")), finite_number(pos.get("y"))
    if x is None or y is None:
        return None
    return max(-1e7, min(1e7, x)), max(-1e7, min(1e7, y))


def _size(raw: dict[str, Any]) -> tuple[float, float]:
    """The node's drawn size: `width`/`height`, else `style`'s, else `measured`'s, else 0."""
    for holder in (raw, raw.get("style"), raw.get("measured")):
        if isinstance(holder, dict):
            w, h = finite_number(holder.get("width")), finite_number(holder.get("height"))
            if w is not None and h is not None:
                return min(abs(w), 1e6), min(abs(h), 1e6)
    return 0.0, 0.0


def _label(raw: dict[str, Any]) -> str:
    data = raw.get("data")
    return data.get("label") if isinstance(data, dict) and isinstance(data.get("label"), str) else ""


def _is_dashed(raw: dict[str, Any]) -> bool:
    data = raw.get("data") if isinstance(raw.get("data"), dict) else {}
    if isinstance(data.get("edgeStyle"), str):
        return data["edgeStyle"] == "dashed"
    style = raw.get("style") if isinstance(raw.get("style"), dict) else {}
    return bool(style.get("strokeDasharray"))


def _stages(nodes: dict[str, dict[str, Any]], types: dict[str, str], parents: dict[str, str]) -> list[str]:
    """Assign each node a stage (see the module docstring); returns the stage names in order."""
    topics = sorted((n for n in nodes.values() if types[n["id"]] == "topic"),
                    key=lambda n: (n["_y"], n["_x"], n["id"]))
    if not topics:
        return []
    bands = min(MAX_BANDS, len(topics))
    size = math.ceil(len(topics) / bands)
    names: list[str] = []
    used: set[str] = set()
    band_of: dict[str, str] = {}
    for start in range(0, len(topics), size):
        name = unique_name(topics[start]["title"], used)
        names.append(name)
        for topic in topics[start:start + size]:
            band_of[topic["id"]] = name
    for node in nodes.values():
        node["stage"] = band_of[node["id"] if node["id"] in band_of else parents[node["id"]]]
    return names


class _Rewirer:
    """Kept nodes reached through dropped ones, for edges that end on a dropped node.

    Each walk follows edges out of dropped nodes only, at most MAX_HOPS deep; all walks
    together take at most MAX_REWIRE_STEPS steps, so a hostile web of lines stays cheap.
    """

    def __init__(self, raw_edges: list[tuple[str, str, bool]], kept: set[str], known: set[str]) -> None:
        self.kept, self.known = kept, known
        self.out: dict[str, list[tuple[str, bool]]] = {}
        self.into: dict[str, list[tuple[str, bool]]] = {}
        for a, b, dashed in raw_edges:
            self.out.setdefault(a, []).append((b, dashed))
            self.into.setdefault(b, []).append((a, dashed))
        self.steps = 0
        self.exhausted = False

    def reach(self, start: str, forward: bool) -> list[tuple[str, bool]]:
        """(kept node, any dashed hop) reachable from the dropped node `start`."""
        adjacency = self.out if forward else self.into
        found: dict[str, bool] = {}
        seen = {start}
        queue = deque([(start, False, 0)])
        while queue:
            node, dashed, depth = queue.popleft()
            for other, hop_dashed in adjacency.get(node, ()):
                self.steps += 1
                if self.steps > MAX_REWIRE_STEPS:
                    self.exhausted = True
                    return list(found.items())
                if other in seen:
                    continue
                seen.add(other)
                if other in self.kept:
                    found.setdefault(other, dashed or hop_dashed)
                elif other in self.known and depth + 1 < MAX_HOPS:
                    queue.append((other, dashed or hop_dashed, depth + 1))
        return list(found.items())


def _edge_ends(raw_edges: list[Any], known: set[str], report: ImportReport) -> list[tuple[str, str, bool]]:
    """(source, target, dashed) of every edge whose ends are nodes of the file."""
    ends: list[tuple[str, str, bool]] = []
    for index, raw in enumerate(raw_edges):
        pair = (raw.get("source"), raw.get("target")) if isinstance(raw, dict) else (None, None)
        if not all(isinstance(e, str) and e in known for e in pair):
            report.drop("edges to missing nodes", why=f"edges[{index}]: dropped, an end is missing")
            continue
        ends.append((pair[0], pair[1], _is_dashed(raw)))
    return ends


def _connections(
    ends: list[tuple[str, str, bool]], id_map: dict[str, str], known: set[str], report: ImportReport
) -> list[tuple[str, str, bool]]:
    """Edges between kept nodes: direct ones, and those rewired through dropped nodes."""
    rewirer = _Rewirer(ends, set(id_map), known)
    direct: list[tuple[str, str, bool]] = []
    rewired: dict[tuple[str, str], bool] = {}
    through = 0
    for a, b, dashed in ends:
        if a in id_map and b in id_map:
            direct.append((id_map[a], id_map[b], dashed))
            continue
        through += 1
        # Walk from the kept end: kept -> dropped walks forward, dropped -> kept backward.
        # An edge between two dropped nodes is walked over by those that reach it.
        if a in id_map:
            pairs = [(a, t, d) for t, d in rewirer.reach(b, forward=True)]
        elif b in id_map:
            pairs = [(s, b, d) for s, d in rewirer.reach(a, forward=False)]
        else:
            pairs = []
        for s, t, d in pairs:
            if s != t:
                key = (id_map[s], id_map[t])
                rewired[key] = rewired.get(key, True) and (dashed or d)  # solid wins over dashed
    if rewirer.exhausted:
        report.warn("some edges through dropped nodes were not followed (too many of them)")
    if through:
        report.drop("edges to dropped nodes (rewired where they joined two kept nodes)", through)
    if rewired:
        report.warn(f"{len(rewired)} connections rewired through dropped nodes "
                    "(lines, labels, sections or buttons between two kept nodes)")
    return direct + [(s, t, d) for (s, t), d in rewired.items()]


def roadmapsh_to_roadmap(
    doc: Any, *, source: Path | str | None = None, content_dir: Path | None = None
) -> tuple[Roadmap, ImportReport]:
    report = ImportReport("roadmap.sh")
    if isinstance(doc, dict) and "mockup" in doc:
        raise FileFormatError(MOCKUP_MESSAGE)
    if not isinstance(doc, dict) or not isinstance(doc.get("nodes"), list):
        raise FileFormatError('not a roadmap.sh file (expected an object with a "nodes" list)')
    raw_edges = doc.get("edges", [])
    if not isinstance(raw_edges, list):
        raise FileFormatError('not a roadmap.sh file ("edges" must be a list)')
    check_count("roadmap.sh nodes", len(doc["nodes"]))
    check_count("roadmap.sh edges", len(raw_edges), 200_000)
    _refuse_early(doc["nodes"], raw_edges)
    nodes: dict[str, dict[str, Any]] = {}
    types: dict[str, str] = {}
    used: set[str] = set()
    id_map: dict[str, str] = {}
    known: set[str] = set()  # every node id in the file, kept or dropped
    steps: list[tuple[int, float, float, float, float]] = []  # number labels: (n, x, y, w, h)
    buttons: list[tuple[int, dict[str, Any]]] = []  # resource buttons with a link: (index, raw)
    roadmap_title = ""
    for index, raw in enumerate(doc["nodes"]):
        kind = raw.get("type") if isinstance(raw, dict) and isinstance(raw.get("type"), str) else None
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(raw_id, str) and raw_id:
            known.add(raw_id)
        if kind == "title" and not roadmap_title:
            roadmap_title = clean_line(_label(raw))
        if kind in DECORATION_TYPES:
            number = step_number(_label(raw)) if kind == "label" else None
            pos = _position(raw)
            if number is not None and pos is not None:
                steps.append((number, *pos, *_size(raw)))
            report.drop("decoration nodes")
            continue
        if kind == "resourceButton" and _position(raw) is not None and _href(raw):
            buttons.append((index, raw))  # attached to its card below, or dropped there
            continue
        if kind in INTERACTIVE_TYPES:
            label = clean_line(_label(raw), limit=80)
            report.drop("interactive nodes (buttons, links, checklists)",
                        why=f'nodes[{index}]: dropped {kind} "{label}"' if label else None)
            continue
        if kind not in KEPT_TYPES:
            report.drop("nodes of unknown type",
                        why=f"nodes[{index}]: dropped, unknown type {str(kind)[:40]}")
            continue
        if not isinstance(raw_id, str) or not raw_id:
            report.drop("malformed nodes", why=f"nodes[{index}]: dropped, it has no id")
            continue
        if raw_id in id_map:
            report.drop("nodes with duplicate ids",
                        why=f"nodes[{index}]: dropped, duplicate id {raw_id[:80]}")
            continue
        node_id = safe_id(raw_id, used)
        if not is_valid_id(raw_id):
            report.warn(f"node {raw_id[:80]}: id is not usable and became {node_id} "
                        "(progress on it will not merge on re-import)")
        id_map[raw_id] = node_id
        types[node_id] = kind
        pos = _position(raw)
        width, height = _size(raw)
        label = _label(raw)
        nodes[node_id] = {
            "id": node_id, "kind": KEPT_TYPES[kind], "origin": Origin.IMPORTED,
            "title": clean_title(label, "", report, f"node {raw_id[:80]}") if label.strip() else "",
            "_x": pos[0] if pos else 0.0, "_y": pos[1] if pos else 0.0, "_w": width, "_h": height,
            "_raw": raw_id, "_placed": pos is not None,
        }
    _add_content(nodes, content_index(content_dir, report), report)
    _add_buttons(nodes, buttons, report)
    links: dict[str, list[str]] = {}
    candidates: list[tuple[str, str, EdgeKind]] = []
    for a, b, dashed in _connections(_edge_ends(raw_edges, known, report), id_map, known, report):
        links.setdefault(a, []).append(b)
        links.setdefault(b, []).append(a)
        if not dashed:
            first, second = sorted((nodes[a], nodes[b]), key=lambda n: (n["_y"], n["_x"], n["id"]))
            candidates.append((first["id"], second["id"], EdgeKind.PREREQUISITE))
        elif {types[a], types[b]} == {"topic", "subtopic"}:
            topic, sub = (a, b) if types[a] == "topic" else (b, a)
            candidates.append((topic, sub, EdgeKind.PREREQUISITE))
        else:
            candidates.append((a, b, EdgeKind.RELATED))
    parents = parent_topics(nodes, types, links)
    candidates += _drawn_order(nodes, types, links, parents, steps, report)
    titles = {k: v["title"][:60] for k, v in nodes.items()}
    edges = add_edges_acyclic(nodes, candidates, report, label=lambda i: f'"{titles.get(i, i)}"')
    stages = _stages(nodes, types, parents)
    _report_stacked(nodes, report)
    _place(nodes)
    roadmap_id, title = stem_id_and_title(source, "roadmap-sh")
    return build_roadmap({
        "id": roadmap_id, "title": roadmap_title or title, "stages": stages,
        "nodes": list(nodes.values()), "edges": edges,
        "description": f"Imported from the roadmap.sh file {Path(source).name}" if source else "",
    }), report


def _refuse_early(raw_nodes: list[Any], raw_edges: list[Any]) -> None:
    """Refuse a file whose plan would have too many nodes or edges, before converting a node.

    Counted: the topics, subtopics and to-dos with an id of their own, and the distinct
    pairs of them an edge joins directly; conversion keeps at least these.
    """
    kept = {raw["id"] for raw in raw_nodes if isinstance(raw, dict) and isinstance(raw.get("type"), str)
            and raw["type"] in KEPT_TYPES and isinstance(raw.get("id"), str) and raw["id"]}
    ends = ((raw.get("source"), raw.get("target")) for raw in raw_edges if isinstance(raw, dict))
    refuse_over_limits(nodes=len(kept), edges=distinct_pairs(
        ((a, b) for a, b in ends if isinstance(a, str) and isinstance(b, str)), kept))


def _drawn_order(
    nodes: dict[str, dict[str, Any]], types: dict[str, str], links: dict[str, list[str]],
    parents: dict[str, str], steps: list[tuple[int, float, float, float, float]], report: ImportReport,
) -> list[tuple[str, str, EdgeKind]]:
    """Prerequisites the page states by drawing (see roadmapsh_layout), for what no edge joins."""
    extra: list[tuple[str, str, EdgeKind]] = []
    order = numbered_steps(steps, nodes, types)
    for first, second in pairwise(order):
        if second not in links.get(first, ()):
            extra.append((first, second, EdgeKind.PREREQUISITE))
    if extra:
        report.warn(f"{len(extra)} prerequisites between topics from the step numbers drawn beside them")
    joined = 0
    for node_id, parent in parents.items():
        if not links.get(node_id):  # no edge says where it belongs: it is listed under `parent`
            extra.append((parent, node_id, EdgeKind.PREREQUISITE))
            joined += 1
    if joined:
        report.warn(f"{joined} subtopics and to-dos without edges follow the topic they are drawn under")
    return extra


def _report_stacked(nodes: dict[str, dict[str, Any]], report: ImportReport) -> None:
    """Say when the file draws two cards with one label on one spot (an editing leftover):
    both are kept, side by side, and the user should know why there are two."""
    spots: dict[tuple[str, int, int], int] = {}
    for node in nodes.values():
        if node["_placed"]:
            key = (node["title"], round(node["_x"] / 10), round(node["_y"] / 10))
            spots[key] = spots.get(key, 0) + 1
    repeated = [(title, n) for (title, _x, _y), n in spots.items() if n > 1]
    for title, n in repeated[:20]:
        report.warn(f'"{title[:60]}" is drawn {n} times on the same spot in the file; all are kept')


def _place(nodes: dict[str, dict[str, Any]]) -> None:
    """Positions from the file's boxes, scaled to our cards with overlaps removed."""
    boxes = {key: Box(n["_x"], n["_y"], n["_w"], n["_h"]) for key, n in nodes.items() if n["_placed"]}
    placed = arrange(boxes)
    for key, node in nodes.items():
        if key in placed:
            x, y = placed[key]
            node["position"] = {"x": max(-1e7, min(1e7, x)), "y": max(-1e7, min(1e7, y))}
        for private in ("_x", "_y", "_w", "_h", "_raw", "_placed"):
            node.pop(private)


def _href(raw: dict[str, Any]) -> str:
    data = raw.get("data")
    href = data.get("href") if isinstance(data, dict) else None
    return href if isinstance(href, str) else ""


def _add_buttons(
    nodes: dict[str, dict[str, Any]], buttons: list[tuple[int, dict[str, Any]]], report: ImportReport
) -> None:
    """Resource buttons become resources of the card they are drawn under (roadmapsh_layout)."""
    boxes = [(*_position(raw), *_size(raw)) for _i, raw in buttons]
    attached = 0
    for (index, raw), owner in zip(buttons, owner_cards(boxes, nodes), strict=True):
        label = clean_line(_label(raw), limit=80)
        url = clean_url(_href(raw))
        node = nodes.get(owner) if owner is not None else None
        resources = node.setdefault("resources", []) if node is not None else None
        if resources is None or not url or len(resources) >= MAX_RESOURCES:
            report.drop("interactive nodes (buttons, links, checklists)",
                        why=f'nodes[{index}]: dropped resourceButton "{label}" (on no card)')
            continue
        if any(r["url"] == url for r in resources):
            continue
        badge = raw["data"].get("badge") if isinstance(raw["data"].get("badge"), str) else ""
        digest = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:10]
        resources.append({
            "id": safe_id(f"rb-{digest}", {r["id"] for r in resources}), "url": url,
            "title": clean_line(_label(raw)) or url[:300], "origin": Origin.IMPORTED,
            "kind": _badge_kind(badge),
        })
        attached += 1
    if attached:
        report.warn(f"{attached} resource buttons became resources of the card they are drawn under")


def _badge_kind(badge: str) -> ResourceKind:
    word = badge.strip().lower().rstrip("s")
    return {"course": ResourceKind.COURSE, "article": ResourceKind.ARTICLE, "paper": ResourceKind.PAPER,
            "book": ResourceKind.BOOK, "ebook": ResourceKind.BOOK, "video": ResourceKind.VIDEO,
            "podcast": ResourceKind.PODCAST}.get(word, ResourceKind.WEBSITE)


def _add_content(nodes: dict[str, dict[str, Any]], index: dict[str, Path], report: ImportReport) -> None:
    read = 0
    for node in nodes.values():
        path = index.get(node["_raw"])
        text = read_content(path, report) if path else None
        if text is not None:
            read += 1
            title, description, resources = parse_content(text)
            node["description"] = description
            node["resources"] = resources
            if not node["title"]:
                node["title"] = clean_title(title, "", report, f"content/{path.name}")
        if not node["title"]:
            node["title"] = node["_raw"][:300]
            report.warn(f"node {node['id']}: has no label, titled by its id")
    if index and not read:
        report.warn("content/: no file matched a node id")


def read_roadmapsh(
    data: bytes, source: Path | str | None = None, content_dir: Path | None = None
) -> tuple[Roadmap, ImportReport]:
    """Parse a roadmap.sh JSON file. `content/` beside `source` is read unless `content_dir` is given."""
    if content_dir is None and source is not None:
        content_dir = Path(source).parent / "content"
    return roadmapsh_to_roadmap(safejson.loads(data), source=source, content_dir=content_dir)
