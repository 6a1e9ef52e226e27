"""Canvas colours for the light and dark themes.

Status colours come from the Okabe-Ito colour-blind-safe palette and are
always paired with a glyph (the badge), never used alone. The neutrals match
the widget palettes of ui/window/theme.py, so the canvas sits in the window as part
of it: dark mode is designed, not inverted. Card text keeps at least 4.5:1
contrast against its card fill in every state (tests/test_canvas_theme.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtGui import QColor

from ..model import Status

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
}


@dataclass(frozen=True)
class CardStyle:
    """How one card state is painted: badge/accent colour, fill, border and text."""

    accent: QColor
    fill: QColor
    border: QColor
    text: QColor
    subtext: QColor


@dataclass(frozen=True, eq=False)  # identity equality: hashable despite the colour dicts
class CanvasTheme:
    name: str
    is_dark: bool
    background: QColor
    band_fills: tuple[QColor, QColor]
    band_border: QColor
    band_label: QColor
    continuous_fill: QColor
    statuses: dict[Status, CardStyle]
    locked: CardStyle  # an open node still waiting for a prerequisite
    ready_accent: QColor
    role_header: QColor  # roles get a filled header: visually heavier than skills
    edge_prerequisite: QColor
    edge_progression: QColor
    edge_related: QColor
    selection: QColor
    search_highlight: QColor
    handle: QColor
    connect_ok: QColor
    connect_refused: QColor
    toast_fill: QColor  # a refusal message box: its text keeps 4.5:1 on it
    toast_text: QColor
    overview_fill: dict[Status, QColor] = field(default_factory=dict)

    def card_style(self, status: Status, locked: bool = False) -> CardStyle:
        if locked and status is Status.NOT_STARTED:
            return self.locked
        return self.statuses[status]

    @classmethod
    def light(cls) -> CanvasTheme:
        q = QColor
        statuses = {
            Status.NOT_STARTED: CardStyle(
                q("#6b7280"), q("#ffffff"), q("#a9b0bb"), q("#1c2230"), q("#4f5663")
            ),
            Status.IN_PROGRESS: CardStyle(
                q(OKABE_ITO["blue"]), q("#f1f7fc"), q(OKABE_ITO["blue"]), q("#1c2230"), q("#3f4856")
            ),
            Status.DONE: CardStyle(
                q(OKABE_ITO["bluish_green"]), q("#eef7f3"), q("#86c9b2"), q("#2c3440"), q("#4b5563")
            ),
            Status.SKIPPED: CardStyle(q("#7a808a"), q("#f1f2f4"), q("#c0c5cd"), q("#3d4450"), q("#545b67")),
        }
        return cls(
            name="light",
            is_dark=False,
            background=q("#dfe3e9"),
            band_fills=(q("#eef1f5"), q("#e6e9ee")),
            band_border=q("#d5dae1"),
            band_label=q("#3f4756"),
            continuous_fill=q("#f3f0e8"),
            statuses=statuses,
            locked=CardStyle(q("#6b7280"), q("#f9fafb"), q("#c9ced6"), q("#3d4450"), q("#555c68")),
            ready_accent=q(OKABE_ITO["orange"]),
            role_header=q("#dde2ea"),
            edge_prerequisite=q("#7d8593"),
            edge_progression=q("#4a5261"),
            edge_related=q("#9aa3b0"),
            selection=q("#0b6bcb"),
            search_highlight=q(OKABE_ITO["yellow"]),
            handle=q("#0b6bcb"),
            connect_ok=q(OKABE_ITO["bluish_green"]),
            connect_refused=q(OKABE_ITO["vermillion"]),
            toast_fill=q("#a83c00"),
            toast_text=q("#ffffff"),
            overview_fill={
                Status.NOT_STARTED: q("#8d96a3"),
                Status.IN_PROGRESS: q(OKABE_ITO["blue"]),
                Status.DONE: q(OKABE_ITO["bluish_green"]),
                Status.SKIPPED: q("#cdd1d7"),
            },
        )

    @classmethod
    def dark(cls) -> CanvasTheme:
        q = QColor
        statuses = {
            Status.NOT_STARTED: CardStyle(
                q("#9aa3b0"), q("#2a2f37"), q("#59616d"), q("#e6e9ee"), q("#b9c0cb")
            ),
            Status.IN_PROGRESS: CardStyle(
                q(OKABE_ITO["sky_blue"]), q("#20303f"), q(OKABE_ITO["sky_blue"]), q("#eef2f6"), q("#c0cad6")
            ),
            Status.DONE: CardStyle(q("#2fbf8f"), q("#21302b"), q("#2e6b57"), q("#cdd5db"), q("#aab4bd")),
            Status.SKIPPED: CardStyle(q("#8a919c"), q("#25282d"), q("#41464e"), q("#b9bec6"), q("#a9b0ba")),
        }
        return cls(
            name="dark",
            is_dark=True,
            background=q("#16181c"),
            band_fills=(q("#1d2025"), q("#191b1f")),
            band_border=q("#2c3038"),
            band_label=q("#aeb6c2"),
            continuous_fill=q("#221f1a"),
            statuses=statuses,
            locked=CardStyle(q("#8a919c"), q("#23272d"), q("#3a4049"), q("#c3c9d2"), q("#a3abb6")),
            ready_accent=q(OKABE_ITO["orange"]),
            role_header=q("#323943"),
            edge_prerequisite=q("#6f7886"),
            edge_progression=q("#aeb6c2"),
            edge_related=q("#5d6572"),
            selection=q("#5aa2ee"),
            search_highlight=q(OKABE_ITO["yellow"]),
            handle=q("#5aa2ee"),
            connect_ok=q("#2fbf8f"),
            connect_refused=q("#ff7b3a"),
            toast_fill=q("#ff9a66"),
            toast_text=q("#1a1208"),
            overview_fill={
                Status.NOT_STARTED: q("#59616d"),
                Status.IN_PROGRESS: q(OKABE_ITO["sky_blue"]),
                Status.DONE: q("#2fbf8f"),
                Status.SKIPPED: q("#3a3f47"),
            },
        )


def relative_luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())
    )


def contrast_ratio(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio between two opaque colours (1 to 21)."""
    la, lb = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)
