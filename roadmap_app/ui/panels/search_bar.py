"""The toolbar search: highlight matches as you type, Enter jumps to the next match and
puts the focus on the canvas, F3 goes on to the next, Esc clears."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from roadmap_app.model import Roadmap

TYPE_DELAY_MS = 120  # coalesce fast typing on big plans


def find_matches(roadmap: Roadmap, query: str) -> list[str]:
    """Ids of nodes containing every word of `query` (case-insensitive).

    Title matches come first, then matches in the description, notes or
    resources; within each group, in reading order (stage, then position).
    """
    words = query.casefold().split()
    if not words:
        return []
    stage_rank = {s: i for i, s in enumerate(roadmap.stage_order())}
    title_hits, other_hits = [], []
    for node in roadmap.nodes:
        title = node.title.casefold()
        if all(w in title for w in words):
            title_hits.append(node)
            continue
        text = " ".join([title, node.description, node.notes, node.stage,
                         *(f"{r.title} {r.provider}" for r in node.resources)]).casefold()
        if all(w in text for w in words):
            other_hits.append(node)

    def order(node):
        pos = node.position
        return (stage_rank.get(node.stage, 0), pos.x if pos else 0.0, pos.y if pos else 0.0)

    return [n.id for n in sorted(title_hits, key=order) + sorted(other_hits, key=order)]


class SearchLineEdit(QLineEdit):
    escape_pressed = Signal()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            self.escape_pressed.emit()
            return
        super().keyPressEvent(event)


class SearchBar(QWidget):
    matches_changed = Signal(object)  # set[str] | None
    jump_requested = Signal(str)
    finished = Signal()  # Esc: give focus back to the canvas

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.roadmap: Roadmap | None = None
        self.matches: list[str] = []
        self.current = -1
        self.field = SearchLineEdit()
        self.field.setObjectName("search_field")
        self.field.setAccessibleName("Search nodes")
        self.field.setPlaceholderText("Search (Ctrl+F)")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(200)
        self.field.setMaximumWidth(280)
        self.count = QLabel()
        self.count.setObjectName("search_count")
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setMinimumWidth(64)
        self.count.setEnabled(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(6)
        layout.addWidget(self.field)
        layout.addWidget(self.count)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPE_DELAY_MS)
        self._timer.timeout.connect(self.update_matches)
        self.field.textChanged.connect(lambda _t: self._timer.start())
        self.field.returnPressed.connect(self._enter)
        self.field.escape_pressed.connect(self._escape)

    def set_roadmap(self, roadmap: Roadmap) -> None:
        self.roadmap = roadmap
        self.update_matches()

    def refresh(self) -> None:
        """The document changed: recompute the matches soon (titles may have changed)."""
        if self.field.text().strip():
            self._timer.start()

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def update_matches(self) -> None:
        self._timer.stop()
        text = self.field.text().strip()
        self.matches = find_matches(self.roadmap, text) if self.roadmap is not None and text else []
        self.current = -1
        if not text:
            self.count.setText("")
            self.matches_changed.emit(None)
        else:
            n = len(self.matches)
            self.count.setText("No matches" if n == 0 else ("1 match" if n == 1 else f"{n} matches"))
            self.matches_changed.emit(set(self.matches))

    def next_match(self) -> str | None:
        if self._timer.isActive():
            self.update_matches()
        if not self.matches:
            return None
        self.current = (self.current + 1) % len(self.matches)
        self.count.setText(f"{self.current + 1} of {len(self.matches)}")
        node_id = self.matches[self.current]
        self.jump_requested.emit(node_id)
        return node_id

    def _enter(self) -> None:
        """Enter jumps to the next match and hands the keyboard to the canvas, so the next
        key (P, D, F2…) acts on the found node instead of typing into the field. F3 goes on."""
        if self.next_match() is not None:
            self.finished.emit()

    def _escape(self) -> None:
        self.update_matches()
        self.finished.emit()
