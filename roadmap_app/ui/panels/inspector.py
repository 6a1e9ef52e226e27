"""The inspector dock's content: every field of the selected node, editable.

It reads the document and turns edits into Editor calls (one undo step each):
line edits commit on Enter/focus-out, the description and notes commit on
focus-out or after a pause in typing (never per keystroke). Status changes are
emitted as `status_requested` so the window can apply the locking prompt the
same way as the menu and the one-key shortcuts do.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.model import EdgeKind, NodeKind, RoadmapError, Status
from roadmap_app.model.text import MAX_HOURS, MAX_TEXT, MAX_TITLE
from roadmap_app.ui.common import messages
from roadmap_app.ui.common.limited_text import LimitedTextEdit
from roadmap_app.ui.common.links import LinkOpener
from roadmap_app.ui.dialogs.resource_editor import enum_combo, select_data
from roadmap_app.ui.panels.career_fields import CareerFields
from roadmap_app.ui.panels.resource_table import ResourceTable
from roadmap_app.ui.window.actions import STATUS_KEYS

STATUS_GLYPHS = {
    Status.NOT_STARTED: "○",
    Status.IN_PROGRESS: "◐",
    Status.DONE: "✓",
    Status.SKIPPED: "–",
}
EMPTY_TEXT = "Select a node to see its details and resources"
# The checked status must read at a glance in both themes (Fusion's sunken look barely shows).
STATUS_BUTTON_STYLE = """
QToolButton { padding: 4px 6px; border: 1px solid palette(mid); border-radius: 4px;
              background: palette(button); color: palette(button-text); }
QToolButton:hover { border-color: palette(highlight); }
QToolButton:checked { background: palette(highlight); color: palette(highlighted-text);
                      border-color: palette(highlight); font-weight: bold; }
