"""Merge properties (hypothesis): no user status or note is ever lost; merging twice is a no-op."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap_app.graph import validate_roadmap
from roadmap_app.interchange.merge import merge
from roadmap_app.model import Edge, EdgeKind, Node, Origin, Resource, Roadmap, Status

IDS = [f"n{i}" for i in range(8)]
URLS = [f"https://example.org/{i}" for i in range(4)]


@st.composite
def resources(draw, prefix: str):
    count = draw(st.integers(0, 3))
    out = []
    for index in range(count):
        out.append(Resource(
            id=draw(st.sampled_from([f"r{index}", f"{prefix}{index}"])),
            title=draw(st.sampled_from(["Course", "Book"])),
            url=draw(st.sampled_from(["", *URLS])),
            status=draw(st.sampled_from(list(Status))),
            notes=draw(st.sampled_from(["", "note"])),
            origin=draw(st.sampled_from(list(Origin))),
        ))
    unique = {r.id: r for r in out}
    return list(unique.values())


@st.composite
def roadmaps(draw, prefix: str):
    """A valid roadmap over a shared pool of ids; edges follow a drawn order, so it is acyclic."""
    ids = draw(st.lists(st.sampled_from(IDS), unique=True, max_size=len(IDS)))
    order = draw(st.permutations(IDS))
    rank = {node_id: i for i, node_id in enumerate(order)}
    nodes = [
        Node(
            id=node_id,
            title=draw(st.sampled_from(["T1", "T2"])) + node_id,
            stage=draw(st.sampled_from(["", "S1", "S2"])),
            status=draw(st.sampled_from(list(Status))),
            notes=draw(st.sampled_from(["", f"{prefix} note on {node_id}"])),
            origin=draw(st.sampled_from(list(Origin))),
            resources=draw(resources(prefix)),
        )
        for node_id in ids
    ]
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids),
                                    st.sampled_from(list(EdgeKind))), max_size=12)) if ids else []
    edges: dict[tuple, Edge] = {}
    for a, b, kind in pairs:
        if a != b:
            source, target = (a, b) if rank[a] < rank[b] else (b, a)
            edges.setdefault((source, target, kind), Edge(source=source, target=target, kind=kind))
    roadmap = Roadmap(id=f"{prefix}-plan", title=prefix, nodes=nodes, edges=list(edges.values()))
    validate_roadmap(roadmap)
    return roadmap


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mine=roadmaps("m"), theirs=roadmaps("t"))
def test_no_user_status_or_note_is_lost(mine, theirs):
    result, summary = merge(mine, theirs)
    validate_roadmap(result)
    for node in mine.nodes:
        kept = result.node(node.id)
        if node.status is not Status.NOT_STARTED or node.notes:
            assert kept is not None, node.id
            assert (kept.status, kept.notes) == (node.status, node.notes)
        for res in node.resources:
            if res.origin is Origin.USER:
                assert res in kept.resources
    assert {n.id for n in theirs.nodes} <= {n.id for n in result.nodes}
    for node in theirs.nodes:
        assert result.node(node.id).title == node.title
    assert len(summary.added) + len([n for n in mine.nodes if n.id in {t.id for t in theirs.nodes}]) == len(
        theirs.nodes)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mine=roadmaps("m"), theirs=roadmaps("t"))
def test_merging_the_same_update_twice_changes_nothing(mine, theirs):
    once, _ = merge(mine, theirs)
    twice, summary = merge(once, theirs)
    assert twice == once
    assert summary.added == [] and summary.removed == [] and summary.dropped_edges == []
