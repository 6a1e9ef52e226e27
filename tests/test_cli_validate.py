"""`roadmap-planner validate`: exit codes and one line per file."""

from __future__ import annotations

import json
import subprocess
import sys

from roadmap_app.cli import main
from roadmap_app.model import Node, Roadmap
from roadmap_app.storage import dumps, save


def write_plan(path, n=2):
    save(path, Roadmap(id="r", title="R", nodes=[Node(id=f"n{i}", title=f"N{i}") for i in range(n)]))
    return path


def test_all_valid_exit_0_with_ok_lines(tmp_path, capsys):
    a, b = write_plan(tmp_path / "a.roadmap", 2), write_plan(tmp_path / "b.roadmap", 1)
    assert main(["validate", str(a), str(b)]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == [f"{a}: ok (2 nodes)", f"{b}: ok (1 node)"]
    assert err == ""


def test_bad_files_exit_1_one_stderr_line_each(tmp_path, capsys):
    good = write_plan(tmp_path / "good.roadmap")
    broken = tmp_path / "broken.roadmap"
    broken.write_bytes(b'{"format": "roadmap-planner",\n "schema_version": 2,\n "roadmap": {"id": }}')
    cyclic = tmp_path / "cyclic.roadmap"
    two = Roadmap(id="r", title="R", nodes=[Node(id="a", title="A"), Node(id="b", title="B")])
    raw = json.loads(dumps(two))
    raw["roadmap"]["edges"] = [{"source": "a", "target": "b"}, {"source": "b", "target": "a"}]
    cyclic.write_text(json.dumps(raw))
    before = {p: p.read_bytes() for p in (broken, cyclic)}
    code = main(["validate", str(broken), str(good), str(cyclic), str(tmp_path / "none.roadmap")])
    out, err = capsys.readouterr()
    assert code == 1
    assert out == f"{good}: ok (2 nodes)\n"
    assert err.splitlines() == [
        f"{broken}: not valid JSON: Expecting value at line 3, column 20",
        f"{cyclic}: cycle through a -> b -> a",
        f"{tmp_path / 'none.roadmap'}: file not found",
    ]
    assert all(p.read_bytes() == data for p, data in before.items())  # nothing written


def test_migrated_file_says_so(tmp_path, capsys):
    raw = json.loads(dumps(Roadmap(id="r", title="R", nodes=[Node(id="a", title="A")])))
    raw["schema_version"] = 1
    del raw["min_reader_version"]
    path = tmp_path / "old.roadmap"
    path.write_text(json.dumps(raw))
    assert main(["validate", str(path)]) == 0
    assert "migrated from format 1" in capsys.readouterr().out
    assert json.loads(path.read_text())["schema_version"] == 1  # validate never rewrites


def test_over_long_text_is_valid_with_a_warning_naming_the_node(tmp_path, capsys):
    from roadmap_app.model.text import MAX_TEXT

    raw = json.loads(dumps(Roadmap(id="r", title="R", nodes=[Node(id="a", title="Alpha")])))
    raw["roadmap"]["nodes"][0]["description"] = "d" * (MAX_TEXT + 1)
    path = tmp_path / "long.roadmap"
    path.write_text(json.dumps(raw))
    assert main(["validate", str(path)]) == 0
    out, err = capsys.readouterr()
    assert "1 over-long text(s) shortened on opening" in out
    assert "“Alpha”: description shortened from 1,000,001 to 1,000,000 characters" in err


def test_no_files_is_a_usage_error(capsys):
    assert main(["validate"]) == 2
    assert "FILE" in capsys.readouterr().err


def test_subprocess_exit_code_and_no_traceback(tmp_path):
    bad = tmp_path / "bad.roadmap"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n")
    good = write_plan(tmp_path / "good.roadmap")
    proc = subprocess.run([sys.executable, "-m", "roadmap_app", "validate", str(good), str(bad)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert proc.stdout == f"{good}: ok (2 nodes)\n"
    assert proc.stderr == f"{bad}: is a PNG image, not JSON text\n"
