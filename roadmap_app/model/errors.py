"""Typed errors of the domain layer. Messages are user-facing, one line."""

from __future__ import annotations


class RoadmapError(Exception):
    """Base for every error a user can cause with a file or an edit."""


class ValidationProblem(RoadmapError):
    """The roadmap breaks a structural rule (ids, references, cycles)."""


class DuplicateIdError(ValidationProblem):
    pass


class DanglingEdgeError(ValidationProblem):
    pass


class SelfLoopError(ValidationProblem):
    pass


class CycleError(ValidationProblem):
    def __init__(self, cycle: list[str], message: str | None = None) -> None:
        self.cycle = cycle
        super().__init__(message or "cycle through " + " -> ".join([*cycle, cycle[0]]))


class DuplicateEdgeError(ValidationProblem):
    pass


class UnknownNodeError(RoadmapError):
    pass
