"""Refusing an import whose plan would break the plan limits, before converting it.

The file is the one of issue 14: 2,500 JSON Canvas cards with 100 Markdown links each,
which would make 250,000 resources (a plan holds 100,000). It used to be refused only
after every card was converted (~2.8 s of processor time). The reference is reading the
same bytes with the JSON budget (storage.safejson.loads), which every import pays before
it looks at a card; plain json.loads is given in the note.
"""

from __future__ import annotations

import json

from roadmap_app.interchange.formats import import_bytes
from roadmap_app.storage import safejson
from roadmap_app.storage.errors import FileFormatError

from .common import Row, best_of, fmt_seconds


def _canvas(cards: int, links: int) -> bytes:
    text = "\n".join(f"- [Link {k}](https://example.org/{k}/a-long-path)" for k in range(links))
    return json.dumps({"nodes": [{"id": f"c{i}", "type": "text", "text": f"Card {i}\n{text}", "x": 0,
                                  "y": 150 * i, "width": 250, "height": 60} for i in range(cards)],
                       "edges": []}).encode()


def _refuse(data: bytes) -> None:
    try:
        import_bytes(data, "links.canvas")
    except FileFormatError as exc:
        assert "resources" in str(exc), exc
        return
    raise AssertionError("the over-limit canvas was accepted")


def measure(smoke: bool) -> list[Row]:
    cards = 1_100 if smoke else 2_500  # over 100,000 resources either way
    data = _canvas(cards, 100)
    ours = best_of(lambda: _refuse(data), repeat=3, fastest=True)
    reference = best_of(lambda: safejson.loads(data), repeat=3, fastest=True)
    plain = best_of(lambda: json.loads(data), repeat=3, fastest=True)
    ratio = ours / reference
    return [Row(f"Refuse a canvas of {cards * 100:,} link resources ({len(data) / 2**20:.1f} MiB)", ours, "s",
                f"safejson.loads {fmt_seconds(reference)}", "≤ 3x", ratio <= 3,
                f"{ratio:.2f}x ({ours / plain:.1f}x plain json.loads {fmt_seconds(plain)}); refused "
                "from counts taken before any card is converted (was ~2.8 s)")]
