"""`roadmap-planner export (FILE | --template ID) -o OUT [--scale S] [--theme T] [--focus NODE_ID]
[--preset overview] [--paper a4|letter|auto] [--tiles fit|auto]`.

The format follows OUT's extension: png, svg and pdf are drawn by the render layer
(offscreen, so it runs without a display); md, mmd, canvas, graphml and roadmap are
written here. For the text formats, --focus keeps the node and everything it needs
(its ancestors through prerequisite and progression edges). .ics writes the plan's
schedule as iCalendar (weekly study blocks and milestones); there --focus is the goal.
"""

from __future__ import annotations

import argparse
import os
import sys

from ..model.errors import RoadmapError
from . import EXIT_OK, EXIT_USAGE, CliError
from ._interchange import check_writable, one_line, read_any, write_any


def configure(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("file", nargs="?", metavar="FILE", help="roadmap file to export")
    source.add_argument("--template", metavar="ID", help="export a built-in roadmap instead of a file")
    parser.add_argument("-o", "--output", required=True, metavar="OUT",
                        help="output file: .png, .svg, .pdf, .md, .mmd, .canvas, .graphml, .ics")
    parser.add_argument("--scale", type=float, default=1.0, help="image scale (default 1)")
    parser.add_argument("--theme", choices=("light", "dark"), default="light", help="image theme")
    parser.add_argument("--focus", metavar="NODE_ID", help="only the path to this node")
    parser.add_argument("--preset", choices=("overview",),
                        help="PNG/SVG: the whole map 1920 px wide, every title legible")
    parser.add_argument("--paper", choices=("a4", "letter", "auto"), default="auto",
                        help="PDF paper for the map pages (default: by the locale)")
    parser.add_argument("--tiles", choices=("fit", "auto"), default="fit",
                        help="PDF: the map fitted on one page (fit) or tiled as a poster (auto)")


def _load(args: argparse.Namespace):
    if args.template:
        from ..templates import load_template

        try:
            return load_template(args.template)
        except Exception as exc:
            raise CliError(one_line(f"template {args.template}: {exc}")) from None
    roadmap, _ = read_any(args.file)
    return roadmap


def focus_subset(roadmap, node_id: str):
    """The node and its ancestors through ordering edges, with the edges among them."""
    import networkx as nx

    from ..graph import to_digraph

    graph = to_digraph(roadmap, ordering_only=True)
    keep = nx.ancestors(graph, node_id) | {node_id}
    return roadmap.model_copy(update={
        "nodes": [n for n in roadmap.nodes if n.id in keep],
        "edges": [e for e in roadmap.edges if e.source in keep and e.target in keep],
        "plan": roadmap.plan.model_copy(update={"goal": node_id}),
    })


def _export_image(roadmap, args: argparse.Namespace) -> int:
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from ..render.export import export_image
        from ..render.options import ExportOptions, ExportScope
    except ImportError:
        print("roadmap-planner: image export is not available yet", file=sys.stderr)
        return 1
    options = ExportOptions(
        theme=args.theme, scale=args.scale, focus_node=args.focus,
        scope=ExportScope.FOCUS if args.focus else ExportScope.ALL,
        paper=args.paper, pdf_pages="tiles" if args.tiles == "auto" else "fit",
        preset=args.preset or "",
    )
    try:
        result = export_image(roadmap, args.output, options)
    except RoadmapError as exc:  # one line `OUT: message` (SaveError and most ExportErrors name it)
        message = str(exc) if str(args.output) in str(exc) else f"{args.output}: {exc}"
        raise CliError(one_line(message)) from None
    if getattr(result, "message", ""):
        print(one_line(f"{args.output}: {result.message}"), file=sys.stderr)
    return EXIT_OK


def _export_calendar(roadmap, args: argparse.Namespace, source: str) -> int:
    from ..planning import schedule
    from ..planning.ics import plan_to_ical
    from ..storage import SaveError
    from ..storage.atomic import atomic_write

    try:
        plan = schedule(roadmap, goal=args.focus)
    except RoadmapError as exc:
        raise CliError(one_line(f"{source}: {exc}")) from None
    try:
        atomic_write(args.output, plan_to_ical(roadmap, plan))
    except (SaveError, OSError) as exc:
        message = str(exc) if str(args.output) in str(exc) else f"{args.output}: {exc}"
        raise CliError(one_line(message)) from None
    when = plan.goal_date.isoformat() if plan.goal_date else "nothing left to plan"
    print(f"{args.output}: exported the plan's calendar (goal: {when})")
    return EXIT_OK


def run(args: argparse.Namespace) -> int:
    from ..interchange.formats import is_image

    if not (0.05 <= args.scale <= 16):  # the renderer's own limit (render.options)
        raise CliError(f"--scale {args.scale:g}: use a scale from 0.05 to 16", EXIT_USAGE)
    if str(args.output).lower().endswith(".ics"):
        roadmap = _load(args)
        source = f"template {args.template}" if args.template else args.file
        if args.focus and roadmap.node(args.focus) is None:
            raise CliError(f"{source}: no node with id {args.focus}")
        return _export_calendar(roadmap, args, source)
    image = is_image(args.output)
    if not image:
        check_writable(args.output)
    roadmap = _load(args)
    source = f"template {args.template}" if args.template else args.file
    if args.focus and roadmap.node(args.focus) is None:
        raise CliError(f"{source}: no node with id {args.focus}")
    if image:
        return _export_image(roadmap, args)
    if args.focus:
        roadmap = focus_subset(roadmap, args.focus)
    write_any(roadmap, args.output)
    print(f"{args.output}: exported {len(roadmap.nodes)} nodes")
    return EXIT_OK
