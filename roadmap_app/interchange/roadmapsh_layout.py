"""What a roadmap.sh page says by where things are drawn: which topic a card belongs to, and the order.

Many roadmap.sh files link their topics with drawn lines and arrow labels instead of
edges, and list each topic's to-dos in a column under it; some carry only stale
edges to nodes that no longer exist. So:

- Cards drawn touching each other form a block (a topic's subtopics, often with an
  edge to only one of them). A subtopic or to-do belongs to the topic an edge joins
  it to; else to the topic its block is joined to; else to the nearest topic above the
  block in its own column (their boxes overlap left to right: the AI & Data
  Scientist page lists ten to-dos under "Statistics", the last one nearer to
  another topic than to its own); else to the topic whose box is nearest in 2D
  (containment first). All of it in bounded time per card (nearest.NearestBoxes,
  and at most MAX_COLUMN_LOOKS topics looked at upwards).
- Labels that are only a number ("1", "2", ...) drawn beside topics number the
  steps of the page; consecutive numbers become prerequisites between those topics.
- Resource buttons (a course, a book, an article, each with its link) are drawn
  under the card they belong to: each goes to the nearest card above it in its
  column, or to a card whose box it touches.
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from typing import Any

from .nearest import NearestBoxes

MAX_COLUMN_LOOKS = 64
MAX_NEIGHBOUR_LOOKS = 64
TOUCH = 12.0  # cards this close are drawn as one block
MAX_STEP = 999
STEP_REACH = 80.0  # how far from a topic's box a number label may sit to number it


def _box(node: dict[str, Any]) -> tuple[float, float, float, float]:
    return node["_x"], node["_y"], node["_w"], node["_h"]


class TopicIndex:
    """Topics by height (for the column rule) and in a grid (for the nearest box)."""

    def __init__(self, topics: list[dict[str, Any]]) -> None:
        self.topics = sorted(topics, key=lambda t: (t["_y"], t["_x"], t["id"]))
        self.tops = [t["_y"] for t in self.topics]
        self.grid = NearestBoxes([(t["id"], *_box(t)) for t in self.topics])

    def above_in_column(self, node: dict[str, Any]) -> str | None:
        """The nearest topic whose top is at or above the card's and that overlaps it left to right."""
        x, y, w, _h = _box(node)
        at = bisect.bisect_right(self.tops, y)
        for index in range(at - 1, max(-1, at - 1 - MAX_COLUMN_LOOKS), -1):
            tx, _ty, tw, _th = _box(self.topics[index])
            if tx < x + max(w, 1.0) and x < tx + max(tw, 1.0):
                return self.topics[index]["id"]
        return None

    def nearest(self, x: float, y: float) -> str | None:
        return self.grid.nearest(x, y)


def parent_topics(
    nodes: dict[str, dict[str, Any]], types: dict[str, str], links: dict[str, list[str]]
) -> dict[str, str]:
    """node id -> the topic it belongs to, for every node that is not a topic (when there are topics).

    Cards drawn touching each other form a group (roadmap.sh draws a topic's subtopics
    as a tight block, often with an edge to only one of them): a card no edge joins to a
    topic takes its group's topic; a group with none is placed by its bounding box.
    """
    topics = [n for n in nodes.values() if types[n["id"]] == "topic"]
    if not topics:
        return {}
    index = TopicIndex(topics)
    cards = [n for n in nodes.values() if types[n["id"]] != "topic"]
    linked = {
        n["id"]: topic for n in cards
        if (topic := next((o for o in links.get(n["id"], ()) if types.get(o) == "topic"), None))
    }
    parents: dict[str, str] = {}
    for group in _touching_groups(cards):
        votes = Counter(linked[n["id"]] for n in group if n["id"] in linked)
        if votes:
            shared = votes.most_common(1)[0][0]
        else:
            box = _bounds(group)
            shared = index.above_in_column(box)
            if shared is None:
                shared = index.nearest(box["_x"] + box["_w"] / 2, box["_y"] + box["_h"] / 2)
        for node in group:
            parents[node["id"]] = linked.get(node["id"], shared)
    return parents


