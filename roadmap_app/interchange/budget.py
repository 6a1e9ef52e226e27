"""The plan limits checked early: counts taken right after parsing, before any model object.

An import whose plan would break a limit of the plan it makes (nodes, edges,
resources, bytes when saved) was found only after converting every card: 2,500
canvas cards of 100 links each took about 2.8 s of processor time to be refused. The
importers count what they are about to build here first, with the same message as
the final check (finish.check_savable), which stays the guarantee.

Every count is a lower bound of what conversion makes: a file refused here would have
been refused after conversion too, so no file that imports today is turned away.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model.roadmap import MAX_EDGES, MAX_NODES
from ..model.text import MAX_TEXT, MAX_URL
from ..storage.errors import FileFormatError
from ..storage.limits import MAX_FILE_BYTES, MAX_IMPORTED_RESOURCES

# A card keeps at most this many resources (the importers stop adding there).
MAX_CARD_RESOURCES = 500
# The fewest bytes a saved node or resource takes besides its texts: the saved form
# writes every field, indented (measured on an empty node and on an empty resource of
# the shortest kind, less a tenth; a test keeps these below the real figures).
NODE_SAVED_BYTES = 500
RESOURCE_SAVED_BYTES = 340

_LINE_BREAKS = "\\n\\r\\x0b\\x0c\\x1c-\\x1e\\x85\\u2028\\u2029"
# A link list item that the canvas reader turns into a resource for certain: a strict
# subset of jsoncanvas._LINK_ITEM whose URL passes is_web_url and clean_url (http(s),
# a plain host name, no space, at most MAX_URL characters in all). Linear: one start
# per line, and each part stops at a character the next part cannot take.
_SURE_LINK = re.compile(
    rf"^[ \t]*[-*+][ \t]+\[[^\]\\{_LINE_BREAKS}]*(?:\\[^{_LINE_BREAKS}][^\]\\{_LINE_BREAKS}]*)*\]"
    rf"\(((?i:https?)://[A-Za-z0-9][-A-Za-z0-9.]{{0,253}}(?:[/?#][^\s)]{{0,{MAX_URL - 263}}})?)\)[ \t]*$",
    re.MULTILINE,
)

_LETTER = re.compile(r"[^\W_]")


def refuse_over_limits(*, nodes: int = 0, edges: int = 0, resources: int = 0,
                       saved_bytes: int = 0) -> None:
    """One line, in the words of the final check, for the first limit the plan would break."""
    for count, limit, what in ((nodes, MAX_NODES, "nodes"), (edges, MAX_EDGES, "edges"),
                               (resources, MAX_IMPORTED_RESOURCES, "resources")):
        if count > limit:
            raise FileFormatError(f"the plan it makes would have {count:,} {what} (the limit is {limit:,})")
    if saved_bytes > MAX_FILE_BYTES:
        raise FileFormatError(f"the plan it makes would be at least {saved_bytes / 2**20:.1f} MiB when "
                              f"saved (the limit is {MAX_FILE_BYTES / 2**20:.0f} MiB)")


def saved_bytes(nodes: int, resources: int, text_chars: int) -> int:
    """The fewest bytes a plan of this many nodes and resources, holding these texts, saves to."""
    return nodes * NODE_SAVED_BYTES + resources * RESOURCE_SAVED_BYTES + text_chars


class CardLinks:
    """The resources a Markdown card surely makes, and the URL characters they keep."""

    __slots__ = ("count", "url_chars")

    def __init__(self, text: str) -> None:
        self.count = self.url_chars = 0
        # Most cards have no link at all: the pattern is then skipped.
        if "](" not in text:
            return
        cut = len(text) > MAX_TEXT  # the reader keeps the first MAX_TEXT characters
        text = text[:MAX_TEXT] if cut else text
        first = _SURE_LINK.search(text)
        if first is None:
            return
        urls = _SURE_LINK.findall(text, first.start())
        # The first non-blank line is the card's title, never a resource: a link line is
        # counted only after a letter or digit (text cleaning keeps those, so that line
        # is not blank). A line cut at MAX_TEXT may read differently once cleaned.
        titled = _LETTER.search(text, 0, first.start()) is not None
        urls = urls[0 if titled else 1:len(urls) - cut][:MAX_CARD_RESOURCES]
        self.count, self.url_chars = len(urls), sum(map(len, urls))


def distinct_pairs(pairs: Iterable[tuple[str, str]], ends: set[str] | dict) -> int:
    """Edges between two different known ends, a pair counted once whatever its direction."""
    return len({(a, b) if a < b else (b, a) for a, b in pairs if a != b and a in ends and b in ends})
