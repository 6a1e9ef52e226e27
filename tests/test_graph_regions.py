"""Stage regions: every stage's band holds its own cards, for laid-out and free-form positions."""

from __future__ import annotations

import random

from roadmap_app.graph.layout import METRICS, layout
from roadmap_app.graph.regions import HEADER, stage_regions
from roadmap_app.templates import load_template

W, H = METRICS.card_width, METRICS.card_height


def rects_of(positions):
    return {nid: (x, y, W, H) for nid, (x, y) in positions.items()}


def assert_regions_hold_their_cards(regions, stage_of, rects):
    by_stage = {r.stage: r for r in regions}
    assert len(by_stage) == len(regions), "one region per stage"
    for r in regions:
        assert r.width > 0 and r.height > HEADER, r
    for nid, rect in rects.items():
        region = by_stage[stage_of[nid]]
        assert region.covers(rect), f"{nid} at {rect} lies outside its stage's band {region}"


def test_interleaved_free_form_stages_get_positive_regions_holding_their_cards():
    # Three stages whose cards alternate along one row and spread over two:
    # a column-per-stage band would be negative or would hold other stages' cards.
    stage_of, rects = {}, {}
    for i in range(12):
        nid = f"n{i}"
        stage_of[nid] = ["Education", "ML roles", "Leadership"][i % 3]
        rects[nid] = (i * 230.0, (i % 2) * 300.0, W, H)
    regions = stage_regions(["Education", "ML roles", "Leadership"], stage_of, rects)
    assert [r.stage for r in regions] == ["Education", "ML roles", "Leadership"]
    assert_regions_hold_their_cards(regions, stage_of, rects)


def test_random_free_form_positions_always_hold_their_cards():
    rng = random.Random(7)
    stages = ["A", "B", "C", "D", "Continuous learning"]
    for _ in range(50):
        stage_of = {f"n{i}": rng.choice(stages) for i in range(rng.randint(1, 30))}
        rects = {nid: (rng.uniform(-2000, 2000), rng.uniform(-900, 900), W, H) for nid in stage_of}
        regions = stage_regions(stages, stage_of, rects, {"Continuous learning"})
        assert_regions_hold_their_cards(regions, stage_of, rects)


def test_laid_out_stages_on_one_line_share_top_and_bottom_and_do_not_overlap():
    roadmap = load_template("ml-architect")
    positions = layout(roadmap, respect_positions=False)
    stage_of = {n.id: n.stage for n in roadmap.nodes}
    rects = rects_of(positions)
    regions = stage_regions(roadmap.stage_order(), stage_of, rects, {"Continuous learning"})
    assert_regions_hold_their_cards(regions, stage_of, rects)
    for i, a in enumerate(regions):
        for b in regions[i + 1 :]:
            overlap_x = min(a.x1, b.x1) - max(a.x0, b.x0)
            overlap_y = min(a.y1, b.y1) - max(a.y0, b.y0)
            assert overlap_x <= 0.5 or overlap_y <= 0.5, f"{a.stage} overlaps {b.stage}"
    practice = next(r for r in regions if r.continuous)
    assert practice.width == max(r.x1 for r in regions) - min(r.x0 for r in regions)


def test_free_spot_keeps_the_gap_and_stays_near():
    from roadmap_app.graph.regions import MIN_GAP, free_spot

    cards = [(x * 264.0, y * 104.0, W, H) for x in range(4) for y in range(4)]
    near = (300.0, 120.0)  # on top of the grid
    x, y = free_spot(cards, near, (W, H))
    for rx, ry, rw, rh in cards:
        apart_x = x >= rx + rw + MIN_GAP or rx >= x + W + MIN_GAP
        assert apart_x or y >= ry + rh + MIN_GAP or ry >= y + H + MIN_GAP
    assert abs(x - near[0]) + abs(y - near[1]) < 4 * 264
    assert free_spot([], near, (W, H)) == near
