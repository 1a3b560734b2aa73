"""Backups of the open database: automatic at start, on demand, and restoring one."""

from __future__ import annotations

from pathlib import Path

from planner.db.backup import backup_database
from planner.db.engine import Database
from planner.db.errors import StorageError
from planner.db.location import sqlite_target
from planner.db.migrate import upgrade_to_head
from planner.db.opening import check_integrity, inspect_file
from planner.db.privacy import location_warning, read_mounts
from planner.db.restore import RestoreResult, restore_backup
from planner.db.rotation import (
    BackupInfo,
    backup_if_changed,
    list_backups,
    make_backup,
)
from planner.domain.enums import AuditAction, RecordKind
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.changes import Change, ChangeBus

#: The change announced after a restore: every view must reload everything.
DATABASE_REPLACED = Change(RecordKind.DATABASE, (), AuditAction.UPDATE)


class BackupService:
    """Backups of one SQLite database file (a shared server is backed up by its admin)."""

    def __init__(self, db: Database, bus: ChangeBus) -> None:
        self.db = db
        self.bus = bus

    @property
    def supported(self) -> bool:
        """True for an SQLite file; a PostgreSQL server has its own backups (pg_dump)."""
        return self.db.target.path is not None

    def _path(self) -> Path:
        path = self.db.target.path
        if path is None:
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "{database} is a shared server database; it is backed up on the server "
                    "(for example with pg_dump), not by this application",
                ),
                params={"database": self.db.target.display},
            )
        return path

    def backup_if_changed(self) -> BackupInfo | None:
        """The automatic backup at start, made only if data changed since the last one."""
        if not self.supported:
            return None
        return backup_if_changed(self._path())

    def backup_now(self) -> BackupInfo:
        """A verified backup into the backups folder, then the rotation."""
        return make_backup(self._path(), "manual")

    def backup_to(self, destination: Path) -> Path:
        """A verified backup at *destination* (mode 0600), outside the rotation."""
        return backup_database(self._path(), destination.expanduser().absolute())

    def list(self) -> list[BackupInfo]:
        """The backups in the backups folder, newest first."""
        return list_backups(self._path()) if self.supported else []

    def restore(self, backup: Path) -> RestoreResult:
        """Put *backup* in place of the database, keeping a backup of the current file first.

        The backup is verified (integrity, ours, not from a newer version) before anything is
        replaced. Connections are closed for the swap and reopen by themselves on next use;
        an older backup is migrated to the current schema. Views are told to reload.
        """
        path = self._path()
        check_integrity_of_backup(backup)
        self.db.close()
        result = restore_backup(path, backup, damaged=False)
        state = inspect_file(self.db.target)
        if state.needs_upgrade:
            upgrade_to_head(self.db.engine)
        self.bus.publish(DATABASE_REPLACED)
        return result

    def location_warning(self) -> str | None:
        """A warning if the file is in a cloud-synced folder or on a network share."""
        path = self.db.target.path
        return None if path is None else location_warning(path, mounts_text=read_mounts())


def check_integrity_of_backup(backup: Path) -> None:
    """Refuse a backup that is damaged, foreign, or from a newer version, before using it."""
    if not backup.is_file():
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "there is no backup at {path}"),
            params={"path": str(backup)},
        )
    check_integrity(backup)
    inspect_file(sqlite_target(backup))
