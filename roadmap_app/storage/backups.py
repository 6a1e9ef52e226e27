"""Rotating backups of plans: the last N saves plus one per day for two weeks.

Each successful save of a plan also writes its bytes (atomically) to
`paths.backups_dir()/<stem>.<hash of the plan's absolute path>/`, named by
UTC timestamp so that names sort by age:

    my-plan.20261122T050102.123456Z.roadmap

The folder name carries a short hash of the plan's full path so two plans
called `plan.roadmap` in different folders never share backups. Pruning is
deterministic for a given `now`: keep the newest `keep_last`, plus the newest
backup of each of the last `keep_days` UTC days; delete the rest.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from . import codec, paths
from .atomic import atomic_write, remove_stale_temps
from .errors import FileFormatError, SaveError
from .files import read_bytes

KEEP_LAST = 10
KEEP_DAYS = 14
SUFFIX = ".roadmap"
_STAMP = "%Y%m%dT%H%M%S.%fZ"
_NAME = re.compile(r"^(?P<stem>.*)\.(?P<stamp>\d{8}T\d{6}\.\d{6}Z)(?:-(?P<n>\d+))?\.roadmap$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    when: dt.datetime  # UTC, from the name
    valid: bool | None  # None when not checked

    @property
    def label(self) -> str:
        return self.when.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def backup_folder(plan_path: Path | str) -> Path:
    plan_path = Path(plan_path)
    return paths.backups_dir() / f"{plan_path.stem}.{paths.plan_key(plan_path)}"


def _parse(path: Path) -> dt.datetime | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    try:
        return dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.UTC)
    except ValueError:
        return None


def _sort_key(info: BackupInfo) -> tuple[dt.datetime, int, str]:
    match = _NAME.match(info.path.name)
    counter = int(match["n"]) if match and match["n"] else 0  # "-1" was written after ""
    return (info.when, counter, info.path.name)


def list_backups(plan_path: Path | str, *, check: bool = True) -> list[BackupInfo]:
    """Backups of a plan, newest first. With `check`, each is loaded to say if it is valid.

    Loading every backup of a big plan takes a while: a dialog should list with
    check=False and call is_valid_backup for the one the user picks.
    """
    folder = backup_folder(plan_path)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        when = _parse(path)
        if when is None or not path.is_file():
            continue
        found.append(BackupInfo(path, when, is_valid_backup(path) if check else None))
    return sorted(found, key=_sort_key, reverse=True)


def is_valid_backup(path: Path | BackupInfo) -> bool:
    """Whether a backup loads (a full parse: for big plans, check one at a time)."""
    path = path.path if isinstance(path, BackupInfo) else path
    try:
        codec.loads(read_bytes(path), allow_newer=True)
    except Exception:  # any failure means "do not offer this one"
        return False
    return True


def newest_valid_backup(plan_path: Path | str) -> BackupInfo | None:
    for info in list_backups(plan_path, check=False):
        if is_valid_backup(info.path):
            return BackupInfo(info.path, info.when, True)
    return None


def add_backup(
    plan_path: Path | str,
    data: bytes,
    *,
    now: dt.datetime | None = None,
    keep_last: int = KEEP_LAST,
    keep_days: int = KEEP_DAYS,
) -> Path:
    """Store `data` as the newest backup of the plan and prune. Raises SaveError."""
    now = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    folder = backup_folder(plan_path)
    stem = Path(plan_path).stem
    base = f"{stem}.{now.strftime(_STAMP)}"
    target = folder / f"{base}{SUFFIX}"
    counter = 1
    while target.exists():  # two saves within a microsecond, or a clock step back
        target = folder / f"{base}-{counter}{SUFFIX}"
        counter += 1
    atomic_write(target, data)
    prune(plan_path, now=now, keep_last=keep_last, keep_days=keep_days)
    return target


def select_kept(
    backups: list[BackupInfo], *, now: dt.datetime, keep_last: int = KEEP_LAST, keep_days: int = KEEP_DAYS
) -> set[Path]:
    """Which backups survive pruning (pure; `backups` in any order)."""
    ordered = sorted(backups, key=_sort_key, reverse=True)
    kept = {info.path for info in ordered[:keep_last]}
    first_day = now.astimezone(dt.UTC).date() - dt.timedelta(days=keep_days - 1)
    days_seen: set[dt.date] = set()
    for info in ordered:  # newest first: the first of each day is that day's last save
        day = info.when.date()
        if day >= first_day and day not in days_seen:
            days_seen.add(day)
            kept.add(info.path)
    return kept


def prune(
    plan_path: Path | str,
    *,
    now: dt.datetime | None = None,
    keep_last: int = KEEP_LAST,
    keep_days: int = KEEP_DAYS,
) -> list[Path]:
    """Delete backups that fall out of the rotation. Returns the deleted paths."""
    now = now or dt.datetime.now(dt.UTC)
    backups = list_backups(plan_path, check=False)
    kept = select_kept(backups, now=now, keep_last=keep_last, keep_days=keep_days)
    removed = []
    for info in backups:
        if info.path not in kept:
            with contextlib.suppress(OSError):
                info.path.unlink()
                removed.append(info.path)
    return removed


def restore_backup(backup: BackupInfo | Path, plan_path: Path | str) -> bytes:
    """Atomically put a backup's bytes in place of the plan. Returns the bytes.

    The current plan file, when it is readable and not already backed up, is
    added as a backup first, so restoring never loses the version it replaces.
    A current file that does not load is left to the caller (see
    plans.quarantine_corrupt) and is backed up as-is.
    """
    source = backup.path if isinstance(backup, BackupInfo) else Path(backup)
    plan_path = Path(plan_path)
    try:
        data = read_bytes(source)
        codec.loads(data, allow_newer=True)
    except FileFormatError as exc:
        raise SaveError(f"{source.name}: this backup cannot be restored: {exc}") from None
    with contextlib.suppress(FileFormatError):
        current = read_bytes(plan_path)
        if current != data and not _already_backed_up(plan_path, current):
            add_backup(plan_path, current)
    atomic_write(plan_path, data)
    return data


def _already_backed_up(plan_path: Path, data: bytes) -> bool:
    wanted = codec.content_hash(data)
    for info in list_backups(plan_path, check=False):
        with contextlib.suppress(FileFormatError):
            if codec.content_hash(read_bytes(info.path)) == wanted:
                return True
    return False


def remove_stale_backup_temps(plan_path: Path | str) -> list[Path]:
    return remove_stale_temps(backup_folder(plan_path))
