"""Starting-point profiles on every built-in roadmap: each offered profile either marks
something done (or under way) or is refused with a message naming the profile and the
roadmap, and the finish dates keep the order of experience where the profiles apply."""

from __future__ import annotations

import datetime as dt

import pytest

from roadmap_app.cli import main
from roadmap_app.model import Status
from roadmap_app.planning import schedule
from roadmap_app.planning.profiles import (
    PROFILES,
    ProfileMismatchError,
    apply_outcome,
    apply_profile,
    misfit,
)
from roadmap_app.templates import load_template, template_ids

START = dt.date(2027, 1, 4)
BUILT_IN = ["ml-architect", "swe-to-mle", "ds-to-llm"]
# Where each profile fits (the rest are refused): the career-switch roadmaps begin at a
# working software engineer or data scientist; an ML engineer already holds swe-to-mle's goal.
FITS = {
    "ml-architect": set(PROFILES),
    "swe-to-mle": {"software-engineer"},
    "ds-to-llm": {"data-scientist", "ml-engineer"},
}


def test_the_built_in_roadmaps_are_the_ones_checked_here():
    assert sorted(template_ids()) == sorted(BUILT_IN)


def _finish(roadmap, profile: str, years: float | None) -> dt.date:
    planned = apply_outcome(roadmap, apply_profile(roadmap, profile, years, START))
    return schedule(planned, start=START, today=START).goal_date


@pytest.mark.parametrize("template", BUILT_IN)
@pytest.mark.parametrize("profile", list(PROFILES))
def test_a_profile_marks_something_or_is_refused_by_name(template, profile):
    roadmap = load_template(template)
    # A student with a year behind them (from zero, nothing is done: that is its point).
    years = 1.0 if profile == "student" else None
    reason = misfit(roadmap, profile)
    if profile not in FITS[template]:
        assert reason is not None
        assert PROFILES[profile].label in reason and roadmap.title in reason
        with pytest.raises(ProfileMismatchError) as caught:
            apply_profile(roadmap, profile, years, START)
        assert str(caught.value) == reason
        return
    assert reason is None
    outcome = apply_profile(roadmap, profile, years, START)
    assert outcome.done or outcome.started
    by_id = roadmap.node_map()
    assert all(node_id in by_id for node_id in [*outcome.done, *outcome.started])
    assert all(day <= START for day in [*outcome.done.values(), *outcome.started.values()])
    planned = apply_outcome(roadmap, outcome)
    assert sum(n.status is Status.DONE for n in planned.nodes) >= len(outcome.done)
    plan = schedule(planned, start=START, today=START)
    assert plan.goal_date is not None  # the goal is still ahead: a profile never reaches it
    assert plan.goal_date <= schedule(roadmap, start=START, today=START).goal_date


def test_on_ml_architect_more_experience_finishes_sooner():
    roadmap = load_template("ml-architect")
    dates = [_finish(roadmap, "student", 0), _finish(roadmap, "cs-graduate", 0),
             _finish(roadmap, "software-engineer", 3), _finish(roadmap, "ml-engineer", 2)]
    assert dates == sorted(dates, reverse=True) and len(set(dates)) == 4


def test_on_ds_to_llm_an_ml_engineer_finishes_before_a_data_scientist():
    roadmap = load_template("ds-to-llm")
    assert _finish(roadmap, "ml-engineer", 2) < _finish(roadmap, "data-scientist", 2)


def test_a_career_switch_profile_is_done_since_its_current_step_began():
    roadmap = load_template("swe-to-mle")
    outcome = apply_profile(roadmap, "software-engineer", 3, START)
    assert outcome.done["start-software-engineer"] == START - dt.timedelta(days=round(3 * 365.25))
    assert not outcome.started


def test_the_refusal_names_the_profiles_that_fit():
    roadmap = load_template("ds-to-llm")
    reason = misfit(roadmap, "student")
    assert reason.endswith("profiles that fit it: Data scientist, ML engineer.")
    at_goal = misfit(load_template("swe-to-mle"), "ml-engineer")
    assert "already holds this roadmap's goal" in at_goal


def test_new_refuses_a_profile_that_does_not_fit_and_writes_nothing(tmp_path, capsys):
    target = tmp_path / "me.roadmap"
    assert main(["new", "--template", "swe-to-mle", "--profile", "student", "--today", "2027-01-04",
                 "-o", str(target)]) != 0
    err = capsys.readouterr().err
    assert "Student" in err and "Software engineer to ML engineer" in err and "Traceback" not in err
    assert not target.exists()
    assert main(["new", "--template", "swe-to-mle", "--profile", "software-engineer", "--today",
                 "2027-01-04", "-o", str(target)]) == 0
    assert load_template("swe-to-mle").node("start-software-engineer").status is Status.NOT_STARTED
    assert "starting point Software engineer: 2 nodes done" in capsys.readouterr().out
