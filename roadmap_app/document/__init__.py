"""The observable document (QtCore/QtGui only; no widgets)."""

from .document import RoadmapDocument

__all__ = ["RoadmapDocument"]
