"""Where the app keeps its files. The only module that asks platformdirs.

Tests point these at a temporary folder by setting ROADMAP_PLANNER_HOME
(or by patching platformdirs), so they never touch real user folders.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_DIR_NAME = "roadmap-planner"
DEFAULT_PLAN_NAME = "my-plan.roadmap"


def _override() -> Path | None:
    home = os.environ.get("ROADMAP_PLANNER_HOME")
    return Path(home) if home else None


def data_dir() -> Path:
    """Plans live here."""
    base = _override()
    return base / "data" if base else Path(platformdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def config_dir() -> Path:
    """Settings live here."""
    base = _override()
    return base / "config" if base else Path(platformdirs.user_config_dir(APP_DIR_NAME, appauthor=False))


def state_dir() -> Path:
    """Recovery copies and locks live here."""
    base = _override()
    return base / "state" if base else Path(platformdirs.user_state_dir(APP_DIR_NAME, appauthor=False))


def documents_dir() -> Path:
    """Where file dialogs start before the user has picked a folder: Documents, else home."""
    base = _override()
    found = base / "documents" if base else Path(platformdirs.user_documents_dir())
    return found if found.is_dir() else Path.home()


def backups_dir() -> Path:
    return data_dir() / "backups"


def default_plan_path() -> Path:
    return data_dir() / DEFAULT_PLAN_NAME


def settings_path() -> Path:
    return config_dir() / "settings.json"


def plan_key(plan_path: Path | str) -> str:
    """A short stable key for a plan's absolute path: names its backups, recovery copy and lock."""
    absolute = str(Path(plan_path).expanduser().absolute())
    return hashlib.sha256(absolute.encode("utf-8", "surrogatepass")).hexdigest()[:12]
