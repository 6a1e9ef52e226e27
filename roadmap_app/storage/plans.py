"""Opening and saving plans the way the app and the CLI do it.

`open_plan` never writes anything: a plan that fails to load comes back with
the error and the newest valid backup, and the caller decides. The rule for
callers: a plan that did not load is never overwritten. Before the app would
write a fresh plan to that path (for example the GUI creating the default
`my-plan.roadmap` at startup because the old one is corrupt), it must call
`quarantine_corrupt(path)`, which moves the bad file aside as
`NAME.corrupt-<timestamp>` and returns the new name to show the user.

`save_plan` is the one save: a copy of a migrated original (`NAME.v1.bak`
beside it, first save after a migration only) or of one whose over-long texts
were shortened on opening (`NAME.long-text.bak`), the atomic write (bytes parsed
back first), a rotating backup, and clearing the recovery copy.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..model import SCHEMA_VERSION, Roadmap
from . import backups, codec, recovery
from .atomic import atomic_write, remove_stale_temps
from .backups import BackupInfo
from .codec import Loaded, content_hash
from .errors import ExternalChangeError, FileFormatError, SaveError
from .files import file_hash, read_bytes


@dataclass
class OpenResult:
    """What opening a plan found. Exactly one of `loaded` and `error` is set."""

    path: Path
    loaded: Loaded | None = None
    error: str | None = None  # one line, without the path
    missing: bool = False  # the file does not exist (not an error for a new plan)
    backup: BackupInfo | None = None  # newest valid backup, offered when loading failed

    @property
    def ok(self) -> bool:
        return self.loaded is not None

    @property
    def read_only_reason(self) -> str | None:
        return self.loaded.read_only_reason if self.loaded else None


@dataclass
class SaveResult:
    path: Path
    data: bytes
    content_hash: str
    loaded: Loaded  # what the document now corresponds to on disk (not migrated any more)
    backup: Path | None = None
    migration_copy: Path | None = None
    warnings: list[str] = field(default_factory=list)  # non-fatal: the plan itself is saved


NO_CHECK = object()  # save_plan: do not compare the file on disk with a known hash


def open_plan(path: Path | str, *, allow_newer: bool = True) -> OpenResult:
    """Load a plan for editing without writing anything.

    A file needing a newer reader loads read-only (`read_only_reason`) unless
    `allow_newer` is False, in which case it is an error.
    """
    path = Path(path)
    if not path.exists() and not path.is_symlink():
        return OpenResult(path, error="file not found", missing=True)
    try:
        loaded = codec.loads(read_bytes(path), allow_newer=allow_newer)
    except Exception as exc:  # FileFormatError, ValidationProblem: any reason it cannot load
        return OpenResult(path, error=str(exc) or type(exc).__name__,
                          backup=backups.newest_valid_backup(path))
    return OpenResult(path, loaded=loaded)


def _stamp(now: dt.datetime | None = None) -> str:
    return (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def quarantine_corrupt(path: Path | str, *, now: dt.datetime | None = None) -> Path:
    """Move a plan that fails to load to `NAME.corrupt-<timestamp>`; return the new path.

    A rename in the same folder, so the bytes are kept exactly. Call it only
    when the app is about to write a new file at `path`.
    """
    path = Path(path)
    base = f"{path.name}.corrupt-{_stamp(now)}"
    target = path.with_name(base)
    counter = 1
    while target.exists():
        target = path.with_name(f"{base}-{counter}")
        counter += 1
    try:
        os.rename(path, target)
    except OSError as exc:
        raise SaveError(f"{path}: could not move the damaged file aside: {exc.strerror or exc}") from None
    return target


def migration_copy_path(path: Path, from_version: int) -> Path:
    return path.with_name(f"{path.name}.v{from_version}.bak")


def save_plan(
    path: Path | str,
    roadmap: Roadmap,
    *,
    loaded: Loaded | None = None,
    envelope_extra: dict[str, Any] | None = None,
    keep_backup: bool = True,
    clear_recovery: bool = True,
    expected_hash: str | object | None = NO_CHECK,
) -> SaveResult:
    """Save a plan durably, with migration copy and backup. Raises SaveError.

    `loaded` is what the document was opened from (None for a new plan); its
    envelope extras are kept, and if it was migrated, the original file is
    copied to `NAME.v<old>.bak` first (once: an existing copy is kept). A
    read-only `loaded` (needs a newer reader) is refused.

    With `expected_hash` (the content_hash the caller last read or wrote, or
    None for "no file"), a file changed on disk by someone else raises
    ExternalChangeError instead of being overwritten; ask the user, then call
    again without it. Whenever the file on disk is not what `loaded` was read
    from, that outside version is kept as a backup before it is replaced.
    """
    path = Path(path)
    if loaded is not None and loaded.read_only_reason:
        raise SaveError(f"{path.name}: opened read-only, {loaded.read_only_reason}")
    disk_hash = file_hash(path)
    if expected_hash is not NO_CHECK and disk_hash != expected_hash:
        what = "deleted" if disk_hash is None else "changed on disk by another program"
        raise ExternalChangeError(f"{path.name}: {what} since it was opened here")
    if envelope_extra is None and loaded is not None:
        envelope_extra = loaded.envelope_extra
    data = codec.dumps(roadmap, envelope_extra=envelope_extra)
    result_warnings: list[str] = []
    migration_copy = None
    if loaded is not None and loaded.migrated:
        migration_copy = _keep_original(path, migration_copy_path(path, loaded.schema_version))
    if loaded is not None and loaded.shortened:
        _keep_original(path, long_text_copy_path(path))  # the words the editors could not hold
    changed_outside = loaded is not None and disk_hash not in (None, loaded.content_hash)
    if keep_backup and (changed_outside or not backups.list_backups(path, check=False)):
        _backup_existing(path, result_warnings)  # a version no backup has: never lose it
    atomic_write(path, data, verify=codec.loads)
    backup = None
    if keep_backup:
        try:
            backup = backups.add_backup(path, data)
        except (SaveError, OSError) as exc:
            result_warnings.append(f"saved, but no backup was kept: {exc}")
    if clear_recovery:
        try:
            recovery.discard_recovery(path)
        except OSError as exc:
            result_warnings.append(f"saved, but the old recovery copy stays: {exc.strerror or exc}")
    with contextlib.suppress(OSError):
        startup_cleanup(path)  # leftovers of saves killed earlier (a killed app never reopens some plans)
    new_loaded = Loaded(
        roadmap=roadmap,
        schema_version=SCHEMA_VERSION,
        envelope_extra=dict(envelope_extra or {}),
        content_hash=content_hash(data),
    )
    return SaveResult(path, data, content_hash(data), new_loaded, backup, migration_copy, result_warnings)


def long_text_copy_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.long-text.bak")


def _keep_original(path: Path, copy: Path) -> Path | None:
    if copy.exists():
        return copy
    try:
        original = read_bytes(path)
    except FileFormatError:
        return None  # nothing on disk any more; nothing to keep
    atomic_write(copy, original)  # a SaveError here stops the save: never lose the original
    return copy


def _backup_existing(path: Path, warnings: list[str]) -> None:
    try:
        current = read_bytes(path)
    except FileFormatError:
        return
    try:
        backups.add_backup(path, current)
    except (SaveError, OSError) as exc:
        warnings.append(f"the previous version could not be backed up: {exc}")


def startup_cleanup(plan_path: Path | str) -> list[Path]:
    """Remove temporary files crashed saves left for this plan: the plan itself, its
    migration copies, its backups and its recovery copy. Other plans in the same
    folder are left alone (they may be saving right now), and so is any temporary
    file whose writer still runs (storage.atomic.is_stale_temp).

    Called when opening a plan (after taking its lock) and after each save.
    """
    plan_path = Path(plan_path)
    removed = remove_stale_temps(plan_path.parent, for_name=plan_path.name)
    removed += remove_stale_temps(plan_path.parent, for_name=f"{plan_path.name}.v*.bak")  # migration copies
    removed += remove_stale_temps(plan_path.parent, for_name=long_text_copy_path(plan_path).name)
    removed += backups.remove_stale_backup_temps(plan_path)
    removed += recovery.remove_stale_recovery_temps(plan_path)
    return removed
