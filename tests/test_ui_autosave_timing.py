"""The recovery copy is at most 30 seconds behind the last edit (pytest-qt): the autosave
timer starts at the first unsaved edit and further edits do not push it back."""

from __future__ import annotations

from roadmap_app.model import Status
from roadmap_app.storage import load
from roadmap_app.storage.recovery import recovery_dir

pytest_plugins = ("ui_helpers",)


def test_the_first_edit_after_opening_starts_the_autosave(window, qtbot):
    window.edits.set_status([window.document.roadmap.nodes[0].id], Status.DONE)
    assert window.isWindowModified()
    qtbot.waitUntil(window.files._autosave.isActive, timeout=1000)


def test_edits_start_a_bounded_autosave_that_later_edits_do_not_postpone(window, qtbot):
    timer = window.files._autosave
    on_disk = window.document.path.read_bytes()
    nodes = [n.id for n in window.document.roadmap.nodes]
    window.edits.set_status([nodes[0]], Status.DONE)
    window.edits.set_status([nodes[1]], Status.DONE)
    qtbot.waitUntil(timer.isActive, timeout=2000)
    assert timer.isSingleShot()
    assert 0 < timer.interval() <= 30_000
    qtbot.wait(120)
    first_deadline = timer.remainingTime()
    for node_id in nodes[2:7]:  # a user who keeps editing never starves the recovery copy
        window.edits.set_status([node_id], Status.SKIPPED)
        qtbot.wait(20)
    assert timer.remainingTime() <= first_deadline
    timer.setInterval(10)  # let it fire now instead of seconds later
    timer.start()
    qtbot.waitUntil(lambda: any(recovery_dir().glob("*.roadmap")), timeout=5000)
    window.files.pool.waitForDone()
    copy = next(recovery_dir().glob("*.roadmap"))
    assert load(copy).roadmap.node(nodes[6]).status is Status.SKIPPED  # the latest edit is in it
    assert window.isWindowModified()  # a recovery copy is not a save
    assert window.document.path.read_bytes() == on_disk  # never the user's file behind their back
