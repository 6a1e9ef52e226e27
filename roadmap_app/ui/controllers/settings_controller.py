"""The app's persisted preferences as the window uses them: window layout, theme,
recent files, last plan.

The file itself (format, lenient loading, atomic writes) is storage.settings;
this class adds the Qt side (saveGeometry/saveState) and typed accessors. A
missing or damaged settings file means defaults and never stops the app.
"""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from PySide6.QtCore import QByteArray
from PySide6.QtWidgets import QMainWindow

from roadmap_app.model import RoadmapError
from roadmap_app.storage import paths
from roadmap_app.storage.settings import MAX_RECENT, Settings, load_settings, save_settings
from roadmap_app.ui.window.theme import ThemeMode, parse_mode


class SettingsController:
    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path else paths.settings_path()
        self.data: Settings = load_settings(self.path)
        self.last_error: str | None = None

    def save(self) -> bool:
        try:
            save_settings(self.data, self.path)
        except (RoadmapError, OSError) as exc:
            self.last_error = str(exc)
            return False
        return True

    @property
    def theme(self) -> ThemeMode:
        return parse_mode(self.data.theme)

    @theme.setter
    def theme(self, mode: ThemeMode) -> None:
        self.data.theme = mode.value

    @property
    def recent_files(self) -> list[Path]:
        return [Path(p) for p in self.data.recent_files][:MAX_RECENT]

    def add_recent(self, path: Path) -> None:
        self.data = self.data.with_recent(path)

    def remove_recent(self, path: Path) -> None:
        gone = str(Path(path).absolute())
        self.data.recent_files = [p for p in self.data.recent_files if p != gone]

    def clear_recent(self) -> None:
        self.data.recent_files = []

    @property
    def last_plan(self) -> Path | None:
        return Path(self.data.last_plan) if self.data.last_plan else None

    @last_plan.setter
    def last_plan(self, path: Path | None) -> None:
        self.data.last_plan = str(Path(path).absolute()) if path else None

    def start_folder(self) -> Path:
        """Where a file dialog starts: the last folder used, else Documents (never the app's data)."""
        last = Path(self.data.last_folder) if self.data.last_folder else None
        return last if last is not None and last.is_dir() else paths.documents_dir()

    def remember_folder(self, chosen: Path) -> None:
        self.data.last_folder = str(Path(chosen).absolute().parent)
        self.save()

    # -- window layout -----------------------------------------------------
    def save_window(self, window: QMainWindow) -> None:
        self.data.geometry = base64.b64encode(bytes(window.saveGeometry().data())).decode("ascii")
        self.data.window_state = base64.b64encode(bytes(window.saveState().data())).decode("ascii")

    def restore_window(self, window: QMainWindow) -> bool:
        """Restore geometry and dock layout; False when nothing usable was stored."""
        restored = False
        for value, method in ((self.data.geometry, window.restoreGeometry),
                              (self.data.window_state, window.restoreState)):
            if not value:
                continue
            try:
                restored = bool(method(QByteArray(base64.b64decode(value, validate=True)))) or restored
            except (ValueError, binascii.Error):
                continue
        return restored
