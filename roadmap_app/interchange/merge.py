"""Updates that keep progress: merge a newer version of a roadmap into the user's plan.

Nodes are matched by their stable ids (our files, or roadmap.sh ids kept on re-import).
- Nodes and resources new upstream are added.
- For a node on both sides, the upstream content wins (title, description, kind, stage,
  hours, resources' texts) and the user's own data stays: status, status history,
  notes, target date, position, collapsed, and resource statuses and notes. Resources
  are matched by id, then by URL; the user's own resources (origin user) are never
  replaced or dropped.
- A node removed upstream is kept, marked `removed_upstream`, when it carries the
  user's progress (a status other than not started, a target date, notes, own
  resources or resource progress); otherwise it is dropped. Nodes the user added
  (origin user) are always kept.
- Edges follow the update; the user's edges that touch a kept node come along when both
  ends exist, unless one would close a cycle, which is dropped and reported.
- The plan (id, goal, hours, start) stays the user's; roadmap texts come from the update.

`merge(merge(m, t)[0], t)[0] == merge(m, t)[0]`: merging the same update twice changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from ..graph.rules import validate_roadmap, would_create_cycle
from ..model import Edge, Node, Origin, Resource, Roadmap, Status

CONTENT_FIELDS = ("title", "description", "kind", "stage", "estimated_hours",
                  "duration_weeks", "learned_in", "optional", "why")
USER_FIELDS = ("status", "status_history", "notes", "target_date", "position", "collapsed",
               "completed_on", "color")


@dataclass
class MergeSummary:
    """What a merge did, for the CLI and the GUI preview (ids, in roadmap order)."""

    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept_removed: list[str] = field(default_factory=list)  # removed upstream, kept for the user's data
    kept_user: list[str] = field(default_factory=list)  # the user's own nodes
    resources_added: int = 0
    dropped_edges: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    titles: dict[str, str] = field(default_factory=dict)  # every listed id -> its title, for display

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed or self.kept_removed or self.resources_added
                    or self.dropped_edges)

    def lines(self) -> list[str]:
        out = [
            f"{len(self.added)} new nodes, {len(self.updated)} updated, {len(self.removed)} removed",
            f"{len(self.kept_removed)} removed upstream but kept for your progress or notes",
            f"{len(self.kept_user)} of your own nodes kept",
            f"{self.resources_added} new resources",
        ]
        out += [f"dropped your edge {message}" for message in self.dropped_edges]
        return out + self.warnings


def has_user_data(node: Node) -> bool:
    return (
        node.status is not Status.NOT_STARTED
        or bool(node.notes.strip())
        or node.target_date is not None
        or any(_resource_has_user_data(r) for r in node.resources)
    )


def _resource_has_user_data(resource: Resource) -> bool:
    return resource.origin is Origin.USER or resource.status is not Status.NOT_STARTED or bool(
        resource.notes.strip())


def merge_resources(mine: list[Resource], theirs: list[Resource]) -> tuple[list[Resource], int]:
    """Upstream resources (keeping the user's status and notes), then the user's leftovers."""
    by_id = {r.id: r for r in mine}
    theirs_ids = {r.id for r in theirs}
    by_url: dict[str, Resource] = {}
    for res in mine:
        if res.url and res.origin is not Origin.USER and res.id not in theirs_ids:
            by_url.setdefault(res.url, res)
    used: set[str] = set()
    out: list[Resource] = []
    added = 0
    for upstream in theirs:
        match = by_id.get(upstream.id)
        if match is not None and match.origin is Origin.USER:
            out.append(match)  # the user's own resource wins over an upstream one with its id
            used.add(match.id)
            continue
        if match is None and upstream.url:
            candidate = by_url.get(upstream.url)
            match = candidate if candidate is not None and candidate.id not in used else None
        if match is None:
            out.append(upstream)
            added += 1
            continue
        used.add(match.id)
        out.append(upstream.model_copy(update={"status": match.status, "notes": match.notes}))
    out_ids = {r.id for r in out}
    out.extend(r for r in mine if r.id not in used and r.id not in out_ids and _resource_has_user_data(r))
    return out, added


def _merge_node(mine: Node, theirs: Node) -> tuple[Node, int]:
    resources, added = merge_resources(mine.resources, theirs.resources)
    data = {**(mine.model_extra or {}), **(theirs.model_extra or {})}
    data.update({name: getattr(theirs, name) for name in CONTENT_FIELDS})
    data.update({name: getattr(mine, name) for name in USER_FIELDS})
    data.update(
        id=theirs.id, resources=resources, removed_upstream=False,
        origin=Origin.USER if mine.origin is Origin.USER else theirs.origin,
    )
    return Node.model_validate(data), added


def merge(mine: Roadmap, theirs: Roadmap) -> tuple[Roadmap, MergeSummary]:
    """Merge the update `theirs` into the user's plan `mine`; neither is modified."""
    summary = MergeSummary()
    mine_nodes = mine.node_map()
    nodes: list[Node] = []
    for upstream in theirs.nodes:
        own = mine_nodes.get(upstream.id)
        if own is None:
            nodes.append(upstream.model_copy(deep=True))
            summary.added.append(upstream.id)
            summary.resources_added += len(upstream.resources)
            continue
        merged, added = _merge_node(own, upstream)
        summary.resources_added += added
        if any(getattr(own, f) != getattr(merged, f) for f in (*CONTENT_FIELDS, "resources")):
            summary.updated.append(upstream.id)
        nodes.append(merged)
    theirs_ids = {n.id for n in theirs.nodes}
    kept_only: set[str] = set()
    for own in mine.nodes:
        if own.id in theirs_ids:
            continue
        if own.origin is Origin.USER:
            nodes.append(own.model_copy(deep=True))
            summary.kept_user.append(own.id)
        elif has_user_data(own):
            nodes.append(own.model_copy(deep=True, update={"removed_upstream": True}))
            summary.kept_removed.append(own.id)
        else:
            summary.removed.append(own.id)
            continue
        kept_only.add(own.id)
    summary.titles = {n.id: n.title for n in (*mine.nodes, *theirs.nodes)}
    edges = _merge_edges(mine, theirs, {n.id for n in nodes}, kept_only, summary)
    stages = list(theirs.stages)
    stages += [s for s in dict.fromkeys(n.stage for n in nodes if n.id in kept_only)
               if s and s not in stages]
    plan = mine.plan.model_copy(deep=True)
    if plan.goal is not None and plan.goal not in {n.id for n in nodes}:
        summary.warnings.append(f"your goal {plan.goal} was removed upstream; the plan has no goal now")
        plan = plan.model_copy(update={"goal": None})
    data = {**(mine.model_extra or {}), **(theirs.model_extra or {})}
    data.update(
        id=mine.id, title=theirs.title, description=theirs.description, author=theirs.author,
        version=theirs.version, stages=stages, nodes=nodes, edges=edges, plan=plan,
    )
    result = Roadmap.model_validate(data)
    validate_roadmap(result)
    return result, summary


def _merge_edges(
    mine: Roadmap, theirs: Roadmap, ids: set[str], kept_only: set[str], summary: MergeSummary
) -> list[Edge]:
    edges = [e.model_copy(deep=True) for e in theirs.edges]
    keys = {e.key for e in edges}
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from((e.source, e.target) for e in edges if e.kind.is_ordering)
    for edge in mine.edges:
        if not ({edge.source, edge.target} & kept_only) or edge.key in keys:
            continue
        if edge.source not in ids or edge.target not in ids:
            continue  # its other end was removed upstream without user data
        if edge.kind.is_ordering and would_create_cycle(graph, edge.source, edge.target):
            summary.dropped_edges.append(f"{edge.source} -> {edge.target}: it would close a cycle "
                                         "with the update's edges")
            continue
        edges.append(edge.model_copy(deep=True))
        keys.add(edge.key)
        if edge.kind.is_ordering:
            graph.add_edge(edge.source, edge.target)
    return edges
