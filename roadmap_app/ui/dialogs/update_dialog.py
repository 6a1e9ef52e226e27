"""The "Update from…" summary: what merging a newer version will do, shown before applying.

Counts first (new, updated, removed, kept because they carry the user's
progress), then the lists by node title, then warnings. Node titles come from
files, so everything is plain text (list items and PlainText labels).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.interchange.merge import MergeSummary
from roadmap_app.model import Roadmap
from roadmap_app.ui.dialogs.import_dialog import plain_label

MAX_LISTED = 500  # per group; a huge update still opens quickly


def summary_groups(summary: MergeSummary, mine: Roadmap, merged: Roadmap) -> list[tuple[str, list[str]]]:
    """(heading, node titles) per kind of change, in the summary's order."""
    before, after = mine.node_map(), merged.node_map()

    def titles(ids: list[str], source) -> list[str]:
        out = []
        for node_id in ids:
            node = source.get(node_id) or before.get(node_id) or after.get(node_id)
            out.append(f"{node.title}  ({node_id})" if node is not None else node_id)
        return out

    def renamed(ids: list[str]) -> list[str]:
        out = []
        for node_id, text in zip(ids, titles(ids, after), strict=True):
            old, new = before.get(node_id), after.get(node_id)
            renamed = old is not None and new is not None and old.title != new.title
            out.append(f"{old.title} → {text}" if renamed else text)
        return out

    return [
        (f"New nodes: {len(summary.added)}", titles(summary.added, after)),
        (f"Updated from upstream: {len(summary.updated)}", renamed(summary.updated)),
        (f"Removed upstream: {len(summary.removed)}", titles(summary.removed, before)),
        (f"Removed upstream, kept for your progress or notes: {len(summary.kept_removed)}",
         titles(summary.kept_removed, after)),
        (f"Your own nodes, kept: {len(summary.kept_user)}", titles(summary.kept_user, after)),
        (f"Dropped connections: {len(summary.dropped_edges)}", list(summary.dropped_edges)),
    ]


class UpdateSummaryDialog(QDialog):
    def __init__(self, parent: QWidget | None, path: Path, summary: MergeSummary, mine: Roadmap,
                 merged: Roadmap, warnings: list[str] | None = None):
        super().__init__(parent)
        self.setObjectName("update_summary_dialog")
        self.setWindowTitle(f"Update from {path.name}")
        self.resize(620, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(
            f"Merge “{path.name}” into your plan? Your statuses, notes and own resources are kept. "
            "You can undo the whole update with Edit > Undo."))
        self.headline = plain_label(
            f"{len(summary.added)} new, {len(summary.updated)} updated, {len(summary.removed)} removed, "
            f"{len(summary.kept_removed)} kept as removed upstream; {summary.resources_added} new resources.",
            "update_headline")
        font = self.headline.font()
        font.setBold(True)
        self.headline.setFont(font)
        layout.addWidget(self.headline)

        self.tree = QTreeWidget()
        self.tree.setObjectName("update_changes")
        self.tree.setAccessibleName("Changes in the update")
        self.tree.setHeaderHidden(True)
        self.notes = [*(warnings or []), *summary.warnings]
        self.groups = summary_groups(summary, mine, merged)
        if self.notes:
            self.groups.insert(0, (f"Notes: {len(self.notes)}", self.notes))
        for heading, items in self.groups:
            if not items:
                continue
            top = QTreeWidgetItem([heading])
            for text in items[:MAX_LISTED]:
                top.addChild(QTreeWidgetItem([text]))
            if len(items) > MAX_LISTED:
                top.addChild(QTreeWidgetItem([f"… and {len(items) - MAX_LISTED} more"]))
            self.tree.addTopLevelItem(top)
            top.setExpanded(len(items) <= 20)
        layout.addWidget(self.tree, 1)

        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Apply Update")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
