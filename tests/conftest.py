"""Shared fixtures. Every test runs with the user folders in a temporary directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# ROADMAP_SHARED_DIR lets a checkout elsewhere (a worktree) point at the shared seeds.
SHARED = Path(os.environ.get("ROADMAP_SHARED_DIR") or REPO.parent / "shared")

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory) -> Iterator[Path]:
    """Point platformdirs (and XDG) at a temporary folder: tests never touch real ones.

    It has its own MonkeyPatch, so a test that calls `monkeypatch.undo()` cannot
    undo the isolation half-way through and write into the real user folders.
    """
    home = tmp_path_factory.mktemp("home")
    monkeypatch = pytest.MonkeyPatch()
    monkeypatch.setenv("ROADMAP_PLANNER_HOME", str(home / "planner"))
    monkeypatch.setenv("HOME", str(home))
    for var, sub in (
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    yield home
    monkeypatch.undo()


@pytest.fixture
def planner_home(isolated_user_dirs) -> Path:
    return isolated_user_dirs / "planner"


@pytest.fixture
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the checkout")
    return SHARED
