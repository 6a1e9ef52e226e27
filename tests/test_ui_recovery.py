"""Recovered work from the window: the comparison in the prompt, and untitled plans after a crash."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from roadmap_app.model import Status
from roadmap_app.storage import codec, load, paths, write_recovery
from roadmap_app.storage.recovery import pending_untitled
from roadmap_app.ui.dialogs import recovery_prompt

pytest_plugins = ("ui_helpers",)


def _recovered_copy(path):
    """A recovery copy of the plan at `path` with one node done and a note on another."""
    roadmap = load(path).roadmap.model_copy(deep=True)
    done, noted = roadmap.nodes[0], roadmap.nodes[1]
    done.status = Status.DONE
    noted.notes = "read the first two chapters"
    write_recovery(path, codec.dumps(roadmap))
    return roadmap, done.title, noted.title


def test_the_prompt_lists_what_the_recovered_copy_changes(window, monkeypatch):
    seen: list[dict] = []

    def fake_exec(box):
        seen.append({"text": box.text(), "details": box.detailedText()})
        next(b for b in box.buttons() if b.text() == "Later").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    path = window.document.path
    _roadmap, done_title, noted_title = _recovered_copy(path)
    on_disk = path.read_bytes()
    assert window.files.open_path(path)  # reopening the plan offers the copy
    [shown] = seen
    assert "On disk:" in shown["text"] and "2 things" in shown["text"]
    assert f"Status of “{done_title}”: Not started → Done" in shown["details"]
    assert f"Notes changed: “{noted_title}”" in shown["details"]
    # "Later": nothing changes, and the copy is kept for the next time.
    assert window.document.roadmap.nodes[0].status is Status.NOT_STARTED
    assert path.read_bytes() == on_disk
    assert recovery_prompt.pending_recovery(path) is not None


def test_restoring_recovered_work_is_one_undo_step(window, monkeypatch):
    monkeypatch.setattr(recovery_prompt, "ask_recovery", lambda *args: "restore")
    path = window.document.path
    _recovered_copy(path)
    assert window.files.open_path(path)
    assert window.document.roadmap.nodes[0].status is Status.DONE
    assert window.isWindowModified()
    window.document.undo_stack.undo()
    assert window.document.roadmap.nodes[0].status is Status.NOT_STARTED


def test_the_prompt_text_is_plain_and_details_need_no_rich_text(qtbot, monkeypatch):
    from roadmap_app.model import Node, Roadmap

    boxes = []

    def fake_exec(box):
        boxes.append(box)
        next(b for b in box.buttons() if b.text() == "Discard").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    old = Roadmap(id="p", title="P", nodes=[Node(id="a", title="<b>bold</b>")])
    new = old.model_copy(deep=True)
    new.nodes[0].status = Status.DONE
    summary, details = recovery_prompt.compare_text(old, new)
    assert recovery_prompt.ask_recovery(None, "text", summary, details) == "discard"
    assert "Status of “<b>bold</b>”" in boxes[0].detailedText()
    assert boxes[0].textFormat() == boxes[0].textFormat().PlainText


def _untitled_with_work(window, qtbot):
    from roadmap_app.templates import load_template

    roadmap = load_template("ml-architect").model_copy(update={"title": "Scratch plan"})
    document = window.files.new_document(roadmap)
    window.edits.set_status([document.roadmap.nodes[0].id], Status.DONE)
    key = window.files.untitled_key
    assert key is not None and document.path is None
    window.files.autosave_now()
    qtbot.waitUntil(lambda: bool(pending_untitled()), timeout=5000)
    return key


def test_an_untitled_plan_is_recovered_at_the_next_start_after_a_crash(window, qtbot, dialogs, monkeypatch,
                                                                       tmp_path):
    from roadmap_app.app import build_window

    key = _untitled_with_work(window, qtbot)
    # The first window never closes: as if it had crashed. The next start offers the work.
    offers = []
    monkeypatch.setattr(recovery_prompt, "ask_recovery", lambda *args: offers.append(args) or "restore")
    again = build_window()
    qtbot.addWidget(again)
    assert len(offers) == 1 and "did not close cleanly" in offers[0][1] and "Scratch plan" in offers[0][1]
    doc = again.files.document
    assert doc.path is None and doc.roadmap.title == "Scratch plan"
    assert doc.roadmap.nodes[0].status is Status.DONE and doc.is_modified
    assert again.files.untitled_key == key  # a second crash would still find it
    # Saving it to a file ends its life as an untitled copy.
    assert again.files.save_to(tmp_path / "scratch.roadmap", wait=True)
    assert pending_untitled() == []
    assert load(tmp_path / "scratch.roadmap").roadmap.nodes[0].status is Status.DONE
    again.files.close_document()


def test_declined_untitled_work_is_kept_and_discarded_work_is_gone(window, qtbot, dialogs, monkeypatch):
    from roadmap_app.app import build_window

    _untitled_with_work(window, qtbot)
    answers = ["later", "discard"]
    monkeypatch.setattr(recovery_prompt, "ask_recovery", lambda *args: answers.pop(0))
    for _ in range(2):
        again = build_window()
        qtbot.addWidget(again)
        assert again.files.document.path == paths.default_plan_path().absolute()  # not replaced
        again.files.close_document()
        if answers:
            assert len(pending_untitled()) == 1  # "Later" keeps it
    assert answers == [] and pending_untitled() == []


def test_discarding_an_untitled_plan_on_close_leaves_nothing_to_recover(window, qtbot, dialogs):
    _untitled_with_work(window, qtbot)
    dialogs.answer = QMessageBox.StandardButton.Discard
    assert window.files.maybe_close()
    window.files.close_document()
    assert pending_untitled() == []
