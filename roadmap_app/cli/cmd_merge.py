"""`roadmap-planner merge MINE THEIRS -o OUT`: update a plan from a newer roadmap, keeping progress.

MINE is the user's plan, THEIRS the newer version of the same roadmap (our format,
canvas, GraphML or a re-imported roadmap.sh file); nodes are matched by id. The
summary is printed; OUT is written atomically (it may be MINE itself).
"""

from __future__ import annotations

import argparse

from . import EXIT_OK, CliError
from ._interchange import check_writable, one_line, read_any, write_any


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("mine", metavar="MINE", help="your plan")
    parser.add_argument("theirs", metavar="THEIRS", help="the updated roadmap")
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="where to write the merged plan")


def run(args: argparse.Namespace) -> int:
    from ..interchange.merge import merge

    check_writable(args.output)
    mine, _ = read_any(args.mine)
    theirs, _ = read_any(args.theirs)
    try:
        result, summary = merge(mine, theirs)
    except Exception as exc:  # the merged roadmap failed validation: say so, write nothing
        raise CliError(one_line(f"{args.theirs}: cannot merge: {exc}")) from None
    write_any(result, args.output)
    for line in summary.lines():
        print(line)
    print(f"{args.output}: wrote {len(result.nodes)} nodes")
    return EXIT_OK
