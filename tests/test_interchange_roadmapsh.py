"""roadmap.sh JSON import, from our own small fixture in that format (no roadmap.sh content)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from roadmap_app.interchange.roadmapsh import read_roadmapsh
from roadmap_app.model import EdgeKind, NodeKind, Origin, ResourceKind
from roadmap_app.storage.errors import FileFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"
SOURDOUGH = FIXTURES / "roadmapsh" / "sourdough.json"
IDS = {
    "flour": "Fl0urAndW4t3rBasics1x", "starter": "St4rt3rCultur3K33p2yz", "shaping": "Sh4p1ngD0ughT3ns10nQQ",
    "baking": "B4k1ngOv3nSt3amDutch7", "hydration": "Hydr4t10nP3rc3nt4g3aa",
    "feeding": "F33d1ngSch3dul3Ratio0", "scoring": "Sc0r1ngBl4d3sL4m3__-b", "todo": "T0d0F1rstL0afB4k3d-xy",
}


@pytest.fixture
def imported():
    return read_roadmapsh(SOURDOUGH.read_bytes(), SOURDOUGH)


def test_learnable_nodes_kept_with_their_ids(imported):
    roadmap, report = imported
    assert {n.id for n in roadmap.nodes} == set(IDS.values())
    assert roadmap.title == "Sourdough Baking"
    assert roadmap.node(IDS["todo"]).kind is NodeKind.MILESTONE
    assert roadmap.node(IDS["shaping"]).title == "Shaping <b>dough</b>"
    assert all(n.origin is Origin.IMPORTED for n in roadmap.nodes)
    assert report.dropped == {
        "decoration nodes": 6, "interactive nodes (buttons, links, checklists)": 2,
        "edges to dropped nodes (rewired where they joined two kept nodes)": 1,
    }


def test_edges_oriented_down_the_page(imported):
    roadmap, _ = imported
    keys = {(e.source, e.target): e.kind for e in roadmap.edges}
    short = {v: k for k, v in IDS.items()}
    named = {(short[s], short[t]): kind for (s, t), kind in keys.items()}
    assert named == {
        ("flour", "starter"): EdgeKind.PREREQUISITE,
        ("starter", "shaping"): EdgeKind.PREREQUISITE,  # drawn upwards in the file
        ("shaping", "baking"): EdgeKind.PREREQUISITE,
        ("flour", "hydration"): EdgeKind.PREREQUISITE,
        ("starter", "feeding"): EdgeKind.PREREQUISITE,  # dashed subtopic -> topic, flipped
        ("baking", "scoring"): EdgeKind.PREREQUISITE,
        ("baking", "todo"): EdgeKind.PREREQUISITE,
        ("hydration", "feeding"): EdgeKind.RELATED,
    }


def test_content_folder_gives_descriptions_and_resources(imported):
    roadmap, _ = imported
    flour = roadmap.node(IDS["flour"])
    assert flour.description == "Bread starts with **flour** and water. Strong flour has more protein."
    assert [(r.title, r.kind, r.url) for r in flour.resources] == [
        ("Choosing flour", ResourceKind.ARTICLE, "https://example.org/flour"),
        ("Mixing dough by hand", ResourceKind.VIDEO, "https://example.org/mixing?x=1&y=(2)"),
        ("Bread calculator", ResourceKind.PROJECT, "https://example.org/calc"),
        ("Unknown type", ResourceKind.WEBSITE, "https://example.org/unknown"),
    ]
    assert all(r.origin is Origin.IMPORTED for r in flour.resources)
    assert roadmap.node(IDS["starter"]).description.endswith("It needs regular feeding.")
    scoring = roadmap.node(IDS["scoring"])
    assert scoring.title == "Scoring"  # no label in the JSON: the content's heading
    assert [r.kind for r in scoring.resources] == [ResourceKind.BOOK, ResourceKind.WEBSITE]


def test_stages_follow_topics(imported):
    roadmap, _ = imported
    assert roadmap.stages == ["Flour and water", "Starter culture", "Shaping <b>dough</b>", "Baking"]
    assert roadmap.node(IDS["hydration"]).stage == "Flour and water"
    assert roadmap.node(IDS["feeding"]).stage == "Starter culture"
    assert roadmap.node(IDS["todo"]).stage == "Baking"


def test_resource_ids_are_stable_across_imports(imported, tmp_path):
    roadmap, _ = imported
    again, _ = read_roadmapsh(SOURDOUGH.read_bytes(), SOURDOUGH)
    assert again == roadmap
    no_content, report = read_roadmapsh(SOURDOUGH.read_bytes(), tmp_path / "x.json")
    assert all(not n.resources for n in no_content.nodes)
    assert any("has no label" in w for w in report.warnings)


def test_balsamiq_mockup_is_refused():
    with pytest.raises(FileFormatError, match=r'old roadmap\.sh "mockup" format'):
        read_roadmapsh((FIXTURES / "balsamiq-mockup.json").read_bytes(), "old.json")


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ([], "not a roadmap.sh file"),
        ({"nodes": {}}, "not a roadmap.sh file"),
        ({"nodes": [], "edges": 3}, '"edges" must be a list'),
        ({"nodes": [{"id": "a", "type": "topic", "data": {"label": "x"}}] * 50_000}, "too many"),
    ],
)
def test_bad_documents(doc, message):
    with pytest.raises(FileFormatError, match=message):
        read_roadmapsh(json.dumps(doc).encode())


def test_duplicate_and_invalid_ids_are_reported():
    doc = {"nodes": [
        {"id": "a", "type": "topic", "data": {"label": "A"}, "position": {"x": 0, "y": 0}},
        {"id": "a", "type": "topic", "data": {"label": "A again"}},
        {"id": "has space", "type": "subtopic", "data": {"label": "B"}, "position": {"x": 0, "y": 1e300}},
    ], "edges": [{"source": "a", "target": "has space"}, {"source": "a"}]}
    roadmap, report = read_roadmapsh(json.dumps(doc).encode())
    assert [n.title for n in roadmap.nodes] == ["A", "B"]
    assert roadmap.nodes[1].id.startswith("has-space-")
    assert 9e6 < roadmap.nodes[1].position.y <= 1e7  # clamped, then placed by geometry.arrange
    assert report.dropped["nodes with duplicate ids"] == 1
    assert any("will not merge" in w for w in report.warnings)
