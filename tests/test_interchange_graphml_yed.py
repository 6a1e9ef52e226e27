"""GraphML from yEd, Gephi, graph-tool and hand-written files: what comes in, what is reported.

The fixtures under fixtures/interchange/graphml are small look-alikes of real files
(yEd 3.2x groups, UML, tables; Gephi; graph-tool; namespace-less and nested GraphML).
Every parse runs under a hard time limit, so a hang fails instead of blocking the run.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hard_limit import hard_limit as _hard_limit

from roadmap_app.interchange.formats import import_bytes
from roadmap_app.interchange.geometry import overlapping_pairs
from roadmap_app.interchange.graphml import read_graphml
from roadmap_app.interchange.links import DROPPED
from roadmap_app.model import EdgeKind, Status
from roadmap_app.storage.errors import FileFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "interchange" / "graphml"
G = "{http://graphml.graphdrawing.org/xmlns}"
Y = "{http://www.yworks.com/xml/graphml}"
LIMIT_S = 5


def hard_limit(seconds: int = LIMIT_S):
    return _hard_limit(seconds)


def load(name: str):
    # import_bytes, as File > Import does: it applies the link rule every importer shares.
    with hard_limit():
        return import_bytes((FIXTURES / name).read_bytes(), name)


def source_labels(path: Path) -> tuple[set[str], set[str]]:
    """(node labels, edge labels) the file shows: yEd labels of active realizers, label data."""
    root = ET.parse(path).getroot()
    label_keys = {k.get("id") for k in root.iter(f"{G}key")
                  if k.get("attr.name") in ("label", "name") and k.get("for") in ("node", "all")}
    nodes: set[str] = set()
    for node in root.iter(f"{G}node"):
        for data in node.findall(f"{G}data"):
            if data.get("key") in label_keys and (data.text or "").strip():
                nodes.add(data.text.strip())
            for element in data:
                realizers = element.find(f"{Y}Realizers")
                if realizers is not None:
                    element = list(realizers)[int(realizers.get("active", "0"))]
                labels = [label.text.strip() for label in element.findall(f"{Y}NodeLabel")
                          if (label.text or "").strip()]
                # A group's further labels (a table's row and column names) have no place
                # in a stage: the report says so (checked below).
                nodes.update(labels[:1] if node.get("yfiles.foldertype") else labels)
    edges = {label.text.strip() for label in root.iter(f"{Y}EdgeLabel") if (label.text or "").strip()}
    return nodes, edges


# name, dropped counts the report must show
FAITHFUL = [
    ("yed-groups-uml.graphml", {"group descriptions and links": 2, DROPPED: 1}),
    ("gephi.graphml", {"node attributes": 4, "edge attributes": 3}),
    ("graph-tool.graphml", {"values of unsupported key types": 4, "edge attributes": 2}),
    ("no-namespace.graphml", {}),
    ("nested-plain.graphml", {}),
]


@pytest.mark.parametrize(("name", "dropped"), FAITHFUL, ids=[f[0] for f in FAITHFUL])
def test_fixture_imports_faithfully(name, dropped):
    roadmap, report = load(name)
    positions = {n.id: (n.position.x, n.position.y) for n in roadmap.nodes if n.position}
    assert overlapping_pairs(positions) == 0
    node_labels, edge_labels = source_labels(FIXTURES / name)
    shown = {n.title for n in roadmap.nodes} | set(roadmap.stages)
    text = "\n".join(n.description for n in roadmap.nodes)
    missing = {label for label in node_labels if label not in shown and label not in text}
    assert not missing, missing
    assert edge_labels <= {e.label for e in roadmap.edges}
    if b"status" not in (FIXTURES / name).read_bytes():
        assert {n.status for n in roadmap.nodes} == {Status.NOT_STARTED}
    assert dict(report.dropped) == dropped
    assert len(report.warning_lines()) >= len(dropped)  # each kind of loss has its line


def test_yed_node_types_groups_and_labels():
    roadmap, report = load("yed-groups-uml.graphml")
    titles = {n.id: n.title for n in roadmap.nodes}
    assert titles == {"n0": "Python", "n1": "Statistics", "n2": "Model Trainer", "n3": "GPU cluster",
                      "n4": "Notebook", "n5::n0": "Neural networks", "n5::n1::n0": "Attention",
                      "n6::n0": "ML engineer"}
    # Further labels and UML compartments make the description.
    assert "second label: 3 weeks" in roadmap.node("n0").description
    uml = roadmap.node("n2").description
    assert all(part in uml for part in ("«service»", "{runs nightly}", "- epochs: int", "+ fit(): Model"))
    # Groups (open realizer, closed realizer when active, table) became stages with their members.
    assert roadmap.stages == ["Deep learning", "Transformers", "Career table"]
    assert {n.id: n.stage for n in roadmap.nodes if n.stage} == {
        "n5::n0": "Deep learning", "n5::n1::n0": "Transformers", "n6::n0": "Career table"}
    # Colours stay colours; a transparent fill is no colour.
    assert roadmap.node("n0").color == "#c0dcc0" and roadmap.node("n4").color is None
    assert roadmap.node("n0").resources[0].url == "https://docs.python.org/3/"
    # The javascript: link stays visible as text in the resource's notes, never as a link.
    (kept,) = roadmap.node("n1").resources
    assert kept.url == "" and "javascript:alert(1)" in kept.notes
    assert any("javascript:alert(1)" in w and "not http(s)" in w for w in report.warnings)
    assert "left out the description, link or further labels of 2 groups (stages have none)" in \
        report.warnings


def test_yed_arrowheads_decide_the_edge_kind():
    roadmap, _report = load("yed-groups-uml.graphml")
    edges = {(e.source, e.target): e for e in roadmap.edges}
    assert edges[("n0", "n1")].kind is EdgeKind.PREREQUISITE
    assert (edges[("n0", "n1")].label, edges[("n0", "n1")].color) == ("needs", "#ff0000")
    assert edges[("n1", "n2")].kind is EdgeKind.RELATED  # arrows at both ends
    assert edges[("n2", "n3")].kind is EdgeKind.RELATED  # no arrowheads
    assert edges[("n2", "n3")].label == "runs on"
    # An arrowhead only at the source points the other way.
    assert edges[("n2", "n5::n0")].kind is EdgeKind.PREREQUISITE
    assert edges[("n2", "n5::n0")].color == "#3366ff"
    assert edges[("n1", "n2")].color is None  # yEd's default black line is no colour of its own
    assert edges[("n5::n0", "n5::n1::n0")].label == "then"  # an edge description without a label
    # An arrow into a group box leads to the members where the group starts.
    assert edges[("n0", "n5::n0")].kind is EdgeKind.PREREQUISITE
    assert ("n0", "n5::n1::n0") not in edges


def test_graph_tool_types_are_skipped_with_a_warning_and_defaults_apply():
    roadmap, report = load("graph-tool.graphml")
    assert [n.title for n in roadmap.nodes] == ["Linear algebra", "Calculus", "Unnamed topic"]
    assert roadmap.title == "Topic map"
    assert {e.kind for e in roadmap.edges} == {EdgeKind.RELATED}
    lines = [w for w in report.warnings if "vector_float" in w]
    assert lines == ["line 12: key key2 (pos) has the type 'vector_float', which GraphML readers do "
                     "not share; its values were skipped"]


def test_gephi_colours_positions_and_edge_direction():
    roadmap, _report = load("gephi.graphml")
    assert [n.color for n in roadmap.nodes] == ["#f44336", "#f44336", "#2196f3", "#2196f3"]
    xs = [n.position.x for n in roadmap.nodes[:3]]
    assert xs == sorted(xs)  # left-to-right order kept while spreading the cards apart
    kinds = [(e.source, e.target, e.kind) for e in roadmap.edges]
    assert kinds == [("0", "1", EdgeKind.PREREQUISITE), ("1", "2", EdgeKind.PREREQUISITE),
                     ("2", "3", EdgeKind.RELATED)]  # its own directed="false"
    assert roadmap.edges[1].label == "leads to"


def test_namespace_less_graphml_and_default_status():
    roadmap, _report = load("no-namespace.graphml")
    assert [(n.title, n.status) for n in roadmap.nodes] == [
        ("Git", Status.IN_PROGRESS), ("Code review", Status.DONE)]  # the <default> is what it says


def test_nested_graphs_become_stages():
    roadmap, _report = load("nested-plain.graphml")
    assert [(n.title, n.stage) for n in roadmap.nodes] == [
        ("Maths", ""), ("Regression", "Machine learning"), ("Trees", "Machine learning")]
    assert roadmap.node("n0").description == "Before everything else"
    assert {e.key for e in roadmap.edges} == {("n1::a", "n1::b", "prerequisite"),
                                              ("n0", "n1::a", "prerequisite"),
                                              ("n0", "n1::b", "related")}


def _tiny(declaration: str, label: str) -> str:
    return (f'{declaration}<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            '<key id="l" for="node" attr.name="label" attr.type="string"/>'
            f'<graph><node id="a"><data key="l">{label}</data></node></graph></graphml>')


def test_encoding_declaration_must_match_the_bytes():
    latin = _tiny('<?xml version="1.0" encoding="ISO-8859-1"?>', "Café")
    with hard_limit():
        roadmap, _ = read_graphml(latin.encode("latin-1"))
    assert roadmap.nodes[0].title == "Café"
    with hard_limit(), pytest.raises(FileFormatError, match="declares the encoding ISO-8859-1, but its "
                                                            "text is UTF-8"):
        read_graphml(latin.encode("utf-8"))
    with hard_limit(), pytest.raises(FileFormatError, match=r"not UTF-8 text \(byte \d+\)"):
        read_graphml(_tiny("", "Café").encode("latin-1"))


def test_doctype_word_in_comment_or_cdata_is_text():
    data = _tiny('<?xml version="1.0"?><!-- no <!DOCTYPE here -->',
                 "<![CDATA[<!DOCTYPE x [<!ENTITY y 'z'>]>]]>")
    with hard_limit():
        roadmap, _ = read_graphml(data.encode())
    assert roadmap.nodes[0].title == "<!DOCTYPE x [<!ENTITY y 'z'>]>"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('<key id="b" for="node" attr.name="optional" attr.type="boolean"/>'
         '<graph>\n<node id="a">\n<data key="b">maybe</data></node></graph>',
         "line 3: key b (optional) is a boolean, but the value is 'maybe'"),
        ('<key id="h" for="node" attr.type="double"><default>lots</default></key><graph/>',
         "line 1: key h is a double, but the value is 'lots'"),
        ('<graph>\n\n<node id="a"><data key="zz">x</data></node></graph>', "line 3: data refers to key"),
        ("<graph><node/></graph>", "line 1: a node without an id"),
        ('<graph><node id="a"/><edge source="a"/></graph>', "line 1: an edge without a source or target"),
        ("<key/><graph/>", "line 1: a key without an id"),
        ("", "no <graph> element"),
    ],
)
def test_errors_name_the_key_and_line(body, message):
    data = f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">{body}</graphml>'.encode()
    with hard_limit(), pytest.raises(FileFormatError) as info:
        read_graphml(data)
    assert message in str(info.value)
    assert "\n" not in str(info.value)


def test_other_root_element_is_refused_clearly():
    with hard_limit(), pytest.raises(FileFormatError, match=r"the root element is <svg>, not <graphml>"):
        read_graphml(b"<svg><g/></svg>")


YED_HEAD = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
            'xmlns:y="http://www.yworks.com/xml/graphml">'
            '<key for="node" id="g" yfiles.type="nodegraphics"/><graph edgedefault="directed">')


def test_yed_html_labels_become_their_plain_text():
    data = (YED_HEAD + '<node id="a"><data key="g"><y:ShapeNode><y:NodeLabel>&lt;html&gt;&lt;b&gt;Deep'
            "&lt;/b&gt; learning&lt;br&gt;&amp;amp; more&lt;/html&gt;</y:NodeLabel></y:ShapeNode></data>"
            '</node><node id="b"><data key="g"><y:ShapeNode><y:NodeLabel>a &lt;b&gt; stays</y:NodeLabel>'
            "</y:ShapeNode></data></node></graph></graphml>")
    with hard_limit():
        roadmap, _ = read_graphml(data.encode())
    assert [n.title for n in roadmap.nodes] == ["Deep learning & more", "a <b> stays"]


def test_yfiles_for_html_labels_markup_and_geometry():
    data = """<graphml xmlns="http://graphml.graphdrawing.org/xmlns"
      xmlns:y="http://www.yworks.com/xml/yfiles-common/3.0" xmlns:x="http://www.yworks.com/xml/yfiles-common/markup/3.0"
      xmlns:yjs="http://www.yworks.com/xml/yfiles-for-html/2.0/xaml">
    <key id="d4" for="node" attr.name="NodeLabels" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeLabels"/>
    <key id="d5" for="node" attr.name="NodeGeometry" y:attr.uri="http://www.yworks.com/xml/yfiles-common/2.0/NodeGeometry"/>
    <graph id="G" edgedefault="directed">
      <node id="n0">
        <data key="d4"><x:List><y:Label><y:Label.Text><![CDATA[<p>Linear <b>algebra</b></p>]]></y:Label.Text>
          <y:Label.Style><yjs:MarkupLabelStyle textFill="BLACK"/></y:Label.Style></y:Label></x:List></data>
        <data key="d5"><y:RectD X="469" Y="246" Width="60" Height="60"/></data>
      </node>
      <node id="n1">
        <data key="d4"><x:List><y:Label><y:Label.Text>a &lt;b&gt; plain</y:Label.Text>
          </y:Label></x:List></data>
        <data key="d5"><y:RectD X="480" Y="250" Width="60" Height="60"/></data>
      </node>
    </graph></graphml>"""
    with hard_limit():
        roadmap, _ = read_graphml(data.encode())
    assert [n.title for n in roadmap.nodes] == ["Linear algebra", "a <b> plain"]
    positions = {n.id: (n.position.x, n.position.y) for n in roadmap.nodes}
    assert len(positions) == 2 and overlapping_pairs(positions) == 0


def test_graph_description_and_external_graph_links():
    data = ('<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
            '<key id="d" for="graph" attr.name="Description" attr.type="string"/>'
            '<graph><data key="d">What this map is for</data><node id="a"/>'
            '<node id="b"><locator xlink:href="other.graphml" '
            'xmlns:xlink="http://www.w3.org/1999/xlink"/></node></graph></graphml>')
    with hard_limit():
        roadmap, report = read_graphml(data.encode())
    assert roadmap.description == "What this map is for"
    assert [n.id for n in roadmap.nodes] == ["a", "b"]
    assert report.dropped == {"links to external graphs": 1}
    assert "left out 1 links to graphs in other files (never opened)" in report.warnings


def test_shapes_without_text_are_left_out_and_edges_through_them_joined():
    shape = '<data key="g"><y:ShapeNode><y:Geometry x="0" y="0" width="5" height="5"/></y:ShapeNode></data>'
    label = '<data key="g"><y:ShapeNode><y:NodeLabel>{}</y:NodeLabel></y:ShapeNode></data>'
    data = (YED_HEAD + "".join(f'<node id="{n}">{label.format(n.upper())}</node>' for n in "abc")
            + f'<node id="junction">{shape}</node><node id="frame">{shape}</node>'
            '<edge source="a" target="junction"/><edge source="b" target="junction"/>'
            '<edge source="junction" target="c"/></graph></graphml>')
    with hard_limit():
        roadmap, report = read_graphml(data.encode())
    assert [n.title for n in roadmap.nodes] == ["A", "B", "C"]
    assert sorted(e.key for e in roadmap.edges) == [("a", "c", "prerequisite"), ("b", "c", "prerequisite")]
    assert report.dropped == {"shapes without text": 2}
    assert ("left out 2 shapes without any text (drawing aids); 3 edges ended at them, joined into 2 "
            "direct edges") in report.warnings
    # Plain GraphML nodes without any label are steps named by their id, never drawing aids.
    plain, _ = read_graphml(b'<graphml><graph><node id="x"/><node id="y"/></graph></graphml>')
    assert [n.title for n in plain.nodes] == ["x", "y"]


def test_edges_at_group_boxes_connect_to_where_the_group_starts_and_ends():
    body = ('<node id="a"/><node id="g"><graph><node id="g1"/><node id="g2"/><node id="g3"/>'
            '<edge source="g1" target="g2"/></graph></node><node id="b"/><node id="empty"><graph/></node>'
            '<edge source="a" target="g"/><edge source="g" target="b"/><edge source="a" target="empty"/>')
    data = f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph>{body}</graph></graphml>'
    with hard_limit():
        roadmap, report = read_graphml(data.encode())
    assert sorted(e.key[:2] for e in roadmap.edges) == [
        ("a", "g1"), ("a", "g3"), ("g1", "g2"), ("g2", "b"), ("g3", "b")]
    assert report.dropped == {"edges to groups": 1}
    assert "2 edges at group boxes were connected to the groups' first or last members (4 edges)" in \
        report.warnings
