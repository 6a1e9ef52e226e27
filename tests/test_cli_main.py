"""The `roadmap-planner` dispatcher itself: --version, --help, `python -m roadmap_app`,
unknown commands, no display, and the last line of defence (never a traceback)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from roadmap_app import __version__, cli
from roadmap_app.cli import main


def _run(*args: str, env_drop: tuple[str, ...] = (), **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in env_drop}
    environ.update(env)
    return subprocess.run([sys.executable, "-m", "roadmap_app", *args], capture_output=True, text=True,
                          timeout=60, env=environ)


def test_version_and_help_through_python_m():
    version = _run("--version")
    assert version.returncode == 0 and version.stdout.strip() == f"roadmap-planner {__version__}"
    helped = _run("--help")
    assert helped.returncode == 0, helped.stderr
    for name in cli.COMMANDS:
        assert name in helped.stdout
    assert not helped.stderr


def test_sub_help_exits_0(capsys):
    with pytest.raises(SystemExit) as info:
        main(["plan", "--help"])
    assert info.value.code == 0
    assert "--hours-per-week" in capsys.readouterr().out


@pytest.mark.parametrize("argv", [["bogus"], ["valdate", "x.roadmap"], ["templatez", "--json"]])
def test_an_unknown_command_is_a_usage_error_not_the_gui(argv, capsys, monkeypatch):
    monkeypatch.setattr(cli, "_run_gui", lambda _argv: pytest.fail("the GUI was started"))
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.splitlines()[-1].startswith(f"roadmap-planner: unknown command {argv[0]!r} (choose from ")


def test_an_existing_file_named_like_a_word_still_opens_in_the_gui(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "myplan").write_text("{}")
    opened = []
    monkeypatch.setattr(cli, "_run_gui", lambda argv: opened.append(list(argv)) or 0)
    assert main(["myplan"]) == 0
    assert main(["other.roadmap"]) == 0  # a file name (even a missing one) is for the GUI to report
    assert opened == [["myplan"], ["other.roadmap"]]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland check is Linux-only")
@pytest.mark.parametrize("args", [(), ("missing.roadmap",)])
def test_no_display_is_one_line_not_a_qt_abort(args, tmp_path):
    proc = _run(*args, env_drop=("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"),
                ROADMAP_PLANNER_HOME=str(tmp_path))
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr.count("\n") == 1 and "no display found" in proc.stderr
    assert "qt.qpa" not in proc.stderr and "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []  # nothing was created


def test_an_unexpected_error_is_one_line_and_exit_1(tmp_path, capsys, monkeypatch):
    from roadmap_app.cli import cmd_templates

    def broken(_args):
        raise ValueError("boom")

    monkeypatch.setattr(cmd_templates, "run", broken)
    monkeypatch.delenv("ROADMAP_PLANNER_DEBUG", raising=False)
    assert main(["templates"]) == 1
    assert capsys.readouterr().err == "roadmap-planner: internal error: ValueError: boom\n"


@pytest.mark.parametrize("where", ["long-name", "under-a-file"])
@pytest.mark.parametrize("argv", [
    ["new", "-t", "ds-to-llm", "-o", "{out}.roadmap"],
    ["convert", "{plan}", "-o", "{out}.canvas"],
    ["export", "--template", "ds-to-llm", "-o", "{out}.svg"],
], ids=["new", "convert", "export-svg"])
def test_an_unwritable_output_name_is_one_line_naming_it(argv, where, tmp_path, capsys):
    plan = tmp_path / "plan.roadmap"
    assert main(["new", "-t", "ds-to-llm", "-o", str(plan)]) == 0
    before = plan.read_bytes()
    out = tmp_path / ("x" * 300) if where == "long-name" else plan / "inside"
    capsys.readouterr()
    code = main([a.format(plan=plan, out=out) for a in argv])
    err = capsys.readouterr().err
    assert code == 1, err
    assert len(err.splitlines()) == 1 and err.startswith(str(out)), err
    assert "internal error" not in err and "cannot be read" not in err and "File exists" not in err
    expected = "File name too long" if where == "long-name" else f"{plan} is not a folder"
    assert expected in err
    assert plan.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.roadmap"]
