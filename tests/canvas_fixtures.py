"""Shared roadmaps and helpers for the canvas tests."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage, QPainter

from roadmap_app.model import Edge, EdgeKind, Node, NodeKind, Roadmap


def small_roadmap() -> Roadmap:
    return Roadmap(
        id="small",
        title="Small",
        nodes=[
            Node(id="py", title="Python", kind=NodeKind.SKILL, stage="Education", estimated_hours=40),
            Node(id="la", title="Linear algebra", kind=NodeKind.EDUCATION, stage="Education"),
            Node(id="ml", title="Machine learning basics", stage="Education"),
            Node(id="dev", title="Software developer", kind=NodeKind.ROLE, stage="Entry roles"),
            Node(id="mle", title="Machine learning engineer", kind=NodeKind.ROLE, stage="ML roles"),
            Node(id="conf", title="Attend conferences", kind=NodeKind.PRACTICE, stage="Continuous learning"),
        ],
        edges=[
            Edge(source="py", target="ml"),
            Edge(source="la", target="ml"),
            Edge(source="ml", target="dev"),
            Edge(source="dev", target="mle", kind=EdgeKind.PROGRESSION),
            Edge(source="conf", target="mle", kind=EdgeKind.RELATED),
        ],
    )


def render_scene(scene, width: int = 800, height: int = 500, source=None) -> QImage:
    """Render a scene (no view) into an image, as the exporter does."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("#000000"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    rect = source if source is not None else scene.content_rect()
    from PySide6.QtCore import QRectF

    scene.render(painter, QRectF(0, 0, width, height), rect)
    painter.end()
    return image


def distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
    return len(seen)
