"""Storage errors that are the environment's fault (bad file, newer schema, disk), not bugs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from planner.domain.errors import PlannerError

if TYPE_CHECKING:
    from planner.db.rotation import BackupInfo


class StorageError(PlannerError):
    """The database cannot be used as it is; the message says why and what to do."""


class NotADatabaseError(StorageError):
    """The file exists but is not an SQLite database (or is damaged beyond opening)."""


class NewerSchemaError(StorageError):
    """The file was written by a newer version of the application."""


class CorruptDatabaseError(StorageError):
    """SQLite's integrity check failed; carries the newest good backup, if there is one."""

    def __init__(self, path: Path, problem: str, backup: BackupInfo | None) -> None:
        self.path = path
        self.problem = problem
        self.backup = backup
        if backup is None:
            advice = "no good backup was found beside it"
        else:
            advice = (
                f"the newest good backup is {backup.path} from {backup.label} (restore it with "
                f"'planner restore {backup.path}'; changes made after that time are lost)"
            )
        super().__init__(f"{path} is damaged ({problem}); {advice}")


class DiskFullError(StorageError):
    """A write failed because the disk (or the database's size limit) is full."""


class ReadOnlyError(StorageError):
    """The database file or its folder cannot be written."""
