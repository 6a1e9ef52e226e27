"""The limits are stated once in code (storage/limits.py) and listed in docs/FILE_FORMAT.md."""

from __future__ import annotations

import re
from pathlib import Path

from roadmap_app.storage import limits, safejson

DOC = Path(__file__).resolve().parent.parent / "docs" / "FILE_FORMAT.md"


def test_every_limit_is_in_the_file_format_document():
    rows = dict(re.findall(r"^\| `(MAX_[A-Z_]+)` \| ([0-9,]+)", DOC.read_text(encoding="utf-8"), re.M))
    assert rows == {name: f"{value:,}" for name, (value, _what) in limits.LIMITS.items()}


def test_the_json_reader_uses_the_stated_limits():
    for name in ("MAX_FILE_BYTES", "MAX_DEPTH", "MAX_CONTAINERS", "MAX_VALUES", "MAX_INT_DIGITS",
                 "MAX_NUMBER_CHARS"):
        assert getattr(safejson, name) == limits.LIMITS[name][0]
    assert f"{safejson.MAX_STRINGS_BLANKED:,} strings" in DOC.read_text(encoding="utf-8")
