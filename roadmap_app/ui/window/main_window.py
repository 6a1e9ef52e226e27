"""The main window: assembles the canvas, docks, toolbar, menus and status bar.

It owns no editing logic of its own: edits go through EditController (and so
the Editor and the undo stack), files through FileController. When a document
is opened the window swaps in a new Editor, scene and panels for it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QShortcut, QUndoGroup
from PySide6.QtWidgets import (
    QDockWidget,
    QMainWindow,
    QMenu,
    QToolBar,
    QToolButton,
    QWidget,
)

from roadmap_app import APP_NAME, __version__
from roadmap_app.commands.editor import Editor
from roadmap_app.document import RoadmapDocument
from roadmap_app.model import LayoutDirection
from roadmap_app.ui.common import messages
from roadmap_app.ui.common.links import LinkOpener
from roadmap_app.ui.controllers.career_controller import CareerController
from roadmap_app.ui.controllers.edit_controller import EditController
from roadmap_app.ui.controllers.file_controller import SAVING, FileController
from roadmap_app.ui.controllers.risk_markers import RiskMarkers
from roadmap_app.ui.controllers.settings_controller import SettingsController
from roadmap_app.ui.dialogs.backup_dialog import restore_from_backup
from roadmap_app.ui.dialogs.small_dialogs import ShortcutsDialog
from roadmap_app.ui.panels.filter_banner import FilterBanner
from roadmap_app.ui.panels.filter_panel import FilterMenu
from roadmap_app.ui.panels.inspector import InspectorPanel
from roadmap_app.ui.panels.planning_docks import PlanningDocks
from roadmap_app.ui.panels.search_bar import SearchBar
from roadmap_app.ui.window import canvas_api, read_only, window_fit
from roadmap_app.ui.window.actions import Actions
from roadmap_app.ui.window.status_bar import PlanStatusBar
from roadmap_app.ui.window.theme import ThemeController, ThemeMode, tint_overflow_buttons

READING_ZOOM = 0.62  # the canvas shows full cards (title, badge, footer) from 0.6


class MainWindow(QMainWindow):
    def __init__(self, settings: SettingsController, theme: ThemeController, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("main_window")
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowTabbedDocks)
        self.settings = settings
        self.theme = theme
        self.document: RoadmapDocument | None = None
        self.editor: Editor | None = None
        self.scene = None
        self.links = LinkOpener()
        self.undo_group = QUndoGroup(self)
        self.actions = Actions(self, self.undo_group)
        self.files = FileController(self, settings)
        self.edits = EditController(self)
        # Hooks the image/interchange engineer fills (File > Import…/Export…).
        self.import_handler = None
        self.export_handler = None

        self.view = canvas_api.make_view()
        self.view.setObjectName("canvas_view")
        self.view.setAccessibleName("Roadmap canvas")
        self.setCentralWidget(self.view)
        self.view.viewport().installEventFilter(self)  # keep the minimap in the view's corner
        for action in self.actions.canvas_scoped:
            self.view.addAction(action)
        self.minimap = None  # bound to one scene: made for each document

        self.inspector = InspectorPanel(self.links)
        self.inspector_dock = self.add_dock("dock_inspector", "Inspector", self.inspector,
                                            Qt.DockWidgetArea.RightDockWidgetArea)
        # The inspector takes the full height on the right; next steps sit under the canvas.
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._layout_restored = False

        self.search = SearchBar()
        self.filter_menu = FilterMenu(self)
        self.filter_banner = FilterBanner(self.view)
        self.filter_banner.show_all_requested.connect(self.filter_menu.reset)
        self.read_only_banner = read_only.ReadOnlyBanner(self.view)
        self.risk_markers = RiskMarkers(self)
        self.status = PlanStatusBar(self)
        self.setStatusBar(self.status)
        self._build_toolbar()
        self.planning = PlanningDocks(self)  # after the main toolbar: the pace bar goes beside it
        self.next_steps_dock = self.planning.next_steps_dock
        self.dashboard_dock = self.planning.dashboard_dock
        self._build_menus()
        self._connect()
        self.exchange = None
        self._install_exchange()
        self.career = CareerController(self)  # the Plan menu, "Where are you now?", route dimming
        self.actions["toggle_minimap"].setChecked(True)
        window_fit.size_for_first_start(self)

    # -- construction ------------------------------------------------------
    @property
    def next_steps(self):
        return self.planning.next_steps

    @property
    def dashboard(self):
        return self.planning.dashboard

    @property
    def pace_bar(self):
        return self.planning.pace_bar

    def add_dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.setAccessibleName(title)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        toggle = dock.toggleViewAction()
        toggle.setObjectName(f"action_toggle_{name.removeprefix('dock_')}")
        self.addDockWidget(area, dock)
        return dock

    def _build_toolbar(self) -> None:
        a = self.actions
        bar = QToolBar("Main Toolbar", self)
        bar.setObjectName("toolbar_main")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("new_from_template", "open", "save"):
            bar.addAction(a[name])
        bar.addSeparator()
        for name in ("undo", "redo"):
            bar.addAction(a[name])
        bar.addSeparator()
        for name in ("add_node", "fit"):
            bar.addAction(a[name])
        bar.addSeparator()
        bar.addWidget(self.search)
        a["filter"].setMenu(self.filter_menu)
        bar.addAction(a["filter"])
        button = bar.widgetForAction(a["filter"])
        if isinstance(button, QToolButton):
            button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.addAction(a["focus_goal"])
        self.toolbar = bar
        self.addToolBar(bar)

    def _build_menus(self) -> None:
        a = self.actions
        bar = self.menuBar()

        def menu(title: str, name: str, items: list) -> QMenu:
            m = bar.addMenu(title)
            m.setObjectName(name)
            for item in items:
                if item is None:
                    m.addSeparator()
                elif isinstance(item, QMenu):
                    m.addMenu(item)
                else:
                    m.addAction(a[item] if isinstance(item, str) else item)
            return m

        self.recent_menu = QMenu("Open &Recent", self)
        self.recent_menu.setObjectName("menu_recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        self.file_menu = menu("&File", "menu_file", [
            "new_from_template", "open", self.recent_menu, None, "save", "save_as", "revert",
            "restore_backup", None, "import", "export", None, "quit"])
        self.edit_menu = menu("&Edit", "menu_edit", [
            "undo", "redo", None, "add_node", "delete", "rename", "connect", None, "auto_layout", None,
            "find", "find_next", "select_all"])
        self.theme_menu = QMenu("&Theme", self)
        self.theme_menu.setObjectName("menu_theme")
        for action in self.actions.theme_group.actions():
            self.theme_menu.addAction(action)
        self.panels_menu = QMenu("&Panels", self)
        self.panels_menu.setObjectName("menu_panels")
        for dock in (self.inspector_dock, self.next_steps_dock, self.dashboard_dock):
            self.panels_menu.addAction(dock.toggleViewAction())
        self.panels_menu.addAction(a["toggle_minimap"])
        self.view_menu = menu("&View", "menu_view", [
            "fit", "zoom_selection", "zoom_in", "zoom_out", None,
            "focus_goal", "filter", "clear_filter", None,
            "layout_left_to_right", "layout_top_to_bottom", None,
            self.theme_menu, self.panels_menu])
        self.status_menu = menu("&Status", "menu_status", [
            self.actions.status_action(s) for s in self.actions.STATUS_KEYS])
        self.help_menu = menu("&Help", "menu_help", ["shortcuts", None, "about"])

    def _connect(self) -> None:
        a, e, f = self.actions, self.edits, self.files
        a["new_from_template"].triggered.connect(e.new_from_template)
        a["open"].triggered.connect(f.open_dialog)
        a["save"].triggered.connect(lambda: self._save(f.save))
        a["save_as"].triggered.connect(lambda: self._save(f.save_as))
        a["revert"].triggered.connect(f.revert)
        a["restore_backup"].triggered.connect(lambda: restore_from_backup(self))
        a["import"].triggered.connect(lambda: self._hook(self.import_handler, "Import"))
        a["export"].triggered.connect(lambda: self._hook(self.export_handler, "Export"))
        a["clear_recent"].triggered.connect(self._clear_recent)
        a["quit"].triggered.connect(self.close)
        a["add_node"].triggered.connect(lambda: e.add_node())
        a["delete"].triggered.connect(e.delete_selected)
        a["rename"].triggered.connect(e.rename)
        a["connect"].triggered.connect(lambda: e.connect_dialog())
        a["auto_layout"].triggered.connect(e.auto_layout)
        self.actions.direction_group.triggered.connect(
            lambda action: self.edits.set_layout_direction(LayoutDirection(action.data())))
        a["find"].triggered.connect(self.search.focus)
        a["find_next"].triggered.connect(self.search.next_match)
        a["select_all"].triggered.connect(e.select_all)
        a["fit"].triggered.connect(self.view.fit_all)
        a["zoom_selection"].triggered.connect(self.view.zoom_to_selection)
        a["zoom_in"].triggered.connect(lambda: self.view.zoom_by(1.25))
        a["zoom_out"].triggered.connect(lambda: self.view.zoom_by(0.8))
        a["focus_goal"].toggled.connect(e.set_goal_focus)
        a["clear_filter"].triggered.connect(self.filter_menu.reset)
        a["toggle_minimap"].toggled.connect(self._show_minimap)
        a["shortcuts"].triggered.connect(self._show_shortcuts)
        a["about"].triggered.connect(self._about)
        for status in self.actions.STATUS_KEYS:
            self.actions.status_action(status).triggered.connect(
                lambda _checked=False, s=status: e.set_status(None, s))
        self.actions.theme_group.triggered.connect(self._theme_chosen)
        self.theme.theme_changed.connect(self._theme_changed)
        self._check_theme_action()

        self.search.matches_changed.connect(lambda ids: self.scene and self.scene.set_search_matches(ids))
        self.search.jump_requested.connect(e.jump_to)
        self.search.finished.connect(lambda: self.view.setFocus())
        self.filter_menu.filter_changed.connect(self._filter_changed)
        self.inspector.node_requested.connect(e.jump_to)
        self.inspector.status_requested.connect(lambda ids, s: e.set_status(ids, s))
        self.inspector.error_raised.connect(self.show_message)
        back = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.inspector)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.view.setFocus)  # Esc in the inspector returns to the canvas

        f.document_replaced.connect(self._install_document)
        f.save_state_changed.connect(self._save_state_changed)
        f.status_message.connect(self.show_message)
        f.save_failed.connect(lambda err: messages.error(self, "Could not save", err))

    # -- documents -------------------------------------------------------
    def _install_document(self, document: RoadmapDocument) -> None:
        old_scene = self.scene
        if self.document is not None:
            self.undo_group.removeStack(self.document.undo_stack)
        self.document = document
        self.editor = Editor(document)
        self.undo_group.addStack(document.undo_stack)
        self.undo_group.setActiveStack(document.undo_stack)
        document.undo_stack.cleanChanged.connect(self._update_title)
        document.undo_stack.cleanChanged.connect(self._update_actions)
        document.path_changed.connect(self._update_title)
        document.changed.connect(self._document_changed)
        document.roadmap_reset.connect(self._roadmap_reset)
        document.changed.connect(self.risk_markers.schedule_refresh)

        self.scene = canvas_api.make_scene(document, self.theme.dark, self.editor, self)
        self.scene.selection_ids_changed.connect(self._selection_changed)
        self.scene.node_activated.connect(self.edits.activate_node)
        self.scene.connect_requested.connect(lambda s, t: self.edits.connect_nodes(s, t, modal=False))
        self.scene.message.connect(self.show_message)
        self.scene.add_requested.connect(lambda pos: self.edits.add_node(pos))
        self.scene.context_menu_requested.connect(self.edits.context_menu)
        self.view.setScene(self.scene)
        if self.minimap is not None:
            self.minimap.deleteLater()
        self.minimap = canvas_api.make_minimap(self.view)
        self.minimap.set_shown(self.actions["toggle_minimap"].isChecked())
        if old_scene is not None:
            old_scene.blockSignals(True)  # its teardown must not reach the new document's panels
            old_scene.deleteLater()

        self.inspector.set_document(document, self.editor)
        self.search.set_roadmap(document.roadmap)
        self.filter_menu.set_roadmap(document.roadmap)
        self.actions["focus_goal"].setChecked(False)
        self.planning.install(document)
        self.status.set_document(document)
        self._update_title()
        self._update_actions()
        QTimer.singleShot(0, self.show_start_of_path)
        self.risk_markers.schedule_refresh()

    def show_start_of_path(self) -> None:
        """Fit the plan; if that is too small to read, show its start (left) at a reading zoom.

        The overview map shows the whole plan either way, and Fit (Ctrl+0) is one key away.
        """
        self.view.fit_all()
        if self.scene is None or self.view.zoom() >= READING_ZOOM:
            return
        content = self.scene.content_rect()
        self.view.set_zoom(READING_ZOOM)
        half_width = self.view.viewport().width() / READING_ZOOM / 2
        half_height = self.view.viewport().height() / READING_ZOOM / 2
        y = min(content.center().y(), content.top() + half_height)  # the stage titles stay in view
        self.view.centerOn(QPointF(content.left() + half_width, y))

    def _roadmap_reset(self) -> None:
        if self.document is not None:
            self.search.set_roadmap(self.document.roadmap)
            self.filter_menu.set_roadmap(self.document.roadmap)

    def _document_changed(self) -> None:
        self._update_actions()
        self.search.refresh()
        if self.actions["focus_goal"].isChecked():
            self.edits.set_goal_focus(True)
        if self.filter_menu.active:
            self._filter_changed(self.filter_menu.visible_ids())

    def _selection_changed(self, ids: list) -> None:
        self.inspector.set_node(ids[0] if len(ids) == 1 else None, selected=len(ids))
        if not ids:
            window_fit.relax_idle_inspector(self, self.inspector_dock)
        self._update_actions()

    def _update_actions(self) -> None:
        a = self.actions
        ids = self.selected_ids()
        has = bool(ids)
        for name in ("delete", "zoom_selection"):
            a[name].setEnabled(has)
        a["rename"].setEnabled(len(ids) == 1)
        a["connect"].setEnabled(len(ids) == 1)
        statuses = {self.document.node(i).status for i in ids if self.document.has_node(i)} if has else set()
        for status in a.STATUS_KEYS:
            action = a.status_action(status)
            action.setEnabled(has)
            action.setChecked(statuses == {status})
        doc = self.document
        if doc is not None:
            direction = doc.roadmap.layout_direction
            for action in a.direction_group.actions():
                action.setChecked(action.data() == direction.value)
        a["revert"].setEnabled(bool(doc and doc.path and doc.is_modified))
        a["restore_backup"].setEnabled(bool(doc and doc.path))  # an untitled plan has no backups
        read_only.apply(self)

    def selected_ids(self) -> list[str]:
        if self.scene is None or self.document is None:
            return []
        return [i for i in self.scene.selected_node_ids() if self.document.has_node(i)]

    def _update_title(self, *_args) -> None:
        doc = self.document
        if doc is None:
            self.setWindowTitle(APP_NAME)
            return
        name = doc.path.name if doc.path else f"Untitled ({doc.roadmap.title})"
        name = name.replace("[*]", "[*][*]")  # Qt's modified placeholder, shown literally when doubled
        suffix = " (read-only)" if doc.read_only_reason else ""
        self.setWindowTitle(f"{name}[*]{suffix} — {APP_NAME}")
        self.setWindowModified(doc.is_modified)
        read_only.apply(self)  # the title follows the path, and Save As ends read-only

    # -- view state -------------------------------------------------------
    def _filter_changed(self, ids) -> None:
        if self.scene is not None:
            self.scene.set_filter_visible(ids)
        self.actions["filter"].setText("Filter •" if ids is not None else "Filter")
        total = len(self.document.roadmap.nodes) if self.document is not None else 0
        hides = ids is not None and len(ids) < total  # a filter that hides nothing needs no banner
        self.filter_banner.set_counts(len(ids) if hides else None, total)

    def _show_minimap(self, show: bool) -> None:
        if self.minimap is not None:
            self.minimap.set_shown(show)

    def _theme_chosen(self, action: QAction) -> None:
        mode = ThemeMode(action.data())
        self.theme.set_mode(mode)
        self.settings.theme = mode
        self.settings.save()

    def _check_theme_action(self) -> None:
        for action in self.actions.theme_group.actions():
            action.setChecked(action.data() == self.theme.mode.value)

    def _theme_changed(self, dark: bool) -> None:
        if self.scene is not None:
            self.scene.set_theme(canvas_api.canvas_theme(dark))
        self.planning.set_theme(dark)
        self._check_theme_action()
        tint_overflow_buttons(self)

    # -- feedback --------------------------------------------------------
    def show_message(self, text: str, timeout_ms: int = 6000) -> None:
        self.status.showMessage(text.splitlines()[0] if text else "", timeout_ms)

    def _save_state_changed(self, state: str) -> None:
        self.status.set_save_state(state)
        self._update_title()

    def _save(self, start) -> None:
        self.inspector.commit_pending()
        start()

    def _install_exchange(self) -> None:
        """Import/export/update-from, owned by the interchange side (ui/controllers/)."""
        try:
            from roadmap_app.ui.controllers.exchange_controller import ExchangeController
        except ImportError:
            return
        self.exchange = ExchangeController(self)

    def _hook(self, handler, what: str) -> None:
        if handler is None:
            messages.info(self, what, f"{what} is not available in this build yet.")
        else:
            handler(self)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent_files
        for index, path in enumerate(recent):
            # "&&": an & in a file name is shown, not taken as a mnemonic
            action = self.recent_menu.addAction(f"&{(index + 1) % 10} {path.name.replace('&', '&&')}")
            action.setObjectName(f"action_recent_{index}")
            action.setToolTip(messages.tooltip(str(path)))
            action.setStatusTip(str(path))
            action.triggered.connect(lambda _c=False, p=path: self.files.open_path(p))
        if not recent:
            empty = self.recent_menu.addAction("No recent files")
            empty.setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions["clear_recent"])

    def _clear_recent(self) -> None:
        self.settings.clear_recent()
        self.settings.save()

    def _show_shortcuts(self) -> None:
        groups = [(m.title(), [x for x in m.actions() if not x.isSeparator()])
                  for m in (self.file_menu, self.edit_menu, self.view_menu, self.status_menu, self.help_menu)]
        ShortcutsDialog(self, groups).exec()

    def _about(self) -> None:
        messages.info(self, f"About {APP_NAME}", f"{APP_NAME} {__version__}",
                      "Plan your path from education to machine-learning architect.\n"
                      "Offline, open source (MIT licence).")

    # -- window events ------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        self.inspector.commit_pending()
        if self.files.state == SAVING:
            self.files.wait()  # a save in flight decides whether there is anything to ask about
        if not self.files.maybe_close():
            event.ignore()
            return
        self.settings.save_window(self)
        self.settings.save()
        self.files.close_document()
        event.accept()

    def dragEnterEvent(self, event) -> None:
        if _dropped_file(event) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        path = _dropped_file(event)
        if path is not None:
            event.acceptProposedAction()
            # Open after the drop returns, so a dialog does not block the drag source.
            QTimer.singleShot(0, lambda: self.files.open_path(path))

    def _canvas_drag(self, event) -> bool:
        """The scene accepts every drag, so a plan dropped on the canvas never reaches the window."""
        if _dropped_file(event) is None:
            return False
        if event.type() == QEvent.Type.Drop:
            self.dropEvent(event)
        else:
            event.acceptProposedAction()
        return True

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange and self.minimap is not None:
            self.minimap.update()
        super().changeEvent(event)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._place_minimap()
        if watched is self.view.viewport() and event.type() in _DRAG_EVENTS and self._canvas_drag(event):
            return True
        return super().eventFilter(watched, event)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            if self.settings.restore_window(self):
                window_fit.clamp_to_screen(self)  # saved on a bigger screen, perhaps
            else:
                # Dock sizes only take once the window has its size.
                window_fit.size_docks(self, self.inspector_dock, self.next_steps_dock, selected=False)
        self._fit_toolbars()
        tint_overflow_buttons(self)
        self._place_minimap()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_toolbars()
        self._place_minimap()

    def _fit_toolbars(self) -> None:
        """The goal and pace bar shares the main toolbar's row when both fit, else it takes
        a row of its own, so no toolbar action ever hides in the » overflow menu."""
        pace = self.planning.pace_toolbar
        needed = self.toolbar.sizeHint().width() + pace.sizeHint().width() + 12
        wrap = not pace.isHidden() and needed > self.width()
        if wrap != self.toolBarBreak(pace):
            if wrap:
                self.insertToolBarBreak(pace)
            else:
                self.removeToolBarBreak(pace)

    def _place_minimap(self) -> None:
        if self.minimap is None:
            return
        self.minimap.place()  # its size, its corner, or hidden when the canvas is too small


_DRAG_EVENTS = (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop)


def _dropped_file(event) -> Path | None:
    mime = event.mimeData()
    if not mime.hasUrls():
        return None
    for url in mime.urls():
        if url.isLocalFile():
            path = Path(url.toLocalFile())
            if path.suffix.lower() == ".roadmap" or path.is_file():
                return path
    return None
