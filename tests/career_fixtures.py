"""A small career roadmap for the career-plan GUI tests: durations, an "any of"
group, an optional step and a template rationale."""

from __future__ import annotations

from roadmap_app.model import Edge, Node, Roadmap


def career_roadmap() -> Roadmap:
    """A degree, then one of two entry jobs ("any of"), then the goal; a certificate is optional."""
    return Roadmap(
        id="c", title="Career",
        nodes=[
            Node(id="python", title="Python", stage="Education", estimated_hours=60),
            Node(id="degree", title="Degree", kind="education", stage="Education", duration_weeks=156),
            Node(id="dev", title="Developer", kind="role", stage="Entry roles", duration_weeks=104),
            Node(id="analyst", title="Analyst", kind="role", stage="Entry roles", duration_weeks=104),
            Node(id="cert", title="Certificate", stage="ML roles", estimated_hours=40, optional=True),
            Node(id="goal", title="Goal", kind="milestone", stage="ML architect", estimated_hours=10,
                 why="Where the roadmap leads."),
        ],
        edges=[
            Edge(source="python", target="degree"),
            Edge(source="degree", target="dev"),
            Edge(source="degree", target="analyst"),
            Edge(source="dev", target="goal", group="entry"),
            Edge(source="analyst", target="goal", group="entry"),
            Edge(source="cert", target="goal"),
        ],
    )
