"""Edges that start or end at a group box, as edges between the group's members.

In yEd, an arrow into a group box says "this leads into that phase" and an arrow out of
it "after that phase". Groups become stages, not cards, so such an edge is connected to
the members where the phase starts (members without a predecessor inside the group) or
ends (members without a successor inside it). Every edge to a group is followed at most
MAX_FANOUT ways; beyond that, or for an empty group, it is left out and reported.

Linear in the edges times the nesting depth (bounded by the XML depth limit).
"""

from __future__ import annotations

from collections import defaultdict

from .graphml_read import GEdge, GraphmlDoc
from .report import ImportReport

MAX_FANOUT = 16  # more and the canvas fills with edges nobody drew


def _ancestors(doc: GraphmlDoc, node_id: str) -> list[str]:
    chain = []
    parent = doc.nodes[node_id].parent if node_id in doc.nodes else None
    while parent is not None and parent in doc.nodes and len(chain) < 64:
        chain.append(parent)
        parent = doc.nodes[parent].parent
    return chain


def expand_group_edges(doc: GraphmlDoc, groups: set[str], report: ImportReport) -> None:
    """Replace edges at groups in `doc.edges` by edges between members (in place)."""
    at_groups = [e for e in doc.edges if e.source in groups or e.target in groups]
    if not at_groups:
        return
    members: dict[str, list[str]] = defaultdict(list)  # group -> leaf members, in file order
    ancestors: dict[str, list[str]] = {}
    for node_id in doc.nodes:
        if node_id not in groups:
            ancestors[node_id] = _ancestors(doc, node_id)
            for group in ancestors[node_id]:
                members[group].append(node_id)
    has_pred: set[tuple[str, str]] = set()  # (group, member) with a predecessor inside the group
    has_succ: set[tuple[str, str]] = set()
    for edge in doc.edges:
        if edge.source in ancestors and edge.target in ancestors and edge.directed:
            common = set(ancestors[edge.source]).intersection(ancestors[edge.target])
            for group in common:
                has_pred.add((group, edge.target))
                has_succ.add((group, edge.source))

    def ends(node_id: str, as_target: bool) -> list[str]:
        if node_id not in groups:
            return [node_id]
        marks = has_pred if as_target else has_succ
        return [m for m in members.get(node_id, []) if (node_id, m) not in marks]

    kept = [e for e in doc.edges if e.source not in groups and e.target not in groups]
    made = lost = 0
    for edge in at_groups:
        sources, targets = ends(edge.source, False), ends(edge.target, True)
        pairs = [(s, t) for s in sources for t in targets if s != t] \
            if len(sources) * len(targets) <= MAX_FANOUT else []
        if not pairs:
            lost += 1
            continue
        for source, target in pairs:
            kept.append(GEdge(source, target, edge.directed, edge.line, dict(edge.data), edge.graphics,
                              edge.desc))
        made += len(pairs)
    doc.edges = kept
    if made:
        report.warn(f"{len(at_groups) - lost} edges at group boxes were connected to the groups' first "
                    f"or last members ({made} edges)")
    if lost:
        report.drop("edges to groups", lost, why=f"dropped {lost} edges at group boxes that are empty "
                    f"or have more than {MAX_FANOUT} ways in or out")
