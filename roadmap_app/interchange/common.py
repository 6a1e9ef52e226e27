"""Helpers every importer shares: safe ids, text clean-up, caps, cycle breaking, final checks.

Foreign files are loose and sometimes hostile. These helpers turn foreign values
into values the model accepts (or a one-line FileFormatError), so each importer
only decides what things mean.
"""

from __future__ import annotations

import bisect
import hashlib
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import networkx as nx
from pydantic import ValidationError

from ..graph.rules import validate_roadmap
from ..model import Edge, EdgeKind, Node, Roadmap
from ..model.errors import ValidationProblem
from ..model.roadmap import MAX_EDGES, MAX_NODES
from ..model.text import MAX_TEXT, MAX_TITLE, MAX_URL
from ..storage.codec import describe_validation_error
from ..storage.errors import FileFormatError
from .job import checkpoint, phase
from .report import ImportReport

_ID_OK = re.compile(r"^[A-Za-z0-9_\-][A-Za-z0-9_.:\-]{0,127}$")
_ID_BAD_CHARS = re.compile(r"[^A-Za-z0-9_.:\-]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SPACES = re.compile(r"\s+")
MAX_ITEMS = 2 * MAX_NODES  # raw foreign items (incl. decoration) we look at before giving up
MAX_CYCLE_DROPS = 1_000  # more cycle-closing edges than this is not a roadmap


def is_valid_id(value: object) -> bool:
    return isinstance(value, str) and bool(_ID_OK.match(value))


def safe_id(raw: object, used: set[str], *, prefix: str = "n") -> str:
    """A valid, unused id for a foreign id: the id itself when it is valid.

    Invalid ids become their safe characters plus a short hash of the original,
    so the same foreign id maps to the same id on every import.
    """
    checkpoint()  # once per node and resource of every importer: progress and Cancel
    text = raw if isinstance(raw, str) else str(raw)
    if is_valid_id(text) and text not in used:
        used.add(text)
        return text
    base = _ID_BAD_CHARS.sub("-", text).strip("-.:")[:80] or prefix
    if not re.match(r"[A-Za-z0-9_\-]", base[0]):
        base = f"{prefix}-{base}"
    digest = hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    candidate = f"{base}-{digest}"
    counter = 2
    while candidate in used:
        candidate = f"{base}-{digest}-{counter}"
        counter += 1
        if counter == 10:
            # Thousands of the same foreign id (or resource link) made this loop count up
            # from 2 every time: quadratic. Past a few tries, jump beyond every number
            # that could be taken, so each call costs O(1) however hostile the file.
            counter = len(used) + 2
    used.add(candidate)
    return candidate


def clean_text(value: object, *, limit: int = MAX_TEXT) -> str:
    """Multi-line plain text: no lone surrogates or control characters, at most `limit` chars."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    text = _SURROGATE.sub("\ufffd", text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text)
    return text[:limit]


def clean_line(value: object, *, limit: int = MAX_TITLE) -> str:
    """One line of plain text (whitespace runs collapsed), at most `limit` chars."""
    text = clean_text(value, limit=limit * 4 + 16)
    return _SPACES.sub(" ", text).strip()[:limit].strip()


def clean_title(value: object, fallback: str, report: ImportReport, where: str) -> str:
    raw = clean_text(value, limit=MAX_TEXT)
    title = clean_line(raw)
    if len(_SPACES.sub(" ", raw).strip()) > MAX_TITLE:
        report.warn(f"{where}: title shortened to {MAX_TITLE} characters")
    return title or clean_line(fallback) or "Untitled"


def clean_url(value: object) -> str:
    if not isinstance(value, str):
        return ""
    url = clean_line(value, limit=MAX_URL + 1)
    return url if len(url) <= MAX_URL else ""


def finite_number(value: object) -> float | None:
    """A finite float from a JSON/XML number, or None (bools and strings are not numbers)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an int beyond float range (GraphML longs have no digit cap)
        return None
    return number if math.isfinite(number) else None


def check_count(what: str, count: int, limit: int = MAX_ITEMS) -> None:
    if count > limit:
        raise FileFormatError(f"too many {what} ({count}; the limit is {limit})")


def stem_id_and_title(source: Path | str | None, fallback: str) -> tuple[str, str]:
    name = Path(source).stem if source else fallback
    return safe_id(name or fallback, set(), prefix="roadmap"), clean_line(name) or fallback


def add_edges_acyclic(
    node_ids: Iterable[str],
    candidates: Iterable[tuple[str, str, EdgeKind]],
    report: ImportReport,
    *,
    label=str,
) -> list[Edge]:
    """Keep candidate edges in order, dropping duplicates, self-loops and cycle closers.

    Each dropped edge is reported with its reason. `label(node_id)` names a node in
    messages. Only edges inside strongly connected components can close a cycle;
    among those, a depth-first walk in file order picks the edges to drop.
    """
    ids = set(node_ids)
    seen: set[tuple[str, str, str]] = set()
    kept: list[tuple[str, str, EdgeKind]] = []
    for source, target, kind in candidates:
        if source not in ids or target not in ids:
            missing = source if source not in ids else target
            report.drop("edges to missing nodes", why=f"dropped edge {source} -> {target}: "
                        f"no node {missing}")
            continue
        if source == target:
            report.drop("self-loops", why=f"dropped edge {label(source)} -> itself")
            continue
        key = (source, target, kind.value)
        if key in seen:
            report.drop("duplicate edges")
            continue
        seen.add(key)
        kept.append((source, target, kind))
    check_count("edges", len(kept), MAX_EDGES)
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from((s, t) for s, t, k in kept if k.is_ordering)
    in_cycle: set[tuple[str, str]] = set()
    for component in nx.strongly_connected_components(graph):
        if len(component) > 1:
            in_cycle.update(graph.subgraph(component).edges)
    if not in_cycle:
        return [Edge(source=s, target=t, kind=k) for s, t, k in kept]
    back = _back_edges([(s, t) for s, t, k in kept if k.is_ordering and (s, t) in in_cycle])
    if len(back) > MAX_CYCLE_DROPS:
        raise FileFormatError(f"too many cycles among the edges ({len(back)} edges would have to go)")
    result: list[Edge] = []
    for source, target, kind in kept:
        if kind.is_ordering and (source, target) in back:
            report.drop("edges that closed a cycle", why=(
                f"dropped edge {label(source)} -> {label(target)}: it would close a cycle"))
            continue
        result.append(Edge(source=source, target=target, kind=kind))
    return result


def _back_edges(edges: list[tuple[str, str]]) -> set[tuple[str, str]]:
    """Edges that close a cycle in a depth-first walk in file order (iterative, O(V + E)).

    Without them the graph is acyclic; for a simple cycle this is its last edge in file order.
    """
    adjacency: dict[str, list[str]] = {}
    for source, target in edges:
        adjacency.setdefault(source, []).append(target)
    state: dict[str, int] = {}  # 1 = on the walk's stack, 2 = finished
    back: set[tuple[str, str]] = set()
    for root in adjacency:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(adjacency[root]))]
        while stack:
            node, successors = stack[-1]
            for successor in successors:
                seen = state.get(successor)
                if seen is None:
                    state[successor] = 1
                    stack.append((successor, iter(adjacency.get(successor, ()))))
                    break
                if seen == 1:
                    back.add((node, successor))
            else:
                state[node] = 2
                stack.pop()
    return back


