"""Starting points: who you are now, turned into back-dated completions and a route.

A profile names the commitments (a degree, jobs) you have held, in order; the
last one is where you are now, held for `years` (the ones before it took their
own calendar length, ending when the next began). `apply_profile` is pure: it
says what to change, and the caller applies it (`apply_outcome` on a copy for the
CLI; one undo step in the GUI):

- a commitment held for at least its length is done, back-dated to when it ended;
  a shorter one is in progress since it began (`started`), so the schedule runs
  only what is left of it;
- everything a held commitment needed (through the route) was done by the day it
  began, and what is learned in a finished commitment was done when it ended;
- the route picks the alternatives the profile went through.

Profiles are written against the built-in roadmaps' ids. The ml-architect roadmap
has the degree and the jobs (`held`). The career-switch roadmaps (swe-to-mle,
ds-to-llm) begin where a person already is ("Working software engineer"), so a
profile also names what it counts as known on such a roadmap (`knows`: starting
points and skills), used only when none of its `held` commitments is there; exactly
those nodes are done, since the current step began.

A profile that finds nothing of its own in a roadmap, or whose commitments include
the roadmap's goal (you are there already), does not fit it: `misfit` says why, and
`apply_profile` refuses with that message instead of quietly marking nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..model import Roadmap, RouteChoice, Status, StatusChange
from ..model.errors import RoadmapError
from .routes import resolve_route

DAYS_PER_YEAR = 365.25


@dataclass(frozen=True)
class Profile:
    id: str
    label: str
    description: str
    held: tuple[str, ...]  # commitments held, in order; the last is the current one
    route: tuple[tuple[str, str, str], ...] = ()  # (target, group, choice)
    default_years: float = 0.0
    knows: tuple[str, ...] = ()  # on a roadmap without `held`: starting points and skills known


class ProfileMismatchError(RoadmapError):
    """The profile does not fit the roadmap (see `misfit`)."""


# What an ML engineer brings to a career-switch roadmap beyond its starting point.
_ML_ENGINEER_KNOWS = (
    "start-data-scientist", "skill-nn-fundamentals", "skill-micrograd", "skill-pytorch",
    "skill-software-engineering", "mlops-experiment-tracking", "skill-apis-docker",
    "skill-cloud-deployment",
)

_ML_ROUTE = (("role-ml-lead", "ml-role", "role-ml-engineer"),)
_DS_ROUTE = (("role-ml-lead", "ml-role", "role-data-scientist"),)

PROFILES: dict[str, Profile] = {
    p.id: p
    for p in (
        Profile("student", "Student",
                "Starting from zero or at university; years: how long you have studied so far.",
                ("edu-bachelors",)),
        Profile("cs-graduate", "CS graduate",
                "A bachelor's degree in computer science or a related field; years: since you graduated.",
                ("edu-bachelors",), default_years=4.0),
        Profile("software-engineer", "Software engineer",
                "A degree and a job writing software; years: in that job.",
                ("edu-bachelors", "role-software-developer"), _ML_ROUTE, default_years=3.0,
                knows=("start-software-engineer", "skill-docker")),
        Profile("data-analyst", "Data analyst",
                "A degree and a job analysing data; years: in that job.",
                ("edu-bachelors", "role-data-analyst"), _DS_ROUTE, default_years=2.0),
        Profile("data-scientist", "Data scientist",
                "A degree and the data-science ladder up to data scientist; years: as a data scientist.",
                ("edu-bachelors", "role-data-analyst", "role-junior-data-scientist", "role-data-scientist"),
                _DS_ROUTE, default_years=2.0, knows=("start-data-scientist",)),
        Profile("ml-engineer", "ML engineer",
                "A degree, a software job and a job building ML systems; years: as an ML engineer.",
                ("edu-bachelors", "role-software-developer", "role-ml-engineer"), _ML_ROUTE,
                default_years=2.0, knows=_ML_ENGINEER_KNOWS),
    )
}


@dataclass(frozen=True)
class ProfileOutcome:
    profile: str
    done: dict[str, dt.date] = field(default_factory=dict)  # node id -> back-dated completion
    started: dict[str, dt.date] = field(default_factory=dict)  # in progress since
    route: list[RouteChoice] = field(default_factory=list)


def _years(years: float) -> dt.timedelta:
    return dt.timedelta(days=round(years * DAYS_PER_YEAR))


def _at_goal(profile: Profile, roadmap: Roadmap, by_id: dict) -> bool:
    goal = roadmap.plan.goal
    return goal is not None and goal in profile.held and goal in by_id


def _found(profile: Profile, by_id: dict) -> bool:
    return any(i in by_id for i in profile.held) or any(i in by_id for i in profile.knows)


def _misfit(profile: Profile, roadmap: Roadmap, by_id: dict) -> str | None:
    if _at_goal(profile, roadmap, by_id):
        goal = by_id[roadmap.plan.goal]
        return (f"it already holds this roadmap's goal ({goal.title}); "
                "pick a roadmap whose goal lies beyond it")
    if _found(profile, by_id):
        return None
    fitting = [p.label for p in PROFILES.values()
               if _found(p, by_id) and not _at_goal(p, roadmap, by_id)]
    also = f"; profiles that fit it: {', '.join(fitting)}" if fitting else ""
    return f"this roadmap does not start from it (none of the profile's steps are in it){also}"


def misfit(roadmap: Roadmap, profile_id: str) -> str | None:
    """Why `profile_id` does not fit `roadmap`, as a sentence naming both; None when it fits."""
    profile = _profile(profile_id)
    reason = _misfit(profile, roadmap, roadmap.node_map())
    if reason is None:
        return None
    return f"The profile {profile.label} does not fit the roadmap {roadmap.title or roadmap.id}: {reason}."


def _profile(profile_id: str) -> Profile:
    profile = PROFILES.get(profile_id)
    if profile is None:
        raise KeyError(f"no profile {profile_id!r}; the profiles are {', '.join(PROFILES)}")
    return profile


def apply_profile(roadmap: Roadmap, profile_id: str, years: float | None, today: dt.date) -> ProfileOutcome:
    """What `profile_id` with `years` in its current step means for `roadmap` (pure).

    Raises ProfileMismatchError when the profile does not fit the roadmap (`misfit`)."""
    profile = _profile(profile_id)
    reason = misfit(roadmap, profile_id)
    if reason is not None:
        raise ProfileMismatchError(reason)
    years = profile.default_years if years is None else max(float(years), 0.0)
    by_id = roadmap.node_map()
    held = [i for i in profile.held if i in by_id]
    route = [RouteChoice(target=t, group=g, choice=c) for t, g, c in profile.route
             if t in by_id and c in by_id]
    if not held:
        return _known(roadmap, profile, route, min(today - _years(years), today))

    # Walk back from today: the current step began `years` ago, each earlier one ended
    # when the next began and took its own length.
    starts: dict[str, dt.date] = {}
    ends: dict[str, dt.date] = {}
    current = held[-1]
    starts[current] = today - _years(years)
    length = by_id[current].duration_weeks
    if profile.id == "cs-graduate":  # years since graduating: the degree is behind you
        ends[current] = starts[current]
        starts[current] = ends[current] - dt.timedelta(weeks=length or 0.0)
    elif profile.id == "student" and years <= 0:
        return ProfileOutcome(profile.id, route=route)
    elif length is not None and years * 52.0 >= length:
        ends[current] = starts[current] + dt.timedelta(weeks=length)
    cursor = starts[current]
    for node_id in reversed(held[:-1]):
        ends[node_id] = cursor
        starts[node_id] = cursor - dt.timedelta(weeks=by_id[node_id].duration_weeks or 0.0)
        cursor = starts[node_id]

    planned = roadmap.model_copy(deep=False)
    planned.plan = roadmap.plan.model_copy(update={"route": route or roadmap.plan.route})
    needs = resolve_route(planned).needs
    done: dict[str, dt.date] = {}

    def mark(node_id: str, on: dt.date) -> None:
        if node_id not in done or on < done[node_id]:
            done[node_id] = on

    for node_id in held:
        before = starts[node_id]
        stack = [node_id]
        seen = {node_id}
        while stack:  # what it needed was done by the day it began
            for source in needs.get(stack.pop(), ()):
                if source not in seen:
                    seen.add(source)
                    mark(source, min(before, today))
                    stack.append(source)
        if node_id in ends:
            mark(node_id, min(ends[node_id], today))
    learned = {n.id: n.learned_in for n in roadmap.nodes if n.learned_in}
    for node_id, host in learned.items():
        if host in done:
            mark(node_id, done[host])
    started = {} if current in done else {current: starts[current]}
    for node_id in started:
        done.pop(node_id, None)
    return ProfileOutcome(profile.id, done=done, started=started, route=route)


def _known(roadmap: Roadmap, profile: Profile, route: list[RouteChoice], since: dt.date) -> ProfileOutcome:
    """A career-switch roadmap: exactly what the profile knows is done by `since`. Not
    what those nodes need: a software engineer knows Docker without the ML before it."""
    by_id = roadmap.node_map()
    done = {node_id: since for node_id in profile.knows if node_id in by_id}
    return ProfileOutcome(profile.id, done=done, route=route)


def apply_outcome(roadmap: Roadmap, outcome: ProfileOutcome) -> Roadmap:
    """A copy of `roadmap` with the outcome applied (status, history, completion
    dates, route and profile); nodes already done keep their own dates."""
    result = roadmap.model_copy(deep=True)
    for node in result.nodes:
        on = outcome.done.get(node.id)
        if on is not None and node.status is not Status.DONE:
            node.status = Status.DONE
            node.completed_on = on
            node.status_history = [*node.status_history, StatusChange(at=_noon(on), status=Status.DONE)]
        since = outcome.started.get(node.id)
        if since is not None and node.status is Status.NOT_STARTED:
            node.status = Status.IN_PROGRESS
            node.status_history = [*node.status_history,
                                   StatusChange(at=_noon(since), status=Status.IN_PROGRESS)]
    chosen = {(c.target, c.group) for c in outcome.route}
    kept = [c for c in result.plan.route if (c.target, c.group) not in chosen]
    result.plan.route = kept + list(outcome.route)
    result.plan.profile = outcome.profile
    return result


def _noon(day: dt.date) -> dt.datetime:
    # Noon UTC keeps the calendar day in every time zone from UTC-11 to UTC+11.
    return dt.datetime.combine(day, dt.time(12), tzinfo=dt.UTC)
