"""`roadmap-planner new`: create a plan file from a built-in roadmap."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..storage import SaveError, save
from ..storage.atomic import describe_os_error
from ..templates import MAIN_TEMPLATE, UnknownTemplateError, load_template
from . import CliError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--template", "-t", metavar="ID", default=MAIN_TEMPLATE,
        help=f"built-in roadmap to start from (default: {MAIN_TEMPLATE}; see `templates`)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the plan file to create")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")


def run(args: argparse.Namespace) -> int:
    target = Path(args.output)
    try:
        roadmap = load_template(args.template)
    except UnknownTemplateError as exc:
        raise CliError(f"roadmap-planner new: {exc}") from None
    try:
        is_dir, exists = target.is_dir(), target.exists()
    except OSError as exc:  # e.g. a name too long for the file system
        raise CliError(f"{target}: {describe_os_error(exc)}") from None
    if is_dir:
        raise CliError(f"{target}: is a folder, not a file")
    # Refuse before writing anything: a plan holds the user's progress.
    if exists and not args.force:
        raise CliError(f"{target}: already exists (use --force to overwrite it)")
    try:
        save(target, roadmap)
    except SaveError as exc:
        raise CliError(str(exc)) from None
    resources = sum(len(node.resources) for node in roadmap.nodes)
    print(
        f"{target}: created from template {roadmap.id} "
        f"({len(roadmap.nodes)} nodes, {resources} resources)"
    )
    return 0
