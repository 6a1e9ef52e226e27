"""File > Export Calendar (.ics)…: the plan's schedule as an iCalendar file.

The calendar is the very schedule the panels show (ui/common/plan_cache.py), written by
planning/ics.py and saved atomically; a problem is one message naming the file.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu

from roadmap_app.interchange.filenames import safe_file_stem
from roadmap_app.model import RoadmapError
from roadmap_app.ui.common import messages
from roadmap_app.ui.common.plan_cache import schedule_for

TITLE = "Export &Calendar (.ics)…"


class CalendarExport(QObject):
    """Owns the action and its handler; installed beside the other exports."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.setObjectName("calendar_export")
        self.w = window
        self._dir: Path | None = None
        self.action = QAction(TITLE, window)
        self.action.setObjectName("action_export_calendar")
        tip = "Save the plan's weekly study blocks and milestones for Google Calendar, Outlook or Thunderbird"
        self.action.setToolTip(tip)
        self.action.setStatusTip(tip)
        self.action.triggered.connect(self.export_dialog)
        menu = getattr(window, "file_menu", None) or window.findChild(QMenu, "menu_file")
        export = window.actions.get("export") if hasattr(window, "actions") else None
        if menu is not None:
            entries = menu.actions()
            after = entries.index(export) + 1 if export in entries else len(entries)
            if after < len(entries):
                menu.insertAction(entries[after], self.action)
            else:
                menu.addAction(self.action)

    def export_dialog(self) -> bool:
        doc = self.w.document
        if doc is None:
            return False
        folder = self._dir or Path.home()
        suggested = folder / f"{safe_file_stem(doc.roadmap.title)}.ics"
        name, _chosen = QFileDialog.getSaveFileName(self.w, "Export Calendar", str(suggested),
                                                    "iCalendar (*.ics)")
        if not name:
            return False
        path = Path(name)
        if path.suffix.lower() != ".ics":
            path = path.with_name(f"{path.name}.ics")
        return self.export_to(path)

    def export_to(self, path: Path | str) -> bool:
        """Write the open plan's calendar to `path`."""
        doc = self.w.document
        if doc is None:
            return False
        path = Path(path).absolute()
        self._dir = path.parent
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            from roadmap_app.planning.ics import plan_to_ical
            from roadmap_app.storage.atomic import atomic_write

            atomic_write(path, plan_to_ical(doc.roadmap, schedule_for(doc)))
        except (RoadmapError, OSError) as exc:
            problem = str(exc)
            detail = problem if str(path) in problem else f"{path}: {problem}"
            self.w.show_message(f"Could not export the calendar: {path.name}: {problem}")
            messages.error(self.w, "Could not export the calendar",
                           f"“{path.name}” could not be written.", detail)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.w.show_message(f"Exported the calendar to {path.name}")
        return True
