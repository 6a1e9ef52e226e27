"""What JSON Canvas colours, our export's marker and Obsidian wiki-links mean.

- Colours: the spec's presets "1"-"6" are red, orange, yellow, green, cyan and
  purple, with the shades left to the app; we use Obsidian's, the reference
  implementation, so a preset stays the colour the author saw. Hex stays hex. A
  colour is only ever a colour: it never becomes a status.
- Marker: JSON Canvas has no slot for custom data but allows extra keys, so our
  export writes `"roadmapPlanner": {...}` on nodes (kind, status) and edges
  (kind, any-of group). Only this marker, or a "Status:" line, sets a status.
- Wiki-links: `[[target|alias]]` reads as the alias, `[[target]]` as the target
  (a `#heading` part as " > heading", like Obsidian shows it).
- Callouts: a title line `> [!note|meta] Easy` reads as "Easy" (the callout's type
  when it has no title), as Obsidian shows it.
"""

from __future__ import annotations

import re
from typing import Any

from ..model import EdgeKind, NodeKind, Status

MARKER = "roadmapPlanner"
PRESETS = {
    "1": "#fb464c",  # red
    "2": "#e9973f",  # orange
    "3": "#e0de71",  # yellow
    "4": "#44cf6e",  # green
    "5": "#53dfdd",  # cyan
    "6": "#a882ff",  # purple
}
_PRESET_OF = {hex_: preset for preset, hex_ in PRESETS.items()}
_HEX6 = re.compile(r"#[0-9a-fA-F]{6}")
_HEX3 = re.compile(r"#[0-9a-fA-F]{3}")
# Negated classes only: linear on any input (no nested or overlapping repeats).
_QUOTE = re.compile(r"^(?:>[ \t]*)+")
_CALLOUT = re.compile(r"^\[!([A-Za-z][\w-]{0,40})(?:\|[^\]\n]*)?\][+-]?[ \t]*")
_WIKI_LINK = re.compile(r"!?\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")


def read_color(value: object) -> tuple[str | None, bool]:
    """(colour as "#rrggbb" or None, whether a colour was given but not understood)."""
    if value is None:
        return None, False
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # loose files write the preset as a number
    if not isinstance(value, str):
        return None, True
    text = value.strip()
    if text in PRESETS:
        return PRESETS[text], False
    if _HEX6.fullmatch(text):
        return text.lower(), False
    if _HEX3.fullmatch(text):
        return "#" + "".join(c * 2 for c in text[1:].lower()), False
    return None, bool(text)


def write_color(color: str | None) -> str | None:
    """The canvas form of a model colour: the preset number when it is a preset's shade."""
    if not color:
        return None
    return _PRESET_OF.get(color, color)


def node_marker(kind: NodeKind, status: Status) -> dict[str, str]:
    return {"kind": kind.value, "status": status.value}


def edge_marker(kind: EdgeKind, group: str) -> dict[str, str]:
    marker = {"kind": kind.value}
    if group:
        marker["group"] = group
    return marker


def read_marker(raw: dict[str, Any]) -> dict[str, Any]:
    marker = raw.get(MARKER)
    return marker if isinstance(marker, dict) else {}


def marker_enum(marker: dict[str, Any], key: str, enum):
    """The marker's value for `key` as a member of `enum`, or None when absent or unknown."""
    value = marker.get(key)
    return enum(value) if isinstance(value, str) and value in enum.__members__.values() else None


def _wiki_text(match: re.Match[str]) -> str:
    target, alias = match.group(1), match.group(2)
    if alias is not None and alias.strip():
        return alias.strip()
    note, _, heading = target.strip().partition("#")
    note = note.strip()
    if note.lower().endswith(".md"):
        note = note[:-3]
    heading = heading.strip().lstrip("^")
    return f"{note} > {heading}" if note and heading else (note or heading)


def resolve_wiki_links(text: str) -> str:
    """Obsidian wiki-links as the text Obsidian shows for them."""
    if "[[" not in text:
        return text
    return _WIKI_LINK.sub(_wiki_text, text)


def strip_callout(line: str) -> str:
    """A blockquote or callout title line as the text Obsidian shows for it."""
    if not line.startswith(">"):
        return line
    line = _QUOTE.sub("", line)
    callout = _CALLOUT.match(line)
    if callout is None:
        return line
    return line[callout.end():].strip() or callout.group(1).replace("-", " ").capitalize()
