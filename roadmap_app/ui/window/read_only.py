"""A plan opened read-only (open in another window, or written by a newer version):
a banner over the canvas says so and why, and the window offers no edit.

The Editor refuses every edit of a read-only document anyway (the last guard); this
module makes the window honest about it: editing actions, Save (Save As stays, to keep
a copy), the inspector's fields, Next Steps' Start buttons and the pace bar are
disabled. Saving a copy with Save As makes the document editable again, and
`apply` is called again then.
"""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractScrollArea, QHBoxLayout

from roadmap_app.ui.common.canvas_banner import CanvasBanner

MAP_ROOM = 260  # px kept free for the overview map (canvas.minimap) beside the banner
EDIT_ACTIONS = ("save", "add_node", "delete", "rename", "connect", "auto_layout", "revert",
                "restore_backup", "import")

class ReadOnlyBanner(CanvasBanner):
    """Floats at the bottom of the canvas viewport, like the filter banner at its top."""

    def __init__(self, view: QAbstractScrollArea):
        super().__init__(view, "read_only_banner")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.label)
        self._ready()

    def set_reason(self, reason: str | None) -> None:
        if not reason:
            self.hide()
            return
        self.label.setText(f"Read-only: {reason}. Use Save As to keep an editable copy.")
        self.label.setToolTip(self.label.text())
        self._place()
        self.show()
        self.raise_()

    def _place(self) -> None:
        # Bottom left, clear of the overview map in the bottom right corner.
        area = self._viewport.geometry()  # in the view's coordinates
        self.setFixedWidth(max(min(area.width() - MAP_ROOM, 640), 200))
        self.setFixedHeight(self.heightForWidth(self.width()) if self.hasHeightForWidth()
                            else self.sizeHint().height())
        self.move(area.x() + 8, area.bottom() - self.height() - 8)


def apply(window) -> None:
    """Match the window to its document's read-only state (call after any change to it)."""
    doc = window.document
    reason = doc.read_only_reason if doc is not None else None
    window.read_only_banner.set_reason(reason)
    editable = not reason
    if not editable:
        for name in EDIT_ACTIONS:
            window.actions[name].setEnabled(False)
        for status in window.actions.STATUS_KEYS:
            window.actions.status_action(status).setEnabled(False)
    else:  # what does not depend on the selection (the window's _update_actions does the rest)
        for name in ("save", "add_node", "auto_layout", "import"):
            window.actions[name].setEnabled(True)
    body = window.inspector.stack.widget(1)
    inner = body.widget() if hasattr(body, "widget") else body
    inner.setEnabled(editable)  # the scroll area stays enabled: a long inspector still scrolls
    for panel in (window.next_steps, window.pace_bar):
        if panel is not None and hasattr(panel, "set_read_only"):
            panel.set_read_only(not editable)
        elif panel is not None:
            panel.setEnabled(editable)
