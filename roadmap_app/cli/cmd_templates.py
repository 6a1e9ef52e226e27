"""`roadmap-planner templates`: list the built-in roadmaps with their sizes."""

from __future__ import annotations

import argparse
import dataclasses
import json

from ..templates import TemplateInfo, list_templates

COLUMNS = ("ID", "TITLE", "NODES", "EDGES", "RESOURCES")


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print a JSON list instead of a table")


def table(infos: list[TemplateInfo]) -> str:
    rows = [COLUMNS] + [
        (i.id, i.title, str(i.node_count), str(i.edge_count), str(i.resource_count)) for i in infos
    ]
    widths = [max(len(row[col]) for row in rows) for col in range(len(COLUMNS))]
    lines = []
    for row in rows:
        # Text columns left-aligned, counts right-aligned.
        cells = [
            cell.ljust(width) if col < 2 else cell.rjust(width)
            for col, (cell, width) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"


def run(args: argparse.Namespace) -> int:
    infos = list_templates()
    if args.json:
        print(json.dumps([dataclasses.asdict(i) for i in infos], indent=2, ensure_ascii=False))
    else:
        print(table(infos), end="")
    return 0
