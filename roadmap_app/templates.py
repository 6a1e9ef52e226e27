"""The built-in roadmaps: the `*.roadmap` files shipped in resources/templates/.

They are found through roadmap_app.assets (importlib.resources), so an
installed wheel or a bundled app finds them as well as a checkout does. Each
file goes through the same loader as a user's file, so a template that broke a
rule would fail loudly here rather than deep inside the app. Imports no Qt.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import assets
from .model import Roadmap, RoadmapError
from .storage import loads

TEMPLATE_DIR = "templates"
SUFFIX = ".roadmap"
MAIN_TEMPLATE = "ml-architect"  # listed first: the roadmap the app is about


class TemplateError(RoadmapError):
    """A built-in roadmap is missing or unreadable."""


class UnknownTemplateError(TemplateError):
    def __init__(self, template_id: str, available: list[str]) -> None:
        self.template_id = template_id
        self.available = available
        super().__init__(
            f"unknown template {template_id!r}; available: {', '.join(available) or 'none'}"
        )


@dataclass(frozen=True)
class TemplateInfo:
    id: str
    title: str
    description: str
    node_count: int
    edge_count: int
    resource_count: int

    @classmethod
    def of(cls, roadmap: Roadmap) -> TemplateInfo:
        return cls(
            id=roadmap.id,
            title=roadmap.title,
            description=roadmap.description,
            node_count=len(roadmap.nodes),
            edge_count=len(roadmap.edges),
            resource_count=sum(len(node.resources) for node in roadmap.nodes),
        )


def _sort_key(template_id: str) -> tuple[bool, str]:
    return (template_id != MAIN_TEMPLATE, template_id)


def template_ids() -> list[str]:
    """Ids of the shipped templates (file names without `.roadmap`), main one first."""
    folder = assets.asset(TEMPLATE_DIR)
    if not folder.is_dir():
        return []
    ids = [
        entry.name[: -len(SUFFIX)]
        for entry in folder.iterdir()
        if entry.name.endswith(SUFFIX) and entry.is_file()
    ]
    return sorted(ids, key=_sort_key)


def template_bytes(template_id: str) -> bytes:
    available = template_ids()
    if template_id not in available:
        raise UnknownTemplateError(template_id, available)
    return assets.read_bytes(TEMPLATE_DIR, template_id + SUFFIX)


def load_template(template_id: str) -> Roadmap:
    """A fresh, validated copy of a built-in roadmap; edits never leak between calls."""
    try:
        roadmap = loads(template_bytes(template_id)).roadmap
    except TemplateError:
        raise
    except RoadmapError as exc:
        raise TemplateError(f"built-in template {template_id!r} is broken: {exc}") from exc
    if roadmap.id != template_id:
        # The file name is the public id; a mismatch would make `new --template` confusing.
        raise TemplateError(f"built-in template {template_id!r} declares id {roadmap.id!r}")
    return roadmap


def list_templates() -> list[TemplateInfo]:
    return [TemplateInfo.of(load_template(template_id)) for template_id in template_ids()]
