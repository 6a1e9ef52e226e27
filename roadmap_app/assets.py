"""Find files shipped in resources/ (installed as the package roadmap_app.data).

importlib.resources works from a wheel, an editable install and a PyInstaller
bundle alike; the checkout fallback serves a plain `python -m` from source.
"""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path


def data_root() -> Traversable:
    try:
        return resources.files("roadmap_app.data")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parent.parent / "resources"


def asset(*parts: str) -> Traversable:
    node = data_root()
    for part in parts:
        node = node.joinpath(part)
    return node


def read_bytes(*parts: str) -> bytes:
    return asset(*parts).read_bytes()
