"""Atomic, durable file replacement: the only way this app writes a file.

Every writer (plan saves, autosave recovery copies, the CLI, exports,
backups, settings) goes through `atomic_write`:

1. optionally parse the bytes back first (`verify`), so we never write what
   we could not load;
2. write a temporary file beside the target, checking every write's byte
   count (Qt's QSaveFile was seen committing a truncated file on a full disk);
3. fsync it, check its size on disk, `os.replace` it over the target;
4. fsync the directory. Only then is the save acknowledged.

On any failure the old file is byte-identical and the temporary file is
removed, and a SaveError with a one-line message is raised. A failed
directory fsync is a failure too: the previous file is put back (from a hard
link taken before the replace), so "saved" always means durable.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from .errors import SaveError
from .lock import pid_alive

TMP_PREFIX = "."
TMP_SUFFIX = ".rp-tmp"


def describe_os_error(exc: OSError) -> str:
    """A short, human reason for an OSError."""
    if exc.errno is not None and exc.strerror and exc.strerror != os.strerror(exc.errno):
        return exc.strerror  # our own detail, e.g. "short write (10 of 20 bytes)"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == errno.EDQUOT:
        return "the disk quota is exceeded"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return "permission denied"
    if exc.errno == errno.EROFS:
        return "the file system is read-only"
    if exc.errno == errno.EFBIG:
        return "the file is too large for this file system"
    if exc.errno == errno.EIO:
        return "input/output error (the disk or network share failed)"
    return exc.strerror or str(exc)


_describe = describe_os_error  # older name, kept for callers


def temp_path_for(target: Path, *, pid: int | None = None) -> Path:
    """A unique hidden temporary name beside `target`, naming the writing process.

    `.NAME.<pid>-<random>.rp-tmp`: the pid lets remove_stale_temps tell a killed
    writer's leftover from a file another process is writing right now.
    """
    pid = os.getpid() if pid is None else pid
    return target.with_name(f"{TMP_PREFIX}{target.name}.{pid}-{secrets.token_hex(4)}{TMP_SUFFIX}")


# No save or export takes this long; a temporary file untouched for longer is debris
# even when its writer cannot be told apart from a live process.
STALE_AFTER_SECONDS = 3600.0


def _writer_pid(path: Path) -> int | None:
    middle = path.name.removesuffix(TMP_SUFFIX).rsplit(".", 1)[-1]
    pid, sep, _token = middle.partition("-")
    return int(pid) if sep and pid.isdigit() else None


def is_stale_temp(path: Path, *, now: float | None = None) -> bool:
    """Whether a temporary file is a dead save's leftover, safe to delete.

    The rule: the pid in its name is the process that writes it, and a writer
    deletes or renames its file before it ends. So the file is stale when that
    process no longer exists on this machine (it was killed mid-save). When the
    process is alive (this very process, perhaps a worker thread saving now, or
    another instance), or the name carries no pid (written by an older version),
    the file is left alone until it is older than STALE_AFTER_SECONDS, which no
    write takes; that also ends a leftover whose pid was reused by another program.
    Writers on other machines sharing the folder write a plan only while holding its
    lock, and callers clean up only while holding it (or after their own save).
    """
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except OSError:
        return False
    if age > STALE_AFTER_SECONDS:
        return True
    pid = _writer_pid(path)
    return pid is not None and pid != os.getpid() and not pid_alive(pid)


def fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; MoveFileEx is durable enough.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    written = 0
    while written < len(data):
        n = os.write(fd, view[written:])
        if n <= 0:  # a zero-byte write would loop forever; treat it as the disk refusing
            raise OSError(errno.ENOSPC, f"short write ({written} of {len(data)} bytes; is the disk full?)")
        written += n
    if written != len(data):
        raise OSError(errno.EIO, f"wrote {written} of {len(data)} bytes")


def _keep_old(target: Path) -> Path | None:
    """Hard-link the current target so a failed directory sync can put it back."""
    if not target.exists():
        return None
    link = temp_path_for(target)
    try:
        os.link(target, link)
    except (OSError, NotImplementedError, AttributeError):
        return None  # file systems without hard links: no rollback, the rest still holds
    return link


def _roll_back(target: Path, old: Path | None) -> None:
    with contextlib.suppress(OSError):
        if old is not None:
            os.replace(old, target)
        else:
            os.unlink(target)
    with contextlib.suppress(OSError):
        fsync_directory(target.parent)


def _resolve_target(target: Path | str) -> Path:
    """The file to replace: a symlink's target, so linked plans stay linked."""
    target = Path(target)
    try:
        is_link = target.is_symlink()
    except OSError as exc:  # e.g. a name too long for the file system
        raise SaveError(f"{target}: could not save: {describe_os_error(exc)}") from None
    if is_link:
        # Replace the file the link points to, not the link: a plan kept in a
        # dotfiles repo or a synced folder through a symlink stays linked.
        try:
            target = target.resolve()
        except (OSError, RuntimeError) as exc:  # a symlink loop
            raise SaveError(f"{target}: could not save: the link cannot be followed ({exc})") from None
    return target


