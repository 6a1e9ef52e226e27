"""yEd's graphics inside GraphML: read what a node or edge looks like, and write ours.

yEd keeps labels, geometry and colours in `y:` elements inside `nodegraphics` and
`edgegraphics` data. Every node realizer is read the same way (ShapeNode, GenericNode,
UMLClassNode, TableNode, GroupNode, GenericGroupNode, SVGNode, ImageNode...), with all
its labels: the first is the title, the others (and a UML class's stereotype,
attributes and methods) the description. A ProxyAutoBoundsNode (a group or folder)
is read through its active realizer. yFiles for HTML files (`y:Label.Text`, `y:RectD`)
give labels and geometry too.

Edges: labels, line colour, and the arrowheads that say which way an edge points.
"""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

from .geometry import Box
from .graphml_xml import XEl

YED_NS = "http://www.yworks.com/xml/graphml"
_TAG = re.compile(r"<[^<>]{0,2000}>")
_BREAK = re.compile(r"<(?:br\s*/?|/p|/div|/li)>", re.IGNORECASE)
_HEX = re.compile(r"^#([0-9A-Fa-f]{6})([0-9A-Fa-f]{2})?$")
_GROUP_REALIZERS = {"GroupNode", "GenericGroupNode", "TableNode"}
_EDGE_REALIZERS = {"PolyLineEdge", "GenericEdge", "ArcEdge", "BezierEdge", "QuadCurveEdge",
                   "SplineEdge"}


@dataclass
class NodeLook:
    labels: list[str] = field(default_factory=list)
    details: list[str] = field(default_factory=list)
    box: Box | None = None
    color: str | None = None
    group: bool = False
    realizer: str = ""


@dataclass
class EdgeLook:
    labels: list[str] = field(default_factory=list)
    color: str | None = None
    arrows: tuple[bool, bool] | None = None  # (at source, at target), when the file says


def hex_color(value: str | None) -> str | None:
    """'#RRGGBB' or '#RRGGBBAA' -> '#rrggbb'; anything else (names, ARGB words) -> None."""
    match = _HEX.match((value or "").strip())
    return f"#{match.group(1).lower()}" if match else None


def _number(value: str | None) -> float | None:
    try:
        number = float(value) if value is not None else None
    except ValueError:
        return None
    return number if number is not None and math.isfinite(number) else None


def _box(element: XEl, names: tuple[str, str, str, str]) -> Box | None:
    x, y, w, h = (_number(element.attrs.get(n)) for n in names)
    if x is None or y is None:
        return None
    return Box(x, y, max(w or 0.0, 0.0), max(h or 0.0, 0.0))


def markup_text(text: str) -> str:
    """A label written as HTML (yEd's `<html>` labels, yFiles markup) as the plain text it shows.

    Line breaks and paragraph ends become newlines, other tags go, entities are decoded.
    The tag pattern cannot backtrack: `[^<>]` never overlaps the delimiters.
    """
    text = _BREAK.sub("\n", text)
    return html.unescape(_TAG.sub("", text)).strip()


def _label(text: str, markup: bool = False) -> str:
    text = text.strip()
    return markup_text(text) if markup or text[:6].lower() == "<html>" else text


def _html_labels(element: XEl) -> list[str]:
    """yFiles for HTML labels: Label.Text, as markup when the label's style says so."""
    labels = []
    for label in element.walk():
        if label.name != "Label":
            continue
        markup = "markup" in (label.attrs.get("Style", "") + "".join(
            c.name for c in label.walk())).lower()
        labels.extend(_label(t.text, markup) for t in label.children
                      if t.name == "Label.Text" and t.text.strip())
    return [text for text in labels if text]


def _read_realizer(realizer: XEl, look: NodeLook) -> None:
    look.realizer = look.realizer or realizer.name
    if realizer.name in _GROUP_REALIZERS:
        look.group = True
    for child in realizer.children:
        if child.name == "NodeLabel":
            text = _label(child.text)
            if text:
                look.labels.append(text)
        elif child.name == "Geometry" and look.box is None:
            look.box = _box(child, ("x", "y", "width", "height"))
        elif child.name == "Fill" and look.color is None:
            if child.attrs.get("transparent", "false").lower() != "true":
                look.color = hex_color(child.attrs.get("color"))
        elif child.name == "UML":
            for attr in ("stereotype", "constraint"):
                if child.attrs.get(attr, "").strip():
                    look.details.append(child.attrs[attr].strip())
            for part in child.children:
                if part.name in ("AttributeLabel", "MethodLabel") and part.text.strip():
                    look.details.append(part.text.strip())


def node_look(elements: list[XEl]) -> NodeLook:
    """Labels, box, colour and group flag from a node's graphics elements."""
    look = NodeLook()
    for element in elements:
        if element.name == "ProxyAutoBoundsNode":
            look.group = True
            realizers = element.first("Realizers")
            if realizers is not None and realizers.children:
                active = _number(realizers.attrs.get("active")) or 0.0
                index = int(active) if 0 <= active < len(realizers.children) else 0
                _read_realizer(realizers.children[index], look)
        elif element.name == "List":  # yFiles for HTML: NodeLabels
            look.labels.extend(_html_labels(element))
        elif element.name == "RectD" and look.box is None:  # yFiles for HTML: NodeGeometry
            look.box = _box(element, ("X", "Y", "Width", "Height"))
        elif element.ns == YED_NS or element.first("NodeLabel") or element.first("Geometry"):
            _read_realizer(element, look)
    look.details = look.labels[1:] + look.details
    return look


def edge_look(elements: list[XEl]) -> EdgeLook:
    look = EdgeLook()
    for element in elements:
        if element.name == "List":  # yFiles for HTML: EdgeLabels
            look.labels.extend(_html_labels(element))
            continue
        if element.name not in _EDGE_REALIZERS and element.ns != YED_NS:
            continue
        for child in element.children:
            if child.name == "EdgeLabel" and _label(child.text):
                look.labels.append(_label(child.text))
            elif child.name == "LineStyle" and look.color is None:
                look.color = hex_color(child.attrs.get("color"))
            elif child.name == "Arrows":
                look.arrows = tuple(child.attrs.get(end, "none").strip().lower() not in ("none", "")
                                    for end in ("source", "target"))
    return look


# ---------------------------------------------------------------- writing


def _num(value: float) -> str:
    return repr(float(value))


def node_graphics(title: str, box: Box, fill: str, border: str, shape: str = "roundrectangle") -> str:
    """A y:ShapeNode, as yEd writes it, with the card's box, fill and label."""
    return (
        "<y:ShapeNode>"
        f'<y:Geometry height="{_num(box.height)}" width="{_num(box.width)}" x="{_num(box.x)}" '
        f'y="{_num(box.y)}"/>'
        f'<y:Fill color="{fill.upper()}" transparent="false"/>'
        f'<y:BorderStyle color="{border.upper()}" raised="false" type="line" width="1.0"/>'
        '<y:NodeLabel alignment="center" autoSizePolicy="node_width" '
        'fontFamily="Dialog" fontSize="12" fontStyle="plain" hasBackgroundColor="false" '
        'hasLineColor="false" modelName="internal" modelPosition="c" textColor="#000000" '
        f'visible="true">{escape(title)}</y:NodeLabel>'
        f"<y:Shape type={quoteattr(shape)}/>"
        "</y:ShapeNode>"
    )


def edge_graphics(label: str, color: str, *, arrow: bool, dashed: bool) -> str:
    """A y:PolyLineEdge with line style, arrowheads and an optional label."""
    text = ""
    if label:
        text = ('<y:EdgeLabel alignment="center" fontFamily="Dialog" fontSize="12" '
                'fontStyle="plain" hasBackgroundColor="false" modelName="centered" '
                f'modelPosition="center" textColor="#000000" visible="true">{escape(label)}</y:EdgeLabel>')
    return (
        "<y:PolyLineEdge>"
        f'<y:LineStyle color="{color.upper()}" type="{"dashed" if dashed else "line"}" width="1.0"/>'
        f'<y:Arrows source="none" target="{"standard" if arrow else "none"}"/>'
        f"{text}"
        '<y:BendStyle smoothed="false"/>'
        "</y:PolyLineEdge>"
    )
