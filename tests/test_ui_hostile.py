"""The hostile-input corpora through the GUI: File > Open for .roadmap files, File > Import for
the rest, and a few generated special files (2 GB sparse, folder, FIFO, /dev/zero, too many nodes).

For every bad file: exactly one message, naming the file; no exception reaches Qt or
sys.excepthook; the plan that was open stays open and unchanged; nothing is written
next to the file or in the plan folder; under 2 s. Files the corpus marks as valid open
(or, for imports, reach the preview) without an error.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from roadmap_app.storage import codec, paths
from roadmap_app.ui.dialogs import import_dialog

pytest_plugins = ("ui_helpers",)

HOSTILE = Path(__file__).resolve().parent / "hostile"
CORPUS = HOSTILE / "corpus"
INTERCHANGE = HOSTILE / "interchange"
LIMIT_S = 2.0


def _roadmap_rows() -> list[dict]:
    rows = json.loads((HOSTILE / "expectations-roadmap.json").read_text(encoding="utf-8"))
    return [r for r in rows if r["file"].endswith(".roadmap")]


ROADMAP_ROWS = _roadmap_rows()
INTERCHANGE_EXPECTED: dict[str, dict[str, str]] = json.loads((INTERCHANGE / "expected.json").read_text())
# Opens, read-only, with one message saying why (the CLI's validate calls it an error).
OPENS_READ_ONLY = {"newer-reader-needed.roadmap"}


def _listing(*folders: Path) -> dict[str, tuple[int, int]]:
    """Every file under the folders, with size and modification time."""
    out = {}
    for folder in folders:
        if not folder.exists():
            continue
        for root, dirs, files in os.walk(folder):
            for name in dirs + files:
                path = Path(root, name)
                if path.is_symlink() or not path.exists():
                    out[str(path)] = (-1, -1)
                    continue
                stat = path.stat()
                out[str(path)] = (stat.st_size if path.is_file() else 0, stat.st_mtime_ns)
    return out


@pytest.fixture
def guarded(window, dialogs, monkeypatch):
    """The window with its plan open, an excepthook that records, and the state to compare after."""
    caught: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: caught.append(value))
    previews: list[str] = []

    def reject_preview(dialog):
        previews.append(dialog.windowTitle())
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(import_dialog.ImportPreviewDialog, "exec", reject_preview)
    document = window.document
    state = {
        "document": document,
        "roadmap": codec.dumps(document.roadmap),
        "plan_bytes": document.path.read_bytes(),
        "caught": caught,
        "previews": previews,
    }
    return window, dialogs, state


def _messages(dialogs) -> list[tuple[str, str]]:
    return dialogs.errors + dialogs.infos + dialogs.asked


def _reset(dialogs) -> None:
    dialogs.errors.clear()
    dialogs.infos.clear()
    dialogs.asked.clear()


def _assert_refused(window, dialogs, state, path: Path, elapsed: float, before: dict, folders) -> None:
    shown = _messages(dialogs)
    assert len(shown) == 1, (path.name, shown)
    assert shown[0] in dialogs.errors, (path.name, shown)
    assert path.name in shown[0][1], (path.name, shown)
    assert not state["caught"], (path.name, state["caught"])
    assert window.document is state["document"] and window.files.document is state["document"]
    assert codec.dumps(window.document.roadmap) == state["roadmap"]
    assert not window.document.is_modified
    assert window.document.path.read_bytes() == state["plan_bytes"]
    assert _listing(*folders) == before, path.name
    assert elapsed < LIMIT_S, (path.name, elapsed)


def _open(window, path: Path) -> float:
    started = time.perf_counter()
    window.files.open_path(path)
    return time.perf_counter() - started


def test_every_bad_roadmap_file_gets_one_message_and_changes_nothing(guarded, qtbot):
    window, dialogs, state = guarded
    folders = (CORPUS, paths.data_dir())
    before = _listing(*folders)
    bad = [CORPUS / r["file"] for r in ROADMAP_ROWS
           if r["exit"] == 1 and Path(r["file"]).name not in OPENS_READ_ONLY]
    assert len(bad) >= 60
    for path in bad:
        _reset(dialogs)
        elapsed = _open(window, path)
        qtbot.wait(0)
        _assert_refused(window, dialogs, state, path, elapsed, before, folders)


def test_valid_and_newer_corpus_files_open_without_an_error(guarded, qtbot, tmp_path):
    window, dialogs, state = guarded
    opening = [CORPUS / r["file"] for r in ROADMAP_ROWS
               if r["exit"] == 0 or Path(r["file"]).name in OPENS_READ_ONLY]
    assert len(opening) >= 6
    for source in opening:
        path = tmp_path / source.name  # opening takes a lock and remembers the file: not in the corpus
        path.write_bytes(source.read_bytes())
        _reset(dialogs)
        elapsed = _open(window, path)
        assert not dialogs.errors and not state["caught"], (path.name, dialogs.errors, state["caught"])
        assert window.document.path == path.absolute(), path.name
        assert elapsed < LIMIT_S, (path.name, elapsed)
        if source.name in OPENS_READ_ONLY:
            assert window.document.read_only_reason
            assert not dialogs.infos  # said once, by the read-only banner
            assert "newer Roadmap Planner" in window.read_only_banner.label.text()
        assert path.read_bytes() == source.read_bytes()  # opening never rewrites


def test_every_hostile_import_gets_one_message_or_a_preview(guarded, qtbot):
    window, dialogs, state = guarded
    folders = (INTERCHANGE, paths.data_dir())
    before = _listing(*folders)
    assert len(INTERCHANGE_EXPECTED) >= 40
    for name, expected in sorted(INTERCHANGE_EXPECTED.items()):
        path = INTERCHANGE / name
        _reset(dialogs)
        state["previews"].clear()
        started = time.perf_counter()
        window.exchange.import_path(path)
        elapsed = time.perf_counter() - started
        qtbot.wait(0)
        if "error" in expected:
            _assert_refused(window, dialogs, state, path, elapsed, before, folders)
            assert expected["error"] in dialogs.errors[0][1], (name, dialogs.errors)
            assert not state["previews"], name
        else:  # accepted with warnings: the preview is shown; cancelling it changes nothing
            assert state["previews"] == [f"Import {name}"], name
            assert not _messages(dialogs) and not state["caught"], (name, dialogs.errors, state["caught"])
            assert window.document is state["document"]
            assert _listing(*folders) == before, name
            assert elapsed < LIMIT_S, (name, elapsed)


def _special_files(tmp: Path) -> list[Path]:
    cases = []
    sparse = tmp / "sparse-2gb.roadmap"
    with open(sparse, "wb") as handle:
        handle.truncate(2 * 1024**3)  # claims 2 GB, uses no disk
    cases.append(sparse)
    folder = tmp / "folder.roadmap"
    folder.mkdir()
    cases.append(folder)
    if hasattr(os, "mkfifo"):
        fifo = tmp / "pipe.roadmap"
        os.mkfifo(fifo)  # reading it would block forever
        cases.append(fifo)
    if Path("/dev/zero").exists():
        zero = tmp / "zero.roadmap"
        zero.symlink_to("/dev/zero")  # size 0 but endless
        cases.append(zero)
    base = json.loads((CORPUS / "roadmap" / "valid-minimal.roadmap").read_bytes())
    base["roadmap"]["nodes"] = [{"id": f"n{i}", "title": "n"} for i in range(20_001)]
    base["roadmap"]["edges"], base["roadmap"]["plan"] = [], {}
    many = tmp / "too-many-nodes.roadmap"
    many.write_text(json.dumps(base))
    cases.append(many)
    return cases


def test_generated_special_files_through_open_and_import(guarded, qtbot, tmp_path):
    window, dialogs, state = guarded
    cases = _special_files(tmp_path)
    folders = (tmp_path, paths.data_dir())
    before = _listing(*folders)
    for path in cases:
        _reset(dialogs)
        elapsed = _open(window, path)
        _assert_refused(window, dialogs, state, path, elapsed, before, folders)
    # The same kinds of file given to the importers, under their extensions.
    for suffix in (".canvas", ".graphml", ".json"):
        for kind in ("sparse", "fifo"):
            path = tmp_path / f"{kind}{suffix}"
            if kind == "sparse":
                with open(path, "wb") as handle:
                    handle.truncate(2 * 1024**3)
            elif hasattr(os, "mkfifo"):
                os.mkfifo(path)
            else:
                continue
            before = _listing(*folders)
            _reset(dialogs)
            started = time.perf_counter()
            window.exchange.import_path(path)
            _assert_refused(window, dialogs, state, path, time.perf_counter() - started, before, folders)
