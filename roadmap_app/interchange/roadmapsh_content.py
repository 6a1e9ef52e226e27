"""roadmap.sh `content/` folders: one Markdown file per topic, named `<slug>@<nodeId>.md`.

The text after the `# Title` line and before the first link is the description (a
last line ending in ":" that only introduces the links is left out);
`- [@type@Title](url)` lines become resources. roadmap.sh writes URLs with Markdown
escapes (`Python_\\(programming_language\\)`), which are removed. Lines are read by
hand, not by a backtracking pattern, so a hostile megabyte line costs linear time.
Only plain files inside the folder are read (no links out of it), each at most
MAX_CONTENT_BYTES, at most MAX_CONTENT_FILES of them.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

from ..model import Origin, ResourceKind
from ..model.node import MAX_RESOURCES
from .common import clean_line, clean_text, clean_url, safe_id, unescape_markdown
from .report import ImportReport

RESOURCE_KINDS = {
    "official": ResourceKind.WEBSITE, "website": ResourceKind.WEBSITE, "feed": ResourceKind.WEBSITE,
    "roadmap": ResourceKind.WEBSITE, "opensource": ResourceKind.PROJECT, "article": ResourceKind.ARTICLE,
    "course": ResourceKind.COURSE, "podcast": ResourceKind.PODCAST, "video": ResourceKind.VIDEO,
    "book": ResourceKind.BOOK,
}
MAX_CONTENT_FILES = 20_000
MAX_CONTENT_BYTES = 1_000_000
_TITLE_LINE = re.compile(r"^#\s+(.*)$")


def content_id(name: str) -> str | None:
    """The node id in a `<slug>@<nodeId>.md` file name, else None."""
    if not name.endswith(".md") or "@" not in name:
        return None
    node_id = name[:-3].rpartition("@")[2]
    return node_id if node_id and "/" not in node_id and "\\" not in node_id else None


def content_index(content_dir: Path | None, report: ImportReport) -> dict[str, Path]:
    """nodeId -> content file, from `<slug>@<nodeId>.md` names (first name wins)."""
    if content_dir is None or not content_dir.is_dir():
        return {}
    index: dict[str, Path] = {}
    try:
        for count, path in enumerate(sorted(content_dir.iterdir())):
            if count >= MAX_CONTENT_FILES:
                report.warn(f"content/: only the first {MAX_CONTENT_FILES} files were looked at")
                break
            node_id = content_id(path.name)
            # Links could point anywhere on the disk; only plain files in the folder are read.
            if node_id and path.is_file() and not path.is_symlink():
                index.setdefault(node_id, path)
    except OSError as exc:
        report.warn(f"content/: could not be read ({exc.strerror or exc})")
    return index


def resource_line(line: str) -> tuple[str, str, str] | None:
    """(type, title, url) from `- [@type@Title](url)`, else None; linear in the line's length."""
    text = line.strip()
    if text[:1] not in ("-", "*"):
        return None
    text = text[1:].lstrip()
    if not text.startswith("[@") or not text.endswith(")"):
        return None
    kind, at, rest = text[2:].partition("@")
    if not at or not kind.isascii() or not kind.isalpha():
        return None
    title, sep, url = rest.rpartition("](")
    url = url[:-1]
    if not sep or not url or any(c.isspace() for c in url):
        return None
    return kind, title, url


def parse_content(text: str) -> tuple[str, str, list[dict[str, Any]]]:
    """(title, description, resources) from one content file's Markdown."""
    title = ""
    body: list[str] = []
    resources: list[dict[str, Any]] = []
    used: set[str] = set()
    urls: set[str] = set()  # a link listed twice is one resource
    seen_links = False
    for line in clean_text(text, limit=MAX_CONTENT_BYTES).split("\n"):
        heading = _TITLE_LINE.match(line)
        if heading and not title and not body:
            title = heading.group(1)
            continue
        link = resource_line(line)
        if link:
            seen_links = True
            kind, name, raw_url = link
            url = clean_url(unescape_markdown(raw_url))
            if url and len(resources) < MAX_RESOURCES and url not in urls:
                urls.add(url)
                digest = hashlib.sha1(url.encode("utf-8", "surrogatepass")).hexdigest()[:10]
                resources.append({
                    "id": safe_id(f"rs-{digest}", used), "url": url, "origin": Origin.IMPORTED,
                    "title": clean_line(unescape_markdown(name)) or url[:300],
                    "kind": RESOURCE_KINDS.get(kind.lower(), ResourceKind.WEBSITE),
                })
            continue
        if not seen_links:
            body.append(line)
    lines = "\n".join(body).strip().split("\n")
    if resources and lines and lines[-1].rstrip().endswith(":"):
        lines.pop()
    return title, "\n".join(lines).strip(), resources


def read_content(path: Path, report: ImportReport) -> str | None:
    try:
        if path.stat().st_size > MAX_CONTENT_BYTES:
            report.warn(f"content/{path.name}: skipped, larger than {MAX_CONTENT_BYTES // 1000} kB")
            return None
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        report.warn(f"content/{path.name}: skipped, not UTF-8 text")
    except OSError as exc:
        report.warn(f"content/{path.name}: skipped, {exc.strerror or exc}")
    return None
