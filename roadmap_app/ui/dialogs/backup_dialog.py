"""File > Restore from Backup…: pick one of the open plan's rotating backups.

The list (newest first, local time, size) comes from storage.backups without
loading anything; only the selected backup is loaded, which is also its
validity check (the same full parse as backups.is_valid_backup, done once and
cached). The preview gives its counts and what restoring it would change in
the open plan (model.diff). Restoring replaces the open document's roadmap as
one undoable edit: the file on disk is not touched until the user saves.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.model import Roadmap, Status
from roadmap_app.model.diff import diff_roadmaps
from roadmap_app.storage import codec, list_backups, read_bytes
from roadmap_app.storage.backups import BackupInfo

EMPTY_TEXT = "No backups yet: they are made each time the plan is saved."
PREVIEW_LINES = 300
PathRole = Qt.ItemDataRole.UserRole


def size_text(size: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if size < 1024 or unit == "MB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:,.1f} {unit}"
        size /= 1024
    return f"{size:,.1f} MB"


def _label(text: str = "", name: str = "") -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class BackupDialog(QDialog):
    """Lists the backups of `plan_path`; `chosen()` is the selected backup's roadmap once accepted."""

    def __init__(self, parent: QWidget | None, plan_path: Path, current: Roadmap):
        super().__init__(parent)
        self.setObjectName("backup_dialog")
        self.setWindowTitle(f"Restore {plan_path.name} from Backup")
        self.resize(720, 480)
        self.current = current
        self.backups: list[BackupInfo] = list_backups(plan_path, check=False)
        self._loaded: dict[Path, Roadmap | str] = {}  # a roadmap, or why it does not load

        layout = QVBoxLayout(self)
        layout.addWidget(_label(
            "Restoring puts the backup's content into the open plan as one change: "
            "Undo takes it back, and the file is only written when you save."))
        self.list = QListWidget()
        self.list.setObjectName("backup_list")
        self.list.setAccessibleName("Backups, newest first")
        for info in self.backups:
            try:
                size = size_text(info.path.stat().st_size)
            except OSError:
                size = "unreadable"
            item = QListWidgetItem(f"{info.label}    {size}")
            item.setData(PathRole, str(info.path))
            self.list.addItem(item)
        self.preview = QPlainTextEdit()
        self.preview.setObjectName("backup_preview")
        self.preview.setAccessibleName("Backup preview")
        self.preview.setReadOnly(True)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.list)
        splitter.addWidget(self.preview)
        splitter.setSizes([260, 460])
        self.empty = _label(EMPTY_TEXT, "backup_empty")
        layout.addWidget(self.empty)
        layout.addWidget(splitter, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton("Restore", QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("backup_restore")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.empty.setVisible(not self.backups)
        splitter.setVisible(bool(self.backups))
        self.restore_button.setEnabled(False)
        self.list.currentRowChanged.connect(self._selected)
        if self.backups:
            self.list.setCurrentRow(0)

    def selected(self) -> BackupInfo | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None

    def chosen(self) -> Roadmap | None:
        info = self.selected()
        loaded = self._load(info) if info is not None else None
        return loaded if isinstance(loaded, Roadmap) else None

    def _load(self, info: BackupInfo) -> Roadmap | str:
        if info.path not in self._loaded:
            try:
                self._loaded[info.path] = codec.loads(read_bytes(info.path), allow_newer=True).roadmap
            except Exception as exc:  # like backups.is_valid_backup: any failure means "not this one"
                self._loaded[info.path] = str(exc) or type(exc).__name__
        return self._loaded[info.path]

    def _selected(self, _row: int) -> None:
        info = self.selected()
        if info is None:
            self.preview.setPlainText("")
            self.restore_button.setEnabled(False)
            return
        loaded = self._load(info)
        if not isinstance(loaded, Roadmap):
            self.preview.setPlainText(f"This backup cannot be restored: it does not load.\n\n{loaded}")
            self.restore_button.setEnabled(False)
            return
        self.restore_button.setEnabled(True)
        self.preview.setPlainText(self.preview_text(info, loaded))

    def preview_text(self, info: BackupInfo, roadmap: Roadmap) -> str:
        done = sum(1 for n in roadmap.nodes if n.status is Status.DONE)
        notes = sum(1 for n in roadmap.nodes if n.notes)
        diff = diff_roadmaps(self.current, roadmap)
        head = [f"Backup from {info.label}", f"“{roadmap.title}”",
                f"{len(roadmap.nodes)} nodes, {done} done, {notes} with notes", ""]
        if diff.empty:
            return "\n".join([*head, "Its nodes, progress and notes are the same as in the open plan."])
        return "\n".join([*head, "Restoring it would change the open plan:", *diff.lines(PREVIEW_LINES)])


def restore_from_backup(window) -> bool:
    """File > Restore from Backup…: True if a backup was put into the open document."""
    doc, editor = window.document, window.editor
    if doc is None or editor is None or doc.path is None:
        return False
    inspector = getattr(window, "inspector", None)
    if inspector is not None:
        inspector.commit_pending()  # a half-typed note is part of what the diff compares
    dialog = BackupDialog(window, doc.path, doc.roadmap)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    info, roadmap = dialog.selected(), dialog.chosen()
    if info is None or roadmap is None:
        return False
    editor.replace_roadmap(roadmap, f"Restore backup from {info.label}")  # freshly loaded: not shared
    window.show_message(f"Restored the backup from {info.label}; save to keep it, or undo")
    return True
