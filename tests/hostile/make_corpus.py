"""Write the hostile-input corpus for our own `.roadmap` format.

Run `python tests/hostile/make_corpus.py` after changing a case; it rewrites
`corpus/roadmap/` and `expectations-roadmap.json`. Every file is small;
cases that need big or special files (a sparse 2 GB file, a FIFO, a folder,
a 20 MB line) are made at test time by `test_hostile_corpus.py`.

An expectation row: `file` (relative to corpus/), `argv` (the CLI command;
`{file}` is the corpus file, `{tmp}` a fresh temporary folder), `exit`, and
`message`, a substring of the one stderr line (or of stdout when exit is 0).
Other formats (canvas, GraphML, roadmap.sh) add their own
`expectations-<name>.json` and folder beside these; the runner reads them all.
"""

from __future__ import annotations

import copy
import gzip
import io
import json
import random
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FOLDER = "roadmap"

BASE: dict[str, Any] = {
    "format": "roadmap-planner",
    "schema_version": 2,
    "min_reader_version": 2,
    "roadmap": {
        "id": "hostile",
        "title": "Hostile input base",
        "nodes": [
            {"id": "a", "title": "A", "estimated_hours": 5.0,
             "resources": [{"id": "r1", "title": "R1", "url": "https://example.org/"}]},
            {"id": "b", "title": "B", "status": "in_progress"},
            {"id": "c", "title": "C"},
        ],
        "edges": [
            {"source": "a", "target": "b", "kind": "prerequisite"},
            {"source": "b", "target": "c", "kind": "progression"},
        ],
        "plan": {"goal": "c", "hours_per_week": 8},
    },
}


def doc(mutate: Callable[[dict], Any] | None = None) -> bytes:
    raw = copy.deepcopy(BASE)
    if mutate is not None:
        mutate(raw)
    return json.dumps(raw, indent=1).encode()


def node(raw: dict, i: int = 0) -> dict:
    return raw["roadmap"]["nodes"][i]


def setp(path: list, value: Any) -> Callable[[dict], None]:
    def mutate(raw: dict) -> None:
        target = raw
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return mutate


def replace(old: bytes, new: bytes) -> bytes:
    data = doc()
    assert old in data, old
    return data.replace(old, new, 1)


def nested(depth: int) -> Any:
    value: Any = "bottom"
    for _ in range(depth):
        value = {"n": value}
    return value


def zipped() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("plan.roadmap", doc())
    return out.getvalue()


def garbage() -> bytes:
    return bytes(random.Random(42).randrange(256) for _ in range(4096))


R = ["roadmap"]
N0 = ["roadmap", "nodes", 0]
OK, BAD = 0, 1

