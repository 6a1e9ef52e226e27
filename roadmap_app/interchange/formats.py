"""The registry of file formats: extension -> reader and/or writer.

Readers take the file's bytes and its path (for names and, for roadmap.sh, the
`content/` folder beside it) and return `(Roadmap, ImportReport)`; writers return
bytes, written atomically by `export_file`. Image formats (png, svg, pdf) are drawn by
the render layer and are only named here, so callers can route them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..model import FORMAT_NAME, Roadmap
from ..model.errors import RoadmapError
from ..storage import atomic_write, codec, read_bytes, safejson
from ..storage.errors import FileFormatError
from .graphml import read_graphml, write_graphml
from .jsoncanvas import read_canvas, write_canvas
from .markdown import write_markdown
from .mermaid import write_mermaid
from .report import ImportReport
from .roadmapsh import roadmapsh_to_roadmap

Reader = Callable[[bytes, Path | None], tuple[Roadmap, ImportReport]]
Writer = Callable[[Roadmap], bytes]
IMAGE_EXTENSIONS = (".png", ".svg", ".pdf")


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
    report = ImportReport("Roadmap Planner")
    if loaded.migrated:
        report.warn(f"upgraded from file format {loaded.schema_version}")
    return loaded.roadmap, report


def _read_json(data: bytes, source: Path | None) -> tuple[Roadmap, ImportReport]:
    """roadmap.sh JSON; our own format saved with a .json name is recognised too."""
    doc = safejson.loads(data)
    if isinstance(doc, dict) and doc.get("format") == FORMAT_NAME:
        return _read_roadmap(data, source)
    content = source.parent / "content" if source is not None else None
    return roadmapsh_to_roadmap(doc, source=source, content_dir=content)


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


def import_bytes(data: bytes, path: Path | str) -> tuple[Roadmap, ImportReport]:
    """Read bytes as the format `path`'s extension names (the path is used for names only)."""
    fmt = format_for(path)
    try:
        roadmap, report = fmt.reader(data, Path(path))
    except RoadmapError:
        raise
    except (ValueError, TypeError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        # A shape no importer check foresaw: still one line, never a traceback.
        raise FileFormatError(f"cannot be imported as {fmt.description} ({type(exc).__name__})") from exc
    report.format_name = report.format_name or fmt.description
    return roadmap, report


def import_file(path: Path | str) -> tuple[Roadmap, ImportReport]:
    """Read any importable file; the size cap is checked before reading. Raises RoadmapError."""
    format_for(path)  # an unknown extension fails before touching the file
    return import_bytes(read_bytes(path), path)


def export_bytes(roadmap: Roadmap, path: Path | str) -> bytes:
    return format_for(path, writing=True).writer(roadmap)


def export_file(roadmap: Roadmap, path: Path | str) -> None:
    """Write `roadmap` in the format of `path`'s extension, atomically. Raises RoadmapError."""
    fmt = format_for(path, writing=True)
    data = fmt.writer(roadmap)
    atomic_write(path, data, verify=codec.loads if fmt.name == "roadmap" else None)
