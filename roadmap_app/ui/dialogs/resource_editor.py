"""The dialog that adds or edits one learning resource (course, book, paper...)."""

from __future__ import annotations

import uuid
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.model import Cost, Origin, Resource, ResourceKind, Status
from roadmap_app.model.text import MAX_HOURS, MAX_TEXT, MAX_TITLE, MAX_URL
from roadmap_app.ui.common.limited_text import LimitedTextEdit
from roadmap_app.ui.common.links import safe_url, with_scheme


def _hint() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def new_resource_id() -> str:
    return "r-" + uuid.uuid4().hex[:10]


def enum_combo(enum_type, accessible: str) -> QComboBox:
    combo = QComboBox()
    for value in enum_type:
        combo.addItem(value.value.replace("_", " ").capitalize(), value.value)
    combo.setAccessibleName(accessible)
    return combo


def select_data(combo: QComboBox, value: str) -> None:
    index = combo.findData(value)
    combo.setCurrentIndex(max(index, 0))


class ResourceDialog(QDialog):
    """Edit the fields of a resource; `values()` gives them for Editor.add/update_resource."""

    def __init__(self, parent: QWidget | None = None, resource: Resource | None = None):
        super().__init__(parent)
        self.setWindowTitle("Edit Resource" if resource else "Add Resource")
        self.setMinimumWidth(460)
        self.title = QLineEdit()
        self.title.setMaxLength(MAX_TITLE)
        self.title.setPlaceholderText("e.g. Mathematics for Machine Learning")
        self.title.setAccessibleName("Resource title")
        self.url = QLineEdit()  # no setMaxLength: it would silently cut a pasted link
        self.url.setPlaceholderText("https://…")
        self.url.setAccessibleName("Resource link")
        self.url_hint = QLabel()
        self.url_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.url_hint.setWordWrap(True)
        self.kind = enum_combo(ResourceKind, "Resource kind")
        self.provider = QLineEdit()
        self.provider.setMaxLength(MAX_TITLE)
        self.provider.setPlaceholderText("Publisher, platform or authors")
        self.provider.setAccessibleName("Provider or authors")
        self.cost = enum_combo(Cost, "Cost")
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.0, MAX_HOURS)
        self.hours.setDecimals(1)
        self.hours.setSuffix(" h")
        self.hours.setSpecialValueText("Not estimated")
        self.hours.setAccessibleName("Estimated hours")
        self.status = enum_combo(Status, "Resource status")
        self.notes = LimitedTextEdit(MAX_TEXT, "Resource notes")
        self.notes.setPlaceholderText("Your notes about this resource")
        self.notes.setAccessibleName("Resource notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(90)

        form = QFormLayout()
        form.addRow("&Title:", self.title)
        form.addRow("&Link:", self.url)
        form.addRow("", self.url_hint)
        form.addRow("&Kind:", self.kind)
        form.addRow("&Provider:", self.provider)
        form.addRow("&Cost:", self.cost)
        form.addRow("&Hours:", self.hours)
        form.addRow("&Status:", self.status)
        form.addRow("&Notes:", self.notes)
        form.addRow("", self.notes.hint)
        self.title_hint = _hint()
        form.insertRow(1, "", self.title_hint)
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(ok_cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        self.origin = resource.origin if resource else Origin.USER
        if resource is not None:
            self.title.setText(resource.title)
            self.url.setText(resource.url)
            select_data(self.kind, resource.kind.value)
            self.provider.setText(resource.provider)
            select_data(self.cost, resource.cost.value)
            self.hours.setValue(resource.estimated_hours or 0.0)
            select_data(self.status, resource.status.value)
            self.notes.setPlainText(resource.notes)
        else:
            select_data(self.kind, ResourceKind.COURSE.value)
        for field, name in ((self.title, "A title"), (self.provider, "A provider")):
            # Qt cuts a paste at the maximum length without a word: say so beside the field.
            field.inputRejected.connect(lambda name=name: self._too_long(name))
        self.title.textChanged.connect(self._validate)
        self.url.textChanged.connect(self._validate)
        self._validate()

    def _validate(self) -> None:
        url = with_scheme(self.url.text().strip())
        too_long = len(url) > MAX_URL
        if too_long:
            self.url_hint.setText(f"This link has {len(url):,} characters; a link can have at most "
                                  f"{MAX_URL:,}. It is kept as typed, but cannot be saved like this.")
        elif url and safe_url(url) is None:
            self.url_hint.setText("Only http and https links can be opened from the app.")
        else:
            self.url_hint.setText("")
        self.url_hint.setVisible(bool(self.url_hint.text()))
        if max(len(self.title.text()), len(self.provider.text())) < MAX_TITLE:
            self.title_hint.setVisible(False)  # a "cut at the limit" note stays while it is true
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.title.text().strip()) and not too_long)

    def _too_long(self, name: str) -> None:
        self.title_hint.setText(f"{name} can have at most {MAX_TITLE} characters; the rest was not added.")
        self.title_hint.setVisible(True)

    def accept(self) -> None:
        """Close only with values the model takes; otherwise say why next to the field."""
        try:
            Resource(id="r-check", origin=self.origin, **self.values())
        except ValidationError as exc:
            for error in exc.errors():
                field = str(error.get("loc", ("",))[0])
                message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
                hint = {"url": self.url_hint, "notes": self.notes.hint}.get(field, self.title_hint)
                label = "" if hint is not self.title_hint else f"{field.replace('_', ' ').capitalize()}: "
                hint.setText(label + message)
                hint.setVisible(True)
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        hours = self.hours.value()
        return {
            "title": self.title.text().strip(),
            "url": with_scheme(self.url.text().strip()),
            "kind": ResourceKind(self.kind.currentData()),
            "provider": self.provider.text().strip(),
            "cost": Cost(self.cost.currentData()),
            "estimated_hours": hours if hours > 0 else None,
            "status": Status(self.status.currentData()),
            "notes": self.notes.toPlainText(),
        }

    def resource(self) -> Resource:
        """A new resource from the fields (for adding)."""
        return Resource(id=new_resource_id(), origin=Origin.USER, **self.values())
