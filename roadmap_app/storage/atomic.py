"""Atomic, durable file replacement: the only way this app writes a file.

Write a temporary file beside the target, check every byte went out, fsync
it, os.replace it over the target, then fsync the directory. On any failure
the old file is untouched and the temporary file is removed.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from collections.abc import Callable
from pathlib import Path

from .errors import SaveError

TMP_PREFIX = "."
TMP_SUFFIX = ".rp-tmp"


def _describe(exc: OSError) -> str:
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
    return exc.strerror or str(exc)


def temp_path_for(target: Path) -> Path:
    return target.with_name(f"{TMP_PREFIX}{target.name}.{secrets.token_hex(4)}{TMP_SUFFIX}")


def fsync_directory(directory: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a directory for fsync; MoveFileEx is durable enough.
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(
    target: Path | str,
    data: bytes,
    *,
    verify: Callable[[bytes], object] | None = None,
) -> None:
    """Replace `target` with `data`, durably, or raise SaveError leaving it untouched.

    `verify` is called with the bytes before anything is written (for example a
    parser), so we never write what we could not read back.
    """
    target = Path(target)
    if verify is not None:
        try:
            verify(data)
        except Exception as exc:  # any failure to read back means do not write
            raise SaveError(f"{target.name}: refusing to save, the data would not load back: {exc}") from exc
    directory = target.parent
    tmp = temp_path_for(target)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        try:
            view = memoryview(data)
            written = 0
            while written < len(data):
                n = os.write(fd, view[written:])
                if n <= 0:
                    raise OSError(errno.EIO, "short write")
                written += n
            if written != len(data):
                raise OSError(errno.EIO, f"wrote {written} of {len(data)} bytes")
            os.fsync(fd)
        finally:
            os.close(fd)
        if os.path.getsize(tmp) != len(data):
            raise OSError(errno.EIO, "the written file has the wrong size")
        if target.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, target.stat().st_mode & 0o777)
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise SaveError(f"{target}: could not save: {_describe(exc)}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    try:
        fsync_directory(directory)
    except OSError as exc:
        # The new file is in place but may not survive a power cut; say so.
        raise SaveError(f"{target}: saved, but the folder could not be synced: {_describe(exc)}") from exc


def remove_stale_temps(directory: Path) -> list[Path]:
    """Delete temporary files a crashed save left behind. Returns what was removed."""
    removed = []
    if not directory.is_dir():
        return removed
    for path in directory.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed
