"""Image export: real PNG, SVG and PDF files read back and checked."""

from __future__ import annotations

import io
import re
import unicodedata
import xml.etree.ElementTree as ET
import zlib

import pytest
from PySide6.QtGui import QColor, QImage

from roadmap_app.cli import main
from roadmap_app.model import Node, Resource, ResourceKind, Roadmap, Status
from roadmap_app.render.appendix import appendix_html
from roadmap_app.render.export import export_image
from roadmap_app.render.options import MAX_SIDE, ExportError, ExportOptions, ExportScope
from roadmap_app.render.png_stream import PngStreamWriter
from roadmap_app.render.raster import ExportCancelled
from roadmap_app.templates import load_template

HOSTILE = ['<img src="file:///etc/passwd">', "<b>x</b>", "<script>alert(1)</script> & co"]


@pytest.fixture
def hostile_roadmap() -> Roadmap:
    nodes = [
        Node(id=f"n{i}", title=t, stage="Education", notes=f"notes {t}",
             resources=[Resource(id=f"r{i}", title=f"res {t}", url=f"https://example.org/{i}",
                                 kind=ResourceKind.BOOK)])
        for i, t in enumerate(HOSTILE)
    ]
    nodes[0].status = Status.DONE
    return Roadmap(id="h", title="<h1>Hostile</h1>", nodes=nodes)


def distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)


def test_png_stream_writer_pixels_round_trip(qapp):
    width, height = 37, 23
    rows = bytes((x * 7 + y * 3 + c * 50) % 256
                 for y in range(height) for x in range(width) for c in range(3))
    out = io.BytesIO()
    writer = PngStreamWriter(out, width, height, alpha=False)
    writer.write_rows(rows[: width * 3 * 10], 10, width * 3)
    writer.write_rows(rows[width * 3 * 10:], height - 10, width * 3)
    writer.close()
    image = QImage.fromData(out.getvalue(), "PNG")
    assert (image.width(), image.height()) == (width, height)
    for x, y in [(0, 0), (5, 9), (36, 10), (36, 22)]:
        i = (y * width + x) * 3
        assert QColor(image.pixel(x, y)).getRgb()[:3] == tuple(rows[i:i + 3])


def test_png_of_template_is_sized_and_not_blank(tmp_path, qapp):
    roadmap = load_template("ml-architect")
    out = tmp_path / "ml.png"
    result = export_image(roadmap, out, ExportOptions(scale=0.5))
    image = QImage(str(out))
    assert (image.width(), image.height()) == (result.width, result.height)
    assert 1000 < image.width() <= MAX_SIDE and image.height() > 800
    assert image.width() / image.height() <= 2.5  # the journey fits a landscape page
    assert distinct_colours(image) > 50
    assert not list(tmp_path.glob(".*rp-tmp"))


def test_dark_theme_has_dark_background(tmp_path, qapp):
    roadmap = load_template("swe-to-mle")
    export_image(roadmap, tmp_path / "d.png", ExportOptions(theme="dark", scale=0.3))
    corner = QColor(QImage(str(tmp_path / "d.png")).pixel(2, 2))
    assert corner.lightness() < 60


def test_transparent_background(tmp_path, qapp):
    roadmap = load_template("swe-to-mle")
    export_image(roadmap, tmp_path / "t.png", ExportOptions(transparent=True, scale=0.3))
    image = QImage(str(tmp_path / "t.png"))
    assert image.hasAlphaChannel() and QColor(image.pixelColor(1, 1)).alpha() == 0


def test_huge_scale_is_clamped_with_message(tmp_path, qapp):
    roadmap = load_template("ml-architect")
    result = export_image(roadmap, tmp_path / "big.png", ExportOptions(scale=12))
    assert result.clamped and "16,384" in result.message
    assert max(result.width, result.height) <= MAX_SIDE


