"""Composition root: builds the Qt application and wires everything (GUI helper fills this)."""

from __future__ import annotations


def run_app(argv: list[str]) -> int:
    raise SystemExit("the desktop app is not built yet")
