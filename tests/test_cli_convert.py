"""`convert` and `export` (text and interchange formats) from the command line."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from test_interchange_samples import rich_roadmap

from roadmap_app.cli import main
from roadmap_app.interchange.formats import import_file
from roadmap_app.interchange.links import web_links_only
from roadmap_app.storage import loads, save

FIXTURES = Path(__file__).parent / "fixtures" / "interchange"
SOURDOUGH = FIXTURES / "roadmapsh" / "sourdough.json"


@pytest.fixture
def plan(tmp_path) -> Path:
    path = tmp_path / "rich.roadmap"
    save(path, rich_roadmap())
    return path


def test_convert_roadmapsh_prints_warnings_and_writes(tmp_path, capsys):
    out = tmp_path / "sour.roadmap"
    assert main(["convert", str(SOURDOUGH), "-o", str(out)]) == 0
    captured = capsys.readouterr()
    assert f"{SOURDOUGH}: warning: dropped 6 decoration nodes" in captured.err.splitlines()
    assert all(line.startswith(f"{SOURDOUGH}: warning: ") for line in captured.err.splitlines())
    roadmap = loads(out.read_bytes()).roadmap
    assert roadmap.node("Fl0urAndW4t3rBasics1x").resources


@pytest.mark.parametrize("ext", [".canvas", ".graphml", ".roadmap"])
def test_convert_round_trips_between_interchange_formats(plan, tmp_path, ext, capsys):
    out = tmp_path / f"out{ext}"
    assert main(["convert", str(plan), "-o", str(out)]) == 0
    back, _ = import_file(out)
    original = rich_roadmap()
    summary = [(n.id, n.title, n.status) for n in original.nodes]
    assert [(n.id, n.title, n.status) for n in back.nodes] == summary
    assert [e.key for e in back.edges] == [e.key for e in original.edges]
    if ext == ".graphml":  # other tools' files carry only http(s) links
        assert back.model_dump(exclude={"id"}) == web_links_only(original).model_dump(exclude={"id"})
    elif ext == ".roadmap":
        assert back.model_dump(exclude={"id"}) == original.model_dump(exclude={"id"})


def test_convert_to_markdown_and_mermaid(plan, tmp_path):
    for ext in (".md", ".mmd"):
        out = tmp_path / f"out{ext}"
        assert main(["convert", str(plan), "-o", str(out)]) == 0
        text = out.read_text()
        assert not re.search(r"(?<!\\)<", text), text  # every < is escaped (md) or an entity (mmd)
    assert (tmp_path / "out.mmd").read_text().startswith("flowchart LR\n")


@pytest.mark.parametrize(
    ("argv", "code", "pattern"),
    [
        (["convert", "{plan}", "-o", "{tmp}/x.xyz"], 2, r"x\.xyz: cannot export to files ending in \.xyz"),
        (["convert", "{tmp}/in.txt", "-o", "{tmp}/x.md"], 2, r"in\.txt: cannot import files ending in \.txt"),
        (["convert", "{plan}", "-o", "{tmp}/x.png"], 2, r"x\.png: images are made with"),
        (["convert", "{tmp}/missing.canvas", "-o", "{tmp}/x.md"], 1, r"missing\.canvas: file not found$"),
        (["convert", str(FIXTURES / "balsamiq-mockup.json"), "-o", "{tmp}/x.md"], 1,
         r"json: this is the old"),
        (["export", "{plan}", "-o", "{tmp}/x.md", "--focus", "nope"], 1,
         r"rich\.roadmap: no node with id nope"),
        (["export", "--template", "no-such", "-o", "{tmp}/x.md"], 1, r"^template no-such: "),
        (["export", "{plan}", "-o", "{tmp}/x.md", "--scale", "0"], 2, r"--scale 0"),
    ],
)
def test_errors_are_one_line_with_exit_code(plan, tmp_path, capsys, argv, code, pattern):
    argv = [a.format(plan=plan, tmp=tmp_path) for a in argv]
    assert main(argv) == code
    err = capsys.readouterr().err.strip().splitlines()
    assert re.search(pattern, err[-1]), err
    assert not (tmp_path / "x.md").exists() and not (tmp_path / "x.xyz").exists()


def test_bad_input_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.canvas"
    bad.write_bytes(b'{"nodes": [{"id": "a", "type": "text", "x": NaN}]}')
    out = tmp_path / "out.roadmap"
    assert main(["convert", str(bad), "-o", str(out)]) == 1
    assert capsys.readouterr().err.strip() == f"{bad}: number NaN is not allowed (only finite numbers)"
    assert list(tmp_path.iterdir()) == [bad]


def test_export_template_and_focus(tmp_path, plan, capsys):
    out = tmp_path / "ml.canvas"
    assert main(["export", "--template", "ml-architect", "-o", str(out)]) == 0
    doc = json.loads(out.read_text())
    assert sum(1 for n in doc["nodes"] if n["type"] == "text") > 10
    focused = tmp_path / "focus.md"
    assert main(["export", str(plan), "-o", str(focused), "--focus", "bold"]) == 0
    items = [line for line in focused.read_text().splitlines() if line.startswith("- [")]
    assert len(items) == 3  # bold and the two nodes before it (python -> img -> bold)


def test_export_graphml_from_canvas_input(tmp_path, capsys):
    out = tmp_path / "loose.graphml"
    assert main(["export", str(FIXTURES / "loose.canvas"), "-o", str(out)]) == 0
    assert "loose.canvas: warning: " in capsys.readouterr().err
    roadmap, _ = import_file(out)
    assert "Linear algebra" in {n.title for n in roadmap.nodes}


def test_convert_roadmapsh_with_a_named_content_folder(tmp_path, capsys):
    folder = Path(__file__).parent / "fixtures" / "interchange" / "roadmapsh-ds"
    alone = tmp_path / "ds.json"
    alone.write_bytes((folder / "data-science.json").read_bytes())
    out = tmp_path / "ds.roadmap"
    assert main(["convert", str(alone), "-o", str(out), "--content", str(folder / "content")]) == 0
    err = capsys.readouterr().err
    assert "javascript:alert(1) is not http(s)" in err  # the link rule is reported on the CLI
    roadmap = loads(out.read_bytes()).roadmap
    assert [r.url for r in roadmap.node("Stat5T0picAbcdefghij2").resources] == [
        "https://example.org/stats-intro", "https://seeing-theory.brown.edu/"]
    assert main(["convert", str(alone), "-o", str(out), "--content", str(tmp_path / "nope")]) == 2
    assert "not a folder" in capsys.readouterr().err
