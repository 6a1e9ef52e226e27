"""Loading and autosaving a 10k-node plan.

Load: storage.codec.loads (caps, duplicate keys, migrations, rules) beside
plain pydantic model_validate_json on the same bytes.

Autosave: the app's real path, FileController.autosave_now() on a document
holding the plan. Its UI-thread share is the call itself (a snapshot of the
model and handing a job to the worker pool). While the worker serialises and
writes, the UI thread keeps running 1 ms slices; the longest gap between two
slices is how long the worker kept it from running (the GIL), which is the
other way an autosave could block the UI.
"""

from __future__ import annotations

import gc
import tempfile
import time
from pathlib import Path

from roadmap_app.graph.synthetic import synthetic_roadmap
from roadmap_app.model import RoadmapFile
from roadmap_app.storage import codec

from .common import Row, best_of, fmt_seconds


def measure(smoke: bool) -> list[Row]:
    n = 1000 if smoke else 10_000
    roadmap = synthetic_roadmap(n, seed=3)
    data = codec.dumps(roadmap)
    ours = best_of(lambda: codec.loads(data), repeat=3)
    reference = best_of(lambda: RoadmapFile.model_validate_json(data), repeat=3)
    ratio = ours / reference
    rows = [Row(f"Load a {n}-node plan ({len(data) / 1e6:.1f} MB)", ours, "s",
                f"pydantic model_validate_json {fmt_seconds(reference)}", "≤ 1.5x", ratio <= 1.5,
                f"{ratio:.2f}x, with the caps, duplicate-key check and graph rules")]
    rows.append(_autosave_row(roadmap, n, repeat=3 if smoke else 5))
    return rows


def _pump_until_idle(files, app, limit: float = 60.0) -> float:
    """Run 1 ms UI slices until the save pool is idle; the longest gap between slices."""
    longest, last = 0.0, time.perf_counter()
    deadline = last + limit
    while files.pool.activeThreadCount() and time.perf_counter() < deadline:
        app.processEvents()
        end = time.perf_counter() + 0.001
        while time.perf_counter() < end:
            pass
        now = time.perf_counter()
        longest = max(longest, now - last - 0.001)
        last = now
    app.processEvents()
    return longest


def _autosave_row(roadmap, n: int, repeat: int) -> Row:
    from PySide6.QtWidgets import QWidget

    from roadmap_app.document import RoadmapDocument
    from roadmap_app.render.scene_source import ensure_app
    from roadmap_app.ui.controllers.file_controller import FileController
    from roadmap_app.ui.controllers.settings_controller import SettingsController

    app = ensure_app()
    with tempfile.TemporaryDirectory() as tmp:
        window = QWidget()
        files = FileController(window, SettingsController(Path(tmp) / "settings.json"))
        document = RoadmapDocument(roadmap, Path(tmp) / "plan.roadmap")
        files.set_document(document)
        # The node-copy cache fills in idle slices after a plan opens; let it finish, as
        # it does in the seconds before the first autosave (AUTOSAVE_DELAY_MS).
        cold = time.perf_counter()
        for _ in range(20_000):
            app.processEvents()
            if not files._snapshots._timer.isActive():
                break
        prime_seconds = time.perf_counter() - cold
        gc.collect()
        gc.freeze()  # as run_app does once start-up has built the plan and the window
        calls, gaps = [], []
        for _ in range(repeat):
            document.undo_stack.resetClean()  # modified: autosave has something to do
            start = time.perf_counter()
            files.autosave_now()
            calls.append(time.perf_counter() - start)
            gaps.append(_pump_until_idle(files, app))
        full = best_of(lambda: codec.dumps(roadmap), repeat=3)
        files.close_document()
        window.deleteLater()
        gc.unfreeze()
    call, gap = sorted(calls)[len(calls) // 2], max(gaps)
    worst = max(call, gap)
    return Row(f"Autosave of a {n}-node plan: UI thread blocked", worst, "s",
               f"serialising in the worker {fmt_seconds(full)}", "≤ 16 ms on the UI thread",
               worst <= 0.016,
               f"autosave_now() {call * 1000:.1f} ms; longest UI stall while the worker ran "
               f"{gap * 1000:.1f} ms; cache primed in idle slices ({prime_seconds:.2f} s)")
