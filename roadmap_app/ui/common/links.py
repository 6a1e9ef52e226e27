"""Opening resource links safely in the system browser.

Only http and https URLs with a host ever reach QDesktopServices.openUrl:
`file:`, `javascript:`, custom schemes and the like are refused with a message.
A link that came from someone else's file shows its host and asks before its
first open in this session: origin "imported", and also a "template" link that
no built-in roadmap ships (a shared .roadmap file can claim that origin).
"""

from __future__ import annotations

import functools
import json
import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QWidget

from roadmap_app.model import Origin
from roadmap_app.ui.common import messages

SAFE_SCHEMES = ("http", "https")


_HAS_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//|[^0-9])")


def with_scheme(text: str) -> str:
    """A typed link without a scheme ("cs50.harvard.edu/python") as https; others unchanged.

    "host:8080/x" counts as schemeless (a port, not a scheme); "mailto:x" keeps its scheme
    and is then refused as not a web link.
    """
    text = text.strip()
    if not text or _HAS_SCHEME.match(text) or text.startswith(("/", ".")):
        return text
    return "https://" + text


def safe_url(text: str) -> QUrl | None:
    """The URL if it may be opened (http/https with a host), else None."""
    url = QUrl(text.strip(), QUrl.ParsingMode.StrictMode)
    if not url.isValid() or url.scheme().lower() not in SAFE_SCHEMES or not url.host():
        return None
    return url


@functools.cache
def shipped_urls() -> frozenset[str]:
    """The links of the built-in roadmaps: they come with the app, like the user's own."""
    from roadmap_app import templates

    urls: set[str] = set()
    for template_id in templates.template_ids():
        try:
            doc = json.loads(templates.template_bytes(template_id))
            nodes = doc["roadmap"]["nodes"]
        except (ValueError, KeyError, TypeError, OSError):
            continue
        for node in nodes:
            for resource in node.get("resources", []) if isinstance(node, dict) else []:
                if isinstance(resource, dict) and isinstance(resource.get("url"), str):
                    urls.add(resource["url"].strip())
    return frozenset(urls)


def from_someone_else(text: str, origin: Origin) -> bool:
    if origin is Origin.USER:
        return False
    return origin is Origin.IMPORTED or text.strip() not in shipped_urls()


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
        if from_someone_else(text, origin) and host not in self.confirmed_hosts:
            answer = messages.ask(
                parent, "Open link from an imported roadmap?",
                f"This link came from a file made elsewhere and opens {host}.",
                f"Full address: {url.toString()}\n\nOpen it in your browser?",
                QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Open:
                return False
            self.confirmed_hosts.add(host)
        return QDesktopServices.openUrl(url)
