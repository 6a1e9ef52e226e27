"""The one link rule for every importer and exporter: only http(s) URLs stay links.

Imports: a resource URL that is not http(s) (javascript:, data:, vbscript:, file:,
a bare word...) is never kept as a link. A `file:` URL becomes the resource's `path`
(shown as text, never opened); anything else is kept as plain text in the resource's
notes. Each one is listed in the import report. `keep_web_links` runs where every
import is finished (formats.import_bytes), so each importer needs no call of its own.

Exports: `web_links_only` gives the copy of a plan that foreign writers see, with
every non-http(s) URL removed, so no exported file carries one.
"""

from __future__ import annotations

from urllib.parse import unquote, urlsplit

from ..model import Roadmap
from ..model.text import MAX_TEXT, MAX_TITLE
from ..safety import is_web_url, web_link
from .common import clean_line, clean_text
from .report import ImportReport

DROPPED = "links that were not http(s) (kept as text)"


def _local_path(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    return clean_line(unquote(parts.path), limit=MAX_TITLE) if parts.scheme.lower() == "file" else ""


def keep_web_links(roadmap: Roadmap, report: ImportReport) -> Roadmap:
    """`roadmap` with every non-http(s) resource URL turned into text, each one reported."""
    if all(not r.url or is_web_url(r.url) for n in roadmap.nodes for r in n.resources):
        return roadmap
    nodes = []
    for node in roadmap.nodes:
        if all(not r.url or is_web_url(r.url) for r in node.resources):
            nodes.append(node)
            continue
        resources = []
        for res in node.resources:
            if not res.url or is_web_url(res.url):
                resources.append(res)
                continue
            shown = clean_line(res.url, limit=120)
            report.drop(DROPPED, why=f'node "{node.title[:60]}": resource "{res.title[:60]}": '
                                     f"link {shown} is not http(s); kept as text only")
            update: dict = {"url": ""}
            path = _local_path(res.url)
            if path and not res.path:
                update["path"] = path
            else:
                note = f"Link from the imported file (not opened: only http and https are): {res.url}"
                update["notes"] = clean_text(f"{res.notes}\n\n{note}".strip(), limit=MAX_TEXT)
            resources.append(res.model_copy(update=update))
        nodes.append(node.model_copy(update={"resources": resources}))
    return roadmap.model_copy(update={"nodes": nodes})


def web_links_only(roadmap: Roadmap) -> Roadmap:
    """The plan as a foreign exporter may write it: no resource URL that is not http(s)."""
    if all(not r.url or is_web_url(r.url) for n in roadmap.nodes for r in n.resources):
        return roadmap
    nodes = [
        node.model_copy(update={"resources": [
            r if web_link(r.url) == r.url else r.model_copy(update={"url": ""})
            for r in node.resources
        ]})
        for node in roadmap.nodes
    ]
    return roadmap.model_copy(update={"nodes": nodes})
