"""The planning benchmark row runs (smoke size) and compares with the previous scheduler.

No time is asserted here (the machine is shared); the ratio lives in `make bench`.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # benchmarks/ is a top-level folder, not part of the package
    sys.path.insert(0, str(REPO))

from benchmarks import planning_bench, reference_schedule  # noqa: E402
from roadmap_app.planning import schedule  # noqa: E402


def test_the_row_compares_the_career_scheduler_with_the_previous_one():
    rows = planning_bench.measure(smoke=True)
    assert len(rows) == 1
    row = rows[0]
    assert row.value > 0 and "previous scheduler" in row.reference and "x previous" in row.note


def test_the_benchmark_plan_has_groups_durations_and_practices_and_both_plan_it_all():
    roadmap = planning_bench.career_plan(300)
    assert any(e.group for e in roadmap.edges)
    assert any(n.is_duration for n in roadmap.nodes) and any(n.learned_in for n in roadmap.nodes)
    ours = schedule(roadmap, start=planning_bench.START, today=planning_bench.START)
    before = reference_schedule.schedule(roadmap, start=planning_bench.START, today=planning_bench.START)
    assert {e.lane for e in ours.entries} == {"study", "duration", "practice"}
    # Same work: the previous scheduler plans every open node, ours every open node on the route.
    assert len(ours.entries) >= 0.9 * len(before.entries)
