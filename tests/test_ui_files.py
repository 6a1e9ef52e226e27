"""Files and settings from the window: command-line file, drops, recent files, failures, layout."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from roadmap_app.model import Status
from roadmap_app.storage import SaveError, load, paths, save
from roadmap_app.templates import load_template
from roadmap_app.ui.controllers import file_controller
from roadmap_app.ui.controllers.settings_controller import SettingsController
from roadmap_app.ui.window.theme import ThemeMode

pytest_plugins = ("ui_helpers",)
pytestmark = pytest.mark.usefixtures("restore_app_look")


def _plan(tmp_path: Path, name: str = "other.roadmap", title: str = "Other plan") -> Path:
    roadmap = load_template("ml-architect").model_copy(update={"title": title})
    path = tmp_path / name
    save(path, roadmap)
    return path


def test_a_file_given_on_the_command_line_is_opened(qtbot, dialogs, tmp_path):
    from roadmap_app.app import build_window

    path = _plan(tmp_path)
    win = build_window(path)
    qtbot.addWidget(win)
    assert win.document.path == path.absolute()
    assert win.document.roadmap.title == "Other plan"
    assert win.windowTitle().startswith("other.roadmap[*]")
    assert not paths.default_plan_path().exists()  # nothing else was created
    win.files.close_document()


def test_a_bad_file_on_the_command_line_falls_back_to_the_default_plan(qtbot, dialogs, tmp_path):
    from roadmap_app.app import build_window

    bad = tmp_path / "bad.roadmap"
    bad.write_bytes(b"\xff\xfe not json")
    win = build_window(bad)
    qtbot.addWidget(win)
    assert len(dialogs.errors) == 1 and "bad.roadmap" in dialogs.errors[0][1]
    assert win.document.path == paths.default_plan_path().absolute()
    assert bad.read_bytes() == b"\xff\xfe not json"  # never overwritten
    win.files.close_document()


def test_dropping_a_roadmap_file_opens_it(window, qtbot, tmp_path):
    path = _plan(tmp_path, "dropped.roadmap", "Dropped plan")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.document.roadmap.title == "Dropped plan")
    assert window.document.path == path.absolute()
    assert path.absolute() in window.settings.recent_files


def test_recent_files_menu_lists_and_reopens(window, tmp_path):
    first = _plan(tmp_path, "first.roadmap", "First")
    assert window.files.open_path(first)
    assert window.files.open_path(paths.default_plan_path())
    window._fill_recent()
    names = [a.text() for a in window.recent_menu.actions()]
    assert any("first.roadmap" in n for n in names)
    recent = next(a for a in window.recent_menu.actions() if "first.roadmap" in a.text())
    recent.trigger()
    assert window.document.roadmap.title == "First"


def test_a_failed_save_keeps_the_document_modified_and_says_why(window, dialogs, monkeypatch, qtbot):
    real_save = file_controller.save_plan
    disk_full = [True]

    def failing(path, roadmap, **kwargs):
        if disk_full[0]:
            raise SaveError(f"{path}: could not save: the disk is full")
        return real_save(path, roadmap, **kwargs)

    # (not monkeypatch.undo(): that would also undo the fixture's isolated user folders)
    monkeypatch.setattr(file_controller, "save_plan", failing)
    node_id = window.document.roadmap.nodes[0].id
    window.edits.set_status([node_id], Status.DONE)
    before = paths.default_plan_path().read_bytes()
    window.actions["save"].trigger()
    qtbot.waitUntil(lambda: window.files.state == "Save failed", timeout=5000)
    assert window.isWindowModified()
    assert window.status.save_state.text() == "Save failed"
    assert any("disk is full" in text for _title, text in dialogs.errors)
    assert paths.default_plan_path().read_bytes() == before
    disk_full[0] = False
    window.actions["save"].trigger()  # the next save retries, and works
    qtbot.waitUntil(lambda: window.files.state == "Saved", timeout=5000)
    assert load(paths.default_plan_path()).roadmap.node(node_id).status is Status.DONE


def test_autosave_writes_a_recovery_copy_not_the_plan(window, qtbot):
    from roadmap_app.storage.recovery import recovery_dir

    before = paths.default_plan_path().read_bytes()
    window.edits.set_status([window.document.roadmap.nodes[0].id], Status.DONE)
    window.files.autosave_now()
    qtbot.waitUntil(lambda: any(recovery_dir().glob("*.roadmap")), timeout=5000)
    assert paths.default_plan_path().read_bytes() == before
    assert window.isWindowModified()


def test_theme_recent_files_and_layout_persist(window, qtbot, tmp_path):
    window.findChild(type(window.actions["theme_dark"]), "action_theme_dark").trigger()
    assert window.theme.dark
    window.inspector_dock.hide()
    window.close()
    settings = SettingsController()
    assert settings.theme is ThemeMode.DARK
    assert settings.last_plan == paths.default_plan_path().absolute()
    assert settings.data.window_state

    from roadmap_app.app import build_window

    again = build_window()
    qtbot.addWidget(again)
    again.show()
    assert again.theme.mode is ThemeMode.DARK
    assert not again.inspector_dock.isVisible()
    again.files.close_document()


@pytest.mark.slow
def test_startup_does_not_import_pyqtgraph_until_the_dashboard_is_shown(tmp_path):
    code = (
        "import sys\n"
        "from roadmap_app.app import build_window, create_application\n"
        "app = create_application([])\n"
        "w = build_window()\n"
        "w.show(); app.processEvents()\n"
        "print('before', 'pyqtgraph' in sys.modules, 'numpy' in sys.modules)\n"
        "w.dashboard_dock.show(); w.dashboard_dock.raise_(); app.processEvents()\n"
        "print('after', 'pyqtgraph' in sys.modules)\n"
        "w.document.undo_stack.setClean(); w.close()\n"
    )
    env = {"QT_QPA_PLATFORM": "offscreen", "ROADMAP_PLANNER_HOME": str(tmp_path), "HOME": str(tmp_path),
           "PATH": "/usr/bin:/bin"}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert "before False False" in out.stdout, out.stdout + out.stderr
    assert "after True" in out.stdout, out.stdout + out.stderr


def test_a_plan_changed_on_disk_is_not_overwritten_without_asking(window, dialogs, qtbot):
    from PySide6.QtWidgets import QMessageBox

    path = window.document.path
    path.write_bytes(path.read_bytes().replace(b'"hours_per_week": 10.0', b'"hours_per_week": 12.0'))
    outside = path.read_bytes()
    window.edits.set_status([window.document.roadmap.nodes[0].id], Status.DONE)
    dialogs.answer = QMessageBox.StandardButton.Cancel
    window.actions["save"].trigger()
    assert "changed by another program" in dialogs.asked[-1][1]
    assert path.read_bytes() == outside
    assert window.isWindowModified()
    dialogs.answer = QMessageBox.StandardButton.Save
    window.actions["save"].trigger()
    qtbot.waitUntil(lambda: window.files.state == "Saved", timeout=5000)
    assert load(path).roadmap.nodes[0].status is Status.DONE


def test_a_plan_open_in_another_instance_opens_read_only(window, dialogs, tmp_path, monkeypatch, qtbot):
    from roadmap_app.storage import acquire

    path = _plan(tmp_path, "shared.roadmap", "Shared")
    other = acquire(path)  # as if another Roadmap Planner had it open
    try:
        assert window.files.open_path(path)
        assert window.document.read_only_reason
        assert "(read-only)" in window.windowTitle()
        assert not dialogs.infos  # said once, by the banner over the canvas
        assert window.read_only_banner.isVisible()
        qtbot.wait(10)
        assert window.view.viewport().geometry().contains(window.read_only_banner.geometry())  # in sight
        assert "open in another Roadmap Planner" in window.read_only_banner.label.text()
        first = window.document.roadmap.nodes[0].id
        assert not window.actions["save"].isEnabled() and window.actions["save_as"].isEnabled()
        assert not window.actions["add_node"].isEnabled()
        window.edits.jump_to(first)
        assert not window.actions.status_action(Status.DONE).isEnabled()
        assert not window.inspector.title.isEnabled()
        assert all(not window.next_steps.start_button(i).isEnabled() for i in window.next_steps.ids())
        assert window.edits.set_status([first], Status.DONE) is False  # the editor refuses too
        assert window.document.node(first).status is Status.NOT_STARTED
        copy = tmp_path / "mine.roadmap"
        monkeypatch.setattr(file_controller.QFileDialog, "getSaveFileName",
                            lambda *args, **kwargs: (str(copy), ""))
        assert window.files.save_as(wait=True)
        assert not window.read_only_banner.isVisible() and window.actions["add_node"].isEnabled()
        assert window.edits.set_status([first], Status.DONE)  # the copy is editable
        assert window.files.save(wait=True)
        assert load(copy).roadmap.nodes[0].status is Status.DONE  # saved as a copy, not over theirs
        assert load(path).roadmap.nodes[0].status is Status.NOT_STARTED
    finally:
        other.release()


def test_a_damaged_default_plan_is_kept_aside_and_a_new_one_created(qtbot, dialogs):
    from roadmap_app.app import build_window

    plan = paths.default_plan_path()
    plan.parent.mkdir(parents=True)
    plan.write_bytes(b'{"format": "roadmap-planner", "schema_version": 2, "roadmap": ')
    win = build_window()
    qtbot.addWidget(win)
    kept = list(plan.parent.glob("my-plan.roadmap.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().endswith(b'"roadmap": ')
    assert load(plan).roadmap.nodes  # a fresh plan from the template
    assert len(dialogs.errors) == 1 and len(dialogs.infos) == 1
    assert kept[0].name in dialogs.infos[0][1]
    win.files.close_document()


def test_a_damaged_last_plan_gets_one_dialog_not_two(qtbot, dialogs):
    from roadmap_app.app import build_window

    plan = paths.default_plan_path()
    plan.parent.mkdir(parents=True)
    plan.write_bytes(b"not json")
    settings = SettingsController()
    settings.last_plan = plan
    settings.save()
    win = build_window()
    qtbot.addWidget(win)
    assert len(dialogs.errors) == 1
    win.files.close_document()