def _ensure_folder(directory: Path) -> None:
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):  # a file in the way ("File exists" would mislead)
        blocker = next((p for p in (directory, *directory.parents) if p.exists() and not p.is_dir()),
                       directory)
        raise OSError(errno.ENOTDIR, f"{blocker} is not a folder") from None


def _open_temp(target: Path, mode: int) -> tuple[Path, int]:
    _ensure_folder(target.parent)
    tmp = temp_path_for(target)
    return tmp, os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)


def _discard(*paths: Path | None) -> None:
    for leftover in paths:
        if leftover is not None:
            with contextlib.suppress(OSError):
                os.unlink(leftover)


def _commit(tmp: Path, target: Path, size: int) -> None:
    """Put a fully written, fsynced temporary file in place of `target`, durably.

    The one commit sequence every writer shares: check the size on disk, keep the
    target's permissions, replace, fsync the folder (putting the old file back if
    that fails). Raises SaveError with the old file untouched and no temporaries left.
    """
    old: Path | None = None
    try:
        if os.stat(tmp).st_size != size:
            raise OSError(errno.EIO, "the written file has the wrong size")
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        old = _keep_old(target)
        os.replace(tmp, target)
    except BaseException as exc:
        _discard(tmp, old)
        if isinstance(exc, OSError):
            raise SaveError(f"{target}: could not save: {describe_os_error(exc)}") from exc
        raise
    try:
        fsync_directory(target.parent)
    except OSError as exc:
        # The new name may not survive a power cut: put the old file back so
        # the caller's "not saved" is true, and let it retry.
        _roll_back(target, old)
        raise SaveError(
            f"{target}: could not save: the folder could not be synced ({describe_os_error(exc)})"
        ) from exc
    _discard(old)


def atomic_write(
    target: Path | str,
    data: bytes,
    *,
    verify: Callable[[bytes], object] | None = None,
    mode: int = 0o644,
) -> None:
    """Replace `target` with `data`, durably, or raise SaveError leaving it untouched.

    `verify` is called with the bytes before anything is written (for example a
    parser), so we never write what we could not read back. An existing
    target keeps its permission bits; a new one gets `mode`.
    """
    target = _resolve_target(target)
    data = bytes(data)
    if verify is not None:
        try:
            verify(data)
        except Exception as exc:  # any failure to read back means do not write
            raise SaveError(f"{target.name}: refusing to save, the data would not load back: {exc}") from exc
    tmp: Path | None = None
    try:
        tmp, fd = _open_temp(target, mode)
        try:
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException as exc:
        _discard(tmp)
        if isinstance(exc, OSError):
            raise SaveError(f"{target}: could not save: {describe_os_error(exc)}") from exc
        raise
    _commit(tmp, target, len(data))


@contextlib.contextmanager
def atomic_stream(target: Path | str, *, mode: int = 0o644) -> Iterator[BinaryIO]:
    """atomic_write for data too large to hold in memory: write into the handle.

    The file replaces `target` only when the block ends normally; an exception
    in the block (a failure, a cancelled export) leaves the old file as it was.
    """
    target = _resolve_target(target)
    tmp: Path | None = None
    try:
        tmp, fd = _open_temp(target, mode)
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
            size = handle.tell()
    except BaseException as exc:
        _discard(tmp)
        if isinstance(exc, OSError):
            raise SaveError(f"{target}: could not save: {describe_os_error(exc)}") from exc
        raise
    _commit(tmp, target, size)


def atomic_write_text(
    target: Path | str,
    text: str,
    *,
    encoding: str = "utf-8",
    verify: Callable[[bytes], object] | None = None,
    mode: int = 0o644,
) -> None:
    """atomic_write for text (exports, settings). Unencodable text raises SaveError."""
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError as exc:
        raise SaveError(f"{Path(target).name}: could not save: text cannot be encoded as {encoding}") from exc
    atomic_write(target, data, verify=verify, mode=mode)


def remove_stale_temps(directory: Path | str, *, for_name: str | None = None) -> list[Path]:
    """Delete temporary files crashed saves left behind. Returns what was removed.

    With `for_name`, only the temporaries of that file name (another plan in
    the same folder may be saving right now). A live writer's file is never
    touched (see is_stale_temp). Called when a plan is opened and after it is saved.
    """
    directory = Path(directory)
    removed: list[Path] = []
    if not directory.is_dir():
        return removed
    pattern = f"{TMP_PREFIX}{for_name}.*{TMP_SUFFIX}" if for_name else f"{TMP_PREFIX}*{TMP_SUFFIX}"
    now = time.time()
    for path in sorted(directory.glob(pattern)):
        if not is_stale_temp(path, now=now):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed
