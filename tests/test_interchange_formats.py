"""The format registry: extension routing, own format in .json, dialog filters, report counts."""

from __future__ import annotations

import pytest
from test_interchange_samples import rich_roadmap

from roadmap_app.interchange import formats
from roadmap_app.interchange.formats import (
    UnknownFormatError,
    dialog_filters,
    export_bytes,
    format_for,
    import_bytes,
)
from roadmap_app.interchange.report import ImportReport
from roadmap_app.storage import dumps
from roadmap_app.storage.errors import FileFormatError


def test_extension_routing_is_case_insensitive():
    assert format_for("x.CANVAS").name == "canvas"
    assert format_for("x.md", writing=True).name == "markdown"
    with pytest.raises(UnknownFormatError, match=r"cannot import files ending in \.md"):
        format_for("x.md")
    with pytest.raises(UnknownFormatError, match="without an extension"):
        format_for("README", writing=True)


def test_our_format_saved_as_json_is_recognised():
    roadmap, report = import_bytes(dumps(rich_roadmap()), "plan.json")
    assert roadmap == rich_roadmap() and report.format_name == "Roadmap Planner"


def test_every_writer_round_trips_through_its_reader():
    for fmt in formats.FORMATS:
        if fmt.reader and fmt.writer:
            ext = fmt.extensions[0]
            back, _ = import_bytes(export_bytes(rich_roadmap(), f"x{ext}"), f"x{ext}")
            assert [n.id for n in back.nodes] == [n.id for n in rich_roadmap().nodes], fmt.name


def test_unforeseen_shapes_become_one_line(monkeypatch):
    def broken(data, source):
        raise TypeError("unhashable type: 'list'")

    monkeypatch.setattr(formats, "FORMATS", (formats.Format("canvas", (".canvas",), "JSON Canvas", broken),))
    with pytest.raises(FileFormatError, match=r"^cannot be imported as JSON Canvas \(TypeError\)$"):
        import_bytes(b"{}", "x.canvas")


def test_dialog_filters_and_counts():
    assert dialog_filters()[0] == "All supported files (*.roadmap *.canvas *.graphml *.json)"
    assert "Mermaid flowchart (*.mmd *.mermaid)" in dialog_filters(writing=True)
    assert ImportReport.count_lines(rich_roadmap()) == ["5 nodes, 4 edges, 2 resources, 2 stages"]
    report = ImportReport()
    for i in range(250):
        report.warn(f"w{i}")
    assert report.warning_lines()[-1] == "... and 50 more warnings"
