"""Property tests of the schedule on random DAG roadmaps (hypothesis, no Qt).

"Before its prerequisites finish", precisely: for every ordering edge p -> n with
both ends scheduled, p's last study hour comes no later than n's first one on the
study timeline (p.end_hour <= n.begin_hour), and n's start date is not before p's
finish date. The same date is allowed: p may finish part way through a day.
"""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_app.model import Edge, EdgeKind, Node, Resource, Roadmap, Status
from roadmap_app.planning import remaining_hours, schedule

START = dt.date(2027, 1, 4)
HOURS = st.one_of(st.sampled_from([0.0, 0.5, 1.0, 2.5, 10.0, 40.0]), st.floats(0, 200))


@st.composite
def roadmaps(draw) -> Roadmap:
    count = draw(st.integers(1, 18))
    nodes = []
    for i in range(count):
        resources = [
            Resource(id=f"r{k}", title="R", estimated_hours=draw(HOURS),
                     status=draw(st.sampled_from(list(Status))))
            for k in range(draw(st.integers(0, 2)))
        ]
        nodes.append(Node(
            id=f"n{i}", title=f"Node {i}",
            estimated_hours=draw(st.one_of(st.none(), HOURS)),
            status=draw(st.sampled_from(list(Status))),
            resources=resources,
        ))
    pairs = draw(st.sets(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=40))
    # Edges follow a random hidden order, not the file order, so that the file order
    # (the schedule's tie-break) cannot satisfy the prerequisites by accident.
    rank = draw(st.permutations(range(count)))
    edges = []
    for a, b in sorted(pairs):
        if a != b:
            source, target = (a, b) if rank[a] < rank[b] else (b, a)
            kind = draw(st.sampled_from(list(EdgeKind)))
            edges.append(Edge(source=f"n{source}", target=f"n{target}", kind=kind))
    unique = list({e.key[:2]: e for e in edges}.values())
    roadmap = Roadmap(id="r", title="R", nodes=nodes, edges=unique)
    roadmap.plan.goal = draw(st.one_of(st.none(), st.sampled_from([n.id for n in nodes])))
    return roadmap


WEEKS = st.one_of(
    st.none(),
    st.lists(st.sampled_from([0.0, 0.5, 1.0, 2.0, 3.5, 8.0]), min_size=7, max_size=7).filter(
        lambda w: sum(w) >= 0.5
    ),
)


def _ordering(roadmap: Roadmap):
    return [(e.source, e.target) for e in roadmap.edges if e.kind.is_ordering]


@settings(max_examples=100, deadline=None)
@given(roadmaps(), st.floats(0.5, 80), WEEKS)
def test_no_node_starts_before_its_prerequisites_finish(roadmap, per_week, week):
    plan = schedule(roadmap, hours_per_week=per_week, weekday_hours=week, start=START)
    position = {node_id: k for k, node_id in enumerate(plan.ids)}
    by_id = roadmap.node_map()
    for source, target in _ordering(roadmap):
        if target not in position:
            continue
        if not by_id[source].status.is_closed:
            assert source in position  # open prerequisites are never left out
        if source in position:
            before, after = plan.entry(source), plan.entry(target)
            assert position[source] < position[target]
            assert before.end_hour <= after.begin_hour + 1e-9
            assert before.finish <= after.start
    for entry in plan.entries:
        assert START <= entry.start <= entry.finish
    finishes = [e.finish for e in plan.entries]
    assert finishes == sorted(finishes)
    if plan.goal_id and plan.entries:
        assert plan.ids[-1] == plan.goal_id


@settings(max_examples=100, deadline=None)
@given(roadmaps())
def test_scheduled_hours_equal_the_remaining_hours(roadmap):
    plan = schedule(roadmap, start=START)
    scheduled = sum(e.hours for e in plan.entries)
    assert abs(scheduled - plan.total_hours) < 1e-6
    for entry in plan.entries:
        expected = remaining_hours(roadmap.node(entry.id))
        assert entry.hours == (expected if expected > 1e-6 else 0.0)
    if roadmap.plan.goal is None:
        everything = sum(remaining_hours(n) for n in roadmap.nodes)
        assert abs(scheduled - everything) < 1e-3
        assert set(plan.ids) == {n.id for n in roadmap.nodes if not n.status.is_closed}


@settings(max_examples=100, deadline=None)
@given(roadmaps(), st.floats(0.5, 60), st.floats(0.0, 60))
def test_more_hours_per_week_never_delays_anything(roadmap, slow, extra):
    before = schedule(roadmap, hours_per_week=slow, start=START)
    after = schedule(roadmap, hours_per_week=slow + extra, start=START)
    assert after.ids == before.ids  # the order does not depend on the pace
    if before.goal_date is not None:
        assert after.goal_date <= before.goal_date
    for old, new in zip(before.entries, after.entries, strict=True):
        assert new.finish <= old.finish


@settings(max_examples=100, deadline=None)
@given(roadmaps(), st.data())
def test_done_and_skipped_work_adds_no_time(roadmap, data):
    before = schedule(roadmap, hours_per_week=7, start=START)
    node = data.draw(st.sampled_from(roadmap.nodes))
    node.status = data.draw(st.sampled_from([Status.DONE, Status.SKIPPED]))
    closed = schedule(roadmap, hours_per_week=7, start=START)
    assert closed.total_hours <= before.total_hours + 1e-9
    if closed.goal_date is not None:
        assert before.goal_date is not None and closed.goal_date <= before.goal_date
    # however big a closed node is, it changes nothing
    node.estimated_hours = data.draw(HOURS)
    assert schedule(roadmap, hours_per_week=7, start=START) == closed
