"""Editing intents of the main window: add, delete, rename, connect, status, layout,
jumping to nodes and the goal focus.

Each intent is a call to the Editor (one undo step); refusals (a cycle, a
duplicate edge) come back as typed errors and are shown in the status bar and
a message box, with nothing changed.
"""

from __future__ import annotations

import importlib
import re

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QMenu

from roadmap_app.graph import to_digraph
from roadmap_app.model import (
    CycleError,
    DuplicateEdgeError,
    EdgeKind,
    Position,
    RoadmapError,
    SelfLoopError,
    Status,
)
from roadmap_app.planning import goal_scope, open_prerequisites
from roadmap_app.ui.common import messages
from roadmap_app.ui.dialogs.small_dialogs import NodePickerDialog, TemplateDialog

_ID_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.:\-]*[A-Za-z0-9_]")


class EditController:
    def __init__(self, window) -> None:
        self.w = window

    # -- helpers -----------------------------------------------------------
    @property
    def editor(self):
        return self.w.editor

    @property
    def document(self):
        return self.w.document

    def _refuse(self, title: str, exc: Exception) -> None:
        # Said once, in the box (not also in the status bar), with titles instead of ids.
        messages.error(self.w, title, f"{title}.", self._readable(str(exc)))

    def _readable(self, text: str) -> str:
        """Node ids in an error message replaced by their titles: users never see ids."""
        doc = self.document
        if doc is None:
            return text
        return _ID_TOKEN.sub(lambda m: f"“{doc.node(m.group(0)).title}”"
                             if doc.has_node(m.group(0)) else m.group(0), text)

    def _try(self, title: str, func, *args, **kwargs) -> bool:
        try:
            func(*args, **kwargs)
        except (RoadmapError, ValueError) as exc:
            self._refuse(title, exc)
            return False
        return True

    def _title(self, node_id: str) -> str:
        return self.document.node(node_id).title if self.document.has_node(node_id) else node_id

    # -- files -----------------------------------------------------------
    def new_from_template(self) -> bool:
        from roadmap_app.templates import list_templates, load_template

        try:
            templates = list_templates()
        except RoadmapError as exc:
            self._refuse("Could not list the templates", exc)
            return False
        dialog = TemplateDialog(self.w, [(t.id, t.title, f"{t.description}\n\n{t.node_count} nodes, "
                                          f"{t.resource_count} resources") for t in templates])
        if dialog.exec() != TemplateDialog.DialogCode.Accepted or dialog.chosen is None:
            return False
        if not self.w.files.maybe_close():
            return False
        try:
            roadmap = load_template(dialog.chosen)
        except RoadmapError as exc:
            self._refuse("Could not load the template", exc)
            return False
        self.w.files.new_document(roadmap)
        return True

    # -- nodes -----------------------------------------------------------
    def add_node(self, pos: QPointF | None = None) -> str | None:
        if self.editor is None:
            return None
        selected = self.w.selected_ids()
        stage = self.document.node(selected[0]).stage if selected else ""
        if pos is not None:
            stage = self._stage_at(pos) or stage
        if pos is None:
            pos = self.w.scene.free_spot_near(selected[0] if selected else None,
                                              self.w.view.mapToScene(self.w.view.viewport().rect().center()))
        if not stage:
            stage = next(iter(self.document.roadmap.stage_order()), "")
        try:
            node_id = self.editor.add_node(stage=stage, position=Position(x=pos.x(), y=pos.y()))
        except (RoadmapError, ValueError) as exc:
            self._refuse("Could not add a node", exc)
            return None
        self.w.scene.select_nodes([node_id])
        stack = self.document.undo_stack
        added_at = stack.index()

        def cancel() -> None:  # Esc while naming it: the user did not want the node after all
            if stack.index() == added_at and stack.canUndo():
                stack.undo()

        if hasattr(self.w.scene, "begin_rename"):
            self.w.view.setFocus()
            self.w.scene.begin_rename(node_id, on_cancel=cancel)
        else:
            self.rename(inline=True)
        return node_id

    def _stage_at(self, pos: QPointF) -> str:
        """The stage whose band is under `pos` (a double-click adds the node to that stage)."""
        stages = set(self.document.roadmap.stage_order())
        for item in getattr(self.w.scene, "band_items", list)():
            band = getattr(item, "band", None)
            if band is not None and band.rect.contains(pos) and band.title in stages:
                return band.title
        return ""

    def delete_selected(self) -> None:
        ids = self.w.selected_ids()
        if ids:
            self.w.scene.setFocusItem(None)  # finish an inline rename before its node goes
            self._try("Could not delete", self.editor.delete_nodes, ids)

    def rename(self, inline: bool | None = None) -> None:
        """Rename on the card when the canvas has focus, else in the inspector's title field."""
        selected = self.w.selected_ids()
        if len(selected) != 1:
            return
        if inline is None:
            inline = self.w.view.hasFocus()
        if inline and hasattr(self.w.scene, "begin_rename"):
            self.w.view.setFocus()
            self.w.scene.begin_rename(selected[0])
            return
        self.w.inspector_dock.show()
        self.w.inspector_dock.raise_()
        self.w.inspector.title.setFocus()
        self.w.inspector.title.selectAll()

    def select_all(self) -> None:
        visible = self.w.filter_menu.visible_ids()
        self.w.scene.select_nodes([n.id for n in self.document.roadmap.nodes
                                   if visible is None or n.id in visible])

    def auto_layout(self) -> None:
        if self._try("Could not arrange the nodes", self.editor.auto_layout):
            self.w.view.fit_all()

    def set_layout_direction(self, direction) -> None:
        if self._try("Could not lay out the plan", lambda: self.editor.set_layout_direction(direction)):
            self.w.scene.flush()
            self.w.view.fit_all()

    def activate_node(self, node_id: str) -> None:
        """Enter or double-click on a card: edit it in the inspector (Esc comes back)."""
        self.jump_to(node_id)
        self.w.inspector_dock.show()
        self.w.inspector_dock.raise_()
        self.w.inspector.title.setFocus()

    def jump_to(self, node_id: str) -> None:
        if self.document is None or not self.document.has_node(node_id):
            self.w.show_message("That node is no longer in the plan.")
            return
        if self.w.filter_menu.reveal(node_id):  # hidden by the filter: shown, and the banner counts it
            self.w.show_message(f"Showing “{self._title(node_id)}”, which the filter hides.")
        self.w.scene.select_nodes([node_id])
        self.w.view.center_on_node(node_id)

    # -- connections -----------------------------------------------------
    def connect_dialog(self, node_id: str | None = None) -> bool:
        """Pick a node that must come before `node_id` (default: the selected one)."""
        if node_id is None:
            selected = self.w.selected_ids()
            if len(selected) != 1:
                return False
            node_id = selected[0]
        roadmap = self.document.roadmap
        rank = {s: i for i, s in enumerate(roadmap.stage_order())}
        # Not offered: the nodes that come after this one (choosing one would close a
        # cycle) and its current prerequisites (already connected).
        import networkx as nx  # lazily, as the graph layer does (startup needs no graph)

        unusable = {node_id, *nx.descendants(to_digraph(roadmap, ordering_only=True), node_id)}
        unusable |= {e.source for e in roadmap.edges
                     if e.target == node_id and e.kind is EdgeKind.PREREQUISITE}
        choices = sorted(((n.id, n.title, n.stage) for n in roadmap.nodes if n.id not in unusable),
                         key=lambda c: (rank.get(c[2], 0), c[1].casefold()))
        dialog = NodePickerDialog(self.w, "Connect Prerequisite",
                                  f"Which node must come before “{self._title(node_id)}”?", choices)
        if dialog.exec() != NodePickerDialog.DialogCode.Accepted or dialog.chosen is None:
            return False
        return self.connect_nodes(dialog.chosen, node_id)

    def connect_nodes(self, source: str, target: str, *, modal: bool = True) -> bool:
        """Make `source` a prerequisite of `target`; refusals are explained, nothing changes.

        A refused drag on the canvas is explained next to the card and in the
        status bar; a refused choice from the dialog also gets a message box.
        """
        try:
            self.editor.connect(source, target)
        except (CycleError, DuplicateEdgeError, SelfLoopError, RoadmapError, ValueError) as exc:
            if isinstance(exc, CycleError):
                path = " → ".join(f"“{self._title(i)}”" for i in exc.cycle if self.document.has_node(i))
                text = (f"“{self._title(source)}” cannot be a prerequisite of “{self._title(target)}”: "
                        f"it already comes after it ({path})")
            elif isinstance(exc, DuplicateEdgeError):
                text = f"“{self._title(source)}” is already a prerequisite of “{self._title(target)}”"
            else:
                text = f"Not connected: {exc}"
            # Said once: in a box for a choice made in a dialog, else next to the card.
            if modal:
                messages.error(self.w, "Connection refused", text + ".")
            elif hasattr(self.w.scene, "refuse"):
                self.w.scene.refuse(target, text)
            else:
                self.w.show_message(text)
            return False
        self.w.show_message(f"“{self._title(source)}” is now a prerequisite of “{self._title(target)}”")
        return True

    # -- status ----------------------------------------------------------
    def set_status(self, node_ids: list[str] | None, status: Status | str) -> bool:
        status = Status(status)
        ids = list(node_ids) if node_ids else self.w.selected_ids()
        if not ids or self.editor is None:
            return False
        if status is Status.DONE:
            handled = self._lock_prompt(ids)
            if handled is not None:
                return handled
        return self._try("Could not change the status", self.editor.set_status, ids, status)

    def _lock_prompt(self, ids: list[str]) -> bool | None:
        """Marking done with open prerequisites asks what to do with them (planning's prompt).

        Returns None when there is nothing to ask, so the plain status change goes ahead.
        """
        roadmap = self.document.roadmap
        if not any(open_prerequisites(roadmap, node_id) for node_id in ids):
            return None
        try:
            module = importlib.import_module("roadmap_app.ui.dialogs.lock_prompt")
        except ImportError:
            return None
        ask = getattr(module, "mark_done_with_prerequisites", None)
        if ask is None:
            return None
        try:
            return bool(ask(self.w, self.editor, ids))
        except (RoadmapError, ValueError) as exc:
            self._refuse("Could not change the status", exc)
            return False

    def start_node(self, node_id: str) -> None:
        self.set_status([node_id], Status.IN_PROGRESS)

    def change_plan(self, fields: dict) -> None:
        self._try("Could not change the plan", self.editor.set_plan, **fields)

    # -- goal focus ------------------------------------------------------
    def set_goal_focus(self, on: bool) -> None:
        if self.w.scene is None:
            return
        if not on:
            self.w.scene.set_focus(None)
            return
        goal = self.document.roadmap.plan.goal
        if goal is None or not self.document.has_node(goal):
            self.w.show_message("Choose a goal first (Goal in the toolbar)")
            self.w.actions["focus_goal"].setChecked(False)
            return
        self.w.scene.set_focus(goal_scope(self.document.roadmap, goal))

    # -- context menu ------------------------------------------------------
    def context_menu(self, node_id: str, screen_pos: QPoint) -> None:
        a = self.w.actions
        menu = QMenu(self.w)
        if node_id:
            if node_id not in self.w.selected_ids():
                self.w.scene.select_nodes([node_id])
            for status in a.STATUS_KEYS:
                menu.addAction(a.status_action(status))
            menu.addSeparator()
            menu.addAction(a["rename"])
            connect = menu.addAction("Connect Prerequisite…")
            connect.triggered.connect(lambda: self.connect_dialog(node_id))
            goal = menu.addAction("Set as Goal")
            goal.triggered.connect(lambda: self.change_plan({"goal": node_id}))
            menu.addSeparator()
            menu.addAction(a["zoom_selection"])
            menu.addAction(a["delete"])
        else:
            add = menu.addAction("Add Node Here")
            scene_pos = self.w.view.mapToScene(self.w.view.viewport().mapFromGlobal(screen_pos))
            add.triggered.connect(lambda: self.add_node(scene_pos))
            menu.addAction(a["auto_layout"])
            menu.addAction(a["fit"])
        menu.exec(screen_pos)
