"""Render the app icon SVG to PNGs and pack them into .ico (Windows) and .icns (macOS).

    python packaging/make_icons.py            # regenerate resources/icons/
    python packaging/make_icons.py --out DIR  # write somewhere else (the tests do)

The SVG in resources/icons/ is the only source; everything else is generated
and committed, so a build needs no image tools. Rendering uses PySide6's QtSvg
(part of PySide6-Essentials); if that module is missing it falls back to
QImageReader, which reads SVG through Qt's svg image-format plugin.

Both containers are written here rather than with Pillow or iconutil, which
would be one more dependency for two small, documented formats:
- ICO: a 6-byte ICONDIR, one 16-byte ICONDIRENTRY per image, then the images.
  Windows Vista and later accept PNG images inside an ICO.
- ICNS: "icns" + big-endian total length, then (type, length, data) blocks;
  the ic07..ic14 / icp4..icp6 types carry PNG data.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

APP_ID = "io.github.roadmap_planner.RoadmapPlanner"
REPO = Path(__file__).resolve().parent.parent
ICON_DIR = REPO / "resources" / "icons"
SVG_NAME = f"{APP_ID}.svg"

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
# ICNS block type -> pixel size. The @2x types reuse the size of the next step up.
ICNS_TYPES = {
    b"icp4": 16,
    b"icp5": 32,
    b"icp6": 64,
    b"ic07": 128,
    b"ic08": 256,
    b"ic09": 512,
    b"ic10": 1024,  # 512x512@2x
    b"ic11": 32,  # 16x16@2x
    b"ic12": 64,  # 32x32@2x
    b"ic13": 256,  # 128x128@2x
    b"ic14": 512,  # 256x256@2x
}


def png_relpath(size: int) -> str:
    """Where a PNG lives under the icon folder: the XDG hicolor layout, ready to copy."""
    return f"hicolor/{size}x{size}/apps/{APP_ID}.png"


def _ensure_gui_app():
    from PySide6.QtGui import QGuiApplication

    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication.instance() or QGuiApplication([sys.argv[0]])


def render_png(svg: bytes, size: int) -> bytes:
    """Render the SVG into a transparent size x size PNG."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
    from PySide6.QtGui import QImage, QImageReader, QPainter

    _ensure_gui_app()
    try:
        from PySide6.QtSvg import QSvgRenderer
    except ImportError:  # no QtSvg module: let the image-format plugin rasterise it
        QSvgRenderer = None
    if QSvgRenderer is None:
        buffer = QBuffer()
        buffer.setData(QByteArray(svg))
        reader = QImageReader(buffer, QByteArray(b"svg"))
        reader.setScaledSize(QSize(size, size))
        image = reader.read()
        if image.isNull():
            raise RuntimeError(f"cannot render the SVG: {reader.errorString()}")
    else:
        renderer = QSvgRenderer(QByteArray(svg))
        if not renderer.isValid():
            raise RuntimeError("the SVG is not valid")
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter, QRectF(0, 0, size, size))
        painter.end()
    out = QBuffer()
    out.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.convertToFormat(QImage.Format.Format_ARGB32).save(out, "PNG"):
        raise RuntimeError(f"cannot encode a {size}px PNG")
    return bytes(out.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """An ICO holding one PNG per size (sizes up to 256)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))  # reserved, type 1 = icon, count
    offset = len(header) + 16 * len(sizes)
    entries, images = [], []
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"an ICO image must be 1-256 px, not {size}")
        data = pngs[size]
        dim = 0 if size == 256 else size  # 0 means 256 in the one-byte fields
        # width, height, palette colours, reserved, colour planes, bits per pixel, size, offset
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        images.append(data)
        offset += len(data)
    return header + b"".join(entries) + b"".join(images)


def build_icns(pngs_by_type: dict[bytes, bytes]) -> bytes:
    """An ICNS holding the given (4-byte type -> PNG) blocks."""
    blocks = b"".join(
        kind + struct.pack(">I", 8 + len(data)) + data for kind, data in pngs_by_type.items()
    )
    return b"icns" + struct.pack(">I", 8 + len(blocks)) + blocks


def generate(svg_path: Path, out_dir: Path) -> list[Path]:
    """Write the PNG tree, the .ico and the .icns into out_dir; return the files written."""
    svg = svg_path.read_bytes()
    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | set(ICNS_TYPES.values()))
    rendered = {size: render_png(svg, size) for size in sizes}
    written = []
    for size in PNG_SIZES:
        path = out_dir / png_relpath(size)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(rendered[size])
        written.append(path)
    ico = out_dir / f"{APP_ID}.ico"
    ico.write_bytes(build_ico({size: rendered[size] for size in ICO_SIZES}))
    icns = out_dir / f"{APP_ID}.icns"
    icns.write_bytes(build_icns({kind: rendered[size] for kind, size in ICNS_TYPES.items()}))
    return [*written, ico, icns]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=ICON_DIR / SVG_NAME, help="source SVG")
    parser.add_argument("--out", type=Path, default=ICON_DIR, help="output folder")
    args = parser.parse_args(argv)
    if not args.svg.is_file():
        print(f"{args.svg}: no such SVG file", file=sys.stderr)
        return 1
    for path in generate(args.svg, args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
