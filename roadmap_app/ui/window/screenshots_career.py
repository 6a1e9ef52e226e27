"""Screenshots of the "Where are you now?" flow (part of `make screenshots`).

    python -m roadmap_app.ui.window.screenshots_career docs/screenshots

Answers the flow as a software engineer with three years would, on the built-in
roadmap, and saves each page in the light and dark themes. Nothing is applied:
the flow is cancelled after the pictures.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

WIZARD_SIZE = (640, 600)
PROFILE = "software-engineer"


def shoot_where_now(app, window, out: Path, suffix: str) -> None:
    from PySide6.QtCore import Qt

    from roadmap_app.ui.dialogs.where_now import WhereNowWizard
    from roadmap_app.ui.window.screenshots import _settle

    wizard = WhereNowWizard(window.document, window.editor, window)
    wizard.resize(*WIZARD_SIZE)
    wizard.profile_page.select(PROFILE)
    wizard.profile_page.years.setValue(3)
    wizard.show()
    shots = [("profile", None), ("known", wizard.next), ("finish", wizard.next)]
    for name, step in shots:
        if step is not None:
            step()
        if name == "known":
            tree = wizard.known_page.tree
            tree.collapseAll()
            for stage, item in wizard.known_page.stage_items.items():
                if item.checkState(0) != Qt.CheckState.Unchecked or stage == "Entry roles":
                    item.setExpanded(True)
            tree.scrollToTop()
        if name == "finish":
            wizard.pace_page.hours.setValue(12.0)
            wizard.preview()
        _settle(app, 300)
        path = out / f"where-now-{name}-{suffix}.png"
        wizard.grab().save(str(path))
        print(f"wrote {path}")
    wizard.reject()
    wizard.deleteLater()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ROADMAP_PLANNER_HOME"] = tempfile.mkdtemp(prefix="roadmap-shots-")

    from roadmap_app.ui.window.screenshots import SIZE, _settle
    from roadmap_app.ui.window.startup import build_window, create_application
    from roadmap_app.ui.window.theme import ThemeMode

    app = create_application([])
    window = build_window()
    window.resize(*SIZE)
    window.show()
    _settle(app)
    for mode in (ThemeMode.LIGHT, ThemeMode.DARK):
        window.theme.set_mode(mode)
        shoot_where_now(app, window, out, mode.value)
    window.document.undo_stack.setClean()
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
