"""The inspector's resources section: a table with add, edit, remove, reorder and open link.

Every change goes through the Editor (one undo step each); links open only
through LinkOpener (http/https, imported hosts confirmed).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.model import Node, Resource, RoadmapError
from roadmap_app.ui.common import messages
from roadmap_app.ui.common.links import LinkOpener
from roadmap_app.ui.dialogs.resource_editor import ResourceDialog

COLUMNS = ("Title", "Kind", "Status", "Link")  # provider, cost and notes: tooltip and dialog


def _host(url: str) -> str:
    host = QUrl(url).host()
    return host.removeprefix("www.") if host else ("—" if not url else "(not a web link)")


class ResourceTable(QWidget):
    error_raised = Signal(str)

    def __init__(self, links: LinkOpener, parent: QWidget | None = None):
        super().__init__(parent)
        self.links = links
        self.editor = None
        self.node: Node | None = None
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setObjectName("resource_table")
        self.table.setAccessibleName("Resources")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        # Tab leaves the table (arrows move between rows): with Qt's default, Tab walked the
        # cells forever and the buttons below were reachable only with Shift+Tab.
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setAlternatingRowColors(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)
        header.setSectionResizeMode(len(COLUMNS) - 1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(len(COLUMNS) - 1, 110)  # the link's host, elided
        self.table.setMinimumHeight(120)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_selected())

        self.empty = QLabel("No resources yet. Add a course, book or link you use for this step.")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)

        def button(name: str, text: str, tip: str, slot) -> QToolButton:
            # Tool buttons: push buttons insist on 80 px each and would widen the dock.
            b = QToolButton()
            b.setText(text)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setObjectName(name)
            b.setToolTip(tip)
            b.setAccessibleName(tip)
            b.clicked.connect(slot)
            return b

        self.add_button = button("resource_add", "Add…", "Add a resource", self.add)
        self.edit_button = button("resource_edit", "Edit…", "Edit the selected resource", self.edit_selected)
        self.remove_button = button("resource_remove", "Remove", "Remove the selected resource",
                                    self.remove_selected)
        self.up_button = button("resource_up", "↑", "Move the selected resource up", lambda: self.move(-1))
        self.down_button = button("resource_down", "↓", "Move the selected resource down",
                                  lambda: self.move(1))
        self.open_button = button("resource_open", "Open", "Open the selected resource's link",
                                  self.open_selected)
        for b in (self.add_button, self.edit_button, self.remove_button, self.open_button):
            b.setMinimumWidth(56)
        row = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.remove_button, self.up_button, self.down_button):
            row.addWidget(b)
        row.addStretch(1)
        row.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        layout.addLayout(row)
        self._update_buttons()

    # -- data ------------------------------------------------------------
    def set_node(self, editor, node: Node | None) -> None:
        self.editor = editor
        selected = self.selected_resource()
        keep = selected.id if selected and self.node is not None and node is not None \
            and node.id == self.node.id else None
        self.node = node
        resources = node.resources if node else []
        self.table.setRowCount(len(resources))
        for row, resource in enumerate(resources):
            cells = (resource.title, resource.kind.value.capitalize(), resource.status.label,
                     _host(resource.url))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, resource.id)
                details = " · ".join(x for x in (resource.provider, resource.cost.value.capitalize()) if x)
                tip = f"{resource.title}\n{details}" + (f"\n{resource.url}" if resource.url else "")
                if resource.notes:
                    tip += f"\n\n{resource.notes[:500]}"
                item.setToolTip(messages.tooltip(tip))
                self.table.setItem(row, col, item)
            if resource.id == keep:
                self.table.selectRow(row)
        self.table.setVisible(bool(resources))
        self.empty.setVisible(not resources)
        self._update_buttons()

    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def selected_resource(self) -> Resource | None:
        row = self.selected_row()
        if self.node is None or not 0 <= row < len(self.node.resources):
            return None
        return self.node.resources[row]

    def _update_buttons(self) -> None:
        has_node = self.node is not None
        row = self.selected_row()
        count = len(self.node.resources) if self.node else 0
        has = has_node and 0 <= row < count
        self.add_button.setEnabled(has_node)
        for b in (self.edit_button, self.remove_button):
            b.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row < count - 1)
        resource = self.selected_resource()
        self.open_button.setEnabled(bool(resource and resource.url))

    # -- intents ---------------------------------------------------------
    def _run(self, func, *args, **kwargs) -> bool:
        try:
            func(*args, **kwargs)
        except (RoadmapError, ValueError) as exc:
            self.error_raised.emit(str(exc))
            return False
        return True

    def add(self) -> None:
        if self.node is None or self.editor is None:
            return
        dialog = ResourceDialog(self)
        if dialog.exec() == ResourceDialog.DialogCode.Accepted:
            resource = dialog.resource()
            if self._run(self.editor.add_resource, self.node.id, resource):
                self.select_resource(resource.id)

    def edit_selected(self) -> None:
        resource = self.selected_resource()
        if resource is None or self.node is None:
            return
        dialog = ResourceDialog(self, resource)
        if dialog.exec() == ResourceDialog.DialogCode.Accepted:
            self._run(self.editor.update_resource, self.node.id, resource.id, **dialog.values())

    def remove_selected(self) -> None:
        resource = self.selected_resource()
        if resource is not None and self.node is not None:
            self._run(self.editor.remove_resource, self.node.id, resource.id)

    def move(self, delta: int) -> None:
        row = self.selected_row()
        resource = self.selected_resource()
        if resource is None or self.node is None:
            return
        target = row + delta
        if 0 <= target < len(self.node.resources) and self._run(
                self.editor.move_resource, self.node.id, row, target):
            self.select_resource(resource.id)

    def select_resource(self, resource_id: str) -> None:
        if self.node is None:
            return
        for row, resource in enumerate(self.node.resources):
            if resource.id == resource_id:
                self.table.selectRow(row)
                return

    def open_selected(self) -> bool:
        resource = self.selected_resource()
        if resource is None:
            return False
        return self.links.open(self, resource.url, resource.origin)
