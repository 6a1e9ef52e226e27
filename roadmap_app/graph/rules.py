"""Structural rules of a roadmap, with typed errors and cheap boolean forms."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..model import (
    CycleError,
    DanglingEdgeError,
    DuplicateEdgeError,
    DuplicateIdError,
    EdgeKind,
    Roadmap,
    SelfLoopError,
)
from .build import to_digraph

if TYPE_CHECKING:
    import networkx as nx  # imported lazily: loading a plan needs no networkx


def _short(node_ids: list[str], limit: int = 8) -> str:
    shown = ", ".join(node_ids[:limit])
    return shown + (f" and {len(node_ids) - limit} more" if len(node_ids) > limit else "")


def validate_roadmap(roadmap: Roadmap) -> None:
    """Raise the first structural problem found: ids, references, loops, cycles."""
    seen: set[str] = set()
    dups: list[str] = []
    for node in roadmap.nodes:
        if node.id in seen:
            dups.append(node.id)
        seen.add(node.id)
    if dups:
        raise DuplicateIdError(f"duplicate node id {_short(sorted(set(dups)))}")
    for node in roadmap.nodes:
        rids = [r.id for r in node.resources]
        if len(rids) != len(set(rids)):
            raise DuplicateIdError(f"node {node.id}: duplicate resource id")
    edge_keys: set[tuple[str, str, str]] = set()
    for index, edge in enumerate(roadmap.edges):
        for end in (edge.source, edge.target):
            if end not in seen:
                raise DanglingEdgeError(
                    f"edges[{index}]: {edge.source} -> {edge.target} refers to missing node {end}"
                )
        if edge.source == edge.target:
            raise SelfLoopError(f"edges[{index}]: node {edge.source} points to itself")
        if edge.key in edge_keys:
            raise DuplicateEdgeError(f"edges[{index}]: duplicate edge {edge.source} -> {edge.target}")
        edge_keys.add(edge.key)
    if roadmap.plan.goal is not None and roadmap.plan.goal not in seen:
        raise DanglingEdgeError(f"plan.goal refers to missing node {roadmap.plan.goal}")
    if _has_ordering_cycle(roadmap):  # only then build the graph, to name the cycle
        import networkx as nx

        graph = to_digraph(roadmap, ordering_only=True)
        cycle = [u for u, _v in nx.find_cycle(graph)]
        raise CycleError(cycle)


def _has_ordering_cycle(roadmap: Roadmap) -> bool:
    """Kahn's algorithm on the ordering edges: several times faster than a networkx DiGraph."""
    successors: dict[str, list[str]] = {}
    indegree: dict[str, int] = dict.fromkeys((n.id for n in roadmap.nodes), 0)
    for edge in roadmap.edges:
        if edge.kind is EdgeKind.RELATED or edge.source not in indegree or edge.target not in indegree:
            continue
        successors.setdefault(edge.source, []).append(edge.target)
        indegree[edge.target] += 1
    ready = [node_id for node_id, degree in indegree.items() if degree == 0]
    seen = 0
    while ready:
        node_id = ready.pop()
        seen += 1
        for target in successors.get(node_id, ()):
            indegree[target] -= 1
            if indegree[target] == 0:
                ready.append(target)
    return seen < len(indegree)


def would_create_cycle(graph: nx.DiGraph, source: str, target: str) -> bool:
    """True if adding source -> target to an ordering graph closes a cycle."""
    if source == target:
        return True
    if source not in graph or target not in graph:
        return False
    import networkx as nx

    return nx.has_path(graph, target, source)


def check_new_edge(roadmap: Roadmap, source: str, target: str, kind: EdgeKind) -> None:
    """Raise if the edge may not be added (missing node, self-loop, duplicate, cycle)."""
    ids = {n.id for n in roadmap.nodes}
    for end in (source, target):
        if end not in ids:
            raise DanglingEdgeError(f"no node {end}")
    if source == target:
        raise SelfLoopError("a node cannot depend on itself")
    if any(e.key == (source, target, kind.value) for e in roadmap.edges):
        raise DuplicateEdgeError(f"{source} -> {target} already exists")
    if kind.is_ordering:
        graph = to_digraph(roadmap, ordering_only=True)
        if would_create_cycle(graph, source, target):
            import networkx as nx

            path = nx.shortest_path(graph, target, source)
            raise CycleError(path, "would create a cycle: " + " -> ".join([*path, target]))
