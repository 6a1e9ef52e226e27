"""Opening resource links safely in the system browser.

Only http and https URLs with a host ever reach QDesktopServices.openUrl:
`file:`, `javascript:`, custom schemes and the like are refused with a message.
A link that came from someone else's file (origin "imported") shows its host
and asks before its first open in this session.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from ..model import Origin
from . import messages

SAFE_SCHEMES = ("http", "https")


def safe_url(text: str) -> QUrl | None:
    """The URL if it may be opened (http/https with a host), else None."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in SAFE_SCHEMES or not url.host():
        return None
    return url


class LinkOpener:
    """Remembers which imported hosts the user already confirmed this session."""

    def __init__(self) -> None:
        self.confirmed_hosts: set[str] = set()

    def open(self, parent: QWidget | None, text: str, origin: Origin = Origin.USER) -> bool:
        url = safe_url(text)
        if url is None:
            shown = text if len(text) <= 200 else text[:200] + "…"
            messages.error(
                parent, "Link not opened",
                "Only web links (http or https) can be opened.",
                f"This link was not opened: {shown or '(empty)'}",
            )
            return False
        host = url.host().lower()
        if origin is Origin.IMPORTED and host not in self.confirmed_hosts:
            answer = messages.ask(
                parent, "Open link from an imported roadmap?",
                f"This link came from an imported file and opens {host}.",
                f"Full address: {url.toString()}\n\nOpen it in your browser?",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Open:
                return False
            self.confirmed_hosts.add(host)
        return QDesktopServices.openUrl(url)
