"""Streaming writes for image exports, through storage's atomic stream.

Image exports are too large to build in memory first, so they stream into
storage.atomic_stream, which shares atomic_write's commit: size check,
fsync, replace, folder fsync with rollback. A failed or cancelled export
leaves the old file alone.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from ..storage.atomic import atomic_stream
from ..storage.errors import SaveError
from .options import ExportError


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[BinaryIO]:
    try:
        with atomic_stream(path) as handle:
            yield handle
    except SaveError as exc:
        raise ExportError(str(exc)) from exc
