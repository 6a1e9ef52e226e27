"""Marking a node done before its prerequisites: ask what to do with them.

The app allows it (people learn out of order), but asks whether the open
prerequisites should be marked done or skipped too. The caller (the main
window) applies the answer through the Editor, as one undo step; this module
only asks.
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from roadmap_app.planning import open_prerequisites

Answer = Literal["done", "skipped", "leave", "cancel"]
LISTED = 8  # prerequisites named in the question; the rest are counted


def waiting_for(roadmap, node_ids: list[str]) -> list[str]:
    """Open prerequisites of any of `node_ids` that are not among them, nearest first."""
    chosen = set(node_ids)
    found: dict[str, None] = {}
    for node_id in node_ids:
        for prerequisite in open_prerequisites(roadmap, node_id):
            if prerequisite not in chosen:
                found.setdefault(prerequisite)
    return list(found)


def build_prerequisite_box(
    parent: QWidget | None, document, node_ids: str | list[str]
) -> tuple[QMessageBox, dict[object, Answer]] | None:
    """The question for marking `node_ids` done, or None when nothing waits."""
    ids = [node_ids] if isinstance(node_ids, str) else list(node_ids)
    roadmap = document.roadmap
    waiting = waiting_for(roadmap, ids)
    if not waiting:
        return None
    node = roadmap.node(ids[0])
    subject = f"“{node.title if node else ids[0]}” still has" if len(ids) == 1 else (
        f"The {len(ids)} selected nodes still have")
    titles = [roadmap.node(p).title for p in waiting]
    listed = "\n".join(f"- {title}" for title in titles[:LISTED])
    if len(titles) > LISTED:
        listed += f"\n- and {len(titles) - LISTED} more"
    count = f"{len(titles)} prerequisite{'s' if len(titles) != 1 else ''}"
    box = QMessageBox(parent)
    box.setObjectName("prerequisites_prompt")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle("Prerequisites not done")
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"{subject} {count} that are not done:\n{listed}")
    box.setInformativeText("Mark them done or skipped too?")
    answers: dict[object, Answer] = {}
    for text, role, answer, tip in (
        ("Mark Done Too", QMessageBox.ButtonRole.YesRole, "done", "I learned these along the way"),
        ("Mark Skipped", QMessageBox.ButtonRole.YesRole, "skipped", "I will not need these"),
        ("Leave Them", QMessageBox.ButtonRole.NoRole, "leave", "Only this node changes"),
    ):
        button = box.addButton(text, role)
        button.setObjectName(f"prerequisites_{answer}")
        button.setToolTip(tip)
        answers[button] = answer
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setObjectName("prerequisites_cancel")
    answers[cancel] = "cancel"
    box.setDefaultButton(next(b for b, a in answers.items() if a == "done"))
    box.setEscapeButton(cancel)
    return box, answers


def ask_about_prerequisites(parent: QWidget | None, document, node_id: str) -> Answer | None:
    """Ask before marking `node_id` done; None means there was nothing to ask.

    "done"/"skipped": mark `open_prerequisites(roadmap, node_id)` that way too;
    "leave": mark only the node; "cancel": change nothing.
    """
    built = build_prerequisite_box(parent, document, node_id)
    if built is None:
        return None
    box, answers = built
    box.exec()
    return answers.get(box.clickedButton(), "cancel")


def mark_done_with_prerequisites(parent: QWidget | None, editor, node_ids: list[str]) -> bool:
    """Ask, then mark `node_ids` done through `editor`, with their open
    prerequisites done or skipped if the user says so: one undo step either way.
    Returns whether anything changed (False when cancelled)."""
    from roadmap_app.model import Status

    document = editor.document
    waiting = waiting_for(document.roadmap, node_ids)
    built = build_prerequisite_box(parent, document, node_ids) if waiting else None
    answer: Answer = "leave"
    if built is not None:
        box, answers = built
        box.exec()
        answer = answers.get(box.clickedButton(), "cancel")
    if answer == "cancel":
        return False
    if answer == "done":
        editor.set_status([*waiting, *node_ids], Status.DONE)
    elif answer == "skipped":
        stack = document.undo_stack
        stack.beginMacro("Mark done, skipping prerequisites")
        try:
            editor.set_status(waiting, Status.SKIPPED)
            editor.set_status(list(node_ids), Status.DONE)
        finally:
            stack.endMacro()
    else:
        editor.set_status(list(node_ids), Status.DONE)
    return True
