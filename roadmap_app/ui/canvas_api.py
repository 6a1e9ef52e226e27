"""Where the window gets its canvas and planning panels from.

One place that knows the module names of the canvas (scene, view, minimap)
and of the planning panels, so the window code stays the same whichever
of them are installed.
"""

from __future__ import annotations

import importlib

from PySide6.QtWidgets import QWidget


def _canvas():
    try:
        view = importlib.import_module("roadmap_app.canvas.view")
        scene = importlib.import_module("roadmap_app.canvas.scene")
        theme = importlib.import_module("roadmap_app.canvas.theme")
    except ImportError:
        from . import _canvas_placeholder as fallback

        return fallback, fallback, fallback, fallback
    try:
        minimap = importlib.import_module("roadmap_app.canvas.minimap")
    except ImportError:
        minimap = None
    return scene, view, theme, minimap


def canvas_theme(dark: bool):
    _scene, _view, theme, _mini = _canvas()
    return theme.CanvasTheme.dark() if dark else theme.CanvasTheme.light()


def make_scene(document, dark: bool, editor, parent=None):
    scene, _view, _theme, _mini = _canvas()
    try:
        return scene.RoadmapScene(document, canvas_theme(dark), parent, editor=editor)
    except TypeError:  # the stand-in scene takes no editor
        return scene.RoadmapScene(document, canvas_theme(dark), parent)


def make_view():
    _scene, view, _theme, _mini = _canvas()
    return view.RoadmapView(None)


def make_minimap(view) -> QWidget | None:
    _scene, _view, _theme, minimap = _canvas()
    if minimap is None:
        return None
    widget = minimap.MiniMapView(view, view)
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
            module = importlib.import_module(f"roadmap_app.ui.{module_name}")
        except ImportError:
            continue
        cls = getattr(module, class_name, None)
        if cls is not None:
            found[class_name] = cls
    return found
