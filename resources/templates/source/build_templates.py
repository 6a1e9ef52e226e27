"""Regenerate the built-in roadmaps in resources/templates/ from templates_src/ beside this script.

Usage, from the repository root: python resources/templates/source/build_templates.py [--check]

The committed .roadmap files are the product; this script only makes them
reproducible. Output goes through roadmap_app.storage.dumps, so loading and
re-saving a template gives identical bytes. --check exits 1 if a committed
file differs from what the sources produce.
"""

from __future__ import annotations

import sys
from pathlib import Path

from roadmap_app.storage import dumps, loads
from templates_src import ds_to_llm, ml_architect, swe_to_mle  # beside this script

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]

SOURCES = (ml_architect, swe_to_mle, ds_to_llm)
OUT = HERE.parent


def main(argv: list[str]) -> int:
    check = "--check" in argv
    stale = []
    for source in SOURCES:
        roadmap = source.build()
        data = dumps(roadmap)
        loads(data)  # validates ids, edges and acyclicity before anything is written
        target = OUT / f"{roadmap.id}.roadmap"
        if check:
            if not target.exists() or target.read_bytes() != data:
                stale.append(target.name)
            continue
        target.write_bytes(data)
        print(f"{target.relative_to(ROOT)}: {len(roadmap.nodes)} nodes, {len(roadmap.edges)} edges, "
              f"{sum(len(n.resources) for n in roadmap.nodes)} resources")
    if stale:
        print("out of date: " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
