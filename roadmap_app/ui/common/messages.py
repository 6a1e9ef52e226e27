"""Message boxes and tooltips that never interpret user text as rich text.

Qt guesses rich text for QMessageBox and tooltips; a node title such as
"<b>x</b>" or "<img src=...>" must show literally, so every box built here is
PlainText and tooltips are HTML-escaped.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def plain_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    detail: str = "",
    buttons: Button = Button.Ok,
    default: Button = Button.NoButton,
) -> QMessageBox:
    # The detail goes into the main text: the informative label has its own format guessing.
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(f"{text}\n\n{detail}" if detail else text)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    return box


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    plain_box(parent, QMessageBox.Icon.Warning, title, text, detail).exec()


def info(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    plain_box(parent, QMessageBox.Icon.Information, title, text, detail).exec()


def ask(parent: QWidget | None, title: str, text: str, detail: str = "",
        buttons: Button = Button.Yes | Button.No, default: Button = Button.No) -> Button:
    box = plain_box(parent, QMessageBox.Icon.Question, title, text, detail, buttons, default)
    return Button(box.exec())


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally (Qt would render it as HTML if it looks like HTML)."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"
