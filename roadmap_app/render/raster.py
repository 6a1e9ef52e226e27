"""PNG export: the scene painted band by band and streamed into the file.

Only one band of pixels is in memory at a time, and zlib compression runs in
a worker thread (it releases the GIL) while the next band is painted on the
GUI thread, where scene items must be painted.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from ..model import Roadmap
from .decorations import Decorations
from .options import MAX_PIXELS, MAX_SIDE, ExportError, ExportOptions, ExportResult
from .output import atomic_output
from .png_stream import PngStreamWriter

BAND_PIXELS = 4_000_000  # ~16 MB of ARGB per band

Progress = Callable[[float], None]
Cancelled = Callable[[], bool]


class ExportCancelled(ExportError):
    pass


def plan_size(src: QRectF, deco_factory: Callable[[float], Decorations], scale: float):
    """Output size for `scale`, scaled down to the caps when needed."""
    requested = scale
    for _ in range(8):  # decorations scale with the image, so iterate to a fixed point
        deco = deco_factory(scale)
        width = max(src.width() * scale, deco.natural_width())
        height = deco.header_height() + src.height() * scale + deco.legend_height()
        factor = min(1.0, MAX_SIDE / width, MAX_SIDE / height, math.sqrt(MAX_PIXELS / (width * height)))
        if factor >= 0.999:
            break
        scale *= factor * 0.995
    w, h = max(1, math.ceil(width)), max(1, math.ceil(height))
    w, h = min(w, MAX_SIDE), min(h, MAX_SIDE)
    return deco, scale, w, h, scale < requested * 0.999


def export_png(scene, roadmap: Roadmap, src: QRectF, path: Path, options: ExportOptions,
               progress: Progress | None = None, cancelled: Cancelled | None = None) -> ExportResult:
    deco, scale, width, height, clamped = plan_size(
        src, lambda s: Decorations(roadmap, options, s), options.effective_scale()
    )
    header = deco.header_height()
    target = QRectF((width - src.width() * scale) / 2, header, src.width() * scale, src.height() * scale)
    legend_top = header + target.height()
    alpha = options.transparent
    band_rows = max(16, min(height, BAND_PIXELS // width))
    pending: list[Future] = []
    with atomic_output(path) as stream, ThreadPoolExecutor(1, thread_name_prefix="png") as pool:
        writer = PngStreamWriter(stream, width, height, alpha=alpha, level=options.png_compression,
                                 dpi=options.dpi)
        y0 = 0
        while y0 < height:
            if cancelled and cancelled():
                raise ExportCancelled(f"{path}: export cancelled")
            rows = min(band_rows, height - y0)
            band = QImage(width, rows, QImage.Format.Format_ARGB32_Premultiplied)
            band.fill(Qt.GlobalColor.transparent)
            painter = QPainter(band)
            painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
            painter.translate(0, -y0)
            band_rect = QRectF(0, y0, width, rows)
            deco.fill_background(painter, band_rect)
            if y0 < header:
                deco.paint_header(painter, width)
            part = target.intersected(band_rect)
            if not part.isEmpty():
                source_part = QRectF(
                    src.x() + (part.x() - target.x()) / scale,
                    src.y() + (part.y() - target.y()) / scale,
                    part.width() / scale,
                    part.height() / scale,
                )
                scene.render(painter, part, source_part, Qt.AspectRatioMode.IgnoreAspectRatio)
            if y0 + rows > legend_top:
                deco.paint_legend(painter, legend_top, width)
            painter.end()
            fmt = QImage.Format.Format_RGBA8888 if alpha else QImage.Format.Format_RGB888
            converted = band.convertToFormat(fmt)
            data = bytes(converted.constBits())  # a copy the worker can own
            pending.append(pool.submit(writer.write_rows, data, rows, converted.bytesPerLine()))
            while len(pending) > 1:  # bound memory: at most two bands in flight
                pending.pop(0).result()
            y0 += rows
            if progress:
                progress(y0 / height)
        for future in pending:
            future.result()
        writer.close()
    message = ""
    if clamped:
        message = (f"The image was scaled down to {width} x {height} px "
                   f"(at most {MAX_SIDE:,} px a side).")
    return ExportResult(str(path), width, height, scale, clamped, message)
