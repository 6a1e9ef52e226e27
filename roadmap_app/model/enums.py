"""The closed vocabularies of the file format."""

from __future__ import annotations

from enum import StrEnum


class NodeKind(StrEnum):
    EDUCATION = "education"
    SKILL = "skill"
    ROLE = "role"
    CERTIFICATION = "certification"
    MILESTONE = "milestone"
    PRACTICE = "practice"


class Status(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"

    @property
    def is_closed(self) -> bool:
        """Done or skipped: the node no longer blocks what it unlocks."""
        return self is Status.DONE or self is Status.SKIPPED  # identity: the scheduler asks this per node

    @property
    def label(self) -> str:
        return self.value.replace("_", " ").capitalize()


class EdgeKind(StrEnum):
    PREREQUISITE = "prerequisite"  # learn source before target
    PROGRESSION = "progression"  # role source leads to role target
    RELATED = "related"  # informational only

    @property
    def is_ordering(self) -> bool:
        """Edges that impose an order (and so must stay acyclic)."""
        return self is not EdgeKind.RELATED


class ResourceKind(StrEnum):
    COURSE = "course"
    BOOK = "book"
    CONFERENCE = "conference"
    WEBSITE = "website"
    COMMUNITY = "community"
    PAPER = "paper"
    VIDEO = "video"
    CERTIFICATION = "certification"
    PROJECT = "project"
    PODCAST = "podcast"
    ARTICLE = "article"


class Cost(StrEnum):
    FREE = "free"
    PAID = "paid"
    UNKNOWN = "unknown"


class Origin(StrEnum):
    """Where a node or resource came from; merges use it to protect user data."""

    TEMPLATE = "template"  # shipped with the app or the upstream roadmap
    USER = "user"  # created by the user of this plan
    IMPORTED = "imported"  # read from someone else's file (links are untrusted)
