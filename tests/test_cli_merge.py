"""`roadmap-planner merge MINE THEIRS -o OUT`."""

from __future__ import annotations

import shutil
from pathlib import Path

from roadmap_app.cli import main
from roadmap_app.interchange.formats import import_file
from roadmap_app.model import Node, Origin, Status
from roadmap_app.storage import save

SOURDOUGH = Path(__file__).parent / "fixtures" / "interchange" / "roadmapsh" / "sourdough.json"
FLOUR = "Fl0urAndW4t3rBasics1x"


def test_reimported_roadmapsh_keeps_progress(tmp_path, capsys):
    folder = tmp_path / "v2"
    shutil.copytree(SOURDOUGH.parent, folder)
    mine, _ = import_file(SOURDOUGH)
    mine.node(FLOUR).status = Status.DONE
    mine.node(FLOUR).notes = "fed it daily"
    mine.nodes.append(Node(id="n-own", title="My own step", origin=Origin.USER))
    plan = tmp_path / "plan.roadmap"
    save(plan, mine)
    newer = folder / "sourdough.json"
    newer.write_text(newer.read_text().replace('"Flour and water"', '"Flour, water and salt"'))
    assert main(["merge", str(plan), str(newer), "-o", str(plan)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "0 new nodes, 2 updated, 0 removed"  # the title and (stage named after it) a subtopic
    assert "1 of your own nodes kept" in out
    merged, _ = import_file(plan)
    flour = merged.node(FLOUR)
    assert (flour.title, flour.status, flour.notes) == ("Flour, water and salt", Status.DONE, "fed it daily")
    assert merged.node("n-own") is not None


def test_merge_errors_are_one_line(tmp_path, capsys):
    plan = tmp_path / "plan.roadmap"
    plan.write_text("{}")
    out = tmp_path / "out.roadmap"
    assert main(["merge", str(plan), str(SOURDOUGH), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"{plan}: ")
    assert not out.exists()
    assert main(["merge", str(plan), str(SOURDOUGH), "-o", str(tmp_path / "out.txt")]) == 2
