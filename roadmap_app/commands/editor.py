"""The Editor: turns user intents (ids and values) into undo commands.

Every public method is one undo step. Graph rules and field validation run
BEFORE anything is pushed: on refusal nothing reaches the undo stack and a
typed error from roadmap_app.model.errors (or pydantic's ValueError for a bad
field value) is raised for the caller to show.
"""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from ..document import RoadmapDocument
from ..graph import check_new_edge
from ..model import (
    DuplicateIdError,
    Edge,
    EdgeKind,
    LayoutDirection,
    Node,
    NodeKind,
    Origin,
    Position,
    Resource,
    Roadmap,
    RoadmapError,
    Status,
    UnknownNodeError,
)
from .career_edits import CareerEdits
from .edge_commands import AddEdgeCommand, RemoveEdgeCommand
from .macro import MacroCommand
from .node_commands import (
    AddNodeCommand,
    MoveNodesCommand,
    RemoveNodeCommand,
    SetStatusCommand,
    UpdateNodeCommand,
)
from .resource_commands import (
    AddResourceCommand,
    MoveResourceCommand,
    RemoveResourceCommand,
    UpdateResourceCommand,
)
from .roadmap_commands import ReplaceRoadmapCommand, SetPlanCommand, SetRoadmapInfoCommand

NODE_FIELDS = (
    "title",
    "kind",
    "stage",
    "description",
    "estimated_hours",
    "target_date",
    "notes",
    "collapsed",
)
RESOURCE_FIELDS = (
    "title",
    "url",
    "kind",
    "provider",
    "cost",
    "estimated_hours",
    "status",
    "notes",
    "tags",
)
PLAN_FIELDS = ("goal", "hours_per_week", "weekday_hours", "start_date", "practice_hours_per_week")

_FIELD_LABELS = {
    "title": "Rename node",
    "kind": "Change kind",
    "stage": "Change stage",
    "description": "Edit description",
    "estimated_hours": "Edit hours",
    "target_date": "Edit target date",
    "notes": "Edit notes",
    "collapsed": "Collapse node",
}
_EDGE_LABELS = {
    EdgeKind.PREREQUISITE: "prerequisite",
    EdgeKind.PROGRESSION: "progression",
    EdgeKind.RELATED: "related link",
}


def _count(n: int, word: str) -> str:
    return f"{word}" if n == 1 else f"{n} {word}s"


