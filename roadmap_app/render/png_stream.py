"""A streaming PNG writer: rows go in band by band, and only one band is in memory.

QImageWriter needs the whole image at once, which for a 10,000-node roadmap is
hundreds of megabytes. PNG is rows of filtered bytes in zlib-compressed IDAT
chunks, so we can feed it band by band. zlib releases the GIL, so compression
can run in a worker thread while the next band is painted.
"""

from __future__ import annotations

import struct
import zlib
from typing import BinaryIO

_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_IDAT_TARGET = 1 << 20  # flush compressed data in ~1 MiB chunks


def _chunk(kind: bytes, payload: bytes) -> bytes:
    crc = zlib.crc32(kind + payload) & 0xFFFFFFFF
    return struct.pack(">I", len(payload)) + kind + payload + struct.pack(">I", crc)


class PngStreamWriter:
    """Write an 8-bit RGB or RGBA PNG to a binary stream, rows in order."""

    def __init__(self, stream: BinaryIO, width: int, height: int, *, alpha: bool,
                 level: int = 1, dpi: float | None = None) -> None:
        if width <= 0 or height <= 0:
            raise ValueError("image must have a positive size")
        self._out = stream
        self.width, self.height = width, height
        self.channels = 4 if alpha else 3
        self._rows_written = 0
        self._zip = zlib.compressobj(level)
        self._pending = bytearray()
        colour_type = 6 if alpha else 2
        header = struct.pack(">IIBBBBB", width, height, 8, colour_type, 0, 0, 0)
        stream.write(_SIGNATURE + _chunk(b"IHDR", header))
        if dpi:
            per_metre = round(dpi / 0.0254)
            stream.write(_chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)))

    @property
    def rows_written(self) -> int:
        return self._rows_written

    def write_rows(self, data: bytes | memoryview, rows: int, stride: int) -> None:
        """Append `rows` rows taken from `data`, each `stride` bytes apart (padding ignored)."""
        row_bytes = self.width * self.channels
        if rows + self._rows_written > self.height:
            raise ValueError("more rows than the image height")
        view = memoryview(data)
        parts = []
        for r in range(rows):
            start = r * stride
            parts.append(b"\x00")  # filter type 0: the row as is
            parts.append(view[start:start + row_bytes])
        self._pending += self._zip.compress(b"".join(parts))
        self._rows_written += rows
        if len(self._pending) >= _IDAT_TARGET:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._out.write(_chunk(b"IDAT", bytes(self._pending)))
            self._pending.clear()

    def close(self) -> None:
        if self._rows_written != self.height:
            raise ValueError(f"wrote {self._rows_written} of {self.height} rows")
        self._pending += self._zip.flush()
        self._flush()
        self._out.write(_chunk(b"IEND", b""))
