"""Recovery copies of open plans and session markers that reveal unclean exits.

Files live in `paths.state_dir()/recovery/`, keyed by a hash of the plan's
absolute path:

- `<key>.roadmap`  the newest autosaved state of the open document;
- `<key>.json`     what the copy belongs to (plan path, when, base hash);
- `<key>.session`  present while a session has the plan open (pid, host).

The GUI calls `mark_session_open` when it opens a plan, `write_recovery` from
its autosave worker (at most 30 s behind the document), and
`mark_session_closed` on a clean exit. At the next start
`pending_recovery(plan)` says whether there is work to offer. The recovery
copy is removed only by a clean save (`plans.save_plan` calls
`discard_recovery`) or an explicit discard: declining the offer keeps it.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import socket
from dataclasses import dataclass
from pathlib import Path

from . import codec, paths
from .atomic import atomic_write, atomic_write_text, remove_stale_temps
from .codec import Loaded, content_hash
from .errors import FileFormatError
from .files import file_hash, read_bytes
from .lock import pid_alive


@dataclass(frozen=True)
class RecoveryInfo:
    plan_path: Path
    recovery_path: Path
    saved_at: dt.datetime | None  # when the copy was written (UTC), if known
    unclean_exit: bool  # a session marker was left behind by a process that is gone
    differs_from_disk: bool

    def read(self) -> bytes:
        return read_bytes(self.recovery_path)

    def load(self) -> Loaded:
        """The recovered roadmap (FileFormatError if the copy itself is damaged)."""
        return codec.loads(self.read(), allow_newer=True)


def recovery_dir() -> Path:
    return paths.state_dir() / "recovery"


def _files(plan_path: Path | str) -> tuple[Path, Path, Path]:
    base = recovery_dir() / paths.plan_key(plan_path)
    return base.with_suffix(".roadmap"), base.with_suffix(".json"), base.with_suffix(".session")


def write_recovery(plan_path: Path | str, data: bytes, *, verify: bool = True) -> Path:
    """Atomically store the document's current bytes as the recovery copy.

    Safe to call from a worker thread (it touches no shared state). Raises
    SaveError. `verify` parses the bytes back first, like every plan save.
    """
    copy, meta, _session = _files(plan_path)
    atomic_write(copy, data, verify=(lambda b: codec.loads(b, allow_newer=True)) if verify else None)
    info = {
        "plan_path": str(Path(plan_path).absolute()),
        "saved_at": dt.datetime.now(dt.UTC).isoformat(),
        "hash": content_hash(data),
    }
    atomic_write_text(meta, json.dumps(info, sort_keys=True) + "\n")
    return copy


def discard_recovery(plan_path: Path | str) -> None:
    """Forget the recovery copy (after a clean save, or when the user discards it)."""
    copy, meta, _session = _files(plan_path)
    for path in (copy, meta):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def mark_session_open(plan_path: Path | str) -> Path:
    _copy, _meta, session = _files(plan_path)
    marker = {
        "pid": os.getpid(),
        "hostname": socket.gethostname(),
        "plan_path": str(Path(plan_path).absolute()),
        "started": dt.datetime.now(dt.UTC).isoformat(),
    }
    atomic_write_text(session, json.dumps(marker, sort_keys=True) + "\n")
    return session


def mark_session_closed(plan_path: Path | str) -> None:
    _copy, _meta, session = _files(plan_path)
    with contextlib.suppress(FileNotFoundError):
        session.unlink()


def _read_json(path: Path) -> dict:
    try:
        value = json.loads(read_bytes(path, limit=64 * 1024))
    except (FileFormatError, ValueError):
        return {}
    return value if isinstance(value, dict) else {}


def _session_state(session: Path) -> str:
    """'none', 'alive' (another live process has it open) or 'dead' (unclean exit)."""
    if not session.exists():
        return "none"
    marker = _read_json(session)
    pid = marker.get("pid")
    same_host = marker.get("hostname") == socket.gethostname()
    if isinstance(pid, int) and same_host and pid != os.getpid() and pid_alive(pid):
        return "alive"
    if isinstance(pid, int) and not same_host:
        return "alive"  # cannot tell for another machine; the plan lock decides
    return "dead"


def pending_recovery(plan_path: Path | str) -> RecoveryInfo | None:
    """Work to offer for this plan at startup, or None.

    Offered when a recovery copy exists, loads, and differs from the file on
    disk (or the file is gone); `unclean_exit` says whether the last session
    died without closing. Nothing is offered while another live session has
    the plan open.
    """
    copy, meta, session = _files(plan_path)
    state = _session_state(session)
    if state == "alive" or not copy.is_file():
        return None
    try:
        data = read_bytes(copy)
        codec.loads(data, allow_newer=True)
    except FileFormatError:
        return None  # a damaged copy is worth nothing; keep it for forensics, offer nothing
    differs = file_hash(plan_path) != content_hash(data)
    if not differs:
        return None
    saved_at = None
    with contextlib.suppress(TypeError, ValueError):
        saved_at = dt.datetime.fromisoformat(_read_json(meta).get("saved_at"))
    return RecoveryInfo(Path(plan_path), copy, saved_at, state == "dead", differs)


def remove_stale_recovery_temps(plan_path: Path | str | None = None) -> list[Path]:
    """Temporaries of crashed recovery writes: of one plan, or (None) of all plans."""
    if plan_path is None:
        return remove_stale_temps(recovery_dir())
    removed: list[Path] = []
    for path in _files(plan_path)[:2]:
        removed += remove_stale_temps(recovery_dir(), for_name=path.name)
    return removed


UNTITLED_PREFIX = "untitled-"


def untitled_stand_in(session_id: str) -> Path:
    """The key under which an untitled plan (no file yet) keeps its recovery copy.

    Not a file anyone writes: it only names the copy (via its hash) and is
    recorded in the copy's metadata, so `pending_untitled` can find it again.
    """
    return recovery_dir() / f"{UNTITLED_PREFIX}{session_id}.roadmap"


def is_untitled_stand_in(path: Path | str) -> bool:
    path = Path(path)
    return path.parent == recovery_dir() and path.name.startswith(UNTITLED_PREFIX)


def pending_untitled() -> list[RecoveryInfo]:
    """Recovery copies of untitled plans to offer at startup, newest first.

    Like pending_recovery: a copy is left out while a live session still has it.
    """
    folder = recovery_dir()
    if not folder.is_dir():
        return []
    found = []
    for meta in folder.glob("*.json"):
        plan = _read_json(meta).get("plan_path")
        if not isinstance(plan, str) or not is_untitled_stand_in(plan):
            continue
        info = pending_recovery(plan)
        if info is not None:
            found.append(info)
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    return sorted(found, key=lambda i: i.saved_at or oldest, reverse=True)
