"""Dark and light themes meet WCAG 2.1 AA: 4.5:1 for text, 3:1 for the marks that show a
control's state (spin-box arrows, check-box and radio outlines), measured on pixels."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDoubleSpinBox,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionSpinBox,
)

from roadmap_app.ui.window.contrast_style import ContrastStyle
from roadmap_app.ui.window.theme import make_palette

pytestmark = pytest.mark.usefixtures("restore_app_look")
pytest_plugins = ("ui_helpers",)

Role = QPalette.ColorRole


def luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(v) for v in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: QColor, b: QColor) -> float:
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def best_contrast(image, rect, against: QColor) -> float:
    return max(ratio(QColor(image.pixel(x, y)), against)
               for x in range(rect.left(), rect.right() + 1) for y in range(rect.top(), rect.bottom() + 1))


@pytest.mark.parametrize("dark", [False, True])
def test_text_colours_meet_4_5_to_1(dark):
    p = make_palette(dark)
    for text, back in ((Role.WindowText, Role.Window), (Role.Text, Role.Base), (Role.ButtonText, Role.Button),
                       (Role.PlaceholderText, Role.Base), (Role.ToolTipText, Role.ToolTipBase),
                       (Role.HighlightedText, Role.Highlight), (Role.Link, Role.Base)):
        assert ratio(p.color(text), p.color(back)) >= 4.5, (dark, text, back)


@pytest.mark.parametrize("dark", [False, True])
def test_spin_arrows_and_check_box_outlines_meet_3_to_1(qapp, qtbot, dark):
    qapp.setStyle(ContrastStyle())
    qapp.setPalette(make_palette(dark))
    spin = QDoubleSpinBox()
    spin.setRange(0, 10)
    spin.setValue(5)
    box, radio = QCheckBox("Target date"), QRadioButton("Option")
    for widget in (spin, box, radio):
        qtbot.addWidget(widget)
        widget.resize(widget.sizeHint())
    image = spin.grab().toImage()
    button = spin.palette().color(Role.Button)
    for sub in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
        option = QStyleOptionSpinBox()
        option.initFrom(spin)
        rect = spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, option, sub, spin)
        assert best_contrast(image, rect.adjusted(2, 2, -2, -2), button) >= 3.0, (dark, sub)
    window = box.palette().color(Role.Window)
    for widget, element in ((box, QStyle.SubElement.SE_CheckBoxIndicator),
                            (radio, QStyle.SubElement.SE_RadioButtonIndicator)):
        option = QStyleOptionButton()
        option.initFrom(widget)
        rect = widget.style().subElementRect(element, option, widget)
        assert best_contrast(widget.grab().toImage(), rect, window) >= 3.0, (dark, element)
