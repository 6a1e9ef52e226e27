"""Merge ("Update from…"): concrete cases of what is added, updated, kept and dropped."""

from __future__ import annotations

import datetime as dt

from roadmap_app.interchange.merge import merge
from roadmap_app.model import Edge, EdgeKind, Node, Origin, Position, Resource, Roadmap, Status


def upstream_v1() -> Roadmap:
    return Roadmap(
        id="up", title="Upstream v1", stages=["One", "Two"],
        nodes=[
            Node(id="a", title="A", stage="One", resources=[
                Resource(id="ra", title="Ra", url="https://example.org/a"),
                Resource(id="old-id", title="Moved", url="https://example.org/moved")]),
            Node(id="b", title="B", stage="One"),
            Node(id="c", title="C", stage="Two"),
            Node(id="d", title="D", stage="Two"),
        ],
        edges=[Edge(source="a", target="b"), Edge(source="b", target="c"), Edge(source="c", target="d")],
    )


def my_plan() -> Roadmap:
    plan = upstream_v1()
    at = dt.datetime(2025, 5, 1, tzinfo=dt.UTC)
    a = plan.node("a")
    a.status = Status.DONE
    a.status_history = [{"at": at, "status": Status.DONE}]
    a.position = Position(x=5, y=6)
    a.resources[0].status = Status.DONE
    a.resources[1].notes = "read half"
    a.resources.append(Resource(id="mine", title="My blog", url="https://example.org/a", origin=Origin.USER))
    plan.node("c").notes = "keep me"
    plan.nodes.append(Node(id="n-user", title="My own", stage="Mine", origin=Origin.USER))
    plan.edges.append(Edge(source="d", target="n-user"))
    plan.edges.append(Edge(source="n-user", target="a", kind=EdgeKind.RELATED))
    plan.plan.goal = "d"
    plan.plan.hours_per_week = 4
    return plan


def upstream_v2() -> Roadmap:
    return Roadmap(
        id="up", title="Upstream v2", stages=["One", "Two", "Three"],
        nodes=[
            Node(id="a", title="A renamed", stage="One", description="new text", resources=[
                Resource(id="ra", title="Ra v2", url="https://example.org/a2"),
                Resource(id="new-id", title="Moved", url="https://example.org/moved"),
                Resource(id="rn", title="New res", url="https://example.org/n")]),
            Node(id="b", title="B", stage="One"),
            Node(id="e", title="E", stage="Three"),
        ],
        edges=[Edge(source="a", target="b"), Edge(source="b", target="e")],
    )


def test_update_keeps_progress_and_takes_upstream_content():
    result, summary = merge(my_plan(), upstream_v2())
    assert [n.id for n in result.nodes] == ["a", "b", "e", "c", "n-user"]
    a = result.node("a")
    assert (a.title, a.description, a.status, a.position) == ("A renamed", "new text", Status.DONE,
                                                              Position(x=5, y=6))
    assert len(a.status_history) == 1
    assert [(r.id, r.title, r.status, r.notes) for r in a.resources] == [
        ("ra", "Ra v2", Status.DONE, ""),
        ("new-id", "Moved", Status.NOT_STARTED, "read half"),  # matched by URL
        ("rn", "New res", Status.NOT_STARTED, ""),
        ("mine", "My blog", Status.NOT_STARTED, ""),  # the user's own resource stays
    ]
    c = result.node("c")
    assert c.removed_upstream and c.notes == "keep me"
    assert result.node("d") is None  # removed upstream, no user data
    assert result.node("n-user").origin is Origin.USER
    assert result.stages == ["One", "Two", "Three", "Mine"]
    assert (result.id, result.title) == ("up", "Upstream v2")
    assert (result.plan.hours_per_week, result.plan.goal) == (4, None)
    assert [e.key for e in result.edges] == [
        ("a", "b", "prerequisite"), ("b", "e", "prerequisite"),
        ("b", "c", "prerequisite"),  # touches the kept node c
        ("n-user", "a", "related"),  # d -> n-user went with d
    ]
    assert summary.added == ["e"] and summary.updated == ["a"]
    assert summary.removed == ["d"] and summary.kept_removed == ["c"] and summary.kept_user == ["n-user"]
    assert summary.resources_added == 1
    assert (summary.titles["d"], summary.titles["e"]) == ("D", "E")
    assert any("goal d was removed" in w for w in summary.warnings)
    assert "1 new nodes, 1 updated, 1 removed" in summary.lines()[0]


def test_user_edge_that_closes_a_cycle_is_dropped_and_reported():
    mine = upstream_v1()
    mine.nodes.append(Node(id="n-user", title="Mine", origin=Origin.USER))
    mine.edges += [Edge(source="b", target="n-user"), Edge(source="n-user", target="c")]
    theirs = Roadmap(id="up", title="v3", nodes=[Node(id=i, title=i) for i in "abc"],
                     edges=[Edge(source="a", target="b"), Edge(source="c", target="b")])
    result, summary = merge(mine, theirs)
    assert [e.key for e in result.edges][2:] == [("b", "n-user", "prerequisite")]
    assert summary.dropped_edges == ["n-user -> c: it would close a cycle with the update's edges"]
    assert "dropped your edge n-user -> c" in summary.lines()[-1]


def test_merging_twice_changes_nothing_and_removed_node_can_come_back():
    once, _ = merge(my_plan(), upstream_v2())
    twice, summary = merge(once, upstream_v2())
    assert twice == once
    assert not summary.added and not summary.updated and not summary.removed
    back, _ = merge(once, upstream_v1())
    assert back.node("c").removed_upstream is False and back.node("c").notes == "keep me"


def test_the_career_fields_follow_upstream_and_the_users_dates_stay():
    mine = Roadmap(id="r", title="R", nodes=[
        Node(id="job", title="Job", duration_weeks=52, status=Status.DONE, completed_on=dt.date(2024, 6, 1),
             color="#112233"),
        Node(id="skill", title="Skill", estimated_hours=5)])
    theirs = Roadmap(id="r", title="R", nodes=[
        Node(id="job", title="Job", duration_weeks=104, why="two years"),
        Node(id="skill", title="Skill", estimated_hours=5, learned_in="job", optional=True)])
    merged, _summary = merge(mine, theirs)
    job, skill = merged.node("job"), merged.node("skill")
    assert job.duration_weeks == 104 and job.why == "two years"
    assert job.completed_on == dt.date(2024, 6, 1) and job.color == "#112233"
    assert skill.learned_in == "job" and skill.optional
    assert merge(merged, merged)[0] == merged  # the same version changes nothing


def test_an_update_identical_to_the_plan_changes_nothing_on_the_built_in_roadmap():
    from roadmap_app.templates import load_template

    plan = load_template("ml-architect")
    merged, _summary = merge(plan, plan.model_copy(deep=True))
    assert merged == plan
