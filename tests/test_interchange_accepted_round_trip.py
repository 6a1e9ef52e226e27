"""Anything an importer accepts can be saved and loaded again, identically: every file of
the hostile interchange corpus that imports, and every shared interchange sample."""

from __future__ import annotations

from pathlib import Path

import pytest

from roadmap_app.interchange.formats import import_file
from roadmap_app.model import RoadmapError
from roadmap_app.storage import dumps, loads

HERE = Path(__file__).resolve().parent
CANDIDATES = sorted((HERE / "hostile" / "interchange").iterdir())


def test_accepted_imports_save_and_load_identically():
    accepted = 0
    for path in CANDIDATES:
        try:
            roadmap, _report = import_file(path)
        except RoadmapError:
            continue  # refused with one message: tests/hostile checks which and how
        accepted += 1
        data = dumps(roadmap)
        again = loads(data).roadmap
        assert again == roadmap, path.name
        assert dumps(again) == data, path.name
    assert accepted >= 5  # the corpus still holds files that import with warnings


def test_shared_interchange_samples_save_and_load_identically(shared_dir):
    samples = [p for p in sorted((shared_dir / "interop").rglob("*")) if p.is_file()]
    if not samples:
        pytest.skip("no interchange samples in ../shared/interop")
    imported = 0
    for path in samples:
        try:
            roadmap, _report = import_file(path)
        except RoadmapError:
            continue  # not an interchange file (README, LICENSE)
        imported += 1
        data = dumps(roadmap)
        assert loads(data).roadmap == roadmap, path.name
    assert imported >= 1
