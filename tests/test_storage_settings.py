"""The settings file: lenient loading (never crash), atomic saving, recent files."""

from __future__ import annotations

import base64
import json
import stat

import pytest

from roadmap_app.storage import paths
from roadmap_app.storage.settings import MAX_RECENT, Settings, load_settings, save_settings


def test_defaults_when_missing():
    assert load_settings() == Settings()
    assert Settings().theme == "system" and Settings().autosave_interval_s == 30


def test_round_trip_in_config_folder():
    geometry = base64.b64encode(b"\x01\x02geometry").decode()
    settings = Settings(theme="dark", last_plan="/plans/p.roadmap", geometry=geometry)
    settings = settings.with_recent("/plans/a.roadmap").with_recent("/plans/b.roadmap")
    save_settings(settings)
    assert paths.settings_path().is_file()
    assert stat.S_IMODE(paths.settings_path().stat().st_mode) == 0o600
    assert load_settings() == settings
    assert load_settings().recent_files[:2] == ["/plans/b.roadmap", "/plans/a.roadmap"]


def test_recent_files_capped_and_deduplicated(tmp_path):
    settings = Settings()
    for i in range(15):
        settings = settings.with_recent(tmp_path / f"{i}.roadmap")
    settings = settings.with_recent(tmp_path / "3.roadmap")
    assert len(settings.recent_files) == MAX_RECENT
    assert settings.recent_files[0] == str(tmp_path / "3.roadmap")
    assert len(set(settings.recent_files)) == MAX_RECENT


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"{not json",
        b"[1, 2, 3]",
        b"\xff\xfe\x00garbage",
        b'{"theme": NaN}',
        b"[" * 5000,
        b'{"a": "' + b"x" * 2_000_000 + b'"}',  # over the settings size cap
    ],
    ids=["empty", "bad-json", "not-object", "binary", "nan", "deep", "huge"],
)
def test_broken_file_gives_defaults(content):
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_bytes(content)
    assert load_settings() == Settings()


def test_partly_invalid_file_keeps_the_valid_fields():
    paths.settings_path().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_path().write_text(json.dumps({
        "theme": "purple",  # invalid: default instead
        "recent_files": ["/a.roadmap", "/a.roadmap", 3],  # wrong type inside: default
        "last_plan": "/p.roadmap",
        "geometry": "not base64!!",
        "autosave_interval_s": 600,  # recovery must stay <= 30 s behind
        "future_key": {"kept": True},
    }))
    settings = load_settings()
    assert settings.theme == "system"
    assert settings.recent_files == []
    assert settings.last_plan == "/p.roadmap"
    assert settings.geometry == ""
    assert settings.autosave_interval_s == 30
    assert settings.model_extra == {"future_key": {"kept": True}}
    save_settings(settings)
    assert json.loads(paths.settings_path().read_text())["future_key"] == {"kept": True}


def test_settings_path_is_a_folder():
    paths.settings_path().mkdir(parents=True)
    assert load_settings() == Settings()
