"""The career plan in the main window: the Plan menu, the "Where are you now?" flow,
route choices from the menus, and the canvas's dimming of nodes off the route.

Built once by the main window; follows each new document through the file
controller's `document_replaced` (connected after the window's own handler, so
the scene and the panels of the new document already exist).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QDialog, QMenu

from roadmap_app.model import RoadmapError
from roadmap_app.ui.common import career_api, messages
from roadmap_app.ui.common.route_menu import RouteMenu


class CareerController(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.w = window
        self.document = None
        # Set by ui/window/startup when this start created the default plan: the app then
        # opens "Where are you now?" once the window is up (app.run_app).
        self.first_run = False
        self.wizard = None

        self.route_menu = RouteMenu(None, window)
        self.route_menu.route_requested.connect(self.choose_route)
        self.plan_menu = QMenu("&Plan", window)
        self.plan_menu.setObjectName("menu_plan")
        self.plan_menu.addAction(window.actions["where_now"])
        self.plan_menu.addMenu(self.route_menu)
        window.menuBar().insertMenu(window.help_menu.menuAction(), self.plan_menu)
        window.actions["where_now"].triggered.connect(self.open_where_now)

        self._dim_timer = QTimer(self)
        self._dim_timer.setSingleShot(True)
        self._dim_timer.setInterval(0)  # after the burst of signals of one edit
        self._dim_timer.timeout.connect(self.update_route)
        window.files.document_replaced.connect(self._document_installed)

    def _document_installed(self, document) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._dim_timer.start)
        self.document = document
        self.route_menu.set_document(document)
        document.changed.connect(self._dim_timer.start)
        pace = self.w.planning.pace_bar
        if pace is not None and hasattr(pace, "route_requested"):
            pace.route_requested.connect(self.choose_route)
        self.update_route()

    def update_route(self) -> None:
        """Dim what the route leaves out (nothing, when the route cannot be resolved)."""
        self._dim_timer.stop()
        scene, doc = self.w.scene, self.document
        if scene is None or doc is None or not hasattr(scene, "set_off_route"):
            return
        scene.set_off_route(career_api.off_route_for(doc))

    # -- intents ------------------------------------------------------------
    def choose_route(self, target: str, group: str, choice) -> None:
        if self.w.editor is None:
            return
        try:
            self.w.editor.choose_route(target, group, choice)
        except (RoadmapError, ValueError) as exc:
            self.w.show_message(f"Could not choose the route: {exc}")

    def open_where_now(self) -> bool:
        """Run the flow; True when the user confirmed and it was applied (one undo step)."""
        from roadmap_app.ui.dialogs.where_now import WhereNowWizard  # the flow is rare: imported on first use

        doc, editor = self.document, self.w.editor
        if doc is None or editor is None:
            return False
        self.wizard = WhereNowWizard(doc, editor, self.w)
        try:
            if self.wizard.exec() != QDialog.DialogCode.Accepted:
                return False
            try:
                self.wizard.apply()
            except (RoadmapError, ValueError) as exc:
                messages.error(self.w, "Where Are You Now?", "Your starting point could not be set.",
                               str(exc).splitlines()[0])
                return False
            self.w.show_message("Your starting point is set (Undo takes it back)")
            return True
        finally:
            self.wizard.deleteLater()
            self.wizard = None

    def open_if_first_run(self) -> None:
        if self.first_run:
            self.first_run = False
            self.open_where_now()

