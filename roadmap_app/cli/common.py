"""Helpers shared by the subcommands."""

from __future__ import annotations

from pathlib import Path

from ..model.errors import RoadmapError
from ..storage import FileFormatError, Loaded, load
from . import CliError


def describe_load_error(exc: BaseException) -> str:
    """One line for any reason a file did not load (never a traceback)."""
    if isinstance(exc, RoadmapError | FileFormatError):
        return str(exc) or type(exc).__name__
    if isinstance(exc, MemoryError):
        return "the file needs more memory than is available"
    return f"cannot be read ({type(exc).__name__}: {exc})"


def file_message(path: str | Path, exc: BaseException) -> str:
    """`FILE: message`, without repeating the file when the message already starts with it."""
    text = describe_load_error(exc)
    for prefix in (str(path), str(Path(path)), str(Path(path).absolute()), Path(path).name):
        if text.startswith(prefix + ": "):
            text = text[len(prefix) + 2:]
            break
    return f"{path}: {text}"


def load_or_fail(path: str | Path, *, allow_newer: bool = False) -> Loaded:
    """Load a roadmap file, turning any problem into `FILE: message` and exit 1."""
    try:
        return load(path, allow_newer=allow_newer)
    except Exception as exc:  # format, validation and structural problems alike
        raise CliError(f"{path}: {describe_load_error(exc)}") from None
