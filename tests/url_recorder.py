"""A URL handler for tests: records what the app asked QDesktopServices to open."""

from __future__ import annotations

from PySide6.QtCore import QObject, QUrl, Slot


class UrlRecorder(QObject):
    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def handle(self, url: QUrl) -> None:
        self.urls.append(url.toString())
