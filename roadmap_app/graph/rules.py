"""Structural rules of a roadmap, with typed errors and cheap boolean forms."""

from __future__ import annotations

import networkx as nx

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
    graph = to_digraph(roadmap, ordering_only=True)
    if not nx.is_directed_acyclic_graph(graph):
        cycle = [u for u, _v in nx.find_cycle(graph)]
        raise CycleError(cycle)


def would_create_cycle(graph: nx.DiGraph, source: str, target: str) -> bool:
    """True if adding source -> target to an ordering graph closes a cycle."""
    if source == target:
        return True
    if source not in graph or target not in graph:
        return False
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
            path = nx.shortest_path(graph, target, source)
            raise CycleError(path, "would create a cycle: " + " -> ".join([*path, target]))
