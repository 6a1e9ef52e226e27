"""The import preview: what a foreign file will become before it becomes a new plan.

Shows the roadmap's title, the counts (nodes, edges, resources, stages), what the
importer dropped and its warnings (ImportReport). Every piece of text comes from
the file, so every label is plain text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.interchange.report import ImportReport
from roadmap_app.model import Roadmap


def import_counts(roadmap: Roadmap) -> dict[str, int]:
    return {
        "nodes": len(roadmap.nodes),
        "edges": len(roadmap.edges),
        "resources": sum(len(n.resources) for n in roadmap.nodes),
        "stages": len([s for s in roadmap.stage_order() if s]),
    }


def plain_label(text: str, name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    return label


class ImportPreviewDialog(QDialog):
    def __init__(self, parent: QWidget | None, path: Path, roadmap: Roadmap, report: ImportReport):
        super().__init__(parent)
        self.setObjectName("import_preview_dialog")
        self.setWindowTitle(f"Import {path.name}")
        self.resize(560, 460)
        self.counts = import_counts(roadmap)
        layout = QVBoxLayout(self)
        fmt = report.format_name or path.suffix.lstrip(".")
        layout.addWidget(plain_label(f"“{path.name}” ({fmt}) will be opened as a new, unsaved plan. "
                                     "The plan you have open now is not changed."))
        form = QFormLayout()
        form.addRow("Title:", plain_label(roadmap.title, "import_title"))
        for key, caption in (("nodes", "Nodes:"), ("edges", "Connections:"), ("resources", "Resources:"),
                             ("stages", "Stages:")):
            form.addRow(caption, plain_label(f"{self.counts[key]:,}", f"import_count_{key}"))
        dropped = report.summary_lines()
        form.addRow("Dropped:", plain_label("; ".join(dropped) if dropped else "nothing", "import_dropped"))
        layout.addLayout(form)

        warnings = report.warning_lines()
        layout.addWidget(plain_label(f"Warnings ({len(report.warnings) + report.suppressed}):" if warnings
                                     else "No warnings."))
        self.warnings = QListWidget()
        self.warnings.setObjectName("import_warnings")
        self.warnings.setAccessibleName("Import warnings")
        self.warnings.addItems(warnings)  # QListWidget items are plain text
        self.warnings.setVisible(bool(warnings))
        layout.addWidget(self.warnings, 1)

        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Create New Plan")
        ok.setEnabled(self.counts["nodes"] > 0)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        if not self.counts["nodes"]:
            layout.insertWidget(layout.count() - 1, plain_label("The file has no nodes to import."))