"""
COMMIT_DELAY_MS = 1500


class CommitTextEdit(LimitedTextEdit):
    """Plain text that commits on focus-out or after a pause: one undo step, not one per key."""

    committed = Signal(str)

    def __init__(self, accessible: str, placeholder: str):
        super().__init__(MAX_TEXT, accessible)
        self.setAccessibleName(accessible)
        self.setPlaceholderText(placeholder)
        self.setTabChangesFocus(True)
        self.dirty = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COMMIT_DELAY_MS)
        self._timer.timeout.connect(self.commit)
        self.textChanged.connect(self._typed)

    def _typed(self) -> None:
        if self.signalsBlocked():
            return
        self.dirty = True
        self._timer.start()

    def set_text_quietly(self, text: str) -> None:
        if self.dirty or self.toPlainText() == text:
            return
        with QSignalBlocker(self):
            self.setPlainText(text)

    def commit(self) -> None:
        self._timer.stop()
        if self.dirty:
            self.dirty = False
            self.committed.emit(self.toPlainText())

    def focusOutEvent(self, event) -> None:
        self.commit()
        super().focusOutEvent(event)


def _section(title: str) -> QLabel:
    label = QLabel(title)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class InspectorPanel(QWidget):
    node_requested = Signal(str)  # a prerequisite/unlock was clicked: select and centre it
    status_requested = Signal(list, str)  # node ids, status value
    error_raised = Signal(str)

    def __init__(self, links: LinkOpener | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("inspector")
        self.setAccessibleName("Inspector")
        self.document = None
        self.editor = None
        self.node_id: str | None = None
        self.links = links or LinkOpener()

        self.stack = QStackedWidget()
        self.empty = QLabel(EMPTY_TEXT)
        self.empty.setObjectName("inspector_empty")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setEnabled(False)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self._build_form())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.set_node(None)

    # -- construction ------------------------------------------------------
    def _build_form(self) -> QWidget:
        self.title = QLineEdit()
        self.title.setObjectName("inspector_title")
        self.title.setAccessibleName("Node title")
        self.title.setMaxLength(MAX_TITLE)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.title.setFont(font)
        self.title.editingFinished.connect(self._commit_title)
        self.title.inputRejected.connect(lambda: self.error_raised.emit(
            f"A title can have at most {MAX_TITLE} characters; the rest was not added."))

        self.kind = enum_combo(NodeKind, "Node kind")
        self.kind.setObjectName("inspector_kind")
        self.kind.activated.connect(lambda _i: self._update(kind=NodeKind(self.kind.currentData())))
        self.stage = QComboBox()
        self.stage.setObjectName("inspector_stage")
        self.stage.setAccessibleName("Stage")
        self.stage.activated.connect(lambda _i: self._update(stage=self.stage.currentData() or ""))

        self.status_group = QButtonGroup(self)
        self.status_group.setExclusive(True)
        status_row = QHBoxLayout()
        status_row.setSpacing(4)
        self.status_buttons: dict[Status, QToolButton] = {}
        for status in Status:
            b = QToolButton()
            b.setObjectName(f"inspector_status_{status.value}")
            b.setText(f"{STATUS_GLYPHS[status]} {status.label}")
            b.setCheckable(True)
            b.setAutoRaise(False)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            b.setToolTip(f"Mark as {status.label} ({STATUS_KEYS[status]})")
            b.setAccessibleName(f"Status {status.label}")
            b.setStyleSheet(STATUS_BUTTON_STYLE)
            self.status_group.addButton(b)
            self.status_buttons[status] = b
            status_row.addWidget(b)
        self.status_group.buttonClicked.connect(self._status_clicked)

        self.stage_progress_label = QLabel()
        self.stage_progress_label.setObjectName("inspector_stage_progress")
        self.stage_progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.stage_progress = QProgressBar()
        self.stage_progress.setAccessibleName("Stage progress")
        self.stage_progress.setTextVisible(False)
        self.stage_progress.setMaximumHeight(8)

        self.hours = QDoubleSpinBox()
        self.hours.setObjectName("inspector_hours")
        self.hours.setAccessibleName("Estimated hours")
        self.hours.setRange(0.0, MAX_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSuffix(" h")
        self.hours.setSpecialValueText("Not estimated")
        self.hours.setKeyboardTracking(False)
        self.hours.editingFinished.connect(self._commit_hours)

        self.has_target = QCheckBox("Target date")
        self.has_target.setObjectName("inspector_has_target")
        self.has_target.setAccessibleName("Has a target date")
        self.target = QDateEdit()
        self.target.setObjectName("inspector_target_date")
        self.target.setAccessibleName("Target date")
        self.target.setCalendarPopup(True)
        self.target.setDisplayFormat("yyyy-MM-dd")
        self.target.setDateRange(QDate(1900, 1, 1), QDate(2200, 12, 31))
        self.has_target.toggled.connect(self._commit_target)
        self.target.editingFinished.connect(self._commit_target)
        target_row = QHBoxLayout()
        target_row.addWidget(self.has_target)
        target_row.addWidget(self.target, 1)

        self.description = CommitTextEdit("Description", "What this step is about")
        self.description.setObjectName("inspector_description")
        self.description.setFixedHeight(80)
        self.description.committed.connect(lambda text: self._commit_text(self.description, description=text))
        self.notes = CommitTextEdit("Notes", "Your notes: what you learned, what is next…")
        self.notes.setObjectName("inspector_notes")
        self.notes.setFixedHeight(90)
        self.notes.committed.connect(lambda text: self._commit_text(self.notes, notes=text))

        self.resources = ResourceTable(self.links)
        self.resources.error_raised.connect(self.error_raised)

        self.career = CareerFields()  # done date, route choice, opt-in, why, off-route banner
        self.career.status_requested.connect(self.status_requested)
        self.career.error_raised.connect(self.error_raised)

        self.prerequisites = self._node_list("inspector_prerequisites", "Prerequisites")
        self.unlocks = self._node_list("inspector_unlocks", "Unlocks")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow("&Kind:", self.kind)
        form.addRow("St&age:", self.stage)
        form.addRow("&Hours:", self.hours)
        form.addRow(target_row)

        body = QWidget()
        v = QVBoxLayout(body)
        v.setSpacing(8)
        v.addWidget(self.title)
        v.addWidget(self.career.banner)
        v.addLayout(status_row)
        v.addWidget(self.stage_progress_label)
        v.addWidget(self.stage_progress)
        v.addLayout(form)
        v.addWidget(self.career)
        v.addWidget(_section("Description"))
        v.addWidget(self.description)
        v.addWidget(self.description.hint)
        v.addWidget(self.career.why)
        v.addWidget(_section("Notes"))
        v.addWidget(self.notes)
        v.addWidget(self.notes.hint)
        v.addWidget(_section("Resources"))
        v.addWidget(self.resources)
        lists = QHBoxLayout()
        for title, widget in (("Prerequisites", self.prerequisites), ("Unlocks", self.unlocks)):
            col = QVBoxLayout()
            col.addWidget(_section(title))
            col.addWidget(widget)
            lists.addLayout(col)
        v.addLayout(lists)
        v.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        return scroll

    def changeEvent(self, event) -> None:
        if event.type() == QEvent.Type.PaletteChange:  # re-resolve palette() in the style sheets
            for button in self.status_buttons.values():
                button.setStyleSheet(STATUS_BUTTON_STYLE)
        super().changeEvent(event)

    def _node_list(self, name: str, accessible: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(accessible)
        widget.setMaximumHeight(110)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setTextElideMode(Qt.TextElideMode.ElideRight)
        widget.itemActivated.connect(self._jump)
        widget.itemClicked.connect(self._jump)
        return widget

    # -- wiring ----------------------------------------------------------
    def set_document(self, document, editor) -> None:
        if self.document is not None:
            for signal in (self.document.node_changed, self.document.node_removed):
                signal.disconnect(self._node_changed)
            self.document.edge_added.disconnect(self._edges_changed)
            self.document.edge_removed.disconnect(self._edges_changed)
            self.document.roadmap_reset.disconnect(self.refresh)
        self.document, self.editor = document, editor
        document.node_changed.connect(self._node_changed)
        document.node_removed.connect(self._node_changed)
        document.edge_added.connect(self._edges_changed)
        document.edge_removed.connect(self._edges_changed)
        document.roadmap_reset.connect(self.refresh)
        self.career.set_document(document, editor)
        self.set_node(None)

    def set_node(self, node_id: str | None, selected: int = 0) -> None:
        """Show `node_id`; with none, the empty state (which says how many are selected)."""
        if node_id != self.node_id:
            self.commit_pending()
            self.description.dirty = self.notes.dirty = False
        self.node_id = node_id
        if selected > 1:
            self.empty.setText(f"{selected} nodes selected.\nUse the Status menu or its keys (N, P, D, S) "
                               "to mark them all, or Del to delete them.")
        else:
            self.empty.setText(EMPTY_TEXT)
        self.refresh()

    def commit_pending(self) -> None:
        """Write typed but uncommitted text (before switching nodes, saving or quitting)."""
        if self.node_id is not None:
            self.description.commit()
            self.notes.commit()

    def _node_changed(self, node_id: str) -> None:
        if self.node_id is None:
            return
        if node_id == self.node_id or self._in_stage(node_id):
            self.refresh()

    def _in_stage(self, node_id: str) -> bool:
        # A status change elsewhere in the same stage moves this stage's progress.
        if self.document is None or not self.document.has_node(node_id) \
                or not self.document.has_node(self.node_id):
            return False
        return self.document.node(node_id).stage == self.document.node(self.node_id).stage

    def _edges_changed(self, source: str, target: str, _kind: str) -> None:
        if self.node_id in (source, target):
            self.refresh()

    # -- showing ---------------------------------------------------------
    def refresh(self) -> None:
        doc = self.document
        if doc is None or self.node_id is None or not doc.has_node(self.node_id):
            self.node_id = None
            self.stack.setCurrentIndex(0)
            self.resources.set_node(self.editor, None)
            return
        node = doc.node(self.node_id)
        self.stack.setCurrentIndex(1)
        if not self.title.hasFocus() or not self.title.isModified():
            self.title.setText(node.title)
            self.title.setModified(False)
            self.title.setCursorPosition(0)
        self.title.setToolTip(messages.tooltip(node.title))
        with QSignalBlocker(self.kind):
            select_data(self.kind, node.kind.value)
        with QSignalBlocker(self.stage):
            self.stage.clear()
            for stage in doc.roadmap.stage_order():
                self.stage.addItem(stage or "(no stage)", stage)
            select_data(self.stage, node.stage)
        for status, button in self.status_buttons.items():
            button.setChecked(status is node.status)
        with QSignalBlocker(self.hours):
            self.hours.setValue(node.estimated_hours or 0.0)
        with QSignalBlocker(self.has_target), QSignalBlocker(self.target):
            self.has_target.setChecked(node.target_date is not None)
            date = node.target_date or dt.date.today()
            self.target.setDate(QDate(date.year, date.month, date.day))
            self.target.setEnabled(node.target_date is not None)
        self.description.set_text_quietly(node.description)
        self.notes.set_text_quietly(node.notes)
        self.resources.set_node(self.editor, node)
        self._show_stage_progress(node.stage)
        self.career.show_node(node.id)
        self._fill_list(self.prerequisites, [e.source for e in doc.roadmap.edges
                                             if e.target == node.id and e.kind is not EdgeKind.RELATED])
        self._fill_list(self.unlocks, [e.target for e in doc.roadmap.edges
                                       if e.source == node.id and e.kind is not EdgeKind.RELATED])

    def _show_stage_progress(self, stage: str) -> None:
        nodes = [n for n in self.document.roadmap.nodes if n.stage == stage]
        counted = [n for n in nodes if n.status is not Status.SKIPPED]
        done = sum(1 for n in counted if n.status is Status.DONE)
        total = len(counted)
        percent = round(100 * done / total) if total else 100
        self.stage_progress_label.setText(
            f"{stage or 'No stage'}: {done} of {total} done ({percent}%)")
        self.stage_progress.setRange(0, max(total, 1))
        self.stage_progress.setValue(done if total else 1)

    def _fill_list(self, widget: QListWidget, ids: list[str]) -> None:
        widget.clear()
        for node_id in dict.fromkeys(ids):
            node = self.document.node(node_id)
            item = QListWidgetItem(f"{STATUS_GLYPHS[node.status]}  {node.title}")
            item.setData(Qt.ItemDataRole.UserRole, node_id)
            item.setToolTip(messages.tooltip(f"{node.title} — {node.status.label}"))
            widget.addItem(item)
        if not ids:
            item = QListWidgetItem("None")
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            widget.addItem(item)

    # -- edits -----------------------------------------------------------
    def _update(self, **fields) -> None:
        if self.editor is None or self.node_id is None:
            return
        try:
            self.editor.update_node(self.node_id, **fields)
        except (RoadmapError, ValueError) as exc:
            self.error_raised.emit(_short_error(exc))
            self.refresh()

    def _commit_text(self, widget: CommitTextEdit, **fields) -> None:
        """A refused text stays in its editor with the reason beside it: typed words are never lost."""
        if self.editor is None or self.node_id is None:
            return
        try:
            self.editor.update_node(self.node_id, **fields)
        except (RoadmapError, ValueError) as exc:
            widget.dirty = True  # keep what was typed; the next pause or focus-out tries again
            widget.show_problem(f"Not saved yet: {_short_error(exc)}")

    def _commit_title(self) -> None:
        text = self.title.text().strip()
        if not self.title.isModified():
            return
        self.title.setModified(False)
        if text:
            self._update(title=text)
        else:
            self.refresh()

    def _commit_hours(self) -> None:
        value = self.hours.value()
        self._update(estimated_hours=value if value > 0 else None)

    def _commit_target(self) -> None:
        self.target.setEnabled(self.has_target.isChecked())
        if self.has_target.isChecked():
            d = self.target.date()
            self._update(target_date=dt.date(d.year(), d.month(), d.day()))
        else:
            self._update(target_date=None)

    def _status_clicked(self, button: QAbstractButton) -> None:
        for status, b in self.status_buttons.items():
            if b is button and self.node_id is not None:
                self.status_requested.emit([self.node_id], status.value)
        self.refresh()  # if the request was refused, show the real status again

    def _jump(self, item: QListWidgetItem) -> None:
        node_id = item.data(Qt.ItemDataRole.UserRole)
        if node_id:
            self.node_requested.emit(node_id)


def _short_error(exc: Exception) -> str:
    text = str(exc)
    # pydantic's messages are multi-line; the first useful line is enough for the status bar.
    lines = [line for line in text.splitlines() if line.strip()]
    if len(lines) > 1 and "validation error" in lines[0]:
        return lines[1].strip()
    return lines[0] if lines else text