class _PartInvalid(Exception):
    pass


def _validated_parts(data: dict[str, Any]) -> dict[str, Any]:
    """`data` with its nodes and edges validated one by one.

    One model_validate of 20,000 nodes is one C call holding the GIL for ~0.5 s, which
    froze the window while a worker imported; one call per node lets the window's
    thread in between. The Roadmap validation that follows takes the instances as they
    are and still checks what spans them (unique ids, limits).
    """
    out = dict(data)
    for key, model in (("nodes", Node), ("edges", Edge)):
        items = data.get(key)
        if isinstance(items, list):
            parts = []
            for item in items:
                if isinstance(item, model):
                    parts.append(item)
                    continue
                try:
                    parts.append(model.model_validate(item))
                except ValidationError:
                    raise _PartInvalid from None
            out[key] = parts
    return out


def build_roadmap(data: dict[str, Any]) -> Roadmap:
    """Validate a roadmap built by an importer; any problem becomes one FileFormatError line."""
    from .finish import check_resource_budget  # finish imports the codec, which imports this layer's peers

    check_resource_budget(data.get("nodes") or ())
    phase("Checking")
    try:
        roadmap = Roadmap.model_validate(_validated_parts(data))
    except ValidationError:
        try:  # the whole document again, for the message that names the node by its place
            Roadmap.model_validate(data)
        except ValidationError as exc:
            raise FileFormatError(describe_validation_error(exc)) from None
        raise
    except _PartInvalid:
        try:
            Roadmap.model_validate(data)
        except ValidationError as exc:
            raise FileFormatError(describe_validation_error(exc)) from None
        raise FileFormatError("the imported plan is not valid") from None
    try:
        validate_roadmap(roadmap)
    except ValidationProblem as exc:
        raise FileFormatError(str(exc)) from None
    return roadmap


