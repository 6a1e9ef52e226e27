"""Cold starts, each in a fresh process, compared with a bare PySide6 window."""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path

from roadmap_app.graph.synthetic import synthetic_roadmap
from roadmap_app.storage import save

from .common import Row, child_env, run_probe


def _first_frame(args: list[str], home: Path, runs: int) -> tuple[float, float]:
    """Median seconds from spawn to first painted frame, and the max peak RSS (MB)."""
    times, rss = [], []
    for _ in range(runs):
        probe = run_probe(args, child_env(home))
        times.append(probe["first_frame"] - probe["spawned_at"])
        rss.append(probe["maxrss_mb"])
    return statistics.median(times), max(rss)


def measure(smoke: bool) -> list[Row]:
    runs = 1 if smoke else 3
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        bare, _ = _first_frame(["-m", "benchmarks.probes"], home, runs)
        app, _ = _first_frame(["-m", "roadmap_app", "--probe-first-frame"], home, runs)
        ratio = app / bare
        rows.append(Row("Cold start to first painted frame", app, "s",
                        f"bare PySide6 window {bare * 1000:.0f} ms", "≤ 1.5x bare window", ratio <= 1.5,
                        f"{ratio:.2f}x"))
        sizes = [(1000, 1.0)] if smoke else [(1000, 1.0), (10_000, 3.0)]
        for n, limit in sizes:
            plan = home / f"plan-{n}.roadmap"
            save(plan, synthetic_roadmap(n, seed=6))
            seconds, rss = _first_frame(["-m", "roadmap_app", "--probe-first-frame", str(plan)], home, runs)
            rows.append(Row(f"Cold start until a {n}-node plan is visible", seconds, "s",
                            f"bare window {bare * 1000:.0f} ms", f"≤ {limit:g} s", seconds <= limit, ""))
            if n == 10_000:
                rows.append(Row("Peak RSS with a 10k-node plan open", rss, "MB", "limit 500 MB",
                                "≤ 500 MB", rss <= 500, ""))
    return rows
