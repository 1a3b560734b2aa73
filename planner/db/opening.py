"""Opening a database safely: refuse foreign, corrupt and newer files before writing a byte."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from planner.db.backup import integrity_problems
from planner.db.backup_info import BackupInfo
from planner.db.engine import Database, create_planner_engine
from planner.db.errors import (
    CorruptDatabaseError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
)
from planner.db.files import (
    create_private_file,
    ensure_private_dir,
    make_private,
    sqlite_companions,
)
from planner.db.location import DatabaseTarget, default_data_dir
from planner.db.migrate import SchemaState, schema_state, upgrade_to_head
from planner.db.rotation import make_backup, newest_good_backup
from planner.domain.i18n import QT_TRANSLATE_NOOP

_SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_file(path: Path) -> None:
    """Raise :class:`NotADatabaseError` unless *path* is empty or starts like SQLite."""
    if path.is_dir():
        raise NotADatabaseError(
            QT_TRANSLATE_NOOP("Validation", "{path} is a folder, not a database file"),
            params={"path": str(path)},
        )
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "cannot read {path}: {reason}"),
            params={"path": str(path), "reason": exc.strerror or str(exc)},
        ) from exc
    if header and header != _SQLITE_MAGIC:
        raise NotADatabaseError(
            QT_TRANSLATE_NOOP("Validation", "{path} is not an Exchange Visit Planner database"),
            params={"path": str(path)},
        )


def check_writable(path: Path) -> None:
    """Refuse a file SQLite could read but not change, before any command half-runs."""
    # WAL mode keeps two journals beside the file: the folder must be writable, even to read.
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise ReadOnlyError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "the folder {folder} is read-only, so {name} cannot be opened there; "
                "copy the database to a folder you can write to, or use --db",
            ),
            params={"folder": str(path.parent), "name": path.name},
        )
    if path.exists() and not os.access(path, os.W_OK):
        raise ReadOnlyError(
            QT_TRANSLATE_NOOP(
                "Validation", "{path} is read-only; make it writable or copy it elsewhere"
            ),
            params={"path": str(path)},
        )


def check_integrity(path: Path) -> None:
    """Raise :class:`CorruptDatabaseError` (naming the newest good backup) if *path* is damaged.

    SQLite's ``quick_check`` reads every page, so it finds damage a simple query would only
    hit later, half-way through someone's edit.
    """
    problems = integrity_problems(path, quick=True)
    if problems:
        raise CorruptDatabaseError(path, problems[0], newest_good_backup(path))


def inspect_file(target: DatabaseTarget) -> SchemaState:
    """Schema state of an existing file, read without changing it."""
    assert target.path is not None
    check_sqlite_file(target.path)
    engine = create_planner_engine(target, read_only=True)
    try:
        return schema_state(engine)
    except DBAPIError as exc:
        raise NotADatabaseError(
            QT_TRANSLATE_NOOP("Validation", "{path} cannot be read as a database: {reason}"),
            params={"path": str(target.path), "reason": str(exc.orig)},
        ) from exc
    finally:
        engine.dispose()


def _prepare_new_file(path: Path) -> None:
    if path.parent == default_data_dir():
        ensure_private_dir(path.parent)
    elif not path.parent.is_dir():
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "the folder {folder} does not exist"),
            params={"folder": str(path.parent)},
        )
    check_writable(path)
    try:
        create_private_file(path)
    except OSError as exc:
        raise ReadOnlyError(
            QT_TRANSLATE_NOOP("Validation", "cannot create {path}: {reason}"),
            params={"path": str(path), "reason": exc.strerror or str(exc)},
        ) from exc


def _backup_before_upgrade(path: Path, state: SchemaState) -> BackupInfo:
    revision = re.sub(r"[^a-z0-9]+", "-", (state.revision or "none").lower())
    return make_backup(path, f"before-upgrade-{revision}")


def _upgrade(engine: Engine, where: str, backup: BackupInfo | None) -> None:
    try:
        upgrade_to_head(engine)
    except Exception as exc:
        # Any failure, from SQL or from the migration's Python code: the upgrade runs in one
        # transaction, so the file is as it was; say so instead of showing a traceback.
        engine.dispose()
        detail = (str(getattr(exc, "orig", None) or exc).splitlines() or [""])[0]
        params = {"where": where, "detail": detail}
        if backup is None:
            raise StorageError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "could not upgrade {where} to the current schema ({detail}); "
                    "the database was left unchanged",
                ),
                params=params,
            ) from exc
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "could not upgrade {where} to the current schema ({detail}); "
                "the database was left unchanged; a backup from before the attempt is {backup}",
            ),
            params={**params, "backup": str(backup.path)},
        ) from exc


def open_database(target: DatabaseTarget, *, create: bool = False) -> Database:
    """Open *target* for use, creating it if *create*, migrating it to the current schema.

    A file that is not ours, is damaged, or was written by a newer version is refused
    untouched. An existing file is backed up (and the backup verified) before any migration.
    """
    if target.path is None:
        engine = create_planner_engine(target)
        try:
            needs_upgrade = schema_state(engine).needs_upgrade
        except DBAPIError as exc:
            engine.dispose()
            # Drivers explain over several lines; the first says what went wrong.
            reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else exc
            raise StorageError(
                QT_TRANSLATE_NOOP("Validation", "cannot reach {where}: {reason}"),
                params={"where": target.display, "reason": str(reason)},
            ) from exc
        if needs_upgrade:
            _upgrade(engine, target.display, None)
        return Database(engine, target)

    path = target.path
    state: SchemaState | None = None
    backup: BackupInfo | None = None
    if path.exists():
        check_sqlite_file(path)
        check_writable(path)
        check_integrity(path)
        state = inspect_file(target)
        if state.needs_upgrade and not state.is_empty:
            backup = _backup_before_upgrade(path, state)
    elif create:
        _prepare_new_file(path)
    else:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "there is no database at {path}; create one with 'planner demo --db {path}'",
            ),
            params={"path": str(path)},
        )
    engine = create_planner_engine(target)
    if state is None or state.needs_upgrade:
        _upgrade(engine, str(path), backup)
    for companion in sqlite_companions(path):
        make_private(companion)
    return Database(engine, target)
