"""safe_file_stem: a roadmap title can never make an export escape its folder (no display needed)."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from roadmap_app.interchange.filenames import MAX_STEM, MAX_STEM_BYTES, safe_file_stem

FORBIDDEN = set('/\\:*?"<>|')


@given(st.text(max_size=400))
def test_never_a_separator_dot_name_or_empty(title):
    stem = safe_file_stem(title)
    assert stem and stem not in (".", "..")
    assert not FORBIDDEN & set(stem)
    assert not stem.startswith(".")
    assert all(unicodedata.category(c) not in ("Cc", "Cf", "Cs") for c in stem)
    assert len(stem) <= MAX_STEM + 1 and len(stem.encode("utf-8")) <= MAX_STEM_BYTES + 1
    assert safe_file_stem(stem) == stem  # already safe names are kept as they are


@given(st.text(alphabet=st.sampled_from("./\\ \x00\n\t-_:"), max_size=50))
def test_titles_made_only_of_path_syntax_fall_back(title):
    assert safe_file_stem(title) == "roadmap"


@pytest.mark.parametrize("title,expected", [
    ("ML Architect", "ML Architect"),
    ("../../etc/passwd", "etc-passwd"),
    ("..", "roadmap"),
    ("", "roadmap"),
    ("a\\b/c", "a-b-c"),
    ("CON", "CON_"),
    ("Großes Ziel — Bildung", "Großes Ziel — Bildung"),
    ("\u202egnp.exe", "gnp.exe"),
    ("   .hidden  ", "hidden"),
])
def test_examples(title, expected):
    assert safe_file_stem(title) == expected


def test_long_titles_are_cut_and_a_fallback_is_made_safe_too():
    assert len(safe_file_stem("x" * 1000)) == MAX_STEM
    assert len(safe_file_stem("é" * 1000).encode("utf-8")) <= MAX_STEM_BYTES
    assert safe_file_stem("///", fallback="../plan") == "plan"
