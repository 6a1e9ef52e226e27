"""Constrained string and number types shared by every model.

Every field that can come from a file is capped here, so a hostile file is
rejected by validation rather than by running out of memory later. Strings
may not carry lone surrogates (they cannot be written back as UTF-8) or
control characters other than tab and newline.
"""

from __future__ import annotations

import re
from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

MAX_TITLE = 300
# Notes and descriptions: what people actually write (a pasted article, a course's
# syllabus), with room to spare. The editors stop here; a file holding more opens with
# the text shortened to this and the original kept (storage.longtext).
MAX_TEXT = 1_000_000
# The hostile-input cap: a single text field longer than this is not a note but a
# damaged or hostile file, refused outright instead of shortened.
MAX_TEXT_INPUT = 16_000_000
MAX_URL = 2_048
MAX_ID = 128
MAX_HOURS = 100_000.0

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_CONTROL_LINE = re.compile(r"[\x00-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")
ID_PATTERN = r"^[A-Za-z0-9_\-][A-Za-z0-9_.:\-]{0,127}$"


def _clean_text(value: str) -> str:
    if _SURROGATE.search(value):
        raise ValueError("contains a lone surrogate (not valid Unicode text)")
    if _CONTROL.search(value):
        raise ValueError("contains control characters")
    return value


def _clean_line(value: str) -> str:
    if _SURROGATE.search(value):
        raise ValueError("contains a lone surrogate (not valid Unicode text)")
    if _CONTROL_LINE.search(value):
        raise ValueError("must be a single line without control characters")
    return value


Identifier = Annotated[
    str, StringConstraints(min_length=1, max_length=MAX_ID, pattern=ID_PATTERN)
]
Title = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_TITLE),
    AfterValidator(_clean_line),
]
ShortText = Annotated[str, StringConstraints(max_length=MAX_TITLE), AfterValidator(_clean_line)]
LongText = Annotated[str, StringConstraints(max_length=MAX_TEXT), AfterValidator(_clean_text)]
UrlText = Annotated[str, StringConstraints(max_length=MAX_URL), AfterValidator(_clean_line)]
Hours = Annotated[float, Field(ge=0.0, le=MAX_HOURS, allow_inf_nan=False)]
Coordinate = Annotated[float, Field(ge=-1e7, le=1e7, allow_inf_nan=False)]
# A colour as "#rrggbb" (lower case); importers map their palettes onto this.
Color = Annotated[str, StringConstraints(pattern=r"^#[0-9a-f]{6}$")]
# Calendar weeks of a commitment (a degree, a job, an internship): at most 60 years.
Weeks = Annotated[float, Field(ge=0.0, le=60 * 52.0, allow_inf_nan=False)]
