"""Markdown checklist and Mermaid exports, checked at parse level."""

from __future__ import annotations

import re

from test_interchange_samples import MARKUP_TITLES, rich_roadmap

from roadmap_app.interchange.markdown import escape, to_markdown
from roadmap_app.interchange.mermaid import escape_label, to_mermaid
from roadmap_app.model import Node, Roadmap

_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def test_markdown_structure():
    roadmap = rich_roadmap()
    lines = to_markdown(roadmap).splitlines()
    assert lines[0] == r"# Rich \*roadmap\* \[v1\]"
    headings = [line[3:] for line in lines if line.startswith("## ")]
    assert headings == ["Basics", "Advanced", "Other"]  # stage order, empty stage left out
    items = [line for line in lines if re.match(r"^- \[[ x]\] ", line)]
    assert len(items) == len(roadmap.nodes)
    assert items[0] == "- [x] Python — 40.5 h"
    assert items[1].startswith("- [ ] ") and items[1].endswith("*(in progress)*")
    assert items[2] == r"- [x] ~~\<b\>x\</b\>~~ *(skipped)*"
    assert "Progress: 1 of 5 done" in lines
    # No other list or heading lines: descriptions are not exported, nothing leaks structure.
    for line in lines:
        assert re.match(r"^(# |## |- \[[ x]\] |  - |Progress: |$|A description|with two)", line), line


def test_markdown_links_only_for_web_urls():
    text = to_markdown(rich_roadmap())
    links = re.findall(r"\[([^\]]*(?:\\\][^\]]*)*)\]\(([^)]*)\)", text)
    assert links == [(r"Docs \[official\]", "https://docs.python.org/3/")]
    resource_lines = [line for line in text.splitlines() if line.startswith("  - ")]
    assert resource_lines[0] == r"  - [Docs \[official\]](https://docs.python.org/3/) — website, PSF, done"
    assert "file:///etc/passwd" in resource_lines[1] and "](" not in resource_lines[1]


def test_markup_titles_are_literal_in_markdown():
    text = to_markdown(rich_roadmap())
    assert "<" not in text.replace("\\<", "")
    lines = {unescape(line) for line in text.splitlines()}
    assert f"- [ ] {MARKUP_TITLES[0]} *(in progress)*" in lines
    assert escape("a_b*c`d") == r"a\_b\*c\`d"


MERMAID_LINE = re.compile(
    r'^(flowchart (LR|TD)'
    r'|  subgraph s\d+\["[^"<>]*"\]'
    r'|\s{2,4}n\d+\["[^"<>]*"\]'
    r'|  end'
    r'|  n\d+ (-->|==>|-\.-) n\d+'
    r'|  classDef (done|in_progress|skipped) [a-z:#0-9,\- ]+'
    r'|  class n\d+(,n\d+)* (done|in_progress|skipped))$'
)


def test_mermaid_grammar_and_declared_ids():
    roadmap = rich_roadmap()
    text = to_mermaid(roadmap)
    lines = text.splitlines()
    for line in lines:
        assert MERMAID_LINE.match(line), line
    declared = re.findall(r'^\s+(n\d+)\["', text, re.M)
    assert len(declared) == len(set(declared)) == len(roadmap.nodes)
    used = set(re.findall(r"\bn\d+\b", text))
    assert used <= set(declared)
    assert sum(1 for line in lines if re.match(r"  n\d+ (-->|==>|-\.-) n\d+$", line)) == len(roadmap.edges)
    assert "==>" in text and "-.-" in text
    assert lines.count("  end") == sum(1 for line in lines if "subgraph" in line) == 2


def test_mermaid_labels_escaped():
    text = to_mermaid(rich_roadmap())
    labels = re.findall(r'\["([^"]*)"\]', text)
    for label in labels:
        assert "<" not in label and ">" not in label and '"' not in label
    assert '#lt;img src=#quot;file:///etc/passwd#quot;#gt;' in labels
    assert "#lt;b#gt;x#lt;/b#gt;" in labels
    assert escape_label("# a\nb") == "#35; a b"


def test_mermaid_ids_do_not_leak_foreign_ids():
    roadmap = Roadmap(id="r", title="R", stages=[], nodes=[Node(id="end", title="end")])
    text = to_mermaid(roadmap, "TD")
    assert text == 'flowchart TD\n  n0["end"]\n'


def test_markup_titles_are_literal_in_every_text_export():
    """No export turns a title into HTML, an image or a link: each escapes it its own way."""
    from roadmap_app.interchange.formats import FORMATS

    roadmap = rich_roadmap()
    for fmt in FORMATS:
        if fmt.writer is None:
            continue
        text = fmt.writer(roadmap).decode("utf-8")
        if fmt.name in ("markdown", "canvas"):
            assert not re.search(r'(?<!\\)<(?!\\)', text.replace('\\"', '"')), fmt.name
        elif fmt.name == "mermaid":
            assert "<" not in text
        else:  # XML and JSON formats: the reader gets the literal text back
            assert "<img" not in text or fmt.name == "roadmap"
        assert "<b>x</b>" not in text or fmt.name == "roadmap", fmt.name


def test_markdown_through_a_commonmark_parser():
    markdown_it = __import__("pytest").importorskip("markdown_it")
    md = markdown_it.MarkdownIt("commonmark").enable("strikethrough")
    html = md.render(to_markdown(rich_roadmap()))
    assert "<img" not in html and "<b>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert '&lt;img src=&quot;file:///etc/passwd&quot;&gt;' in html
    assert re.findall(r'href="([^"]*)"', html) == ["https://docs.python.org/3/"]
    assert re.findall(r"<h2>(.*?)</h2>", html) == ["Basics", "Advanced", "Other"]
    assert re.findall(r"<h1>(.*?)</h1>", html) == ["Rich *roadmap* [v1]"]
    assert "<s>&lt;b&gt;x&lt;/b&gt;</s>" in html  # skipped is struck through
    assert html.count("<li>[x] ") == 2 and html.count("<li>[ ] ") == 3
