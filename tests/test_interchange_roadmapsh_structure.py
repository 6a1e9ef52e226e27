"""roadmap.sh structure rebuilt: edges through dropped nodes, 2D stages, content, geometry.

The fixture is our own look-alike of a roadmap.sh page (tests/fixtures/interchange/
roadmapsh-ds): topics joined through lines, a label and a section, todos with course
buttons drawn over them, subtopics that sit level with a topic of the other column.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from roadmap_app.interchange.common import safe_id, unique_name
from roadmap_app.interchange.formats import import_file
from roadmap_app.interchange.geometry import CARD_H, CARD_W, overlapping_pairs
from roadmap_app.interchange.links import DROPPED
from roadmap_app.interchange.roadmapsh import read_roadmapsh
from roadmap_app.interchange.roadmapsh_content import parse_content, resource_line
from roadmap_app.model import EdgeKind, Status

FOLDER = Path(__file__).parent / "fixtures" / "interchange" / "roadmapsh-ds"
SOURCE = FOLDER / "data-science.json"
DOC = json.loads(SOURCE.read_text(encoding="utf-8"))
KEPT = {"topic", "subtopic", "todo"}
LABEL = {n["id"]: n["data"]["label"] for n in DOC["nodes"]}
ID = {label: node_id for node_id, label in LABEL.items()}


@pytest.fixture(scope="module")
def imported():
    return import_file(SOURCE)


def test_every_source_label_is_a_title(imported):
    roadmap, _ = imported
    assert sorted(n.title for n in roadmap.nodes) == sorted(
        n["data"]["label"] for n in DOC["nodes"] if n["type"] in KEPT)
    assert roadmap.title == "Data Science Look-alike"


def test_no_two_cards_overlap(imported):
    roadmap, _ = imported
    positions = {n.id: (n.position.x, n.position.y) for n in roadmap.nodes}
    assert len(positions) == len(roadmap.nodes)
    assert overlapping_pairs(positions, (CARD_W, CARD_H)) == 0
    # Python and SQL sit on the very same spot in the file: still two cards side by side.
    python, sql = roadmap.node(ID["Python"]).position, roadmap.node(ID["SQL"]).position
    assert python.y == sql.y and abs(python.x - sql.x) >= CARD_W


def test_no_status_the_file_did_not_state(imported):
    roadmap, _ = imported
    assert all(n.status is Status.NOT_STARTED and not n.status_history for n in roadmap.nodes)
    assert all(r.status is Status.NOT_STARTED for n in roadmap.nodes for r in n.resources)


def test_edges_through_dropped_nodes_are_rewired(imported):
    roadmap, report = imported
    named = {(LABEL[e.source], LABEL[e.target]): e.kind for e in roadmap.edges}
    assert named == {
        ("Mathematics", "Statistics"): EdgeKind.PREREQUISITE,  # through a line
        ("Statistics", "Machine Learning"): EdgeKind.PREREQUISITE,  # through a section and a line
        ("Coding", "Machine Learning"): EdgeKind.PREREQUISITE,  # through a label and a line
        ("Mathematics", "Differential Calculus"): EdgeKind.PREREQUISITE,
        ("Coding", "Python"): EdgeKind.PREREQUISITE,
        # No edge joins these: they follow the topic they are drawn under.
        ("Mathematics", "Linear Algebra, Calculus, Mathematical Analysis"): EdgeKind.PREREQUISITE,
        ("Statistics", "Hypothesis Testing"): EdgeKind.PREREQUISITE,
        ("Statistics", "Probability and Sampling"): EdgeKind.PREREQUISITE,
        ("Statistics", "A/B Testing"): EdgeKind.PREREQUISITE,
        ("Coding", "SQL"): EdgeKind.PREREQUISITE,
    }
    assert any("3 connections rewired" in w for w in report.warnings)
    assert any("5 subtopics and to-dos without edges" in w for w in report.warnings)


def test_every_dropped_item_is_in_the_report(imported):
    _, report = imported
    assert report.dropped == {
        "decoration nodes": 6,
        "interactive nodes (buttons, links, checklists)": 1,
        "edges to missing nodes": 1,
        "edges to dropped nodes (rewired where they joined two kept nodes)": 8,
        DROPPED: 3,  # two in a content file, one on a resource button
    }
    lines = report.warning_lines()
    assert any('resource "Mathematics for ML": link javascript:alert(1)' in w for w in lines)
    assert any('checklist-item "Build a portfolio"' in w for w in lines)
    assert any("javascript:alert(1)" in w and "not http(s)" in w for w in lines)
    assert any("file:///home/someone/linear-algebra.pdf" in w for w in lines)


def test_stages_found_in_two_dimensions(imported):
    roadmap, _ = imported
    assert roadmap.stages == ["Mathematics", "Statistics", "Coding", "Machine Learning"]
    stage = {n.title: n.stage for n in roadmap.nodes}
    # Level with Coding (left column) but beside Statistics' box: by height alone they went to Coding.
    assert stage["A/B Testing"] == "Statistics"
    assert stage["Probability and Sampling"] == "Statistics"
    assert stage["Hypothesis Testing"] == "Statistics"
    assert stage["Linear Algebra, Calculus, Mathematical Analysis"] == "Mathematics"
    assert stage["Differential Calculus"] == "Mathematics"  # joined by an edge
    assert stage["SQL"] == stage["Python"] == "Coding"


def test_resource_buttons_become_resources_of_the_card_above(imported):
    roadmap, report = imported
    course = roadmap.node(ID["Linear Algebra, Calculus, Mathematical Analysis"]).resources
    assert [(r.title, r.url, r.kind.value) for r in course] == [("Mathematics for ML", "", "course")]
    assert "javascript:alert(1)" in course[0].notes  # the link rule: text, never a link
    assert any("1 resource buttons became resources" in w for w in report.warnings)


def test_content_gives_descriptions_and_clean_links(imported):
    roadmap, _ = imported
    maths = roadmap.node(ID["Mathematics"])
    assert maths.description.startswith("Linear algebra, calculus")
    assert [(r.title, r.url) for r in maths.resources] == [
        ("Python (programming language)", "https://en.wikipedia.org/wiki/Python_(programming_language)"),
        ("Essence of linear algebra", "https://www.youtube.com/watch?v=fNk_zzaMoSs"),
        ("Not a web link", ""),
        ("A local copy", ""),
    ]
    assert "javascript:alert(1)" in maths.resources[2].notes  # plain text, never a link
    assert maths.resources[3].path == "/home/someone/linear-algebra.pdf"
    assert roadmap.node(ID["Hypothesis Testing"]).description.startswith("Decide whether")


def test_a_content_folder_named_by_the_user(tmp_path):
    alone = tmp_path / "elsewhere" / "data-science.json"
    alone.parent.mkdir()
    shutil.copy(SOURCE, alone)
    without, _ = import_file(alone)
    assert not without.node(ID["Statistics"]).resources
    folder = tmp_path / "picked"
    shutil.copytree(FOLDER / "content", folder)
    roadmap, _ = import_file(alone, content_dir=folder)
    assert [r.title for r in roadmap.node(ID["Statistics"]).resources] == [
        "Introduction to Statistics", "Seeing Theory"]


def test_same_long_stage_names_get_distinct_names_that_fit():
    used: set[str] = set()
    names = [unique_name("x" * 300, used) for _ in range(3)]
    assert names[0] == "x" * 300 and names[1].endswith(" (2)") and names[2].endswith(" (3)")
    assert all(len(n) <= 300 for n in names) and len(set(names)) == 3


def test_two_topics_with_one_long_label_import():
    label = "L" * 300
    doc = {"nodes": [
        {"id": f"t{i}", "type": "topic", "data": {"label": label}, "position": {"x": 0, "y": 100 * i}}
        for i in range(2)
    ], "edges": []}
    roadmap, _ = read_roadmapsh(json.dumps(doc).encode())
    assert len(set(roadmap.stages)) == 2 and all(len(s) <= 300 for s in roadmap.stages)


@pytest.mark.parametrize(("line", "expected"), [
    ("- [@article@T](https://a.example/x_\\(y\\))", ("article", "T", "https://a.example/x_\\(y\\)")),
    ("  * [@video@Title [with] brackets](https://v.example/)  ", ("video", "Title [with] brackets",
                                                                 "https://v.example/")),
    ("- [@article@T](has space)", None),
    ("- [@@T](https://a.example/)", None),
    ("- [plain](https://a.example/)", None),
    ("- [@a@" + "](x" * 20_000, None),
])
def test_resource_lines(line, expected):
    assert resource_line(line) == expected


STEPS = Path(__file__).parent / "fixtures" / "interchange" / "roadmapsh-steps" / "steps.json"


def test_numbered_steps_and_columns_rebuild_a_page_without_edges():
    """Stale edges only, steps numbered by labels, to-dos listed under their topics."""
    roadmap, report = import_file(STEPS)
    title = {n.id: n.title for n in roadmap.nodes}
    edges = {(title[e.source], title[e.target]) for e in roadmap.edges}
    assert {("Soil", "Seeds"), ("Seeds", "Watering"), ("Watering", "Harvest")} <= edges
    assert all(e.kind is EdgeKind.PREREQUISITE for e in roadmap.edges)
    stage = {n.title: n.stage for n in roadmap.nodes}
    assert stage == {
        "Soil": "Soil", "Compost and mulch": "Soil", "Soil pH": "Soil",
        "Seeds": "Seeds", "Sowing depth": "Seeds", "Germination": "Seeds", "Thinning seedlings": "Seeds",
        "Saving seeds": "Seeds",  # nearer to Harvest's box, but listed in the Seeds column
        "Watering": "Watering", "Drip irrigation": "Watering",
        "Harvest": "Harvest", "Storing the crop": "Harvest",
    }
    # Every to-do follows its topic, so only the first step is ready at the start.
    assert {(title[e.source], title[e.target]) for e in roadmap.edges} - {
        ("Soil", "Seeds"), ("Seeds", "Watering"), ("Watering", "Harvest")} == {
        (stage[t], t) for t in stage if t not in {"Soil", "Seeds", "Watering", "Harvest"}}
    assert report.dropped["edges to missing nodes"] == 3
    assert any("3 prerequisites between topics from the step numbers" in w for w in report.warnings)
    assert overlapping_pairs({n.id: (n.position.x, n.position.y) for n in roadmap.nodes}) == 0
    assert all(n.status is Status.NOT_STARTED for n in roadmap.nodes)


def test_a_block_of_touching_subtopics_follows_the_topic_one_of_them_is_joined_to():
    """roadmap.sh draws a topic's subtopics as a tight block, often with an edge to only one."""
    def card(node_id, kind, x, y, label, w=150):
        return {"id": node_id, "type": kind, "data": {"label": label}, "position": {"x": x, "y": y},
                "width": w, "height": 49}

    doc = {"nodes": [
        card("basics", "topic", 0, 0, "Basics", 260), card("tools", "topic", 400, 300, "Tools", 200),
        # a block to the right of Basics, reaching down beside Tools; only "Lists" has an edge
        card("lists", "subtopic", 400, 0, "Lists"), card("tuples", "subtopic", 553, 0, "Tuples"),
        card("sets", "subtopic", 400, 52, "Sets"), card("dicts", "subtopic", 400, 104, "Dicts"),
        card("more", "subtopic", 400, 156, "More"), card("lone", "subtopic", 700, 520, "Lone"),
    ], "edges": [{"id": "e", "source": "basics", "target": "lists", "data": {"edgeStyle": "dashed"}}]}
    roadmap, _ = read_roadmapsh(json.dumps(doc).encode())
    parent = {e.target: e.source for e in roadmap.edges}
    assert {k: parent[k] for k in ("lists", "tuples", "sets", "dicts", "more")} == dict.fromkeys(
        ("lists", "tuples", "sets", "dicts", "more"), "basics")
    assert parent["lone"] == "tools"  # a card of its own: the nearest topic above in its column


