"""The status bar says "Saved" only once the save is durable: after the folder's fsync returned."""

from __future__ import annotations

import threading

from roadmap_app.model import Status
from roadmap_app.storage import atomic, load

pytest_plugins = ("ui_helpers",)


def test_saved_is_shown_only_after_the_directory_fsync(window, qtbot, monkeypatch):
    plan = window.document.path
    real = atomic.fsync_directory
    entered, release = threading.Event(), threading.Event()
    order: list[str] = []

    def held_fsync(directory):
        if directory == plan.parent and not release.is_set():
            entered.set()
            release.wait(10)  # the worker thread waits here; the UI thread keeps running
            order.append("plan folder fsync done")
        return real(directory)

    monkeypatch.setattr(atomic, "fsync_directory", held_fsync)
    window.files.saved.connect(lambda _p: order.append("saved signal"))
    node_id = window.document.roadmap.nodes[0].id
    window.edits.set_status([node_id], Status.DONE)
    try:
        window.actions["save"].trigger()
        qtbot.waitUntil(entered.is_set, timeout=5000)
        qtbot.wait(150)  # plenty of time for a wrongly early "Saved" to arrive
        assert window.status.save_state.text() == "Saving…"
        assert window.files.state != "Saved" and window.isWindowModified()
        assert order == []
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.status.save_state.text() == "Saved", timeout=5000)
    assert order[:2] == ["plan folder fsync done", "saved signal"]
    assert not window.isWindowModified()
    assert load(plan).roadmap.node(node_id).status is Status.DONE
