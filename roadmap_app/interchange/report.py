"""ImportReport: what an importer kept, changed and dropped, for the CLI and the GUI preview."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

MAX_WARNINGS = 200  # a hostile file must not make the report itself huge


@dataclass
class ImportReport:
    """Warnings (one line each) and counts of dropped items, by what they were."""

    format_name: str = ""
    warnings: list[str] = field(default_factory=list)
    dropped: Counter[str] = field(default_factory=Counter)
    suppressed: int = 0  # warnings beyond MAX_WARNINGS, only counted

    def warn(self, message: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(message)
        else:
            self.suppressed += 1

    def drop(self, what: str, count: int = 1, why: str | None = None) -> None:
        """Count `count` dropped items of kind `what`; `why` becomes a warning line."""
        self.dropped[what] += count
        if why:
            self.warn(why)

    @property
    def dropped_total(self) -> int:
        return sum(self.dropped.values())

    def warning_lines(self) -> list[str]:
        lines = list(self.warnings)
        if self.suppressed:
            lines.append(f"... and {self.suppressed} more warnings")
        return lines

    @staticmethod
    def count_lines(roadmap) -> list[str]:
        """What the import will create, for the preview: nodes, edges, resources, stages."""
        resources = sum(len(n.resources) for n in roadmap.nodes)
        return [f"{len(roadmap.nodes)} nodes, {len(roadmap.edges)} edges, {resources} resources, "
                f"{len({n.stage for n in roadmap.nodes if n.stage})} stages"]

    def summary_lines(self) -> list[str]:
        """Dropped counts, sorted by kind, e.g. 'dropped 12 decoration nodes'."""
        return [f"dropped {n} {what}" for what, n in sorted(self.dropped.items()) if n]
