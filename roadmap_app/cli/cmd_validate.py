"""`roadmap-planner validate FILE...`: check roadmap files without changing them.

Exit 0 when every file is valid (`FILE: ok (N nodes)` on stdout for each);
otherwise exit 1 with one line per bad file on stderr, `FILE: what, where`.
"""

from __future__ import annotations

import argparse
import sys

from ..storage import load
from . import EXIT_BAD_INPUT, EXIT_OK
from .common import describe_load_error


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="+", metavar="FILE", help="roadmap files to check")


def _one_line(text: str) -> str:
    return " ".join(text.split())


def run(args: argparse.Namespace) -> int:
    code = EXIT_OK
    for name in args.files:
        try:
            loaded = load(name)
        except Exception as exc:  # every reason a file does not load is one line
            print(_one_line(f"{name}: {describe_load_error(exc)}"), file=sys.stderr)
            code = EXIT_BAD_INPUT
            continue
        nodes = len(loaded.roadmap.nodes)
        note = f", migrated from format {loaded.schema_version}" if loaded.migrated else ""
        if loaded.shortened:  # opens, but not word for word: say which texts
            note += f"; {len(loaded.shortened)} over-long text(s) shortened on opening"
        print(f"{name}: ok ({nodes} node{'s' if nodes != 1 else ''}{note})")
        for line in loaded.shortened:
            print(_one_line(f"{name}: warning: {line}"), file=sys.stderr)
    return code
