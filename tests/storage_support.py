"""Test helpers for the storage tests: synthetic plans of any size (no Qt)."""

from __future__ import annotations

import random

from roadmap_app.model import Edge, EdgeKind, Node, NodeKind, Resource, Roadmap, Status


def make_plan(n_nodes: int = 50, *, seed: int = 0, title: str = "Synthetic plan") -> Roadmap:
    """A valid, acyclic roadmap: edges only go from lower to higher index."""
    rng = random.Random(seed)
    kinds = list(NodeKind)
    stages = ["Education", "Entry roles", "ML roles", "Leadership", "ML architect"]
    nodes = []
    for i in range(n_nodes):
        resources = [
            Resource(id=f"r{i}-{k}", title=f"Resource {k} of node {i}", url=f"https://example.org/{i}/{k}")
            for k in range(rng.randint(0, 2))
        ]
        nodes.append(Node(
            id=f"n{i}",
            title=f"Node {i} — ünïcode ✓",
            kind=kinds[i % len(kinds)],
            stage=stages[i % len(stages)],
            description="Learn the thing.\nThen the next thing.",
            estimated_hours=float(rng.randint(1, 80)),
            status=rng.choice(list(Status)),
            resources=resources,
        ))
    edges = []
    for j in range(1, n_nodes):
        for i in rng.sample(range(max(0, j - 20), j), k=min(j, rng.randint(1, 2))):
            edges.append(Edge(source=f"n{i}", target=f"n{j}", kind=EdgeKind.PREREQUISITE))
    return Roadmap(id="synthetic", title=title, nodes=nodes, edges=edges)


def dead_pid() -> int:
    """The pid of a process that has just ended: what a killed writer leaves in a temp name."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid
