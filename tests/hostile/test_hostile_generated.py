"""Hostile inputs made at test time, one or more for each way an import could hang or balloon.

Each case runs the CLI in a child process with a 1.5 GB address-space cap and a hard
timeout (limited.py), and must end with a clear one-line error and exit 1, or be
accepted (exit 0) with at most warnings, within MAX_SECONDS of processor time. Files are written into
a temporary folder: nothing large is committed.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from limited import GIB, run_limited

from roadmap_app.safety import is_web_url
from roadmap_app.storage import loads

MAX_SECONDS = 5.0
# The child may use up to 1.5 GB (RLIMIT_AS, virtual); every case today peaks far lower
# (about 230 MB resident at most), so a case that starts ballooning fails here first.
MAX_PEAK = 600 * 1024**2
SIXTY_MB = 60 * 1024 * 1024


def _canvas(nodes: list[dict], edges: list[dict] | None = None) -> bytes:
    return json.dumps({"nodes": nodes, "edges": edges or []}).encode()


def _card(i: int, text: str, **extra) -> dict:
    return {"id": f"c{i}", "type": "text", "text": text, "x": (i % 100) * 300, "y": (i // 100) * 150,
            "width": 250, "height": 60, **extra}


def _nest(head: bytes, tail: bytes, size: int) -> bytes:
    """`head` + empty lists nested 40 deep, repeated to `size` bytes, + `tail`: few commas, many lists."""
    chain = b"[" * 40 + b"]" * 40
    count = (size - len(head) - len(tail)) // (len(chain) + 1)
    return head + b",".join([chain] * count) + tail


def roadmapsh_equal_long_labels(tmp: Path) -> Path:
    label = "L" * 300
    doc = {"nodes": [{"id": f"t{i}", "type": "topic", "data": {"label": label},
                      "position": {"x": 0, "y": 100 * i}} for i in range(3)], "edges": []}
    path = tmp / "equal-long-labels.json"
    path.write_text(json.dumps(doc))
    return path


def canvas_many_brackets(tmp: Path) -> Path:
    path = tmp / "brackets.canvas"
    path.write_bytes(_canvas([_card(0, "[" * 50_000)]))
    return path


def canvas_star_a(tmp: Path) -> Path:
    path = tmp / "star-a.canvas"
    path.write_bytes(_canvas([_card(0, " *a" * 16_000), _card(1, "**a " * 12_000)]))
    return path


def canvas_image_links(tmp: Path) -> Path:
    path = tmp / "image-links.canvas"
    path.write_bytes(_canvas([_card(0, "![" * 24_000 + "](")]))
    return path


def roadmap_nested_containers(tmp: Path) -> Path:
    head = b'{"format": "roadmap-planner", "schema_version": 2, "roadmap": {"id": "a", "title": "b"}, "x": ['
    path = tmp / "nested-60mb.roadmap"
    path.write_bytes(_nest(head, b"]}", SIXTY_MB))
    return path


def canvas_nested_containers(tmp: Path) -> Path:
    path = tmp / "nested-60mb.canvas"
    path.write_bytes(_nest(b'{"nodes": [], "edges": [], "x": [', b"]}", SIXTY_MB))
    return path


def roadmapsh_nested_objects(tmp: Path) -> Path:
    path = tmp / "nested-objects.json"
    chain = b'{"a":' * 40 + b"{}" + b"}" * 40
    count = SIXTY_MB // 2 // (len(chain) + 1)
    path.write_bytes(b'{"nodes": [], "x": [' + b",".join([chain] * count) + b"]}")
    return path


def canvas_unsavable(tmp: Path) -> Path:
    links = "\n".join(f"- [Link {k}](https://example.org/{k}/a-long-path)" for k in range(100))
    path = tmp / "links-2500x100.canvas"
    path.write_bytes(_canvas([_card(i, f"Card {i}\n{links}") for i in range(2_500)]))
    return path


def canvas_too_many_nodes(tmp: Path) -> Path:
    """One card more than a plan holds, each with a link to convert: refused before that."""
    path = tmp / "too-many-cards.canvas"
    cards = [_card(i, f"Card {i}\n- [Doc](https://example.org/{i})") for i in range(20_001)]
    path.write_bytes(_canvas(cards))
    return path


def canvas_too_many_edges(tmp: Path) -> Path:
    """500 cards joined by 100,001 different pairs (a plan holds 100,000 edges)."""
    pairs = [(a, b) for a in range(500) for b in range(a + 1, 500)][:100_001]
    edges = [{"id": f"e{k}", "fromNode": f"c{a}", "toNode": f"c{b}"} for k, (a, b) in enumerate(pairs)]
    path = tmp / "too-many-edges.canvas"
    path.write_bytes(_canvas([_card(i, f"Card {i}") for i in range(500)], edges))
    return path


def roadmapsh_too_many_nodes(tmp: Path) -> Path:
    nodes = [{"id": f"t{i}", "type": "topic" if i % 2 else "subtopic", "data": {"label": f"Topic {i}"},
              "position": {"x": (i % 100) * 300, "y": (i // 100) * 100}} for i in range(20_001)]
    path = tmp / "too-many-topics.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": []}))
    return path


BAD_URLS = ("javascript:alert(1)", "file:///etc/passwd", "data:text/html,<b>x</b>", "vbscript:msgbox(1)")


def canvas_dangerous_links(tmp: Path) -> Path:
    nodes = [_card(0, "Card")]
    edges = []
    for i, url in enumerate(BAD_URLS):
        nodes.append({"id": f"l{i}", "type": "link", "url": url, "x": 0, "y": 200 * (i + 1),
                      "width": 250, "height": 60})
        if i % 2:
            edges.append({"id": f"e{i}", "fromNode": "c0", "toNode": f"l{i}"})
    path = tmp / "dangerous-links.canvas"
    path.write_bytes(_canvas(nodes, edges))
    return path


def roadmapsh_big(tmp: Path) -> Path:
    nodes = []
    for i in range(10_000):
        nodes.append({"id": f"t{i}", "type": "topic", "data": {"label": f"Topic {i}"},
                      "position": {"x": (i % 50) * 400, "y": (i // 50) * 300}, "width": 200, "height": 50})
        nodes.append({"id": f"s{i}", "type": "subtopic", "data": {"label": f"Sub {i}"},
                      "position": {"x": (i % 50) * 400 + 210, "y": (i // 50) * 300 + 120},
                      "width": 150, "height": 40})
    path = tmp / "big.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": []}))
    return path


def roadmapsh_one_row(tmp: Path) -> Path:
    """Every topic on one line and every to-do far away from all of them: the worst case
    for finding a card's topic (no column holds it, no grid cell near it holds a topic)."""
    nodes = []
    for i in range(8_000):
        nodes.append({"id": f"t{i}", "type": "topic", "data": {"label": f"Topic {i}"},
                      "position": {"x": i * 300, "y": 0}, "width": 200, "height": 50})
        nodes.append({"id": f"d{i}", "type": "todo", "data": {"label": f"To-do {i}"},
                      "position": {"x": -1e6 - i * 300, "y": 9e5}, "width": 150, "height": 40})
        nodes.append({"id": f"n{i}", "type": "label", "data": {"label": str(i % 999 + 1)},
                      "position": {"x": i * 300 - 30, "y": 5}, "width": 24, "height": 36})
    path = tmp / "one-row.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": []}))
    return path


