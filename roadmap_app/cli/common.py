"""Helpers shared by the subcommands."""

from __future__ import annotations

from pathlib import Path

from ..storage import FileFormatError, Loaded, load
from . import CliError


def load_or_fail(path: str | Path) -> Loaded:
    """Load a roadmap file, turning any problem into `FILE: message` and exit 1."""
    try:
        return load(path)
    except FileFormatError as exc:
        raise CliError(f"{path}: {exc}") from None
    except Exception as exc:  # validation problems from the graph layer
        raise CliError(f"{path}: {exc}") from None
