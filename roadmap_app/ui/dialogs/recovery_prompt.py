"""Offer work recovered from an autosave copy: when a plan is opened, and at
startup for an untitled plan that was never saved.

The user compares (counts in both, and under "Show Details…" every change the
recovered copy makes against the file on disk, from model.diff), then
restores (an undoable replacement, so the document shows as modified until
saved), discards the copy, or decides later (the copy is kept until the next
clean save, as storage.recovery promises).
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from roadmap_app.commands.editor import Editor
from roadmap_app.model import Roadmap, RoadmapError, Status
from roadmap_app.model.diff import diff_roadmaps
from roadmap_app.storage import discard_recovery, pending_recovery
from roadmap_app.storage.recovery import RecoveryInfo, pending_untitled
from roadmap_app.ui.common import messages

DETAIL_LINES = 200  # the details pane scrolls; past this a line says how many more


def _describe(roadmap: Roadmap) -> str:
    done = sum(1 for n in roadmap.nodes if n.status is Status.DONE)
    notes = sum(1 for n in roadmap.nodes if n.notes)
    resources = sum(len(n.resources) for n in roadmap.nodes)
    return f"{len(roadmap.nodes)} nodes, {done} done, {resources} resources, {notes} with notes"


def compare_text(on_disk: Roadmap | None, recovered: Roadmap) -> tuple[str, str]:
    """(summary for the message, details listing each change) of `recovered` against `on_disk`."""
    if on_disk is None:
        return f"Recovered: {_describe(recovered)}", ""
    diff = diff_roadmaps(on_disk, recovered)
    if diff.empty:
        changes = "It holds no changes to nodes, progress or notes (only layout or settings differ)."
    else:
        changes = f"It changes {diff.count} thing{'s' if diff.count != 1 else ''}: see Show Details…"
    summary = f"Recovered: {_describe(recovered)}\nOn disk: {_describe(on_disk)}\n{changes}"
    detail = "Changes the recovered copy makes to the file on disk:\n" + "\n".join(diff.lines(DETAIL_LINES))
    return summary, detail if not diff.empty else ""


def ask_recovery(parent, text: str, detail: str, changes: str = "") -> str:
    """The question itself: "restore", "discard" or "later". `changes` fills "Show Details…"."""
    box = messages.plain_box(parent, QMessageBox.Icon.Question, "Recover unsaved work?", text, detail,
                             QMessageBox.StandardButton.NoButton)
    box.setObjectName("recovery_prompt")
    if changes:
        box.setDetailedText(changes)  # always plain text in Qt
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton("Discard", QMessageBox.ButtonRole.DestructiveRole)
    later = box.addButton("Later", QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.setEscapeButton(later)
    box.exec()
    clicked = box.clickedButton()
    return "restore" if clicked is restore else "discard" if clicked is discard else "later"


def _when(info: RecoveryInfo) -> str:
    return info.saved_at.astimezone().strftime("%Y-%m-%d %H:%M") if info.saved_at else "an unknown time"


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
    why = "Roadmap Planner did not close cleanly last time. " if info.unclean_exit else ""
    summary, changes = compare_text(document.roadmap, recovered)
    choice = ask_recovery(
        controller.window,
        f"{why}Unsaved work on “{document.path.name}” from {_when(info)} was recovered.",
        f"{summary}\n\nRestore it (you can still undo), discard it, or decide later?",
        changes,
    )
    if choice == "restore":
        Editor(document).replace_roadmap(recovered, "Restore recovered work")
        controller.status_message.emit("Recovered work restored; save to keep it")
        return "restored"
    if choice == "discard":
        discard_recovery(document.path)
        return "discarded"
    return "kept"


def offer_untitled_recovery(controller) -> str:
    """At startup: offer the newest recovered untitled plan. Same answers as offer_recovery.

    Restoring opens it as an untitled plan that keeps using the same recovery
    copy, so a second crash before the next autosave loses nothing.
    """
    try:
        pending = pending_untitled()
    except (OSError, RoadmapError):
        return ""
    for info in pending:
        try:
            recovered = info.load().roadmap
        except RoadmapError:
            continue
        why = "Roadmap Planner did not close cleanly last time. " if info.unclean_exit else ""
        summary, _changes = compare_text(None, recovered)
        more = ""
        if len(pending) > 1:
            more = f"\n({len(pending) - 1} more recovered untitled plans are kept for later.)"
        choice = ask_recovery(
            controller.window,
            f"{why}An untitled plan, “{recovered.title}”, from {_when(info)} was never saved, "
            "and its work was recovered.",
            f"{summary}{more}\n\nOpen it as an untitled plan, discard it, or decide later?",
        )
        if choice == "restore":
            if not controller.adopt_untitled(recovered, info.plan_path):
                return "kept"
            controller.status_message.emit("Recovered untitled plan opened; save it to keep it")
            return "restored"
        if choice == "discard":
            controller.forget_untitled(info.plan_path)
            return "discarded"
        return "kept"
    return ""
