"""Child-process probe: cold start of a bare Qt window (the app has its own: roadmap_app/probe.py).

Both print `PROBE {json}` with the wall-clock time of their first painted
frame, so the parent compares like with like from the moment it spawned them.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def _report(**data) -> None:
    data["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("PROBE " + json.dumps(data), flush=True)


def bare_window() -> int:
    """The reference: the smallest PySide6 program that paints a window."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1280, 800)

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not hasattr(self, "done"):
                self.done = True
                QTimer.singleShot(0, lambda: (_report(first_frame=time.time()), app.quit()))
            return False

    flt = FirstPaint()
    window.installEventFilter(flt)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(bare_window())
