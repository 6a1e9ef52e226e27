"""Reading and writing any interchange format for the convert, merge and export commands."""

from __future__ import annotations

import sys
from pathlib import Path

from . import EXIT_USAGE, CliError
from .common import describe_load_error


def read_any(path: str | Path, *, quiet: bool = False, content_dir: str | Path | None = None):
    """(Roadmap, ImportReport) from any importable file; warnings go to stderr as `IN: warning: ...`.

    `content_dir`: a roadmap.sh content folder (else `content/` beside the file is used).
    """
    from ..interchange.formats import UnknownFormatError, import_file

    if content_dir is not None and not Path(content_dir).is_dir():
        raise CliError(f"{content_dir}: not a folder (--content names a roadmap.sh content folder)",
                       EXIT_USAGE)
    try:
        roadmap, report = import_file(path, content_dir=Path(content_dir) if content_dir else None)
    except UnknownFormatError as exc:
        raise CliError(f"{path}: {exc}", EXIT_USAGE) from None
    except Exception as exc:  # every reason a file does not import is one line
        raise CliError(one_line(f"{path}: {describe_load_error(exc)}")) from None
    if not quiet:
        for line in [*report.summary_lines(), *report.warning_lines()]:
            print(one_line(f"{path}: warning: {line}"), file=sys.stderr)
    return roadmap, report


def check_writable(path: str | Path) -> None:
    from ..interchange.formats import UnknownFormatError, format_for

    try:
        format_for(path, writing=True)
    except UnknownFormatError as exc:
        raise CliError(f"{path}: {exc}", EXIT_USAGE) from None


def write_any(roadmap, path: str | Path) -> None:
    from ..interchange.formats import export_file

    check_writable(path)
    try:
        export_file(roadmap, path)
    except Exception as exc:  # SaveError messages already name the file
        message = describe_load_error(exc)
        raise CliError(one_line(message if str(path) in message else f"{path}: {message}")) from None


def one_line(text: str) -> str:
    return " ".join(text.split())
