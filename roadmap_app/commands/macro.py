"""A command made of child commands: redo runs them in order, undo in reverse."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class MacroCommand(QUndoCommand):
    """Holds its children as plain Python objects instead of Qt parent/child.

    PySide keeps Python ownership of a QUndoCommand created with a Qt parent,
    so when the stack later deletes the parent the child is freed twice (a
    crash at garbage collection). Children here have no Qt parent and are
    never pushed; the macro alone is on the stack and drives them.
    """

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.children: list[QUndoCommand] = []

    def adopt(self, command: QUndoCommand) -> QUndoCommand:
        self.children.append(command)
        return command

    def redo(self) -> None:
        for child in self.children:
            child.redo()

    def undo(self) -> None:
        for child in reversed(self.children):
            child.undo()
