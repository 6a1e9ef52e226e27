"""Run the hostile-input corpus through the CLI: exit code, one-line message, time, memory.

Data-driven: every `expectations-*.json` beside this file lists corpus files
with the command to run, the exit code and a message substring (see
make_corpus.py). Each row runs in-process through `roadmap_app.cli.main`;
a few run in a real subprocess to prove no traceback reaches the user. Big
or special inputs (sparse 2 GB file, FIFO, folder, /dev/zero, a 20 MB line,
too many nodes) are made at test time in a temporary folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

import pytest

from roadmap_app.cli import main

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
MAX_SECONDS = 2.0
BASE_MEMORY = 32 * 1024 * 1024  # bytes of Python allocations allowed beyond the input's own size


def _rows() -> list[dict]:
    rows = []
    for table in sorted(HERE.glob("expectations-*.json")):
        rows.extend(json.loads(table.read_text(encoding="utf-8")))
    return rows


ROWS = _rows()


def _argv(row: dict, path: Path, tmp: Path) -> list[str]:
    argv = [a.replace("{file}", str(path)).replace("{tmp}", str(tmp)) for a in row["argv"]]
    return argv if "{file}" in row["argv"] else [*argv, str(path)]


@pytest.fixture(scope="module", autouse=True)
def _warm_imports():
    """Import every subcommand once, so the time limit measures the input, not imports."""
    with pytest.raises(SystemExit):
        main(["--version"])


def run_cli(argv: list[str], capsys) -> tuple[int, str, str, float, int]:
    """Run the CLI in-process: (exit, stdout, stderr, seconds, peak Python memory).

    Timed on a plain run; memory is measured on a second run, because
    tracemalloc slows allocation-heavy code down several times.
    """
    started = time.perf_counter()
    code = main(argv)
    seconds = time.perf_counter() - started
    out, err = capsys.readouterr()
    tracemalloc.start()
    try:
        assert main(argv) == code
    finally:
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    capsys.readouterr()
    return code, out, err, seconds, peak


def check_outcome(code, out, err, *, path: Path, expected_exit: int, message: str) -> None:
    assert "Traceback" not in err and "internal error" not in err, err
    assert code == expected_exit, (out, err)
    if expected_exit == 0:
        assert message in out, out
        assert err == ""
    else:
        lines = err.splitlines()
        assert len(lines) == 1, err  # exactly one line for the one bad file
        assert lines[0].startswith(f"{path}: "), lines[0]
        assert message in lines[0], lines[0]


def test_corpus_is_big_enough():
    assert len(ROWS) >= 40
    files = {row["file"] for row in ROWS}
    assert all((CORPUS / f).exists() for f in files), "run tests/hostile/make_corpus.py"


@pytest.mark.parametrize("row", ROWS, ids=[row["file"] for row in ROWS])
def test_corpus_file(row, tmp_path, capsys):
    path = CORPUS / row["file"]
    before = path.read_bytes()
    code, out, err, seconds, peak = run_cli(_argv(row, path, tmp_path), capsys)
    check_outcome(code, out, err, path=path, expected_exit=row["exit"], message=row["message"])
    assert seconds < MAX_SECONDS
    assert peak < BASE_MEMORY + 8 * len(before)
    assert path.read_bytes() == before  # validating never writes


def _special_inputs(tmp: Path) -> list[tuple[Path, str]]:
    cases = []
    sparse = tmp / "sparse-2gb.roadmap"
    with open(sparse, "wb") as handle:
        handle.truncate(2 * 1024**3)  # claims 2 GB, uses no disk
    cases.append((sparse, "file is too large (2048.0 MiB; the limit is 64 MiB)"))
    folder = tmp / "folder.roadmap"
    folder.mkdir()
    cases.append((folder, "is a folder, not a file"))
    cases.append((tmp / "missing.roadmap", "file not found"))
    if hasattr(os, "mkfifo"):
        fifo = tmp / "pipe.roadmap"
        os.mkfifo(fifo)  # opening it would block forever
        cases.append((fifo, "is not a regular file"))
    if Path("/dev/zero").exists():
        zero = tmp / "zero.roadmap"
        zero.symlink_to("/dev/zero")  # size 0 but endless
        cases.append((zero, "is not a regular file"))
    base = json.loads((CORPUS / "roadmap" / "valid-minimal.roadmap").read_bytes())
    long_line = json.loads(json.dumps(base))
    long_line["roadmap"]["description"] = "x" * 20_000_000
    path = tmp / "long-line-20mb.roadmap"
    path.write_text(json.dumps(long_line, separators=(",", ":")))
    cases.append((path, "the plan: description has 20,000,000 characters, beyond any real note"))
    many = json.loads(json.dumps(base))
    many["roadmap"]["nodes"] = [{"id": f"n{i}", "title": "n"} for i in range(20_001)]
    many["roadmap"]["edges"] = []
    many["roadmap"]["plan"] = {}
    path = tmp / "too-many-nodes.roadmap"
    path.write_text(json.dumps(many))
    cases.append((path, "roadmap.nodes: 20001 nodes, more than the limit of 20000"))
    path = tmp / "thirty-million-numbers.roadmap"
    head = b'{"format": "roadmap-planner", "schema_version": 2, "roadmap": {"id": "a", "title": "b"}, "x": ['
    path.write_bytes(head + b"1," * 30_000_000 + b"1]}")
    cases.append((path, "too many values"))
    return cases


def test_special_inputs_made_at_test_time(tmp_path, capsys):
    for path, message in _special_inputs(tmp_path):
        size = path.stat().st_size if path.is_file() and not path.is_symlink() else 0
        size = min(size, 64 * 1024 * 1024)
        code, out, err, seconds, peak = run_cli(["validate", str(path)], capsys)
        check_outcome(code, out, err, path=path, expected_exit=1, message=message)
        assert seconds < MAX_SECONDS, (path.name, seconds)
        assert peak < BASE_MEMORY + 8 * size, (path.name, peak)


def test_many_files_at_once_one_line_each(capsys):
    plain = [row for row in ROWS if row["argv"] == ["validate", "{file}"]]
    bad = [CORPUS / row["file"] for row in plain if row["exit"] == 1]
    good = [CORPUS / row["file"] for row in plain if row["exit"] == 0]
    code = main(["validate", *map(str, good[:2]), *map(str, bad)])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(err.splitlines()) == len(bad)
    assert len(out.splitlines()) == 2


def test_real_process_no_traceback(tmp_path):
    """A few inputs through the installed entry point, including the FIFO that could hang."""
    files = [CORPUS / "roadmap" / name for name in
             ("deep-nesting-10000.roadmap", "huge-int-10000-digits.roadmap", "zip-archive.roadmap",
              "valid-minimal.roadmap")]
    specials = [p for p, _m in _special_inputs(tmp_path) if p.name in ("sparse-2gb.roadmap", "pipe.roadmap")]
    proc = subprocess.run(
        [sys.executable, "-m", "roadmap_app", "validate", *map(str, files + specials)],
        capture_output=True, text=True, timeout=30,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    err_lines = proc.stderr.splitlines()
    assert len(err_lines) == len(files) - 1 + len(specials)
    assert proc.stdout.strip() == f"{files[-1]}: ok (3 nodes, migrated from format 2)"
