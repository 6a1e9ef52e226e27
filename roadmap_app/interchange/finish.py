"""The last checks of every import: the plan it makes must be one we can save and load.

2,500 canvas cards with 100 links each made 250,000 resources: the import went
through, then every save and autosave failed, naming the plan instead of the file
it came from. These checks run before a plan is created, so such a file is refused
with one line about the file being imported (the CLI and the window put its name
in front).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..model import Roadmap
from ..storage import codec, safejson
from ..storage.errors import FileFormatError
from ..storage.limits import MAX_FILE_BYTES, MAX_IMPORTED_RESOURCES


def check_resource_budget(nodes: Iterable[dict[str, Any]]) -> None:
    """Refuse an import with more resources in all than a plan can carry (before validation)."""
    total = sum(len(n.get("resources") or ()) for n in nodes if isinstance(n, dict))
    if total > MAX_IMPORTED_RESOURCES:
        raise FileFormatError(f"the plan it makes would have {total:,} resources "
                              f"(the limit is {MAX_IMPORTED_RESOURCES:,})")


def check_savable(roadmap: Roadmap) -> None:
    """Refuse a result whose saved file would be too large, or over the JSON budget to load back."""
    check_resource_budget({"resources": n.resources} for n in roadmap.nodes)
    data = codec.dumps(roadmap)
    if len(data) > MAX_FILE_BYTES:
        raise FileFormatError(f"the plan it makes would be {len(data) / 2**20:.1f} MiB when saved "
                              f"(the limit is {MAX_FILE_BYTES / 2**20:.0f} MiB)")
    try:
        safejson.check_budget(data)
    except FileFormatError as exc:
        raise FileFormatError(f"the plan it makes could not be opened again once saved ({exc})") from None
