"""Shared helpers for the main-window tests: build the real window, record dialogs."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from PySide6.QtWidgets import QMessageBox


@dataclass
class DialogRecorder:
    """Stands in for ui.common.messages' modal boxes: records them and answers `answer`."""

    answer: QMessageBox.StandardButton = QMessageBox.StandardButton.Discard
    asked: list[tuple[str, str]] = field(default_factory=list)
    errors: list[tuple[str, str]] = field(default_factory=list)
    infos: list[tuple[str, str]] = field(default_factory=list)

    def ask(self, parent, title, text, detail="", buttons=None, default=None):
        self.asked.append((title, f"{text}\n{detail}"))
        return self.answer

    def error(self, parent, title, text, detail=""):
        self.errors.append((title, f"{text}\n{detail}"))

    def info(self, parent, title, text, detail=""):
        self.infos.append((title, f"{text}\n{detail}"))


@pytest.fixture
def dialogs(monkeypatch) -> DialogRecorder:
    from roadmap_app.ui.common import messages

    recorder = DialogRecorder()
    monkeypatch.setattr(messages, "ask", recorder.ask)
    monkeypatch.setattr(messages, "error", recorder.error)
    monkeypatch.setattr(messages, "info", recorder.info)
    return recorder


@pytest.fixture
def restore_app_look(qapp):
    """The window sets the application's style and palette: put them back for later tests."""
    palette, style = qapp.palette(), qapp.style().name()
    yield
    qapp.setStyle(style)
    qapp.setPalette(palette)


@pytest.fixture
def window(qtbot, dialogs, restore_app_look):
    from roadmap_app.app import build_window

    win = build_window()
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    if win.document is not None:
        win.document.undo_stack.setClean()  # teardown must not stop at the save prompt
    win.files.pool.waitForDone()
