"""Roadmap Planner: plan a path from education to machine-learning architect."""

__version__ = "0.1.0"

APP_ID = "io.github.roadmap_planner.RoadmapPlanner"
APP_NAME = "Roadmap Planner"
ORG_NAME = "Roadmap Planner"
ORG_DOMAIN = "roadmap-planner.github.io"


class RoadmapPlannerWarning(UserWarning):
    """Warnings of our own; the tests turn them into errors."""
