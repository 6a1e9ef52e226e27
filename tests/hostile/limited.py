"""Run the CLI in a child process with a memory cap and a hard timeout, and measure it.

A regression that hangs or balloons then fails one test instead of eating CI: the
child has RLIMIT_AS (address space) set before it starts, and is killed after
`timeout` seconds. The child reports the processor seconds its command took (imports
the command makes counted; processor time, not wall time, because the machines that
run the tests are shared and a loaded one doubles wall times), the wall seconds, and
its peak resident memory (ru_maxrss, interpreter included).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

GIB = 1024**3
CHILD = r"""
import json, os, resource, sys, time
from roadmap_app.cli import main
def cpu():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime
started, wall = cpu(), time.perf_counter()
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
seconds, wall = cpu() - started, time.perf_counter() - wall
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
with open(os.environ["LIMITED_STATS"], "w") as handle:
    json.dump({"seconds": seconds, "wall": wall, "peak": peak}, handle)
sys.exit(code)
"""


@dataclass
class Outcome:
    code: int
    out: str
    err: str
    seconds: float
    wall: float
    peak: int


def run_limited(
    argv: list[str], tmp: Path, *, memory: int = int(1.5 * GIB), timeout: float = 30.0
) -> Outcome:
    stats = tmp / "limited-stats.json"
    stats.unlink(missing_ok=True)

    def cap() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    env = dict(os.environ, LIMITED_STATS=str(stats))
    proc = subprocess.run([sys.executable, "-c", CHILD, *argv], capture_output=True, text=True,
                          timeout=timeout, preexec_fn=cap, env=env)
    measured = (json.loads(stats.read_text()) if stats.exists()
                else {"seconds": float("inf"), "wall": float("inf"), "peak": -1})
    return Outcome(proc.returncode, proc.stdout, proc.stderr, measured["seconds"], measured["wall"],
                   measured["peak"])
