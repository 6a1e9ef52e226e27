"""A measuring hook for the benchmarks: report the first painted frame, then quit.

Set ROADMAP_PLANNER_PROBE=first-frame and start the app as usual. It stamps
(with time.time()) the first painted frame of the app (the start-up splash) and
the first paint of the canvas viewport after the window is shown with its plan;
then it prints one line
`PROBE {"first_frame": t, "plan_visible": t, "maxrss_mb": ..., "modules": [...]}`
to stdout, closes the window the normal way (so locks and settings are
released) and leaves the event loop. `modules` lists the top-level packages
imported by then, so tests can check what startup pulled in. The benchmark
probe of a bare PySide6 window (benchmarks/probes.py) is stamped the same way.
Without the variable nothing here runs.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import time

PROBE_ENV = "ROADMAP_PLANNER_PROBE"
FIRST_FRAME = "first-frame"


def requested() -> str:
    return os.environ.get(PROBE_ENV, "")


def peak_rss_mb() -> float:
    """This process's peak resident memory in MB.

    VmHWM, not ru_maxrss: on Linux ru_maxrss survives exec, so a child of a big
    process (the benchmark runner) would report its parent's peak.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(**data) -> None:
    data["maxrss_mb"] = peak_rss_mb()
    data["modules"] = sorted({name.split(".", 1)[0] for name in list(sys.modules)})
    print("PROBE " + json.dumps(data), flush=True)


class FirstFrameProbe:
    """Stamps the first painted frame of any watched widget, and of the plan's canvas."""

    def __init__(self, app) -> None:
        self.app = app
        self.stamps: dict[str, float] = {}
        self._filters = []

    def _watch(self, widget, key: str, then=None) -> None:
        from PySide6.QtCore import QEvent, QObject, QTimer

        probe = self

        class _FirstPaint(QObject):
            def eventFilter(self, obj, event):
                if event.type() == QEvent.Type.Paint and key not in probe.stamps:
                    # Stamped after this paint has completed, as benchmarks/probes.py does.
                    QTimer.singleShot(0, lambda: probe._stamp(key, then))
                    probe.stamps[key] = 0.0
                return False

        flt = _FirstPaint()
        self._filters.append(flt)
        widget.installEventFilter(flt)

    def flush(self) -> None:
        """Stamp a frame painted while the event loop was not running (the splash) now."""
        for key, value in list(self.stamps.items()):
            if value == 0.0:
                self._stamp(key, None)

    def _stamp(self, key: str, then) -> None:
        if self.stamps.get(key):
            return
        self.stamps[key] = time.time()
        self.stamps.setdefault("first_frame", self.stamps[key])
        if then is not None:
            then()

    def watch_first(self, widget) -> None:
        """The app's first frame (the splash, or the window if there is none)."""
        self._watch(widget, "first_frame")

    def watch_plan(self, window, viewport) -> None:
        """The canvas's first paint with the plan: report, close the window, quit."""

        def finish() -> None:
            report(**self.stamps)
            window.close()
            self.app.quit()

        self._watch(viewport, "plan_visible", finish)
