"""Reading and writing `.roadmap` files on disk."""

from __future__ import annotations

import os
from pathlib import Path

from ..model import Roadmap
from . import codec
from .atomic import atomic_write
from .errors import FileFormatError
from .safejson import MAX_FILE_BYTES


def read_bytes(path: Path | str, *, limit: int = MAX_FILE_BYTES) -> bytes:
    """Read a file, checking the size cap before reading it into memory."""
    path = Path(path)
    try:
        size = os.stat(path).st_size
        if size > limit:
            raise FileFormatError(
                f"file is too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)"
            )
        with open(path, "rb") as handle:
            return handle.read(limit + 1)
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
    """Serialise and write atomically; returns the bytes written."""
    data = codec.dumps(roadmap, envelope_extra=envelope_extra)
    atomic_write(path, data, verify=codec.loads)
    return data
