"""`make screenshots`: render the real main window offscreen into docs/screenshots/*.png.

    python -m roadmap_app.ui.window.screenshots docs/screenshots

Runs the app on a throwaway data folder (never the user's), puts a little
progress into the built-in ML-architect plan so the pictures look like real
use, and saves the window at a laptop size in the light and dark themes: the
whole journey at Fit, the window on a 1280x720 screen, and the PDF's first
page (through pdftoppm when it is installed, else drawn by the same code as
the PDF page).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

SIZE = (1440, 900)
SMALL = (1280, 720)  # the smallest laptop screen the window must fit
MAIN_ZOOM = 0.37  # just above lod.OVERVIEW_BELOW: the widest view that still shows titles

# (node id, status) for a plan a few months in.
PROGRESS = {
    "edu-programming": "done",
    "edu-statistics-probability": "done",
    "edu-linear-algebra-calculus": "in_progress",
    "edu-data-structures-algorithms": "done",
    "edu-computer-systems": "in_progress",
    "skill-nn-first-principles": "done",
    "skill-backpropagation": "in_progress",
    "practice-read-papers": "in_progress",
}
NOTE = ("Working through Strang's lectures 1-10; eigenvalues next.\n"
        "Do the 3Blue1Brown series again before the exam.")


def _settle(app, ms: int = 400) -> None:
    """Let debounced panels and the minimap catch up before the picture is taken."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    deadline = QDeadlineTimer(ms)
    while not deadline.hasExpired():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def _prepare(window) -> None:
    """Some realistic progress, a course with its link, and a note (through the Editor)."""
    from roadmap_app.model import Cost, Origin, Resource, ResourceKind, Status

    editor, doc = window.editor, window.document
    for node_id, status in PROGRESS.items():
        if doc.has_node(node_id):
            editor.set_status([node_id], Status(status))
    target = "edu-linear-algebra-calculus"
    if doc.has_node(target):
        # A target date it cannot make: the card shows the at-risk marker.
        soon = dt.date.today() + dt.timedelta(days=14)
        editor.update_node(target, notes=NOTE, target_date=soon)
        editor.add_resource(target, Resource(
            id="r-demo-course", title="Mathematics for Machine Learning: Linear Algebra",
            url="https://www.coursera.org/learn/linear-algebra-machine-learning",
            kind=ResourceKind.COURSE, provider="Imperial College London (Coursera)", cost=Cost.FREE,
            estimated_hours=19, status=Status.IN_PROGRESS, origin=Origin.USER,
        ))
    doc.undo_stack.setClean()


def _shoot(app, window, path: Path) -> None:
    window.status.clearMessage()  # no temporary paths in the pictures
    _settle(app)
    window.grab().save(str(path))
    print(f"wrote {path}")


def _zoom_on(window, node_ids: list[str], zoom: float = 0.85) -> None:
    """Zoom, and centre on the nodes without showing empty space left of the bands
    (from the plan's left edge when the nodes fit that way)."""
    from PySide6.QtCore import QPointF, QRectF

    rect = QRectF()
    for node_id in node_ids:
        rect = rect.united(window.scene.node_rect(node_id))
    view = window.view
    view.set_zoom(zoom)
    half_width = view.viewport().width() / zoom / 2
    left = window.scene.content_rect().left() - 12
    x = max(rect.center().x(), left + half_width)
    if rect.right() + 40 / zoom <= left + 2 * half_width:
        x = left + half_width  # they fit with the stage's start and label in sight: show those
    view.centerOn(QPointF(x, rect.center().y()))


def _frame_start(window, zoom: float) -> None:
    """The plan from its left edge at `zoom`, centred vertically so the continuous-learning
    band at the bottom clears the scroll bar."""
    from PySide6.QtCore import QPointF

    view, content = window.view, window.scene.content_rect()
    view.set_zoom(zoom)
    half_width = view.viewport().width() / zoom / 2
    view.centerOn(QPointF(content.left() - 12 + half_width, content.center().y()))


