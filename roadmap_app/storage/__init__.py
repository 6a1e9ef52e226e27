"""Files on disk: paths, atomic saves, the codec, migrations, backups,
recovery copies, plan locks and settings. Imports no Qt.

The GUI and the CLI open plans with `open_plan` and save them with
`save_plan`; every other writer uses `atomic_write` / `atomic_write_text`.
"""

from .atomic import atomic_write, atomic_write_text, remove_stale_temps
from .backups import BackupInfo, list_backups, newest_valid_backup, restore_backup
from .codec import Loaded, content_hash, dumps, loads
from .errors import ExternalChangeError, FileFormatError, NewerVersionError, SaveError
from .files import changed_on_disk, file_hash, load, read_bytes, save
from .lock import LockedError, PlanLock, acquire
from .plans import OpenResult, SaveResult, open_plan, quarantine_corrupt, save_plan, startup_cleanup
from .recovery import (
    RecoveryInfo,
    discard_recovery,
    mark_session_closed,
    mark_session_open,
    pending_recovery,
    write_recovery,
)

__all__ = [
    "BackupInfo",
    "ExternalChangeError",
    "FileFormatError",
    "Loaded",
    "LockedError",
    "NewerVersionError",
    "OpenResult",
    "PlanLock",
    "RecoveryInfo",
    "SaveError",
    "SaveResult",
    "acquire",
    "atomic_write",
    "atomic_write_text",
    "changed_on_disk",
    "content_hash",
    "discard_recovery",
    "dumps",
    "file_hash",
    "list_backups",
    "load",
    "loads",
    "mark_session_closed",
    "mark_session_open",
    "newest_valid_backup",
    "open_plan",
    "pending_recovery",
    "quarantine_corrupt",
    "read_bytes",
    "remove_stale_temps",
    "restore_backup",
    "save",
    "save_plan",
    "startup_cleanup",
    "write_recovery",
]
