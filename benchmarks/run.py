"""Run the performance suite and write docs/PERFORMANCE.md and benchmarks/results/*.json.

`python -m benchmarks.run` runs everything (a few minutes on 2 cores);
`--smoke` runs small sizes in seconds and writes nothing unless --write.
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import platform
import sys
import traceback
from pathlib import Path

from .common import REPO, Row

SUITES = ["layout_bench", "io_bench", "export_bench", "frames_bench", "startup_bench"]


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = 0
    from PySide6 import __version__ as pyside

    return (f"{cpu}, {os.cpu_count()} cores, {mem:.0f} GiB RAM; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, PySide6 {pyside}; QT_QPA_PLATFORM="
            f"{os.environ.get('QT_QPA_PLATFORM', '')}")


def _value(row: Row) -> str:
    if row.value is None:
        return "skipped"
    if row.unit == "s":
        return f"{row.value * 1000:.1f} ms" if row.value < 1 else f"{row.value:.2f} s"
    return f"{row.value:,.0f} {row.unit}"


def markdown(rows: list[Row], when: str, smoke: bool) -> str:
    lines = [
        "# Performance",
        "",
        f"Measured {when} by `make bench`{' (smoke mode)' if smoke else ''} on: {machine()}.",
        "Every figure stands beside a reference measured in the same run, so the ratios hold on",
        "other machines. Regenerate with `make bench`.",
        "",
        "| What | Measured | Reference (same run) | Target | Met | Note |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        met = {True: "yes", False: "**no**", None: "n/a"}[row.met]
        lines.append(f"| {row.what} | {_value(row)} | {row.reference} | {row.target} | {met} | {row.note} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.run")
    parser.add_argument("--smoke", action="store_true", help="small sizes, a few seconds")
    parser.add_argument("--only", nargs="*", choices=SUITES, help="run only these suites")
    parser.add_argument("--write", action="store_true", help="write results even in smoke mode")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    rows: list[Row] = []
    for name in args.only or SUITES:
        module = importlib.import_module(f"benchmarks.{name}")
        try:
            rows.extend(module.measure(args.smoke))
        except Exception as exc:  # report a broken suite as a failed row, keep going
            traceback.print_exc()
            rows.append(Row(name, None, "", "", "", False, f"failed: {type(exc).__name__}: {exc}"))
        print(f"{name}: done", file=sys.stderr, flush=True)
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    table = markdown(rows, when, args.smoke)
    print(table)
    if not args.smoke or args.write:
        (REPO / "docs" / "PERFORMANCE.md").write_text(table, encoding="utf-8")
        results = REPO / "benchmarks" / "results"
        results.mkdir(exist_ok=True)
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        payload = {"when": when, "machine": machine(), "smoke": args.smoke,
                   "rows": [r.as_dict() for r in rows]}
        (results / f"bench-{stamp}.json").write_text(json.dumps(payload, indent=2) + "\n")
        (results / "latest.json").write_text(json.dumps(payload, indent=2) + "\n")
    failed = [r for r in rows if r.met is False]
    return 1 if any(r.value is None and r.met is False for r in failed) else 0


if __name__ == "__main__":
    sys.exit(main())
