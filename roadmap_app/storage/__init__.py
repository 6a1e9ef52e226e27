"""Files on disk: paths, atomic saves, the codec, migrations. Imports no Qt."""

from .atomic import atomic_write
from .codec import Loaded, dumps, loads
from .errors import FileFormatError, NewerVersionError, SaveError
from .files import load, read_bytes, save

__all__ = [
    "FileFormatError",
    "Loaded",
    "NewerVersionError",
    "SaveError",
    "atomic_write",
    "dumps",
    "load",
    "loads",
    "read_bytes",
    "save",
]
