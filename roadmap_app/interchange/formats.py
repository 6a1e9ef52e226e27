"""The registry of file formats: extension -> reader and/or writer.

Readers take the file's bytes and its path (for names and, for roadmap.sh, the
`content/` folder beside it) and return `(Roadmap, ImportReport)`; writers return
bytes, written atomically by `export_file`. Image formats (png, svg, pdf) are drawn by
the render layer and are only named here, so callers can route them.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..model import FORMAT_NAME, Roadmap
from ..model.errors import RoadmapError
from ..storage import atomic_write, codec, read_bytes, safejson
from ..storage.errors import FileFormatError
from .finish import check_savable
from .graphml import read_graphml, write_graphml
from .job import phase
from .jsoncanvas import read_canvas, write_canvas
from .links import keep_web_links, web_links_only
from .markdown import write_markdown
from .mermaid import write_mermaid
from .report import ImportReport
from .roadmapsh import roadmapsh_to_roadmap

Reader = Callable[[bytes, Path | None], tuple[Roadmap, ImportReport]]
Writer = Callable[[Roadmap], bytes]
IMAGE_EXTENSIONS = (".png", ".svg", ".pdf")
NATIVE = "Roadmap Planner"


class UnknownFormatError(RoadmapError):
    """The file name's extension is not a format we can read (or write)."""


@dataclass(frozen=True)
class Format:
    name: str
    extensions: tuple[str, ...]
    description: str
    reader: Reader | None = None
    writer: Writer | None = None


def _read_roadmap(data: bytes, source: Path | None) -> tuple[Roadmap, ImportReport]:
    loaded = codec.loads(data)
    report = ImportReport(NATIVE)
    if loaded.migrated:
        report.warn(f"upgraded from file format {loaded.schema_version}")
    return loaded.roadmap, report


def _read_json(
    data: bytes, source: Path | None, content_dir: Path | None = None
) -> tuple[Roadmap, ImportReport]:
    """roadmap.sh JSON; our own format saved with a .json name is recognised too.

    roadmap.sh topics' texts and links come from `content_dir`, else `content/` beside the file.
    """
    doc = safejson.loads(data)
    if isinstance(doc, dict) and doc.get("format") == FORMAT_NAME:
        return _read_roadmap(data, source)
    if content_dir is None and source is not None:
        content_dir = source.parent / "content"
    return roadmapsh_to_roadmap(doc, source=source, content_dir=content_dir)


def _write_roadmap(roadmap: Roadmap) -> bytes:
    return codec.dumps(roadmap)


FORMATS: tuple[Format, ...] = (
    Format("roadmap", (".roadmap",), "Roadmap Planner plan", _read_roadmap, _write_roadmap),
    Format("canvas", (".canvas",), "JSON Canvas", read_canvas, write_canvas),
    Format("graphml", (".graphml",), "GraphML", read_graphml, write_graphml),
    Format("roadmap.sh", (".json",), "roadmap.sh JSON", _read_json, None),
    Format("markdown", (".md", ".markdown"), "Markdown checklist", None, write_markdown),
    Format("mermaid", (".mmd", ".mermaid"), "Mermaid flowchart", None, write_mermaid),
)


def _extension(path: Path | str) -> str:
    return Path(path).suffix.lower()


def format_for(path: Path | str, *, writing: bool = False) -> Format:
    """The format for a file name, or UnknownFormatError naming the choices."""
    ext = _extension(path)
    for fmt in FORMATS:
        if ext in fmt.extensions and (fmt.writer if writing else fmt.reader) is not None:
            return fmt
    choices = writable_extensions() if writing else readable_extensions()
    what = "export to" if writing else "import"
    shown = f"files ending in {ext}" if ext else "files without an extension"
    raise UnknownFormatError(f"cannot {what} {shown} (use {', '.join(choices)})")


def readable_extensions() -> list[str]:
    return [ext for fmt in FORMATS if fmt.reader for ext in fmt.extensions]


def writable_extensions() -> list[str]:
    return [ext for fmt in FORMATS if fmt.writer for ext in fmt.extensions]


def dialog_filters(*, writing: bool = False) -> list[str]:
    """Qt file-dialog filters, e.g. "JSON Canvas (*.canvas)", with an all-formats entry first
    when reading."""
    chosen = [f for f in FORMATS if (f.writer if writing else f.reader)]
    filters = [f"{f.description} ({' '.join('*' + e for e in f.extensions)})" for f in chosen]
    if not writing:
        every = " ".join("*" + e for e in readable_extensions())
        filters.insert(0, f"All supported files ({every})")
    return filters


def is_image(path: Path | str) -> bool:
    return _extension(path) in IMAGE_EXTENSIONS


def import_bytes(
    data: bytes, path: Path | str, *, content_dir: Path | None = None
) -> tuple[Roadmap, ImportReport]:
    """Read bytes as the format `path`'s extension names (the path is used for names only).

    Every import is finished here, whatever its format: links that are not http(s)
    become text (interchange.links), and a result that could not be saved is refused
    (finish.check_savable), so no importer can hand over a plan that breaks those rules.
    `content_dir` is roadmap.sh's content folder, when the user named one.
    """
    fmt = format_for(path)
    try:
        if content_dir is not None and fmt.reader is _read_json:
            roadmap, report = _read_json(data, Path(path), content_dir)
        else:
            roadmap, report = fmt.reader(data, Path(path))
        report.format_name = report.format_name or fmt.description
        phase("Checking")
        if report.format_name != NATIVE:  # our own files keep what the user typed
            roadmap = keep_web_links(roadmap, report)
        check_savable(roadmap)
    except RoadmapError:
        raise
    except OverflowError:
        raise FileFormatError("a number in the file is too large") from None
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError, MemoryError) as exc:
        # A shape no importer check foresaw: still one line, never a traceback or raw text.
        raise FileFormatError(f"cannot be imported as {fmt.description} ({type(exc).__name__})") from exc
    return roadmap, report


def import_file(path: Path | str, *, content_dir: Path | None = None) -> tuple[Roadmap, ImportReport]:
    """Read any importable file; the size cap is checked before reading. Raises RoadmapError."""
    format_for(path)  # an unknown extension fails before touching the file
    phase("Reading")
    data = read_bytes(path)
    phase("Converting")
    with _gc_paused():
        return import_bytes(data, path, content_dir=content_dir)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """No cyclic GC while an import builds its tree of new objects (all alive, no cycles).

    A generation-2 pass over them is one C call of ~0.2 s: in a worker thread it holds
    the GIL and freezes the window (the same pause storage.codec makes while loading).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _write(fmt: Format, roadmap: Roadmap) -> bytes:
    # Other tools' files never carry a link that is not http(s); our own keeps the plan as it is.
    return fmt.writer(roadmap if fmt.name == "roadmap" else web_links_only(roadmap))


def export_bytes(roadmap: Roadmap, path: Path | str) -> bytes:
    return _write(format_for(path, writing=True), roadmap)


def export_file(roadmap: Roadmap, path: Path | str) -> None:
    """Write `roadmap` in the format of `path`'s extension, atomically. Raises RoadmapError."""
    fmt = format_for(path, writing=True)
    data = _write(fmt, roadmap)
    atomic_write(path, data, verify=codec.loads if fmt.name == "roadmap" else None)
