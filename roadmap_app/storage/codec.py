"""Bytes <-> model for our own `.roadmap` format (two-stage loading).

bytes -> capped JSON -> envelope check -> migrations by schema_version ->
validated model -> structural rules (graph layer). Loaders take bytes so tests
can work in memory; `storage.files` does the disk side.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from ..graph.rules import validate_roadmap
from ..model import FORMAT_NAME, SCHEMA_VERSION, Roadmap, RoadmapFile
from ..model.roadmap import MAX_EDGES, MAX_NODES
from . import safejson
from .errors import FileFormatError, NewerVersionError
from .longtext import shorten_long_texts
from .migrations import migrate


@dataclass
class Loaded:
    """A roadmap read from bytes, with what the reader should know about it."""

    roadmap: Roadmap
    schema_version: int  # as found in the file, before migration
    migrated: bool = False
    read_only_reason: str | None = None  # set when the file needs a newer reader
    envelope_extra: dict[str, Any] = field(default_factory=dict)
    content_hash: str | None = None  # of the bytes read; see storage.files.changed_on_disk
    # Texts over the editors' limit, shortened while loading (storage.longtext): one
    # line each, naming the node. The first save keeps the original file beside the plan.
    shortened: list[str] = field(default_factory=list)

    @property
    def read_only(self) -> bool:
        return self.read_only_reason is not None


def content_hash(data: bytes) -> str:
    """A strong hash of file bytes, to notice changes made by someone else."""
    return hashlib.sha256(data).hexdigest()


def describe_validation_error(exc: ValidationError) -> str:
    """One line: where and what, for the first problem pydantic found."""
    err = exc.errors()[0]
    where = ".".join(safejson.show_key(part) for part in err.get("loc", ())) or "top level"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    message = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    return f"{where}: {message}{more}"


def _envelope(data: Any) -> tuple[int, int]:
    if not isinstance(data, dict):
        raise FileFormatError("top level must be a JSON object")
    if data.get("format") != FORMAT_NAME:
        raise FileFormatError(f'not a roadmap file ("format" must be "{FORMAT_NAME}")')
    version = data.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or not 1 <= version <= 10_000:
        raise FileFormatError("schema_version must be a whole number from 1")
    min_reader = data.get("min_reader_version", version)
    if not isinstance(min_reader, int) or isinstance(min_reader, bool) or min_reader < 1:
        raise FileFormatError("min_reader_version must be a whole number from 1")
    if "roadmap" not in data:
        raise FileFormatError('missing "roadmap"')
    return version, min_reader


def _check_counts(raw: dict[str, Any]) -> None:
    """Refuse oversized node and edge lists before validating every item in them."""
    roadmap = raw.get("roadmap")
    if not isinstance(roadmap, dict):
        return
    for name, limit in (("nodes", MAX_NODES), ("edges", MAX_EDGES)):
        items = roadmap.get(name)
        if isinstance(items, list) and len(items) > limit:
            raise FileFormatError(f"roadmap.{name}: {len(items)} {name}, more than the limit of {limit}")


@contextlib.contextmanager
def _gc_paused() -> Iterator[None]:
    """Pause the cyclic GC while building a big tree of new objects.

    Loading allocates millions of objects that are all still alive, so each
    generation-2 pass finds nothing and only costs time (half of the load of
    a 50 MB plan). Nothing here creates cycles; the GC resumes right after.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def loads(data: bytes, *, allow_newer: bool = False) -> Loaded:
    """Parse and validate a `.roadmap` file's bytes.

    A file that needs a newer reader raises NewerVersionError, unless
    `allow_newer` is set: then it is read best-effort and marked read-only.
    """
    with _gc_paused():
        return _loads(data, allow_newer=allow_newer)


def _loads(data: bytes, *, allow_newer: bool) -> Loaded:
    raw = safejson.loads(data, reject_duplicate_keys=True)
    version, min_reader = _envelope(raw)
    read_only = None
    if min_reader > SCHEMA_VERSION:
        message = (
            f"written by a newer Roadmap Planner (file format {version}, needs reader "
            f"version {min_reader}; this app reads up to {SCHEMA_VERSION})"
        )
        if not allow_newer:
            raise NewerVersionError(message, min_reader_version=min_reader)
        read_only = message
    migrated = version < SCHEMA_VERSION
    if migrated:
        raw = migrate(raw, version)
    _check_counts(raw)
    shortened = shorten_long_texts(raw)
    try:
        envelope = RoadmapFile.model_validate(raw)
    except ValidationError as exc:
        raise FileFormatError(describe_validation_error(exc)) from None
    validate_roadmap(envelope.roadmap)
    return Loaded(
        roadmap=envelope.roadmap,
        schema_version=version,
        migrated=migrated,
        read_only_reason=read_only,
        envelope_extra=dict(envelope.model_extra or {}),
        content_hash=content_hash(data),
        shortened=shortened,
    )


CHUNKED_DUMP_FROM = 500  # nodes + edges


def to_jsonable(roadmap: Roadmap) -> dict[str, Any]:
    if len(roadmap.nodes) + len(roadmap.edges) < CHUNKED_DUMP_FROM:
        return roadmap.model_dump(mode="json", exclude_none=False)
    # Item by item for big plans: one model_dump of a 10k-node plan runs in Rust for
    # ~0.1 s holding the GIL, which froze the UI thread while a worker autosaved.
    # Between items the GIL is handed over. Same dict either way.
    out = roadmap.model_dump(mode="json", exclude_none=False, exclude={"nodes", "edges"})
    out["nodes"] = [node.model_dump(mode="json", exclude_none=False) for node in roadmap.nodes]
    out["edges"] = [edge.model_dump(mode="json", exclude_none=False) for edge in roadmap.edges]
    return out


def dumps(roadmap: Roadmap, *, envelope_extra: dict[str, Any] | None = None) -> bytes:
    """Deterministic bytes for a roadmap: saving twice gives identical output."""
    with _gc_paused():
        return _dumps(roadmap, envelope_extra)


def _dumps(roadmap: Roadmap, envelope_extra: dict[str, Any] | None) -> bytes:
    doc: dict[str, Any] = dict(envelope_extra or {})
    doc.update(
        format=FORMAT_NAME,
        schema_version=SCHEMA_VERSION,
        min_reader_version=SCHEMA_VERSION,
        roadmap=to_jsonable(roadmap),
    )
    return safejson.dumps(doc)
