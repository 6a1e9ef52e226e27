"""Markdown checklist export: stages as `##` headings, one checkbox per node, resources as links.

Layout (what people paste into notes and issues):

    # Roadmap title
    Progress: 3 of 10 done

    ## Stage
    - [x] Done node
    - [ ] Open node *(in progress)*
    - [x] ~~Skipped node~~ *(skipped)*
      - [Resource title](https://...) — course, Provider

Every piece of user text is escaped, so a title like `<b>x</b>` shows literally and
no HTML, image or link is ever produced from it. Only http(s) URLs become links;
any other URL is shown as escaped text. Nodes without a stage go under "Other".
"""

from __future__ import annotations

import re
from urllib.parse import quote

from ..model import Node, Resource, Roadmap, Status
from ..safety import is_web_url
from .common import nodes_by_stage

NO_STAGE_HEADING = "Other"
# Every ASCII punctuation character CommonMark lets us escape that can start markup.
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+!|~&])")
_LINE_START = re.compile(r"^(\s*)([-+=>])")
# An ordered-list marker is escaped at its dot or parenthesis (`1\. item`), as CommonMark
# does: a backslash before the digit is shown by Obsidian and other renderers.
_ORDERED_START = re.compile(r"^(\s*\d{1,9})([.)])")
_WS = re.compile(r"\s+")


def escape(text: str) -> str:
    """One line of literal text: specials backslash-escaped, line breaks collapsed."""
    return _SPECIAL.sub(r"\\\1", _WS.sub(" ", text).strip())


def escape_block(text: str) -> str:
    """Multi-line literal text: also neutralise list, heading and quote markers at line starts."""
    lines = []
    for line in text.splitlines():
        line = _SPECIAL.sub(r"\\\1", line.rstrip())
        line = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line)
        lines.append(_ORDERED_START.sub(lambda m: m.group(1) + "\\" + m.group(2), line))
    return "\n".join(lines).strip("\n")


def link_target(url: str) -> str:
    """A URL safe inside `(...)`: spaces, brackets and angle brackets percent-encoded."""
    return quote(url, safe=":/?#@!$&'*+,;=%-._~[]")


def _hours(value: float) -> str:
    return f"{value:g} h"


def resource_line(resource: Resource) -> str:
    title = escape(resource.title)
    if resource.url and is_web_url(resource.url):
        text = f"[{title}]({link_target(resource.url)})"
    elif resource.url:
        text = f"{title} ({escape(resource.url)})"
    elif resource.path:  # a local file: shown as text, never a link
        text = f"{title} ({escape(resource.path)})"
    else:
        text = title
    details = [resource.kind.value]
    if resource.provider:
        details.append(escape(resource.provider))
    if resource.status is Status.DONE:
        details.append("done")
    return f"  - {text} — {', '.join(details)}"


def node_line(node: Node) -> str:
    title = escape(node.title)
    if node.status is Status.DONE:
        line = f"- [x] {title}"
    elif node.status is Status.SKIPPED:
        line = f"- [x] ~~{title}~~ *(skipped)*"
    elif node.status is Status.IN_PROGRESS:
        line = f"- [ ] {title} *(in progress)*"
    else:
        line = f"- [ ] {title}"
    if node.estimated_hours is not None:
        line += f" — {_hours(node.estimated_hours)}"
    return line


def to_markdown(roadmap: Roadmap) -> str:
    done = sum(1 for n in roadmap.nodes if n.status is Status.DONE)
    out = [f"# {escape(roadmap.title)}", ""]
    if roadmap.description.strip():
        out += [escape_block(roadmap.description), ""]
    out += [f"Progress: {done} of {len(roadmap.nodes)} done", ""]
    for stage, nodes in nodes_by_stage(roadmap):
        out += [f"## {escape(stage) if stage.strip() else NO_STAGE_HEADING}", ""]
        for node in nodes:
            out.append(node_line(node))
            out.extend(resource_line(r) for r in node.resources)
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def write_markdown(roadmap: Roadmap) -> bytes:
    return to_markdown(roadmap).encode("utf-8")
