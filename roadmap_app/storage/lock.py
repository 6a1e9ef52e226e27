"""One writer per plan: a lock file with owner info and stale-lock detection.

The lock for a plan is `paths.state_dir()/locks/<key>.lock` (key: a hash of
the plan's absolute path), not a file beside the plan, so plan folders under
git or a sync tool stay clean and a read-only folder can still be locked.
It holds JSON: pid, hostname, start time and the plan path.

On POSIX the owner also holds an `fcntl.flock` on the file: the kernel drops
it when the process dies, so a crashed owner's lock is stale by definition.
Without fcntl (Windows) the lock is created with O_EXCL and is stale when its
pid is not alive on this host. A lock from another host is never taken over
automatically (we cannot see its processes); `break_lock` does it on request.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import json
import os
import socket
import time
from pathlib import Path

from . import paths
from .errors import FileFormatError, SaveError

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


class LockedError(SaveError):
    """Another live Roadmap Planner has the plan open."""

    def __init__(self, message: str, owner: dict) -> None:
        super().__init__(message)
        self.owner = owner


def lock_path(plan_path: Path | str) -> Path:
    return paths.state_dir() / "locks" / f"{paths.plan_key(plan_path)}.lock"


def pid_alive(pid: int) -> bool:
    """Whether a process with this pid exists on this machine."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill(pid, 0) would terminate the process on Windows
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # exists, owned by someone else
    return True


def read_owner(plan_path: Path | str) -> dict | None:
    """The lock's owner info, or None when there is no lock file."""
    try:
        raw = lock_path(plan_path).read_bytes()[:64 * 1024]
    except OSError:
        return None
    try:
        value = json.loads(raw)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def describe_owner(plan_path: Path | str, owner: dict) -> str:
    name = Path(plan_path).name
    pid, host, started = owner.get("pid", "?"), owner.get("hostname", "?"), owner.get("started", "?")
    return f"{name} is open in another Roadmap Planner (process {pid} on {host}, since {started})"


class PlanLock:
    """A held lock. Release it when the plan is closed (also a context manager)."""

    def __init__(self, plan_path: Path, path: Path, fd: int | None, info: dict) -> None:
        self.plan_path = plan_path
        self.path = path
        self.info = info
        self._fd = fd

    @property
    def held(self) -> bool:
        return self.info is not None

    def release(self) -> None:
        if self.info is None:
            return
        # Unlink first, then unlock: a waiter that opened the old inode notices
        # the inode changed and retries (see _acquire_flock).
        with contextlib.suppress(OSError):
            if read_owner(self.plan_path) == self.info:
                self.path.unlink()
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        self.info = None  # type: ignore[assignment]

    def __enter__(self) -> PlanLock:
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()


def _new_info(plan_path: Path) -> dict:
    return {
        "pid": os.getpid(),
        "hostname": socket.gethostname(),
        "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "plan_path": str(plan_path.absolute()),
    }


def _write_info(fd: int, info: dict) -> None:
    data = (json.dumps(info, sort_keys=True) + "\n").encode()
    os.ftruncate(fd, 0)
    os.lseek(fd, 0, os.SEEK_SET)
    if os.write(fd, data) != len(data):
        raise OSError(errno.EIO, "short write to the lock file")
    os.fsync(fd)


def _acquire_flock(plan_path: Path, path: Path) -> PlanLock:
    for _attempt in range(20):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                owner = read_owner(plan_path) or {}
                raise LockedError(describe_owner(plan_path, owner), owner) from None
            raise
        try:
            same = os.fstat(fd).st_ino == os.stat(path).st_ino
        except FileNotFoundError:
            same = False
        if not same:  # the previous owner unlinked it between our open and flock
            os.close(fd)
            continue
        # Whatever info is in the file belongs to a dead owner: the flock was free.
        info = _new_info(plan_path)
        try:
            _write_info(fd, info)
        except BaseException:
            os.close(fd)  # a failed write (full disk) must not keep the plan locked
            raise
        return PlanLock(plan_path, path, fd, info)
    raise SaveError(f"{plan_path.name}: could not take the lock (it keeps changing)")


GARBLED_AFTER_S = 5.0  # a lock still empty after this long was abandoned mid-write


def _age(path: Path) -> float:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return 0.0


def _acquire_exclusive(plan_path: Path, path: Path) -> PlanLock:
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            owner = read_owner(plan_path) or {}
            pid = owner.get("pid")
            if owner.get("hostname") == socket.gethostname() and isinstance(pid, int) and not pid_alive(pid):
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()  # stale: its owner died
                continue
            if not owner and _age(path) > GARBLED_AFTER_S:  # empty or garbled: a crash mid-write
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
                continue
            raise LockedError(describe_owner(plan_path, owner), owner) from None
        info = _new_info(plan_path)
        try:
            _write_info(fd, info)
        except BaseException:
            with contextlib.suppress(OSError):
                path.unlink()  # an empty lock left by a failed write would lock others out
            raise
        finally:
            os.close(fd)
        return PlanLock(plan_path, path, None, info)
    raise SaveError(f"{plan_path.name}: could not take the lock")


def acquire(plan_path: Path | str) -> PlanLock:
    """Take the plan's lock, taking over a stale one. Raises LockedError (with .owner)."""
    plan_path = Path(plan_path)
    path = lock_path(plan_path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if fcntl is not None:
            return _acquire_flock(plan_path, path)
        return _acquire_exclusive(plan_path, path)
    except OSError as exc:
        raise SaveError(f"{plan_path.name}: could not create the lock file: {exc.strerror or exc}") from None


def break_lock(plan_path: Path | str) -> None:
    """Remove a lock the user says is stale (e.g. left by another machine)."""
    with contextlib.suppress(FileNotFoundError):
        lock_path(plan_path).unlink()


def is_locked(plan_path: Path | str) -> bool:
    try:
        lock = acquire(plan_path)
    except (LockedError, SaveError, FileFormatError):
        return True
    lock.release()
    return False
