"""`roadmap-planner templates` (not implemented yet)."""

from __future__ import annotations

import argparse

from . import CliError


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("args", nargs="*")


def run(args: argparse.Namespace) -> int:
    raise CliError("roadmap-planner templates: not implemented yet")
