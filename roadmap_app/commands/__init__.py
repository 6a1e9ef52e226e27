"""Undo commands (QtGui.QUndoCommand) and the Editor that pushes them. No widgets here."""

from .editor import Editor

__all__ = ["Editor"]
