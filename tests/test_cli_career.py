"""The career plan from the command line: starting profiles, back-dated status,
readiness in `show` and `plan`, and the iCalendar export (parsed with icalendar)."""

from __future__ import annotations

import datetime as dt
import json

import icalendar
import pytest

from roadmap_app.cli import main
from roadmap_app.model import Node, NodeKind, Roadmap, Status
from roadmap_app.planning import burnup, schedule
from roadmap_app.planning.ics import milestones, plan_to_ical, weekly_blocks
from roadmap_app.storage import load, save
from roadmap_app.templates import load_template

START = dt.date(2027, 1, 4)


def test_new_with_a_profile_marks_the_past_done_and_back_dated(tmp_path, capsys):
    target = tmp_path / "me.roadmap"
    assert main(["new", "--template", "ml-architect", "--profile", "software-engineer", "--years", "3",
                 "--today", "2027-01-04", "-o", str(target)]) == 0
    out = capsys.readouterr().out
    assert "starting point Software engineer" in out
    roadmap = load(target).roadmap
    developer = roadmap.node("role-software-developer")
    assert developer.status is Status.DONE
    assert developer.completed_on == dt.date(2024, 1, 4) + dt.timedelta(weeks=104)
    assert roadmap.node("edu-bachelors").completed_on < developer.completed_on
    assert roadmap.plan.profile == "software-engineer"
    assert [(c.target, c.choice) for c in roadmap.plan.route] == [("role-ml-lead", "role-ml-engineer")]
    assert roadmap.node("role-ml-engineer").status is Status.NOT_STARTED


@pytest.mark.parametrize(("argv", "needle"), [
    (["--profile", "astronaut"], "invalid choice"),
    (["--profile", "student", "--years", "-1"], "between 0 and 60"),
    (["--years", "2"], "--years needs a --profile"),
])
def test_new_profile_mistakes_are_one_line_usage_errors(tmp_path, capsys, argv, needle):
    target = tmp_path / "me.roadmap"
    assert main(["new", *argv, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert not target.exists()


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "p.roadmap"
    save(path, Roadmap(id="r", title="R", nodes=[Node(id="a", title="A", estimated_hours=10),
                                                 Node(id="b", title="B")]))
    return path


def test_status_on_back_dates_the_completion(plan_file, capsys):
    assert main(["status", str(plan_file), "a", "done", "--on", "2024-06-01"]) == 0
    assert capsys.readouterr().out == f"{plan_file}: a is now done (on 2024-06-01)\n"
    roadmap = load(plan_file).roadmap
    node = roadmap.node("a")
    assert node.completed_on == dt.date(2024, 6, 1)
    assert node.status_history[-1].at.date() == dt.date(2024, 6, 1)
    assert burnup(roadmap).points == [(dt.date(2024, 6, 1), 10.0)]
    # Correcting the day of a node already done changes the date, not the history.
    assert main(["status", str(plan_file), "a", "done", "--on", "2024-05-01"]) == 0
    node = load(plan_file).roadmap.node("a")
    assert node.completed_on == dt.date(2024, 5, 1) and len(node.status_history) == 1


@pytest.mark.parametrize(("argv", "needle"), [
    (["b", "skipped", "--on", "2024-06-01"], "not to skipped"),
    (["b", "done", "--on", "2024-02-30"], "YYYY-MM-DD"),
    (["b", "done", "--on", "1066-10-14"], "from 1900"),
])
def test_status_on_mistakes_are_one_line(plan_file, capsys, argv, needle):
    before = plan_file.read_bytes()
    assert main(["status", str(plan_file), *argv]) == 2
    err = capsys.readouterr().err
    assert needle in err and "Traceback" not in err
    assert plan_file.read_bytes() == before


def test_show_and_plan_print_the_readiness_of_each_role(tmp_path, capsys):
    target = tmp_path / "me.roadmap"
    assert main(["new", "--profile", "ml-engineer", "--today", "2027-01-04", "-o", str(target)]) == 0
    capsys.readouterr()
    assert main(["show", str(target)]) == 0
    shown = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Ready for ")]
    assert shown[0].startswith("Ready for Software developer: 100 % (7 of 7 skills, 0 h left)")
    assert any(line.startswith("Ready for ML tech lead: ") for line in shown)
    assert main(["plan", str(target), "--start", "2027-01-04", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert [r["line"] for r in data["readiness"]] == shown
    assert "role-ml-engineer" in data["route"] and "role-data-scientist" not in data["route"]
    lanes = {n["id"]: n["lane"] for n in data["nodes"]}
    assert lanes["role-ml-engineer"] == "duration" and lanes["practice-read-papers"] == "practice"


def _events(data: bytes):
    calendar = icalendar.Calendar.from_ical(data)
    return [c for c in calendar.walk("VEVENT")]


def test_ics_has_the_weekly_blocks_and_an_event_per_milestone():
    roadmap = load_template("ml-architect")
    plan = schedule(roadmap, start=START, today=START)
    data = plan_to_ical(roadmap, plan, stamp=dt.datetime(2027, 1, 1, tzinfo=dt.UTC))
    events = _events(data)
    by_category = {}
    for event in events:
        category = event.get("categories").cats[0]
        by_category.setdefault(category, []).append(event)
    # Milestones: every role start on the route, every milestone node and the goal.
    expected = milestones(roadmap, plan)
    roles = [e for e in plan.entries if roadmap.node(e.id).kind is NodeKind.ROLE and e.lane == "duration"]
    assert len(roles) == 3 and len(expected) == len(roles) + 1 + sum(
        1 for e in plan.entries if roadmap.node(e.id).kind is NodeKind.MILESTONE)
    got = sorted((str(e.get("summary")), e.decoded("dtstart")) for e in by_category["Milestone"])
    assert got == sorted((m.summary, m.day) for m in expected)
    assert ("Goal: Machine learning architect", plan.goal_date) in got
    assert ("Start: Software developer", plan.entry("role-software-developer").start) in got
    # Weekly blocks: all-day, a week long, free time, saying what the week is for.
    weeks = by_category["Study"]
    assert len(weeks) == len(weekly_blocks(plan)) > 50
    for event in weeks:
        first, end = event.decoded("dtstart"), event.decoded("dtend")
        assert isinstance(first, dt.date) and not isinstance(first, dt.datetime)
        assert (end - first).days == 7 and (first - START).days % 7 == 0
        assert str(event.get("transp")) == "TRANSPARENT"
        assert str(event.get("summary")).startswith("Study ")
    hours = sum(h for _day, items in weekly_blocks(plan) for _t, h in items)
    assert hours == pytest.approx(plan.total_hours, rel=1e-6)
    assert len({str(e.get("uid")) for e in events}) == len(events)


def test_export_ics_from_the_command_line(tmp_path, capsys):
    plan_path = tmp_path / "me.roadmap"
    assert main(["new", "-o", str(plan_path)]) == 0
    target = tmp_path / "plan.ics"
    assert main(["export", str(plan_path), "-o", str(target)]) == 0
    assert "exported the plan's calendar" in capsys.readouterr().out
    events = _events(target.read_bytes())
    assert any(str(e.get("summary")).startswith("Goal: ") for e in events)
    missing = tmp_path / "nowhere" / "deeper" / "plan.ics"
    (tmp_path / "nowhere").write_text("a file, not a folder")
    assert main(["export", str(plan_path), "-o", str(missing)]) == 1
    err = capsys.readouterr().err
    assert str(missing) in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
