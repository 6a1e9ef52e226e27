"""`roadmap-planner templates` and `roadmap-planner new`, headless."""

from __future__ import annotations

import json
import subprocess
import sys

from roadmap_app.cli import main
from roadmap_app.storage import dumps, load
from roadmap_app.templates import load_template, template_ids


def test_templates_prints_a_table_of_ids_titles_and_counts(capsys):
    assert main(["templates"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "NODES", "EDGES", "RESOURCES"]
    assert len(lines) == 1 + len(template_ids())
    main_row = lines[1].split()
    roadmap = load_template("ml-architect")
    assert main_row[0] == "ml-architect"
    assert main_row[-3:] == [
        str(len(roadmap.nodes)),
        str(len(roadmap.edges)),
        str(sum(len(n.resources) for n in roadmap.nodes)),
    ]
    assert roadmap.title in lines[1]


def test_templates_json(capsys):
    assert main(["templates", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in data] == template_ids()
    for item in data:
        assert set(item) == {"id", "title", "description", "node_count", "edge_count", "resource_count"}
        assert item["node_count"] == len(load_template(item["id"]).nodes)


def test_new_creates_a_valid_plan_from_a_template(tmp_path, capsys):
    target = tmp_path / "plan.roadmap"
    assert main(["new", "--template", "swe-to-mle", "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert str(target) in out and "swe-to-mle" in out
    assert target.read_bytes() == dumps(load_template("swe-to-mle"))
    assert load(target).roadmap.plan.goal == "role-ml-engineer"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.roadmap"]  # no temporary left behind


def test_new_defaults_to_the_ml_architect_roadmap(tmp_path):
    target = tmp_path / "sub" / "p.roadmap"
    assert main(["new", "-o", str(target)]) == 0
    assert load(target).roadmap.id == "ml-architect"


def test_new_refuses_to_overwrite_without_force(tmp_path, capsys):
    target = tmp_path / "mine.roadmap"
    target.write_bytes(b"my precious progress")
    assert main(["new", "--template", "ml-architect", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(target) in err and "--force" in err
    assert target.read_bytes() == b"my precious progress"

    assert main(["new", "--template", "ml-architect", "-o", str(target), "--force"]) == 0
    assert load(target).roadmap.id == "ml-architect"


def test_new_with_an_unknown_template_lists_the_ids(tmp_path, capsys):
    target = tmp_path / "p.roadmap"
    assert main(["new", "--template", "astronaut", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "astronaut" in err
    for template_id in template_ids():
        assert template_id in err
    assert not target.exists()


def test_new_into_a_folder_is_refused(tmp_path, capsys):
    assert main(["new", "-o", str(tmp_path), "--force"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "folder" in err


def test_a_failed_save_is_one_line(tmp_path, capsys, monkeypatch):
    from roadmap_app.cli import cmd_new
    from roadmap_app.storage import SaveError

    target = tmp_path / "p.roadmap"

    def failing_save(path, roadmap):
        raise SaveError(f"{path}: could not save: the disk is full")

    monkeypatch.setattr(cmd_new, "save", failing_save)
    assert main(["new", "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert err == f"{target}: could not save: the disk is full\n"
    assert not target.exists()


def test_new_without_output_is_a_usage_error(capsys):
    assert main(["new", "--template", "ml-architect"]) == 2
    assert "-o" in capsys.readouterr().err


def test_commands_run_without_qt_in_a_fresh_interpreter(tmp_path):
    target = tmp_path / "p.roadmap"
    code = (
        "import sys\n"
        "from roadmap_app.cli import main\n"
        "assert main(['templates']) == 0\n"
        f"assert main(['new', '-t', 'ds-to-llm', '-o', {str(target)!r}]) == 0\n"
        "assert not [m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))]\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "ml-architect" in result.stdout
    assert load(target).roadmap.id == "ds-to-llm"
