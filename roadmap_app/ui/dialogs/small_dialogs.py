"""Small dialogs of the main window: pick a node, pick a template, list shortcuts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.ui.common import messages


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class NodePickerDialog(QDialog):
    """A searchable list of nodes; `chosen` is the picked id."""

    def __init__(self, parent: QWidget | None, title: str, prompt: str,
                 choices: list[tuple[str, str, str]]):  # (id, title, stage)
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(440, 480)
        self.chosen: str | None = None
        label = QLabel(prompt)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        self.filter = QLineEdit()
        self.filter.setObjectName("picker_filter")
        self.filter.setPlaceholderText("Type to filter…")
        self.filter.setAccessibleName("Filter nodes")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget()
        self.list.setObjectName("picker_list")
        self.list.setAccessibleName("Nodes")
        for node_id, node_title, stage in choices:
            item = QListWidgetItem(f"{node_title}  ·  {stage}" if stage else node_title)
            item.setData(Qt.ItemDataRole.UserRole, node_id)
            item.setToolTip(messages.tooltip(node_title))
            self.list.addItem(item)
        self.buttons = _buttons(self)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._accept_first)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        self.list.currentItemChanged.connect(self._current)
        if self.list.count():
            self.list.setCurrentRow(0)
        self._current()

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not all(w in item.text().casefold() for w in words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        self.list.setCurrentItem(first)

    def _current(self, *_args) -> None:
        item = self.list.currentItem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(item is not None and not item.isHidden())

    def _accept_first(self) -> None:
        if self.list.currentItem() is not None:
            self.accept()

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        super().accept()


class TemplateDialog(QDialog):
    """Choose a built-in roadmap for a new plan."""

    def __init__(self, parent: QWidget | None, templates: list[tuple[str, str, str]]):  # id, title, desc
        super().__init__(parent)
        self.setWindowTitle("New Plan from Template")
        self.resize(520, 380)
        self.chosen: str | None = None
        self.list = QListWidget()
        self.list.setObjectName("template_list")
        self.list.setAccessibleName("Templates")
        self.description = QLabel()
        self.description.setTextFormat(Qt.TextFormat.PlainText)
        self.description.setWordWrap(True)
        self.description.setMinimumHeight(60)
        self.description.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self._descriptions = {}
        for template_id, title, description in templates:
            item = QListWidgetItem(title)
            item.setData(Qt.ItemDataRole.UserRole, template_id)
            self._descriptions[template_id] = description
            self.list.addItem(item)
        self.list.currentItemChanged.connect(self._show)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        prompt = QLabel("Start a new plan from one of the built-in roadmaps:")
        prompt.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(prompt)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.description)
        layout.addWidget(_buttons(self))
        if self.list.count():
            self.list.setCurrentRow(0)

    def _show(self, item, _previous=None) -> None:
        if item is not None:
            self.description.setText(self._descriptions.get(item.data(Qt.ItemDataRole.UserRole), ""))

    def accept(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        super().accept()


def shortcut_text(action) -> str:
    """The main shortcut, plus real alternatives (not the media keys some platforms add)."""
    native = QKeySequence.SequenceFormat.NativeText
    shown = []
    for index, key in enumerate(action.shortcuts()):
        text = key.toString(native)
        if index == 0 or ("+" in text and text.split("+")[-1] and len(text.split("+")[-1]) == 1):
            shown.append(text)
    return ", ".join(shown)


class ShortcutsDialog(QDialog):
    """Every action with a shortcut, grouped by menu."""

    def __init__(self, parent: QWidget | None, groups: list[tuple[str, list]]):
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        self.resize(480, 560)
        tree = QTreeWidget()
        tree.setObjectName("shortcuts_tree")
        tree.setAccessibleName("Keyboard shortcuts")
        tree.setHeaderLabels(["Action", "Shortcut"])
        tree.setRootIsDecorated(False)
        for menu_title, actions in groups:
            header = QTreeWidgetItem([menu_title.replace("&", ""), ""])
            font = header.font(0)
            font.setBold(True)
            header.setFont(0, font)
            tree.addTopLevelItem(header)
            for action in actions:
                keys = shortcut_text(action)
                if keys:
                    tree.addTopLevelItem(QTreeWidgetItem(["    " + action.text().replace("&", ""), keys]))
        canvas = QTreeWidgetItem(["Canvas", ""])
        font = canvas.font(0)
        font.setBold(True)
        canvas.setFont(0, font)
        tree.addTopLevelItem(canvas)
        for text, keys in (("Move between connected nodes", "Arrow keys"),
                           ("Open the selected node in the inspector", "Enter"),
                           ("Zoom around the cursor", "Wheel"),
                           ("Pan", "Drag empty space"),
                           ("Clear the search", "Esc")):
            tree.addTopLevelItem(QTreeWidgetItem(["    " + text, keys]))
        tree.resizeColumnToContents(0)
        layout = QVBoxLayout(self)
        layout.addWidget(tree)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        box.rejected.connect(self.reject)
        layout.addWidget(box)
