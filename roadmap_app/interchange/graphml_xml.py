"""The XML front door for GraphML: checked bytes in, a small element tree with line numbers out.

GraphML files come from anywhere, so before anything reads them:

- size cap, and an encoding check: the bytes must be what the XML declaration says
  (UTF-8 by default). A file that declares ISO-8859-1 but holds UTF-8 is refused with
  the reason instead of turning "Café" into "CafÃ©"; UTF-16 is refused.
- no DTD at all: expat reports a DOCTYPE, ENTITY declaration or external entity
  reference to handlers here, which stop the parse. Only real declarations count:
  the word inside a comment or CDATA section is just text.
- bounded nesting depth, element count and attributes per element, counted as the
  parse goes, so a hostile file stops early instead of building a huge tree.

The tree keeps line numbers so every later error can name the line it is about, and it
leaves out subtrees nobody reads (yEd's embedded images and label-placement models),
which are the bulk of a real yEd file.
"""

from __future__ import annotations

import codecs
import re
from xml.parsers import expat

from ..storage import safejson
from ..storage.errors import FileFormatError

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
MAX_XML_DEPTH = 64
MAX_ELEMENTS = 1_000_000
MAX_ATTRIBUTES = 64
NO_DTD = ("DOCTYPE and ENTITY declarations are not allowed in GraphML "
          "(they can expand to huge data or read local files)")
_DECLARED = re.compile(rb"""^\s*<\?xml[^>]{0,200}?encoding\s*=\s*["']([A-Za-z0-9._:-]{1,40})["']""")
_UTF8_NAMES = {"utf-8", "utf8"}
# Elements of other namespaces that anybody reads (yEd's realizers and their labels,
# geometry, fill, UML compartments, edge styles; yFiles for HTML's labels and boxes).
# Any other foreign element is skipped with its whole subtree, unless it sits directly
# in a GraphML <data> element as its first child (an unknown realizer still shows its
# labels; yEd writes one element per data): that keeps
# the tree small, since label placement models and embedded images are most of a yEd
# file.
KEPT = frozenset({
    "ProxyAutoBoundsNode", "Realizers", "GroupNode", "GenericGroupNode", "TableNode", "ShapeNode",
    "GenericNode", "UMLClassNode", "UMLNoteNode", "SVGNode", "ImageNode", "Geometry", "Fill",
    "NodeLabel", "UML", "AttributeLabel", "MethodLabel", "PolyLineEdge", "GenericEdge", "ArcEdge",
    "BezierEdge", "QuadCurveEdge", "SplineEdge", "LineStyle", "Arrows", "EdgeLabel", "List", "Label",
    "Label.Text", "Label.Style", "MarkupLabelStyle", "RectD",
})


class XEl:
    """One element: namespace, local name, attributes, children, direct text, line."""

    __slots__ = ("attrs", "children", "line", "name", "ns", "parts")

    def __init__(self, ns: str, name: str, attrs: dict[str, str], line: int) -> None:
        self.ns = ns
        self.name = name
        self.attrs = attrs
        self.line = line
        self.children: list[XEl] = []
        self.parts: list[str] = []

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def kids(self, name: str) -> list[XEl]:
        return [c for c in self.children if c.name == name]

    def first(self, name: str) -> XEl | None:
        return next((c for c in self.children if c.name == name), None)

    def walk(self):
        """This element and all below it, depth first, without recursion."""
        stack = [self]
        while stack:
            element = stack.pop()
            yield element
            stack.extend(reversed(element.children))


def _encoding_name(label: str) -> str:
    try:
        return codecs.lookup(label).name
    except LookupError:
        raise FileFormatError(f"the file declares the unknown encoding {label!r}") from None


def check_encoding(data: bytes) -> bytes | str:
    """The document as expat should read it: UTF-8 bytes as they are, other encodings decoded.

    Refuses UTF-16/binary data and any file whose bytes do not match its declaration.
    """
    if data.startswith((b"\xfe\xff", b"\xff\xfe")) or b"\x00" in data[:4096]:
        raise FileFormatError("GraphML must be UTF-8 text (this looks like UTF-16 or binary data)")
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    match = _DECLARED.match(body)
    declared = match.group(1).decode("ascii") if match else "utf-8"
    name = _encoding_name(declared)
    try:
        body.decode("utf-8")
        utf8_error = None
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if name in _UTF8_NAMES:
        if utf8_error is not None:
            raise FileFormatError(f"not UTF-8 text (byte {utf8_error.start}), although UTF-8 is "
                                  "what the file declares or the default") from None
        return data
    if name.startswith(("utf-16", "utf-32", "utf_16", "utf_32")):
        raise FileFormatError(f"the file declares {declared}, but its bytes are not {declared}")
    if utf8_error is None:
        if body.isascii():
            return data
        raise FileFormatError(f"the file declares the encoding {declared}, but its text is UTF-8 "
                              "(fix or remove the encoding declaration)")
    try:
        return body.decode(name)  # expat then reads the text as the Unicode it is
    except UnicodeDecodeError as exc:
        raise FileFormatError(f"the file declares {declared}, but byte {exc.start} is not "
                              f"valid {declared}") from None


