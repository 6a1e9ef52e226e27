"""Small helpers that turn compact template sources into a Roadmap model."""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from roadmap_app.model import Edge, EdgeKind, Node, NodeKind, Origin, PlanSettings, Resource, Roadmap

from .catalogue import CATALOGUE

EDGE_KINDS = {"pre": EdgeKind.PREREQUISITE, "prog": EdgeKind.PROGRESSION, "rel": EdgeKind.RELATED}


@dataclass
class TemplateBuilder:
    id: str
    title: str
    description: str
    stages: list[str]
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)

    def node(
        self,
        node_id: str,
        title: str,
        kind: NodeKind,
        stage: str,
        hours: float,
        description: str,
        resources: tuple[str, ...] = (),
        notes: str = "",
        *,
        duration_weeks: float | None = None,
        learned_in: str | None = None,
        optional: bool = False,
        why: str = "",
    ) -> str:
        if stage not in self.stages:
            raise ValueError(f"{node_id}: unknown stage {stage!r}")
        self.nodes.append(
            Node(
                id=node_id,
                title=title,
                kind=kind,
                stage=stage,
                estimated_hours=hours,
                description=description,
                notes=notes,
                duration_weeks=duration_weeks,
                learned_in=learned_in,
                optional=optional,
                why=why,
                resources=[self._resource(node_id, key) for key in resources],
                origin=Origin.TEMPLATE,
            )
        )
        return node_id

    @staticmethod
    def _resource(node_id: str, key: str) -> Resource:
        # Scoped by node: unique in the file and independent of the order of the sources,
        # so editing one node never renumbers another node's resources.
        return Resource(id=f"{node_id}.{key}", origin=Origin.TEMPLATE, **CATALOGUE[key])

    def edge(self, kind: str, source: str, *targets: str, group: str = "") -> None:
        """Edges from `source`; a non-empty `group` makes them "any of" alternatives."""
        for target in targets:
            self.edges.append(Edge(source=source, target=target, kind=EDGE_KINDS[kind], group=group))

    def chain(self, kind: str, *ids: str) -> None:
        for source, target in pairwise(ids):
            self.edge(kind, source, target)

    def build(self, goal: str, *, author: str = "Roadmap Planner", version: str = "1") -> Roadmap:
        return Roadmap(
            id=self.id,
            title=self.title,
            description=self.description,
            author=author,
            version=version,
            stages=self.stages,
            nodes=self.nodes,
            edges=self.edges,
            plan=PlanSettings(goal=goal, hours_per_week=10.0, start_date=None),
        )
