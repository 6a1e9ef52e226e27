"""The dashboard Gantt's lanes: calendar commitments, study, and ongoing practices.

Degrees and jobs (the duration lane) come first, as the backbone of the plan;
study follows in the planner's order; practices, which recur for the whole plan,
come last and are drawn as a thin "ongoing" line instead of a block. A skill
learned during a degree or job rides that time: a thin bar, "(during …)". Each
lane is told apart by its label too, never by colour alone.
"""

from __future__ import annotations

from roadmap_app.planning import LANE_DURATION, LANE_PRACTICE, LANE_STUDY

LANE_ORDER = {LANE_DURATION: 0, LANE_STUDY: 1, LANE_PRACTICE: 2}
BAR_HEIGHT = {LANE_DURATION: 0.6, LANE_STUDY: 0.6, LANE_PRACTICE: 0.22}


def lane_of(entry) -> str:
    return getattr(entry, "lane", LANE_STUDY)


def lane_rows(entries: list) -> list:
    """Rows in lane order; within a lane, the planner's order."""
    return sorted(entries, key=lambda e: LANE_ORDER.get(lane_of(e), 1))


def calendar_length(entry) -> str:
    days = (entry.finish - entry.start).days + 1
    if days >= 330:
        return f"{days / 365.25:.1f} yr".replace(".0 yr", " yr")
    if days >= 56:
        return f"{days / 30.44:.0f} mo"
    return f"{days / 7:.0f} wk"


def host_title(document, node_id: str) -> str | None:
    """The degree or job a skill is learned during (Node.learned_in), if any."""
    if not document.has_node(node_id):
        return None
    host = document.node(node_id).learned_in
    return document.node(host).title if host and document.has_node(host) else None


def row_label(entry, host: str | None = None) -> str:
    """The row's label; `host` names the degree or job a skill is learned during."""
    title = ("! " if entry.at_risk else "") + entry.title
    lane = lane_of(entry)
    if host:
        return f"{title} (during {host})"
    if lane == LANE_DURATION:
        return f"{title} ({calendar_length(entry)})"
    if lane == LANE_PRACTICE:
        return f"{title} (ongoing)"
    return title


def bar_height(entry, host: str | None = None) -> float:
    return 0.3 if host else BAR_HEIGHT.get(lane_of(entry), 0.6)  # a skill rides its host's time


def is_duration(entry) -> bool:
    return lane_of(entry) == LANE_DURATION
