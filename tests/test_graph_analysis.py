"""Graph analysis queries on small hand-built roadmaps with exact answers."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from roadmap_app.graph import analysis, to_digraph
from roadmap_app.graph.order import OrderIndex
from roadmap_app.graph.synthetic import synthetic_roadmap
from roadmap_app.model import Roadmap, UnknownNodeError


def make(nodes, edges, stages=None, goal=None) -> Roadmap:
    """nodes: (id, stage, hours, status); edges: (source, target[, kind])."""
    data = {
        "id": "t",
        "title": "T",
        "nodes": [
            {"id": i, "title": i.upper(), "stage": s, "estimated_hours": h, "status": st_}
            for i, s, h, st_ in nodes
        ],
        "edges": [
            {"source": e[0], "target": e[1], "kind": e[2] if len(e) > 2 else "prerequisite"}
            for e in edges
        ],
        "plan": {"goal": goal},
    }
    if stages is not None:
        data["stages"] = stages
    return Roadmap.model_validate(data)


@pytest.fixture
def diamond() -> Roadmap:
    # a -> b -> d, a -> c -> d, d -> e (progression), x related to e, f standalone
    return make(
        [
            ("a", "Education", 10, "done"),
            ("b", "Education", 5, "in_progress"),
            ("c", "Entry roles", 20, "not_started"),
            ("d", "Entry roles", 8, "not_started"),
            ("e", "ML roles", 3, "not_started"),
            ("x", "ML roles", 1, "not_started"),
            ("f", "Continuous learning", 4, "skipped"),
        ],
        [("a", "b"), ("a", "c"), ("b", "d"), ("c", "d"), ("d", "e", "progression"), ("x", "e", "related")],
    )


def test_prerequisites_transitive_and_direct(diamond):
    assert analysis.prerequisites(diamond, "e") == ["a", "b", "c", "d"]
    assert analysis.prerequisites(diamond, "e", transitive=False) == ["d"]
    assert analysis.prerequisites(diamond, "d", transitive=False) == ["b", "c"]
    assert analysis.prerequisites(diamond, "a") == []


def test_related_edges_impose_no_order(diamond):
    assert "x" not in analysis.prerequisites(diamond, "e")
    assert analysis.unlocks(diamond, "x") == []


def test_unlocks_are_direct_successors(diamond):
    assert analysis.unlocks(diamond, "a") == ["b", "c"]
    assert analysis.unlocks(diamond, "d") == ["e"]


def test_ready_and_locked(diamond):
    # b (in progress) and c have only a (done) before them; x and f have nothing;
    # f is skipped so it is not ready; d waits for b and c.
    assert analysis.ready_nodes(diamond) == ["b", "c", "x"]
    assert analysis.locked_nodes(diamond) == ["d", "e"]
    assert analysis.is_locked(diamond, "d")
    assert not analysis.is_locked(diamond, "c")
    assert not analysis.is_locked(diamond, "a")  # closed is never locked


def test_skipped_prerequisite_unblocks():
    r = make([("a", "", 1, "skipped"), ("b", "", 1, "not_started")], [("a", "b")])
    assert analysis.ready_nodes(r) == ["b"]


def test_closed_node_is_not_locked_even_if_done_early():
    r = make([("a", "", 1, "not_started"), ("b", "", 1, "done")], [("a", "b")])
    assert not analysis.is_locked(r, "b")
    assert analysis.locked_nodes(r) == []


def test_unknown_node_raises(diamond):
    with pytest.raises(UnknownNodeError):
        analysis.prerequisites(diamond, "nope")
    with pytest.raises(UnknownNodeError):
        analysis.remaining_to_goal(diamond, "nope")


def test_remaining_to_goal_in_order(diamond):
    assert analysis.remaining_to_goal(diamond, "e") == ["b", "c", "d", "e"]
    assert analysis.remaining_to_goal(diamond, "c") == ["c"]
    assert analysis.remaining_to_goal(diamond, "a") == []


def test_remaining_to_goal_tie_break_is_model_order():
    # z and y are independent prerequisites of g; the model lists z first.
    r = make(
        [("z", "", 1, "not_started"), ("y", "", 1, "not_started"), ("g", "", 1, "not_started")],
        [("y", "g"), ("z", "g")],
    )
    assert analysis.remaining_to_goal(r, "g") == ["z", "y", "g"]


def test_remaining_order_holds_through_a_done_node():
    # p -> q(done) -> r: p must still come before r.
    r = make(
        [("r", "", 1, "not_started"), ("q", "", 1, "done"), ("p", "", 1, "not_started")],
        [("p", "q"), ("q", "r")],
    )
    assert analysis.remaining_to_goal(r, "r") == ["p", "r"]


def test_progress_counts_and_hours(diamond):
    p = analysis.progress(diamond)
    # f is skipped: out of totals. Total 6 nodes, 47 hours; done a (10 h).
    assert (p.overall.done, p.overall.total, p.overall.skipped, p.overall.in_progress) == (1, 6, 1, 1)
    assert p.overall.total_hours == 47.0
    assert p.overall.done_hours == 10.0
    assert p.overall.fraction == pytest.approx(1 / 6)
    assert p.overall.hours_fraction == pytest.approx(10 / 47)
    assert p.overall.remaining_hours == 37.0
    assert list(p.stages) == diamond.stage_order()
    edu = p.stages["Education"]
    assert (edu.done, edu.total, edu.done_hours, edu.total_hours) == (1, 2, 10.0, 15.0)
    assert p.stages["Leadership"].total == 0
    assert p.stages["Leadership"].fraction == 0.0
    cl = p.stages["Continuous learning"]
    assert (cl.total, cl.skipped, cl.fraction) == (0, 1, 1.0)


def test_progress_hours_fall_back_to_resources_and_count():
    r = Roadmap.model_validate(
        {
            "id": "t",
            "title": "T",
            "nodes": [
                {
                    "id": "a",
                    "title": "A",
                    "status": "done",
                    "resources": [{"id": "r1", "title": "R", "estimated_hours": 6}],
                },
                {"id": "b", "title": "B"},
            ],
        }
    )
    p = analysis.progress(r)
    assert p.overall.done_hours == 6.0 and p.overall.total_hours == 6.0
    r.nodes[0].resources[0].estimated_hours = None
    p = analysis.progress(r)
    assert p.overall.total_hours == 0.0
    assert p.overall.hours_fraction == 0.5  # no hours at all: falls back to counts


def test_critical_path_to_goal(diamond):
    # a is done; via c (20) the chain c, d, e weighs 31; via b only 16.
    assert analysis.critical_path_hours(diamond, "e") == (31.0, ["c", "d", "e"])
    assert analysis.critical_path_hours(diamond, "b") == (5.0, ["b"])
    assert analysis.critical_path_hours(diamond, "a") == (0.0, [])


def test_critical_path_anywhere(diamond):
    assert analysis.critical_path_hours(diamond) == (31.0, ["c", "d", "e"])


def test_critical_path_custom_hours(diamond):
    # Only half of an in-progress node remains: b weighs 2.5, c still wins.
    def remaining(node):
        return node.effective_hours / 2 if node.status == "in_progress" else node.effective_hours

    assert analysis.critical_path_hours(diamond, "d", remaining) == (28.0, ["c", "d"])
    r = make([("p", "", 10, "in_progress"), ("q", "", 1, "not_started")], [("p", "q")])
    assert analysis.critical_path_hours(r, "q", remaining) == (6.0, ["p", "q"])


def test_critical_path_ties_and_empty():
    r = make([("a", "", 5, "not_started"), ("b", "", 5, "not_started"), ("g", "", 1, "not_started")],
             [("b", "g"), ("a", "g")])
    assert analysis.critical_path_hours(r, "g") == (6.0, ["a", "g"])
    assert analysis.critical_path_hours(make([], [])) == (0.0, [])


def test_reused_order_index_gives_same_answers(diamond):
    order = OrderIndex.of(diamond)
    assert analysis.ready_nodes(diamond, order=order) == analysis.ready_nodes(diamond)
    assert analysis.remaining_to_goal(diamond, "e", order=order) == ["b", "c", "d", "e"]
    assert analysis.critical_path_hours(diamond, "e", order=order) == (31.0, ["c", "d", "e"])


@st.composite
def random_dags(draw):
    n = draw(st.integers(1, 25))
    statuses = draw(st.lists(st.sampled_from(["not_started", "in_progress", "done", "skipped"]),
                             min_size=n, max_size=n))
    pairs = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=3 * n))
    perm = draw(st.permutations(range(n)))  # model order differs from topological order
    edges = {(f"v{min(a, b)}", f"v{max(a, b)}") for a, b in pairs if a != b}
    nodes = [(f"v{i}", "", float(i % 4), statuses[i]) for i in perm]
    return make(nodes, sorted(edges))


@settings(max_examples=60, deadline=None)
@given(random_dags())
def test_properties_on_random_dags(r):
    closed = {n.id for n in r.nodes if n.status in ("done", "skipped")}
    order = OrderIndex.of(r)
    for node in r.nodes:
        seq = analysis.remaining_to_goal(r, node.id, order=order)
        pos = {v: i for i, v in enumerate(seq)}
        for e in r.edges:
            if e.source in pos and e.target in pos:
                assert pos[e.source] < pos[e.target]
        assert not closed & set(seq)
        total, chain = analysis.critical_path_hours(r, node.id, order=order)
        assert total == pytest.approx(sum(r.node(v).effective_hours for v in chain))
        if node.id not in closed:
            assert chain and chain[-1] == node.id
    for v in analysis.ready_nodes(r):
        assert set(analysis.prerequisites(r, v, transitive=False)) <= closed


@pytest.mark.slow
def test_queries_on_10k_nodes_are_fast():
    r = synthetic_roadmap(10_000, seed=3, resources=False)
    for i, node in enumerate(r.nodes):
        if i % 3 == 0:
            node.status = "done"
    goal = r.plan.goal
    # A ratio, not a time: each query must cost no more than a few times one
    # plain pass that builds the graph, measured here in the same process, so a
    # quadratic step fails on any machine and a busy one does not.
    reference = min(_timed(lambda: to_digraph(r, ordering_only=True)) for _ in range(3))
    for query in (
        lambda: analysis.ready_nodes(r),
        lambda: analysis.progress(r),
        lambda: analysis.remaining_to_goal(r, goal),
        lambda: analysis.critical_path_hours(r, goal),
    ):
        best = min(_timed(query) for _ in range(2))
        assert best < 6 * reference


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_invalid_cyclic_roadmap_still_gets_finite_answers():
    # Files are validated on load, but the GUI may ask mid-edit: never hang or crash.
    r = make(
        [("a", "", 1, "not_started"), ("b", "", 2, "not_started"), ("c", "", 3, "not_started"),
         ("d", "", 4, "not_started")],
        [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")],
    )
    assert analysis.ready_nodes(r) == []
    assert sorted(analysis.remaining_to_goal(r, "d")) == ["a", "b", "c", "d"]
    hours, chain = analysis.critical_path_hours(r, "d")
    assert chain[-1] == "d" and len(set(chain)) == len(chain)
    assert hours == sum(r.node(v).effective_hours for v in chain)
    _, chain_any = analysis.critical_path_hours(r)
    assert len(set(chain_any)) == len(chain_any)
