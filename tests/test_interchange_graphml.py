"""GraphML: lossless round trip, yEd labels, and the hardened XML front door."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from test_interchange_graphml_yed import hard_limit
from test_interchange_samples import rich_roadmap

from roadmap_app.interchange.graphml import read_graphml, write_graphml
from roadmap_app.model import EdgeKind, Origin
from roadmap_app.storage.errors import FileFormatError

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"


@pytest.fixture(autouse=True)
def _hard_limit():
    """Every parse here runs under a hard time limit, so a hang fails instead of blocking."""
    with hard_limit():
        yield
NS = "{http://graphml.graphdrawing.org/xmlns}"


def test_round_trip_keeps_everything():
    original = rich_roadmap()
    original.edges[0].weight = 3  # unknown fields on edges survive too
    back, report = read_graphml(write_graphml(original))
    assert report.warnings == []
    # The export's link rule: a file: URL is left out, the resource itself stays.
    original.nodes[0].resources[1].url = ""
    assert back == original
    assert back.model_dump() == original.model_dump()


def test_export_is_plain_graphml_other_tools_read():
    data = write_graphml(rich_roadmap())
    root = ET.fromstring(data)
    assert root.tag == f"{NS}graphml"
    graph = nx.parse_graphml(data)  # what Gephi/Cytoscape-style readers see
    assert graph.nodes["bold"]["label"] == "<b>x</b>"
    assert graph.nodes["python"]["status"] == "done"
    assert b"&lt;b&gt;x&lt;/b&gt;" in data and b"<b>" not in data


def test_yed_file_imports_with_labels():
    roadmap, report = read_graphml((FIXTURES / "yed-style.graphml").read_bytes(), "yed-style.graphml")
    titles = [n.title for n in roadmap.nodes]
    # n3 is a shape without any text: a drawing aid, left out and reported.
    assert titles == ["Statistics", "Machine learning", '<img src="file:///etc/passwd">']
    assert roadmap.node("n0").description == "Start here: <b>bold</b> stays text"
    # Source positions are scaled and freed of overlaps: the left-to-right order stays.
    xs = [roadmap.node(i).position.x for i in ("n0", "n1", "n2")]
    assert xs == sorted(xs)
    assert len({roadmap.node(i).position.y for i in ("n0", "n1", "n2")}) == 1
    assert all(n.origin is Origin.IMPORTED for n in roadmap.nodes)
    assert [e.key for e in roadmap.edges] == [("n0", "n1", "prerequisite"), ("n1", "n2", "prerequisite")]
    assert report.dropped == {"edges that closed a cycle": 1, "shapes without text": 1}
    assert "left out 1 shapes without any text (drawing aids); 1 edges ended at them" in report.warnings
    assert any('"<img src="file:///etc/passwd">" -> "Statistics": it would close a cycle' in w
               for w in report.warnings)


def test_undirected_graph_gives_related_edges():
    graph = nx.Graph()
    graph.add_edge("a b", "c", weight=1.5)
    graph.nodes["a b"]["name"] = "Named"
    data = "\n".join(nx.generate_graphml(graph)).encode()
    roadmap, report = read_graphml(data, "plain.graphml")
    assert roadmap.nodes[0].title == "Named" and roadmap.nodes[0].id.startswith("a-b-")
    assert [e.kind for e in roadmap.edges] == [EdgeKind.RELATED]
    assert any("undirected" in w for w in report.warnings)


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">
<node id="a"><data key="d0">&lol3;</data></node></graph></graphml>"""
XXE = b"""<?xml version="1.0"?><!doctype g [<!entity x SYSTEM "file:///etc/passwd">]>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph><node id="&x;"/></graph></graphml>"""


def _graphml(body: str, keys: str = "") -> bytes:
    return (f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">{keys}'
            f'<graph edgedefault="directed">{body}</graph></graphml>').encode()


HOURS_KEY = '<key id="h" for="node" attr.name="estimated_hours" attr.type="double"/>'


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BILLION_LAUGHS, "DOCTYPE and ENTITY declarations are not allowed"),
        (XXE, "DOCTYPE and ENTITY declarations are not allowed"),
        (b"<graphml><graph>" + b"<a>" * 100 + b"</a>" * 100 + b"</graph></graphml>", "nesting is deeper"),
        (b"<graphml><graph>", "not valid XML"),
        (b"", "empty"),
        ("<graphml/>".encode("utf-16"), "UTF-8"),
        (_graphml('<node id="a"><data key="h">NaN</data></node>', HOURS_KEY), "finite"),
        (_graphml('<node id="a"><data key="h">inf</data></node>', HOURS_KEY), "finite"),
        (_graphml('<node id="a"><data key="h">lots</data></node>', HOURS_KEY), "not valid GraphML"),
        (_graphml('<node id="a"><data key="nokey">x</data></node>'), "not valid GraphML"),
        (_graphml('<node id="a"><data key="h">-5</data></node>', HOURS_KEY), "estimated_hours"),
    ],
)
def test_hostile_graphml_gives_one_message(data, message):
    start = time.monotonic()
    with pytest.raises(FileFormatError, match=message) as info:
        read_graphml(data, "bad.graphml")
    assert "\n" not in str(info.value)
    assert time.monotonic() - start < 2


def test_hyperedges_and_duplicate_ids_are_reported_not_fatal():
    data = _graphml('<node id="a"/><node id="a"/><node id="b"/>'
                    '<hyperedge><endpoint node="a"/><endpoint node="b"/></hyperedge>')
    roadmap, report = read_graphml(data)
    assert [n.id for n in roadmap.nodes] == ["a", "b"]
    assert report.dropped == {"hyperedges": 1, "nodes with duplicate ids": 1}


def test_self_loop_is_reported_not_fatal():
    data = _graphml('<node id="a"/><node id="b"/><edge source="a" target="b"/><edge source="b" target="b"/>')
    roadmap, report = read_graphml(data)
    assert [e.key for e in roadmap.edges] == [("a", "b", "prerequisite")]
    assert report.dropped == {"self-loops": 1}