def roadmapsh_pile(tmp: Path) -> Path:
    """Ten thousand subtopics on one spot: one block, every card touching every other."""
    nodes = [{"id": "t", "type": "topic", "data": {"label": "Topic"}, "position": {"x": 0, "y": 0},
              "width": 200, "height": 50}]
    nodes += [{"id": f"s{i}", "type": "subtopic", "data": {"label": f"Sub {i}"},
               "position": {"x": 300, "y": 300}, "width": 150, "height": 40} for i in range(10_000)]
    path = tmp / "pile.json"
    path.write_text(json.dumps({"nodes": nodes, "edges": []}))
    return path


def canvas_20k(tmp: Path) -> Path:
    path = tmp / "twenty-thousand.canvas"
    path.write_bytes(_canvas([_card(i, f"Card {i}\nSome text") for i in range(20_000)]))
    return path


def graphml_huge_number(tmp: Path) -> Path:
    path = tmp / "huge-number.graphml"
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">'
        '<key id="x" for="node" attr.name="x" attr.type="long"/>'
        '<key id="y" for="node" attr.name="y" attr.type="long"/>'
        '<key id="t" for="node" attr.name="title" attr.type="string"/>'
        '<graph edgedefault="directed"><node id="a"><data key="t">A</data>'
        f'<data key="x">1{"0" * 400}</data><data key="y">0</data></node></graph></graphml>')
    return path


def roadmap_backtracking_text(tmp: Path) -> Path:
    doc = {"format": "roadmap-planner", "schema_version": 2, "roadmap": {
        "id": "a", "title": "[" * 300, "description": " *a" * 16_000,
        "nodes": [{"id": "n", "title": "![" * 150, "description": "[" * 50_000}]}}
    path = tmp / "text.roadmap"
    path.write_text(json.dumps(doc))
    return path


