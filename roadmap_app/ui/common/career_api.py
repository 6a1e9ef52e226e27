"""The one place the GUI reaches the career planner (planning.routes, planning.profiles).

Panels ask here for the route (which nodes are on it, the "any of" groups and
what is chosen in each) and for the starting-point profiles, so a change in the
planner's API changes this module only.
"""

from __future__ import annotations

import datetime as dt
import weakref
from dataclasses import dataclass, field

from roadmap_app.model import EdgeKind, Roadmap, RouteChoice
from roadmap_app.planning.profiles import PROFILES, apply_profile
from roadmap_app.planning.profiles import misfit as _misfit
from roadmap_app.planning.routes import Route, resolve_route

__all__ = ["Profile", "ProfileStart", "Route", "groups_into", "has_groups", "misfit", "off_route_for",
           "profiles", "route_for", "route_of", "starting_point"]


@dataclass(frozen=True)
class Profile:
    id: str
    label: str
    description: str
    default_years: float = 0.0


@dataclass(frozen=True)
class ProfileStart:
    done: dict[str, dt.date]  # node id -> the day it was finished
    route: list[RouteChoice]  # the plan's whole route once the profile's choices are made
    started: dict[str, dt.date] = field(default_factory=dict)  # the current step, in progress since


def misfit(roadmap: Roadmap, profile_id: str) -> str | None:
    """Why the profile does not fit `roadmap` (a sentence naming both), or None when it does."""
    return _misfit(roadmap, profile_id)


def profiles() -> list[Profile]:
    return [Profile(p.id, p.label, p.description, p.default_years) for p in PROFILES.values()]


def route_of(roadmap: Roadmap) -> Route:
    return resolve_route(roadmap)


def starting_point(roadmap: Roadmap, profile_id: str, years: float, today: dt.date) -> ProfileStart:
    """What a profile means for this roadmap; its route choices replace the plan's in
    the same groups and keep the rest (as the CLI's `new --profile` does)."""
    outcome = apply_profile(roadmap, profile_id, years, today)
    chosen = {(c.target, c.group) for c in outcome.route}
    route = [c for c in roadmap.plan.route if (c.target, c.group) not in chosen] + list(outcome.route)
    return ProfileStart(dict(outcome.done), route, dict(outcome.started))


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


_off_memo: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def off_route_for(document) -> frozenset[str]:
    """The nodes the route leaves out. Read from the schedule every panel shares (the
    planner resolved the route for it), so an edit costs no second resolution; only a
    plan that cannot be scheduled resolves the route on its own."""
    revision = document.revision
    found = _off_memo.get(document)
    if found is not None and found[0] == revision:
        return found[1]
    from roadmap_app.ui.common.plan_cache import schedule_for

    try:
        on_route = set(schedule_for(document).route)
        off = frozenset(n.id for n in document.roadmap.nodes if n.id not in on_route)
    except Exception:  # a plan that cannot be scheduled: resolve the route alone
        try:
            off = frozenset(route_for(document).off_route)
        except Exception:  # no route at all: nothing is dimmed
            off = frozenset()
    _off_memo[document] = (revision, off)
    return off


def has_groups(document, node_id: str) -> bool:
    """Whether an "any of" group leads into `node_id` (cheap: no route is resolved)."""
    return any(e.target == node_id and e.group and e.kind is not EdgeKind.RELATED
               for e in document.roadmap.edges)


def groups_into(route: Route, target: str) -> list[tuple[str, list[str], str | None]]:
    """The "any of" groups into `target`: (group, alternatives, chosen source)."""
    return [(group, list(sources), route.choices.get((t, group)))
            for (t, group), sources in route.groups.items() if t == target]
