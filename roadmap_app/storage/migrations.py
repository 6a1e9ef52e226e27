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


# Version 3 tells calendar time from study effort. The rule for roles and degrees: a
# role or education node with at least HUGE_HOURS study hours and no duration held
# calendar time at the old pace of 10 h a week (one year = 520 h), so it becomes a
# duration of hours / 10 weeks with no study hours. The ML architect template's own
# nodes get the template's honest lengths instead, since its hours were only the part
# of each tenure not counted elsewhere.
HUGE_HOURS = 500.0
OLD_PACE = 10.0
_ML_ARCHITECT_WEEKS = {
    "edu-bachelors": 208.0, "edu-masters": 78.0, "edu-doctorate": 208.0,
    "role-software-developer": 104.0, "role-data-analyst": 78.0, "role-junior-data-scientist": 78.0,
    "role-data-scientist": 104.0, "role-ml-engineer": 156.0, "role-ml-lead": 104.0,
}
# Skills the template now says are learned in a degree or a job (learned_in).
_ML_ARCHITECT_LEARNED = {
    **dict.fromkeys(("edu-programming", "edu-data-structures-algorithms", "edu-statistics-probability",
                     "edu-linear-algebra-calculus", "edu-computer-systems", "edu-ml-data-mining",
                     "edu-projects-internships"), "edu-bachelors"),
    **dict.fromkeys(("skill-real-world-problems", "skill-ml-frameworks", "skill-data-preparation",
                     "skill-cloud-platform", "skill-software-design-principles"), "role-software-developer"),
    **dict.fromkeys(("skill-production-ml", "skill-scalable-ml-systems", "skill-implement-papers",
                     "skill-tool-exploration", "skill-leading-projects", "skill-supervising-team"),
                    "role-ml-engineer"),
    **dict.fromkeys(("skill-stakeholder-communication", "milestone-led-ml-project"), "role-ml-lead"),
}
_ML_ROLE_GROUP = "ml-role"  # the ML lead needs one ML role: ML engineer or data scientist


def _dicts(value: Any) -> list[dict]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _v2_to_v3(raw: Raw) -> Raw:
    """Roles and degrees become durations; the ML architect template's alternative routes
    become an "any of" group and its on-the-job skills say where they are learned.
    Statuses, history and notes are untouched."""
    out = copy.deepcopy(raw)
    out["schema_version"] = 3
    out.pop("min_reader_version", None)
    roadmap = out.get("roadmap")
    if not isinstance(roadmap, dict):
        return out
    nodes = _dicts(roadmap.get("nodes"))
    template = roadmap.get("id") == "ml-architect"
    by_id = {n.get("id"): n for n in nodes if isinstance(n.get("id"), str)}
    for node in nodes:
        hours = _number(node.get("estimated_hours"))
        if node.get("duration_weeks") is not None or hours is None:
            continue
        known = _ML_ARCHITECT_WEEKS.get(node.get("id")) if template else None
        if known is not None or (node.get("kind") in ("role", "education") and hours >= HUGE_HOURS):
            node["duration_weeks"] = known if known is not None else min(round(hours / OLD_PACE, 2), 3120.0)
            node["estimated_hours"] = 0.0
    if template:
        _ml_architect_structure(roadmap, by_id)
    return out


def _ml_architect_structure(roadmap: Raw, by_id: dict[str, dict]) -> None:
    edges = _dicts(roadmap.get("edges"))
    learned = {}
    for node_id, host in _ML_ARCHITECT_LEARNED.items():
        node, host_node = by_id.get(node_id), by_id.get(host)
        if node is not None and host_node is not None and host_node.get("duration_weeks") is not None \
                and node.get("learned_in") is None:
            node["learned_in"] = host
            learned[node_id] = host
    kept = []
    for edge in edges:
        pair = (edge.get("source"), edge.get("target"))
        ordering = edge.get("kind", "prerequisite") != "related"
        # A skill learned in a host neither waits for the host nor holds it back.
        if ordering and (learned.get(pair[1]) == pair[0] or learned.get(pair[0]) == pair[1]):
            continue
        if pair == ("role-data-scientist", "role-ml-lead"):
            continue  # joins the group right after the engineer route, below
        if pair == ("role-data-analyst", "role-data-scientist") and ordering:
            edge["target"] = "role-junior-data-scientist"  # the data-science ladder
        kept.append(edge)
        if ordering and pair == ("role-ml-engineer", "role-ml-lead") and "role-data-scientist" in by_id:
            # The engineer route first: on a tie the planner picks the first alternative.
            edge["group"] = _ML_ROLE_GROUP
            kept.append({"source": "role-data-scientist", "target": "role-ml-lead",
                         "kind": "progression", "group": _ML_ROLE_GROUP})
    if isinstance(roadmap.get("edges"), list):
        roadmap["edges"] = kept + [e for e in roadmap["edges"] if not isinstance(e, dict)]
    # Old plans marked the route not taken as skipped; say it as a route choice instead.
    def skipped(node_id: str) -> bool:
        return by_id.get(node_id, {}).get("status") == "skipped"

    choice = None
    if skipped("role-data-scientist") and not skipped("role-ml-engineer"):
        choice = "role-ml-engineer"
    elif skipped("role-ml-engineer") and not skipped("role-data-scientist"):
        choice = "role-data-scientist"
    plan = roadmap.get("plan")
    if choice and "role-ml-lead" in by_id and isinstance(plan, dict):
        route = plan.get("route") if isinstance(plan.get("route"), list) else []
        route = [c for c in route if not (isinstance(c, dict) and c.get("target") == "role-ml-lead")]
        plan["route"] = [*route, {"target": "role-ml-lead", "group": _ML_ROLE_GROUP, "choice": choice}]


STEPS: dict[int, Callable[[Raw], Raw]] = {1: _v1_to_v2, 2: _v2_to_v3}


def migrate(raw: Raw, version: int) -> Raw:
    while version < SCHEMA_VERSION:
        raw = STEPS[version](raw)
        version += 1
    return raw
