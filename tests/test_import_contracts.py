"""Every import-linter contract in pyproject.toml can fail.

A contract that cannot break guards nothing. The package is copied to a
temporary folder, one deliberate bad import per contract is added to the copy,
and lint-imports (in a subprocess with a timeout) must report each contract as
BROKEN. A new contract without a bad import here fails the test.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

# contract name -> (module file in the copy, the bad import appended to it)
BAD_IMPORTS = {
    "The pure core imports no Qt": ("model/__init__.py", "import PySide6.QtCore"),
    "The document and commands stay below the views": ("commands/__init__.py", "import roadmap_app.render"),
    "Layers": ("graph/__init__.py", "import roadmap_app.storage"),
    "Panels and dialogs do not import controllers": (
        "ui/dialogs/__init__.py", "import roadmap_app.ui.controllers.autosave"),
    "Only the dashboard imports pyqtgraph": ("ui/common/__init__.py", "import pyqtgraph"),
    "The canvas scene sits above its gestures and items": (
        "canvas/items.py", "from roadmap_app.canvas import scene"),
}


def _config() -> dict:
    with (REPO / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["tool"]["importlinter"]


def test_every_contract_has_a_bad_import_here():
    names = {contract["name"] for contract in _config()["contracts"]}
    assert names == set(BAD_IMPORTS)


def test_each_contract_reports_its_bad_import(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(REPO / "roadmap_app", src / "roadmap_app",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for relative, line in BAD_IMPORTS.values():
        target = src / "roadmap_app" / relative
        target.write_text(target.read_text() + f"\n{line}  # deliberate: the contract must catch it\n")
    # The same contracts, read by lint-imports from a copy of the real config.
    shutil.copy(REPO / "pyproject.toml", tmp_path / "pyproject.toml")

    lint_imports = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(src)}  # the copy, ahead of the installed package
    result = subprocess.run(
        [str(lint_imports), "--no-cache", str(tmp_path / "pyproject.toml")],
        cwd=src, env=env, capture_output=True, text=True, timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    for name in BAD_IMPORTS:
        assert re.search(rf"^{re.escape(name)} BROKEN\b", output, re.M), f"{name!r} not broken:\n{output}"
    # The copy, not the installed package, was analysed: the copy's bad import is named.
    assert "roadmap_app.canvas.items -> roadmap_app.canvas.scene" in output, output
