"""Rows, timing helpers and subprocess probes shared by the benchmarks."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Row:
    """One measured figure beside the reference measured in the same run."""

    what: str
    value: float | None  # None: skipped
    unit: str
    reference: str  # what the value is compared with, and its figure
    target: str
    met: bool | None
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def best_of(fn: Callable[[], object], repeat: int = 5, *, fastest: bool = False) -> float:
    """Median (or with `fastest`, the least) seconds of `repeat` calls after one warm-up call.

    The least is for CPU-bound work compared with another program's best run on a
    shared machine: anything slower than it is interference, not the code.
    """
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times) if fastest else statistics.median(times)


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        ROADMAP_PLANNER_HOME=str(home),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "xdg-data"),
        XDG_CONFIG_HOME=str(home / "xdg-config"),
        XDG_STATE_HOME=str(home / "xdg-state"),
        XDG_CACHE_HOME=str(home / "xdg-cache"),
    )
    return env


def run_probe(args: list[str], env: dict[str, str], timeout: float = 120) -> dict:
    """Run a child that prints one JSON line starting with PROBE; return it with wall time."""
    start = time.time()
    proc = subprocess.run([sys.executable, *args], env=env, capture_output=True, text=True,
                          timeout=timeout, cwd=REPO)
    for line in proc.stdout.splitlines():
        if line.startswith("PROBE "):
            data = json.loads(line[6:])
            data["spawned_at"] = start
            data["wall"] = time.time() - start
            return data
    raise RuntimeError(f"probe {args} printed no result (exit {proc.returncode}): {proc.stderr[-800:]}")


def fmt_seconds(value: float | None) -> str:
    if value is None:
        return "skipped"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"
