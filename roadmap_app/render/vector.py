"""SVG and PDF export of the scene, with the PDF's node appendix."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtSvg import QSvgGenerator

from ..canvas.lod import FULL_FROM
from ..model import Roadmap
from ..storage import atomic_write
from .appendix import build_appendix
from .decorations import Decorations
from .options import ExportOptions, ExportResult


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
    generator.setSize(QSize(round(width), round(height)))
    generator.setViewBox(QRectF(0, 0, width, height))
    generator.setTitle(roadmap.title)
    generator.setDescription("Exported by Roadmap Planner")
    painter = QPainter(generator)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    _paint_page(painter, scene, roadmap, src, options, width, height, 1.0)
    painter.end()
    buffer.close()
    atomic_write(path, bytes(data.data()))
    return ExportResult(str(path), round(width), round(height), 1.0)


def _first_page_size(src: QRectF, options: ExportOptions, roadmap: Roadmap) -> QPageSize:
    """A3-wide page whose height follows the roadmap's aspect, so it fills the page."""
    width_mm = 420.0
    px_per_mm = 96 / 25.4
    deco = Decorations(roadmap, options, 1.0)
    extra_mm = (deco.header_height() + deco.legend_height()) / px_per_mm
    body_mm = (width_mm - 20) * src.height() / max(src.width(), 1.0)
    height_mm = min(max(body_mm + extra_mm + 22, 90.0), 1200.0)
    return QPageSize(QSizeF(width_mm, height_mm), QPageSize.Unit.Millimeter, "Roadmap")


def _pdf_resolution(src: QRectF, first: QPageSize) -> int:
    """Device pixels per inch that draw the cards at full detail (titles, status, hours).

    The canvas picks a card's detail from the painter's scale in device pixels, and a PDF
    stays vector however fine its pixels are: at 150 dpi a 70-node roadmap on an A3 page
    would be drawn as blank blocks. Capped so a 10,000-node plan stays an overview.
    """
    width_in = max(first.size(QPageSize.Unit.Inch).width() - 20 / 25.4, 1.0)
    wanted = FULL_FROM * 1.1 * src.width() / width_in
    return int(min(max(wanted, 150), 1200))


def export_pdf(scene, roadmap: Roadmap, src: QRectF, path: Path, options: ExportOptions) -> ExportResult:
    """Page 1: the roadmap fitted on an A3-wide page. Then the appendix, A4 portrait."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(roadmap.title)
    writer.setCreator("Roadmap Planner")
    first = _first_page_size(src, options, roadmap)
    writer.setResolution(_pdf_resolution(src, first))
    writer.setPageLayout(QPageLayout(first, QPageLayout.Orientation.Portrait,
                                     QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
    painter = QPainter(writer)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    _paint_page(painter, scene, roadmap, src, options, page.width(), page.height(),
                writer.resolution() / 96.0)
    appendix_layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
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
