"""One link rule for every importer and exporter: only http(s) URLs are ever links.

Every importer's output goes through formats.import_bytes (the CLI, File > Import,
drops and Update from all do); none may hold a resource URL that is not http(s), and
each one turned into text is in the report. Every foreign exporter writes only
http(s) links.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from test_interchange_samples import rich_roadmap

from roadmap_app.interchange.formats import FORMATS, export_bytes, import_bytes, import_file
from roadmap_app.interchange.graphml import write_graphml
from roadmap_app.interchange.links import DROPPED, keep_web_links
from roadmap_app.interchange.report import ImportReport
from roadmap_app.model import Node, Resource, Roadmap
from roadmap_app.safety import is_web_url, web_link

BAD = ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "vbscript:msgbox(1)",
       "JaVaScRiPt:alert(2)", "http:no-host", "//evil.example/x", "mailto:a@b.example"]
FIXTURES = Path(__file__).parent / "fixtures" / "interchange"


def _urls(roadmap: Roadmap) -> list[str]:
    return [r.url for n in roadmap.nodes for r in n.resources if r.url]


def _canvas() -> bytes:
    nodes = [{"id": "card", "type": "text", "x": 0, "y": 0, "width": 250, "height": 60,
              "text": "Card\n- [fine](https://ok.example/)\n"
                      + "\n".join(f"- [text link {i}]({u})" for i, u in enumerate(BAD))}]
    edges = []
    for i, url in enumerate(BAD):
        nodes.append({"id": f"l{i}", "type": "link", "url": url, "x": 400, "y": 100 * i,
                      "width": 250, "height": 60})
        if i % 2:
            edges.append({"id": f"e{i}", "fromNode": "card", "toNode": f"l{i}"})
    return json.dumps({"nodes": nodes, "edges": edges}).encode()


def _graphml() -> bytes:
    """A GraphML file another tool could write: the bad links are in it.

    Our writer leaves non-http(s) links out, so the file is written with placeholder
    links that are then swapped for the bad ones (XML-escaped) in the bytes.
    """
    roadmap = rich_roadmap()
    python = roadmap.node("python")
    bad = [Resource(id=f"bad{i}", title=f"Bad {i}", url=f"https://placeholder{i}.example/")
           for i in range(len(BAD))]
    roadmap = roadmap.model_copy(update={"nodes": [
        n.model_copy(update={"resources": [*python.resources, *bad]}) if n.id == "python" else n
        for n in roadmap.nodes]})
    data = write_graphml(roadmap)
    for i, url in enumerate(BAD):
        placeholder = f"https://placeholder{i}.example/".encode()
        assert placeholder in data
        data = data.replace(placeholder, escape(url).encode())
    return data


@pytest.mark.parametrize(("name", "data"), [
    ("links.canvas", _canvas()),
    ("links.graphml", _graphml()),
])
def test_no_importer_output_holds_a_link_that_is_not_http(name, data):
    roadmap, report = import_bytes(data, name)
    assert _urls(roadmap) and all(is_web_url(u) for u in _urls(roadmap)), _urls(roadmap)
    assert report.dropped[DROPPED] >= 1
    assert len([w for w in report.warnings if "not http(s)" in w]) == report.dropped[DROPPED]


def test_roadmapsh_content_links_follow_the_rule():
    roadmap, report = import_file(FIXTURES / "roadmapsh-ds" / "data-science.json")
    assert _urls(roadmap) and all(is_web_url(u) for u in _urls(roadmap))
    assert report.dropped[DROPPED] == 3


def test_every_reader_is_covered():
    """A new importer must join the tests above (our own .roadmap keeps what the user typed)."""
    readers = {f.name for f in FORMATS if f.reader}
    assert readers == {"roadmap", "canvas", "graphml", "roadmap.sh"}


def test_text_keeps_what_the_link_said():
    node = Node(id="n", title="N", resources=[
        Resource(id="a", title="A", url="javascript:alert(1)"),
        Resource(id="b", title="B", url="file:///home/me/notes%20one.pdf"),
        Resource(id="c", title="C", url="https://ok.example/"),
        Resource(id="d", title="D"),
    ])
    report = ImportReport()
    roadmap = keep_web_links(Roadmap(id="r", title="R", nodes=[node]), report)
    a, b, c, d = roadmap.nodes[0].resources
    assert (a.url, b.url, c.url, d.url) == ("", "", "https://ok.example/", "")
    assert "javascript:alert(1)" in a.notes and b.path == "/home/me/notes one.pdf"
    assert report.dropped[DROPPED] == 2


@pytest.mark.parametrize("ext", [".canvas", ".graphml", ".md", ".mmd"])
def test_foreign_exports_write_only_web_links(ext):
    marks = [f"{url}#mark{i}" for i, url in enumerate(BAD)]
    node = Node(id="n", title="Node", resources=[
        *(Resource(id=f"r{i}", title=f"Resource {i}", url=url) for i, url in enumerate(marks)),
        Resource(id="ok", title="Fine", url="https://ok.example/page")])
    text = export_bytes(Roadmap(id="r", title="R", nodes=[node]), f"out{ext}").decode()
    assert not any(f"mark{i}" in text for i in range(len(BAD))), text
    if ext != ".mmd":  # Mermaid carries no resources at all
        assert "https://ok.example/page" in text


def test_web_link_is_the_rule():
    assert web_link("https://a.example/") == "https://a.example/"
    assert all(web_link(url) == "" for url in BAD)
