"""`roadmap-planner plan`: output forms, exit codes, and agreement with the GUI's engine."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from roadmap_app.cli import main
from roadmap_app.model import Edge, EdgeKind, Node, NodeKind, Roadmap, Status
from roadmap_app.planning import schedule
from roadmap_app.storage import load, save

TEMPLATES = Path(__file__).resolve().parent.parent / "resources" / "templates"


@pytest.fixture
def plan_file(tmp_path) -> Path:
    roadmap = Roadmap(
        id="demo", title="Demo | plan",
        nodes=[
            Node(id="linalg", title="Linear algebra", estimated_hours=10, stage="Education"),
            Node(id="ml", title="Machine learning", estimated_hours=10, stage="Education",
                 target_date=dt.date(2027, 1, 16)),
            Node(id="done", title="Python", estimated_hours=50, status=Status.DONE),
            Node(id="arch", title="ML architect", kind=NodeKind.ROLE, estimated_hours=0,
                 stage="ML architect"),
            Node(id="side", title="Side quest", estimated_hours=3),
        ],
        edges=[
            Edge(source="linalg", target="ml"),
            Edge(source="done", target="ml"),
            Edge(source="ml", target="arch", kind=EdgeKind.PROGRESSION),
        ],
    )
    roadmap.plan.goal = "arch"
    path = tmp_path / "demo.roadmap"
    save(path, roadmap)
    return path


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["plan", *map(str, argv)])
    out, err = capsys.readouterr()
    return code, out, err


def test_json_lists_each_remaining_node_with_iso_dates(plan_file, capsys):
    code, out, _ = run(capsys, plan_file, "--hours-per-week", "10", "--start", "2027-01-04",
                       "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["goal"] == "arch" and data["goal_date"] == "2027-01-17"
    assert data["hours_per_week"] == 10 and data["start"] == "2027-01-04" and data["total_hours"] == 20
    assert [(n["id"], n["start"], n["finish"], n["at_risk"]) for n in data["nodes"]] == [
        ("linalg", "2027-01-04", "2027-01-10", False),
        ("ml", "2027-01-11", "2027-01-17", True),
        ("arch", "2027-01-17", "2027-01-17", False),
    ]
    assert set(data["nodes"][0]) == {"id", "title", "lane", "start", "finish", "hours", "weeks", "at_risk"}
    assert {"linalg", "ml", "arch"} <= set(data["route"])
    assert [r["role"] for r in data["readiness"]] == [n.id for n in load(plan_file).roadmap.nodes
                                                       if n.kind.value == "role" and n.id in data["route"]]


@pytest.mark.parametrize("extra", [[], ["--goal", "side"], ["--hours-per-week", "3.5"]])
def test_cli_json_equals_the_engine_the_gui_uses(plan_file, capsys, extra):
    code, out, _ = run(capsys, plan_file, "--start", "2027-03-01", "--format", "json", *extra)
    assert code == 0
    goal = extra[1] if extra[:1] == ["--goal"] else None
    hours = float(extra[1]) if extra[:1] == ["--hours-per-week"] else None
    engine = schedule(load(plan_file).roadmap, goal=goal, hours_per_week=hours,
                      start=dt.date(2027, 3, 1))
    assert json.loads(out) == json.loads(json.dumps(engine.to_dict()))


def test_text_is_aligned_and_ends_with_the_goal_date(plan_file, capsys):
    code, out, _ = run(capsys, plan_file, "--hours-per-week", "10", "--start", "2027-01-04")
    assert code == 0
    lines = out.rstrip("\n").splitlines()
    header = lines.index(next(line for line in lines if line.startswith("#  Start")))
    rows = lines[header + 1 : header + 4]
    titles = ("Linear algebra", "Machine learning", "ML architect")
    columns = {lines[header].index("Node"), *(row.index(t) for row, t in zip(rows, titles, strict=True))}
    assert len(columns) == 1  # titles line up under their header
    assert {row.index("2027-01-1") for row in rows[1:]} == {lines[header].index("Start")}
    # The goal's line, then one readiness line per role on the route.
    goal_at = lines.index("ML architect: projected for 2027-01-17 (20.0 h remaining, 1 at risk)")
    assert all(line.startswith("Ready for ") for line in lines[goal_at + 1:])
    assert "Python" not in out  # done work is not listed


def test_markdown_table_escapes_pipes(plan_file, capsys):
    code, out, _ = run(capsys, plan_file, "--format", "markdown", "--start", "2027-01-04")
    assert code == 0
    assert out.startswith("# Plan: Demo \\| plan\n")
    assert "| 1 | 2027-01-04 | 2027-01-10 | 10.0 | Linear algebra (`linalg`) |  |" in out


@pytest.mark.parametrize(
    ("argv", "code", "needle"),
    [
        (["--hours-per-week", "lots"], 2, "not a number"),
        (["--hours-per-week", "0"], 2, "between 0.5 and 168"),
        (["--hours-per-week", "nan"], 2, "between 0.5 and 168"),
        (["--start", "2027-02-30"], 2, "YYYY-MM-DD"),
        (["--format", "yaml"], 2, "invalid choice"),
        (["--goal", "nope"], 1, "no node nope"),
    ],
)
def test_bad_arguments_get_one_line_and_the_right_exit_code(plan_file, capsys, argv, code, needle):
    got, out, err = run(capsys, plan_file, *argv)
    assert got == code and out == ""
    assert needle in err.strip().splitlines()[-1]
    assert "Traceback" not in err


def test_bad_files_exit_1_naming_the_file(tmp_path, capsys):
    broken = tmp_path / "broken.roadmap"
    broken.write_text("{not json", encoding="utf-8")
    for path in (broken, tmp_path / "missing.roadmap"):
        code, out, err = run(capsys, path)
        assert code == 1 and out == ""
        assert err.count("\n") == 1 and err.startswith(str(path) + ": ")


def test_a_goal_already_reached(plan_file, capsys):
    code, out, _ = run(capsys, plan_file, "--goal", "done", "--format", "json")
    assert code == 0
    assert json.loads(out)["nodes"] == [] and json.loads(out)["goal_date"] is None
    code, out, _ = run(capsys, plan_file, "--goal", "done")
    assert out.rstrip().endswith("Python - reached.")


@pytest.mark.skipif(not (TEMPLATES / "ml-architect.roadmap").exists(), reason="template not built yet")
def test_the_built_in_template_plans_to_ml_architect(tmp_path, capsys):
    target = tmp_path / "p.roadmap"
    assert main(["new", "--template", "ml-architect", "-o", str(target)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, target, "--hours-per-week", "10", "--format", "json")
    assert code == 0
    data = json.loads(out)
    roadmap = load(target).roadmap
    last = roadmap.node(data["nodes"][-1]["id"])
    assert "architect" in last.title.lower() and data["goal_date"] == data["nodes"][-1]["finish"]
    code, out, _ = run(capsys, target, "--hours-per-week", "10")
    assert code == 0 and any(line.startswith(last.title + ": projected") for line in out.splitlines())
    assert dt.date.fromisoformat(out.split("projected for ")[1][:10]) > dt.date.today()
