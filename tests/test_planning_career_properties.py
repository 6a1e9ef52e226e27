"""Property tests of the career schedule on random roadmaps with "any of" groups,
durations, skills learned on the job, optional nodes and practices (hypothesis, no Qt).

"Prerequisites met", precisely: for every node n in the schedule and every source s
that n needs on the route (all-of sources and the chosen alternative of each group),
n starts no earlier than the day s finishes; a node learned in the same duration as
s starts no earlier than s starts (they are learned side by side), and a node
learned on the job starts no earlier than its host. An "any of" group is met by one
alternative: at least one of them is closed or finishes by n's start.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_app.model import Edge, EdgeKind, Node, NodeKind, Roadmap, RouteChoice, Status
from roadmap_app.planning import LANE_DURATION, LANE_STUDY, resolve_route, schedule
from roadmap_app.planning.calendar import Calendar

START = dt.date(2027, 1, 4)
TOL = 1e-6


@st.composite
def career_roadmaps(draw) -> Roadmap:
    count = draw(st.integers(2, 14))
    nodes = []
    for i in range(count):
        kind = draw(st.sampled_from([NodeKind.SKILL, NodeKind.SKILL, NodeKind.ROLE, NodeKind.EDUCATION,
                                     NodeKind.PRACTICE, NodeKind.MILESTONE]))
        duration = draw(st.one_of(st.none(), st.sampled_from([0.0, 1.0, 2.5, 12.0, 52.0])))
        if kind in (NodeKind.ROLE, NodeKind.EDUCATION) and draw(st.booleans()):
            duration = duration if duration is not None else 26.0
        status = draw(st.sampled_from([Status.NOT_STARTED] * 4 + list(Status)))
        nodes.append(Node(
            id=f"n{i}", title=f"Node {i}", kind=kind,
            estimated_hours=draw(st.sampled_from([0.0, 1.0, 5.0, 20.0, 80.0])),
            duration_weeks=duration, status=status,
            optional=draw(st.sampled_from([False] * 5 + [True])),
        ))
    # Learned on the job in some other node that is a duration.
    durations = [n.id for n in nodes if n.is_duration]
    for node in nodes:
        if durations and not node.is_duration and draw(st.integers(0, 3)) == 0:
            node.learned_in = draw(st.sampled_from(durations))
    rank = draw(st.permutations(range(count)))
    pairs = draw(st.sets(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=30))
    edges = {}
    for a, b in sorted(pairs):
        if a == b:
            continue
        source, target = (a, b) if rank[a] < rank[b] else (b, a)
        kind = draw(st.sampled_from([EdgeKind.PREREQUISITE, EdgeKind.PREREQUISITE, EdgeKind.PROGRESSION,
                                     EdgeKind.RELATED]))
        group = draw(st.sampled_from(["", "", "", "a", "a", "b"]))
        edges[(source, target)] = Edge(source=f"n{source}", target=f"n{target}", kind=kind, group=group)
    roadmap = Roadmap(id="r", title="R", nodes=nodes, edges=list(edges.values()))
    roadmap.plan.goal = draw(st.one_of(st.none(), st.sampled_from([n.id for n in nodes])))
    roadmap.plan.practice_hours_per_week = draw(st.sampled_from([0.0, 1.0, 3.0]))
    grouped = [e for e in roadmap.edges if e.group and e.kind is not EdgeKind.RELATED]
    if grouped and draw(st.booleans()):
        e = draw(st.sampled_from(grouped))
        roadmap.plan.route = [RouteChoice(target=e.target, group=e.group, choice=e.source)]
    optional = [n.id for n in nodes if n.optional]
    if optional and draw(st.booleans()):
        roadmap.plan.include_optional = [draw(st.sampled_from(optional))]
    return roadmap


PACE = st.sampled_from([1.0, 3.5, 10.0, 20.0, 40.0])


@settings(max_examples=100, deadline=None)
@given(career_roadmaps(), PACE)
def test_no_node_starts_before_its_prerequisites_are_met(roadmap, pace):
    plan = schedule(roadmap, hours_per_week=pace, start=START, today=START)
    route = resolve_route(roadmap, hours_per_week=pace)
    by_id = roadmap.node_map()
    for entry in plan.entries:
        node = by_id[entry.id]
        if node.is_duration and node.status is Status.IN_PROGRESS and node.kind is not NodeKind.PRACTICE:
            continue  # a commitment under way has evidently been started
        host = plan.entry(node.learned_in) if node.learned_in else None
        riding = host is not None and entry.lane == LANE_DURATION and not node.is_duration
        if riding:
            assert entry.start >= host.start, (entry, host)
        for source_id in route.needs.get(entry.id, ()):
            before = plan.entry(source_id)
            if before is None or by_id[source_id].kind is NodeKind.PRACTICE:
                continue  # closed (or a practice, which nothing waits for)
            same_host = riding and by_id[source_id].learned_in == node.learned_in \
                and before.lane == LANE_DURATION and not by_id[source_id].is_duration
            if same_host:
                assert entry.start >= before.start, (source_id, entry)
            else:
                assert entry.start >= before.finish, (source_id, entry)
            if before.lane == LANE_STUDY and entry.lane == LANE_STUDY:
                assert before.end_hour <= entry.begin_hour + TOL
        # Each "any of" group of the node is met by one alternative.
        for (target, _group), members in route.groups.items():
            if target != entry.id:
                continue
            usable = [m for m in members if not by_id[m].optional or m in roadmap.plan.include_optional]
            if not usable:
                continue
            met = [m for m in usable if by_id[m].status.is_closed
                   or (plan.entry(m) is not None and plan.entry(m).finish <= entry.start)
                   or by_id[m].kind is NodeKind.PRACTICE]
            assert met, (entry.id, members)


def _study_capacity(plan, first: dt.date, last: dt.date) -> float:
    calendar = Calendar(plan.start, plan.study_weekday_hours)
    return calendar.cum((last - plan.start).days) - calendar.cum((first - plan.start).days - 1)


@settings(max_examples=100, deadline=None)
@given(career_roadmaps(), PACE)
def test_the_study_budget_is_never_exceeded(roadmap, pace):
    plan = schedule(roadmap, hours_per_week=pace, start=START, today=START)
    study = [e for e in plan.entries if e.lane == LANE_STUDY]
    # The practices' slice and the study budget together are the week's hours.
    assert plan.practice_hours_per_week <= pace / 2 + TOL
    assert sum(plan.study_weekday_hours) + plan.practice_hours_per_week <= pace + TOL
    # Study entries never share an hour, and each fits the study hours between its dates.
    spans = sorted((e.begin_hour, e.end_hour) for e in study)
    for (_b1, e1), (b2, _e2) in pairwise(spans):
        assert e1 <= b2 + TOL
    for entry in study:
        assert entry.hours <= _study_capacity(plan, entry.start, entry.finish) + TOL, entry
    # Within any week, the study finished inside it fits that week's study hours.
    weeks: dict[int, float] = {}
    for entry in study:
        first, last = (entry.start - START).days // 7, (entry.finish - START).days // 7
        if first == last:
            weeks[first] = weeks.get(first, 0.0) + entry.hours
    for week, hours in weeks.items():
        monday = START + dt.timedelta(weeks=week)
        assert hours <= _study_capacity(plan, monday, monday + dt.timedelta(days=6)) + TOL
    assert abs(sum(e.hours for e in study) - plan.total_hours) <= TOL * (1 + plan.total_hours)


@settings(max_examples=100, deadline=None)
@given(career_roadmaps(), PACE, PACE)
def test_durations_never_compress(roadmap, slow, fast):
    by_id = roadmap.node_map()
    lengths = []
    for pace in (slow, fast):
        plan = schedule(roadmap, hours_per_week=pace, start=START, today=START)
        runs = {}
        for entry in plan.entries:
            node = by_id[entry.id]
            if node.is_duration and node.kind is not NodeKind.PRACTICE and entry.lane == LANE_DURATION:
                days = (entry.finish - entry.start).days + 1
                wanted = round(node.duration_weeks * 7)
                if node.status is Status.NOT_STARTED:
                    assert days == max(wanted, 1), (entry, node.duration_weeks)
                runs[entry.id] = days
        lengths.append(runs)
    # Hours per week never changes how long a degree or a job runs.
    common = lengths[0].keys() & lengths[1].keys()
    assert all(lengths[0][i] == lengths[1][i] for i in common)
