"""PNG export: 1k nodes at 4K in this process, 10k nodes in a child (for its peak memory)."""

from __future__ import annotations

import json
import sys
import tempfile
import time
from pathlib import Path

from roadmap_app.probe import peak_rss_mb

from .common import Row, child_env, run_probe

UHD_PIXELS = 3840 * 2160  # "at 4K": a 4K frame's pixel count, in the plan's own aspect ratio


def _export(n: int, out: Path, width: int | None, pixels: int | None = None) -> dict:
    from roadmap_app.graph.synthetic import synthetic_roadmap
    from roadmap_app.render.export import export_image
    from roadmap_app.render.options import ExportOptions
    from roadmap_app.render.scene_source import build_scene, ensure_app, source_rect

    ensure_app()
    roadmap = synthetic_roadmap(n, seed=4)
    options = ExportOptions()
    scene_start = time.perf_counter()
    scene = build_scene(roadmap, options)
    scene_seconds = time.perf_counter() - scene_start
    src = source_rect(scene, roadmap, options)
    if width:
        options.scale = width / src.width()
    elif pixels:
        options.scale = (pixels / (src.width() * src.height())) ** 0.5
    start = time.perf_counter()
    result = export_image(roadmap, out, options, scene=scene)
    return {"export": time.perf_counter() - start, "scene": scene_seconds,
            "width": result.width, "height": result.height, "bytes": out.stat().st_size}


def measure(smoke: bool) -> list[Row]:
    rows = []
    n = 300 if smoke else 1000
    with tempfile.TemporaryDirectory() as tmp:
        _export(n, Path(tmp) / "warm.png", 1280)  # warm fonts and caches, as a running app has
        result = _export(n, Path(tmp) / "a.png", None, UHD_PIXELS)
        wide = _export(n, Path(tmp) / "b.png", 3840)
        rows.append(Row(f"PNG export of {n} nodes at 4K ({result['width']}x{result['height']}, "
                        f"{result['width'] * result['height'] / 1e6:.1f} Mpx)",
                        result["export"], "s", f"scene build {result['scene'] * 1000:.0f} ms (not counted)",
                        "≤ 0.5 s", result["export"] <= 0.5,
                        f"{result['bytes'] / 1e6:.1f} MB file; 3840 px wide "
                        f"({wide['width']}x{wide['height']}, "
                        f"{wide['width'] * wide['height'] / 1e6:.0f} Mpx): {wide['export']:.2f} s"))
        big = 2000 if smoke else 10_000
        probe = run_probe(["-m", "benchmarks.export_bench", str(big), str(Path(tmp) / "big.png")],
                          child_env(Path(tmp)), timeout=300)
        total = probe["export"] + probe["scene"]
        mpx = probe["width"] * probe["height"] / 1e6
        rows.append(Row(f"PNG export of {big} nodes at scale 1 ({probe['width']}x{probe['height']}, "
                        f"{mpx:.0f} Mpx)", total, "s",
                        f"peak RSS {probe['maxrss_mb']:.0f} MB (limit 1 GB)", "< 3 s, RSS < 1 GB",
                        total < 3 and probe["maxrss_mb"] < 1024,
                        f"{total / 3:.1f}x the time: scene {probe['scene']:.2f} s + painting and encoding "
                        f"{probe['export']:.2f} s ({mpx / probe['export']:.0f} Mpx/s; antialiased edge "
                        "strokes dominate)"))
    return rows


if __name__ == "__main__":
    data = _export(int(sys.argv[1]), Path(sys.argv[2]), None)
    data["maxrss_mb"] = peak_rss_mb()  # not ru_maxrss: that keeps the parent's peak across exec
    print("PROBE " + json.dumps(data), flush=True)
