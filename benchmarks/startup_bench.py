"""Cold starts, each in a fresh process, compared with a bare PySide6 window.

The app runs with ROADMAP_PLANNER_PROBE=first-frame (roadmap_app/probe.py):
it stamps its first painted frame (the start-up splash) and the first paint of
the canvas with the plan, then quits. The reference, benchmarks/probes.py, is
stamped the same way. Every process is spawned once unmeasured first (file
cache, and the default plan's creation on a first start).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from roadmap_app.graph.synthetic import synthetic_roadmap
from roadmap_app.probe import FIRST_FRAME, PROBE_ENV
from roadmap_app.storage import save

from .common import Row, child_env, run_probe


def _starts(args: list[str], home: Path, runs: int) -> dict[str, float]:
    """Best seconds from spawn to each stamp over `runs`, the max peak RSS (MB), the modules loaded.

    The best run, for the app and the bare window alike: on a shared machine anything
    slower is other processes' interference, not start-up work.
    """
    env = child_env(home)
    env[PROBE_ENV] = FIRST_FRAME
    run_probe(args, env)
    probes = [run_probe(args, env) for _ in range(runs)]
    out: dict = {key: min(p[key] - p["spawned_at"] for p in probes)
                 for key in ("first_frame", "plan_visible") if key in probes[0]}
    out["maxrss_mb"] = max(p["maxrss_mb"] for p in probes)
    out["modules"] = probes[-1].get("modules", [])
    return out


def measure(smoke: bool) -> list[Row]:
    runs = 1 if smoke else 3
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        bare = _starts(["-m", "benchmarks.probes"], home, runs)["first_frame"]
        app = _starts(["-m", "roadmap_app"], home, runs)
        ratio = app["first_frame"] / bare
        heavy = [m for m in ("pyqtgraph", "numpy", "networkx") if m in app["modules"]]
        rows.append(Row("Cold start to first painted frame", app["first_frame"], "s",
                        f"bare PySide6 window {bare * 1000:.0f} ms", "≤ 1.5x bare window", ratio <= 1.5,
                        f"{ratio:.2f}x; the splash, then the default plan visible at "
                        f"{app['plan_visible']:.2f} s; heavy modules loaded: {', '.join(heavy) or 'none'}"))
        sizes = [(1000, 1.0)] if smoke else [(1000, 1.0), (10_000, 3.0)]
        for n, limit in sizes:
            plan = home / f"plan-{n}.roadmap"
            save(plan, synthetic_roadmap(n, seed=6))
            result = _starts(["-m", "roadmap_app", str(plan)], home, runs)
            seconds = result["plan_visible"]
            note = (f"{seconds / limit:.2f}x the target; splash with progress at "
                    f"{result['first_frame'] * 1000:.0f} ms; no saved positions: laid out at open")
            rows.append(Row(f"Cold start until a {n}-node plan is visible", seconds, "s",
                            f"bare window {bare * 1000:.0f} ms", f"≤ {limit:g} s"
                            + (", with progress shown" if n > 1000 else ""), seconds <= limit, note))
            if n == 10_000:
                rss = result["maxrss_mb"]
                rows.append(Row("Peak RSS with a 10k-node plan open", rss, "MB", "limit 500 MB",
                                "≤ 500 MB", rss <= 500, f"{rss / 500:.2f}x the limit"))
    return rows
