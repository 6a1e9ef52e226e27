"""Fusion, with the controls' small marks drawn at full contrast in both themes.

Fusion draws spin-box arrows in the button-text colour at about 60 % opacity and
check-box outlines in a shade of the window colour; on our dark palette both fell
to about 2:1, under the 3:1 WCAG 2.1 AA asks of the parts that show a control's
state (1.4.11). This proxy lets Fusion draw everything, then draws those marks
again: arrows in the full button-text colour, check-box outlines in the
placeholder-text colour (at least 4.5:1 on the base colour in both palettes).
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QAbstractSpinBox, QProxyStyle, QStyle, QStyleFactory

_CC = QStyle.ComplexControl
_SC = QStyle.SubControl
_STEP = QAbstractSpinBox.StepEnabledFlag


def _arrow(painter: QPainter, rect: QRectF, up: bool, colour) -> None:
    width = min(rect.width() - 4.0, 9.0)
    if width <= 2:
        return
    half, height = width / 2, width / 2
    centre = rect.center()
    tip = centre.y() - height / 2 if up else centre.y() + height / 2
    base = centre.y() + height / 2 if up else centre.y() - height / 2
    path = QPainterPath(QPointF(centre.x() - half, base))
    path.lineTo(QPointF(centre.x() + half, base))
    path.lineTo(QPointF(centre.x(), tip))
    path.closeSubpath()
    painter.fillPath(path, colour)


class ContrastStyle(QProxyStyle):
    def __init__(self) -> None:
        super().__init__(QStyleFactory.create("Fusion"))

    def drawComplexControl(self, control, option, painter, widget=None) -> None:
        super().drawComplexControl(control, option, painter, widget)
        if control != _CC.CC_SpinBox or option.buttonSymbols != option.buttonSymbols.UpDownArrows:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        for sub, flag, up in ((_SC.SC_SpinBoxUp, _STEP.StepUpEnabled, True),
                              (_SC.SC_SpinBoxDown, _STEP.StepDownEnabled, False)):
            rect = QRectF(self.subControlRect(control, option, sub, widget))
            enabled = bool(option.stepEnabled & flag) and bool(option.state & QStyle.StateFlag.State_Enabled)
            group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
            _arrow(painter, rect, up, option.palette.color(group, QPalette.ColorRole.ButtonText))
        painter.restore()

    def drawPrimitive(self, element, option, painter, widget=None) -> None:
        super().drawPrimitive(element, option, painter, widget)
        if element not in (QStyle.PrimitiveElement.PE_IndicatorCheckBox,
                           QStyle.PrimitiveElement.PE_IndicatorRadioButton):
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = option.palette.color(QPalette.ColorRole.PlaceholderText)
        if not option.state & QStyle.StateFlag.State_Enabled:
            colour = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        painter.setPen(QPen(colour, 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
        if element == QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(rect)
        else:
            painter.drawRoundedRect(rect, 2.0, 2.0)
        painter.restore()