def _frame_up_to(window, node_id: str, zoom: float) -> None:
    """`node_id` at the right edge with as much of the way to it as fits on its left,
    and the stage labels at the top when the node is not too far down."""
    from PySide6.QtCore import QPointF

    view, rect = window.view, window.scene.node_rect(node_id)
    view.set_zoom(zoom)
    half_width = view.viewport().width() / zoom / 2
    half_height = view.viewport().height() / zoom / 2
    top = window.scene.content_rect().top() - 12 + half_height  # the stage labels in sight
    view.centerOn(QPointF(rect.right() + 40 / zoom - half_width, min(rect.center().y(), top)))


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0] if argv else "docs/screenshots")
    out.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ROADMAP_PLANNER_HOME"] = tempfile.mkdtemp(prefix="roadmap-shots-")

    from PySide6.QtCore import Qt

    from roadmap_app.canvas.lod import FULL_FROM
    from roadmap_app.ui.window.startup import build_window, create_application
    from roadmap_app.ui.window.theme import ThemeMode

    app = create_application([])
    app.setFont(app.font())
    window = build_window()
    window.resize(*SIZE)
    window.show()
    _settle(app)
    _prepare(window)
    window.files.pool.waitForDone()

    for mode in (ThemeMode.LIGHT, ThemeMode.DARK):
        window.theme.set_mode(mode)
        suffix = mode.value
        # The whole journey at Fit: stage names, roles and milestones by name.
        window.scene.select_nodes([])
        _settle(app)
        window.view.fit_all()
        _shoot(app, window, out / f"overview-{suffix}.png")
        if mode is ThemeMode.LIGHT:
            window.resize(*SMALL)
            _settle(app)
            window.view.fit_all()
            _shoot(app, window, out / "window-1280x720.png")
            window.resize(*SIZE)
            _settle(app)
        # The path from Education on, at the widest zoom that still draws card titles
        # (lod.OVERVIEW_BELOW); the inspector has its own picture, so here the canvas
        # gets the width to tell the story.
        window.edits.jump_to("edu-ml-data-mining")
        window.next_steps_dock.raise_()
        window.inspector_dock.hide()
        _settle(app)
        _frame_start(window, MAIN_ZOOM)
        _shoot(app, window, out / f"roadmap-{suffix}.png")
        window.inspector_dock.show()
        window.resizeDocks([window.inspector_dock], [420], Qt.Orientation.Horizontal)
        _settle(app)

        # The inspector with the course just added, zoomed in on its stage.
        window.edits.jump_to("edu-linear-algebra-calculus")
        _settle(app)  # the jump glides: let it land before framing
        _zoom_on(window, ["edu-linear-algebra-calculus", "edu-programming", "edu-ml-data-mining"])
        window.inspector.resources.select_resource("r-demo-course")
        _shoot(app, window, out / f"inspector-{suffix}.png")

        # Search as you type; Enter jumped to the first match.
        window.scene.select_nodes([])
        window.search.field.setText("neural")
        window.search.update_matches()
        window.search.next_match()
        _settle(app)
        _zoom_on(window, window.search.matches[:2], 0.7)
        _shoot(app, window, out / f"search-{suffix}.png")
        window.search.field.clear()
        window.search.update_matches()

        # Focus on a nearer goal: the path to it stays, the rest fades.
        goal = window.document.roadmap.plan.goal
        window.editor.set_plan(goal="role-ml-engineer")
        window.edits.jump_to("role-ml-engineer")
        _settle(app)
        window.actions["focus_goal"].setChecked(True)
        window.document.undo_stack.setClean()  # a throwaway plan: no "Modified" in the pictures
        _frame_up_to(window, "role-ml-engineer", FULL_FROM + 0.02)
        _shoot(app, window, out / f"focus-{suffix}.png")
        window.actions["focus_goal"].setChecked(False)
        window.editor.set_plan(goal=goal)
        window.document.undo_stack.setClean()

        # The planning panels, when they are installed.
        if window.next_steps is not None:
            window.next_steps_dock.raise_()
            window.resizeDocks([window.next_steps_dock], [430], Qt.Orientation.Vertical)
            window.edits.jump_to("edu-linear-algebra-calculus")
            _settle(app)
            _zoom_on(window, ["edu-linear-algebra-calculus", "edu-programming"], 0.62)
            _shoot(app, window, out / f"next-steps-{suffix}.png")
            window.resizeDocks([window.next_steps_dock], [210], Qt.Orientation.Vertical)
        # A filter explains itself: the banner over the canvas, and a card at risk.
        from roadmap_app.model import Status

        window.filter_menu.status_actions[Status.NOT_STARTED.value].setChecked(False)
        _settle(app)
        _frame_start(window, MAIN_ZOOM)
        _shoot(app, window, out / f"filtered-{suffix}.png")
        window.filter_menu.reset()

        window.dashboard_dock.raise_()
        _settle(app)
        if window.dashboard is not None:
            window.resizeDocks([window.dashboard_dock], [520], Qt.Orientation.Vertical)
            window.view.fit_all()
            _shoot(app, window, out / f"dashboard-{suffix}.png")
            window.resizeDocks([window.dashboard_dock], [210], Qt.Orientation.Vertical)
        window.next_steps_dock.raise_()

        from roadmap_app.ui.window.screenshots_career import (
            shoot_where_now,  # "Where are you now?", page by page
        )

        shoot_where_now(app, window, out, suffix)

    window.document.undo_stack.setClean()
    _pdf_first_page(window, out / "pdf-page-1.png")
    window.close()
    return 0


def _pdf_first_page(window, path: Path) -> None:
    """The exported PDF's first page as a picture: pdftoppm's when it is installed."""
    import shutil
    import subprocess

    from roadmap_app.render.export import _drawn_uncached, export_image
    from roadmap_app.render.options import ExportOptions
    from roadmap_app.render.scene_source import build_scene, source_rect
    from roadmap_app.render.vector import first_page_image

    roadmap = window.document.roadmap
    options = ExportOptions(paper="a4")
    tool = shutil.which("pdftoppm")
    if tool is not None:
        pdf = path.with_suffix(".pdf")
        export_image(roadmap, pdf, options)
        subprocess.run([tool, "-png", "-r", "110", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(path.with_suffix(""))], check=True, timeout=120)
        pdf.unlink()
    else:
        scene = build_scene(roadmap, options)
        with _drawn_uncached(scene):
            first_page_image(scene, roadmap, source_rect(scene, roadmap, options), options).save(str(path))
    print(f"wrote {path}")


if __name__ == "__main__":
    sys.exit(main())