CONVERT = ["convert", "{file}", "-o", "{tmp}/out.roadmap"]
# (builder, argv, exit, message in the one stderr line (exit 1) or in stdout (exit 0))
CASES: dict[str, tuple[Callable[[Path], Path], list[str], int, str]] = {
    "roadmapsh-stage-name-loop": (roadmapsh_equal_long_labels, CONVERT, 0, "wrote 3 nodes"),
    "canvas-50k-brackets": (canvas_many_brackets, CONVERT, 0, "wrote 1 nodes"),
    "canvas-emphasis-backtracking": (canvas_star_a, CONVERT, 0, "wrote 2 nodes"),
    "canvas-image-link-backtracking": (canvas_image_links, CONVERT, 0, "wrote 1 nodes"),
    "roadmap-60mb-nested-lists": (roadmap_nested_containers, ["validate", "{file}"], 1,
                                  "too many objects and lists"),
    "canvas-60mb-nested-lists": (canvas_nested_containers, CONVERT, 1, "too many objects and lists"),
    "roadmapsh-nested-objects": (roadmapsh_nested_objects, CONVERT, 1, "too many objects and lists"),
    "canvas-unsavable-250k-resources": (canvas_unsavable, CONVERT, 1, "250,000 resources"),
    "canvas-over-max-nodes": (canvas_too_many_nodes, CONVERT, 1,
                              "would have 20,001 nodes (the limit is 20,000)"),
    "canvas-over-max-edges": (canvas_too_many_edges, CONVERT, 1,
                              "would have 100,001 edges (the limit is 100,000)"),
    "roadmapsh-over-max-nodes": (roadmapsh_too_many_nodes, CONVERT, 1, "would have 20,001 nodes"),
    "canvas-dangerous-links": (canvas_dangerous_links, CONVERT, 0, "wrote"),
    "roadmapsh-10k-topics-10k-subtopics": (roadmapsh_big, CONVERT, 0, "wrote 20000 nodes"),
    "roadmapsh-topics-in-one-row": (roadmapsh_one_row, CONVERT, 0, "wrote 16000 nodes"),
    "roadmapsh-subtopics-in-one-pile": (roadmapsh_pile, CONVERT, 0, "wrote 10001 nodes"),
    "canvas-20k-nodes": (canvas_20k, CONVERT, 0, "wrote 20000 nodes"),
    "graphml-number-overflow": (graphml_huge_number, CONVERT, 1, "has a number with more than"),
    "roadmap-backtracking-text": (roadmap_backtracking_text, ["validate", "{file}"], 0, "ok"),
}


@pytest.mark.parametrize("name", list(CASES))
def test_generated_case(name, tmp_path):
    build, argv, expected_exit, message = CASES[name]
    path = build(tmp_path)
    args = [a.replace("{file}", str(path)).replace("{tmp}", str(tmp_path)) for a in argv]
    outcome = run_limited(args, tmp_path, memory=int(1.5 * GIB), timeout=60)
    assert "Traceback" not in outcome.err and "Error:" not in outcome.err, outcome.err[-2000:]
    assert outcome.code == expected_exit, (outcome.out, outcome.err[-2000:])
    if expected_exit:
        lines = outcome.err.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"{path}: ") and message in lines[0], lines
    else:
        assert message in outcome.out, outcome.out
        assert all(line.startswith(f"{path}: warning: ") for line in outcome.err.splitlines())
    assert outcome.seconds < MAX_SECONDS, (name, outcome.seconds, outcome.wall)
    assert outcome.peak < MAX_PEAK, (name, outcome.peak)


def test_validate_60mb_nested_containers_is_refused_fast_and_small(tmp_path):
    path = roadmap_nested_containers(tmp_path)
    outcome = run_limited(["validate", str(path)], tmp_path, memory=int(1.5 * GIB), timeout=60)
    assert outcome.code == 1 and "too many objects and lists" in outcome.err
    assert outcome.seconds < 2.0
    assert outcome.peak < 500 * 1024**2


def test_dangerous_links_are_reported_and_never_kept(tmp_path):
    path = canvas_dangerous_links(tmp_path)
    outcome = run_limited([*(a.replace("{file}", str(path)).replace("{tmp}", str(tmp_path))
                             for a in CONVERT)], tmp_path, timeout=60)
    assert outcome.code == 0
    for url in BAD_URLS:
        assert any(url in line and "not http(s)" in line for line in outcome.err.splitlines()), url
    roadmap = loads((tmp_path / "out.roadmap").read_bytes()).roadmap
    urls = [r.url for n in roadmap.nodes for r in n.resources]
    assert urls and all(is_web_url(u) for u in urls if u) and not any(urls)