def _prolog_declares(data: bytes) -> bool:
    """Whether a `<!DOCTYPE` or `<!ENTITY` (any case) comes before the first element.

    Only the prolog is looked at: comments and processing instructions are skipped,
    and the scan stops at the root element, so the word inside CDATA or a comment is
    never mistaken for a declaration. Linear: each step moves past what it read.
    """
    at = 0
    while True:
        start = data.find(b"<", at)
        if start < 0:
            return False
        if data.startswith(b"<!--", start):
            end, skip = data.find(b"-->", start + 4), 3
        elif data.startswith(b"<?", start):
            end, skip = data.find(b"?>", start + 2), 2
        else:
            return data[start + 1:start + 8].upper() in (b"!DOCTYP", b"!ENTITY")
        if end < 0:
            return False
        at = end + skip


class _Refused(Exception):
    """Raised inside an expat handler to stop the parse; carries the final message."""


def _no_dtd(*_args) -> None:
    raise _Refused(NO_DTD)


class _Builder:
    """expat handlers that build the kept part of the tree and enforce the limits."""

    def __init__(self, parser) -> None:
        self.parser = parser
        self.stack: list[XEl] = []
        self.root: XEl | None = None
        self.count = 0
        self.depth = 0
        self.skipping = 0  # depth inside a skipped subtree

    def start(self, tag: str, attrs: dict[str, str]) -> None:
        self.count += 1
        self.depth += 1
        if self.depth > MAX_XML_DEPTH or self.count > MAX_ELEMENTS or len(attrs) > MAX_ATTRIBUTES:
            self.refuse(attrs)
        if self.skipping:
            self.skipping += 1
            return
        ns, _, name = tag.rpartition("}")
        stack = self.stack
        if ns and ns != GRAPHML_NS and name not in KEPT and stack and not (
                stack[-1].name == "data" and not stack[-1].children):
            self.skipping = 1
            return
        element = XEl(ns, name, attrs, self.parser.CurrentLineNumber)
        if stack:
            stack[-1].children.append(element)
        elif self.root is None:
            self.root = element
        stack.append(element)

    def refuse(self, attrs: dict[str, str]) -> None:
        line = self.parser.CurrentLineNumber
        if self.depth > MAX_XML_DEPTH:
            raise _Refused(f"XML nesting is deeper than {MAX_XML_DEPTH} levels (line {line})")
        if self.count > MAX_ELEMENTS:
            raise _Refused(f"more than {MAX_ELEMENTS} XML elements (line {line})")
        raise _Refused(f"line {line}: more than {MAX_ATTRIBUTES} attributes on one element ({len(attrs)})")

    def end(self, _tag: str) -> None:
        self.depth -= 1
        if self.skipping:
            self.skipping -= 1
        else:
            self.stack.pop()

    def text(self, data: str) -> None:
        if self.stack and not self.skipping:
            self.stack[-1].parts.append(data)


def parse_xml(data: bytes) -> XEl:
    """Checked bytes -> root element; every problem is one FileFormatError line."""
    safejson.check_size(len(data))
    if not data.strip():
        raise FileFormatError("file is empty")
    document = check_encoding(data)
    if _prolog_declares(data[:1 << 20]):  # expat's handlers below catch any later one
        raise FileFormatError(NO_DTD)
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    builder = _Builder(parser)
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.text
    parser.StartDoctypeDeclHandler = _no_dtd
    parser.EntityDeclHandler = _no_dtd
    parser.ExternalEntityRefHandler = _no_dtd
    try:
        parser.Parse(document, True)
    except _Refused as exc:
        raise FileFormatError(str(exc)) from None
    except expat.ExpatError as exc:
        raise FileFormatError(f"not valid XML: {expat.ErrorString(exc.code)}: line {exc.lineno}, "
                              f"column {exc.offset}") from None
    except RecursionError:
        raise FileFormatError("XML nesting is too deep") from None
    if builder.root is None:
        raise FileFormatError("not valid XML: no root element")
    return builder.root
