"""Other formats, pure code (no Qt): JSON Canvas, GraphML and roadmap.sh import; Markdown,
Mermaid, JSON Canvas and GraphML export; and merging an updated roadmap into a plan.

Entry points: `formats.import_file` / `formats.export_file` (by extension) and
`merge.merge`. Importers return `(Roadmap, ImportReport)` and raise a one-line
`FileFormatError` for input they cannot use.
"""
