"""The `roadmap-planner` command: headless subcommands, or the GUI.

`roadmap-planner` alone, or with a file path, starts the desktop app; a known
subcommand runs headless. Subcommand modules are imported only when used, and
none of them imports Qt unless it renders an image.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from .. import __version__

# name -> (module under roadmap_app.cli, one-line help)
COMMANDS: dict[str, tuple[str, str]] = {
    "templates": ("cmd_templates", "list the built-in roadmaps"),
    "new": ("cmd_new", "create a plan from a built-in roadmap"),
    "validate": ("cmd_validate", "check roadmap files"),
    "show": ("cmd_show", "print a summary of a roadmap"),
    "status": ("cmd_status", "set a node's status"),
    "plan": ("cmd_plan", "print a study plan with dates"),
    "schema": ("cmd_schema", "print the JSON Schema of the file format"),
    "export": ("cmd_export", "export to png, svg, pdf, md, mmd, canvas or graphml"),
    "convert": ("cmd_convert", "convert between roadmap, canvas, graphml (and roadmap.sh JSON)"),
    "merge": ("cmd_merge", "merge an updated roadmap into a plan, keeping progress"),
}

EXIT_OK, EXIT_BAD_INPUT, EXIT_USAGE = 0, 1, 2


class CliError(Exception):
    """A one-line message for stderr, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_BAD_INPUT) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit 2 with one line
        self.print_usage(sys.stderr)
        raise CliError(f"{self.prog}: {message}", EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="roadmap-planner",
        description="Plan your path to machine-learning architect. "
        "Without a command, opens the desktop app (optionally on FILE).",
    )
    parser.add_argument("--version", action="version", version=f"roadmap-planner {__version__}")
    parser.add_argument(
        "--install-desktop-entry", action="store_true",
        help="install the launcher entry, icon and file type for this user",
    )
    parser.add_argument(
        "--uninstall-desktop-entry", action="store_true",
        help="remove what --install-desktop-entry added",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(f"{__name__}.{module_name}")
        command = sub.add_parser(name, help=help_text, description=help_text.capitalize() + ".")
        module.configure(command)
        command.set_defaults(handler=module.run)
    return parser


def _wants_gui(argv: Sequence[str]) -> bool:
    if not argv:
        return True
    first = argv[0]
    return not (first in COMMANDS or first.startswith("-"))


def _looks_like_a_command(word: str) -> bool:
    """A bare word that names no file is a mistyped command, not a plan to open."""
    return not (os.sep in word or "." in word or os.path.lexists(word))


def _no_display() -> bool:
    # Without X11, Wayland or a chosen Qt platform, Qt's xcb plugin aborts the process
    # with a core dump; on Linux we can tell beforehand and say so in one line.
    if not sys.platform.startswith("linux"):
        return False
    return not any(os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def _run_gui(argv: Sequence[str]) -> int:
    if _no_display() and "-platform" not in argv:
        raise CliError(
            "roadmap-planner: no display found; start the app from a desktop session "
            "(or set QT_QPA_PLATFORM=offscreen), or use a command: roadmap-planner --help"
        )
    from ..app import run_app  # the GUI imports Qt; only now

    return run_app(list(argv))


def _run(argv: Sequence[str]) -> int:
    if _wants_gui(argv):
        if argv and _looks_like_a_command(argv[0]):
            build_parser().print_usage(sys.stderr)
            raise CliError(
                f"roadmap-planner: unknown command {argv[0]!r} (choose from {', '.join(COMMANDS)}); "
                "to open a plan, give its file name",
                EXIT_USAGE,
            )
        return _run_gui(argv)
    parser = build_parser()
    args = parser.parse_args(list(argv))
    if args.install_desktop_entry or args.uninstall_desktop_entry:
        from ..desktop_entry import install, uninstall

        return install() if args.install_desktop_entry else uninstall()
    if not getattr(args, "command", None):
        return _run_gui([])
    return int(args.handler(args) or 0)


def _roadmap_error() -> type[Exception]:
    # Imported late: the model pulls in pydantic, and the GUI paints its first frame before that.
    from ..model.errors import RoadmapError

    return RoadmapError


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        code = _run(argv)
    except CliError as exc:
        print(str(exc), file=sys.stderr)
        code = exc.code
    except _roadmap_error() as exc:  # evaluated only when something was raised
        print(f"roadmap-planner: {exc}", file=sys.stderr)
        code = EXIT_BAD_INPUT
    except KeyboardInterrupt:
        code = 130
    except BrokenPipeError:
        code = EXIT_OK
    except Exception as exc:  # last line of defence: never a traceback
        if os.environ.get("ROADMAP_PLANNER_DEBUG"):
            raise
        print(f"roadmap-planner: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        code = EXIT_BAD_INPUT
    sys.stdout.flush()
    return code
