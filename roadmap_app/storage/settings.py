"""The app's settings file: a small JSON object in the config folder.

Loaded leniently: a missing, oversized, unparsable or partly invalid file
gives defaults for whatever is wrong and keeps whatever is right; it never
stops the app. Saved atomically, like every other file. Keys are the ones the
GUI's settings controller uses (theme, recent_files, last_plan, geometry,
window_state), so either can read the other's file; unknown keys survive.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from . import paths, safejson
from .atomic import atomic_write
from .errors import FileFormatError
from .files import read_bytes

MAX_RECENT = 10
MAX_SETTINGS_BYTES = 1_000_000
MAX_BLOB = 200_000  # base64 window geometry/state/dock layout


def _base64(value: str) -> str:
    if value:
        try:
            base64.b64decode(value.encode("ascii"), validate=True)
        except (binascii.Error, UnicodeEncodeError):
            raise ValueError("must be base64 text") from None
    return value


class Settings(BaseModel):
    model_config = ConfigDict(extra="allow", validate_assignment=True)

    theme: Literal["system", "light", "dark"] = "system"
    recent_files: list[str] = Field(default_factory=list)
    last_plan: str | None = None
    last_folder: str | None = None  # where the last file dialog (open, save, import, export) ended
    geometry: str = Field(default="", max_length=MAX_BLOB)  # QMainWindow.saveGeometry, base64
    window_state: str = Field(default="", max_length=MAX_BLOB)  # QMainWindow.saveState, base64
    dock_layout: str = Field(default="", max_length=MAX_BLOB)
    autosave_interval_s: int = Field(default=30, ge=5, le=30)  # recovery must stay <= 30 s behind

    @field_validator("recent_files")
    @classmethod
    def _recent(cls, value: list[str]) -> list[str]:
        unique = [p for p in dict.fromkeys(value) if p and len(p) <= 4096 and "\x00" not in p]
        return unique[:MAX_RECENT]

    @field_validator("geometry", "window_state", "dock_layout")
    @classmethod
    def _blob(cls, value: str) -> str:
        return _base64(value)

    def with_recent(self, path: Path | str) -> Settings:
        """A copy with `path` first in the recent files (absolute, no duplicates, at most 10)."""
        entry = str(Path(path).absolute())
        recent = [entry, *(p for p in self.recent_files if p != entry)]
        return self.model_copy(update={"recent_files": recent[:MAX_RECENT]})


def _lenient(raw: dict[str, Any]) -> Settings:
    """Keep each valid field; drop each invalid one (defaults fill in)."""
    try:
        return Settings.model_validate(raw)
    except ValidationError as exc:
        bad = {err["loc"][0] for err in exc.errors() if err.get("loc")}
    kept = {key: value for key, value in raw.items() if key not in bad}
    try:
        return Settings.model_validate(kept)
    except ValidationError:
        return Settings()


def load_settings(path: Path | str | None = None) -> Settings:
    """Settings from disk; defaults for anything missing or broken. Never raises."""
    path = Path(path) if path is not None else paths.settings_path()
    try:
        raw = safejson.loads(read_bytes(path, limit=MAX_SETTINGS_BYTES), max_bytes=MAX_SETTINGS_BYTES)
    except FileFormatError:
        return Settings()
    if not isinstance(raw, dict):
        return Settings()
    return _lenient(raw)


def save_settings(settings: Settings, path: Path | str | None = None) -> None:
    """Write settings atomically. Raises SaveError (the caller may ignore it)."""
    path = Path(path) if path is not None else paths.settings_path()
    atomic_write(path, safejson.dumps(settings.model_dump(mode="json")), mode=0o600)
