"""Composition root: the Qt application, the main window and its first plan, the event loop.

The pieces are built in ui.window.startup (so tests and the screenshot tool build the
same window); this module only adds the command line and the event loop.

Start-up order is tuned (see docs/PERFORMANCE.md): the splash is painted with
nothing but PySide6 imported, the rest of the app is imported after it; when a
file is named on the command line, the pure-Python layers are imported before
PySide6 (whose import hook makes every later import slower); and the garbage
collector is paused while the plan loads (a 10k-node plan is ~a million
objects, none of them garbage, that the collector would walk many times) and
what start-up built is then frozen (gc.freeze) so later passes skip it.
"""

from __future__ import annotations

import gc
import importlib
import sys
from pathlib import Path

from .probe import FIRST_FRAME, FirstFrameProbe
from .probe import requested as probe_requested

__all__ = ["build_window", "create_application", "run_app"]  # noqa: F822 (see __getattr__)

# What opening a plan needs that imports no Qt: loaded first when a file is named.
PURE_PYTHON_FIRST = ("roadmap_app.model", "roadmap_app.storage", "roadmap_app.graph.layout",
                     "roadmap_app.planning")


def __getattr__(name: str):  # build_window and create_application, imported on first use
    if name in ("build_window", "create_application"):
        from .ui.window import startup

        return getattr(startup, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def run_app(argv: list[str]) -> int:
    """`roadmap-planner [FILE]`: open FILE, else the last plan, else the default plan."""
    files = [a for a in argv if not a.startswith("-")]
    path = Path(files[0]) if files else None
    gc.disable()
    try:
        if path is not None:
            for module in PURE_PYTHON_FIRST:
                importlib.import_module(module)
        # The splash module imports PySide6 itself: a module imported after PySide6 costs more.
        from .ui.window.splash import application, show_splash

        app = application([sys.argv[0] if sys.argv else "roadmap-planner", *argv])
        probe = FirstFrameProbe(app) if probe_requested() == FIRST_FRAME else None
        splash = show_splash(path, before_show=probe.watch_first if probe else None)
        if probe is not None:
            probe.flush()

        from .ui.window.startup import build_window, create_application, install_excepthook

        create_application(argv)
        window = build_window(path)
        install_excepthook(window)
        if probe is not None:  # benchmarks only: see roadmap_app/probe.py
            probe.watch_plan(window, window.view.viewport())
        window.show()
        splash.finish(window)
        if window.career.first_run:  # a new default plan: ask where the user starts from
            from PySide6.QtCore import QTimer

            QTimer.singleShot(0, window.career.open_if_first_run)
    finally:
        # What start-up built (the plan, the window) lives on: moved out of the collector's
        # generations, later passes skip it. A full pass over a 10k-node plan held the GIL
        # ~0.3 s, a visible freeze when it came in the middle of an edit or an autosave.
        gc.freeze()
        gc.enable()
    return int(app.exec())
