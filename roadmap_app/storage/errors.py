"""Errors raised while reading or writing files. Messages are one user-facing line."""

from __future__ import annotations

from ..model.errors import RoadmapError


class FileFormatError(RoadmapError):
    """The bytes are not a roadmap we can read (bad JSON, wrong shape, caps exceeded)."""


class NewerVersionError(FileFormatError):
    """The file needs a newer reader than this version of the app."""

    def __init__(self, message: str, *, min_reader_version: int) -> None:
        super().__init__(message)
        self.min_reader_version = min_reader_version


class SaveError(RoadmapError):
    """Writing failed; the previous file on disk is untouched."""


class ExternalChangeError(SaveError):
    """The file on disk changed since it was read; saving now would overwrite that change."""
