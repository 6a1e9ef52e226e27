"""Safe file names suggested from user text (a roadmap title), for export and save dialogs.

A title is user text and may come from a downloaded file: it can hold slashes,
"..", control characters or thousands of characters. The stem we suggest must
always name a file inside the folder the dialog shows, on every platform.
"""

from __future__ import annotations

import re
import unicodedata

MAX_STEM = 80  # characters; also capped in UTF-8 bytes so stem + extension fits NAME_MAX (255)
MAX_STEM_BYTES = 200
_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f/\\:*?"<>|\ud800-\udfff]+')
_SPACES = re.compile(r"\s+")
_DASHES = re.compile(r"-{2,}")
# Device names Windows refuses as file names, whatever the extension.
_RESERVED = {"con", "prn", "aux", "nul", *(f"{port}{i}" for port in ("com", "lpt") for i in range(1, 10))}
_TRIM = " .-_"


def safe_file_stem(title: str, fallback: str = "roadmap", max_length: int = MAX_STEM) -> str:
    """A file stem from `title`: no separators, control or reserved characters, never '.'/'..'.

    Letters of every script are kept; runs of unsafe characters become one "-".
    Leading dots are removed (no hidden files, no ".."). The result is non-empty:
    `fallback` (itself made safe) when nothing usable is left.
    """
    text = unicodedata.normalize("NFC", title if isinstance(title, str) else "")
    # Format characters (bidi overrides, zero-width joiners) can disguise an extension.
    text = "".join(c for c in text if unicodedata.category(c) != "Cf")
    text = _UNSAFE.sub("-", text)
    text = _SPACES.sub(" ", text)
    text = _DASHES.sub("-", text).strip(_TRIM)
    text = _truncate(text, max(1, max_length)).strip(_TRIM)
    if text.split(".")[0].casefold() in _RESERVED:
        text = f"{text}_"
    if not text:
        return "roadmap" if fallback == "roadmap" else safe_file_stem(fallback, "roadmap", max_length)
    return text


def _truncate(text: str, max_length: int) -> str:
    text = text[:max_length]
    while len(text.encode("utf-8")) > MAX_STEM_BYTES:
        text = text[:-1]
    return text
