"""The career plan on the built-in ml-architect roadmap, started on 2027-01-04 (no Qt).

Believable finish dates per starting profile (the ranges are argued in
docs/PLANNING.md): the route from zero is a 4-year degree and about seven years of
jobs (developer 2, ML engineer 3, ML lead 2) before the move to architect, so
- student, from zero: 9-13 years (11 years of degree and jobs, whatever the pace);
- CS graduate: 6-10 years (the degree is behind them);
- software engineer with 3 years: 4-7 years (the entry job is done; ML engineer and
  lead remain, after the ML study the engineer job needs);
- data analyst with 2 years: 4-8 years (the analyst step is done; junior data
  scientist, data scientist and lead remain);
- data scientist with 2 years: 3-6 years (the lead role and the ML-systems study a
  data scientist has not done on the job remain);
- ML engineer with 2 years: 2-4 years (a year of the ML engineer job, then lead).
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise

import pytest

from roadmap_app.model import NodeKind, RouteChoice, Status
from roadmap_app.planning import (
    LANE_DURATION,
    LANE_PRACTICE,
    burnup,
    next_steps,
    resolve_route,
    schedule,
    summary,
)
from roadmap_app.planning.profiles import PROFILES, apply_outcome, apply_profile
from roadmap_app.templates import load_template

START = dt.date(2027, 1, 4)
DS_ROUTE = RouteChoice(target="role-ml-lead", group="ml-role", choice="role-data-scientist")


@pytest.fixture
def roadmap():
    return load_template("ml-architect")


def years(plan) -> float:
    return (plan.goal_date - START).days / 365.25


def test_doubling_the_hours_never_shortens_a_duration(roadmap):
    runs = {}
    for pace in (10, 20, 40):
        plan = schedule(roadmap, hours_per_week=pace, start=START, today=START)
        runs[pace] = {e.id: (e.finish - e.start).days + 1 for e in plan.entries
                      if roadmap.node(e.id).is_duration}
        for node_id, days in runs[pace].items():
            assert days == round(roadmap.node(node_id).duration_weeks * 7), node_id
    assert runs[10] and runs[10] == runs[20] == runs[40]
    # More hours still help the study around them.
    assert schedule(roadmap, hours_per_week=40, start=START, today=START).goal_date <= \
        schedule(roadmap, hours_per_week=10, start=START, today=START).goal_date


def test_at_forty_hours_the_plan_takes_at_least_the_degree_and_the_jobs(roadmap):
    plan = schedule(roadmap, hours_per_week=40, start=START, today=START)
    nodes = roadmap.node_map()
    lengths = sum(nodes[i].duration_weeks * 7 for i in plan.route
                  if nodes[i].is_duration and nodes[i].kind in (NodeKind.EDUCATION, NodeKind.ROLE))
    assert lengths == 11 * 52 * 7  # a 4-year degree and seven years of jobs (52-week years)
    assert (plan.goal_date - START).days + 1 >= lengths


def test_the_data_science_route_schedules_its_three_roles_and_keeps_the_degree(roadmap):
    roadmap.plan.route = [DS_ROUTE]
    plan = schedule(roadmap, start=START, today=START)
    ids = set(plan.ids)
    assert {"role-data-analyst", "role-junior-data-scientist", "role-data-scientist", "edu-bachelors"} <= ids
    route = resolve_route(roadmap)
    assert {"role-software-developer", "role-ml-engineer"} <= route.off_route
    assert not ids & route.off_route  # off the route is out of the schedule, not skipped
    assert roadmap.node("role-software-developer").status is Status.NOT_STARTED
    ladder = [plan.entry(i) for i in ("edu-bachelors", "role-data-analyst", "role-junior-data-scientist",
                                      "role-data-scientist", "role-ml-lead")]
    assert all(a.finish < b.start for a, b in pairwise(ladder))


def test_the_default_route_is_the_software_route(roadmap):
    route = resolve_route(roadmap)
    assert route.choices[("role-ml-lead", "ml-role")] == "role-ml-engineer"
    assert route.groups[("role-ml-lead", "ml-role")] == ["role-ml-engineer", "role-data-scientist"]
    assert "cert-ml-specialization" in route.off_route  # optional: counted once, in the subject
    roadmap.plan.include_optional = ["cert-ml-specialization"]
    assert "cert-ml-specialization" in resolve_route(roadmap).on_route


def test_progress_is_complete_when_every_node_on_the_route_is_done(roadmap):
    roadmap.plan.route = [DS_ROUTE]
    route = resolve_route(roadmap)
    for node in roadmap.nodes:
        if node.id in route.on_route and node.kind is not NodeKind.PRACTICE:
            node.status = Status.DONE
    result = summary(roadmap, today=START)
    assert result.progress_percent == pytest.approx(100.0)
    # The software route's roles were never touched: not on my route is not skipped.
    assert roadmap.node("role-ml-engineer").status is Status.NOT_STARTED


@pytest.mark.parametrize(("profile", "years_in", "low", "high"), [
    ("student", 0, 9, 13),
    ("cs-graduate", 0, 6, 10),
    ("software-engineer", 3, 4, 7),
    ("data-analyst", 2, 4, 8),
    ("data-scientist", 2, 3, 6),
    ("ml-engineer", 2, 2, 4),
])
def test_each_profile_finishes_in_a_believable_range(roadmap, profile, years_in, low, high):
    outcome = apply_profile(roadmap, profile, years_in, START)
    plan = schedule(apply_outcome(roadmap, outcome), start=START, today=START)
    assert low <= years(plan) <= high, (profile, years(plan))


def test_profiles_back_date_completions_and_choose_the_route(roadmap):
    assert set(PROFILES) == {"student", "cs-graduate", "software-engineer", "data-analyst",
                             "data-scientist", "ml-engineer"}
    outcome = apply_profile(roadmap, "ml-engineer", 2, START)
    assert all(day < START for day in outcome.done.values())
    assert outcome.done["role-software-developer"] <= outcome.started["role-ml-engineer"]
    assert outcome.done["edu-bachelors"] <= outcome.done["role-software-developer"]
    assert [(c.target, c.choice) for c in outcome.route] == [("role-ml-lead", "role-ml-engineer")]
    planned = apply_outcome(roadmap, outcome)
    assert roadmap.node("edu-bachelors").status is Status.NOT_STARTED  # pure: a copy changed
    assert planned.plan.profile == "ml-engineer"
    job = planned.node("role-ml-engineer")
    assert job.status is Status.IN_PROGRESS
    plan = schedule(planned, start=START, today=START)
    weeks_left = plan.entry("role-ml-engineer").weeks
    assert 50 <= weeks_left <= 54  # three years in the role, two of them behind you
    # The burn-up counts the back-dated work on its own days, not as a cliff today.
    points = burnup(planned, plan.route).points
    assert points and points[0][0] < START - dt.timedelta(days=365 * 3)


def test_skills_learned_on_the_job_run_inside_the_job(roadmap):
    plan = schedule(roadmap, start=START, today=START)
    job = plan.entry("role-software-developer")
    skill = plan.entry("skill-data-preparation")
    assert skill.lane == LANE_DURATION and skill.hours == 0
    assert job.start <= skill.start and skill.finish <= job.finish


def test_practices_recur_for_the_whole_plan_at_their_slice(roadmap):
    plan = schedule(roadmap, hours_per_week=10, start=START, today=START)
    practices = [e for e in plan.entries if e.lane == LANE_PRACTICE]
    assert len(practices) == 10
    assert all(e.start == START and e.finish == plan.goal_date for e in practices)
    assert plan.practice_hours_per_week == 1.0
    assert sum(plan.study_weekday_hours) == pytest.approx(9.0)


def test_next_steps_follow_the_stage_of_a_first_year_student(roadmap):
    plan = schedule(roadmap, start=START, today=START)
    suggested = next_steps(roadmap, plan)
    stages = {s.stage for s in suggested if roadmap.node(s.id).kind is not NodeKind.PRACTICE}
    assert stages == {"Education"}
    assert "skill-strategic-career-moves" not in {s.id for s in suggested}


def test_readiness_lines(roadmap):
    plan = schedule(roadmap, start=START, today=START)
    lines = [r.line for r in plan.readiness]
    assert [r.role_id for r in plan.readiness] == [
        "role-software-developer", "role-ml-engineer", "role-ml-lead", "role-ml-architect"]
    assert lines[1].startswith("Ready for Machine learning engineer: 0 % (0 of ")
    data = plan.to_dict()
    assert data["readiness"][1]["line"] == lines[1] and "goal_date" in data
    assert data["route"] == plan.route and "role-ml-architect" in data["route"]


def test_next_steps_without_a_projection_still_follow_the_stages(roadmap):
    from roadmap_app.planning import Schedule

    empty = Schedule(entries=[], goal_id=None, goal_date=None, total_hours=0.0, start=START,
                     weekday_hours=(1.0,) * 7)
    suggested = next_steps(roadmap, empty)
    assert suggested and {s.stage for s in suggested
                          if roadmap.node(s.id).kind is not NodeKind.PRACTICE} == {"Education"}
