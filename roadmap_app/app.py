"""Composition root: builds the Qt application and the main window, and opens a plan.

Which plan: the file given on the command line, else the last plan, else the
default plan in the user data folder — created from the built-in ML-architect
roadmap on first start and saved at once, so there is something useful to see.
"""

from __future__ import annotations

import sys
from pathlib import Path

from . import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__

DEFAULT_TEMPLATE = "ml-architect"


def _icon_path() -> Path | None:
    from .assets import asset

    icon = asset("icons", f"{APP_ID}.svg")
    try:
        return Path(str(icon)) if icon.is_file() else None
    except OSError:
        return None


def create_application(argv: list[str]):
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    QGuiApplication.setApplicationName(APP_NAME)
    QGuiApplication.setApplicationDisplayName(APP_NAME)
    QGuiApplication.setApplicationVersion(__version__)
    QGuiApplication.setOrganizationName(ORG_NAME)
    QGuiApplication.setOrganizationDomain(ORG_DOMAIN)
    QGuiApplication.setDesktopFileName(APP_ID)
    icon = _icon_path()
    if icon is not None:
        QGuiApplication.setWindowIcon(QIcon(str(icon)))
    return app


def default_roadmap():
    from .model import Roadmap
    from .templates import load_template

    try:
        return load_template(DEFAULT_TEMPLATE)
    except Exception:  # a broken install still starts, with an empty plan to work in
        return Roadmap(id="my-plan", title="My plan")


def open_initial(window, argv_path: Path | None) -> None:
    """The file from the command line, else the last plan, else the default plan."""
    from .storage import paths

    files = window.files
    if argv_path is not None and files.open_path(argv_path, ask_first=False):
        return
    last = window.settings.last_plan
    if last is not None and last.exists() and files.open_path(last, ask_first=False):
        return
    default = paths.default_plan_path()
    if default.exists() and files.open_path(default, ask_first=False):
        return
    # First start (or the default plan is damaged: create_plan keeps it aside as *.corrupt-*).
    if files.create_plan(default, default_roadmap()):
        window.show_message(f"Created your plan at {default}")
        return
    files.new_document(default_roadmap())


def build_window(argv_path: Path | None = None):
    """Everything but the event loop (tests and the screenshot tool use this)."""
    from PySide6.QtWidgets import QApplication

    from .ui.main_window import MainWindow
    from .ui.settings_controller import SettingsController
    from .ui.theme import ThemeController

    settings = SettingsController()
    theme = ThemeController(QApplication.instance(), settings.theme)
    window = MainWindow(settings, theme)  # restores its layout when first shown
    open_initial(window, argv_path)
    return window


def run_app(argv: list[str]) -> int:
    paths_given = [a for a in argv if not a.startswith("-")]
    argv_path = Path(paths_given[0]) if paths_given else None
    app = create_application(argv)
    window = build_window(argv_path)
    window.show()
    return int(app.exec())
