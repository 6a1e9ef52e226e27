"""The one place the GUI reaches the career planner (planning.routes, planning.profiles).

Panels ask here for the route (which nodes are on it, the "any of" groups and
what is chosen in each) and for the starting-point profiles, so a change in the
planner's API changes this module only.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass

from ..model import EdgeKind, Roadmap, RouteChoice, Status

try:
    from ..planning.profiles import PROFILES, apply_profile
    from ..planning.routes import Route, resolve_route
except ImportError:  # the planner's routes have not landed yet: the simplest reading of them
    from types import SimpleNamespace

    PROFILES = {pid: SimpleNamespace(label=label, description="") for pid, label in (
        ("student", "Student"), ("cs-graduate", "CS graduate"), ("software-engineer", "Software engineer"),
        ("data-analyst", "Data analyst"), ("data-scientist", "Data scientist"),
        ("ml-engineer", "ML engineer"))}

    @dataclass(frozen=True)
    class Route:  # type: ignore[no-redef]
        on_route: set
        off_route: set
        groups: dict
        choices: dict

    def resolve_route(roadmap: Roadmap) -> Route:  # type: ignore[misc]
        groups: dict = {}
        for e in roadmap.edges:
            if e.group and e.kind is EdgeKind.PREREQUISITE:
                groups.setdefault((e.target, e.group), []).append(e.source)
        chosen = {(r.target, r.group): r.choice for r in roadmap.plan.route}
        choices = {k: chosen.get(k, v[0]) for k, v in groups.items()}
        off = {s for k, v in groups.items() for s in v if s != choices[k]}
        return Route({n.id for n in roadmap.nodes} - off, off, groups, choices)

    def apply_profile(roadmap, profile_id, years, today):  # type: ignore[misc]
        @dataclass
        class Outcome:
            done: dict
            route: list
        return Outcome({n.id: today for n in roadmap.nodes if n.status is Status.DONE}, [])

__all__ = ["Profile", "ProfileStart", "Route", "groups_into", "profiles", "route_for", "route_of",
           "starting_point"]


@dataclass(frozen=True)
class Profile:
    id: str
    label: str
    description: str


@dataclass(frozen=True)
class ProfileStart:
    done: dict[str, dt.date]
    route: list[RouteChoice]


def profiles() -> list[Profile]:
    items = PROFILES.items() if isinstance(PROFILES, dict) else ((p.id, p) for p in PROFILES)
    return [Profile(pid, getattr(p, "label", pid), getattr(p, "description", "")) for pid, p in items]


def route_of(roadmap: Roadmap) -> Route:
    return resolve_route(roadmap)


def starting_point(roadmap: Roadmap, profile_id: str, years: float, today: dt.date) -> ProfileStart:
    outcome = apply_profile(roadmap, profile_id, years, today)
    return ProfileStart(dict(outcome.done), list(outcome.route))


# document -> (revision, Route): the inspector, the canvas and the route menu ask
# after every change; the route is resolved once per change.
_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def route_for(document) -> Route:
    """`route_of(document.roadmap)`, memoised against the document's revision."""
    revision = document.revision
    found = _memo.get(document)
    if found is None or found[0] != revision:
        found = (revision, route_of(document.roadmap))
        _memo[document] = found
    return found[1]


def groups_into(route: Route, target: str) -> list[tuple[str, list[str], str | None]]:
    """The "any of" groups into `target`: (group, alternatives, chosen source)."""
    return [(group, list(sources), route.choices.get((t, group)))
            for (t, group), sources in route.groups.items() if t == target]
