"""What to do next: ready nodes ranked, and the open prerequisites of a node.

A node is ready when it is open (not started or in progress) and what it depends on
through prerequisite or progression edges is closed (done or skipped): every all-of
source, and one alternative of each "any of" group (see routes.py).

Next steps follow the route and the stages: nodes off the route are not suggested,
and a node of a later stage is not suggested while an earlier stage on the route has
ready work, unless it is a practice (practices run alongside everything).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import EdgeKind, NodeKind, Roadmap, Status
from .cost import remaining_hours
from .routes import group_met
from .schedule import Schedule

_CLOSED = (Status.DONE, Status.SKIPPED)


@dataclass(frozen=True)
class Recommendation:
    id: str
    title: str
    stage: str
    hours: float  # remaining hours
    status: Status
    on_goal_path: bool  # the goal needs it (always true without a goal)
    on_critical_path: bool


def _ordering_preds(roadmap: Roadmap) -> dict[str, list[str]]:
    preds: dict[str, list[str]] = {n.id: [] for n in roadmap.nodes}
    related = EdgeKind.RELATED
    for edge in roadmap.edges:
        if edge.kind is not related and edge.source in preds:
            target = preds.get(edge.target)
            if target is not None:
                target.append(edge.source)
    return preds


def ready_ids(roadmap: Roadmap) -> list[str]:
    """Open nodes whose prerequisites are met, in file order."""
    met = group_met(roadmap)
    return [n.id for n in roadmap.nodes if n.status not in _CLOSED and met[n.id]]


def next_steps(roadmap: Roadmap, plan: Schedule, limit: int | None = None) -> list[Recommendation]:
    """Ready nodes ranked: on the goal's critical path first, then on the goal's
    path, then the rest; within each group the shortest first (quick wins), then
    file order. `plan` is the current schedule (it knows the goal's scope and the
    critical path), so the panel and the schedule agree."""
    by_id = roadmap.node_map()
    order = {n.id: i for i, n in enumerate(roadmap.nodes)}
    in_plan = set(plan.ids)
    critical = plan.critical_ids
    # Without a route (a plan that could not be projected), every node counts as on it.
    on_route = set(plan.route) if plan.route else set(by_id)
    # Alternatives the route did not choose are "not on my route": never suggested.
    not_mine = {e.source for e in roadmap.edges if e.group} - on_route
    stage_rank = {stage: k for k, stage in enumerate(roadmap.stage_order())}
    ready = [i for i in ready_ids(roadmap) if i not in not_mine]
    earliest = min((stage_rank[by_id[i].stage] for i in ready
                    if i in on_route and by_id[i].kind is not NodeKind.PRACTICE), default=0)
    ranked = []
    for node_id in ready:
        node = by_id[node_id]
        if node.kind is not NodeKind.PRACTICE and stage_rank[node.stage] > earliest:
            continue  # an earlier stage on the route still has ready work
        on_path = node_id in in_plan
        rec = Recommendation(
            id=node_id,
            title=node.title,
            stage=node.stage,
            hours=remaining_hours(node),
            status=node.status,
            on_goal_path=on_path,
            on_critical_path=node_id in critical,
        )
        tier = 0 if (on_path and rec.on_critical_path) else 1 if on_path else 2
        ranked.append(((tier, rec.hours, order[node_id]), rec))
    ranked.sort(key=lambda pair: pair[0])
    result = [rec for _key, rec in ranked]
    return result if limit is None else result[:limit]


def open_prerequisites(roadmap: Roadmap, node_id: str) -> list[str]:
    """The open nodes that `node_id` still waits for, nearest first.

    Follows ordering edges backwards through open nodes only: a closed node no
    longer blocks what it unlocks, so what lies behind it is not asked about.
    """
    by_id = roadmap.node_map()
    preds = _ordering_preds(roadmap)
    if node_id not in preds:
        return []
    seen = {node_id}
    result: list[str] = []
    frontier = [node_id]
    while frontier:  # breadth first: direct prerequisites come first
        following: list[str] = []
        for current in frontier:
            for p in preds[current]:
                if p not in seen and not by_id[p].status.is_closed:
                    seen.add(p)
                    result.append(p)
                    following.append(p)
        frontier = following
    return result
