"""Level of detail: what a card shows at which zoom.

The painter's transform decides (QStyleOptionGraphicsItem.levelOfDetailFromTransform),
so a view, the mini-map and an offscreen export all get the detail that is
legible at their scale. Below OVERVIEW_BELOW the view also swaps the card
items for one batched overview item (see RoadmapScene.set_overview), which
keeps a zoomed-out frame of 10k nodes to a handful of fill calls.
"""

from __future__ import annotations

from enum import IntEnum

FULL_FROM = 0.6  # glyph, kind label, badge, two title lines, footer
OVERVIEW_BELOW = 0.35  # below this the compact title (21 px) is under ~7 px on screen


class Detail(IntEnum):
    OVERVIEW = 0
    COMPACT = 1  # a big title, status as a colour bar; no footer, no badge
    FULL = 2


def detail_for(lod: float) -> Detail:
    if lod >= FULL_FROM:
        return Detail.FULL
    if lod >= OVERVIEW_BELOW:
        return Detail.COMPACT
    return Detail.OVERVIEW
