"""`roadmap-planner show FILE [--json]`: a summary of a roadmap.

Title, node and edge counts, the goal, progress overall and per stage (by
count and by hours; skipped nodes are left out of the totals), the nodes that
are ready to start, the remaining critical path to the goal, and how ready you are
for each role on your route.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter

from ..graph.analysis import Tally, critical_path_hours, progress, ready_nodes
from ..graph.order import OrderIndex
from ..planning.readiness import readiness
from ..planning.routes import resolve_route
from .common import load_or_fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the roadmap or plan to summarise")
    parser.add_argument("--json", action="store_true", help="print a JSON object instead of text")


def _tally(t: Tally) -> dict:
    return {
        "done": t.done,
        "total": t.total,
        "skipped": t.skipped,
        "in_progress": t.in_progress,
        "done_hours": round(t.done_hours, 2),
        "total_hours": round(t.total_hours, 2),
        "fraction": round(t.fraction, 4),
        "hours_fraction": round(t.hours_fraction, 4),
    }


def summary(roadmap) -> dict:
    """Everything `show` prints, as plain data (the JSON form)."""
    order = OrderIndex.of(roadmap)
    nodes = roadmap.node_map()
    prog = progress(roadmap)
    kinds = Counter(edge.kind.value for edge in roadmap.edges)
    goal = roadmap.plan.goal
    critical_hours, critical = critical_path_hours(roadmap, goal, order=order)
    return {
        "id": roadmap.id,
        "title": roadmap.title,
        "nodes": len(roadmap.nodes),
        "edges": len(roadmap.edges),
        "edge_kinds": dict(sorted(kinds.items())),
        "goal": {"id": goal, "title": nodes[goal].title} if goal in nodes else None,
        "progress": _tally(prog.overall),
        "stages": [{"stage": stage, **_tally(t)} for stage, t in prog.stages.items()],
        "ready": [
            {"id": i, "title": nodes[i].title, "stage": nodes[i].stage}
            for i in ready_nodes(roadmap, order=order)
        ],
        "critical_path": {"hours": round(critical_hours, 2), "nodes": critical},
        "readiness": [r.to_dict() for r in readiness(roadmap, resolve_route(roadmap))],
    }


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.0f}%"


def _hours(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


def render_text(data: dict) -> str:
    lines = [f"{data['title']} ({data['id']})"]
    kinds = ", ".join(f"{n} {k}" for k, n in data["edge_kinds"].items())
    lines.append(f"{data['nodes']} nodes, {data['edges']} edges" + (f" ({kinds})" if kinds else ""))
    goal = data["goal"]
    lines.append(f"Goal: {goal['title']} ({goal['id']})" if goal else "Goal: none set")
    p = data["progress"]
    extra = [f"{p['in_progress']} in progress"] if p["in_progress"] else []
    if p["skipped"]:
        extra.append(f"{p['skipped']} skipped")
    lines.append(
        f"Progress: {p['done']}/{p['total']} nodes ({_percent(p['fraction'])}), "
        f"{_hours(p['done_hours'])}/{_hours(p['total_hours'])} h ({_percent(p['hours_fraction'])})"
        + (f"; {', '.join(extra)}" if extra else "")
    )
    stages = [s for s in data["stages"] if s["total"] or s["skipped"]]
    if stages:
        lines.append("By stage:")
        width = max(len(s["stage"] or "(no stage)") for s in stages)
        for s in stages:
            name = s["stage"] or "(no stage)"
            lines.append(
                f"  {name:<{width}}  {s['done']:>4}/{s['total']:<4} {_percent(s['fraction']):>4}"
                f"  {_hours(s['done_hours']):>6}/{_hours(s['total_hours'])} h"
            )
    ready = data["ready"]
    lines.append(f"Ready to start ({len(ready)}):" if ready else "Ready to start: nothing")
    width = max((len(r["id"]) for r in ready), default=0)
    lines.extend(f"  {r['id']:<{width}}  {r['title']}" for r in ready)
    crit = data["critical_path"]
    if goal and crit["nodes"]:
        lines.append(
            f"Critical path to the goal: {_hours(crit['hours'])} h over {len(crit['nodes'])} nodes"
        )
    elif goal:
        lines.append("Critical path to the goal: the goal is reached")
    elif crit["nodes"]:
        lines.append(f"Longest remaining chain: {_hours(crit['hours'])} h over {len(crit['nodes'])} nodes")
    lines.extend(r["line"] for r in data.get("readiness", ()))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    loaded = load_or_fail(args.file)
    data = summary(loaded.roadmap)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        print(render_text(data))
        if loaded.read_only_reason:
            print(f"Note: {loaded.read_only_reason}")
    return 0
