"""JSON Canvas imports keep what the file says: labels, colours, arrowheads, groups, files,
links; no card overlaps another; no status the file did not state; every drop reported.

The fixtures are small look-alikes of real Obsidian canvases, one per feature. Each is
imported through the CLI in a separate process with a hard timeout, so a parser that
hangs fails the test instead of eating CI; the CLI's stderr is the import report.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_app.interchange.geometry import overlapping_pairs
from roadmap_app.interchange.jsoncanvas import read_canvas, to_canvas, write_canvas
from roadmap_app.interchange.markdown import to_markdown
from roadmap_app.interchange.mermaid import to_mermaid
from roadmap_app.model import (
    Edge,
    EdgeKind,
    LayoutDirection,
    Node,
    NodeKind,
    Position,
    Resource,
    ResourceKind,
    Roadmap,
    Status,
)
from roadmap_app.storage import loads

FIXTURES = Path(__file__).parent / "fixtures" / "interchange" / "canvas"
TIMEOUT_S = 60

# For each fixture: every label the source shows (card titles as Obsidian renders them),
# the statuses the file states, and what the report must list as dropped.
EXPECTED = {
    "study-colours.canvas": {
        "titles": {"Legend", "How Programming and Java Work", "M2 - Variables", "Objects", "Streams",
                   "Lambdas", "Records", "Practice daily"},  # a callout shows its title
        "edge_labels": {"then"},
        "stages": [],
        "statuses": {"m4": Status.IN_PROGRESS},  # its "Status: in progress" line
        "dropped": ["dropped 1 colours not understood"],
    },
    "groups.canvas": {
        "titles": {"Linear algebra", "Python", "CNNs", "Transformers", "Outside", "Lonely"},
        "edge_labels": {"needs", "see also"},
        # Reading order, nested after its parent, except where an edge between groups says
        # which comes first ("Group 4" -> "Deep Learning").
        "stages": ["Foundations", "Maths", "Group 4", "Deep Learning"],
        "statuses": {},
        "dropped": ["dropped 1 edges between groups", "dropped 1 edges to groups",
                    "dropped 1 group background images", "dropped 1 group colours"],
    },
    "files-links.canvas": {
        "titles": {"M1 - Intro", "attention.pdf", "diagram.png", "Practice project", "example.org/lonely"},
        "edge_labels": set(),  # the only label titles the link it joined (see below)
        "stages": [],
        "statuses": {},
        "dropped": ["dropped 1 colours of edges to links", "dropped 1 colours of links that became resources",
                    "dropped 1 unknown edge fields", "dropped 1 unknown node fields"],
    },
}


def _convert(source: Path, tmp_path: Path):
    out = tmp_path / (source.stem + ".roadmap")
    proc = subprocess.run(
        [sys.executable, "-m", "roadmap_app", "convert", str(source), "-o", str(out)],
        capture_output=True, text=True, timeout=TIMEOUT_S,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    prefix = f"{source}: warning: "
    report = [line[len(prefix):] for line in proc.stderr.splitlines() if line.startswith(prefix)]
    return loads(out.read_bytes()).roadmap, report


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    folder = tmp_path_factory.mktemp("canvas")
    return {name: _convert(FIXTURES / name, folder) for name in EXPECTED}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_import_keeps_labels_places_cards_apart_and_reports_drops(imported, name):
    roadmap, report = imported[name]
    expected = EXPECTED[name]
    positions = {n.id: (n.position.x, n.position.y) for n in roadmap.nodes}
    assert len(positions) == len(roadmap.nodes)
    assert overlapping_pairs(positions) == 0
    assert {n.title for n in roadmap.nodes} == expected["titles"]
    assert {e.label for e in roadmap.edges} - {""} == expected["edge_labels"]
    assert roadmap.stages == expected["stages"]
    stated = {n.id: n.status for n in roadmap.nodes if n.status is not Status.NOT_STARTED}
    assert stated == expected["statuses"]
    assert sorted(line for line in report if line.startswith("dropped ")) == expected["dropped"]


def test_colours_stay_colours_and_wiki_links_read_as_shown(imported):
    roadmap, _ = imported["study-colours.canvas"]
    colours = {n.id: n.color for n in roadmap.nodes}
    assert colours == {"legend": None, "m1": "#44cf6e", "m2": "#53dfdd", "m3": "#1e90ff", "m4": "#e9973f",
                       "m5": None, "m6": "#aabbcc", "m7": None}
    assert roadmap.node("m3").description == "See types and Classes first."
    edges = {e.key[:2]: e for e in roadmap.edges}
    assert (edges[("m2", "m3")].label, edges[("m2", "m3")].color) == ("then", "#fb464c")
    assert edges[("m3", "m4")].color == "#00aa00"
    assert all(e.kind is EdgeKind.PREREQUISITE for e in roadmap.edges)
    for text in (to_markdown(roadmap), to_mermaid(roadmap)):
        assert "[[" not in text and "M1 - Intro to Java" not in text
    assert "How Programming and Java Work" in to_markdown(roadmap)


def test_cards_that_sat_on_each_other_are_moved_apart_keeping_their_order(imported):
    roadmap, _ = imported["study-colours.canvas"]
    lambdas, records = roadmap.node("m5").position, roadmap.node("m6").position
    assert lambdas.x < records.x and abs(lambdas.y - records.y) < 1  # one row, source order
    column = [roadmap.node(i).position.y for i in ("m1", "m2", "m3", "m4", "m5")]
    assert column == sorted(column)


def test_groups_become_stages_innermost_wins_and_arrowheads_decide_the_kind(imported):
    roadmap, _ = imported["groups.canvas"]
    stages = {n.id: n.stage for n in roadmap.nodes}
    assert stages == {"la": "Maths", "py": "Foundations", "cnn": "Deep Learning", "tr": "Deep Learning",
                      "out": "", "lonely": "Group 4"}
    kinds = {(e.source, e.target): e.kind for e in roadmap.edges}
    assert kinds == {
        ("la", "py"): EdgeKind.PREREQUISITE,
        ("py", "cnn"): EdgeKind.RELATED,  # no arrowhead
        ("cnn", "tr"): EdgeKind.RELATED,  # two arrowheads
        ("out", "tr"): EdgeKind.PREREQUISITE,  # the arrow points back at its source
    }
    assert next(e for e in roadmap.edges if e.source == "cnn").color == "#a882ff"


def test_file_nodes_carry_their_path_and_link_nodes_become_resources(imported):
    roadmap, _ = imported["files-links.canvas"]
    m1 = roadmap.node("f-m1")
    assert [(r.title, r.path, r.url) for r in m1.resources] == [
        ("M1 - Intro.md", "Notes/Java/M1 - Intro.md#Setup", ""),
        ("Oracle tutorial", "", "https://docs.oracle.com/javase/tutorial/"),  # titled by its edge's label
    ]
    pdf = roadmap.node("f-pdf")
    assert ([(r.kind, r.path, r.url) for r in pdf.resources], pdf.color) == (
        [(ResourceKind.PAPER, "papers/attention.pdf", "")], "#e0de71")
    lonely = roadmap.node("l-lonely")
    assert [r.url for r in lonely.resources] == ["https://example.org/lonely"]
    assert {e.key[:2] for e in roadmap.edges} == {("f-m1", "f-pdf"), ("f-pdf", "t-card")}


def test_unknown_fields_are_named_in_the_report(imported):
    _, report = imported["files-links.canvas"]
    assert 'node field "styleAttributes" dropped (1x): not JSON Canvas' in report
    assert 'edge field "styleAttributes" dropped (1x): not JSON Canvas' in report


# ---------------------------------------------------------------- round trip


def _mixed_roadmap(direction: LayoutDirection) -> Roadmap:
    """Stages whose cards the user dragged among each other, every kind and status, colours."""
    kinds = list(NodeKind)
    statuses = list(Status)
    nodes = []
    for i in range(18):
        stage = ["Basics", "Core", "Career", ""][i % 4]
        nodes.append(Node(
            id=f"n{i}", title=f"Node {i}", stage=stage, kind=kinds[i % len(kinds)],
            status=statuses[i % len(statuses)], color=["#44cf6e", "#123abc", None][i % 3],
            description="1. first\n2) second\n- item" if i == 0 else "",
            # Interleaved: each stage's cards sit between the others' cards.
            position=Position(x=(i % 5) * 150.0, y=(i // 5) * 60.0) if i % 2 else None,
            resources=[Resource(id="r1", title="Notes [1]", path="Notes/M1 - Intro.md#Setup"),
                       Resource(id="r2", title="Site", url="https://example.org/a")] if i == 1 else [],
        ))
    edges = [
        Edge(source="n0", target="n2", label="needs", color="#fb464c"),
        Edge(source="n1", target="n2", group="any", label=""),
        Edge(source="n3", target="n2", group="any"),
        Edge(source="n2", target="n6", kind=EdgeKind.PROGRESSION),
        Edge(source="n6", target="n7", kind=EdgeKind.RELATED, label="compare", color="#a882ff"),
        Edge(source="n7", target="n9", kind=EdgeKind.RELATED),
        Edge(source="n4", target="n5", label="related"),  # a user label that names a kind
    ]
    return Roadmap(id="mixed", title="Mixed", stages=["Basics", "Core", "Career"], nodes=nodes, edges=edges,
                   layout_direction=direction)


def _group_boxes(doc):
    return [(g["x"], g["y"], g["x"] + g["width"], g["y"] + g["height"]) for g in doc["nodes"]
            if g["type"] == "group"]


@pytest.mark.parametrize("direction", list(LayoutDirection))
def test_round_trip_keeps_stages_kinds_statuses_colours_and_edges(direction):
    original = _mixed_roadmap(direction)
    doc = to_canvas(original)
    boxes = _group_boxes(doc)
    assert len(boxes) == 3
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not (a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]), (a, b)
    back, report = read_canvas(write_canvas(original), "mixed.canvas")
    assert report.warnings == [] and report.dropped_total == 0
    fields = ("id", "title", "stage", "kind", "status", "color", "description")
    assert [tuple(getattr(n, f) for f in fields) for n in back.nodes] == \
        [tuple(getattr(n, f) for f in fields) for n in original.nodes]
    edge_fields = ("source", "target", "kind", "label", "color", "group")
    assert [tuple(getattr(e, f) for f in edge_fields) for e in back.edges] == \
        [tuple(getattr(e, f) for f in edge_fields) for e in original.edges]
    assert back.stages == original.stages
    assert [(r.title, r.url, r.path) for r in back.node("n1").resources] == [
        ("Notes [1]", "", "Notes/M1 - Intro.md#Setup"), ("Site", "https://example.org/a", "")]
    assert overlapping_pairs({n.id: (n.position.x, n.position.y) for n in back.nodes}) == 0


def test_ordered_list_lines_are_escaped_at_the_dot():
    text = to_canvas(_mixed_roadmap(LayoutDirection.LEFT_TO_RIGHT))["nodes"][3]["text"]
    assert "1\\. first\n2\\) second\n\\- item" in text
    assert "\\1" not in text


# ---------------------------------------------------------------- many groups


def _cli(source: Path, out: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "roadmap_app", "convert", str(source), "-o", str(out)],
                          capture_output=True, text=True, timeout=TIMEOUT_S)


def _cards(count: int) -> list[dict]:
    return [{"id": f"n{i}", "type": "text", "text": f"Card {i}", "x": (i % 40) * 300, "y": (i // 40) * 100,
             "width": 250, "height": 60} for i in range(count)]


def test_more_groups_than_a_plan_has_stages_are_reported(tmp_path):
    groups = [{"id": f"g{i}", "type": "group", "label": f"G{i}", "x": (i % 40) * 300 - 10,
               "y": (i // 40) * 100 - 10, "width": 270, "height": 80} for i in range(300)]
    source = tmp_path / "many.canvas"
    source.write_text(json.dumps({"nodes": groups + _cards(300)}))
    proc = _cli(source, tmp_path / "many.roadmap")
    assert proc.returncode == 0, proc.stderr
    assert f"{source}: warning: dropped 100 groups beyond the stage limit" in proc.stderr.splitlines()
    roadmap = loads((tmp_path / "many.roadmap").read_bytes()).roadmap
    assert len(roadmap.stages) == 200 and sum(1 for n in roadmap.nodes if n.stage) == 200


def test_thousands_of_nested_groups_are_refused_quickly_with_one_line(tmp_path):
    nested = [{"id": f"g{i}", "type": "group", "x": -i, "y": -i, "width": 20_000 + 2 * i,
               "height": 20_000 + 2 * i} for i in range(4_000)]
    source = tmp_path / "nested.canvas"
    source.write_text(json.dumps({"nodes": nested + _cards(4_000)}))
    proc = _cli(source, tmp_path / "nested.roadmap")
    assert proc.returncode == 1 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"{source}: too many overlapping groups (more than 5000000 card-in-group checks)"]


def test_markdown_export_shows_a_local_file_as_text_not_a_link():
    markdown = to_markdown(_mixed_roadmap(LayoutDirection.LEFT_TO_RIGHT))
    assert "  - Notes \\[1\\] (Notes/M1 - Intro.md\\#Setup) — website" in markdown
    assert "](Notes" not in markdown


def test_a_canvas_from_our_earlier_export_keeps_status_without_a_status_colour():
    card = {"id": "a", "type": "text", "x": 0, "y": 0, "width": 280, "height": 120,
            "text": "**Python**\nStatus: done · 40 h", "color": "4"}
    other = card | {"id": "b", "x": 400, "text": "**Maths**", "color": "4"}  # no Status line
    roadmap, report = read_canvas(json.dumps({"nodes": [card, other], "edges": []}).encode())
    assert [(n.status, n.color) for n in roadmap.nodes] == [(Status.DONE, None),
                                                            (Status.NOT_STARTED, "#44cf6e")]
    assert report.dropped_total == 0
