"""A 20,000-node canvas dropped on the window: read in a worker, the window stays responsive.

A QTimer ticks every 10 ms on the window's thread and records the longest gap between
ticks: that is the longest the event loop was blocked. The import's progress dialog
must appear, Cancel must stop the import with nothing created, and a full import must
reach the preview; the longest stall stays under 100 ms throughout.
"""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QProgressDialog, QPushButton

from roadmap_app.ui.dialogs.import_dialog import ImportPreviewDialog

pytest_plugins = ("ui_helpers",)
MAX_STALL = 0.100
NODES = 20_000


class StallMeter:
    """The longest gap between ticks of a 10 ms timer on the window's thread."""

    def __init__(self) -> None:
        self.longest = 0.0
        self.ticks = 0
        self._last = time.perf_counter()
        self.timer = QTimer(interval=10)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.perf_counter()
        self.longest = max(self.longest, now - self._last)
        self._last = now
        self.ticks += 1

    def start(self) -> None:
        self._last = time.perf_counter()
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


@pytest.fixture(scope="module")
def big_canvas(tmp_path_factory) -> Path:
    nodes = [{"id": f"c{i}", "type": "text", "text": f"Card {i}\nSome text about card {i}",
              "x": (i % 150) * 300, "y": (i // 150) * 150, "width": 250, "height": 60}
             for i in range(NODES)]
    edges = [{"id": f"e{i}", "fromNode": f"c{i}", "toNode": f"c{i + 1}"} for i in range(0, NODES - 1, 2)]
    path = tmp_path_factory.mktemp("big") / "twenty-thousand.canvas"
    path.write_text(json.dumps({"nodes": nodes, "edges": edges}))
    return path


def drop(window, path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(QPoint(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, buttons, keys)
    QApplication.sendEvent(window, event)
    assert event.isAccepted()


def progress_dialog(window) -> QProgressDialog | None:
    found = window.findChild(QProgressDialog, "import_progress")
    return found if found is not None and found.isVisible() else None


class Watcher:
    """Polls from inside the import's own event loop (the test's waits are outside it)."""

    def __init__(self, window, on_dialog=None) -> None:
        self.window, self.on_dialog = window, on_dialog
        self.seen_dialog = False
        self.timer = QTimer(interval=20)
        self.timer.timeout.connect(self._poll)
        self.timer.start()

    def _poll(self) -> None:
        dialog = progress_dialog(self.window)
        if dialog is not None and not self.seen_dialog:
            self.seen_dialog = True
            if self.on_dialog is not None:
                self.on_dialog(dialog)


def test_cancel_stops_a_big_import_and_the_window_never_stalls(window, qtbot, big_canvas, dialogs,
                                                                monkeypatch):
    previews = []
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: (previews.append(self), 0)[1])
    before = window.document
    meter = StallMeter()
    # Cancel as soon as the dialog shows (the worker is then busy converting), as a user would.
    watcher = Watcher(window, lambda dialog: QTest.mouseClick(dialog.findChild(QPushButton),
                                                             Qt.MouseButton.LeftButton))
    meter.start()
    drop(window, big_canvas)
    qtbot.waitUntil(lambda: watcher.seen_dialog and not window.exchange.importing, timeout=60_000)
    qtbot.wait(100)
    longest = meter.stop()
    watcher.timer.stop()
    assert not previews and not dialogs.errors
    assert window.document is before
    # The worker stops at its next item instead of finishing the import in the background.
    qtbot.waitUntil(lambda: not any(t.name.startswith("import ") for t in threading.enumerate()),
                    timeout=2_000)
    assert "cancelled" in window.statusBar().currentMessage()
    assert meter.ticks > 20
    print(f"longest stall {longest * 1000:.0f} ms")
    assert longest < MAX_STALL, f"the event loop was blocked for {longest * 1000:.0f} ms"


def test_a_big_import_reaches_the_preview_without_stalling(window, qtbot, big_canvas, dialogs, monkeypatch):
    previews = []
    meter = StallMeter()

    def preview(self):
        meter.stop()
        previews.append(self)
        return QDialog.DialogCode.Rejected  # building 20,000 cards is the next step, not the import's

    monkeypatch.setattr(ImportPreviewDialog, "exec", preview)
    watcher = Watcher(window)
    meter.start()
    drop(window, big_canvas)
    qtbot.waitUntil(lambda: bool(previews), timeout=60_000)
    watcher.timer.stop()
    assert watcher.seen_dialog and not dialogs.errors
    assert "Nodes: 20000" in " ".join(label for label in _texts(previews[0]))
    print(f"longest stall {meter.longest * 1000:.0f} ms")
    assert meter.longest < MAX_STALL, f"the event loop was blocked for {meter.longest * 1000:.0f} ms"


def _texts(dialog) -> list[str]:
    return [label.text().replace(",", "") for label in dialog.findChildren(QLabel)]


def test_a_roadmapsh_import_can_take_its_content_folder_from_elsewhere(window, qtbot, tmp_path, dialogs,
                                                                       monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from roadmap_app.ui.controllers.exchange_controller import CHOOSE_CONTENT

    folder = Path(__file__).parent / "fixtures" / "interchange" / "roadmapsh-ds"
    alone = tmp_path / "data-science.json"
    alone.write_bytes((folder / "data-science.json").read_bytes())
    previews = []

    def preview(self):
        previews.append(self)
        if len(previews) == 1:
            assert self.findChild(QPushButton, "import_content_folder") is not None
            return CHOOSE_CONTENT
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ImportPreviewDialog, "exec", preview)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(folder / "content")))
    assert window.exchange.import_path(alone) is True
    assert len(previews) == 2 and not dialogs.errors
    stats = window.document.roadmap.node("Stat5T0picAbcdefghij2")
    assert [r.title for r in stats.resources] == ["Introduction to Statistics", "Seeing Theory"]


def test_the_preview_lists_links_that_are_not_kept(window, tmp_path, dialogs, monkeypatch):
    nodes = [{"id": "card", "type": "text", "text": "Card", "x": 0, "y": 0, "width": 250, "height": 60},
             {"id": "bad", "type": "link", "url": "javascript:alert(1)", "x": 0, "y": 200,
              "width": 250, "height": 60}]
    source = tmp_path / "links.canvas"
    edges = [{"id": "e", "fromNode": "card", "toNode": "bad"}]
    source.write_text(json.dumps({"nodes": nodes, "edges": edges}))
    previews = []
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda self: (previews.append(self), 0)[1])
    assert window.exchange.import_path(source) is False  # the preview was cancelled
    dialog = previews[0]
    assert "links that were not http(s)" in dialog.findChild(QLabel, "import_dropped").text()
    lines = [dialog.warnings.item(i).text() for i in range(dialog.warnings.count())]
    assert any("javascript:alert(1) is not http(s)" in line for line in lines)
