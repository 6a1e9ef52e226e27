"""What changes between two versions of a roadmap, for people to read.

`diff_roadmaps(old, new)` compares two roadmaps by node, resource and edge id
(pure, no Qt) and returns a RoadmapDiff: the recovery prompt and the "Restore
from Backup" dialog show its `lines()` so the user sees what a restore would
change before choosing. Lines name nodes by title, since ids mean nothing to
the user; an id is added only when two nodes share a title.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from .enums import Status
from .roadmap import Roadmap

TITLE_CHARS = 60  # long titles are cut in lines, so one line stays one line


@dataclass(frozen=True)
class StatusChangeLine:
    node_id: str
    old: Status
    new: Status


@dataclass(frozen=True)
class TitleChange:
    node_id: str
    old: str
    new: str


@dataclass
class RoadmapDiff:
    """Differences from `old` to `new` (ids; `names` maps node ids to display names)."""

    nodes_added: list[str] = field(default_factory=list)
    nodes_removed: list[str] = field(default_factory=list)
    status_changes: list[StatusChangeLine] = field(default_factory=list)
    title_changes: list[TitleChange] = field(default_factory=list)
    notes_changed: list[str] = field(default_factory=list)
    resources_added: dict[str, list[str]] = field(default_factory=dict)  # node id -> resource titles
    resources_removed: dict[str, list[str]] = field(default_factory=dict)
    edges_added: list[tuple[str, str]] = field(default_factory=list)
    edges_removed: list[tuple[str, str]] = field(default_factory=list)
    roadmap_title: tuple[str, str] | None = None
    names: dict[str, str] = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        return not (self.nodes_added or self.nodes_removed or self.status_changes or self.title_changes
                    or self.notes_changed or self.resources_added or self.resources_removed
                    or self.edges_added or self.edges_removed or self.roadmap_title)

    @property
    def count(self) -> int:
        return (len(self.nodes_added) + len(self.nodes_removed) + len(self.status_changes)
                + len(self.title_changes) + len(self.notes_changed)
                + sum(len(v) for v in self.resources_added.values())
                + sum(len(v) for v in self.resources_removed.values())
                + len(self.edges_added) + len(self.edges_removed) + (1 if self.roadmap_title else 0))

    def name(self, node_id: str) -> str:
        return self.names.get(node_id, node_id)

    def lines(self, limit: int | None = 40) -> list[str]:
        """Readable lines, most important first; past `limit`, one line says how many more."""
        out: list[str] = []
        if self.roadmap_title:
            out.append(f"Roadmap renamed: “{_cut(self.roadmap_title[0])}” → “{_cut(self.roadmap_title[1])}”")
        for c in self.status_changes:
            out.append(f"Status of {self.name(c.node_id)}: {c.old.label} → {c.new.label}")
        out += [f"Notes changed: {self.name(i)}" for i in self.notes_changed]
        out += [f"Node added: {self.name(i)}" for i in self.nodes_added]
        out += [f"Node removed: {self.name(i)}" for i in self.nodes_removed]
        out += [f"Renamed: “{_cut(c.old)}” → “{_cut(c.new)}”" for c in self.title_changes]
        for node_id, titles in self.resources_added.items():
            out += [f"Resource added to {self.name(node_id)}: “{_cut(t)}”" for t in titles]
        for node_id, titles in self.resources_removed.items():
            out += [f"Resource removed from {self.name(node_id)}: “{_cut(t)}”" for t in titles]
        out += [f"Connection added: {self.name(s)} → {self.name(t)}" for s, t in self.edges_added]
        out += [f"Connection removed: {self.name(s)} → {self.name(t)}" for s, t in self.edges_removed]
        if limit is not None and len(out) > limit:
            rest = len(out) - (limit - 1)
            out = [*out[: limit - 1], f"… and {rest} more changes"]
        return out


def _cut(text: str) -> str:
    text = " ".join(text.split())  # a title with newlines must not break the line
    return text if len(text) <= TITLE_CHARS else text[: TITLE_CHARS - 1] + "…"


def _names(old: Roadmap, new: Roadmap) -> dict[str, str]:
    titles = {n.id: n.title for n in old.nodes}
    titles.update({n.id: n.title for n in new.nodes})  # the newer title where both have one
    shared = Counter(_cut(t) for t in titles.values())
    return {i: f"“{_cut(t)}”" + (f" ({i})" if shared[_cut(t)] > 1 else "") for i, t in titles.items()}


def diff_roadmaps(old: Roadmap, new: Roadmap) -> RoadmapDiff:
    """What `new` changes compared with `old` (nodes, statuses, titles, notes, resources, edges)."""
    diff = RoadmapDiff(names=_names(old, new))
    before, after = old.node_map(), new.node_map()
    diff.nodes_added = [n.id for n in new.nodes if n.id not in before]
    diff.nodes_removed = [n.id for n in old.nodes if n.id not in after]
    if old.title != new.title:
        diff.roadmap_title = (old.title, new.title)
    for node in new.nodes:
        was = before.get(node.id)
        if was is None:
            continue
        if was.status != node.status:
            diff.status_changes.append(StatusChangeLine(node.id, was.status, node.status))
        if was.title != node.title:
            diff.title_changes.append(TitleChange(node.id, was.title, node.title))
        if was.notes != node.notes:
            diff.notes_changed.append(node.id)
        old_res = {r.id: r.title for r in was.resources}
        new_res = {r.id: r.title for r in node.resources}
        added = [t for i, t in new_res.items() if i not in old_res]
        removed = [t for i, t in old_res.items() if i not in new_res]
        if added:
            diff.resources_added[node.id] = added
        if removed:
            diff.resources_removed[node.id] = removed
    old_edges = {(e.source, e.target) for e in old.edges}
    new_edges = {(e.source, e.target) for e in new.edges}
    diff.edges_added = [(e.source, e.target) for e in new.edges if (e.source, e.target) not in old_edges]
    diff.edges_removed = [(e.source, e.target) for e in old.edges if (e.source, e.target) not in new_edges]
    return diff
