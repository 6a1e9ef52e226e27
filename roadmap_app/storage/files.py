"""Reading and writing `.roadmap` files on disk, and noticing outside changes.

Higher-level plan handling (backups, migration copies, corrupt files) lives
in `storage.plans`; this module is the plain disk side of the codec.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..model import Roadmap
from . import codec
from .atomic import atomic_write
from .codec import content_hash
from .errors import FileFormatError
from .safejson import MAX_FILE_BYTES, check_size


def read_bytes(path: Path | str, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a regular file, checking the size cap before reading it into memory.

    Folders, pipes and devices are refused before opening them: opening a
    FIFO would block forever and /dev/zero reports size 0 but never ends.
    """
    path = Path(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise FileFormatError("is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise FileFormatError("is not a regular file")
        check_size(info.st_size, limit=limit)
        with open(path, "rb") as handle:
            # read(n) allocates n bytes up front: ask for what stat promised
            # (plus one to notice growth), never for the whole cap.
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:  # it grew since stat: read on, up to the cap
                data += handle.read(limit + 1 - len(data))
        check_size(len(data), limit=limit)
        return data
    except FileNotFoundError:
        raise FileFormatError("file not found") from None
    except IsADirectoryError:
        raise FileFormatError("is a folder, not a file") from None
    except PermissionError:
        raise FileFormatError("permission denied") from None
    except OSError as exc:
        raise FileFormatError(exc.strerror or str(exc)) from None


def load(path: Path | str, *, allow_newer: bool = False) -> codec.Loaded:
    """Load and validate a roadmap file. Raises FileFormatError (message without the path)."""
    return codec.loads(read_bytes(path), allow_newer=allow_newer)


def save(path: Path | str, roadmap: Roadmap, *, envelope_extra: dict | None = None) -> bytes:
    """Serialise and write atomically; returns the bytes written (no backups: see save_plan)."""
    data = codec.dumps(roadmap, envelope_extra=envelope_extra)
    atomic_write(path, data, verify=codec.loads)
    return data


def file_hash(path: Path | str) -> str | None:
    """content_hash of a file's bytes, or None if it does not exist or cannot be read."""
    try:
        return content_hash(read_bytes(path))
    except FileFormatError:
        return None


def changed_on_disk(path: Path | str, known_hash: str | None) -> bool:
    """True if the file no longer holds the bytes we last read or wrote.

    A file that disappeared counts as changed; with `known_hash` None (a plan
    never saved), any existing file counts as changed.
    """
    return file_hash(path) != known_hash