class Editor(CareerEdits):
    def __init__(self, document: RoadmapDocument) -> None:
        self.document = document

    @property
    def undo_stack(self) -> QUndoStack:
        return self.document.undo_stack

    def _push(self, command: QUndoCommand) -> None:
        if self.document.read_only_reason:  # the last guard: the window disables editing too
            raise RoadmapError(f"the plan is open read-only: {self.document.read_only_reason}")
        self.document.undo_stack.push(command)

    def _require(self, node_id: str) -> Node:
        return self.document.node(node_id)  # raises UnknownNodeError

    # -- nodes -----------------------------------------------------------
    def add_node(
        self,
        title: str = "New skill",
        kind: NodeKind = NodeKind.SKILL,
        stage: str = "",
        position: Position | None = None,
    ) -> str:
        node_id = self._new_node_id()
        node = Node(id=node_id, title=title, kind=kind, stage=stage, position=position, origin=Origin.USER)
        self._push(AddNodeCommand(self.document, node, text="Add node"))
        return node_id

    def _new_node_id(self) -> str:
        while True:
            node_id = "n-" + uuid.uuid4().hex[:10]
            if not self.document.has_node(node_id):
                return node_id

    def update_node(self, node_id: str, **fields: Any) -> None:
        node = self._require(node_id)
        unknown = set(fields) - set(NODE_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit node field(s): {', '.join(sorted(unknown))}")
        probe = node.model_copy()
        for name, value in fields.items():
            setattr(probe, name, value)  # validates (validate_assignment) without touching the model
        changed = {n: getattr(probe, n) for n in fields if getattr(probe, n) != getattr(node, n)}
        if not changed:
            return
        text = _FIELD_LABELS[next(iter(changed))] if len(changed) == 1 else "Edit node"
        self._push(UpdateNodeCommand(self.document, node_id, changed, text=text))

    def set_status(self, node_ids: list[str], status: Status) -> None:
        status = Status(status)
        ids = [nid for nid in dict.fromkeys(node_ids) if self._require(nid).status is not status]
        if not ids:
            return
        # A done date belongs to "done": reopening drops it, so marking done again later
        # is dated then, not on the day of the first completion.
        dated = [nid for nid in ids if status is not Status.DONE and self.document.node(nid).completed_on]
        if not dated:
            self._push(SetStatusCommand(self.document, ids, status))
            return
        macro = MacroCommand(f"Set status to {status.label}")
        macro.adopt(SetStatusCommand(self.document, ids, status))
        for node_id in dated:
            macro.adopt(UpdateNodeCommand(self.document, node_id, {"completed_on": None}))
        self._push(macro)

    def delete_nodes(self, node_ids: list[str]) -> None:
        ids = list(dict.fromkeys(node_ids))
        for node_id in ids:
            self._require(node_id)
        if not ids:
            return
        doomed = set(ids)
        macro = MacroCommand("Delete " + _count(len(ids), "node"))
        # Highest index first, so every child removes what it recorded; undo
        # runs the children backwards and puts each edge back where it was.
        edges = [
            (i, e)
            for i, e in enumerate(self.document.roadmap.edges)
            if e.source in doomed or e.target in doomed
        ]
        for _index, edge in reversed(edges):
            macro.adopt(RemoveEdgeCommand(self.document, edge.key))
        plan = self.document.roadmap.plan
        if plan.goal in doomed:
            macro.adopt(SetPlanCommand(self.document, {"goal": None}))
        order = {n.id: i for i, n in enumerate(self.document.roadmap.nodes)}
        for node_id in sorted(ids, key=order.__getitem__, reverse=True):
            macro.adopt(RemoveNodeCommand(self.document, node_id))
        self._push(macro)

    def move_nodes(self, positions: dict[str, Position], drag_id: str | None = None) -> None:
        changed = {nid: pos for nid, pos in positions.items() if self._require(nid).position != pos}
        if not changed:
            return
        text = "Move " + _count(len(changed), "node")
        self._push(MoveNodesCommand(self.document, changed, text=text, drag_id=drag_id))

    def auto_layout(self) -> None:
        positions = _layout_positions(self.document.roadmap)
        changed = {
            nid: Position(x=x, y=y)
            for nid, (x, y) in positions.items()
            if self.document.has_node(nid) and self.document.node(nid).position != Position(x=x, y=y)
        }
        if changed:
            self._push(MoveNodesCommand(self.document, changed, text="Auto-layout"))

    def set_layout_direction(self, direction: LayoutDirection) -> None:
        """Lay the plan out in `direction`, saved in the file. Cards placed by hand are laid
        out afresh in the new direction (one undo step); a plan without placed cards keeps
        none, so the canvas lays it out."""
        roadmap = self.document.roadmap
        if roadmap.layout_direction == direction:
            return
        label = "left to right" if direction == LayoutDirection.LEFT_TO_RIGHT else "top to bottom"
        macro = MacroCommand(f"Lay out {label}")
        macro.adopt(SetRoadmapInfoCommand(self.document, {"layout_direction": direction}, macro.text()))
        if any(node.position is not None for node in roadmap.nodes):
            turned = roadmap.model_copy(update={"layout_direction": direction})
            positions = {nid: Position(x=x, y=y) for nid, (x, y) in _layout_positions(turned).items()}
            macro.adopt(MoveNodesCommand(self.document, positions, text=macro.text()))
        self._push(macro)

    # -- edges -----------------------------------------------------------
    def can_connect(self, source: str, target: str, kind: EdgeKind = EdgeKind.PREREQUISITE) -> bool:
        """Cheap enough for hover feedback: uses the document's cached graph."""
        doc = self.document
        if source == target or not doc.has_node(source) or not doc.has_node(target):
            return False
        kind = EdgeKind(kind)
        graph = doc.graph()
        if graph.has_edge(source, target) and any(
            e.key == (source, target, kind.value) for e in doc.roadmap.edges
        ):
            return False
        if not kind.is_ordering:
            return True
        import networkx as nx  # lazily, as in graph.build: not needed at startup

        ordering = nx.subgraph_view(graph, filter_edge=lambda u, v: graph[u][v]["kind"].is_ordering)
        return not nx.has_path(ordering, target, source)

    def connect(self, source: str, target: str, kind: EdgeKind = EdgeKind.PREREQUISITE) -> None:
        kind = EdgeKind(kind)
        self._require(source)
        self._require(target)
        check_new_edge(self.document.roadmap, source, target, kind)  # raises the typed error
        edge = Edge(source=source, target=target, kind=kind)
        self._push(AddEdgeCommand(self.document, edge, text=f"Connect {_EDGE_LABELS[kind]}"))

    def disconnect(self, source: str, target: str, kind: EdgeKind = EdgeKind.PREREQUISITE) -> None:
        key = (source, target, EdgeKind(kind).value)
        if not any(e.key == key for e in self.document.roadmap.edges):
            raise UnknownNodeError(f"no {key[2]} edge {source} -> {target}")
        self._push(RemoveEdgeCommand(self.document, key, text=f"Remove {_EDGE_LABELS[EdgeKind(kind)]}"))

    # -- resources -------------------------------------------------------
    def add_resource(self, node_id: str, resource: Resource) -> None:
        node = self._require(node_id)
        if node.resource(resource.id) is not None:
            raise DuplicateIdError(f"node {node_id} already has a resource {resource.id}")
        self._push(AddResourceCommand(self.document, node_id, resource))

    def update_resource(self, node_id: str, resource_id: str, **fields: Any) -> None:
        resource = self._resource(node_id, resource_id)
        unknown = set(fields) - set(RESOURCE_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit resource field(s): {', '.join(sorted(unknown))}")
        probe = resource.model_copy()
        for name, value in fields.items():
            setattr(probe, name, value)
        changed = {n: getattr(probe, n) for n in fields if getattr(probe, n) != getattr(resource, n)}
        if changed:
            self._push(UpdateResourceCommand(self.document, node_id, resource_id, changed))

    def remove_resource(self, node_id: str, resource_id: str) -> None:
        self._resource(node_id, resource_id)
        self._push(RemoveResourceCommand(self.document, node_id, resource_id))

    def move_resource(self, node_id: str, old_index: int, new_index: int) -> None:
        count = len(self._require(node_id).resources)
        if not (0 <= old_index < count and 0 <= new_index < count):
            raise IndexError(f"resource index out of range (node has {count})")
        if old_index != new_index:
            self._push(MoveResourceCommand(self.document, node_id, old_index, new_index))

    def _resource(self, node_id: str, resource_id: str) -> Resource:
        resource = self._require(node_id).resource(resource_id)
        if resource is None:
            raise UnknownNodeError(f"no resource {resource_id} on node {node_id}")
        return resource

    # -- the roadmap as a whole -------------------------------------------
    def set_plan(self, **fields: Any) -> None:
        unknown = set(fields) - set(PLAN_FIELDS)
        if unknown:
            raise ValueError(f"cannot edit plan field(s): {', '.join(sorted(unknown))}")
        goal = fields.get("goal")
        if goal is not None:
            self._require(goal)
        plan = self.document.roadmap.plan
        probe = plan.model_copy()
        for name, value in fields.items():
            setattr(probe, name, value)
        changed = {n: getattr(probe, n) for n in fields if getattr(probe, n) != getattr(plan, n)}
        if changed:
            self._push(SetPlanCommand(self.document, changed))

    def replace_roadmap(self, roadmap: Roadmap, text: str) -> None:
        self._push(ReplaceRoadmapCommand(self.document, roadmap, text))


def _layout_positions(roadmap: Roadmap) -> dict[str, tuple[float, float]]:
    try:
        from ..graph.layout import layout  # the graph engine's layered layout
    except ImportError:  # the layered layout has not landed yet: a stage-column grid
        return _grid_positions(roadmap)
    return layout(roadmap, respect_positions=False)


def _grid_positions(roadmap: Roadmap) -> dict[str, tuple[float, float]]:
    columns = {stage: i for i, stage in enumerate(roadmap.stage_order())}
    rows: dict[str, int] = {}
    out = {}
    for node in roadmap.nodes:
        row = rows.get(node.stage, 0)
        rows[node.stage] = row + 1
        out[node.id] = (columns[node.stage] * 260.0, row * 110.0)
    return out
