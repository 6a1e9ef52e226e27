"""Build the canvas scene offscreen for an export, and pick the rectangle to draw.

The export draws the same scene items as the canvas, so an image looks exactly
like the window. Headless commands get an offscreen Qt platform when there is
no display.
"""

from __future__ import annotations

import os
import sys

import networkx as nx
from PySide6.QtCore import QRectF

from ..graph import to_digraph
from ..model import Roadmap
from .options import ExportError, ExportOptions, ExportScope

MARGIN = 24.0


def ensure_app():
    """Return the running QApplication, creating an offscreen one for headless use."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        has_display = os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        if not has_display and sys.platform.startswith("linux"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(["roadmap-planner"])
    return app


def focus_ids(roadmap: Roadmap, node_id: str | None) -> set[str]:
    target = node_id or roadmap.plan.goal
    if not target:
        raise ExportError("focus export needs a goal: pass --focus NODE_ID or set the plan's goal")
    if roadmap.node(target) is None:
        raise ExportError(f"no node {target} to focus on")
    graph = to_digraph(roadmap, ordering_only=True)
    return nx.ancestors(graph, target) | {target}


def build_scene(roadmap: Roadmap, options: ExportOptions):
    """A RoadmapScene for `roadmap` with the export's theme and focus applied."""
    ensure_app()
    from ..canvas.scene import RoadmapScene
    from ..canvas.theme import CanvasTheme
    from ..document import RoadmapDocument

    theme = CanvasTheme.dark() if options.theme == "dark" else CanvasTheme.light()
    document = RoadmapDocument(roadmap.model_copy(deep=True))
    scene = RoadmapScene(document, theme, interactive=False)
    if options.scope is ExportScope.FOCUS:
        scene.set_focus(focus_ids(roadmap, options.focus_node))
    document.setParent(scene)  # the scene owns its throwaway document
    return scene


def source_rect(scene, roadmap: Roadmap, options: ExportOptions) -> QRectF:
    """The scene rectangle to draw for the chosen scope."""
    if options.scope is ExportScope.VIEW:
        if not options.view_rect:
            raise ExportError("the current view is only known in the app")
        return QRectF(*options.view_rect)
    ids: set[str] | None = None
    if options.scope is ExportScope.SELECTION:
        ids = set(options.selection)
        if not ids:
            raise ExportError("nothing is selected")
    elif options.scope is ExportScope.FOCUS:
        ids = focus_ids(roadmap, options.focus_node)
    if ids is None:
        return scene.content_rect()
    rect = QRectF()
    for node_id in ids:
        rect = rect.united(scene.node_rect(node_id))
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
