"""Every QAction of the main window, declared once: objectName, text, shortcut, tooltip, icon.

Tests and the menus find actions by objectName ("action_save", ...). Actions in
the "canvas" scope (Delete and the one-key status shortcuts) only fire while the
canvas has focus, so typing N or Del in a text field or table never edits a node;
the menus still list their shortcuts and trigger them from anywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence, QUndoGroup

from roadmap_app.model import LayoutDirection, Status
from roadmap_app.ui.window.theme import ThemeMode

K = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    name: str  # objectName without the "action_" prefix
    text: str
    tip: str
    shortcut: str | K | None = None
    icon: str = ""  # freedesktop icon-theme name
    checkable: bool = False
    scope: str = "window"  # or "canvas"


# Short labels for the toolbar (menus show the full text).
TOOLBAR_TEXT = {
    "new_from_template": "New", "open": "Open", "save": "Save", "add_node": "Add Node", "fit": "Fit",
    "filter": "Filter", "focus_goal": "Focus on Goal", "undo": "Undo", "redo": "Redo",
}


DIRECTION_ACTIONS = (
    (LayoutDirection.LEFT_TO_RIGHT, "action_layout_left_to_right", "&Left to Right"),
    (LayoutDirection.TOP_TO_BOTTOM, "action_layout_top_to_bottom", "&Top to Bottom"),
)

STATUS_KEYS: dict[Status, str] = {
    Status.NOT_STARTED: "N",
    Status.IN_PROGRESS: "P",
    Status.DONE: "D",
    Status.SKIPPED: "S",
}

SPECS: list[ActionSpec] = [
    # File
    ActionSpec("new_from_template", "&New from Template…", "Start a new plan from a built-in roadmap",
               K.New, "document-new"),
    ActionSpec("open", "&Open…", "Open a roadmap file", K.Open, "document-open"),
    ActionSpec("save", "&Save", "Save the plan", K.Save, "document-save"),
    ActionSpec("save_as", "Save &As…", "Save the plan under a new name", K.SaveAs, "document-save-as"),
    ActionSpec("revert", "&Revert to Saved", "Discard changes and reload the file from disk", None,
               "document-revert"),
    ActionSpec("restore_backup", "Restore from &Backup…",
               "Put an earlier saved version of the plan into the open plan (undoable)", None,
               "document-open-recent"),
    ActionSpec("import", "&Import…", "Import a roadmap from another format", "Ctrl+I", "document-import"),
    ActionSpec("export", "&Export…", "Export the roadmap as an image or text", "Ctrl+E", "document-export"),
    ActionSpec("clear_recent", "Clear Recent Files", "Forget the list of recent files"),
    ActionSpec("quit", "&Quit", "Quit Roadmap Planner", "Ctrl+Q", "application-exit"),
    # Edit
    ActionSpec("add_node", "&Add Node", "Add a new skill to the roadmap", "Ctrl+Shift+N", "list-add"),
    ActionSpec("delete", "&Delete", "Delete the selected nodes and their connections", K.Delete,
               "edit-delete", scope="canvas"),
    ActionSpec("rename", "&Rename…", "Rename the selected node", "F2", "edit-rename"),
    ActionSpec("connect", "&Connect Prerequisite…", "Choose a node that must come before the selected one",
               "Ctrl+L", "insert-link"),
    ActionSpec("auto_layout", "Auto-&Layout", "Arrange all nodes automatically", "Ctrl+Shift+L",
               "view-grid"),
    ActionSpec("find", "&Find…", "Search nodes by title, description or notes", K.Find, "edit-find"),
    # F3 only: the platform's FindNext also claims Ctrl+G, which is Focus on Goal here.
    ActionSpec("find_next", "Find &Next", "Jump to the next search match", "F3"),
    ActionSpec("select_all", "Select &All", "Select every visible node", K.SelectAll, scope="canvas"),
    # View
    ActionSpec("fit", "&Fit to Window", "Show the whole roadmap", "Ctrl+0", "zoom-fit-best"),
    ActionSpec("zoom_selection", "Zoom to &Selection", "Zoom to the selected nodes", "Ctrl+1",
               "zoom-select"),
    ActionSpec("zoom_in", "Zoom &In", "Zoom in", K.ZoomIn, "zoom-in"),
    ActionSpec("zoom_out", "Zoom &Out", "Zoom out", K.ZoomOut, "zoom-out"),
    ActionSpec("focus_goal", "Focus on &Goal", "Highlight the path to the goal and dim the rest", "Ctrl+G",
               "crosshairs", checkable=True),
    ActionSpec("filter", "Fi&lter", "Show only some statuses, kinds or stages", None, "view-filter"),
    ActionSpec("clear_filter", "Show &All Nodes", "Clear the filter", None),
    ActionSpec("toggle_minimap", "&Overview Map", "Show or hide the overview map", "Ctrl+M",
               checkable=True),
    # Plan
    ActionSpec("where_now", "&Where Are You Now…",
               "Set your starting point: profile, what you know, hours per week (one undo step)"),
    # Help
    ActionSpec("shortcuts", "&Keyboard Shortcuts", "List every keyboard shortcut", "F1",
               "help-keyboard-shortcuts"),
    ActionSpec("about", "&About Roadmap Planner", "Version and credits", None, "help-about"),
]

for _status, _key in STATUS_KEYS.items():
    SPECS.append(ActionSpec(
        f"status_{_status.value}", f"Mark as {_status.label}",
        f"Set the selected nodes to “{_status.label}”", _key, checkable=True, scope="canvas",
    ))

THEME_ACTIONS: dict[ThemeMode, str] = {mode: f"action_theme_{mode.value}" for mode in ThemeMode}


def _shortcut(value: str | K | None) -> list[QKeySequence]:
    if value is None:
        return []
    if isinstance(value, K):
        return QKeySequence.keyBindings(value)
    return [QKeySequence(value)]


class Actions(QObject):
    """The window's actions; `actions.get("save")` or `actions["action_save"]`."""

    STATUS_KEYS: ClassVar = STATUS_KEYS

    def __init__(self, parent: QObject, undo_group: QUndoGroup) -> None:
        super().__init__(parent)
        self._by_name: dict[str, QAction] = {}
        self.canvas_scoped: list[QAction] = []
        for spec in SPECS:
            action = QAction(spec.text, parent)
            action.setObjectName(f"action_{spec.name}")
            action.setShortcuts(_shortcut(spec.shortcut))
            action.setCheckable(spec.checkable)
            self._describe(action, spec.tip, spec.icon)
            if spec.name in TOOLBAR_TEXT:
                action.setIconText(TOOLBAR_TEXT[spec.name])
            if spec.scope == "canvas":
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.canvas_scoped.append(action)
            self._by_name[action.objectName()] = action

        # Undo/redo follow the active document's stack and carry its command names.
        undo = undo_group.createUndoAction(parent, "&Undo")
        redo = undo_group.createRedoAction(parent, "&Redo")
        for action, name, keys, icon, tip in (
            (undo, "action_undo", K.Undo, "edit-undo", "Undo the last change"),
            (redo, "action_redo", K.Redo, "edit-redo", "Redo the change you undid"),
        ):
            action.setObjectName(name)
            action.setShortcuts(QKeySequence.keyBindings(keys))
            if name == "action_redo":  # the menu shows the first key: make it Ctrl+Shift+Z everywhere
                shift_z = QKeySequence("Ctrl+Shift+Z")
                action.setShortcuts([shift_z, *(k for k in action.shortcuts() if k != shift_z)])
            self._describe(action, tip, icon)
            self._by_name[name] = action
        # The toolbar keeps short labels; the Edit menu shows "Undo Set status to Done".
        undo.changed.connect(lambda: undo.iconText() != "Undo" and undo.setIconText("Undo"))
        redo.changed.connect(lambda: redo.iconText() != "Redo" and redo.setIconText("Redo"))

        self.theme_group = QActionGroup(parent)
        self.theme_group.setExclusive(True)
        for mode, name in THEME_ACTIONS.items():
            action = QAction(mode.label, parent)
            action.setObjectName(name)
            action.setCheckable(True)
            action.setData(mode.value)
            action.setToolTip(f"Theme: {mode.label}")
            self.theme_group.addAction(action)
            self._by_name[name] = action

        # The plan's reading direction (Roadmap.layout_direction), saved in the file.
        self.direction_group = QActionGroup(parent)
        self.direction_group.setExclusive(True)
        for direction, name, text in DIRECTION_ACTIONS:
            action = QAction(text, parent)
            action.setObjectName(name)
            action.setCheckable(True)
            action.setData(direction.value)
            action.setStatusTip(f"Lay the plan out {text.replace('&', '').lower()}; saved in the file")
            action.setToolTip(action.statusTip())
            self.direction_group.addAction(action)
            self._by_name[name] = action

        self.status_group = QActionGroup(parent)
        self.status_group.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)
        for status in STATUS_KEYS:
            action = self.status_action(status)
            action.setData(status.value)
            self.status_group.addAction(action)

    @staticmethod
    def _describe(action: QAction, tip: str, icon: str) -> None:
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        if icon:
            action.setIcon(QIcon.fromTheme(icon))

    def get(self, name: str) -> QAction:
        return self._by_name[name if name.startswith("action_") else f"action_{name}"]

    __getitem__ = get

    def status_action(self, status: Status) -> QAction:
        return self.get(f"status_{status.value}")

    def all(self) -> list[QAction]:
        return list(self._by_name.values())
