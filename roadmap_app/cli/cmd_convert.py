"""`roadmap-planner convert IN -o OUT`: between roadmap, canvas and graphml (and roadmap.sh JSON in).

Formats follow the extensions: in .roadmap, .canvas, .graphml, .json (roadmap.sh);
out .roadmap, .canvas, .graphml, .md, .mmd. `--content DIR` names a roadmap.sh
content folder kept somewhere else than `content/` beside the file. Import warnings go to stderr as
`IN: warning: ...` and do not change the exit code. Unknown extensions exit 2.
"""

from __future__ import annotations

import argparse

from . import EXIT_OK, EXIT_USAGE, CliError
from ._interchange import check_writable, read_any, write_any


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="IN", help="file to read (.roadmap, .canvas, .graphml, .json)")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="file to write (.roadmap, .canvas, .graphml, .md, .mmd)")
    parser.add_argument("--content", metavar="DIR",
                        help="roadmap.sh content folder (default: content/ beside IN)")


def run(args: argparse.Namespace) -> int:
    from ..interchange.formats import is_image

    if is_image(args.output):
        raise CliError(f"{args.output}: images are made with `roadmap-planner export`", EXIT_USAGE)
    check_writable(args.output)
    roadmap, _report = read_any(args.input, content_dir=args.content)
    write_any(roadmap, args.output)
    print(f"{args.output}: wrote {len(roadmap.nodes)} nodes and {len(roadmap.edges)} edges")
    return EXIT_OK
