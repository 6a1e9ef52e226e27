"""JSON parsing with the caps every importer shares.

Caps are checked before or while parsing, so a hostile file costs at most
MAX_FILE_BYTES of memory and never recurses deeply: size first, then nesting
depth by a cheap scan, then parsing that rejects NaN and Infinity.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .errors import FileFormatError

MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 48

_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS = re.compile(rb"[\[\]{}]")


def check_size(size: int, *, limit: int = MAX_FILE_BYTES) -> None:
    if size > limit:
        raise FileFormatError(
            f"file is too large ({size / 1e6:.1f} MB; the limit is {limit / 1e6:.0f} MB)"
        )


def check_depth(data: bytes, *, limit: int = MAX_DEPTH) -> None:
    """Reject nesting deeper than `limit` without building any structure."""
    # Cheap pre-check: a file cannot nest deeper than it has brackets.
    if data.count(b"[") + data.count(b"{") <= limit:
        return
    depth = 0
    for match in _BRACKETS.finditer(_STRINGS.sub(b'""', data)):
        if match.group() in (b"[", b"{"):
            depth += 1
            if depth > limit:
                raise FileFormatError(f"nesting is deeper than {limit} levels")
        else:
            depth -= 1


def _reject_constant(name: str) -> Any:
    raise FileFormatError(f"number {name} is not allowed (only finite numbers)")


def loads(data: bytes | str, *, max_bytes: int = MAX_FILE_BYTES, max_depth: int = MAX_DEPTH) -> Any:
    """Parse JSON text with size, depth and finite-number caps."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    check_size(len(raw), limit=max_bytes)
    check_depth(raw, limit=max_depth)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"not UTF-8 text (byte {exc.start})") from None
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise FileFormatError(f"nesting is deeper than {max_depth} levels") from None


def dumps(value: Any) -> bytes:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8, trailing newline."""
    text = json.dumps(value, sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    return (text + "\n").encode("utf-8")
