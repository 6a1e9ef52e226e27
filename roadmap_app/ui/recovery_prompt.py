"""Offer work recovered from an autosave copy when a plan is opened.

The user compares (counts of nodes and progress in both), then restores (an
undoable replacement, so the document shows as modified until saved),
discards the copy, or decides later (the copy is kept until the next clean
save, as storage.recovery promises).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from ..commands.editor import Editor
from ..model import Roadmap, RoadmapError, Status
from ..storage import discard_recovery, pending_recovery
from . import messages


def _describe(roadmap: Roadmap) -> str:
    done = sum(1 for n in roadmap.nodes if n.status is Status.DONE)
    notes = sum(1 for n in roadmap.nodes if n.notes)
    resources = sum(len(n.resources) for n in roadmap.nodes)
    return f"{len(roadmap.nodes)} nodes, {done} done, {resources} resources, {notes} with notes"


def ask_recovery(parent, text: str, detail: str) -> str:
    """The question itself: "restore", "discard" or "later"."""
    box = messages.plain_box(parent, QMessageBox.Icon.Question, "Recover unsaved work?", text, detail,
                             QMessageBox.StandardButton.NoButton)
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if clicked is restore else "discard" if clicked is discard else "later"


def offer_recovery(controller, document) -> str:
    """Returns "restored", "discarded", "kept" or "" (nothing to offer)."""
    if document.path is None:
        return ""
    try:
        info = pending_recovery(document.path)
    except (OSError, RoadmapError):
        return ""
    if info is None:
        return ""
    try:
        recovered = info.load().roadmap
    except RoadmapError:
        return ""
    when = info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if info.saved_at else "an unknown time"
    why = "Roadmap Planner did not close cleanly last time. " if info.unclean_exit else ""
    choice = ask_recovery(
        controller.window,
        f"{why}Unsaved work on “{document.path.name}” from {when} was recovered.",
        f"Recovered: {_describe(recovered)}\nOn disk: {_describe(document.roadmap)}\n\n"
        "Restore it (you can still undo), discard it, or decide later?",
    )
    if choice == "restore":
        Editor(document).replace_roadmap(recovered, "Restore recovered work")
        controller.status_message.emit("Recovered work restored; save to keep it")
        return "restored"
    if choice == "discard":
        discard_recovery(document.path)
        return "discarded"
    return "kept"
