"""Which open nodes are locked (an ordering prerequisite still open) and which are ready.

Same rule as graph.analysis.ready_nodes/locked_nodes, kept incrementally for
the canvas: a status change only touches the node and what it unlocks.
"""

from __future__ import annotations

from ..document import RoadmapDocument
from ..model import EdgeKind


class NodeStates:
    def __init__(self, document: RoadmapDocument) -> None:
        self._document = document
        self._preds: dict[str, list[str]] | None = None
        self._succs: dict[str, list[str]] = {}
        self._locked: set[str] = set()

    def reset(self) -> None:
        """Forget everything; recomputed on the next query (after structural edits)."""
        self._preds = None

    def _ensure(self) -> dict[str, list[str]]:
        if self._preds is None:
            preds: dict[str, list[str]] = {}
            succs: dict[str, list[str]] = {}
            for edge in self._document.roadmap.edges:
                if edge.kind is not EdgeKind.RELATED:
                    preds.setdefault(edge.target, []).append(edge.source)
                    succs.setdefault(edge.source, []).append(edge.target)
            self._preds, self._succs = preds, succs
            self._locked = {n.id for n in self._document.roadmap.nodes if self._compute(n.id)}
        return self._preds

    def _compute(self, node_id: str) -> bool:
        doc = self._document
        if not doc.has_node(node_id) or doc.node(node_id).status.is_closed:
            return False
        assert self._preds is not None
        return any(doc.has_node(p) and not doc.node(p).status.is_closed for p in self._preds.get(node_id, ()))

    def locked(self, node_id: str) -> bool:
        self._ensure()
        return node_id in self._locked

    def ready(self, node_id: str) -> bool:
        self._ensure()
        doc = self._document
        return (
            doc.has_node(node_id) and not doc.node(node_id).status.is_closed and node_id not in self._locked
        )

    def status_changed(self, node_id: str) -> list[str]:
        """Update after a status change; returns the ids whose state may have changed."""
        self._ensure()
        affected = [node_id, *self._succs.get(node_id, ())]
        for nid in affected:
            if self._compute(nid):
                self._locked.add(nid)
            else:
                self._locked.discard(nid)
        return affected
