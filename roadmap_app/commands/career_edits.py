"""The Editor's career-plan intents: done dates, route choices, optional opt-ins,
the practice slice, and a whole starting point ("Where are you now?") at once.

A mixin of Editor (commands/editor.py), kept apart so the career plan's edits
live together. As everywhere in the Editor, each public method is one undo step
and every value is checked before anything is pushed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from ..model import EdgeKind, RouteChoice, Status, UnknownNodeError
from ..model.node import check_date
from .career_commands import CompleteNodeCommand, StartedSinceCommand
from .macro import MacroCommand
from .node_commands import SetStatusCommand, UpdateNodeCommand
from .roadmap_commands import SetPlanCommand

if TYPE_CHECKING:
    from ..document import RoadmapDocument


class FutureDateError(ValueError):
    """A done date after today: work cannot be finished in the future."""


def check_done_day(day: dt.date, today: dt.date | None = None) -> dt.date:
    today = today or dt.date.today()
    if day > today:
        raise FutureDateError(
            f"the done date {day.isoformat()} is in the future (today is {today.isoformat()})")
    check_date(day)
    return day


def group_sources(document: RoadmapDocument, target: str, group: str) -> list[str]:
    """Sources of the ordering edges into `target` that form the "any of" `group`."""
    return [e.source for e in document.roadmap.edges
            if e.target == target and e.group == group and e.kind is not EdgeKind.RELATED]


class CareerEdits:
    document: RoadmapDocument

    # Editor provides document, _push(command) and _require(node_id).
    _push: Any
    _require: Any

    def set_done_date(self, node_id: str, day: dt.date, today: dt.date | None = None) -> None:
        """Mark the node done on `day` (today or earlier); on a done node, change the date."""
        node = self._require(node_id)
        check_done_day(day, today)
        if node.status is Status.DONE and node.completed_on == day:
            return
        text = "Set done date" if node.status is Status.DONE else "Mark done"
        self._push(CompleteNodeCommand(self.document, node_id, day, text=text))

    def choose_route(self, target: str, group: str, choice: str | None) -> None:
        """Pick `choice` in the "any of" `group` into `target`; None lets the planner pick."""
        self._require(target)
        sources = group_sources(self.document, target, group)
        if not group or not sources:
            raise UnknownNodeError(f"{target} has no “any of” group {group!r}")
        if choice is not None and choice not in sources:
            raise UnknownNodeError(f"{choice} is not one of the alternatives of {target}")
        route = [r for r in self.document.roadmap.plan.route if (r.target, r.group) != (target, group)]
        if choice is not None:
            route.append(RouteChoice(target=target, group=group, choice=choice))
        if route != self.document.roadmap.plan.route:
            text = "Choose route" if choice is not None else "Let the planner choose the route"
            self._push(SetPlanCommand(self.document, {"route": route}, text=text))

    def set_optional_included(self, node_id: str, included: bool) -> None:
        """Opt an optional node in to the plan, or out of it."""
        self._require(node_id)
        current = list(self.document.roadmap.plan.include_optional)
        wanted = [i for i in current if i != node_id] + ([node_id] if included else [])
        if wanted != current:
            text = "Include in plan" if included else "Leave out of plan"
            self._push(SetPlanCommand(self.document, {"include_optional": wanted}, text=text))

    def set_practice_hours(self, hours: float) -> None:
        plan = self.document.roadmap.plan
        probe = plan.model_copy()
        probe.practice_hours_per_week = hours  # validates the range
        if probe.practice_hours_per_week != plan.practice_hours_per_week:
            self._push(SetPlanCommand(self.document, {"practice_hours_per_week": hours},
                                      text="Change practice hours"))

    def apply_starting_point(
        self,
        done: Mapping[str, dt.date],
        route: Iterable[RouteChoice] = (),
        *,
        reopen: Iterable[str] = (),
        started: Mapping[str, dt.date] | None = None,
        plan: Mapping[str, Any] | None = None,
        goal_target: dt.date | bool | None = False,
        text: str = "Set where you are now",
        today: dt.date | None = None,
    ) -> None:
        """One undo step for a whole starting point: `done` nodes are marked done on
        their (past) dates, `started` ones are in progress since theirs (when not
        started yet), `reopen` nodes go back to not started, the route and
        `plan` fields (hours per week, profile...) are set, and the goal's target
        date is set when `goal_target` is a date or None (False leaves it alone)."""
        doc = self.document
        started = dict(started or {})
        for node_id in [*done, *reopen, *started]:
            self._require(node_id)
        for day in [*done.values(), *started.values()]:
            check_done_day(day, today)
        route = list(route)
        plan_fields = dict(plan or {})
        plan_fields["route"] = route
        probe = doc.roadmap.plan.model_copy()
        for name, value in plan_fields.items():
            setattr(probe, name, value)  # validates before anything is pushed
        current = doc.roadmap.plan
        changed = {n: getattr(probe, n) for n in plan_fields if getattr(probe, n) != getattr(current, n)}

        macro = MacroCommand(text)
        for node_id, day in done.items():
            node = doc.node(node_id)
            if node.status is not Status.DONE or node.completed_on != day:
                macro.adopt(CompleteNodeCommand(doc, node_id, day))
        reopened = [i for i in dict.fromkeys(reopen)
                    if i not in done and doc.node(i).status is not Status.NOT_STARTED]
        if reopened:
            macro.adopt(SetStatusCommand(doc, reopened, Status.NOT_STARTED))
            cleared = [i for i in reopened if doc.node(i).completed_on is not None]
            for node_id in cleared:
                macro.adopt(UpdateNodeCommand(doc, node_id, {"completed_on": None}))
        for node_id, day in started.items():
            if node_id not in done and (doc.node(node_id).status is Status.NOT_STARTED
                                        or node_id in reopened):
                macro.adopt(StartedSinceCommand(doc, node_id, day))
        if changed:
            macro.adopt(SetPlanCommand(doc, changed))
        goal = probe.goal
        if (goal_target is not False and goal is not None and doc.has_node(goal)
                and doc.node(goal).target_date != goal_target):
            check_date(goal_target)  # type: ignore[arg-type]
            macro.adopt(UpdateNodeCommand(doc, goal, {"target_date": goal_target}))
        if macro.children:
            self._push(macro)
