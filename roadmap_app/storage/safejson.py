"""JSON parsing with the budget every reader shares (the `.roadmap` loader and all importers).

The budget (storage.limits) is checked on the raw bytes before anything is built,
so a hostile file costs at most a few copies of its bytes and never recurses
deeply: size first, then a sniff for binary formats, then the number of
containers (objects and lists) and values, then nesting depth (before the
recursive C parser sees them), then parsing that rejects NaN, Infinity,
overflowing floats (1e400 parses as inf) and integers with thousands of
digits, then lone surrogates on the parsed value (a lone surrogate could
never be written back as UTF-8, so "anything we accept we can save" would
break).
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from .errors import FileFormatError
from .limits import (
    MAX_CONTAINERS,
    MAX_DEPTH,
    MAX_FILE_BYTES,
    MAX_INT_DIGITS,
    MAX_NUMBER_CHARS,
    MAX_VALUES,
)

__all__ = ["MAX_CONTAINERS", "MAX_DEPTH", "MAX_FILE_BYTES", "MAX_INT_DIGITS", "MAX_NUMBER_CHARS",
           "MAX_VALUES", "budget_counts", "check_budget", "check_size", "dumps", "loads", "sniff"]

# A float can only overflow with a 3-digit exponent or hundreds of digits, and
# an int is only too long with 41+ digits: without these, no hook is needed.
# The search is `[eE][+-]?\d{3}|\d{41}` done as one translate and three substring
# searches: the regex took 0.25 s on a 10k-node plan, this takes ~15 ms.
_NUMBER_SHAPES = bytes(
    ord("0") if 48 <= c <= 57 else ord("e") if c in b"eE" else ord("+") if c in b"+-" else ord(" ")
    for c in range(256)
)


def _risky_number(raw: bytes) -> bool:
    shapes = raw.translate(_NUMBER_SHAPES)
    return b"e000" in shapes or b"e+000" in shapes or b"0" * 41 in shapes

_SURROGATE = re.compile(r"[\ud800-\udfff]")
_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")

# Leading bytes of formats people mistake for a roadmap file.
_MAGIC = [
    (b"PK\x03\x04", "a zip archive"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"MZ", "a program"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"\xfe\xff", "UTF-16 text"),
    (b"\xff\xfe", "UTF-16 text"),
]


def check_size(size: int, *, limit: int = MAX_FILE_BYTES) -> None:
    if size > limit:
        raise FileFormatError(
            f"file is too large ({size / 2**20:.1f} MiB; the limit is {limit / 2**20:.0f} MiB)"
        )


def sniff(data: bytes) -> None:
    """Name the obvious non-JSON inputs instead of reporting a parse error."""
    if not data.strip():
        raise FileFormatError("file is empty")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise FileFormatError(f"is {what}, not JSON text")
    if b"\x00" in data[:4096]:
        raise FileFormatError("contains binary data (NUL bytes), not JSON text")


def check_depth(value: Any, *, limit: int = MAX_DEPTH) -> None:
    """Reject a parsed value nested deeper than `limit` (iterative, no recursion).

    For values built by other means; `loads` checks the raw bytes instead,
    before parsing (brackets_nest_deeper).
    """
    stack: list[tuple[Any, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise FileFormatError(f"nesting is deeper than {limit} levels")
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values() if isinstance(child, dict | list))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item if isinstance(child, dict | list))


# A JSON string, as an "unrolled loop" regex: linear and fast even on a 20 MB string.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))
_TO_PARENS = bytes.maketrans(b"[]{}", b"()()")


def brackets_nest_deeper(raw: bytes, limit: int = MAX_DEPTH) -> bool:
    """Whether the brackets alone (ignoring strings) nest deeper than `limit`.

    Runs before parsing, so a deep file never reaches the C parser's
    recursion (a worker thread may have a small stack, 512 KB on macOS).
    Each pass deletes the innermost pairs in C; at most `limit` passes. An
    upper bound: `loads` strips strings and asks again before refusing.
    """
    if raw.count(b"[") + raw.count(b"{") <= limit:
        return False
    brackets = raw.translate(_TO_PARENS, delete=_NOT_BRACKETS)
    for passes in range(limit + 1):
        shorter = brackets.replace(b"()", b"")
        if len(shorter) == len(brackets):
            # No pairs left: only unclosed brackets, which the parser would
            # still descend into before it reports the missing ones.
            return passes + brackets.count(b"(") > limit
        brackets = shorter
    return True


MAX_STRINGS_BLANKED = 4_000_000


def _containers(raw: bytes) -> int:
    return raw.count(b"[") + raw.count(b"{")


def budget_counts(raw: bytes) -> tuple[int, int]:
    """(objects and lists, commas) outside strings: what check_budget counts, for parts of a file."""
    stripped = _STRING.sub(b'""', raw) if b'"' in raw else raw
    return _containers(stripped), stripped.count(b",")


def check_budget(raw: bytes, *, max_depth: int = MAX_DEPTH) -> None:
    """Refuse, from the raw bytes alone, a file over the container, value or depth budget.

    Counting brackets and commas is done in C and costs ~20 ms on 60 MB. Strings may
    hold brackets and commas too, so a count over a limit is only believed after the
    strings are blanked out (one more linear pass). The container count comes first:
    it is the cheapest and refuses the 60 MB nest of empty lists before the depth
    check's passes over it.
    """
    stripped: bytes | None = None

    def without_strings() -> bytes:
        nonlocal stripped
        if stripped is None:
            # Blanking builds one piece per string; past MAX_STRINGS_BLANKED strings that
            # costs more memory than the file (16 million keys: 1.2 GB), so such a file is
            # judged by its raw counts, which can only be higher.
            quotes = raw.count(b'"')
            stripped = _STRING.sub(b'""', raw) if 0 < quotes <= 2 * MAX_STRINGS_BLANKED else raw
        return stripped

    if _containers(raw) > MAX_CONTAINERS and (count := _containers(without_strings())) > MAX_CONTAINERS:
        raise FileFormatError(f"too many objects and lists ({count:,}; the limit is {MAX_CONTAINERS:,})")
    if raw.count(b",") > MAX_VALUES and without_strings().count(b",") > MAX_VALUES:
        raise FileFormatError(f"too many values (more than {MAX_VALUES:,} items)")
    if brackets_nest_deeper(raw, max_depth) and brackets_nest_deeper(without_strings(), max_depth):
        raise FileFormatError(f"nesting is deeper than {max_depth} levels")


def _reject_constant(name: str) -> Any:
    raise FileFormatError(f"number {name} is not allowed (only finite numbers)")


def _parse_float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise FileFormatError(f"a number is written with {len(text)} characters (the limit is "
                              f"{MAX_NUMBER_CHARS})")
    value = float(text)
    if not math.isfinite(value):
        raise FileFormatError(f"number {text} is out of range (only finite numbers)")
    return value


def _parse_int(text: str) -> int:
    digits = len(text.lstrip("-"))
    if digits > MAX_INT_DIGITS:
        raise FileFormatError(f"a whole number has {digits} digits (the limit is {MAX_INT_DIGITS})")
    return int(text)


def _pairs_unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = dict(pairs)
    if len(out) != len(pairs):
        seen: set[str] = set()
        for key, _value in pairs:
            if key in seen:
                raise FileFormatError(f"key {json.dumps(key[:80])} appears twice in one object")
            seen.add(key)
    return out


def show_key(key: object, limit: int = 60) -> str:
    """A key as it may appear in a one-line message: printable, escaped, short."""
    text = str(key)
    if not text.isprintable() or _SURROGATE.search(text) or '"' in text:
        text = json.dumps(text)  # escapes newlines, controls and surrogates (ASCII only)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _where(chain: tuple | None) -> str:
    parts: list[str] = []
    while chain is not None:
        chain, key = chain
        parts.append(show_key(key))
    return ".".join(reversed(parts)) or "top level"


def check_text(value: Any) -> None:
    """Reject lone surrogates in any key or string, naming where (iterative, no recursion).

    Paths are kept as cheap parent links and spelled out only for the error,
    and numbers are never stacked: a 30-million-item list stays fast.
    """
    stack: list[tuple[Any, tuple | None]] = [(value, None)]
    while stack:
        item, chain = stack.pop()
        if isinstance(item, str):
            if _SURROGATE.search(item):
                raise FileFormatError(f"{_where(chain)}: text contains a lone surrogate (not valid Unicode)")
        elif isinstance(item, dict):
            for key, child in item.items():
                if _SURROGATE.search(key):
                    raise FileFormatError(f"{_where(chain)}: a key contains a lone surrogate")
                if isinstance(child, str | dict | list):
                    stack.append((child, (chain, key)))
        elif isinstance(item, list):
            stack.extend(
                (child, (chain, i)) for i, child in enumerate(item) if isinstance(child, str | dict | list)
            )


def loads(
    data: bytes | str,
    *,
    max_bytes: int = MAX_FILE_BYTES,
    max_depth: int = MAX_DEPTH,
    reject_duplicate_keys: bool = False,
) -> Any:
    """Parse JSON text with size, depth, number and text caps. Raises FileFormatError."""
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    check_size(len(raw), limit=max_bytes)
    sniff(raw)
    check_budget(raw, max_depth=max_depth)
    # Per-number hooks cost a Python call per number; only pay for them when
    # a number could overflow or be absurdly long (it may also be in a string).
    risky = _risky_number(raw)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"not UTF-8 text (byte {exc.start})") from None
    try:
        value = json.loads(
            text,
            parse_constant=_reject_constant,
            parse_float=_parse_float if risky else float,
            parse_int=_parse_int if risky else int,
            object_pairs_hook=_pairs_unique if reject_duplicate_keys else None,
        )
    except json.JSONDecodeError as exc:
        raise FileFormatError(f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise FileFormatError(f"nesting is deeper than {max_depth} levels") from None
    except ValueError as exc:  # defence in depth: int() digit limits and the like
        raise FileFormatError(f"not valid JSON: {exc}") from None
    if _SURROGATE_ESCAPE.search(raw):  # raw UTF-8 cannot hold surrogates; only \uD800-style escapes can
        check_text(value)
    return value


def dumps(value: Any) -> bytes:
    """Deterministic JSON: sorted keys, two-space indent, UTF-8, trailing newline."""
    encoder = json.JSONEncoder(sort_keys=True, indent=2, ensure_ascii=False, allow_nan=False)
    # Joined in batches: json.dumps joins a million small strings in one C call,
    # holding the GIL ~25 ms on a 10k-node plan, which stalls the UI while a worker saves.
    parts: list[str] = []
    batch: list[str] = []
    for chunk in encoder.iterencode(value):
        batch.append(chunk)
        if len(batch) >= 4096:
            parts.append("".join(batch))
            batch.clear()
    parts.append("".join(batch))
    parts.append("\n")
    return "".join(parts).encode("utf-8")
