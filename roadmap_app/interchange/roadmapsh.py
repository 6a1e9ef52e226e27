"""roadmap.sh JSON import (React Flow documents the user has), with its `content/` folder.

What it keeps, and the choices made (see ../shared/interop/README.md for the format):
- `topic` and `subtopic` nodes become skills, `todo` nodes milestones; their ids are kept
  exactly, so re-importing a newer version merges onto the same nodes. The label is the
  title; the position is kept. The first `title` node names the roadmap.
- Interactive extras (buttons, link items, checklists) and decoration (titles,
  paragraphs, labels, legends, sections, link groups, lines) are dropped and counted.
- Edges are kept when both ends are kept. Solid edges (the main path) become
  prerequisites pointing down the page (from the higher node to the lower; ties by x,
  then id), which can never form a cycle. A dashed edge between a topic and a subtopic
  becomes a prerequisite from the topic to the subtopic; other dashed edges are related.
  Anything that would still close a cycle is dropped and reported.
- Stages: topics sorted top to bottom are cut into at most 8 equal bands, each named
  after its first topic; a subtopic or todo joins the band of the topic an edge joins it
  to, else of the nearest topic above or below it.
- `content/<slug>@<nodeId>.md` beside the file: the text after the `# Title` line and
  before the first link is the description (a last line ending in ":" that only
  introduces the links is left out); `- [@type@Title](url)` lines become resources.
- The old Balsamiq "mockup" format is refused with a clear message.
"""

from __future__ import annotations

import hashlib
import math
import re
from pathlib import Path
from typing import Any

from ..model import EdgeKind, NodeKind, Origin, ResourceKind, Roadmap
from ..model.node import MAX_RESOURCES
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
    is_valid_id,
    safe_id,
    stem_id_and_title,
)
from .report import ImportReport

KEPT_TYPES = {"topic": NodeKind.SKILL, "subtopic": NodeKind.SKILL, "todo": NodeKind.MILESTONE}
INTERACTIVE_TYPES = {"button", "link-item", "resourceButton", "todo-checkbox", "checklist-item"}
DECORATION_TYPES = {
    "title", "paragraph", "label", "legend", "section", "linksgroup", "vertical", "horizontal",
}
RESOURCE_KINDS = {
    "official": ResourceKind.WEBSITE, "website": ResourceKind.WEBSITE, "feed": ResourceKind.WEBSITE,
    "roadmap": ResourceKind.WEBSITE, "opensource": ResourceKind.PROJECT, "article": ResourceKind.ARTICLE,
    "course": ResourceKind.COURSE, "podcast": ResourceKind.PODCAST, "video": ResourceKind.VIDEO,
    "book": ResourceKind.BOOK,
}
MAX_BANDS = 8
MAX_CONTENT_FILES = 20_000
MAX_CONTENT_BYTES = 1_000_000
_RESOURCE_LINE = re.compile(r"^\s*[-*]\s*\[@([A-Za-z]+)@(.*)\]\((\S+)\)\s*$")
_TITLE_LINE = re.compile(r"^#\s+(.*)$")
_CONTENT_NAME = re.compile(r"^.*@([^@/\\]+)\.md$")
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


def _label(raw: dict[str, Any]) -> str:
    data = raw.get("data")
    return data.get("label") if isinstance(data, dict) and isinstance(data.get("label"), str) else ""


def _is_dashed(raw: dict[str, Any]) -> bool:
    data = raw.get("data") if isinstance(raw.get("data"), dict) else {}
    if isinstance(data.get("edgeStyle"), str):
        return data["edgeStyle"] == "dashed"
    style = raw.get("style") if isinstance(raw.get("style"), dict) else {}
    return bool(style.get("strokeDasharray"))


def content_index(content_dir: Path | None, report: ImportReport) -> dict[str, Path]:
    """nodeId -> content file, from `<slug>@<nodeId>.md` names (first name wins)."""
    if content_dir is None or not content_dir.is_dir():
        return {}
    index: dict[str, Path] = {}
    try:
        for count, path in enumerate(sorted(content_dir.iterdir())):
            if count >= MAX_CONTENT_FILES:
                report.warn(f"content/: only the first {MAX_CONTENT_FILES} files were looked at")
                break
            match = _CONTENT_NAME.match(path.name)
            # Links could point anywhere on the disk; only plain files in the folder are read.
            if match and path.is_file() and not path.is_symlink():
                index.setdefault(match.group(1), path)
    except OSError as exc:
        report.warn(f"content/: could not be read ({exc.strerror or exc})")
    return index


def parse_content(text: str, node_id: str) -> tuple[str, str, list[dict[str, Any]]]:
    """(title, description, resources) from one content file's Markdown."""
    title = ""
    body: list[str] = []
    resources: list[dict[str, Any]] = []
    used: set[str] = set()
    seen_links = False
    for line in clean_text(text, limit=MAX_CONTENT_BYTES).split("\n"):
        heading = _TITLE_LINE.match(line)
        if heading and not title and not body:
            title = heading.group(1)
            continue
        link = _RESOURCE_LINE.match(line)
        if link:
            seen_links = True
            url = clean_url(link.group(3))
            if url and len(resources) < MAX_RESOURCES:
                digest = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:10]
                resources.append({
                    "id": safe_id(f"rs-{digest}", used), "url": url, "origin": Origin.IMPORTED,
                    "title": clean_line(link.group(2)) or url[:300],
                    "kind": RESOURCE_KINDS.get(link.group(1).lower(), ResourceKind.WEBSITE),
                })
            continue
        if not seen_links:
            body.append(line)
    lines = "\n".join(body).strip().split("\n")
    if resources and lines and lines[-1].rstrip().endswith(":"):
        lines.pop()
    return title, "\n".join(lines).strip(), resources


