"""JSON Canvas: spec-valid export, round trip, loose real-world files, the spec's sample."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_interchange_samples import MARKUP_TITLES, rich_roadmap

from roadmap_app.interchange.jsoncanvas import read_canvas, to_canvas, write_canvas
from roadmap_app.model import EdgeKind, Origin, Status
from roadmap_app.storage.errors import FileFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"
COLORS = {"1", "2", "3", "4", "5", "6"}
HEX = re.compile(r"#[0-9a-fA-F]{6}")


def assert_spec_valid(doc):
    ids = [n["id"] for n in doc["nodes"]] + [e["id"] for e in doc["edges"]]
    assert len(ids) == len(set(ids))
    node_ids = {n["id"] for n in doc["nodes"]}
    for node in doc["nodes"]:
        assert node["type"] in ("text", "file", "link", "group")
        for key in ("x", "y", "width", "height"):
            assert type(node[key]) is int
        assert node.get("color", "1") in COLORS or HEX.fullmatch(node["color"])
        if node["type"] == "text":
            assert isinstance(node["text"], str)
    for edge in doc["edges"]:
        assert edge["fromNode"] in node_ids and edge["toNode"] in node_ids
        assert edge.get("toEnd", "arrow") in ("none", "arrow")


def test_export_is_spec_valid_json():
    doc = json.loads(write_canvas(rich_roadmap()))
    assert_spec_valid(doc)
    groups = [n for n in doc["nodes"] if n["type"] == "group"]
    assert [g["label"] for g in groups] == ["Basics", "Advanced"]
    python = next(n for n in doc["nodes"] if n["id"] == "python")
    assert "color" not in python  # a status is not a colour
    assert python["roadmapPlanner"] == {"kind": "skill", "status": "done"}
    assert python["text"].startswith("**Python**\nStatus: done · 40.5 h")
    assert "[Docs \\[official\\]](https://docs.python.org/3/)" in python["text"]
    assert "file:///" not in python["text"]


def test_groups_contain_their_nodes_without_positions():
    roadmap = rich_roadmap()
    for node in roadmap.nodes:
        node.position = None
    doc = to_canvas(roadmap)
    assert_spec_valid(doc)
    boxes = {n["id"]: n for n in doc["nodes"]}
    for node in roadmap.nodes:
        group = next((g for g in doc["nodes"] if g["type"] == "group" and g["label"] == node.stage), None)
        if group is None:
            continue
        box = boxes[node.id]
        assert group["x"] <= box["x"] and box["x"] + box["width"] <= group["x"] + group["width"]
        assert group["y"] <= box["y"] and box["y"] + box["height"] <= group["y"] + group["height"]


def test_markup_titles_literal_in_canvas():
    doc = to_canvas(rich_roadmap())
    texts = [n["text"] for n in doc["nodes"] if n["type"] == "text"]
    assert "**\\<b\\>x\\</b\\>**\nStatus: skipped" in texts
    assert any(t.startswith("**\\<img src=") for t in texts)
    assert not any(re.search(r"(?<!\\)<", t) for t in texts)  # every < is escaped


def test_round_trip_keeps_nodes_edges_titles_statuses_stages():
    original = rich_roadmap()
    back, report = read_canvas(write_canvas(original), "rich.canvas")
    assert report.warnings == [] and report.dropped_total == 0
    assert [n.id for n in back.nodes] == [n.id for n in original.nodes]
    assert [n.title for n in back.nodes] == [n.title for n in original.nodes]
    assert [n.status for n in back.nodes] == [n.status for n in original.nodes]
    assert [n.stage for n in back.nodes] == [n.stage for n in original.nodes]
    assert [e.key for e in back.edges] == [e.key for e in original.edges]
    python = back.node("python")
    assert abs(python.position.x - 10.5) < 1 and abs(python.position.y + 20) < 1  # user positions kept
    assert python.estimated_hours == 40.5
    assert python.description.startswith("Learn *Python*.\n- lists\n# not a heading")
    assert [(r.title, r.url, r.kind.value, r.provider) for r in python.resources] == [
        ("Docs [official]", "https://docs.python.org/3/", "website", "PSF"),
        ("Local thing", "", "website", ""),
    ]
    assert all(n.origin is Origin.IMPORTED for n in back.nodes)
    assert all(r.origin is Origin.IMPORTED for n in back.nodes for r in n.resources)
    assert MARKUP_TITLES[0] in {n.title for n in back.nodes}


def test_spec_sample_imports(shared_dir):
    data = (shared_dir / "interop" / "jsoncanvas" / "sample.canvas").read_bytes()
    roadmap, report = read_canvas(data, "sample.canvas")
    assert report.dropped_total == 0
    titles = {n.title for n in roadmap.nodes}
    assert {"readme", "logo.svg", "1.0", "Learn more:"} <= titles
    assert roadmap.stages == ["JSON Canvas"]
    assert roadmap.node("7efdbbe0c4742315").stage == "JSON Canvas"
    assert [e.key for e in roadmap.edges] == [("7efdbbe0c4742315", "59e896bc8da20699", "prerequisite")]
    learn = roadmap.node("59e896bc8da20699")
    assert [r.url for r in learn.resources] == ["https://github.com/obsidianmd/jsoncanvas"]


def test_loose_file_imports_and_reports_drops():
    roadmap, report = read_canvas((FIXTURES / "loose.canvas").read_bytes(), "loose.canvas")
    by_title = {n.title: n for n in roadmap.nodes}
    assert set(by_title) == {"Linear algebra", "Calculus", "attention.pdf", "Probability",
                             "example.com/lonely", "Sanitised"}
    assert roadmap.stages == ["Foundations", "Group 2"]
    la = by_title["Linear algebra"]
    assert (la.status, la.stage, la.description) == (Status.NOT_STARTED, "Foundations",
                                                     "Vectors and matrices.\n\n- [Notes](notes.md)")
    assert la.color == "#44cf6e"  # preset "4" is green, never "done"
    assert [r.url for r in la.resources] == ["https://example.org/la"]
    assert (by_title["Calculus"].status, by_title["Calculus"].color) == (Status.NOT_STARTED, "#53dfdd")
    assert by_title["attention.pdf"].color == "#ff0000"
    assert [(r.path, r.url) for r in by_title["attention.pdf"].resources] == [("papers/attention.pdf", "")]
    assert [r.url for r in by_title["Calculus"].resources] == ["https://example.org/calc"]
    assert by_title["attention.pdf"].stage == "Group 2"
    sanitised = by_title["Sanitised"].id
    assert sanitised.startswith("bad-id-with-spaces-")
    kinds = {(e.source, e.target): e.kind for e in roadmap.edges}
    assert kinds[("a", "b")] is EdgeKind.PREREQUISITE
    assert kinds[("b", "d")] is EdgeKind.PROGRESSION
    assert kinds[("c", "d")] is EdgeKind.RELATED
    assert ("d", "a") not in kinds  # closed the cycle a -> b -> d -> a
    assert report.dropped == {
        "nodes with duplicate ids": 1, "nodes of unknown type": 1, "edges that closed a cycle": 1,
        "edges to missing nodes": 1, "edges to groups": 1, "unknown node fields": 1,
        "unknown top-level fields": 1,
    }
    assert all(e.label == "" for e in roadmap.edges)  # "progression" named the kind, not a label
    assert any('"Probability" -> "Linear algebra": it would close a cycle' in w for w in report.warnings)


def test_reversed_arrow_edge_is_flipped():
    roadmap, _ = read_canvas((FIXTURES / "loose.canvas").read_bytes(), "loose.canvas")
    sanitised = next(n.id for n in roadmap.nodes if n.title == "Sanitised")
    assert ("a", sanitised, "prerequisite") in {e.key for e in roadmap.edges}


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"[1, 2]", "top level must be an object"),
        (b'{"nodes": {}}', "must be lists"),
        (b'{"nodes": [{"id": "a", "type": "text", "x": NaN}]}', "NaN"),
        (b'{"a":' * 100 + b"1" + b"}" * 100, "nesting"),
    ],
)
def test_bad_files_give_one_message(data, message):
    with pytest.raises(FileFormatError, match=message):
        read_canvas(data)


def test_template_round_trip_keeps_stages_and_spec():
    from roadmap_app.templates import load_template

    template = load_template("ml-architect")
    doc = to_canvas(template)
    assert_spec_valid(doc)
    back, report = read_canvas(write_canvas(template))
    assert report.dropped_total == 0
    expected = [(n.id, n.stage, n.status) for n in template.nodes]
    assert [(n.id, n.stage, n.status) for n in back.nodes] == expected
    assert [e.key for e in back.edges] == [e.key for e in template.edges]
    boxes = [(n["x"], n["y"]) for n in doc["nodes"] if n["type"] == "text"]
    assert len(set(boxes)) == len(boxes)  # no two cards on the same spot
