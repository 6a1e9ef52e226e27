"""`roadmap-planner show`: summary text and JSON, and one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from roadmap_app.cli import main
from roadmap_app.model import Edge, EdgeKind, Node, NodeKind, Roadmap, Status
from roadmap_app.storage import save


@pytest.fixture
def plan_file(tmp_path) -> Path:
    roadmap = Roadmap(
        id="demo",
        title="Demo plan",
        nodes=[
            Node(id="py", title="Python", estimated_hours=50, stage="Education", status=Status.DONE),
            Node(id="linalg", title="Linear algebra", estimated_hours=10, stage="Education"),
            Node(id="ml", title="Machine learning", estimated_hours=30, stage="ML roles",
                 status=Status.IN_PROGRESS),
            Node(id="arch", title="ML architect", kind=NodeKind.ROLE, estimated_hours=5,
                 stage="ML architect"),
            Node(id="blog", title="Write blog posts", kind=NodeKind.PRACTICE, estimated_hours=4,
                 stage="Continuous learning", status=Status.SKIPPED),
        ],
        edges=[
            Edge(source="py", target="ml"),
            Edge(source="linalg", target="ml"),
            Edge(source="ml", target="arch", kind=EdgeKind.PROGRESSION),
            Edge(source="blog", target="arch", kind=EdgeKind.RELATED),
        ],
    )
    roadmap.plan.goal = "arch"
    path = tmp_path / "demo.roadmap"
    save(path, roadmap)
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["show", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_summary(plan_file, capsys):
    code, out, err = run(capsys, plan_file)
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == "Demo plan (demo)"
    assert lines[1] == "5 nodes, 4 edges (2 prerequisite, 1 progression, 1 related)"
    assert lines[2] == "Goal: ML architect (arch)"
    # blog is skipped: out of the totals. 1 of 4 done; 50 of 95 hours.
    assert lines[3] == "Progress: 1/4 nodes (25%), 50/95 h (53%); 1 in progress, 1 skipped"
    assert lines[4] == "By stage:"
    stage_lines = {line.split()[0]: line for line in lines[5:10]}
    assert "1/2" in stage_lines["Education"] and "50/60 h" in stage_lines["Education"]
    assert "Continuous" in stage_lines  # a stage with only skipped nodes is still listed
    assert not any(line.strip().startswith("Leadership") for line in lines)  # empty stage left out
    # ml still waits for linalg; arch for ml; blog is skipped.
    ready_at = lines.index("Ready to start (1):")
    assert lines[ready_at + 1].split() == ["linalg", "Linear", "algebra"]
    # ml is in progress and counts its full hours: linalg 10 + ml 30 + arch 5.
    critical = lines.index("Critical path to the goal: 45 h over 3 nodes")
    assert lines[critical + 1:] == ["Ready for ML architect: 56 % (1 of 3 skills, 40 h left)"]


def test_json_summary(plan_file, capsys):
    code, out, _ = run(capsys, plan_file, "--json")
    assert code == 0
    data = json.loads(out)
    assert data["title"] == "Demo plan" and data["id"] == "demo"
    assert (data["nodes"], data["edges"]) == (5, 4)
    assert data["edge_kinds"] == {"prerequisite": 2, "progression": 1, "related": 1}
    assert data["goal"] == {"id": "arch", "title": "ML architect"}
    assert data["progress"] == {
        "done": 1, "total": 4, "skipped": 1, "in_progress": 1,
        "done_hours": 50.0, "total_hours": 95.0, "fraction": 0.25, "hours_fraction": 0.5263,
    }
    stages = {s["stage"]: s for s in data["stages"]}
    assert list(stages)[:5] == ["Education", "Entry roles", "ML roles", "Leadership", "ML architect"]
    assert (stages["Education"]["done"], stages["Education"]["total"]) == (1, 2)
    assert stages["Leadership"]["total"] == 0
    assert data["ready"] == [{"id": "linalg", "title": "Linear algebra", "stage": "Education"}]
    assert data["critical_path"] == {"hours": 45.0, "nodes": ["linalg", "ml", "arch"]}


def test_no_goal_and_everything_done(tmp_path, capsys):
    roadmap = Roadmap(id="r", title="Done", nodes=[Node(id="a", title="A", status=Status.DONE)])
    path = tmp_path / "r.roadmap"
    save(path, roadmap)
    code, out, _ = run(capsys, path)
    assert code == 0
    assert "Goal: none set" in out
    assert "Ready to start: nothing" in out
    assert "Progress: 1/1 nodes (100%)" in out


def test_missing_file_is_one_line_exit_1(tmp_path, capsys):
    missing = tmp_path / "nope.roadmap"
    code, out, err = run(capsys, missing)
    assert code == 1 and out == ""
    assert err.strip() == f"{missing}: file not found"


def test_malformed_file_is_one_line_exit_1(tmp_path, capsys):
    bad = tmp_path / "bad.roadmap"
    bad.write_text("{not json", encoding="utf-8")
    code, _, err = run(capsys, bad)
    assert code == 1
    assert len(err.strip().splitlines()) == 1 and err.startswith(f"{bad}: ")


def test_usage_error_exits_2(capsys):
    code = main(["show"])
    _, err = capsys.readouterr()
    assert code == 2 and "FILE" in err


def test_show_runs_without_qt(plan_file):
    code = (
        "import sys; from roadmap_app.cli import main; rc = main(['show', sys.argv[1], '--json']); "
        "bad = [m for m in sys.modules if m.startswith(('PySide6', 'numpy', 'pyqtgraph'))]; "
        "sys.exit(3 if bad else rc)"
    )
    done = subprocess.run([sys.executable, "-c", code, str(plan_file)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["title"] == "Demo plan"
