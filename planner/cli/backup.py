"""``planner backup`` and ``planner restore``: verified copies of the database file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from planner.cli.common import EXIT_OK, CommandError, add_command
from planner.db.backup import backup_database
from planner.db.errors import CorruptDatabaseError
from planner.db.location import resolve_target
from planner.db.opening import check_integrity, check_sqlite_file, inspect_file
from planner.db.restore import restore_backup
from planner.db.rotation import make_backup
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.backups import check_integrity_of_backup


def _database_file(args: argparse.Namespace) -> Path:
    target = resolve_target(args.db)
    if target.path is None:
        raise CommandError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{where} is a shared server database; back it up on the server "
                "(for example with pg_dump)",
            ),
            params={"where": target.display},
        )
    if not target.path.exists():
        raise CommandError(
            QT_TRANSLATE_NOOP("Validation", "there is no database at {path}"),
            params={"path": str(target.path)},
        )
    return target.path


def cmd_backup(args: argparse.Namespace) -> int:
    """Write a verified copy of the database (mode 0600), without changing the database."""
    path = _database_file(args)
    check_sqlite_file(path)
    check_integrity(path)
    # Refuses foreign files and files from a newer version, as every command does.
    inspect_file(resolve_target(args.db))
    if args.output:
        written = backup_database(path, Path(args.output).expanduser().absolute())
    else:
        written = make_backup(path, "manual").path
    print(f"backup written to {written} (verified)")
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    """Replace the database with a backup; the current file is backed up or kept aside first."""
    from planner.ui.shell.instance_lock import InstanceLock

    path = _database_file(args)
    backup = Path(args.backup).expanduser().absolute()
    check_integrity_of_backup(backup)
    # Swapping the file under a running window would lose its next saves: refuse instead.
    with InstanceLock(path):
        try:
            check_integrity(path)
            damaged = False
        except CorruptDatabaseError:
            damaged = True
        result = restore_backup(path, backup, damaged=damaged)
    print(f"restored {backup} to {path}")
    if result.previous_backup is not None:
        print(f"the previous database was backed up to {result.previous_backup.path}")
    if result.damaged_copy is not None:
        print(f"the damaged database was kept as {result.damaged_copy}")
    return EXIT_OK


def register(sub: Any) -> None:
    """Add ``backup`` and ``restore``."""
    backup = add_command(
        sub, "backup", cmd_backup, "write a verified backup (default: into backups/ beside it)"
    )
    backup.add_argument("-o", "--output", metavar="FILE", help="where to write the backup")
    restore = add_command(sub, "restore", cmd_restore, "replace the database with a backup")
    restore.add_argument("backup", metavar="BACKUP", help="the backup file to restore")