def test_focus_scope_is_smaller_than_whole(tmp_path, qapp):
    roadmap = load_template("ml-architect")
    whole = export_image(roadmap, tmp_path / "w.png", ExportOptions(scale=0.3))
    goal_prereq = roadmap.edges[0].source
    focus = export_image(roadmap, tmp_path / "f.png",
                         ExportOptions(scale=0.3, scope=ExportScope.FOCUS, focus_node=goal_prereq))
    assert focus.width * focus.height < whole.width * whole.height
    with pytest.raises(ExportError, match="no node"):
        export_image(roadmap, tmp_path / "x.png", ExportOptions(scope=ExportScope.FOCUS, focus_node="nope"))


def test_cancel_leaves_old_file(tmp_path, qapp):
    out = tmp_path / "keep.png"
    out.write_bytes(b"old")
    with pytest.raises(ExportCancelled):
        export_image(load_template("swe-to-mle"), out, ExportOptions(), cancelled=lambda: True)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.png"]


def test_svg_is_valid_and_escapes_markup(tmp_path, qapp, hostile_roadmap):
    out = tmp_path / "h.svg"
    export_image(hostile_roadmap, out)
    text = out.read_text(encoding="utf-8")
    root = ET.fromstring(text)
    tags = {el.tag.rsplit("}", 1)[-1] for el in root.iter()}
    assert "script" not in tags and "img" not in tags and "image" not in tags
    joined = " ".join(t for el in root.iter() for t in [el.text or ""])
    assert "<b>x</b>" in joined  # literal text, not markup
    assert "<script>" not in text and "&lt;script&gt;" in text


def test_pdf_has_roadmap_page_and_linked_appendix(tmp_path, qapp):
    pypdf = pytest.importorskip("pypdf")
    roadmap = load_template("swe-to-mle")
    out = tmp_path / "r.pdf"
    export_image(roadmap, out)
    reader = pypdf.PdfReader(str(out))
    assert len(reader.pages) >= 2
    # NFKC folds the typographic ligatures (fi, fl) the PDF uses back into letters.
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in reader.pages[1:]))
    flat = " ".join(text.split())
    for node in roadmap.nodes[:5]:
        assert " ".join(node.title.split()) in flat
    urls = [r.url for n in roadmap.nodes for r in n.resources]
    assert urls and all(url in text.replace("\n", "") for url in urls[:5])
    uris = set()
    for page in reader.pages:
        for annot in page.get("/Annots") or []:
            action = annot.get_object().get("/A")
            if action and "/URI" in action:
                uris.add(str(action["/URI"]))
    assert set(urls) <= uris


def test_appendix_escapes_and_links_only_web_urls(hostile_roadmap):
    hostile_roadmap.nodes[1].resources[0].url = "javascript:alert(1)"
    html_text = appendix_html(hostile_roadmap)
    assert "<img" not in html_text and "<script" not in html_text and "<b>x" not in html_text
    assert "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html_text
    assert 'href="javascript' not in html_text and 'href="https://example.org/0"' in html_text


