"""File > Export: the formats offered in the save dialog, and the image options dialog.

The format follows the chosen file's extension. Images (PNG, SVG, PDF) then get
an options dialog that builds a render.ExportOptions: what to draw (whole
roadmap, current view, selection, focus path to the goal), title / legend /
progress summary, light or dark theme, transparent background, scale or DPI.
Text and interchange formats need no options.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from roadmap_app.render.options import ExportOptions, ExportScope
from roadmap_app.render.paper import Paper, PdfPages, paper_for_locale

# (extension, filter label); the first is the default.
EXPORT_FORMATS: list[tuple[str, str]] = [
    ("png", "PNG image (*.png)"),
    ("svg", "SVG image (*.svg)"),
    ("pdf", "PDF document with appendix (*.pdf)"),
    ("md", "Markdown checklist (*.md)"),
    ("mmd", "Mermaid flowchart (*.mmd)"),
    ("canvas", "JSON Canvas (*.canvas)"),
    ("graphml", "GraphML (*.graphml)"),
]
IMAGE_EXTENSIONS = {"png", "svg", "pdf"}


def export_filter() -> str:
    return ";;".join(label for _ext, label in EXPORT_FORMATS)


def filter_for(ext: str) -> str:
    return next((label for e, label in EXPORT_FORMATS if e == ext), EXPORT_FORMATS[0][1])


def extension_for_filter(selected: str) -> str | None:
    return next((e for e, label in EXPORT_FORMATS if label == selected), None)


@dataclass(frozen=True)
class ExportContext:
    """What the window can offer for the scopes (disabled when absent)."""

    fmt: str
    dark: bool
    selection: tuple[str, ...] = ()
    goal: str | None = None
    view_rect: tuple[float, float, float, float] | None = None


SCOPES = [
    (ExportScope.ALL, "Whole roadmap"),
    (ExportScope.VIEW, "Current view"),
    (ExportScope.SELECTION, "Selected nodes"),
    (ExportScope.FOCUS, "Path to the goal"),
]


class ExportOptionsDialog(QDialog):
    def __init__(self, parent: QWidget | None, context: ExportContext):
        super().__init__(parent)
        self.setObjectName("export_options_dialog")
        self.context = context
        self.setWindowTitle(f"Export {context.fmt.upper()}")
        layout = QVBoxLayout(self)

        scope_box = QGroupBox("What to export")
        scope_layout = QVBoxLayout(scope_box)
        self.scope_group = QButtonGroup(self)
        self.scope_buttons: dict[ExportScope, QRadioButton] = {}
        available = {
            ExportScope.ALL: True,
            ExportScope.VIEW: context.view_rect is not None,
            ExportScope.SELECTION: bool(context.selection),
            ExportScope.FOCUS: context.goal is not None,
        }
        for scope, label in SCOPES:
            if scope is ExportScope.SELECTION and context.selection:
                label = f"{label} ({len(context.selection)})"
            button = QRadioButton(label)
            button.setObjectName(f"export_scope_{scope.value}")
            button.setEnabled(available[scope])
            if scope is ExportScope.FOCUS and not available[scope]:
                button.setToolTip("Set a goal in the plan first")
            self.scope_group.addButton(button)
            self.scope_buttons[scope] = button
            scope_layout.addWidget(button)
        self.scope_buttons[ExportScope.ALL].setChecked(True)
        layout.addWidget(scope_box)

        look = QGroupBox("Contents and look")
        form = QFormLayout(look)
        self.include_title = self._check("export_include_title", "Title", True)
        self.include_legend = self._check("export_include_legend", "Legend", True)
        self.include_summary = self._check("export_include_summary", "Progress summary", True)
        row = QHBoxLayout()
        for box in (self.include_title, self.include_legend, self.include_summary):
            row.addWidget(box)
        row.addStretch(1)
        form.addRow("Include:", row)
        self.theme = QComboBox()
        self.theme.setObjectName("export_theme")
        self.theme.addItem("Light", "light")
        self.theme.addItem("Dark", "dark")
        self.theme.setCurrentIndex(1 if context.dark else 0)
        form.addRow("Theme:", self.theme)
        self.transparent = self._check("export_transparent", "Transparent background", False)
        form.addRow("", self.transparent)
        layout.addWidget(look)

        size = QGroupBox("Size")
        size_form = QFormLayout(size)
        self.size_by_dpi = QCheckBox("Set by DPI")
        self.size_by_dpi.setObjectName("export_size_by_dpi")
        self.scale = QDoubleSpinBox()
        self.scale.setObjectName("export_scale")
        self.scale.setRange(0.25, 8.0)
        self.scale.setSingleStep(0.25)
        self.scale.setValue(1.0)
        self.scale.setSuffix(" ×")
        self.dpi = QSpinBox()
        self.dpi.setObjectName("export_dpi")
        self.dpi.setRange(48, 1200)
        self.dpi.setValue(96)
        self.dpi.setEnabled(False)
        self.size_by_dpi.toggled.connect(self.dpi.setEnabled)
        self.size_by_dpi.toggled.connect(lambda on: self.scale.setEnabled(not on))
        size_form.addRow("Scale:", self.scale)
        size_form.addRow(self.size_by_dpi, self.dpi)
        note = QLabel("Very large images are scaled down to at most 16,384 px a side.")
        note.setTextFormat(Qt.TextFormat.PlainText)
        note.setWordWrap(True)
        size_form.addRow(note)
        # SVG is drawn at scene size and PDF fits the page: only PNG has a pixel size.
        size.setVisible(context.fmt == "png")
        layout.addWidget(size)

        # PNG and SVG: the overview preset (whole map, 1920 px wide, every title big).
        self.overview = self._check("export_overview", "Overview: the whole map 1920 px wide, "
                                    "every title legible", False)
        self.overview.setVisible(context.fmt in ("png", "svg"))
        self.overview.toggled.connect(lambda on: size.setEnabled(not on))
        layout.addWidget(self.overview)

        paper = QGroupBox("Paper")
        paper_form = QFormLayout(paper)
        self.paper = QComboBox()
        self.paper.setObjectName("export_paper")
        local = paper_for_locale()
        self.paper.addItem(f"{'Letter' if local is Paper.LETTER else 'A4'} (your locale)", Paper.AUTO.value)
        self.paper.addItem("A4", Paper.A4.value)
        self.paper.addItem("Letter", Paper.LETTER.value)
        paper_form.addRow("Paper:", self.paper)
        self.pdf_pages = QComboBox()
        self.pdf_pages.setObjectName("export_pdf_pages")
        self.pdf_pages.addItem("Fit on one page (text at least 7 pt)", PdfPages.FIT.value)
        self.pdf_pages.addItem("Poster: tiles over several pages, every title", PdfPages.TILES.value)
        paper_form.addRow("Map:", self.pdf_pages)
        paper.setVisible(context.fmt == "pdf")
        layout.addWidget(paper)

        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Export")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _check(self, name: str, text: str, checked: bool) -> QCheckBox:
        box = QCheckBox(text)
        box.setObjectName(name)
        box.setChecked(checked)
        return box

    def scope(self) -> ExportScope:
        return next(s for s, b in self.scope_buttons.items() if b.isChecked())

    def set_scope(self, scope: ExportScope) -> None:
        self.scope_buttons[scope].setChecked(True)

    def load(self, options: ExportOptions) -> None:
        """Start from the choices of the previous export (its scope only if it is available now)."""
        button = self.scope_buttons[options.scope]
        if button.isEnabled():
            button.setChecked(True)
        self.include_title.setChecked(options.include_title)
        self.include_legend.setChecked(options.include_legend)
        self.include_summary.setChecked(options.include_summary)
        self.theme.setCurrentIndex(max(0, self.theme.findData(options.theme)))
        self.transparent.setChecked(options.transparent)
        self.scale.setValue(options.scale)
        self.size_by_dpi.setChecked(options.dpi is not None)
        if options.dpi is not None:
            self.dpi.setValue(options.dpi)
        self.overview.setChecked(options.preset == "overview")
        self.paper.setCurrentIndex(max(0, self.paper.findData(options.paper)))
        self.pdf_pages.setCurrentIndex(max(0, self.pdf_pages.findData(options.pdf_pages)))

    def options(self) -> ExportOptions:
        scope = self.scope()
        ctx = self.context
        return ExportOptions(
            scope=scope,
            theme=self.theme.currentData(),
            scale=self.scale.value(),
            dpi=self.dpi.value() if self.size_by_dpi.isChecked() else None,
            transparent=self.transparent.isChecked(),
            include_title=self.include_title.isChecked(),
            include_legend=self.include_legend.isChecked(),
            include_summary=self.include_summary.isChecked(),
            focus_node=ctx.goal if scope is ExportScope.FOCUS else None,
            selection=ctx.selection if scope is ExportScope.SELECTION else (),
            view_rect=ctx.view_rect if scope is ExportScope.VIEW else None,
            preset="overview" if self.overview.isChecked() and ctx.fmt in ("png", "svg") else "",
            paper=self.paper.currentData(),
            pdf_pages=self.pdf_pages.currentData(),
        )
