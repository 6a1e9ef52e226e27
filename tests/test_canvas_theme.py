"""Canvas themes: every card state keeps readable text in both themes (WCAG 2 contrast)."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from roadmap_app.canvas.theme import CanvasTheme
from roadmap_app.model import Status

THEMES = [CanvasTheme.light(), CanvasTheme.dark()]


def wcag_contrast(a: QColor, b: QColor) -> float:
    def lum(c: QColor) -> float:
        def ch(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return 0.2126 * ch(c.redF()) + 0.7152 * ch(c.greenF()) + 0.0722 * ch(c.blueF())

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
@pytest.mark.parametrize("status", list(Status), ids=str)
@pytest.mark.parametrize("locked", [False, True], ids=["open", "locked"])
def test_card_text_contrast(theme, status, locked):
    style = theme.card_style(status, locked)
    assert wcag_contrast(style.text, style.fill) >= 4.5
    assert wcag_contrast(style.subtext, style.fill) >= 4.5
    # Roles draw their title row on the filled header.
    assert wcag_contrast(style.subtext, theme.role_header) >= 4.5


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_labels_and_messages_contrast(theme):
    for fill in (*theme.band_fills, theme.continuous_fill):
        assert wcag_contrast(theme.band_label, fill) >= 4.5
    assert wcag_contrast(theme.toast_text, theme.toast_fill) >= 4.5


def test_statuses_differ_by_more_than_colour_and_themes_are_designed():
    light, dark = THEMES
    assert light.name == "light" and dark.name == "dark" and dark.is_dark and not light.is_dark
    # Each status has its own badge colour, and the dark theme is not the light one inverted.
    accents = {light.statuses[s].accent.name() for s in Status}
    assert len(accents) == len(Status)
    assert light.background.lightness() > 200 > 60 > dark.background.lightness()
    # Locked only changes work not yet started; in-progress work keeps its colour.
    assert light.card_style(Status.IN_PROGRESS, locked=True) is light.statuses[Status.IN_PROGRESS]
    assert light.card_style(Status.NOT_STARTED, locked=True) is light.locked