def test_cli_exports_png_from_template(tmp_path, capsys):
    out = tmp_path / "cli.png"
    assert main(["export", "--template", "ml-architect", "-o", str(out), "--scale", "0.4"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
    # The IDAT stream decompresses to exactly height rows of (1 + 3 * width) bytes.
    image = QImage(str(out))
    raw = b""
    pos = 8
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        if data[pos + 4:pos + 8] == b"IDAT":
            raw += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    assert len(zlib.decompress(raw)) == image.height() * (1 + 3 * image.width())


def test_pdf_appendix_text_copies_urls_letter_for_letter(tmp_path, qapp):
    pypdf = pytest.importorskip("pypdf")
    roadmap = load_template("ml-architect")
    out = tmp_path / "r.pdf"
    export_image(roadmap, out)
    text = "".join(page.extract_text() for page in pypdf.PdfReader(str(out)).pages[1:])
    assert "\ufb01" not in text and "\ufb02" not in text  # no fi/fl ligatures in copied text
    assert "https://stackoverflow.com/" in text


def test_pdf_first_page_draws_the_cards_titles_when_they_print_at_7_pt(tmp_path, qapp):
    """The map page is vector: a plan small enough for its titles to print at 7 pt or more on
    the fitted page carries them (a big one prints blocks and map labels; see test_render_paper)."""
    pypdf = pytest.importorskip("pypdf")
    full = load_template("swe-to-mle")
    # Its first stages only (the whole template is big enough to print as blocks on A4).
    stages = set(full.stages[:3])
    keep = {n.id for n in full.nodes if n.stage in stages}
    assert 6 <= len(keep) < len(full.nodes)
    roadmap = full.model_copy(update={
        "stages": full.stages[:3],
        "nodes": [n.model_copy(update={"learned_in": None}) for n in full.nodes if n.id in keep],
        "edges": [e for e in full.edges if e.source in keep and e.target in keep],
        "plan": full.plan.model_copy(update={"goal": None, "route": []})})
    out = tmp_path / "r.pdf"
    export_image(roadmap, out, ExportOptions(paper="a4"))
    first = unicodedata.normalize("NFKC", pypdf.PdfReader(str(out)).pages[0].extract_text())
    flat = " ".join(first.split())
    shown = [n.title for n in roadmap.nodes if " ".join(n.title.split()[:2]) in flat]
    assert len(shown) >= len(roadmap.nodes) // 2, flat[:300]


def test_a_markup_title_pointing_at_a_real_image_is_literal_in_pdf_and_svg(tmp_path, qapp):
    """The title names an image that exists: it must be shown as text and never loaded."""
    pypdf = pytest.importorskip("pypdf")
    picture = tmp_path / "secret.png"
    image = QImage(40, 40, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    image.save(str(picture))
    title = f'<img src="{picture.as_uri()}">'
    roadmap = Roadmap(id="h", title="<b>x</b>", nodes=[
        Node(id="a", title=title, stage="Education", notes="<b>x</b>",
             resources=[Resource(id="r", title=title, url=picture.as_uri(), kind=ResourceKind.BOOK)]),
    ])
    pdf, svg = tmp_path / "h.pdf", tmp_path / "h.svg"
    export_image(roadmap, pdf)
    export_image(roadmap, svg)
    data = pdf.read_bytes()
    assert not re.search(rb"/Subtype\s*/Image", data)  # no image XObject: the file was not read
    text = " ".join(unicodedata.normalize("NFKC", "".join(
        p.extract_text() for p in pypdf.PdfReader(str(pdf)).pages)).split())
    assert title in text and "<b>x</b>" in text
    svg_text = svg.read_text(encoding="utf-8")
    root = ET.fromstring(svg_text)
    assert not [el for el in root.iter() if el.tag.rsplit("}", 1)[-1] == "image"]
    assert "&lt;img" in svg_text and "src=&quot;file://" in svg_text  # wrapped and elided on the card


def test_dpi_scales_the_png_and_records_its_resolution(tmp_path, qapp):
    roadmap = load_template("swe-to-mle")
    plain, fine = tmp_path / "a.png", tmp_path / "b.png"
    export_image(roadmap, plain, ExportOptions(scale=0.5))
    export_image(roadmap, fine, ExportOptions(dpi=96))
    a, b = QImage(str(plain)), QImage(str(fine))
    assert abs(b.width() / a.width() - 2) < 0.01 and abs(b.height() / a.height() - 2) < 0.02
    assert round(b.dotsPerMeterX() * 0.0254) == 96  # the pHYs chunk
    assert b"pHYs" not in plain.read_bytes()


def test_title_legend_and_summary_can_be_left_out(tmp_path, qapp):
    roadmap = load_template("swe-to-mle")
    full, bare = tmp_path / "full.svg", tmp_path / "bare.svg"
    export_image(roadmap, full)
    export_image(roadmap, bare, ExportOptions(include_title=False, include_legend=False,
                                              include_summary=False))
    full_text, bare_text = full.read_text(encoding="utf-8"), bare.read_text(encoding="utf-8")
    for shown, text in ((True, full_text), (False, bare_text)):
        assert (f">{roadmap.title}</text>" in text) is shown  # the title
        assert (">Prerequisite</text>" in text) is shown  # the legend
        assert (f"0 of {len(roadmap.nodes)} done" in text) is shown  # the summary (bands say "0 of N done")
