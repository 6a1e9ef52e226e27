"""Sample roadmaps shared by the interchange tests (imported by them), checked once here."""

from __future__ import annotations

import datetime as dt

from roadmap_app.graph import validate_roadmap
from roadmap_app.model import (
    Cost,
    Edge,
    EdgeKind,
    Node,
    NodeKind,
    Origin,
    Position,
    Resource,
    ResourceKind,
    Roadmap,
    Status,
    StatusChange,
)

MARKUP_TITLES = ['<img src="file:///etc/passwd">', "<b>x</b>"]


def rich_roadmap() -> Roadmap:
    """Every field in use, markup in titles, all statuses and edge kinds."""
    at = dt.datetime(2025, 3, 1, 12, 30, tzinfo=dt.UTC)
    return Roadmap(
        id="rich",
        title="Rich *roadmap* [v1]",
        description="A description\nwith two lines & <tags>",
        author="Ada",
        version="1.2",
        stages=["Basics", "Advanced", "Empty stage"],
        nodes=[
            Node(
                id="python", title="Python", kind=NodeKind.SKILL, stage="Basics",
                description="Learn *Python*.\n- lists\n# not a heading", estimated_hours=40.5,
                status=Status.DONE,
                status_history=[StatusChange(at=at, status=Status.IN_PROGRESS),
                                StatusChange(at=at + dt.timedelta(days=3), status=Status.DONE)],
                notes="my notes", target_date=dt.date(2025, 4, 1), position=Position(x=10.5, y=-20),
                resources=[
                    Resource(id="r1", title="Docs [official]", url="https://docs.python.org/3/",
                             kind=ResourceKind.WEBSITE, provider="PSF", cost=Cost.FREE,
                             estimated_hours=3, status=Status.DONE, notes="good", tags=["ref"]),
                    Resource(id="r2", title="Local thing", url="file:///etc/passwd",
                             origin=Origin.IMPORTED),
                ],
                collapsed=True, custom_field={"kept": [1, 2]},
            ),
            Node(id="img", title=MARKUP_TITLES[0], stage="Basics", status=Status.IN_PROGRESS,
                 position=Position(x=300, y=0)),
            Node(id="bold", title=MARKUP_TITLES[1], stage="Advanced", status=Status.SKIPPED,
                 kind=NodeKind.MILESTONE, origin=Origin.USER),
            Node(id="ml.role:1", title='Quote " and # hash; `tick`', stage="Advanced",
                 kind=NodeKind.ROLE, removed_upstream=True),
            Node(id="free", title="No stage \\ backslash", stage=""),
        ],
        edges=[
            Edge(source="python", target="img"),
            Edge(source="img", target="bold", kind=EdgeKind.PREREQUISITE),
            Edge(source="bold", target="ml.role:1", kind=EdgeKind.PROGRESSION),
            Edge(source="free", target="python", kind=EdgeKind.RELATED),
        ],
        plan={"goal": "ml.role:1", "hours_per_week": 7.5, "start_date": "2025-01-06"},
        extra_top={"a": 1},
    )


def test_rich_roadmap_is_valid():
    roadmap = rich_roadmap()
    validate_roadmap(roadmap)
    assert {n.status for n in roadmap.nodes} == set(Status)