def nodes_by_stage(roadmap: Roadmap) -> list[tuple[str, list]]:
    """(stage, nodes) in stage order; inside a stage, prerequisites before what they unlock.

    Stages without nodes are left out. The order is deterministic: ties keep file order.
    """
    index = {node.id: i for i, node in enumerate(roadmap.nodes)}
    graph = nx.DiGraph()
    graph.add_nodes_from(index)
    graph.add_edges_from(
        (e.source, e.target) for e in roadmap.edges
        if e.kind.is_ordering and e.source in index and e.target in index
    )
    try:
        order = list(nx.lexicographical_topological_sort(graph, key=index.__getitem__))
    except nx.NetworkXUnfeasible:  # not validated yet: fall back to file order
        order = list(index)
    rank = {node_id: i for i, node_id in enumerate(order)}
    groups: dict[str, list] = {stage: [] for stage in roadmap.stage_order()}
    for node in roadmap.nodes:
        groups[node.stage].append(node)
    return [(stage, sorted(nodes, key=lambda n: rank[n.id])) for stage, nodes in groups.items() if nodes]


def unique_name(name: str, used: set[str], *, limit: int = MAX_TITLE) -> str:
    """`name`, or `name (2)`, `name (3)`… cut so the suffix always fits: the loop ends.

    Cutting a long name back to `limit` after adding the suffix gave the same name
    again, which looped forever on two 300-character stage names.
    """
    name = name[:limit]
    candidate, counter = name, 1
    while candidate in used:
        counter += 1
        suffix = f" ({counter})"
        candidate = name[: limit - len(suffix)].rstrip() + suffix
    used.add(candidate)
    return candidate


_MARKDOWN_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape_markdown(text: str) -> str:
    """Remove Markdown backslash escapes: `Python_\\(language\\)` -> `Python_(language)`."""
    return _MARKDOWN_ESCAPE.sub(r"\1", text)


def strip_inline_links(line: str) -> str:
    """`[label](target)` and `![label](target)` -> `label`, in O(n log n).

    Same result as the pattern `!?\\[((?:\\\\.|[^\\]\\\\])*)\\]\\([^)]*\\)`, which
    backtracked to O(n²) on a line of 50,000 `[` (50 s). The first unescaped `]`
    after each `[` and the first `)` after it are found from sorted position lists.
    """
    if "[" not in line or "](" not in line:
        return line
    closes: list[int] = []
    run = 0  # backslashes just before the current character
    for i, ch in enumerate(line):
        if ch == "]" and run % 2 == 0:
            closes.append(i)
        run = run + 1 if ch == "\\" else 0
    parens = [i for i, ch in enumerate(line) if ch == ")"]
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        start = i + 1 if line[i] == "!" and line.startswith("[", i + 1) else i
        if line[start] == "[":
            k = bisect.bisect_right(closes, start)
            if k < len(closes) and line.startswith("(", closes[k] + 1):
                p = bisect.bisect_right(parens, closes[k] + 1)
                if p < len(parens):
                    out.append(line[start + 1: closes[k]])
                    i = parens[p] + 1
                    continue
        out.append(line[i])
        i += 1
    return "".join(out)


_EMPHASIS_MARKS = ("**", "*", "~~", "`")


def strip_inline_emphasis(line: str) -> str:
    """`**bold**`, `*em*`, `~~struck~~` and `` `code` `` -> their text, in O(n log n).

    Same result as `(?<![\\\\\\w])(\\*\\*|\\*|~~|`)(?=\\S)(.+?)(?<=[^\\s\\\\])\\1`, which
    backtracked to O(n²) (16,000 repetitions of ` *a` took 17 s): for each mark the
    positions that may close it (after a character that is neither space nor
    backslash) are listed once, and each opener looks up the first one after it.
    """
    if not any(mark in line for mark in _EMPHASIS_MARKS):
        return line
    if "\n" in line:  # the pattern's `.` stops at a line end: each line on its own
        return "\n".join(strip_inline_emphasis(part) for part in line.split("\n"))
    closers: dict[str, list[int]] = {}
    for mark in _EMPHASIS_MARKS:
        spots: list[int] = []
        at = line.find(mark, 1)
        while at != -1:
            before = line[at - 1]
            if not before.isspace() and before != "\\":
                spots.append(at)
            at = line.find(mark, at + 1)
        closers[mark] = spots
    out: list[str] = []
    i, n = 0, len(line)
    while i < n:
        before = line[i - 1] if i else ""
        matched = False
        if not (before == "\\" or (before and (before.isalnum() or before == "_"))):
            for mark in _EMPHASIS_MARKS:
                body = i + len(mark)
                if not line.startswith(mark, i) or body >= n or line[body].isspace():
                    continue
                spots = closers[mark]
                k = bisect.bisect_left(spots, body + 1)
                if k < len(spots):
                    out.append(line[body: spots[k]])
                    i = spots[k] + len(mark)
                    matched = True
                    break
        if not matched:
            out.append(line[i])
            i += 1
    return "".join(out)


def strip_inline_markdown(line: str) -> str:
    """Inline links, then emphasis, as plain text (both linear-time scanners)."""
    return strip_inline_emphasis(strip_inline_links(line))
