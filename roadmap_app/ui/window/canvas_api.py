"""Where the window gets its canvas and planning panels from.

One place that knows how the canvas (scene, view, minimap) is built and which
planning panels exist, so the window code does not change when they do. The
planning panels are optional at import time: a build without them still runs.
"""

from __future__ import annotations

import importlib

from roadmap_app.canvas.minimap import MiniMapView
from roadmap_app.canvas.scene import RoadmapScene
from roadmap_app.canvas.theme import CanvasTheme
from roadmap_app.canvas.view import RoadmapView


def canvas_theme(dark: bool) -> CanvasTheme:
    return CanvasTheme.dark() if dark else CanvasTheme.light()


def make_scene(document, dark: bool, editor, parent=None) -> RoadmapScene:
    return RoadmapScene(document, canvas_theme(dark), parent, editor=editor)


def make_view() -> RoadmapView:
    return RoadmapView(None)


def make_minimap(view: RoadmapView) -> MiniMapView:
    """The overview map, floating over the view's corner (bound to the view's current scene)."""
    widget = MiniMapView(view, view)
    widget.setObjectName("minimap")
    widget.setAccessibleName("Overview map")
    return widget


def planning_panels() -> dict[str, type]:
    """NextStepsPanel and PaceBar, when the planning engineer's modules are there.

    The dashboard is not here: it imports pyqtgraph, so the window imports it
    only when its dock is first shown.
    """
    found = {}
    for module_name, class_name in (("next_steps", "NextStepsPanel"), ("pace_bar", "PaceBar")):
        try:
            module = importlib.import_module(f"roadmap_app.ui.panels.{module_name}")
        except ImportError:
            continue
        cls = getattr(module, class_name, None)
        if cls is not None:
            found[class_name] = cls
    return found
