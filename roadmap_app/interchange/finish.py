"""The last checks of every import: the plan it makes must be one we can save and load.

2,500 canvas cards with 100 links each made 250,000 resources: the import went
through, then every save and autosave failed, naming the plan instead of the file
it came from. These checks run before a plan is created, so such a file is refused
with one line about the file being imported (the CLI and the window put its name
in front). The importers count what they are about to build right after parsing
(interchange.budget), so most such files are refused sooner with the same words; these
checks stay the guarantee.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from ..model import Roadmap
from ..storage import codec, safejson
from ..storage.errors import FileFormatError
from ..storage.limits import MAX_CONTAINERS, MAX_FILE_BYTES, MAX_VALUES
from .budget import refuse_over_limits
from .job import phase


def check_resource_budget(nodes: Iterable[dict[str, Any]]) -> None:
    """Refuse an import with more resources in all than a plan can carry (before validation)."""
    refuse_over_limits(resources=sum(len(n.get("resources") or ()) for n in nodes if isinstance(n, dict)))


# Saving indents two spaces per level; a plan nests at most this deep, so each item
# costs at most one newline and this many spaces more than the compact form.
_INDENT_PER_ITEM = 1 + 2 * 8


def check_savable(roadmap: Roadmap) -> None:
    """Refuse a result whose saved file would be too large, or over the JSON budget to load back.

    The compact form comes from json's C encoder, one node at a time (the saved form is
    written by a slower encoder, and one C call over 20,000 nodes would hold the GIL
    long enough to freeze the window while a worker imports). Only when the bound from
    it comes near the limit is the exact saved form made.
    """
    phase("Checking")
    check_resource_budget({"resources": n.resources} for n in roadmap.nodes)
    doc = codec.to_jsonable(roadmap)
    parts = [*doc.pop("nodes"), *doc.pop("edges"), doc]
    size = containers = values = 0
    for part in parts:
        compact = json.dumps(part, ensure_ascii=False, allow_nan=False).encode("utf-8")
        items = compact.count(b",") + compact.count(b"[") + compact.count(b"{")
        size += len(compact) + items * _INDENT_PER_ITEM
        part_containers, part_values = safejson.budget_counts(compact)
        containers += part_containers
        values += part_values + 1
    size += 1024
    if size > MAX_FILE_BYTES:
        size = len(codec.dumps(roadmap))
    if size > MAX_FILE_BYTES:
        raise FileFormatError(f"the plan it makes would be {size / 2**20:.1f} MiB when saved "
                              f"(the limit is {MAX_FILE_BYTES / 2**20:.0f} MiB)")
    if containers > MAX_CONTAINERS or values > MAX_VALUES:
        raise FileFormatError("the plan it makes could not be opened again once saved "
                              f"({containers:,} objects and lists, {values:,} values; the limits are "
                              f"{MAX_CONTAINERS:,} and {MAX_VALUES:,})")
