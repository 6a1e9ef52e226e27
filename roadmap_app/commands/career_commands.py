"""Undo commands for the career plan: back-dated completions.

Route choices, optional opt-ins and the practice slice are plan settings and go
through SetPlanCommand; a completion needs its own command because it sets the
status (with a history entry dated the day the work was done) and the done date
together, and undo must take back both.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QUndoCommand

from ..document import RoadmapDocument
from ..model import Status

# A back-dated history entry is stamped at midday UTC, so the day reads the same
# in every time zone the burn-up may be drawn in.
_MIDDAY = dt.time(12, 0, tzinfo=dt.UTC)


def history_stamp(day: dt.date) -> dt.datetime:
    """The status-history timestamp for work finished on `day` (now, when that is today)."""
    now = dt.datetime.now(dt.UTC)
    return now if day >= now.date() else dt.datetime.combine(day, _MIDDAY)


class CompleteNodeCommand(QUndoCommand):
    """Marks a node done on a given day: status DONE (history entry on that day) and
    `completed_on`. A node already done only gets its date changed, without a new
    history entry, so changing a date never invents a second completion."""

    def __init__(self, document: RoadmapDocument, node_id: str, day: dt.date,
                 text: str = "Set done date") -> None:
        super().__init__(text)
        self._document = document
        self._node_id = node_id
        self._day = day
        self._old_status: Status | None = None
        self._history_length = 0
        self._old_date: dt.date | None = None
        self._set_status = False

    def redo(self) -> None:
        node = self._document.node(self._node_id)
        self._old_status = node.status
        self._old_date = node.completed_on
        self._set_status = node.status is not Status.DONE
        if self._set_status:
            self._history_length = self._document.set_status(
                self._node_id, Status.DONE, history_stamp(self._day))
        self._document.update_node(self._node_id, completed_on=self._day)

    def undo(self) -> None:
        self._document.update_node(self._node_id, completed_on=self._old_date)
        if self._set_status:
            assert self._old_status is not None
            self._document.restore_status(self._node_id, self._old_status, self._history_length)


class StartedSinceCommand(QUndoCommand):
    """Marks a node in progress since a given day (the job a profile says you hold now)."""

    def __init__(self, document: RoadmapDocument, node_id: str, day: dt.date,
                 text: str = "Mark in progress") -> None:
        super().__init__(text)
        self._document = document
        self._node_id = node_id
        self._day = day
        self._old_status: Status | None = None
        self._history_length = 0

    def redo(self) -> None:
        self._old_status = self._document.node(self._node_id).status
        self._history_length = self._document.set_status(
            self._node_id, Status.IN_PROGRESS, history_stamp(self._day))

    def undo(self) -> None:
        assert self._old_status is not None
        self._document.restore_status(self._node_id, self._old_status, self._history_length)
