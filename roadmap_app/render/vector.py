"""SVG and PDF export of the scene, with the PDF's node appendix."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QPointF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtSvg import QSvgGenerator

from ..model import Roadmap
from ..storage import atomic_write
from .appendix import build_appendix
from .decorations import Decorations
from .options import ExportOptions, ExportResult
from .paper import MARGIN_MM, OVERLAP_MM, PagePlan, PdfPages, Tile, plan_fit, plan_tiles


def _paint_page(painter: QPainter, scene, roadmap: Roadmap, src: QRectF, options: ExportOptions,
                width: float, height: float, scale: float) -> None:
    deco = Decorations(roadmap, options, scale)
    deco.fill_background(painter, QRectF(0, 0, width, height))
    deco.paint_header(painter, width)
    header, legend = deco.header_height(), deco.legend_height()
    target = QRectF(0, header, width, max(1.0, height - header - legend))
    scene.render(painter, target, src, Qt.AspectRatioMode.KeepAspectRatio)
    if legend:
        deco.paint_legend(painter, height - legend, width)


def export_svg(scene, roadmap: Roadmap, src: QRectF, path: Path, options: ExportOptions) -> ExportResult:
    deco = Decorations(roadmap, options, 1.0)
    width = max(src.width(), deco.natural_width())
    height = deco.header_height() + src.height() + deco.legend_height()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    shown = options.preset_scale or 1.0  # the overview preset: displayed OVERVIEW_WIDTH px wide
    generator.setSize(QSize(round(width * shown), round(height * shown)))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(roadmap.title)
    generator.setDescription("Exported by Roadmap Planner")
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    _paint_page(painter, scene, roadmap, src, options, width, height, 1.0)
    painter.end()
    buffer.close()
    atomic_write(path, bytes(data.data()))
    return ExportResult(str(path), round(width * shown), round(height * shown), shown)


def export_pdf(scene, roadmap: Roadmap, src: QRectF, path: Path, options: ExportOptions) -> ExportResult:
    """The map on standard pages (paper.py: fitted on one, or tiled as a poster), then the
    appendix on the same paper, portrait."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(roadmap.title)
    writer.setCreator("Roadmap Planner")
    if PdfPages(options.pdf_pages) is PdfPages.TILES:
        plan = plan_tiles(src, options.paper)
    else:
        deco = Decorations(roadmap, options, 1.0)
        reserved_pt = (deco.header_height() + deco.legend_height()) * 0.75  # 96 dpi px to pt
        plan = plan_fit(src, options.paper, reserved_pt)
    # The painter's scale picks the cards' detail (lod.py): the resolution makes it plan.lod.
    resolution = max(24, round(plan.lod * 72 / plan.pt_per_unit))
    writer.setResolution(resolution)
    writer.setPageLayout(QPageLayout(plan.page, plan.orientation, QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM,
                                     MARGIN_MM), QPageLayout.Unit.Millimeter))
    painter = QPainter(writer)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    page = writer.pageLayout().paintRectPixels(resolution)
    if PdfPages(options.pdf_pages) is PdfPages.TILES:
        for index, tile in enumerate(plan.tiles):
            if index:
                writer.newPage()
            _paint_tile(painter, scene, roadmap, options, plan, tile, page.width(), page.height(), resolution)
    else:
        before = scene.set_zoom_detail(plan.lod)
        _paint_page(painter, scene, roadmap, src, options, page.width(), page.height(), resolution / 96.0)
        scene.set_zoom_detail(before)
    appendix_layout = QPageLayout(plan.page, QPageLayout.Orientation.Portrait,
                                  QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    writer.setPageLayout(appendix_layout)
    writer.newPage()
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    document = build_appendix(roadmap)
    document.documentLayout().setPaintDevice(writer)
    document.setPageSize(QSizeF(page.width(), page.height()))
    pages = document.pageCount()
    for index in range(pages):
        if index:
            writer.newPage()
        painter.save()
        painter.translate(0, -index * page.height())
        document.drawContents(painter, QRectF(0, index * page.height(), page.width(), page.height()))
        painter.restore()
    painter.end()
    buffer.close()
    atomic_write(path, bytes(data.data()))
    return ExportResult(str(path), page.width(), page.height(), 1.0)


def _paint_tile(painter: QPainter, scene, roadmap: Roadmap, options: ExportOptions, plan: PagePlan,
                tile: Tile, width: float, height: float, resolution: int) -> None:
    """One poster sheet: its part of the map, the overlap marks, and its label."""
    deco = Decorations(roadmap, options, resolution / 96.0)
    deco.fill_background(painter, QRectF(0, 0, width, height))
    lod = plan.lod
    body = QRectF(0, 0, tile.src.width() * lod, tile.src.height() * lod)
    painter.save()
    painter.setClipRect(body)
    scene.render(painter, body, tile.src, Qt.AspectRatioMode.IgnoreAspectRatio)
    painter.restore()
    # Overlap marks: where the neighbouring sheet starts (or ends), on both sheets.
    mark = QPen(deco.colours.text, max(1.0, resolution / 96.0), Qt.PenStyle.DashLine)
    painter.setPen(mark)
    ov = plan.overlap * lod
    xs = ([ov] if tile.column > 0 else []) + ([body.width() - ov] if tile.column < tile.columns - 1 else [])
    ys = ([ov] if tile.row > 0 else []) + ([body.height() - ov] if tile.row < tile.rows - 1 else [])
    for x in xs:
        painter.drawLine(QPointF(x, 0), QPointF(x, body.height()))
    for y in ys:
        painter.drawLine(QPointF(0, y), QPointF(body.width(), y))
    font = QFont("DejaVu Sans")
    font.setPixelSize(max(1, round(8 * resolution / 72)))  # 8 pt
    painter.setFont(font)
    painter.setPen(QPen(deco.colours.text))
    text = (f"{roadmap.title}  ·  sheet {tile.label} of {tile.rows * tile.columns}: row {tile.row + 1} of "
            f"{tile.rows}, column {tile.column + 1} of {tile.columns}  ·  dashed lines: "
            f"{OVERLAP_MM:g} mm shared with the next sheet")
    painter.drawText(QRectF(0, body.height() + 2, width, height - body.height() - 2),
                     Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)


def first_page_image(scene, roadmap: Roadmap, src: QRectF, options: ExportOptions, dpi: int = 110) -> QImage:
    """The fitted map page as a picture (for the screenshots when no PDF rasteriser is at
    hand): the same plan and painting as export_pdf's first page, at `dpi`."""
    deco = Decorations(roadmap, options, 1.0)
    plan = plan_fit(src, options.paper, (deco.header_height() + deco.legend_height()) * 0.75)
    size = plan.page.size(QPageSize.Unit.Point)
    w, h = size.width(), size.height()
    if plan.orientation == QPageLayout.Orientation.Landscape:
        w, h = h, w
    image = QImage(round(w * dpi / 72), round(h * dpi / 72), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    margin = MARGIN_MM / 25.4 * dpi
    painter.translate(margin, margin)
    # Device px per scene unit must be plan.lod, as in the PDF: scale this page's pixels to it.
    k = plan.lod / (plan.pt_per_unit * dpi / 72)
    painter.scale(1 / k, 1 / k)
    width, height = (image.width() - 2 * margin) * k, (image.height() - 2 * margin) * k
    before = scene.set_zoom_detail(plan.lod)
    _paint_page(painter, scene, roadmap, src, options, width, height, plan.lod * 72 / plan.pt_per_unit / 96)
    scene.set_zoom_detail(before)
    painter.end()
    return image