def _read_content(path: Path, report: ImportReport) -> str | None:
    try:
        if path.stat().st_size > MAX_CONTENT_BYTES:
            report.warn(f"content/{path.name}: skipped, larger than {MAX_CONTENT_BYTES // 1000} kB")
            return None
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        report.warn(f"content/{path.name}: skipped, not UTF-8 text")
    except OSError as exc:
        report.warn(f"content/{path.name}: skipped, {exc.strerror or exc}")
    return None


def _stages(
    nodes: dict[str, dict[str, Any]], types: dict[str, str], links: dict[str, list[str]]
) -> list[str]:
    """Assign each node a stage (see the module docstring); returns the stage names in order."""
    topics = sorted((n for n in nodes.values() if types[n["id"]] == "topic"),
                    key=lambda n: (n["_y"], n["_x"], n["id"]))
    if not topics:
        return []
    bands = min(MAX_BANDS, len(topics))
    size = math.ceil(len(topics) / bands)
    names: list[str] = []
    band_of: dict[str, str] = {}
    for start in range(0, len(topics), size):
        name = topics[start]["title"]
        while name in names:
            name = clean_line(f"{name} (2)")
        names.append(name)
        for topic in topics[start:start + size]:
            band_of[topic["id"]] = name
    for node in nodes.values():
        if node["id"] in band_of:
            node["stage"] = band_of[node["id"]]
            continue
        linked = [other for other in links.get(node["id"], []) if other in band_of]
        if linked:
            node["stage"] = band_of[linked[0]]
        else:
            nearest = min(topics, key=lambda t: (abs(t["_y"] - node["_y"]), abs(t["_x"] - node["_x"])))
            node["stage"] = band_of[nearest["id"]]
    return names


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
    nodes: dict[str, dict[str, Any]] = {}
    types: dict[str, str] = {}
    used: set[str] = set()
    id_map: dict[str, str] = {}
    roadmap_title = ""
    for index, raw in enumerate(doc["nodes"]):
        kind = raw.get("type") if isinstance(raw, dict) and isinstance(raw.get("type"), str) else None
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        if kind == "title" and not roadmap_title:
            roadmap_title = clean_line(_label(raw))
        if kind in DECORATION_TYPES:
            report.drop("decoration nodes")
            continue
        if kind in INTERACTIVE_TYPES:
            report.drop("interactive nodes (buttons, links, checklists)")
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
        label = _label(raw)
        nodes[node_id] = {
            "id": node_id, "kind": KEPT_TYPES[kind], "origin": Origin.IMPORTED,
            "title": clean_title(label, "", report, f"node {raw_id[:80]}") if label.strip() else "",
            "position": {"x": pos[0], "y": pos[1]} if pos else None,
            "_x": pos[0] if pos else 0.0, "_y": pos[1] if pos else 0.0, "_raw": raw_id,
        }
    _add_content(nodes, content_index(content_dir, report), report)
    candidates: list[tuple[str, str, EdgeKind]] = []
    links: dict[str, list[str]] = {}
    for raw in raw_edges:
        ends = (raw.get("source"), raw.get("target")) if isinstance(raw, dict) else (None, None)
        if not all(isinstance(e, str) and e in id_map for e in ends):
            report.drop("edges to dropped or missing nodes")
            continue
        a, b = (id_map[e] for e in ends)
        links.setdefault(a, []).append(b)
        links.setdefault(b, []).append(a)
        if not _is_dashed(raw):
            first, second = sorted((nodes[a], nodes[b]), key=lambda n: (n["_y"], n["_x"], n["id"]))
            candidates.append((first["id"], second["id"], EdgeKind.PREREQUISITE))
        elif {types[a], types[b]} == {"topic", "subtopic"}:
            topic, sub = (a, b) if types[a] == "topic" else (b, a)
            candidates.append((topic, sub, EdgeKind.PREREQUISITE))
        else:
            candidates.append((a, b, EdgeKind.RELATED))
    titles = {k: v["title"][:60] for k, v in nodes.items()}
    edges = add_edges_acyclic(nodes, candidates, report, label=lambda i: f'"{titles.get(i, i)}"')
    stages = _stages(nodes, types, links)
    for node in nodes.values():
        for private in ("_x", "_y", "_raw"):
            node.pop(private)
    roadmap_id, title = stem_id_and_title(source, "roadmap-sh")
    return build_roadmap({
        "id": roadmap_id, "title": roadmap_title or title, "stages": stages,
        "nodes": list(nodes.values()), "edges": edges,
        "description": f"Imported from the roadmap.sh file {Path(source).name}" if source else "",
    }), report


def _add_content(nodes: dict[str, dict[str, Any]], index: dict[str, Path], report: ImportReport) -> None:
    read = 0
    for node in nodes.values():
        path = index.get(node["_raw"])
        text = _read_content(path, report) if path else None
        if text is not None:
            read += 1
            title, description, resources = parse_content(text, node["id"])
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
