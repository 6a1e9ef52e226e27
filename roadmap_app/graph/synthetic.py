"""Deterministic synthetic roadmaps shaped like real ones, for benchmarks and tests.

Nodes come in layers (about sqrt(n)/2 of them, so 10k nodes give layers of a
few hundred); each node after the first layer has 1-3 prerequisites, mostly
from the layer before and near its own relative position (real roadmaps are
local: a skill builds on its neighbours, not on a random node), sometimes from
two or three layers back. Stages split the layers evenly. The node list is
shuffled (deterministically) so a layout cannot simply reuse the file order.
"""

from __future__ import annotations

import random

from ..model import DEFAULT_STAGES, Roadmap

MAIN_STAGES = tuple(s for s in DEFAULT_STAGES if s != "Continuous learning")
_KINDS = ("skill", "skill", "skill", "education", "certification", "role", "milestone")
_RESOURCE_KINDS = ("course", "book", "website", "paper", "video", "article", "project")


def synthetic_roadmap(
    n_nodes: int,
    seed: int = 0,
    stages: tuple[str, ...] | list[str] = MAIN_STAGES,
    resources: bool = True,
    *,
    layers: int | None = None,
    shuffle: bool = True,
) -> Roadmap:
    """A valid, acyclic roadmap of `n_nodes` nodes; same arguments, same roadmap."""
    rng = random.Random(seed)
    n_nodes = max(0, int(n_nodes))
    stages = list(stages) or [""]
    n_layers = layers or max(1, min(n_nodes, round(n_nodes**0.5 / 2)))
    base, extra = divmod(n_nodes, n_layers)
    widths = [base + (1 if i < extra else 0) for i in range(n_layers)]
    layer_ids: list[list[str]] = []
    nodes: list[dict] = []
    edges: list[dict] = []
    counter = 0
    for li, width in enumerate(widths):
        stage = stages[min(len(stages) - 1, li * len(stages) // n_layers)]
        row: list[str] = []
        for j in range(width):
            node_id = f"n{counter}"
            counter += 1
            row.append(node_id)
            node: dict = {
                "id": node_id,
                "title": f"Topic {counter} of layer {li + 1}",
                "kind": rng.choice(_KINDS),
                "stage": stage,
                "estimated_hours": float(rng.randint(2, 60)),
            }
            if resources and rng.random() < 0.6:
                node["resources"] = [
                    {
                        "id": f"{node_id}-r{k}",
                        "title": f"Resource {k + 1} for topic {counter}",
                        "url": f"https://example.org/{node_id}/{k}",
                        "kind": rng.choice(_RESOURCE_KINDS),
                        "estimated_hours": float(rng.randint(1, 20)),
                    }
                    for k in range(rng.randint(1, 3))
                ]
            nodes.append(node)
            if li > 0:
                edges.extend(_prerequisites(rng, layer_ids, li, j / max(1, width), node_id))
        layer_ids.append(row)
    if shuffle:
        rng.shuffle(nodes)
    goal = layer_ids[-1][0] if layer_ids and layer_ids[-1] else None
    return Roadmap.model_validate(
        {
            "id": f"synthetic-{n_nodes}-{seed}",
            "title": f"Synthetic roadmap of {n_nodes} nodes",
            "stages": stages,
            "nodes": nodes,
            "edges": edges,
            "plan": {"goal": goal},
        }
    )


def _prerequisites(
    rng: random.Random, layer_ids: list[list[str]], li: int, rel: float, target: str
) -> list[dict]:
    chosen: set[str] = set()
    for _ in range(rng.randint(1, 3)):
        back = 1 if rng.random() < 0.8 else min(li, rng.randint(2, 3))
        row = layer_ids[li - back]
        if not row:
            continue
        window = max(2, len(row) // 10)
        centre = int(rel * len(row))
        pick = min(len(row) - 1, max(0, centre + rng.randint(-window, window)))
        chosen.add(row[pick])
    return [{"source": s, "target": target, "kind": "prerequisite"} for s in sorted(chosen)]
