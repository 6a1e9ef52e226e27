"""The PDF appendix: every node's status, hours, notes and resources.

Built as escaped HTML for QTextDocument because that is how Qt's PDF engine
produces clickable link annotations. Every piece of user text goes through
html.escape, and only http(s) URLs become links; nothing is ever loaded.
"""

from __future__ import annotations

import html

from PySide6.QtGui import QFont, QTextDocument

from ..model import Roadmap
from ..safety import is_web_url


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def appendix_html(roadmap: Roadmap) -> str:
    parts = [f"<h1>{_e(roadmap.title)}</h1>"]
    if roadmap.description:
        parts.append(f"<p>{_e(roadmap.description)}</p>")
    by_stage: dict[str, list] = {}
    for node in roadmap.nodes:
        by_stage.setdefault(node.stage, []).append(node)
    for stage in roadmap.stage_order():
        nodes = by_stage.get(stage)
        if not nodes:
            continue
        parts.append(f"<h2>{_e(stage or 'Unstaged')}</h2>")
        for node in nodes:
            facts = [node.status.label, f"{node.effective_hours:g} h", node.kind.value]
            if node.target_date:
                facts.append(f"target {node.target_date.isoformat()}")
            parts.append(f"<h3>{_e(node.title)}</h3><p><i>{_e(' · '.join(facts))}</i></p>")
            if node.description:
                parts.append(f"<p>{_e(node.description)}</p>")
            if node.notes:
                notes = _e(node.notes).replace("\n", "<br>")
                parts.append(f"<p><b>Notes:</b> {notes}</p>")
            if node.resources:
                items = []
                for res in node.resources:
                    label = _e(res.title)
                    if res.url and is_web_url(res.url):
                        url = _e(res.url)
                        link = f'<a href="{url}">{label}</a><br><small>{url}</small>'
                    else:
                        link = label + (f" <small>({_e(res.url)})</small>" if res.url else "")
                    meta = " · ".join(x for x in (res.kind.value, res.provider, res.status.label) if x)
                    items.append(f"<li>{link} <small>— {_e(meta)}</small></li>")
                parts.append("<ul>" + "".join(items) + "</ul>")
    return "<html><body>" + "".join(parts) + "</body></html>"


def build_appendix(roadmap: Roadmap) -> QTextDocument:
    document = QTextDocument()
    font = QFont("DejaVu Sans")
    font.setPointSizeF(9.5)
    # No ligatures: text copied from the PDF (a URL such as stackoverflow.com) must be the
    # letters themselves, not U+FB02; only shaping makes ligatures, and Latin text needs none.
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    document.setDefaultFont(font)
    document.setDefaultStyleSheet("h1 { font-size: 18pt; } h2 { font-size: 14pt; color: #1d4f91; }"
                                  " h3 { font-size: 11pt; margin-bottom: 0; } a { color: #0b5cad; }")
    document.setHtml(appendix_html(roadmap))
    return document
