"""The migration chain: every older schema_version has a fixture and a pure step."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from roadmap_app.model import SCHEMA_VERSION
from roadmap_app.storage import dumps, load, loads, migrations, open_plan, save_plan
from roadmap_app.storage.plans import migration_copy_path

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "migrations"


def test_every_older_version_has_a_step_and_a_fixture():
    assert sorted(migrations.STEPS) == list(range(1, SCHEMA_VERSION))
    for version in migrations.STEPS:
        assert (FIXTURES / f"v{version}.roadmap").is_file(), f"missing fixture for version {version}"
        assert (FIXTURES / f"v{version}.expected.json").is_file()


@pytest.mark.parametrize("version", sorted(migrations.STEPS))
def test_fixture_migrates_to_the_expected_model(version):
    expected = json.loads((FIXTURES / f"v{version}.expected.json").read_text())
    loaded = load(FIXTURES / f"v{version}.roadmap")
    assert loaded.migrated and loaded.schema_version == version
    nodes = loaded.roadmap.node_map()
    assert {k: n.status.value for k, n in nodes.items()} == expected["statuses"]
    assert {k: n.estimated_hours for k, n in nodes.items()} == expected["hours"]
    extra = expected["kept_extra"]
    assert nodes[extra["node"]].model_extra[extra["field"]] == extra["value"]
    # Migrated data saves in the current version and loads back unchanged.
    data = dumps(loaded.roadmap, envelope_extra=loaded.envelope_extra)
    again = loads(data)
    assert not again.migrated and again.roadmap == loaded.roadmap


@pytest.mark.parametrize("version", sorted(migrations.STEPS))
def test_steps_are_pure(version):
    raw = json.loads((FIXTURES / f"v{version}.roadmap").read_bytes())
    before = copy.deepcopy(raw)
    first = migrations.STEPS[version](raw)
    assert raw == before  # the input is not modified
    assert migrations.STEPS[version](copy.deepcopy(before)) == first  # same input, same output
    assert first["schema_version"] == version + 1


def test_v1_step_tolerates_odd_shapes():
    odd = {"format": "roadmap-planner", "schema_version": 1, "roadmap": {"nodes": [3, None, {"status": "x"}]}}
    out = migrations.STEPS[1](odd)
    assert out["roadmap"]["nodes"][2] == {"status": "x", "status_history": []}
    assert migrations.STEPS[1]({"schema_version": 1, "roadmap": "nope"})["schema_version"] == 2


def test_first_save_after_migration_keeps_the_original(tmp_path):
    original = (FIXTURES / "v1.roadmap").read_bytes()
    target = tmp_path / "old.roadmap"
    target.write_bytes(original)
    opened = open_plan(target)
    assert opened.ok and opened.loaded.migrated
    result = save_plan(target, opened.loaded.roadmap, loaded=opened.loaded)
    copy_path = migration_copy_path(target, 1)
    assert result.migration_copy == copy_path and copy_path.name == "old.roadmap.v1.bak"
    assert copy_path.read_bytes() == original
    assert load(target).schema_version == SCHEMA_VERSION
    # Later saves (with the new Loaded) never touch the copy again.
    opened.loaded.roadmap.title = "edited"
    result2 = save_plan(target, opened.loaded.roadmap, loaded=result.loaded)
    assert result2.migration_copy is None
    assert copy_path.read_bytes() == original
    # Even a save that still says "migrated" keeps the first copy, not the new file.
    save_plan(target, opened.loaded.roadmap, loaded=opened.loaded)
    assert copy_path.read_bytes() == original


def test_v2_roles_and_degrees_become_durations_and_routes_become_a_group():
    loaded = load(FIXTURES / "v2.roadmap")
    roadmap = loaded.roadmap
    nodes = roadmap.node_map()
    # The template's own nodes get its honest calendar lengths; the goal's 260 h stay effort.
    assert nodes["edu-bachelors"].duration_weeks == 208
    assert nodes["role-software-developer"].duration_weeks == 104
    assert nodes["role-ml-engineer"].duration_weeks == 156
    assert nodes["role-ml-architect"].duration_weeks is None
    # Skills learned in a degree or job say so, and no longer wait for it.
    assert nodes["edu-programming"].learned_in == "edu-bachelors"
    assert nodes["skill-cloud-platform"].learned_in == "role-software-developer"
    assert nodes["skill-production-ml"].learned_in == "role-ml-engineer"
    pairs = {(e.source, e.target): e for e in roadmap.edges}
    assert ("role-software-developer", "skill-cloud-platform") not in pairs
    assert ("edu-programming", "edu-bachelors") not in pairs
    # The two ML roles are one "any of" group for the lead; the ladder goes analyst -> junior.
    group = [e.source for e in roadmap.edges if e.target == "role-ml-lead" and e.group]
    assert group == ["role-ml-engineer", "role-data-scientist"]
    assert ("role-data-analyst", "role-junior-data-scientist") in pairs
    # The route the old file said by skipping becomes a choice; statuses, notes, history stay.
    assert [(c.target, c.group, c.choice) for c in roadmap.plan.route] == [
        ("role-ml-lead", "ml-role", "role-ml-engineer")]
    assert nodes["edu-programming"].notes == "my own note"
    assert nodes["role-software-developer"].status_history[0].at.year == 2025


def test_v2_role_with_huge_hours_in_any_plan_becomes_weeks_at_the_old_pace():
    raw = {"format": "roadmap-planner", "schema_version": 2, "roadmap": {
        "id": "mine", "title": "Mine", "nodes": [
            {"id": "job", "title": "Job", "kind": "role", "estimated_hours": 1040},
            {"id": "course", "title": "Course", "kind": "education", "estimated_hours": 499},
            {"id": "skill", "title": "Skill", "kind": "skill", "estimated_hours": 2000}]}}
    out = migrations.STEPS[2](raw)
    nodes = {n["id"]: n for n in out["roadmap"]["nodes"]}
    assert nodes["job"]["duration_weeks"] == 104 and nodes["job"]["estimated_hours"] == 0
    assert "duration_weeks" not in nodes["course"] and "duration_weeks" not in nodes["skill"]


def test_v2_step_tolerates_odd_shapes():
    for odd in ({"schema_version": 2, "roadmap": "nope"},
                {"schema_version": 2, "roadmap": {"id": "ml-architect", "nodes": [3, None], "edges": "x"}},
                {"schema_version": 2, "roadmap": {"id": "ml-architect", "nodes": [
                    {"id": "role-ml-engineer", "estimated_hours": True}], "edges": [None]}}):
        assert migrations.STEPS[2](odd)["schema_version"] == 3
