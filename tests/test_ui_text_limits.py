"""Long text: notes up to MAX_TEXT are kept through save and reopen, longer pastes are
refused with a message next to the field (nothing typed is lost), a file holding more
opens shortened with a warning and keeps the original, links are never cut."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from roadmap_app.model.text import MAX_TEXT, MAX_URL
from roadmap_app.storage import dumps, load
from roadmap_app.ui.dialogs.resource_editor import ResourceDialog

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")

TARGET = "edu-ml-data-mining"
KEPT = "word " * 12_000  # 60,000 characters
OVER = ("x" * 99 + "\n") * 12_000  # 1,200,000: over the limit


def _lines(n: int, ch: str = "y") -> str:
    """n characters in lines of 100 (Qt lays out one huge paragraph very slowly)."""
    return ((ch * 99 + "\n") * (n // 100 + 1))[:n]


def _paste(widget, text: str) -> None:
    QApplication.clipboard().setText(text)
    widget.setFocus()
    widget.paste()


def _save_and_reopen(window, qtbot):
    assert window.files.save(wait=True)
    path = window.document.path
    assert window.files.open_path(path, ask_first=False)
    return load(path).roadmap, window.document


def test_notes_keep_60k_and_refuse_1_2m_with_a_message(window, qtbot):
    window.edits.jump_to(TARGET)
    notes = window.inspector.notes
    _paste(notes, KEPT)
    notes.commit()
    assert window.document.node(TARGET).notes == KEPT
    _paste(notes, OVER)
    assert notes.toPlainText() == KEPT  # refused as a whole, nothing cut
    assert notes.hint.isVisible() and "at most 1,000,000" in notes.hint.text()
    assert "1,260,000" in notes.hint.text()  # what the paste would have made
    notes.commit()
    on_disk, document = _save_and_reopen(window, qtbot)
    assert on_disk.node(TARGET).notes == KEPT
    assert document.node(TARGET).notes == KEPT


def test_the_counter_shows_near_the_limit_and_typing_stops_at_it(window, qtbot):
    window.edits.jump_to(TARGET)
    notes = window.inspector.notes
    _paste(notes, _lines(MAX_TEXT - 1))
    assert notes.hint.text() == f"{MAX_TEXT - 1:,} of {MAX_TEXT:,} characters"
    notes.moveCursor(notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(notes, "ab")  # one more fits, the second is refused
    assert notes.length() == MAX_TEXT
    assert "Not added" in notes.hint.text()
    notes.commit()
    assert len(window.document.node(TARGET).notes) == MAX_TEXT


def _fill(dialog: ResourceDialog, notes: str) -> None:
    dialog.title.setText("Pattern Recognition and Machine Learning")
    dialog.url.setText("cs50.harvard.edu/python")
    _paste(dialog.notes, notes)


def test_a_resource_keeps_60k_notes_and_a_link_gets_https(window, qtbot, monkeypatch):
    window.edits.jump_to(TARGET)

    def run(dialog: ResourceDialog) -> int:
        _fill(dialog, KEPT)
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ResourceDialog, "exec", run)
    window.inspector.resources.add_button.click()
    added = window.document.node(TARGET).resources[-1]
    assert added.notes == KEPT and added.url == "https://cs50.harvard.edu/python"
    on_disk, _ = _save_and_reopen(window, qtbot)
    assert on_disk.node(TARGET).resources[-1].notes == KEPT


def test_a_resource_paste_over_the_limit_is_refused_and_the_dialog_keeps_everything(qtbot):
    dialog = ResourceDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog, KEPT)
    _paste(dialog.notes, OVER)
    assert dialog.notes.toPlainText() == KEPT
    assert dialog.notes.hint.isVisible() and "Not added" in dialog.notes.hint.text()
    assert dialog.title.text() == "Pattern Recognition and Machine Learning"  # nothing else lost
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_an_over_long_link_is_refused_with_a_message_never_cut(qtbot):
    dialog = ResourceDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Long link")
    long_url = "https://example.org/?q=" + "a" * 4_017
    QApplication.clipboard().setText(long_url)
    dialog.url.setFocus()
    dialog.url.paste()
    assert dialog.url.text() == long_url  # kept as pasted
    assert "4,040" in dialog.url_hint.text() and str(f"{MAX_URL:,}") in dialog.url_hint.text()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_a_refused_value_shows_next_to_the_field_and_keeps_the_dialog_open(qtbot):
    dialog = ResourceDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Bell \x07 title")  # a control character the model refuses
    dialog.notes.setPlainText("my notes")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.isVisible()
    assert dialog.title_hint.isVisible() and "Title" in dialog.title_hint.text()
    assert dialog.notes.toPlainText() == "my notes"


def test_a_file_with_over_long_text_opens_shortened_with_a_warning(window, dialogs, qtbot, tmp_path):
    roadmap = window.document.roadmap.model_copy(deep=True)
    node = roadmap.node(TARGET)
    node.notes = "PLACEHOLDER"  # the model refuses the long text, so it goes in as bytes
    long_json = _lines(MAX_TEXT + 5, "n").replace("\n", "\\n").encode()
    data = dumps(roadmap).replace(b'"PLACEHOLDER"', b'"' + long_json + b'"')
    path = tmp_path / "long.roadmap"
    path.write_bytes(data)
    assert window.files.open_path(path, ask_first=False)
    assert len(window.document.node(TARGET).notes) == MAX_TEXT
    title, text = dialogs.errors[-1]
    assert title == "Long text shortened"
    assert f"“{node.title}”: notes shortened from 1,000,005 to 1,000,000" in text
    assert path.read_bytes() == data  # untouched until saved
    window.edits.jump_to(TARGET)
    window.inspector.title.setText("edited")  # any edit, then save: the original is kept aside
    window.document.undo_stack.resetClean()
    assert window.files.save(wait=True)
    assert (tmp_path / "long.roadmap.long-text.bak").read_bytes() == data


def test_a_title_cut_at_its_limit_says_so(qtbot):
    dialog = ResourceDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.clipboard().setText("t" * 400)
    dialog.title.setFocus()
    dialog.title.paste()
    assert dialog.title_hint.isVisible() and "at most 300 characters" in dialog.title_hint.text()
