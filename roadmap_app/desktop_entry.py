"""Per-user desktop integration (launcher entry, icon, MIME type)."""

from __future__ import annotations


def install() -> int:
    raise SystemExit("not implemented yet")


def uninstall() -> int:
    raise SystemExit("not implemented yet")
