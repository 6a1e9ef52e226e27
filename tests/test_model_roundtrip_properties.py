"""Properties of the file format on random, fully populated roadmaps (hypothesis, no Qt):
load(save(x)) == x, and saving the same roadmap twice gives identical bytes on disk."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from roadmap_app.model import Cost, EdgeKind, NodeKind, ResourceKind, Roadmap, Status
from roadmap_app.storage import dumps, load, loads, save

# Any printable Unicode, including RTL marks, emoji and quotes; no control characters
# or lone surrogates (the model refuses those, see test_storage_properties).
TEXT = st.text(st.characters(categories=["L", "M", "N", "P", "S", "Zs"]), max_size=40)
TITLES = TEXT.filter(lambda t: t.strip())
LONG = st.text(st.characters(categories=["L", "N", "P", "S", "Zs"], include_characters="\n\t"), max_size=200)
HOURS = st.one_of(st.none(), st.floats(0, 100_000, allow_nan=False), st.integers(0, 5000))
DATES = st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31))
MOMENTS = st.datetimes(dt.datetime(1900, 1, 2), dt.datetime(2200, 12, 30), timezones=st.just(dt.UTC))
EXTRA = st.dictionaries(st.sampled_from(["x-future", "x-note"]),
                        st.one_of(st.integers(-5, 5), TEXT, st.lists(st.booleans(), max_size=3)), max_size=2)


@st.composite
def resources(draw, index: int) -> dict:
    return {
        "id": f"r{index}", "title": draw(TITLES), "url": draw(st.sampled_from(
            ["", "https://example.org/a?b=1&c=2", "http://ex.am/ple", "javascript:alert(1)"])),
        "kind": draw(st.sampled_from(list(ResourceKind))), "provider": draw(TEXT),
        "cost": draw(st.sampled_from(list(Cost))), "estimated_hours": draw(HOURS),
        "status": draw(st.sampled_from(list(Status))), "notes": draw(LONG),
        "tags": draw(st.lists(TEXT, max_size=3)), **draw(EXTRA),
    }


@st.composite
def roadmaps(draw) -> Roadmap:
    count = draw(st.integers(0, 8))
    nodes = []
    for i in range(count):
        history = sorted(draw(st.lists(st.tuples(MOMENTS, st.sampled_from(list(Status))), max_size=3)))
        nodes.append({
            "id": f"n{i}", "title": draw(TITLES), "kind": draw(st.sampled_from(list(NodeKind))),
            "stage": draw(st.sampled_from(["", "Education", "ML roles", "Continuous learning"])),
            "description": draw(LONG), "estimated_hours": draw(HOURS),
            "status": draw(st.sampled_from(list(Status))),
            "status_history": [{"at": at.isoformat(), "status": s} for at, s in history],
            "notes": draw(LONG), "target_date": draw(st.one_of(st.none(), DATES)),
            "position": draw(st.one_of(st.none(), st.fixed_dictionaries(
                {"x": st.floats(-1e7, 1e7), "y": st.floats(-1e7, 1e7)}))),
            "resources": [draw(resources(k)) for k in range(draw(st.integers(0, 2)))],
            **draw(EXTRA),
        })
    edges = []
    if count > 1:
        pairs = draw(st.sets(st.tuples(st.integers(0, count - 1), st.integers(0, count - 1)), max_size=12))
        # Ordering edges only go forward in file order, so the roadmap stays acyclic.
        edges = [{"source": f"n{min(a, b)}", "target": f"n{max(a, b)}",
                  "kind": draw(st.sampled_from(list(EdgeKind)))} for a, b in sorted(pairs) if a != b]
        edges = list({(e["source"], e["target"], e["kind"]): e for e in edges}.values())
    plan = {
        "goal": draw(st.one_of(st.none(), st.sampled_from([n["id"] for n in nodes] or [None]))),
        "hours_per_week": draw(st.floats(0.5, 168)),
        "weekday_hours": draw(st.one_of(st.none(), st.lists(st.floats(0, 24), min_size=7, max_size=7).filter(
            lambda week: sum(week) >= 0.5))),
        "start_date": draw(st.one_of(st.none(), DATES)),
    }
    return Roadmap.model_validate({
        "id": "r", "title": draw(TITLES), "description": draw(LONG), "author": draw(TEXT),
        "nodes": nodes, "edges": edges, "plan": plan, **draw(EXTRA),
    })


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(roadmaps())
def test_load_of_save_is_the_same_roadmap(roadmap):
    data = dumps(roadmap)
    assert data.endswith(b"\n")
    again = loads(data).roadmap
    assert again == roadmap
    assert dumps(again) == data  # and it serialises to the very same bytes


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(roadmap=roadmaps())
def test_saving_twice_gives_identical_bytes_on_disk(roadmap, tmp_path):
    first, second = tmp_path / "first.roadmap", tmp_path / "second.roadmap"
    save(first, roadmap)
    save(second, roadmap.model_copy(deep=True))
    assert first.read_bytes() == second.read_bytes()
    assert load(first).roadmap == roadmap
    save(first, load(first).roadmap)  # open and save again, unchanged: a clean git diff
    assert first.read_bytes() == second.read_bytes()
