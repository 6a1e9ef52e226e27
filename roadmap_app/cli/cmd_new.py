"""`roadmap-planner new`: create a plan file from a built-in roadmap, optionally from a
starting point (`--profile`, `--years`): see planning/profiles.py."""

from __future__ import annotations

import argparse
import datetime as dt
import math
from pathlib import Path

from ..model import Status
from ..planning.profiles import PROFILES, ProfileMismatchError, apply_outcome, apply_profile
from ..storage import SaveError, save
from ..storage.atomic import describe_os_error
from ..templates import MAIN_TEMPLATE, UnknownTemplateError, load_template
from . import EXIT_USAGE, CliError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--template", "-t", metavar="ID", default=MAIN_TEMPLATE,
        help=f"built-in roadmap to start from (default: {MAIN_TEMPLATE}; see `templates`)",
    )
    parser.add_argument("-o", "--output", metavar="FILE", required=True, help="the plan file to create")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument(
        "--profile", metavar="PROFILE", choices=list(PROFILES),
        help="where you start: " + ", ".join(PROFILES) + " (marks what that means as done, "
        "back-dated, and picks the route)",
    )
    parser.add_argument("--years", metavar="N", type=_years,
                        help="years in your current step (default: the profile's own)")
    parser.add_argument("--today", metavar="YYYY-MM-DD", type=_date, help=argparse.SUPPRESS)


def _years(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value) or not 0 <= value <= 60:
        raise argparse.ArgumentTypeError(f"must be between 0 and 60 years, not {text}")
    return value


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def run(args: argparse.Namespace) -> int:
    target = Path(args.output)
    try:
        roadmap = load_template(args.template)
    except UnknownTemplateError as exc:
        raise CliError(f"roadmap-planner new: {exc}") from None
    if args.years is not None and args.profile is None:
        raise CliError("roadmap-planner new: --years needs a --profile", EXIT_USAGE)
    if args.profile:
        today = args.today or dt.date.today()
        try:
            outcome = apply_profile(roadmap, args.profile, args.years, today)
        except ProfileMismatchError as exc:  # say so rather than mark nothing
            raise CliError(f"roadmap-planner new: {exc}") from None
        roadmap = apply_outcome(roadmap, outcome)
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
    if args.profile:
        done = sum(1 for node in roadmap.nodes if node.status is Status.DONE)
        print(f"{target}: starting point {PROFILES[args.profile].label}: {done} nodes done")
    return 0
