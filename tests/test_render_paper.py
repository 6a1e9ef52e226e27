"""The map on paper: A4 or Letter pages, fitted with nothing under 7 pt, or tiled as a poster."""

from __future__ import annotations

import math
import shutil
import subprocess
import unicodedata

import pytest
from PySide6.QtCore import QLocale, QRectF

from roadmap_app.cli import main
from roadmap_app.model import NodeKind
from roadmap_app.render.export import export_image
from roadmap_app.render.options import ExportOptions
from roadmap_app.render.paper import MIN_PT, Paper, paper_for_locale, plan_fit, plan_tiles
from roadmap_app.templates import load_template

pypdf = pytest.importorskip("pypdf")

SIZES_PT = {"a4": (595, 842), "letter": (612, 792)}


def map_pages(path, roadmap):
    """The pages before the appendix (which opens with the roadmap's description)."""
    reader = pypdf.PdfReader(str(path))
    opening = " ".join(roadmap.description.split()[:6])
    appendix_at = next(i for i, p in enumerate(reader.pages) if opening in flat_text([p]))
    return reader.pages[:appendix_at]


def flat_text(pages) -> str:
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in pages))
    return " ".join(text.split())


def font_sizes(pages) -> list[tuple[float, str]]:
    sizes = []

    def visit(text, cm, tm, _font, size):
        if text.strip():
            scale = math.sqrt(abs(tm[0] * tm[3] - tm[1] * tm[2]))
            scale *= math.sqrt(abs(cm[0] * cm[3] - cm[1] * cm[2]))
            sizes.append((size * scale, text.strip()))

    for page in pages:
        page.extract_text(visitor_text=visit)
    return sizes


def assert_standard(page, paper):
    w, h = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
    assert (w, h) == SIZES_PT[paper]


@pytest.fixture(scope="module")
def roadmap():
    return load_template("ml-architect")


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_fitted_map_is_one_standard_page_with_nothing_under_7_pt(tmp_path, qapp, roadmap, paper):
    out = tmp_path / "fit.pdf"
    export_image(roadmap, out, ExportOptions(paper=paper, pdf_pages="fit"))
    pages = map_pages(out, roadmap)
    assert len(pages) == 1
    assert_standard(pages[0], paper)
    sizes = font_sizes(pages)
    assert sizes and min(s for s, _t in sizes) >= MIN_PT - 0.05, sorted(sizes)[:3]
    text = flat_text(pages)
    for node in roadmap.nodes:
        if node.kind in (NodeKind.ROLE, NodeKind.MILESTONE):
            assert " ".join(node.title.split()) in text, node.title
    for stage in {n.stage for n in roadmap.nodes}:
        assert stage in text


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_poster_tiles_carry_every_title_with_labels_and_overlaps(tmp_path, qapp, roadmap, paper):
    out = tmp_path / "poster.pdf"
    export_image(roadmap, out, ExportOptions(paper=paper, pdf_pages="tiles"))
    pages = map_pages(out, roadmap)
    assert 2 <= len(pages) <= 24  # the built-in 109 cards at 9.75 pt titles: 21 sheets of A4 or Letter
    for page in pages:
        assert_standard(page, paper)
    sizes = font_sizes(pages)
    assert min(s for s, _t in sizes) >= MIN_PT - 0.05, sorted(sizes)[:3]
    text = flat_text(pages)
    missing = [n.title for n in roadmap.nodes if " ".join(n.title.split()) not in text]
    assert not missing
    assert f"sheet A1 of {len(pages)}" in text and "mm shared with the next sheet" in text


def test_tiles_overlap_and_cover_the_map():
    src = QRectF(0, 0, 2900, 2300)
    plan = plan_tiles(src, "a4")
    assert plan.overlap > 0
    union = QRectF()
    for tile in plan.tiles:
        union = union.united(tile.src)
    assert union.contains(src)
    right = {t.column: t.src for t in plan.tiles if t.row == 0}
    for c in range(1, len(right)):
        assert right[c - 1].right() - right[c].left() == pytest.approx(plan.overlap)


def test_fit_picks_the_orientation_that_gives_the_bigger_map():
    wide, tall = plan_fit(QRectF(0, 0, 3000, 1000), "a4", 60), plan_fit(QRectF(0, 0, 1000, 3000), "a4", 60)
    assert wide.orientation.name == "Landscape" and tall.orientation.name == "Portrait"


def test_paper_follows_the_locale():
    assert paper_for_locale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)) is Paper.LETTER
    assert paper_for_locale(QLocale(QLocale.Language.French, QLocale.Country.Canada)) is Paper.LETTER
    assert paper_for_locale(QLocale(QLocale.Language.German, QLocale.Country.Germany)) is Paper.A4
    assert paper_for_locale(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)) is Paper.A4


def test_cli_exports_a_tiled_a4_poster(tmp_path, qapp, roadmap):
    out = tmp_path / "map.pdf"
    args = ["export", "--template", "ml-architect", "-o"]
    assert main([*args, str(out), "--paper", "a4", "--tiles", "auto"]) == 0
    pages = map_pages(out, roadmap)
    assert len(pages) > 1 and all(SIZES_PT["a4"] == tuple(sorted(
        (round(float(p.mediabox.width)), round(float(p.mediabox.height))))) for p in pages)
    fit = tmp_path / "fit.pdf"
    assert main([*args, str(fit), "--paper", "letter", "--tiles", "fit"]) == 0
    assert len(map_pages(fit, roadmap)) == 1


def test_pdftotext_reads_the_fitted_page(tmp_path, qapp, roadmap):
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.skip("pdftotext (poppler-utils) is not installed; pypdf checked the same text above")
    out = tmp_path / "fit.pdf"
    export_image(roadmap, out, ExportOptions(paper="a4"))
    text = subprocess.run([tool, "-f", "1", "-l", "1", str(out), "-"], capture_output=True, text=True,
                          timeout=60, check=True).stdout
    assert "Machine learning" in " ".join(text.split())


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_overview_preset_is_1920_wide_with_every_title_whole_and_legible(tmp_path, qapp, roadmap, fmt):
    from PySide6.QtGui import QFontMetricsF

    from roadmap_app.render.scene_source import build_scene

    options = ExportOptions(preset="overview")
    scene = build_scene(roadmap, options)
    result = export_image(roadmap, tmp_path / f"o.{fmt}", options, scene=scene)
    assert result.width == 1920
    scene.set_poster_titles(True)  # what the export drew
    for card in scene.card_items():
        lines = card.poster_lines()
        assert "…" not in "".join(lines) and " ".join(lines).split() == card.title.split(), card.title
    cap = QFontMetricsF(scene._kit.poster_font).capHeight()
    assert cap * result.scale >= 9.0
    # The stages are still named (the cards' own big titles replace the landmark labels).
    placed = scene._labels.placed(result.scale)
    assert {label.key for label in placed} == {n.stage for n in roadmap.nodes}
    assert not any(label.landmark for label in placed)
    assert min(label.screen_px for label in placed) >= 9.0


def test_cli_overview_preset(tmp_path, qapp):
    from PySide6.QtGui import QImage

    out = tmp_path / "o.png"
    assert main(["export", "--template", "ml-architect", "-o", str(out), "--preset", "overview"]) == 0
    assert QImage(str(out)).width() == 1920