def test_cards_drawn_twice_on_one_spot_are_kept_and_reported():
    twice = [{"id": f"t{i}", "type": "topic", "data": {"label": "Learn the Basics"},
              "position": {"x": 10, "y": 20}, "width": 260, "height": 49} for i in range(2)]
    roadmap, report = read_roadmapsh(json.dumps({"nodes": twice, "edges": []}).encode())
    assert [n.title for n in roadmap.nodes] == ["Learn the Basics"] * 2
    assert overlapping_pairs({n.id: (n.position.x, n.position.y) for n in roadmap.nodes}) == 0
    assert any('"Learn the Basics" is drawn 2 times on the same spot' in w for w in report.warnings)


class CountingSet(set):
    def __init__(self) -> None:
        super().__init__()
        self.probes = 0

    def __contains__(self, item) -> bool:
        self.probes += 1
        return super().__contains__(item)


def test_the_same_foreign_id_many_times_costs_a_bounded_number_of_probes_each():
    used = CountingSet()
    ids = [safe_id("not valid", used) for _ in range(5_000)]
    assert len(set(ids)) == 5_000 and ids[1].endswith("-2")
    assert used.probes < 20 * len(ids)  # counting up from 2 each time took 12.5 million


def test_a_link_listed_twice_in_a_content_file_is_one_resource():
    _title, _text, resources = parse_content("# T\n\n" + "- [@article@Same](https://a.example/x)\n" * 600)
    assert [r["url"] for r in resources] == ["https://a.example/x"]
