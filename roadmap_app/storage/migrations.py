"""The migration chain: one pure function per older schema_version.

Each step takes the raw JSON object of version N and returns version N+1.
Every step has a fixture file in tests/fixtures/migrations/.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from ..model import SCHEMA_VERSION

Raw = dict[str, Any]

_V1_STATUS = {"todo": "not_started", "doing": "in_progress", "done": "done", "skip": "skipped"}


def _v1_to_v2(raw: Raw) -> Raw:
    """Version 1 said todo/doing/done/skip, kept hours in `hours` and had no history."""
    out = copy.deepcopy(raw)
    roadmap = out.get("roadmap")
    if isinstance(roadmap, dict):
        for node in roadmap.get("nodes", []) if isinstance(roadmap.get("nodes"), list) else []:
            if not isinstance(node, dict):
                continue
            if "status" in node and node["status"] in _V1_STATUS:
                node["status"] = _V1_STATUS[node["status"]]
            if "hours" in node and "estimated_hours" not in node:
                node["estimated_hours"] = node.pop("hours")
            node.setdefault("status_history", [])
    out["schema_version"] = 2
    out.pop("min_reader_version", None)
    return out


STEPS: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2}


def migrate(raw: Raw, version: int) -> Raw:
    while version < SCHEMA_VERSION:
        raw = STEPS[version](raw)
        version += 1
    return raw
