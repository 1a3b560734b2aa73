"""Storage errors that are the environment's fault (bad file, newer schema, disk), not bugs."""

from __future__ import annotations

from pathlib import Path

from planner.db.backup_info import BackupInfo
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message


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
            advice = Message(QT_TRANSLATE_NOOP("Validation", "no good backup was found beside it"))
        else:
            advice = Message(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "the newest good backup is {backup} from {label} (restore it with "
                    "'planner restore {backup}'; changes made after that time are lost)",
                ),
                {"backup": str(backup.path), "label": backup.label},
            )
        super().__init__(
            QT_TRANSLATE_NOOP("Validation", "{path} is damaged ({problem}); {advice}"),
            params={"path": str(path), "problem": problem, "advice": advice},
        )


class DiskFullError(StorageError):
    """A write failed because the disk (or the database's size limit) is full."""


class ReadOnlyError(StorageError):
    """The database file or its folder cannot be written."""
