"""The journey at a glance: the built-in roadmap fits a landscape screen, its edges go around cards."""

from __future__ import annotations

from itertools import pairwise

import pytest

from roadmap_app.graph.journey import MAX_ASPECT, partition
from roadmap_app.graph.layout import METRICS, compute_layout, layout
from roadmap_app.graph.routing import CardIndex, crosses, route, sides
from roadmap_app.model import LayoutDirection, Position
from roadmap_app.templates import load_template, template_ids

W, H = METRICS.card_width, METRICS.card_height


def bbox(positions):
    xs = [x for x, _y in positions.values()]
    ys = [y for _x, y in positions.values()]
    return max(xs) + W - min(xs), max(ys) + H - min(ys)


def crossing_edges(roadmap, positions) -> list[tuple[str, str]]:
    rects = {k: (x, y, W, H) for k, (x, y) in positions.items()}
    index = CardIndex(rects)
    bad = []
    for edge in roadmap.edges:
        ends = (edge.source, edge.target)
        pieces = route(rects[edge.source], rects[edge.target], index, ends)
        if crosses(pieces, index, ends, samples=64):
            bad.append(ends)
    return bad


def test_built_in_roadmap_fits_a_landscape_screen():
    roadmap = load_template("ml-architect")
    assert roadmap.layout_direction is LayoutDirection.LEFT_TO_RIGHT
    width, height = bbox(layout(roadmap, respect_positions=False))
    assert width / height <= MAX_ASPECT
    one_line_w, one_line_h = bbox(layout(roadmap, respect_positions=False, wrap=False))
    assert one_line_w / one_line_h > MAX_ASPECT  # what the cut into lines fixed


@pytest.mark.parametrize("template", template_ids())
@pytest.mark.parametrize("direction", list(LayoutDirection))
def test_no_edge_of_a_built_in_roadmap_passes_through_another_card(template, direction):
    roadmap = load_template(template)
    positions = layout(roadmap, respect_positions=False, direction=direction)
    # Without routing many would: the count is worth something.
    rects = {k: (x, y, W, H) for k, (x, y) in positions.items()}
    index = CardIndex(rects)
    plain = [e for e in roadmap.edges
             if crosses(route(rects[e.source], rects[e.target], None), index, (e.source, e.target), 64)]
    assert plain
    assert crossing_edges(roadmap, positions) == []


def test_top_to_bottom_stacks_one_stage_per_line():
    roadmap = load_template("ml-architect")
    positions = layout(roadmap, respect_positions=False, direction=LayoutDirection.TOP_TO_BOTTOM)
    main = [s for s in roadmap.stage_order() if s != "Continuous learning"]
    spans = {}
    for node in roadmap.nodes:
        if node.stage in main:
            y = positions[node.id][1]
            lo, hi = spans.get(node.stage, (y, y + H))
            spans[node.stage] = (min(lo, y), max(hi, y + H))
    ordered = [spans[s] for s in main if s in spans]
    for (_a0, a1), (b0, _b1) in pairwise(ordered):
        assert a1 < b0  # each stage below the one before


def test_saved_direction_is_the_default_and_a_parameter_overrides_it():
    roadmap = load_template("swe-to-mle")
    tb = roadmap.model_copy(update={"layout_direction": LayoutDirection.TOP_TO_BOTTOM})
    assert layout(tb, respect_positions=False) == layout(
        roadmap, respect_positions=False, direction=LayoutDirection.TOP_TO_BOTTOM
    )
    assert layout(tb, respect_positions=False) != layout(roadmap, respect_positions=False)


def test_wrapped_layout_keeps_fixed_cards_and_avoids_them():
    roadmap = load_template("ml-architect")
    free = layout(roadmap, respect_positions=False)
    pinned = roadmap.nodes[5].id
    x, y = free[roadmap.nodes[9].id]  # pin one card onto another's laid-out spot
    nodes = [n.model_copy(update={"position": Position(x=x, y=y)}) if n.id == pinned else n
             for n in roadmap.nodes]
    moved = roadmap.model_copy(update={"nodes": nodes})
    positions = compute_layout(moved).positions
    assert positions[pinned] == (x, y)
    for nid, (px, py) in positions.items():
        if nid != pinned:
            assert not (px < x + W and x < px + W and py < y + H and y < py + H), nid


def test_partition_minimises_the_widest_line():
    assert partition([3, 1, 1, 1, 3], 2) in ([[0, 1], [2, 3, 4]], [[0, 1, 2], [3, 4]])
    assert partition([5, 5, 5], 3) == [[0], [1], [2]]
    assert partition([1, 2], 5) == [[0], [1]]


def test_edges_leave_by_the_side_facing_the_target():
    a = (0.0, 0.0, W, H)
    assert sides(a, (400.0, 0.0, W, H)) == "right"
    assert sides(a, (0.0, 300.0, W, H)) == "down"
    assert sides(a, (0.0, -300.0, W, H)) == "up"
    assert sides(a, (-400.0, 0.0, W, H)) == "left"



def test_the_most_stages_a_file_may_have_are_cut_into_lines():
    from roadmap_app.graph.journey import StageSpan, choose_lines

    spans = [StageSpan(k * 264.0, (k + 1) * 264.0, 60.0, 60.0 + 84 * (1 + k % 5)) for k in range(200)]
    lines = choose_lines(spans, 124.0, lambda _w: 0.0)  # O(n^2 log) now, was O(n^4)
    assert sorted(k for line in lines.lines for k in line) == list(range(200))
    assert lines.width <= MAX_ASPECT * lines.height


def test_a_pile_of_overlapping_cards_gets_plain_curves_without_a_search():
    import random

    from roadmap_app.graph import routing

    rng = random.Random(3)
    rects = {f"n{i}": (rng.uniform(0, 900), rng.uniform(0, 600), W, H) for i in range(400)}
    index = CardIndex(rects)
    ids = list(rects)
    searched = []
    original = routing._search
    routing._search = lambda *args: searched.append(args) or original(*args)
    try:
        for k in range(50):
            a, b = ids[k], ids[-1 - k]
            pieces = route(rects[a], rects[b], index, (a, b))
            assert len(pieces) == 1  # the plain curve: more than MAX_OBSTACLES cards in the way
    finally:
        routing._search = original
    assert searched  # it did try, and gave up at once


def test_top_to_bottom_puts_prerequisites_above_within_a_stage():
    roadmap = load_template("ml-architect")
    positions = layout(roadmap, respect_positions=False, direction=LayoutDirection.TOP_TO_BOTTOM)
    stage = {n.id: n.stage for n in roadmap.nodes}
    same = [e for e in roadmap.edges if e.kind.is_ordering and stage[e.source] == stage[e.target]]
    assert same
    for e in same:
        assert positions[e.source][1] + H <= positions[e.target][1], (e.source, e.target)


def test_a_curve_that_clips_a_card_corner_by_a_hair_is_routed_around_it():
    """Samples 10 units apart can step over a corner the curve clips by under a unit (ds-to-llm's
    'Language models in code' -> 'Generative AI' did): such an edge still goes around."""
    src, tgt = (824.0, 323.4, W, H), (1352.0, 246.6, W, H)
    rects = {"s": src, "t": tgt, "corner": (1088.0, 359.1, W, H)}
    index = CardIndex(rects)
    plain = route(src, tgt, None)
    assert crosses(plain, index, ("s", "t"), samples=256)  # the plain curve does clip it
    assert not crosses(route(src, tgt, index, ("s", "t")), index, ("s", "t"), samples=256)
