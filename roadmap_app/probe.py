"""A measuring hook for the benchmarks: report the first painted frame, then quit.

Set ROADMAP_PLANNER_PROBE=first-frame and start the app as usual. On the first
paint of the canvas viewport after the window is shown (with its plan), it
prints one line `PROBE {"first_frame": <time.time()>, "maxrss_mb": ..., "modules": [...]}`
to stdout, closes the window the normal way (so locks and settings are
released) and leaves the event loop. `modules` lists the top-level packages
imported by then, so tests can check what startup pulled in. The benchmark
probe of a bare PySide6 window (benchmarks/probes.py) is measured the same way.
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


def report(**data) -> None:
    data["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    data["modules"] = sorted({name.split(".", 1)[0] for name in list(sys.modules)})
    print("PROBE " + json.dumps(data), flush=True)


def install_first_frame(app, window, viewport) -> None:
    """Report once `viewport` has painted for the first time, then close and quit."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class _FirstPaint(QObject):
        done = False

        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                QTimer.singleShot(0, self.finish)  # after this paint has completed
            return False

        def finish(self) -> None:
            report(first_frame=time.time())
            window.close()
            app.quit()

    probe = _FirstPaint(window)
    viewport.installEventFilter(probe)
