"""`roadmap-planner status FILE NODE_ID STATUS [--on YYYY-MM-DD]`: set a node's status and save.

With --on, the change is back-dated: a done node records the day as its completion
date (`completed_on`), which the burn-up and history use.

The change is recorded in the node's status history (UTC now) and saved with
`save_plan` (atomic write, backup rotation). The plan's lock is taken for the
save, so a plan open in the app is not changed behind its back.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt

from ..model import Status, StatusChange
from ..model.node import MAX_DATE, MIN_DATE
from ..storage import LockedError, PlanLock, SaveError, acquire, save_plan
from . import EXIT_USAGE, CliError
from .common import file_message, load_or_fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the plan to change")
    parser.add_argument("node_id", metavar="NODE_ID", help="id of the node (see `show`)")
    parser.add_argument("status", metavar="STATUS", choices=[s.value for s in Status],
                        help="one of: " + ", ".join(s.value for s in Status))
    parser.add_argument("--on", metavar="YYYY-MM-DD", type=_date,
                        help="the day it happened (done or in_progress), for past work")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {text!r}") from None


def run(args: argparse.Namespace) -> int:
    try:
        lock: PlanLock | contextlib.nullcontext = acquire(args.file)
    except LockedError as exc:
        raise CliError(f"{args.file}: {exc}; close it there first") from None
    except SaveError:
        # No lock file possible (full disk, read-only state folder): nobody
        # else can hold one either, and the save reports its own failure.
        lock = contextlib.nullcontext()
    with lock:
        loaded = load_or_fail(args.file)
        node = loaded.roadmap.node(args.node_id)
        if node is None:
            raise CliError(f"{args.file}: no node {args.node_id}")
        status = Status(args.status)
        on = args.on
        if on is not None and status not in (Status.DONE, Status.IN_PROGRESS):
            raise CliError(f"--on dates a change to done or in_progress, not to {status.value}", EXIT_USAGE)
        if on is not None and not (MIN_DATE <= on <= MAX_DATE):
            raise CliError(f"--on {on.isoformat()}: use a date from {MIN_DATE.year} to {MAX_DATE.year}",
                           EXIT_USAGE)
        if node.status is status and (on is None or status is not Status.DONE or node.completed_on == on):
            print(f"{args.file}: {node.id} is already {status.value}")
            return 0
        # A back-dated change is stamped at noon UTC, which is that calendar day from UTC-11
        # to UTC+11; the burn-up and history read completed_on for done nodes.
        at = dt.datetime.combine(on, dt.time(12), tzinfo=dt.UTC) if on else dt.datetime.now(dt.UTC)
        if node.status is not status:
            node.status_history = [*node.status_history, StatusChange(at=at, status=status)]
            node.status = status
        node.completed_on = on if status is Status.DONE else None
        try:
            result = save_plan(args.file, loaded.roadmap, loaded=loaded, expected_hash=loaded.content_hash)
        except SaveError as exc:
            raise CliError(file_message(args.file, exc)) from None
    for warning in result.warnings:
        print(f"{args.file}: warning: {warning}")
    when = f" (on {on.isoformat()})" if on else ""
    print(f"{args.file}: {node.id} is now {status.value}{when}")
    return 0