# name -> (bytes, exit code, message substring)
CASES: dict[str, tuple[bytes, int, str]] = {
    # accepted: hostile-looking but valid
    "valid-minimal.roadmap": (doc(), OK, "ok (3 nodes, migrated from format 2)"),
    "valid-bom.roadmap": (b"\xef\xbb\xbf" + doc(), OK, "ok (3 nodes, migrated from format 2)"),
    "valid-unknown-fields.roadmap": (doc(lambda r: (r.update(extra_top={"x": [1, 2]}),
                                                    node(r).update(future={"y": None}))), OK, "ok"),
    "valid-paired-surrogates.roadmap": (replace(b'"title": "A"', b'"title": "\\ud83d\\ude00 \\u05d0"'),
                                        OK, "ok"),
    "valid-extras-40-deep.roadmap": (doc(setp([*N0, "deep"], nested(40))), OK, "ok"),
    "valid-v1-migrated.roadmap": (doc(lambda r: (r.update(schema_version=1), r.pop("min_reader_version"),
                                                 node(r).update(status="doing"))), OK, "migrated from"),
    # not JSON at all
    "empty.roadmap": (b"", BAD, "file is empty"),
    "whitespace-only.roadmap": (b" \n\t\r\n ", BAD, "file is empty"),
    "truncated.roadmap": (doc()[:200], BAD, "not valid JSON"),
    "trailing-garbage.roadmap": (doc() + b"}{", BAD, "not valid JSON: Extra data"),
    "bad-utf8.roadmap": (replace(b'"title": "A"', b'"title": "\xc3\x28"'), BAD, "not UTF-8 text"),
    "utf16.roadmap": (b"\xff\xfe" + doc().decode().encode("utf-16-le"), BAD, "UTF-16"),
    "binary-garbage.roadmap": (b"\x00" + garbage(), BAD, "binary data"),
    "zip-archive.roadmap": (zipped(), BAD, "zip archive"),
    "gzip-archive.roadmap": (gzip.compress(doc(), mtime=0), BAD, "gzip archive"),
    "png-image.roadmap": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, BAD, "PNG image"),
    "single-quotes.roadmap": (b"{'format': 'roadmap-planner'}", BAD, "not valid JSON"),
    # numbers
    "nan-literal.roadmap": (replace(b'"estimated_hours": 5.0', b'"estimated_hours": NaN'), BAD,
                            "NaN is not allowed"),
    "infinity-literal.roadmap": (replace(b'"hours_per_week": 8', b'"hours_per_week": Infinity'), BAD,
                                 "Infinity is not allowed"),
    "minus-infinity.roadmap": (replace(b'"estimated_hours": 5.0', b'"estimated_hours": -Infinity'), BAD,
                               "-Infinity is not allowed"),
    "overflow-float.roadmap": (replace(b'"estimated_hours": 5.0', b'"estimated_hours": 1e400'), BAD,
                               "out of range"),
    "overflow-float-in-extra.roadmap": (
        replace(b'"estimated_hours": 5.0', b'"estimated_hours": 5.0, "x": -2e308'), BAD, "out of range"),
    "nan-string-hours.roadmap": (doc(setp([*R, "plan", "hours_per_week"], "NaN")), BAD,
                                 "roadmap.plan.hours_per_week: Input should be a finite number"),
    "infinity-string-hours.roadmap": (doc(setp([*N0, "estimated_hours"], "Infinity")), BAD,
                                      "roadmap.nodes.0.estimated_hours: Input should be a finite number"),
    "nan-string-position.roadmap": (doc(setp([*N0, "position"], {"x": "nan", "y": 0})), BAD,
                                    "roadmap.nodes.0.position.x"),
    "nan-string-weekday.roadmap": (doc(setp([*R, "plan", "weekday_hours"], [1, 1, 1, "NaN", 1, 1, 1])), BAD,
                                   "roadmap.plan.weekday_hours"),
    "huge-int-10000-digits.roadmap": (
        replace(b'"estimated_hours": 5.0', b'"estimated_hours": ' + b"9" * 10_000), BAD, "has 10000 digits"),
    "huge-int-in-extra.roadmap": (replace(b'"estimated_hours": 5.0', b'"estimated_hours": 5.0, "big": -' +
                                          b"1" * 5000), BAD, "has 5000 digits"),
    "long-float-literal.roadmap": (replace(b'"estimated_hours": 5.0', b'"estimated_hours": 5.' + b"0" * 300),
                                   BAD, "written with 302 characters"),
    "negative-hours.roadmap": (doc(setp([*N0, "estimated_hours"], -1)), BAD,
                               "estimated_hours: Input should be greater than or equal to 0"),
    "absurd-hours.roadmap": (doc(setp([*N0, "estimated_hours"], 1e12)), BAD,
                             "estimated_hours: Input should be less than or equal to 100000"),
    "hours-per-week-1000.roadmap": (doc(setp([*R, "plan", "hours_per_week"], 1000)), BAD,
                                    "less than or equal to 168"),
    "weekday-hours-six-days.roadmap": (doc(setp([*R, "plan", "weekday_hours"], [1] * 6)), BAD,
                                       "roadmap.plan.weekday_hours"),
    "huge-coordinate.roadmap": (doc(setp([*N0, "position"], {"x": 1e300, "y": 0})), BAD,
                                "roadmap.nodes.0.position.x"),
    # text
    "lone-surrogate-title.roadmap": (replace(b'"title": "A"', b'"title": "A\\ud800"'), BAD, "lone surrogate"),
    "lone-low-surrogate-extra.roadmap": (replace(b'"title": "A"', b'"title": "A", "note2": "\\udc00"'), BAD,
                                         "roadmap.nodes.0.note2: text contains a lone surrogate"),
    "lone-surrogate-key.roadmap": (replace(b'"title": "A"', b'"title": "A", "\\ud83d": 1'), BAD,
                                   "a key contains a lone surrogate"),
    "title-too-long.roadmap": (doc(setp([*N0, "title"], "T" * 301)), BAD, "at most 300 characters"),
    "title-control-chars.roadmap": (doc(setp([*N0, "title"], "bell\u0007")), BAD, "control characters"),
    "title-newline.roadmap": (doc(setp([*N0, "title"], "two\nlines")), BAD, "single line"),
    "empty-title.roadmap": (doc(setp([*N0, "title"], "")), BAD, "roadmap.nodes.0.title"),
    "url-too-long.roadmap": (doc(setp([*N0, "resources", 0, "url"], "https://x.org/" + "a" * 3000)), BAD,
                             "at most 2048 characters"),
    "id-with-spaces.roadmap": (doc(lambda r: (node(r).update(id="a b"),
                                              r["roadmap"].update(edges=[]))), BAD, "roadmap.nodes.0.id"),
    "too-many-tags.roadmap": (doc(setp([*N0, "resources", 0, "tags"], ["t"] * 51)), BAD,
                              "at most 50 items"),
    "notes-nul-char.roadmap": (doc(setp([*N0, "notes"], "a\x00b")), BAD, "control characters"),
    # dates
    "date-year-9999.roadmap": (doc(setp([*N0, "target_date"], "9999-01-01")), BAD, "outside 1900-2200"),
    "date-feb-30.roadmap": (doc(setp([*N0, "target_date"], "2026-02-30")), BAD,
                            "roadmap.nodes.0.target_date"),
    "history-year-1.roadmap": (
        doc(setp([*N0, "status_history"], [{"at": "0001-01-01T00:00:00Z", "status": "done"}])), BAD,
        "outside 1900-2200"),
    "start-date-garbage.roadmap": (doc(setp([*R, "plan", "start_date"], "soon")), BAD,
                                   "roadmap.plan.start_date"),
    # structure
    "deep-nesting-10000.roadmap": (b"[" * 10_000 + b"]" * 10_000, BAD, "nesting is deeper than 48 levels"),
    "deep-nesting-objects.roadmap": (b'{"a":' * 5000 + b"1" + b"}" * 5000, BAD, "nesting is deeper"),
    "deep-extras-60.roadmap": (doc(setp([*N0, "deep"], nested(60))), BAD, "nesting is deeper than 48"),
    "top-level-array.roadmap": (b"[1, 2, 3]\n", BAD, "top level must be a JSON object"),
    "top-level-string.roadmap": (b'"roadmap"\n', BAD, "top level must be a JSON object"),
    "wrong-format-name.roadmap": (doc(setp(["format"], "roadmap.sh")), BAD, "not a roadmap file"),
    "missing-roadmap.roadmap": (doc(lambda r: r.pop("roadmap")), BAD, 'missing "roadmap"'),
    "null-roadmap.roadmap": (doc(setp(["roadmap"], None)), BAD, "roadmap: Input should be"),
    "schema-version-string.roadmap": (doc(setp(["schema_version"], "2")), BAD,
                                      "schema_version must be a whole number"),
    "schema-version-true.roadmap": (doc(setp(["schema_version"], True)), BAD,
                                    "schema_version must be a whole number"),
    "schema-version-huge.roadmap": (doc(setp(["schema_version"], 10**30)), BAD,
                                    "schema_version must be a whole number"),
    "newer-reader-needed.roadmap": (doc(lambda r: r.update(schema_version=7, min_reader_version=7)), BAD,
                                    "written by a newer Roadmap Planner"),
    "duplicate-json-key.roadmap": (replace(b'"title": "A"', b'"title": "A", "title": "B"'), BAD,
                                   'key "title" appears twice'),
    "nodes-is-object.roadmap": (doc(setp([*R, "nodes"], {"a": {}})), BAD, "roadmap.nodes: Input should be"),
    "title-is-number.roadmap": (doc(setp([*N0, "title"], 42)), BAD, "roadmap.nodes.0.title: Input should be"),
    "bad-status.roadmap": (doc(setp([*N0, "status"], "finished")), BAD, "roadmap.nodes.0.status"),
    "bad-kind.roadmap": (doc(setp([*N0, "kind"], "wizard")), BAD, "roadmap.nodes.0.kind"),
    "bad-edge-kind.roadmap": (doc(setp([*R, "edges", 0, "kind"], "blocks")), BAD, "roadmap.edges.0.kind"),
    "duplicate-node-ids.roadmap": (doc(lambda r: r["roadmap"]["nodes"].append({"id": "a", "title": "again"})),
                                   BAD, "duplicate node id a"),
    "duplicate-resource-ids.roadmap": (doc(lambda r: node(r)["resources"].append({"id": "r1", "title": "x"})),
                                       BAD, "node a: duplicate resource id"),
    "dangling-edge.roadmap": (doc(lambda r: r["roadmap"]["edges"].append({"source": "a", "target": "ghost"})),
                              BAD, "refers to missing node ghost"),
    "dangling-goal.roadmap": (doc(setp([*R, "plan", "goal"], "ghost")), BAD,
                              "plan.goal refers to missing node"),
    "self-loop.roadmap": (doc(lambda r: r["roadmap"]["edges"].append({"source": "b", "target": "b"})),
                          BAD, "node b points to itself"),
    "cycle.roadmap": (doc(lambda r: r["roadmap"]["edges"].append({"source": "c", "target": "a"})),
                      BAD, "cycle through"),
    "duplicate-edge.roadmap": (doc(lambda r: r["roadmap"]["edges"].append(dict(r["roadmap"]["edges"][0]))),
                               BAD, "duplicate edge a -> b"),
}


def main() -> None:
    folder = HERE / "corpus" / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.iterdir():
        old.unlink()
    rows = []
    for name, (data, code, message) in CASES.items():
        (folder / name).write_bytes(data)
        rows.append({"file": f"{FOLDER}/{name}", "argv": ["validate", "{file}"], "exit": code,
                     "message": message})
    (HERE / "expectations-roadmap.json").write_text(json.dumps(rows, indent=1, ensure_ascii=True) + "\n")
    print(f"wrote {len(rows)} files to {folder}")


if __name__ == "__main__":
    main()
