"""LinkOpener (pytest-qt): only web links open; a link from someone else's file shows
its host before the first open, whatever origin that file claims for it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox
from url_recorder import UrlRecorder

from roadmap_app.model import Origin
from roadmap_app.templates import load_template
from roadmap_app.ui.common.links import LinkOpener, shipped_urls

pytest_plugins = ("ui_helpers",)
SCHEMES = ("http", "https", "file", "javascript", "ftp")



@pytest.fixture
def opened(qapp):
    recorder = UrlRecorder()
    for scheme in SCHEMES:
        QDesktopServices.setUrlHandler(scheme, recorder, "handle")
    yield recorder.urls
    for scheme in SCHEMES:
        QDesktopServices.unsetUrlHandler(scheme)


def test_shipped_urls_are_the_built_in_roadmaps_links():
    built_in = {r.url for n in load_template("ml-architect").nodes for r in n.resources}
    assert built_in and built_in <= shipped_urls()


def test_only_web_links_with_a_host_open(opened, dialogs):
    links = LinkOpener()
    for bad in ("javascript:alert(1)", "file:///etc/passwd", "ftp://example.org/x", "https://", "  ", "x"):
        assert links.open(None, bad, Origin.USER) is False
    assert opened == []
    assert len(dialogs.errors) == 6 and {t for t, _ in dialogs.errors} == {"Link not opened"}


@pytest.mark.parametrize(("origin", "url", "asks"), [
    (Origin.USER, "https://example.org/mine", False),  # the user typed it
    (Origin.TEMPLATE, "https://www.deeplearningbook.org/", False),  # shipped with the app
    (Origin.IMPORTED, "https://www.deeplearningbook.org/", True),
    (Origin.IMPORTED, "https://evil.example/x", True),
    # a shared .roadmap file can call any link "template": unless the app ships it, ask
    (Origin.TEMPLATE, "https://evil.example/course", True),
])
def test_a_link_from_someone_else_shows_its_host_once(opened, dialogs, origin, url, asks):
    links = LinkOpener()
    dialogs.answer = QMessageBox.StandardButton.Cancel
    assert links.open(None, url, origin) is (not asks)
    if asks:
        host = QUrl(url).host()
        assert opened == [] and host in dialogs.asked[-1][1]
        dialogs.answer = QMessageBox.StandardButton.Open
        assert links.open(None, url, origin) is True
        assert links.open(None, url, origin) is True  # confirmed: not asked again this session
        assert len(dialogs.asked) == 2
        assert opened == [url, url]
    else:
        assert dialogs.asked == [] and opened == [url]
