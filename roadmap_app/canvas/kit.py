"""Paint resources shared by every card: fonts, metrics, pens and brushes.

Built once per theme so a card's paint() only looks things up; creating
QFont/QPen objects per paint call would dominate a frame of many cards.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPen

from ..model import Status
from .theme import CanvasTheme, CardStyle

TITLE_PX = 13
COMPACT_TITLE_PX = 21
LABEL_PX = 10
FOOTER_PX = 11
BAND_LABEL_PX = 16
LANDMARK_PX = 14  # map labels of roles and milestones (labels.py scales them)
POSTER_TITLE_PX = 18  # the overview export: every title in up to four lines, no other text


def _font(pixels: int, weight: QFont.Weight = QFont.Weight.Normal) -> QFont:
    font = QFont()
    font.setPixelSize(pixels)  # pixels, not points: the same size on screen, in export and at any DPI
    font.setWeight(weight)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)  # scales smoothly when zoomed
    return font


class StylePens:
    def __init__(
        self, style: CardStyle, border_width: float, heavy: bool = False, dark: bool = False
    ) -> None:
        self.style = style
        self.fill = QBrush(style.fill)
        border = style.border
        if heavy:  # roles: a stronger outline as well as the filled header
            border = border.lighter(135) if dark else border.darker(135)
        self.border = QPen(border, border_width)
        self.border.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        self.text = QPen(style.text)
        self.subtext = QPen(style.subtext)
        self.accent_brush = QBrush(style.accent)
        self.glyph = QBrush(style.subtext)


class CardKit:
    def __init__(self, theme: CanvasTheme) -> None:
        self.theme = theme
        self.title_font = _font(TITLE_PX, QFont.Weight.DemiBold)
        self.title_metrics = QFontMetricsF(self.title_font)
        self.compact_font = _font(COMPACT_TITLE_PX, QFont.Weight.DemiBold)
        self.compact_metrics = QFontMetricsF(self.compact_font)
        self.label_font = _font(LABEL_PX, QFont.Weight.DemiBold)
        self.label_font.setCapitalization(QFont.Capitalization.AllUppercase)
        self.label_font.setLetterSpacing(QFont.SpacingType.AbsoluteSpacing, 0.6)
        self.footer_font = _font(FOOTER_PX)
        self.band_font = _font(BAND_LABEL_PX, QFont.Weight.Bold)
        self.band_sub_font = _font(12)
        self.landmark_font = _font(LANDMARK_PX, QFont.Weight.Bold)
        self.poster_font = _font(POSTER_TITLE_PX)  # regular: narrower, so long titles fit whole
        self.poster_metrics = QFontMetricsF(self.poster_font)
        self.styles: dict[tuple[Status, bool, bool], StylePens] = {}
        for status in Status:
            for locked in (False, True):
                for heavy in (False, True):
                    width = 1.2 + (1.3 if heavy else 0.0) + (0.4 if status is Status.IN_PROGRESS else 0.0)
                    self.styles[(status, locked, heavy)] = StylePens(
                        theme.card_style(status, locked), width, heavy, theme.is_dark
                    )
        self.role_header = QBrush(theme.role_header)
        self.ready = QBrush(theme.ready_accent)
        self.selection = QPen(theme.selection, 2.5)
        self.search = QBrush(_alpha(theme.search_highlight, 0.55 if theme.is_dark else 0.85))
        self.search_edge = QPen(theme.search_highlight.darker(140), 1.2)
        self.handle = QBrush(theme.handle)
        self.handle_ring = QPen(theme.statuses[Status.NOT_STARTED].fill, 1.5)
        self.connect_ok = QPen(theme.connect_ok, 3.0)
        self.connect_refused = QPen(theme.connect_refused, 3.0)
        self.overview: dict[Status, QBrush] = {s: QBrush(c) for s, c in theme.overview_fill.items()}
        self.overview_locked = QBrush(_alpha(theme.overview_fill[Status.NOT_STARTED], 0.55))

    def style(self, status: Status, locked: bool, heavy: bool) -> StylePens:
        # Only work not yet started looks locked: a node already in progress keeps its colour.
        return self.styles[(status, locked and status is Status.NOT_STARTED, heavy)]


def _alpha(colour: QColor, alpha: float) -> QColor:
    out = QColor(colour)
    out.setAlphaF(alpha)
    return out
