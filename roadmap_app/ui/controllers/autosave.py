"""Cheap snapshots of the model for saving in a worker thread.

The worker must not read the live model while the UI keeps editing it, so a
save starts with a snapshot taken on the UI thread. A deep copy of a 10k-node
plan takes far longer than a frame, so the snapshot is shallow where the
document guarantees it may be: the document replaces lists rather than
mutating them (resources, status history) except the roadmap's own node and
edge lists, and sets attributes on nodes and resources in place. So each node
(with its resources) is copied, edges are shared, and SnapshotCache keeps the
copies of nodes that did not change since the last snapshot: a save after a
few edits copies a few nodes. The cache fills in small slices while the app
is idle, so even the first save is cheap.
"""

from __future__ import annotations

import copy
import operator
import time

from PySide6.QtCore import QObject, QTimer

from roadmap_app.model import Node, Roadmap

PRIME_SLICE_S = 0.004  # idle-time copying per event-loop turn


def copy_node(node: Node) -> Node:
    """A shallow copy of the node and of each of its resources (no validation)."""
    twin = copy.copy(node)
    if node.resources:
        # Straight into the copy's own __dict__: assignment would re-validate the list.
        twin.__dict__["resources"] = [copy.copy(r) for r in node.resources]
    return twin


def snapshot_for_save(roadmap: Roadmap, cache: SnapshotCache | None = None) -> Roadmap:
    """A copy of `roadmap` the worker may read while the UI edits the original."""
    nodes = [copy_node(n) for n in roadmap.nodes] if cache is None else cache.copies_of(roadmap.nodes)
    return roadmap.model_copy(update={
        "nodes": nodes,
        "edges": list(roadmap.edges),  # edges are never changed in place
        "plan": copy.copy(roadmap.plan),
        "stages": list(roadmap.stages),
    })


class SnapshotCache(QObject):
    """Node copies that stay valid until the document says the node changed."""

    def __init__(self, document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._copies: dict[str, tuple[Node, Node]] = {}  # id -> (live node, copy)
        # The last copies_of: the live list, its copies, and each id's position.
        self._last: tuple[list[Node], list[Node], dict[str, int]] = ([], [], {})
        self._dirty: set[str] = set()  # ids the document reported changed since then
        for signal in (document.node_changed, document.node_moved, document.node_removed,
                       document.node_added):
            signal.connect(self._forget)
        document.roadmap_reset.connect(self._reset)
        self._prime_at = 0
        self._primed: tuple[list[Node], list[Node]] = ([], [])  # live nodes primed so far, their copies
        self._timer = QTimer(self)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._prime_slice)

    def _forget(self, node_id: str) -> None:
        self._copies.pop(node_id, None)
        self._dirty.add(node_id)

    def copies_of(self, nodes: list[Node]) -> list[Node]:
        """copy_of for each node, in ~1 ms for 10k nodes when few changed since the last call.

        The last answer is reused when the list holds the same node objects (compared in
        C) and only the nodes the document reported changed are copied again.
        """
        live, copies, index = self._last
        dirty, self._dirty = self._dirty, set()
        if len(live) == len(nodes) and all(map(operator.is_, nodes, live)):
            out = list(copies)
            for node_id in dirty:
                i = index.get(node_id)
                if i is not None:
                    out[i] = self.copy_of(nodes[i])
            self._last = (live, out, index)
            return out
        cached = self._copies
        out = []
        for node in nodes:
            hit = cached.get(node.id)
            out.append(hit[1] if hit is not None and hit[0] is node else self.copy_of(node))
        self._last = (list(nodes), out, {node.id: i for i, node in enumerate(nodes)})
        return out

    def _reset(self) -> None:
        self._copies.clear()
        self._last = ([], [], {})

    def copy_of(self, node: Node) -> Node:
        cached = self._copies.get(node.id)
        if cached is not None and cached[0] is node:
            return cached[1]
        twin = copy_node(node)
        self._copies[node.id] = (node, twin)
        return twin

    def snapshot(self) -> Roadmap:
        return snapshot_for_save(self.document.roadmap, self)

    def prime(self) -> None:
        """Fill the cache in small slices while the event loop is idle."""
        self._prime_at = 0
        self._primed = ([], [])
        self._timer.start()

    def _prime_slice(self) -> None:
        nodes = self.document.roadmap.nodes
        live, copies = self._primed
        end = time.perf_counter() + PRIME_SLICE_S
        while self._prime_at < len(nodes) and time.perf_counter() < end:
            node = nodes[self._prime_at]
            live.append(node)
            copies.append(self.copy_of(node))
            self._prime_at += 1
        if self._prime_at >= len(nodes):
            self._timer.stop()
            self._primed = ([], [])
            # Hand the first copies_of a ready answer (else it walks all nodes, ~15 ms at 10k),
            # unless one already ran or the list changed meanwhile; nodes changed in place
            # since they were copied are in _dirty and get copied again.
            if not self._last[0] and len(live) == len(nodes) and all(map(operator.is_, live, nodes)):
                self._last = (live, copies, {node.id: i for i, node in enumerate(live)})
