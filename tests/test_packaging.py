"""The packaging inputs: Linux metadata files, the icon set and its .ico/.icns containers.

The Linux files are checked with the same validators distributions use; the icon
containers are read back with a parser written here, independent of the writer.
"""

from __future__ import annotations

import ast
import importlib.util
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from roadmap_app import APP_ID, __version__
from roadmap_app.desktop_entry import (
    DESKTOP_ID,
    ICON_SIZES,
    MIME_TYPE,
    desktop_entry_text,
    exec_line,
    mime_xml_text,
)

REPO = Path(__file__).resolve().parent.parent
LINUX = REPO / "packaging" / "linux"
ICONS = REPO / "resources" / "icons"
DESKTOP = LINUX / DESKTOP_ID
METAINFO = LINUX / f"{APP_ID}.metainfo.xml"
MIME_XML = LINUX / "roadmap-planner-mime.xml"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE, "not a PNG"
    assert data[12:16] == b"IHDR"
    return struct.unpack(">II", data[16:24])


def parse_ico(data: bytes) -> list[tuple[int, int, bytes]]:
    reserved, kind, count = struct.unpack_from("<HHH", data, 0)
    assert (reserved, kind) == (0, 1), "not an ICO header"
    images = []
    for i in range(count):
        width, height, _colors, _res, planes, bpp, size, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert (planes, bpp) == (1, 32)
        assert offset + size <= len(data), "an image runs past the end of the file"
        images.append((width or 256, height or 256, data[offset : offset + size]))
    return images


def parse_icns(data: bytes) -> dict[bytes, bytes]:
    assert data[:4] == b"icns", "not an ICNS header"
    (total,) = struct.unpack_from(">I", data, 4)
    assert total == len(data)
    blocks, pos = {}, 8
    while pos < total:
        kind = data[pos : pos + 4]
        (length,) = struct.unpack_from(">I", data, pos + 4)
        assert length > 8 and pos + length <= total
        blocks[kind] = data[pos + 8 : pos + length]
        pos += length
    return blocks


def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (CI installs it through .ci/run)")
    return path


# -- Linux metadata -----------------------------------------------------------------


