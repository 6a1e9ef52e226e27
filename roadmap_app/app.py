"""Composition root: the Qt application, the main window and its first plan, the event loop.

The pieces are built in ui.startup (so tests and the screenshot tool build the
same window); this module only adds the command line and the event loop.
"""

from __future__ import annotations

from pathlib import Path

from .probe import FIRST_FRAME, install_first_frame
from .probe import requested as probe_requested
from .ui.startup import build_window, create_application, install_excepthook

__all__ = ["build_window", "create_application", "run_app"]


def run_app(argv: list[str]) -> int:
    """`roadmap-planner [FILE]`: open FILE, else the last plan, else the default plan."""
    files = [a for a in argv if not a.startswith("-")]
    app = create_application(argv)
    window = build_window(Path(files[0]) if files else None)
    install_excepthook(window)
    if probe_requested() == FIRST_FRAME:  # benchmarks only: see roadmap_app/probe.py
        install_first_frame(app, window, window.view.viewport())
    window.show()
    return int(app.exec())
