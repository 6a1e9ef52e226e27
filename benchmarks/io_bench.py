"""Loading and autosaving a 10k-node plan."""

from __future__ import annotations

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
                f"{ratio:.2f}x")]
    rows.extend(_autosave_rows(roadmap, n))
    return rows


def _autosave_rows(roadmap, n: int) -> list[Row]:
    """The UI thread's share of an autosave: taking the snapshot handed to the worker."""
    from roadmap_app.ui.autosave import snapshot_for_save  # what the app runs on the UI thread

    ui_part = best_of(lambda: snapshot_for_save(roadmap), repeat=5)
    full = best_of(lambda: codec.dumps(roadmap), repeat=3)
    return [Row(f"Autosave of a {n}-node plan: UI-thread time", ui_part, "s",
                f"full serialisation {fmt_seconds(full)} (in the worker)", "≤ 16 ms on the UI thread",
                ui_part <= 0.016, "")]
