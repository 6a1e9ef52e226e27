"""GraphML export: round trips, what networkx sees, and yEd's view of the same file."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from test_interchange_graphml_yed import hard_limit
from test_interchange_samples import rich_roadmap

from roadmap_app.interchange.geometry import overlapping_pairs
from roadmap_app.interchange.graphml import read_graphml, write_graphml
from roadmap_app.model import Edge, EdgeKind, Node, NodeKind, Position, Resource, Roadmap, Status
from roadmap_app.safety import is_web_url
from roadmap_app.templates import load_template, template_ids

FIXTURES = Path(__file__).parent / "fixtures" / "interchange" / "graphml"
G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"

# The y: elements we write, with the child order and attribute names yEd itself uses for
# them, as found in files saved by yEd 3.23.2 and 3.25.1 (the yEd GraphML extension
# schema, ygraphml.xsd, is not published in a form we could fetch).
YED_CHILDREN = {
    "ShapeNode": ["Geometry", "Fill", "BorderStyle", "NodeLabel", "Shape"],
    "PolyLineEdge": ["Path", "LineStyle", "Arrows", "EdgeLabel", "BendStyle"],
}
YED_ATTRIBUTES = {
    "Geometry": {"height", "width", "x", "y"},
    "Fill": {"color", "color2", "transparent"},
    "BorderStyle": {"color", "raised", "type", "width", "hasColor"},
    "NodeLabel": {"alignment", "autoSizePolicy", "backgroundColor", "borderDistance", "fontFamily",
                  "fontSize", "fontStyle", "hasBackgroundColor", "hasLineColor", "height",
                  "horizontalTextPosition", "iconTextGap", "modelName", "modelPosition", "textColor",
                  "underlinedText", "verticalTextPosition", "visible", "width", "x", "y"},
    "Shape": {"type"},
    "LineStyle": {"color", "type", "width"},
    "Arrows": {"source", "target"},
    "EdgeLabel": {"alignment", "backgroundColor", "borderColor", "fontFamily", "fontSize", "fontStyle",
                  "hasBackgroundColor", "height", "horizontalTextPosition", "iconTextGap", "modelName",
                  "modelPosition", "textColor", "underlinedText", "verticalTextPosition", "visible",
                  "width"},
    "BendStyle": {"smoothed"},
}
SHAPES = {"rectangle", "roundrectangle", "hexagon", "ellipse", "diamond"}
ARROWS = {"none", "standard", "delta"}


def career_roadmap() -> Roadmap:
    """Stages, every kind and status, colours, labelled and grouped edges, the new fields."""
    return Roadmap(
        id="career", title="Career", stages=["School", "Work", "Empty"],
        nodes=[
            Node(id="bsc", title="BSc", kind=NodeKind.EDUCATION, stage="School", duration_weeks=156,
                 status=Status.DONE, completed_on=dt.date(2020, 6, 30), color="#336699",
                 why="A degree opens doors."),
            Node(id="py", title="Python", stage="School", learned_in="bsc", status=Status.IN_PROGRESS,
                 estimated_hours=40.0, position=Position(x=12.5, y=-3)),
            Node(id="cert", title="Cloud cert", kind=NodeKind.CERTIFICATION, stage="Work",
                 optional=True, status=Status.SKIPPED,
                 resources=[Resource(id="r1", title="Guide", url="https://example.org/g",
                                     path="notes/guide.md")]),
            Node(id="prac", title="Kaggle", kind=NodeKind.PRACTICE, stage="Work"),
            Node(id="ml", title="ML engineer", kind=NodeKind.ROLE, stage="Work", duration_weeks=104.5),
            Node(id="goal", title="Architect", kind=NodeKind.MILESTONE, stage="Work"),
        ],
        edges=[
            Edge(source="bsc", target="ml", kind=EdgeKind.PROGRESSION, label="then", color="#aa0000"),
            Edge(source="py", target="ml", group="lang", label="one of"),
            Edge(source="cert", target="ml", group="lang"),
            Edge(source="prac", target="py", kind=EdgeKind.RELATED),
            Edge(source="ml", target="goal"),
        ],
        plan={"goal": "goal", "route": [{"target": "ml", "group": "lang", "choice": "py"}],
              "include_optional": ["cert"], "practice_hours_per_week": 2.5, "profile": "student"},
        layout_direction="top_to_bottom",
    )


def test_round_trip_keeps_stages_kinds_statuses_colours_and_edge_kinds():
    original = career_roadmap()
    data = write_graphml(original)
    with hard_limit():
        back, report = read_graphml(data, "career.graphml")
    assert report.warnings == []
    assert back == original
    assert back.model_dump() == original.model_dump()


def test_round_trip_of_rich_roadmap_through_twice_is_stable():
    once, _ = read_graphml(write_graphml(rich_roadmap()))
    assert write_graphml(once) == write_graphml(read_graphml(write_graphml(once))[0])


def test_networkx_reads_the_export_with_labels_and_types():
    data = write_graphml(career_roadmap())
    graph = nx.parse_graphml(data)
    assert graph.is_directed()
    assert {n: a["label"] for n, a in graph.nodes(data=True)}["ml"] == "ML engineer"
    assert graph.nodes["cert"]["optional"] is True and graph.nodes["cert"]["kind"] == "certification"
    assert graph.nodes["bsc"]["duration_weeks"] == 156.0 and graph.nodes["bsc"]["color"] == "#336699"
    assert graph.nodes["bsc"]["status"] == "done" and graph.nodes["cert"]["stage"] == "Work"
    kinds = sorted(a["kind"] for _u, _v, a in graph.edges(data=True))
    assert kinds == ["prerequisite", "prerequisite", "prerequisite", "progression", "related"]
    assert b">True<" not in data and b">False<" not in data
    assert b">true<" in data and b">false<" in data


def test_undirected_source_is_written_undirected():
    imported, _ = read_graphml((FIXTURES / "graph-tool.graphml").read_bytes())
    data = write_graphml(imported)
    root = ET.fromstring(data)
    assert root.find(f"{G}graph").get("edgedefault") == "undirected"
    assert not nx.parse_graphml(data).is_directed()
    assert b'target="none"' in data and b'target="standard"' not in data  # no arrowheads
    # A directed plan stays directed.
    assert ET.fromstring(write_graphml(career_roadmap())).find(f"{G}graph").get("edgedefault") == "directed"


def test_export_has_yed_graphics_shaped_like_yeds_own():
    roadmap = career_roadmap()
    root = ET.fromstring(write_graphml(roadmap))
    keys = {k.get("yfiles.type"): k.get("id") for k in root.iter(f"{G}key") if k.get("yfiles.type")}
    assert set(keys) == {"nodegraphics", "edgegraphics"}
    boxes = {}
    for node in root.iter(f"{G}node"):
        (shape,) = [d[0] for d in node.findall(f"{G}data") if d.get("key") == keys["nodegraphics"]]
        assert shape.tag == f"{Y}ShapeNode"
        geometry = shape.find(f"{Y}Geometry")
        boxes[node.get("id")] = (float(geometry.get("x")), float(geometry.get("y")))
        assert shape.find(f"{Y}NodeLabel").text == roadmap.node(node.get("id")).title
        assert shape.find(f"{Y}Shape").get("type") in SHAPES
    assert overlapping_pairs(boxes) == 0 and len(boxes) == len(roadmap.nodes)  # laid out
    assert boxes["py"] == (12.5, -3.0)  # a card's own position is its place in yEd too
    fills = {n.get("id"): n.find(f".//{Y}Fill").get("color") for n in root.iter(f"{G}node")}
    assert fills["bsc"] == "#336699"
    labels = [e.findtext(f".//{Y}EdgeLabel") for e in root.iter(f"{G}edge")]
    assert labels == ["then", "one of", None, None, None]
    arrows = [e.find(f".//{Y}Arrows").get("target") for e in root.iter(f"{G}edge")]
    assert arrows == ["standard", "standard", "standard", "none", "standard"]
    for element in root.iter():
        if not element.tag.startswith(Y):
            continue
        name = element.tag[len(Y):]
        if name in YED_CHILDREN:
            children = [c.tag[len(Y):] for c in element]
            order = YED_CHILDREN[name]
            assert all(c in order for c in children), children
            assert [order.index(c) for c in children] == sorted(order.index(c) for c in children)
        else:
            assert set(element.attrib) <= YED_ATTRIBUTES[name], (name, element.attrib)
        if name == "Arrows":
            assert set(element.attrib.values()) <= ARROWS


def test_export_writes_only_web_links():
    roadmap = career_roadmap()
    roadmap.nodes[2].resources.append(Resource(id="r2", title="Bad", url="javascript:alert(1)"))
    data = write_graphml(roadmap)
    assert b"javascript:" not in data
    back, _ = read_graphml(data)
    assert [r.url for r in back.node("cert").resources] == ["https://example.org/g", ""]


@pytest.mark.parametrize("template_id", template_ids())
def test_built_in_roadmaps_round_trip(template_id):
    original = load_template(template_id)
    with hard_limit():
        back, report = read_graphml(write_graphml(original))
    assert report.warnings == []
    for node in original.nodes:  # the export's link rule
        for resource in node.resources:
            if resource.url and not is_web_url(resource.url):
                resource.url = ""
    assert back.model_dump() == original.model_dump()


def test_yed_graphics_alone_carry_titles_places_colours_and_directions():
    """What a yEd user sees: with every plain data value removed, the file still reads."""
    roadmap = career_roadmap()
    root = ET.fromstring(write_graphml(roadmap))
    graphics = {k.get("id") for k in root.iter(f"{G}key") if k.get("yfiles.type")}
    for parent in list(root.iter()):
        for data in parent.findall(f"{G}data"):
            if data.get("key") not in graphics:
                parent.remove(data)
    with hard_limit():
        seen, _ = read_graphml(ET.tostring(root))
    assert [n.title for n in seen.nodes] == [n.title for n in roadmap.nodes]
    assert seen.node("bsc").color == "#336699"
    assert {e.key[:2]: e.kind for e in seen.edges} == {
        ("bsc", "ml"): EdgeKind.PREREQUISITE, ("py", "ml"): EdgeKind.PREREQUISITE,
        ("cert", "ml"): EdgeKind.PREREQUISITE, ("prac", "py"): EdgeKind.RELATED,
        ("ml", "goal"): EdgeKind.PREREQUISITE}
    assert [e.label for e in seen.edges][:2] == ["then", "one of"]
    positions = {n.id: (n.position.x, n.position.y) for n in seen.nodes}
    assert overlapping_pairs(positions) == 0


def test_cards_renamed_or_moved_in_yed_keep_those_edits():
    roadmap = career_roadmap()
    root = ET.fromstring(write_graphml(roadmap))
    for node in root.iter(f"{G}node"):
        if node.get("id") == "py":  # has a position of its own
            node.find(f".//{Y}Geometry").set("x", "400.0")
            node.find(f".//{Y}NodeLabel").text = "Python 3"
        if node.get("id") == "ml":  # placed by our layout: it stays without a position
            node.find(f".//{Y}Geometry").set("x", "9999.0")
    with hard_limit():
        back, report = read_graphml(ET.tostring(root))
    assert back.node("py").title == "Python 3"
    assert (back.node("py").position.x, back.node("py").position.y) == (400.0, -3.0)
    assert back.node("ml").position is None
    assert any("1 cards were renamed or moved" in w for w in report.warnings)
    roadmap.node("py").title = "Python 3"
    roadmap.node("py").position = Position(x=400, y=-3)
    assert back == roadmap
