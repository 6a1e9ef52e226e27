"""Plain-text editors with a length limit that never cuts the user's words.

QPlainTextEdit has no maximum length, and the model refuses a text over MAX_TEXT, so
without this an over-long paste was accepted on screen and then lost when the edit
was refused. Here a paste or a key that would pass the limit is refused as a whole,
with a message under the field; a counter appears as the text nears the limit.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QLabel, QPlainTextEdit

from roadmap_app.model.text import MAX_TEXT

COUNTER_FROM = 0.9  # show the counter from 90 % of the limit
# What the model refuses in a text: control characters other than tab and newline.
# They are invisible, so a paste carrying them (a form feed from a PDF) is cleaned, not refused.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class LimitedTextEdit(QPlainTextEdit):
    """A QPlainTextEdit that holds at most `limit` characters; `hint` is its message line."""

    def __init__(self, limit: int = MAX_TEXT, what: str = "This text"):
        super().__init__()
        self.limit = limit
        self.what = what
        self.hint = QLabel()
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)
        self._problem = ""
        self.textChanged.connect(self._show_count)

    # -- the limit ---------------------------------------------------------
    def length(self) -> int:
        return len(self.toPlainText())

    def _room(self) -> int:
        selected = len(self.textCursor().selectedText())
        return self.limit - (self.length() - selected)

    def refuse(self, adding: int) -> None:
        total = self.length() - len(self.textCursor().selectedText()) + adding
        self.show_problem(
            f"Not added: {self.what.lower()} can hold at most {self.limit:,} characters, and this "
            f"would make {total:,}. Nothing was cut; shorten the text and paste it again.")

    def show_problem(self, message: str) -> None:
        """A message next to the field (a refused paste, a refused edit). Typing clears it."""
        self._problem = message
        self.hint.setText(message)
        self.hint.setVisible(True)

    def _show_count(self) -> None:
        self._problem = ""
        # characterCount is cheap (no copy of the text); exact only matters near the limit.
        approx = self.document().characterCount()
        if approx >= COUNTER_FROM * self.limit:
            self.hint.setText(f"{self.length():,} of {self.limit:,} characters")
            self.hint.setVisible(True)
        else:
            self.hint.setVisible(False)

    def insertFromMimeData(self, source) -> None:
        if not source.hasText():
            super().insertFromMimeData(source)
            return
        text = _CONTROL.sub("", source.text().replace("\r\n", "\n").replace("\r", "\n"))
        if len(text) > self._room():
            self.refuse(len(text))
            return
        self.textCursor().insertText(text)
        self.ensureCursorVisible()

    def keyPressEvent(self, event) -> None:
        typed = event.text()
        inserts = (bool(typed) and (typed.isprintable() or typed in "\r\n\t")
                   and not event.matches(QKeySequence.StandardKey.Paste))
        near = self.document().characterCount() + len(typed) > self.limit  # cheap: no copy of the text
        if inserts and near and not (typed == "\t" and self.tabChangesFocus()) and len(typed) > self._room():
            self.refuse(len(typed))
            return
        super().keyPressEvent(event)
