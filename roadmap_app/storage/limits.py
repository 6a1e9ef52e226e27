"""Every size limit of a plan file and of the files we import, stated once.

The JSON budget (bytes, nesting, containers, values, number length) is checked on
the raw bytes by storage.safejson before anything is built, for the `.roadmap`
loader and every JSON importer alike. The plan limits are the model's own
(validated by pydantic); an import whose result would break any of them, or be
larger than MAX_FILE_BYTES once saved, is refused before a plan is created
(interchange.finish). docs/FILE_FORMAT.md lists the same numbers; a test keeps the
two in step.
"""

from __future__ import annotations

from ..model.node import MAX_HISTORY, MAX_RESOURCES
from ..model.roadmap import MAX_EDGES, MAX_NODES, MAX_STAGES
from ..model.text import MAX_TEXT, MAX_TITLE, MAX_URL

# The JSON budget: the worst a file may cost before it is refused.
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_DEPTH = 48
# Objects and lists together. A 20,000-node plan with 100,000 resources has about
# 300,000; a 64 MB file of empty lists would have 30 million (3 GB of Python objects).
MAX_CONTAINERS = 1_000_000
MAX_VALUES = 4_000_000  # items of all lists and objects (counted by their commas)
MAX_INT_DIGITS = 40  # far beyond any count or id; Python itself refuses > 4300
MAX_NUMBER_CHARS = 100

# What an import may bring in all (a plan holds up to MAX_RESOURCES per node, but
# 20,000 nodes of 500 each could never be saved in MAX_FILE_BYTES).
MAX_IMPORTED_RESOURCES = 100_000

# name -> (value, what it limits), for the documentation test and error messages.
LIMITS: dict[str, tuple[int, str]] = {
    "MAX_FILE_BYTES": (MAX_FILE_BYTES, "bytes in a file (64 MiB), read or saved"),
    "MAX_DEPTH": (MAX_DEPTH, "levels of nesting"),
    "MAX_CONTAINERS": (MAX_CONTAINERS, "objects and lists in one file"),
    "MAX_VALUES": (MAX_VALUES, "values in one file"),
    "MAX_INT_DIGITS": (MAX_INT_DIGITS, "digits in a whole number"),
    "MAX_NUMBER_CHARS": (MAX_NUMBER_CHARS, "characters in a number"),
    "MAX_NODES": (MAX_NODES, "nodes in a plan"),
    "MAX_EDGES": (MAX_EDGES, "edges in a plan"),
    "MAX_STAGES": (MAX_STAGES, "stages in a plan"),
    "MAX_RESOURCES": (MAX_RESOURCES, "resources on one node"),
    "MAX_IMPORTED_RESOURCES": (MAX_IMPORTED_RESOURCES, "resources an import brings in all"),
    "MAX_HISTORY": (MAX_HISTORY, "status changes kept per node"),
    "MAX_TITLE": (MAX_TITLE, "characters in a title or other single line"),
    "MAX_TEXT": (MAX_TEXT, "characters in a description or notes"),
    "MAX_URL": (MAX_URL, "characters in a link"),
}