def test_desktop_file_passes_desktop_file_validate():
    result = subprocess.run([tool("desktop-file-validate"), str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error:" not in result.stdout


def test_generated_desktop_file_with_awkward_path_validates(tmp_path):
    text = desktop_entry_text(exec_line(["/opt/My Apps/100% $cool\\rp", "-m", "roadmap_app"]))
    path = tmp_path / DESKTOP_ID
    path.write_text(text, encoding="utf-8")
    result = subprocess.run([tool("desktop-file-validate"), str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_packaged_desktop_file_is_what_the_installer_writes():
    assert DESKTOP.read_text(encoding="utf-8") == desktop_entry_text(exec_line(["roadmap-planner"]))


def test_desktop_file_declares_mime_type_keywords_and_icon():
    keys = dict(line.split("=", 1) for line in DESKTOP.read_text().splitlines() if "=" in line)
    assert keys["MimeType"] == f"{MIME_TYPE};"
    assert keys["Icon"] == APP_ID
    assert "roadmap" in keys["Keywords"].split(";")
    assert keys["Categories"].split(";")[:2] == ["Education", "Office"]
    assert keys["Exec"] == "roadmap-planner %f"


def test_metainfo_passes_appstreamcli():
    result = subprocess.run(
        [tool("appstreamcli"), "validate", "--no-net", str(METAINFO)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_metainfo_names_our_ids_release_and_screenshots():
    root = ET.parse(METAINFO).getroot()
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == APP_ID
    assert root.findtext("launchable") == DESKTOP_ID
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    assert root.findtext("provides/mediatype") == MIME_TYPE
    assert root.findtext("provides/binary") == "roadmap-planner"
    releases = root.findall("releases/release")
    assert releases[0].get("version") == __version__
    assert releases[0].get("date") == "2026-11-22"
    images = [img.text for img in root.findall("screenshots/screenshot/image")]
    assert images and all(url.startswith("https://") for url in images)
    assert root.find("content_rating").get("type") == "oars-1.1"


def test_metainfo_screenshots_are_files_in_the_repository():
    prefix = "https://github.com/roadmap-planner/roadmap-planner/raw/main/"
    for image in ET.parse(METAINFO).getroot().findall("screenshots/screenshot/image"):
        assert image.text.startswith(prefix)
        assert (REPO / image.text.removeprefix(prefix)).is_file(), image.text


def test_mime_xml_declares_the_glob_and_json_parent():
    assert MIME_XML.read_text(encoding="utf-8") == mime_xml_text()
    root = ET.parse(MIME_XML).getroot()
    assert root.tag == f"{MIME_NS}mime-info"
    (mime_type,) = root.findall(f"{MIME_NS}mime-type")
    assert mime_type.get("type") == MIME_TYPE
    assert [g.get("pattern") for g in mime_type.findall(f"{MIME_NS}glob")] == ["*.roadmap"]
    assert mime_type.find(f"{MIME_NS}sub-class-of").get("type") == "application/json"


def test_mime_xml_builds_a_mime_database(tmp_path):
    (tmp_path / "packages").mkdir()
    shutil.copy(MIME_XML, tmp_path / "packages")
    subprocess.run([tool("update-mime-database"), str(tmp_path)], check=True, capture_output=True)
    assert f"{MIME_TYPE}:*.roadmap" in (tmp_path / "globs2").read_text()
    assert f"{MIME_TYPE} application/json" in (tmp_path / "subclasses").read_text()


# -- icons --------------------------------------------------------------------------


def test_svg_icon_is_square_svg():
    root = ET.parse(ICONS / f"{APP_ID}.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    _x, _y, width, height = root.get("viewBox").split()
    assert width == height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_has_its_size(size):
    path = ICONS / f"hicolor/{size}x{size}/apps/{APP_ID}.png"
    assert png_size(path.read_bytes()) == (size, size)


def test_committed_ico_holds_every_size_up_to_256():
    images = parse_ico((ICONS / f"{APP_ID}.ico").read_bytes())
    assert sorted(w for w, _h, _png in images) == [16, 24, 32, 48, 64, 128, 256]
    for width, height, png in images:
        assert png_size(png) == (width, height)


def test_committed_icns_holds_the_retina_set():
    blocks = parse_icns((ICONS / f"{APP_ID}.icns").read_bytes())
    expected = {b"icp4": 16, b"icp5": 32, b"ic07": 128, b"ic08": 256, b"ic09": 512, b"ic10": 1024}
    for kind, size in expected.items():
        assert png_size(blocks[kind]) == (size, size), kind


def _make_icons():
    spec = importlib.util.spec_from_file_location("make_icons", REPO / "packaging" / "make_icons.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_make_icons_writes_valid_containers_and_visible_pngs(tmp_path, qapp):
    from PySide6.QtGui import QImage

    make_icons = _make_icons()
    written = make_icons.generate(ICONS / f"{APP_ID}.svg", tmp_path)
    assert len(written) == len(ICON_SIZES) + 2
    ico = parse_ico((tmp_path / f"{APP_ID}.ico").read_bytes())
    assert [(w, h) for w, h, _ in ico] == [(s, s) for s in make_icons.ICO_SIZES]
    icns = parse_icns((tmp_path / f"{APP_ID}.icns").read_bytes())
    assert {kind: png_size(png)[0] for kind, png in icns.items()} == make_icons.ICNS_TYPES
    image = QImage(str(tmp_path / make_icons.png_relpath(64)))
    assert image.pixelColor(32, 32).alpha() == 255  # the badge is drawn...
    assert image.pixelColor(0, 0).alpha() == 0  # ...on a transparent canvas


def test_ico_refuses_images_larger_than_256():
    with pytest.raises(ValueError, match="512"):
        _make_icons().build_ico({512: b"x"})


def test_spec_is_python_and_names_the_app_pieces():
    text = (REPO / "packaging" / "roadmap-planner.spec").read_text(encoding="utf-8")
    ast.parse(text)
    for needle in ('collect_submodules("roadmap_app")', '"roadmap_app/data"', "CFBundleDocumentTypes",
                   '"PySide6.QtQml"', '"PySide6.QtWebEngineCore"', '"pyqtgraph"'):
        assert needle in text
