"""`roadmap-planner status FILE NODE_ID STATUS`: set a node's status and save.

The change is recorded in the node's status history (UTC now) and saved with
`save_plan` (atomic write, backup rotation). The plan's lock is taken for the
save, so a plan open in the app is not changed behind its back.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt

from ..model import Status, StatusChange
from ..storage import LockedError, PlanLock, SaveError, acquire, save_plan
from . import CliError
from .common import file_message, load_or_fail


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="the plan to change")
    parser.add_argument("node_id", metavar="NODE_ID", help="id of the node (see `show`)")
    parser.add_argument("status", metavar="STATUS", choices=[s.value for s in Status],
                        help="one of: " + ", ".join(s.value for s in Status))


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
        if node.status is status:
            print(f"{args.file}: {node.id} is already {status.value}")
            return 0
        node.status_history = [*node.status_history, StatusChange(at=dt.datetime.now(dt.UTC), status=status)]
        node.status = status
        try:
            result = save_plan(args.file, loaded.roadmap, loaded=loaded, expected_hash=loaded.content_hash)
        except SaveError as exc:
            raise CliError(file_message(args.file, exc)) from None
    for warning in result.warnings:
        print(f"{args.file}: warning: {warning}")
    print(f"{args.file}: {node.id} is now {status.value}")
    return 0
