"""Building the application and the main window, and choosing the first plan.

Which plan: the file given on the command line, else the last plan, else the
default plan in the user data folder — created from the built-in ML-architect
roadmap on first start and saved at once, so there is something useful to see.
(app.run_app adds the event loop; the screenshot tool and tests use this too.)
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from roadmap_app import APP_ID, APP_NAME, ORG_DOMAIN, ORG_NAME, __version__
from roadmap_app.assets import asset
from roadmap_app.model import Roadmap, RoadmapError
from roadmap_app.storage import paths

DEFAULT_TEMPLATE = "ml-architect"


def _icon_path() -> Path | None:
    icon = asset("icons", f"{APP_ID}.svg")
    try:
        return Path(str(icon)) if icon.is_file() else None
    except OSError:
        return None


def create_application(argv: list[str]) -> QApplication:
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


def default_roadmap() -> Roadmap:
    from roadmap_app.templates import load_template

    try:
        return load_template(DEFAULT_TEMPLATE)
    except RoadmapError:  # a broken install still starts, with an empty plan to work in
        return Roadmap(id="my-plan", title="My plan")


def open_initial(window, argv_path: Path | None) -> None:
    """The file from the command line, else the last plan, else the default plan.

    Then an untitled plan whose work was recovered after a crash is offered.
    """
    from roadmap_app.ui.dialogs.recovery_prompt import offer_untitled_recovery

    _open_first_plan(window, argv_path)
    offer_untitled_recovery(window.files)


def _open_first_plan(window, argv_path: Path | None) -> None:
    files = window.files
    default = paths.default_plan_path().absolute()
    last = window.settings.last_plan
    tried: set[Path] = set()
    existing_last = last if last is not None and last.exists() else None
    existing_default = default if default.exists() else None
    for candidate in (argv_path, existing_last, existing_default):
        if candidate is None or candidate.absolute() in tried:
            continue
        tried.add(candidate.absolute())  # one failure, one dialog
        if files.open_path(candidate, ask_first=False):
            return
    # First start (or a damaged default plan, which create_plan keeps aside as *.corrupt-*).
    if files.create_plan(default, default_roadmap()):
        window.show_message(f"Created your plan at {default}")
        window.career.first_run = True  # app.run_app then asks "Where are you now?"
        return
    files.new_document(default_roadmap())
    window.career.first_run = True  # unsaved, but a new plan all the same


def install_excepthook(window) -> None:
    """An unexpected error in a slot is reported (once per kind), and the app keeps running.

    The traceback still goes to stderr for bug reports; the user gets one plain
    message instead of a silent failure.
    """
    from roadmap_app.ui.common import messages

    seen: set[str] = set()
    previous = sys.excepthook

    def hook(kind, value, tb) -> None:
        previous(kind, value, tb)
        text = f"{kind.__name__}: {value}"
        window.show_message(f"Internal error: {text}")
        if text not in seen:
            seen.add(text)
            messages.error(window, "Something went wrong",
                           "An internal error happened; your plan is still open.",
                           f"{text}\n\nPlease save your work and report this problem.")

    sys.excepthook = hook


def build_window(argv_path: Path | None = None):
    """The main window with its first plan open (not shown yet)."""
    from roadmap_app.ui.controllers.settings_controller import SettingsController
    from roadmap_app.ui.window.main_window import MainWindow
    from roadmap_app.ui.window.theme import ThemeController

    settings = SettingsController()
    theme = ThemeController(QApplication.instance(), settings.theme)
    window = MainWindow(settings, theme)  # restores its layout when first shown
    open_initial(window, argv_path)
    return window
