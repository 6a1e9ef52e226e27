"""Texts longer than the editors allow, found while opening a plan.

An older version, another tool or a hand edit may have written a note longer than
MAX_TEXT. Refusing the whole plan for one long note would lock the user out of
their work, so the text is shortened to MAX_TEXT with a warning naming the node, and
the first save keeps the file as it was (`NAME.long-text.bak`, see storage.plans).
A single text beyond MAX_TEXT_INPUT is a damaged or hostile file: refused.
"""

from __future__ import annotations

from typing import Any

from ..model.text import MAX_TEXT, MAX_TEXT_INPUT
from .errors import FileFormatError

NODE_FIELDS = ("description", "notes", "why")
RESOURCE_FIELDS = ("notes",)


def _label(item: dict[str, Any], fallback: str) -> str:
    title = item.get("title")
    return f"“{title[:80]}”" if isinstance(title, str) and title.strip() else fallback


def _shorten(item: dict[str, Any], fields: tuple[str, ...], where: str, out: list[str]) -> None:
    for name in fields:
        text = item.get(name)
        if not isinstance(text, str) or len(text) <= MAX_TEXT:
            continue
        if len(text) > MAX_TEXT_INPUT:
            raise FileFormatError(
                f"{where}: {name} has {len(text):,} characters, beyond any real note "
                f"(the limit is {MAX_TEXT_INPUT:,}); the file looks damaged")
        item[name] = text[:MAX_TEXT]
        out.append(f"{where}: {name} shortened from {len(text):,} to {MAX_TEXT:,} characters")


def shorten_long_texts(raw: Any) -> list[str]:
    """Shorten over-long texts of a raw (parsed, migrated) plan in place; one line per text."""
    roadmap = raw.get("roadmap") if isinstance(raw, dict) else None
    if not isinstance(roadmap, dict):
        return []
    out: list[str] = []
    _shorten(roadmap, ("description",), "the plan", out)
    nodes = roadmap.get("nodes")
    for index, node in enumerate(nodes if isinstance(nodes, list) else []):
        if not isinstance(node, dict):
            continue
        where = _label(node, f"node {index + 1}")
        _shorten(node, NODE_FIELDS, where, out)
        resources = node.get("resources")
        for r_index, resource in enumerate(resources if isinstance(resources, list) else []):
            if isinstance(resource, dict):
                r_where = f"{where}, resource {_label(resource, str(r_index + 1))}"
                _shorten(resource, RESOURCE_FIELDS, r_where, out)
    return out
