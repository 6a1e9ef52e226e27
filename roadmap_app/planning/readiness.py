"""Role readiness: for each role on the route, how much of what it needs is done.

A role needs the nodes its route reaches backwards through ordering edges (all-of
sources and the chosen alternative of each group), whatever their status. Of those,
the skills are what is neither a role, nor a duration (a degree, another job), nor a
practice, plus what is learned in a degree or job the role needs (a degree's
subjects, for a first job). The percentage weighs each skill by its hours (a skill without hours by
one), the way progress does; hours left are the study hours still to do.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import NodeKind, Roadmap
from .cost import remaining_hours
from .routes import Route


@dataclass(frozen=True)
class RoleReadiness:
    role_id: str
    title: str
    percent: float
    done: int  # skills done or skipped
    total: int  # skills the role needs
    hours_left: float

    @property
    def line(self) -> str:
        return (f"Ready for {self.title}: {self.percent:.0f} % "
                f"({self.done} of {self.total} skills, {self.hours_left:.0f} h left)")

    def to_dict(self) -> dict:
        return {
            "role": self.role_id,
            "title": self.title,
            "percent": round(self.percent, 2),
            "done": self.done,
            "total": self.total,
            "hours_left": round(self.hours_left, 4),
            "line": self.line,
        }


def readiness(roadmap: Roadmap, route: Route) -> list[RoleReadiness]:
    """One line per role on the route, in file order."""
    by_id = roadmap.node_map()
    learned: dict[str, list[str]] = {}
    for node in roadmap.nodes:
        if node.learned_in and node.kind is not NodeKind.PRACTICE and not node.is_duration:
            learned.setdefault(node.learned_in, []).append(node.id)
    left_of: dict[str, float] = {}

    def left(node_id: str) -> float:
        value = left_of.get(node_id)
        if value is None:
            value = left_of[node_id] = remaining_hours(by_id[node_id])
        return value

    result = []
    for node in roadmap.nodes:
        if node.kind is not NodeKind.ROLE or node.id not in route.on_route:
            continue
        seen = {node.id}
        stack = [node.id]
        skills = []
        hosts = []
        while stack:
            for source in route.needs.get(stack.pop(), ()):
                if source in seen:
                    continue
                seen.add(source)
                stack.append(source)
                other = by_id[source]
                if other.is_duration:
                    hosts.append(source)
                elif other.kind not in (NodeKind.ROLE, NodeKind.PRACTICE):
                    skills.append(source)
        counted = set(skills)
        for host in hosts:
            skills += [i for i in learned.get(host, ()) if i not in counted and i != node.id]
            counted.update(learned.get(host, ()))
        done = total_weight = done_weight = hours_left = 0.0
        for skill_id in skills:
            skill = by_id[skill_id]
            closed = skill.status.is_closed
            done += closed
            hours = skill.effective_hours
            still = left(skill_id)
            hours_left += still
            if hours > 0:
                total_weight += hours
                done_weight += hours - still
            else:
                total_weight += 1.0
                done_weight += 1.0 if closed else 0.0
        percent = 100.0 * done_weight / total_weight if total_weight > 0 else 100.0
        result.append(RoleReadiness(node.id, node.title, percent, int(done), len(skills), hours_left))
    return result
