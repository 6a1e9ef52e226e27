"""The start-up splash: it says what is opening, and never hides a dialog."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog

from roadmap_app.ui.window.splash import opening_message, show_splash


def test_the_message_names_the_file_and_its_size(tmp_path):
    plan = tmp_path / "big.roadmap"
    plan.write_bytes(b"x" * 2_500_000)
    assert opening_message(plan) == "Opening big.roadmap (2.5 MB)…"
    assert opening_message(tmp_path / "gone.roadmap") == "Opening gone.roadmap…"
    assert opening_message(None) == "Opening your plan…"


def test_a_dialog_shown_during_start_up_closes_the_splash(qtbot, tmp_path):
    splash = show_splash(None)
    assert splash.isVisible()
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()  # e.g. "Could not open file" while the plan loads
    assert splash._closed
    splash.finish(dialog)  # the main window's finish afterwards is harmless
