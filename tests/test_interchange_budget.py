"""The early plan-limit counts (interchange.budget): refused before conversion, and never
more than conversion makes, so no file that imports is turned away.

Every parse runs under a hard time limit, so a hang fails instead of blocking the run.
The big refused files are in tests/hostile (run in a limited child process).
"""

from __future__ import annotations

import json
import random

import pytest
from hard_limit import hard_limit as _hard_limit

from roadmap_app.interchange import budget, jsoncanvas, roadmapsh
from roadmap_app.interchange.budget import CardLinks, saved_bytes
from roadmap_app.interchange.formats import import_bytes
from roadmap_app.interchange.report import ImportReport
from roadmap_app.model.text import MAX_URL
from roadmap_app.storage import dumps
from roadmap_app.storage.errors import FileFormatError

LIMIT_S = 10


def hard_limit(seconds: int = LIMIT_S):
    return _hard_limit(seconds)


def canvas(texts: list[str], edges: list[tuple[int, int]] = ()) -> bytes:
    nodes = [{"id": f"c{i}", "type": "text", "text": t, "x": (i % 50) * 300, "y": (i // 50) * 100,
              "width": 250, "height": 60} for i, t in enumerate(texts)]
    return json.dumps({"nodes": nodes, "edges": [{"id": f"e{k}", "fromNode": f"c{a}", "toNode": f"c{b}"}
                                                  for k, (a, b) in enumerate(edges)]}).encode()


def links(count: int, start: int = 0) -> str:
    return "\n".join(f"- [Link {k}](https://example.org/{k})" for k in range(start, start + count))


LINES = [
    "- [Doc](https://example.org/a)", "* [Doc](http://EXAMPLE.org)", "+ [A \\] b](https://x.io/p?q=1#f)",
    "  - [Doc](https://example.org/b) — video, Coursera", "- [Doc](javascript:alert(1))",
    "- [Doc](file:///etc/passwd)", "- [Doc](https://a@/x)", "- [Doc](https://[::1/x)", "- [Doc](https://)",
    "- [Doc](https://example.org/a b)", "- [Doc](https://example.org/(x))", "- [](https://e.org)",
    "- [Doc](https://e.org) and more", "-[Doc](https://e.org)", "1. [Doc](https://e.org)",
    f"- [Long](https://e.org/{'x' * MAX_URL})", "# Heading", "Status: done · 3 h", "Resources:",
    "- Book title — book, Publisher", "", "   ", "\u200b", "[[Wiki]]", "> [!note] callout",
    "- [Doc](https://e.org/\u00e9)", "- [D\roc](https://e.org)", "\t- [Doc](https://tab.org)",
]


@pytest.mark.parametrize("seed", range(40))
def test_card_links_never_counts_more_than_the_reader_makes(seed):
    rng = random.Random(seed)
    lines = [rng.choice(LINES) for _ in range(rng.randrange(1, 60))]
    text = rng.choice(["", "\n", "Title\n", "\u200b\n"]) + rng.choice(["\n", "\r\n"]).join(lines)
    with hard_limit():
        made = len(jsoncanvas.parse_text_node(text, ImportReport("test"), "card")["resources"])
        counted = CardLinks(text).count
    assert counted <= made, (counted, made, text)


def test_card_links_counts_every_plain_link_list_item():
    assert CardLinks(f"Title\n{links(120)}").count == 120
    assert CardLinks(links(3)).count == 2  # the first line is the card's title
    assert CardLinks(f"Title\n{links(700)}").count == 500  # a card keeps at most 500
    assert CardLinks("Title\nno links here").count == 0


def test_over_limit_canvas_is_refused_before_any_card_is_converted(monkeypatch):
    def never(*_args, **_kwargs):
        raise AssertionError("a card was converted")

    monkeypatch.setattr(jsoncanvas, "parse_text_node", never)
    data = canvas([f"Card {i}\n{links(100)}" for i in range(1_001)])
    message = r"would have 100,100 resources \(the limit is 100,000\)"
    with hard_limit(), pytest.raises(FileFormatError, match=message):
        import_bytes(data, "many-links.canvas")


def test_too_large_to_save_is_refused_early(monkeypatch):
    monkeypatch.setattr(budget, "MAX_FILE_BYTES", 2**20)
    monkeypatch.setattr(jsoncanvas, "parse_text_node", lambda *_a, **_k: pytest.fail("a card was converted"))
    long_links = "\n".join(f"- [L](https://example.org/{k}/{'p' * 1500})" for k in range(200))
    with hard_limit(), pytest.raises(FileFormatError, match=r"would be at least [0-9.]+ MiB when saved"):
        import_bytes(canvas([f"Card {i}\n{long_links}" for i in range(3)]), "long-links.canvas")


@pytest.mark.parametrize("urls", [1, 40])
def test_saved_size_estimate_stays_below_the_saved_file(urls):
    texts = [f"C\n{links(urls, start=100 * i)}" for i in range(30)] + ["", "x"]
    with hard_limit():
        roadmap, _report = import_bytes(canvas(texts), "sizes.canvas")
    found = [CardLinks(t) for t in texts]
    resources = sum(f.count for f in found)
    assert resources == sum(len(n.resources) for n in roadmap.nodes)
    estimate = saved_bytes(len(roadmap.nodes), resources, sum(f.url_chars for f in found))
    assert estimate <= len(dumps(roadmap)) < 2 * estimate


def test_repeated_edges_count_once():
    # 120,000 edges, but only two different pairs: far below the edge limit once counted.
    edges = [(0, 1), (1, 0), (1, 2)] * 40_000
    with hard_limit():
        roadmap, report = import_bytes(canvas(["A", "B", "C"], edges), "repeated.canvas")
    assert len(roadmap.edges) == 2 and "dropped 119997 duplicate edges" in report.summary_lines()


def test_roadmapsh_over_max_edges_is_refused_before_conversion(monkeypatch):
    monkeypatch.setattr(roadmapsh, "content_index", lambda *_a: pytest.fail("the file was converted"))
    nodes = [{"id": f"t{i}", "type": "topic", "data": {"label": f"T{i}"}, "position": {"x": 0, "y": i * 60}}
             for i in range(500)]
    pairs = [(a, b) for a in range(500) for b in range(a + 1, 500)][:100_001]
    edges = [{"id": f"e{k}", "source": f"t{a}", "target": f"t{b}"} for k, (a, b) in enumerate(pairs)]
    with hard_limit(), pytest.raises(FileFormatError, match="would have 100,001 edges"):
        import_bytes(json.dumps({"nodes": nodes, "edges": edges}).encode(), "many.json")