def _bounds(group: list[dict[str, Any]]) -> dict[str, float]:
    left = min(n["_x"] for n in group)
    top = min(n["_y"] for n in group)
    right = max(n["_x"] + n["_w"] for n in group)
    bottom = max(n["_y"] + n["_h"] for n in group)
    return {"_x": left, "_y": top, "_w": right - left, "_h": bottom - top}


def _touching_groups(cards: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Cards whose boxes come within TOUCH of each other, grouped (union-find over a grid).

    Each card compares itself with at most MAX_NEIGHBOUR_LOOKS cards of the nine grid
    cells around it, so a pile of cards on one spot stays linear.
    """
    if not cards:
        return []
    sizes = sorted(max(n["_w"], n["_h"]) for n in cards)
    cell = max(sizes[len(sizes) // 2], 1.0) + TOUCH
    grid: dict[tuple[int, int], list[int]] = {}
    for i, node in enumerate(cards):
        grid.setdefault((math.floor(node["_x"] / cell), math.floor(node["_y"] / cell)), []).append(i)
    parent = list(range(len(cards)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, node in enumerate(cards):
        cx, cy = math.floor(node["_x"] / cell), math.floor(node["_y"] / cell)
        looks = 0
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for j in grid.get((cx + dx, cy + dy), ()):
                    if j <= i or looks >= MAX_NEIGHBOUR_LOOKS:
                        continue
                    looks += 1
                    if _touch(node, cards[j]):
                        parent[root(j)] = root(i)
    groups: dict[int, list[dict[str, Any]]] = {}
    for i, node in enumerate(cards):
        groups.setdefault(root(i), []).append(node)
    return list(groups.values())


def _touch(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return (a["_x"] - TOUCH < b["_x"] + b["_w"] and b["_x"] - TOUCH < a["_x"] + a["_w"]
            and a["_y"] - TOUCH < b["_y"] + b["_h"] and b["_y"] - TOUCH < a["_y"] + a["_h"])


def owner_cards(
    buttons: list[tuple[float, float, float, float]], nodes: dict[str, dict[str, Any]]
) -> list[str | None]:
    """For each button box (x, y, w, h): the card it is drawn under, or None."""
    if not nodes:
        return [None] * len(buttons)
    index = TopicIndex(list(nodes.values()))
    owners: list[str | None] = []
    for x, y, w, h in buttons:
        owner = index.above_in_column({"_x": x, "_y": y, "_w": w, "_h": h})
        if owner is None:
            near = index.nearest(x + w / 2, y + h / 2)
            owner = near if near is not None and index.grid.distance_to(near, x + w / 2, y + h / 2) \
                <= STEP_REACH else None
        owners.append(owner)
    return owners


def step_number(label: str) -> int | None:
    text = label.strip()
    if not text.isascii() or not text.isdigit() or len(text) > 3:
        return None
    number = int(text)
    return number if 0 < number <= MAX_STEP else None


def numbered_steps(
    labels: list[tuple[int, float, float, float, float]], nodes: dict[str, dict[str, Any]],
    types: dict[str, str],
) -> list[str]:
    """Topic ids in the order of the number labels drawn beside them (one topic per number)."""
    topics = [n for n in nodes.values() if types[n["id"]] == "topic"]
    if len(topics) < 2 or len(labels) < 2:
        return []
    grid = NearestBoxes([(t["id"], *_box(t)) for t in topics])
    numbered: dict[int, str] = {}
    taken: set[str] = set()
    for number, x, y, w, h in sorted(labels):
        cx, cy = x + w / 2, y + h / 2
        topic = grid.nearest(cx, cy)
        node = nodes[topic]
        if number in numbered or topic in taken:
            continue
        tx, ty, tw, th = _box(node)
        gap_x = max(tx - cx, 0.0, cx - (tx + tw))
        gap_y = max(ty - cy, 0.0, cy - (ty + th))
        if max(gap_x, gap_y) <= STEP_REACH:
            numbered[number] = topic
            taken.add(topic)
    return [numbered[n] for n in sorted(numbered)] if len(numbered) >= 2 else []
