"""Streaming writes with the same guarantees as storage.atomic_write.

Image exports are too large to build in memory first, so they stream into a
temporary file beside the target, which is fsynced and renamed into place
only when complete. A failed or cancelled export leaves the old file alone.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..storage.atomic import fsync_directory, temp_path_for
from .options import ExportError


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    path = Path(path)
    tmp = temp_path_for(path)
    try:
        with open(tmp, "xb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise ExportError(f"{path}: could not write: {exc.strerror or exc}") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):
        fsync_directory(path.parent)
