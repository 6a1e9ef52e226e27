"""The built-in roadmaps: valid, deterministic, rich, and faithful to the seeds."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

from roadmap_app import assets
from roadmap_app.graph.build import to_digraph
from roadmap_app.model import Cost, EdgeKind, NodeKind, Origin, ResourceKind, RoadmapError
from roadmap_app.planning import resolve_route, schedule
from roadmap_app.storage import dumps, loads
from roadmap_app.templates import (
    UnknownTemplateError,
    list_templates,
    load_template,
    template_bytes,
    template_ids,
)

REPO = Path(__file__).resolve().parent.parent

IDS = template_ids()
MAIN = "ml-architect"


def _resources(roadmap):
    return [res for node in roadmap.nodes for res in node.resources]


def _goal_ancestors(roadmap) -> set[str]:
    graph = to_digraph(roadmap, ordering_only=True)
    return nx.ancestors(graph, roadmap.plan.goal) | {roadmap.plan.goal}


def test_the_shipped_templates_are_found():
    assert IDS[0] == MAIN
    assert {"ml-architect", "swe-to-mle", "ds-to-llm"} <= set(IDS)


@pytest.mark.parametrize("template_id", IDS)
def test_template_loads_through_the_user_file_loader(template_id):
    loaded = loads(template_bytes(template_id))  # runs validate_roadmap: ids, edges, cycles
    roadmap = loaded.roadmap
    assert roadmap.id == template_id
    assert not loaded.migrated
    assert nx.is_directed_acyclic_graph(to_digraph(roadmap, ordering_only=True))


@pytest.mark.parametrize("template_id", IDS)
def test_redumping_gives_the_committed_bytes(template_id):
    data = template_bytes(template_id)
    assert dumps(loads(data).roadmap) == data
    assert data.endswith(b"\n")


@pytest.mark.parametrize("template_id", IDS)
def test_every_node_is_described_estimated_and_staged(template_id):
    roadmap = load_template(template_id)
    stages = set(roadmap.stages)
    for node in roadmap.nodes:
        assert len(node.description) >= 30, node.id
        assert node.estimated_hours is not None, node.id
        assert node.stage in stages, node.id
        assert node.origin is Origin.TEMPLATE
    for stage in roadmap.stages:
        assert any(node.stage == stage for node in roadmap.nodes), stage


@pytest.mark.parametrize("template_id", IDS)
def test_every_resource_is_a_web_link_from_the_template(template_id):
    roadmap = load_template(template_id)
    assert _resources(roadmap)
    for res in _resources(roadmap):
        assert re.match(r"^https?://[^\s/]+\.[^\s/]+/\S*$", res.url), res.url
        assert res.provider and res.estimated_hours is not None, res.id
        assert res.cost in (Cost.FREE, Cost.PAID), res.id
        assert res.origin is Origin.TEMPLATE


@pytest.mark.parametrize("template_id", IDS)
def test_resource_ids_are_unique_in_the_file_and_scoped_by_node(template_id):
    roadmap = load_template(template_id)
    ids = [(node.id, res.id) for node in roadmap.nodes for res in node.resources]
    assert len({rid for _n, rid in ids}) == len(ids)
    assert all(rid.startswith(node_id + ".") for node_id, rid in ids)


@pytest.mark.parametrize("template_id", IDS)
def test_goal_is_a_role_reached_through_the_core(template_id):
    roadmap = load_template(template_id)
    goal = roadmap.node(roadmap.plan.goal)
    assert goal is not None and goal.kind is NodeKind.ROLE
    assert roadmap.plan.hours_per_week == 10 and roadmap.plan.start_date is None
    ancestors = _goal_ancestors(roadmap)
    # The bulk of the roadmap leads to the goal; practices run alongside and never delay it.
    assert len(ancestors) >= len(roadmap.nodes) // 2
    practices = {n.id for n in roadmap.nodes if n.kind is NodeKind.PRACTICE}
    assert practices and not (practices & ancestors)
    related_ends = {e.source for e in roadmap.edges if e.kind is EdgeKind.RELATED}
    assert practices <= related_ends  # each practice says which stage it feeds


def test_progression_edges_join_roles():
    for template_id in IDS:
        roadmap = load_template(template_id)
        nodes = roadmap.node_map()
        for edge in roadmap.edges:
            if edge.kind is EdgeKind.PROGRESSION:
                assert nodes[edge.source].kind is NodeKind.ROLE, edge
                assert nodes[edge.target].kind is NodeKind.ROLE, edge


def test_ml_architect_is_rich_and_follows_the_path():
    roadmap = load_template(MAIN)
    assert len(roadmap.nodes) >= 60
    assert len(_resources(roadmap)) >= 40
    goal = roadmap.node(roadmap.plan.goal)
    assert re.search(r"\b(ML|machine learning) architect\b", goal.title, re.IGNORECASE)
    stages = roadmap.stages
    for stage in ("Education", "Entry roles", "ML roles", "Leadership", "ML architect"):
        assert stage in stages
    assert [s for s in stages if s in ("Education", "Entry roles", "ML roles", "Leadership",
                                       "ML architect")] == [
        "Education", "Entry roles", "ML roles", "Leadership", "ML architect"]
    assert stages[-1] == "Continuous learning"
    kinds = {node.kind for node in roadmap.nodes}
    assert kinds == set(NodeKind)
    core = {
        "edu-programming", "edu-data-structures-algorithms", "edu-statistics-probability",
        "edu-linear-algebra-calculus", "edu-computer-systems", "edu-ml-data-mining",
        "edu-projects-internships", "edu-bachelors", "skill-micrograd", "skill-zero-to-hero",
        "role-software-developer", "skill-ml-frameworks",
        "skill-data-preparation", "skill-cloud-platform", "role-ml-engineer",
        "skill-scalable-ml-systems", "role-ml-lead", "skill-ml-design-patterns",
        "skill-stakeholder-communication", "milestone-llm-lifecycle",
    }
    assert core <= resolve_route(roadmap).on_route  # the default (software) route
    roles = {n.id for n in roadmap.nodes if n.kind is NodeKind.ROLE}
    assert {"role-data-analyst", "role-junior-data-scientist", "role-data-scientist"} <= roles


def test_ml_architect_has_at_least_40_distinct_resources():
    # Attachments can repeat a resource on several nodes; the issue asks for 40 resources.
    urls = {res.url for res in _resources(load_template(MAIN))}
    assert len(urls) >= 40, len(urls)


@pytest.mark.parametrize("template_id", IDS)
def test_resource_urls_are_http_and_not_repeated_on_a_node(template_id):
    for node in load_template(template_id).nodes:
        urls = [res.url for res in node.resources]
        assert all(url.startswith(("https://", "http://")) for url in urls), node.id
        assert len(set(urls)) == len(urls), node.id


def test_one_url_means_one_resource_across_the_templates():
    # The catalogue holds each resource once; the same link never carries two titles or kinds.
    seen: dict[str, tuple] = {}
    for template_id in IDS:
        for res in _resources(load_template(template_id)):
            facts = (res.title, res.kind, res.cost, res.provider)
            assert seen.setdefault(res.url, facts) == facts, res.url


def test_ml_architect_default_route_is_a_plausible_career():
    roadmap = load_template(MAIN)
    start = dt.date(2027, 1, 4)
    plan = schedule(roadmap, start=start, today=start)
    years = (plan.goal_date - start).days / 365.25
    assert 9 <= years <= 13  # a degree plus most of a decade of work; see docs/PLANNING.md


def _resources_md_rows(shared_dir):
    text = (shared_dir / "seeds" / "RESOURCES.md").read_text(encoding="utf-8")
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 7 and cells[4].startswith("http"):
            rows.append(dict(zip(("seed", "title", "kind", "who", "url", "cost", "hours"), cells,
                                 strict=True)))
    return rows


def test_every_seed_resource_is_in_ml_architect(shared_dir):
    rows = _resources_md_rows(shared_dir)
    assert len(rows) >= 20
    by_url: dict[str, list] = {}
    for res in _resources(load_template(MAIN)):
        by_url.setdefault(res.url, []).append(res)
    for row in rows:
        attached = by_url.get(row["url"])
        assert attached, f"{row['title']} ({row['url']}) is missing"
        for res in attached:
            assert res.kind is ResourceKind(row["kind"]), row["title"]
            expected_cost = Cost.PAID if row["cost"].startswith("paid") else Cost.FREE
            assert res.cost is expected_cost, row["title"]
            if "audit free" in row["cost"]:
                assert "audit" in res.notes.lower()
            numbers = re.findall(r"\d+", row["hours"])
            if numbers:
                assert res.estimated_hours == float(numbers[0]), row["title"]


def test_load_template_returns_a_fresh_copy():
    first = load_template(MAIN)
    first.nodes[0].title = "changed"
    first.nodes.pop()
    second = load_template(MAIN)
    assert second.nodes[0].title != "changed"
    assert len(second.nodes) == len(first.nodes) + 1


def test_unknown_template_names_the_available_ones():
    with pytest.raises(UnknownTemplateError) as info:
        load_template("no-such-roadmap")
    assert isinstance(info.value, RoadmapError)
    message = str(info.value)
    assert "no-such-roadmap" in message
    for template_id in IDS:
        assert template_id in message


def test_list_templates_counts_match_the_files():
    infos = {info.id: info for info in list_templates()}
    assert list(infos) == IDS
    for template_id, info in infos.items():
        roadmap = load_template(template_id)
        assert info.title == roadmap.title
        assert info.node_count == len(roadmap.nodes)
        assert info.edge_count == len(roadmap.edges)
        assert info.resource_count == len(_resources(roadmap))


def test_templates_are_package_data():
    # Found through importlib.resources, as an installed wheel would find them.
    folder = assets.asset("templates")
    names = {entry.name for entry in folder.iterdir()}
    assert {f"{template_id}.roadmap" for template_id in IDS} <= names


@pytest.mark.skipif(not (REPO / "resources/templates/source/templates_src").is_dir(), reason="not a checkout")
def test_committed_files_match_their_generator():
    result = subprocess.run(
        [sys.executable, "resources/templates/source/build_templates.py", "--check"],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr
