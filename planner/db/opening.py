"""Opening a database safely: refuse foreign, corrupt and newer files before writing a byte."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from planner.db.backup import backup_database
from planner.db.engine import Database, create_planner_engine
from planner.db.errors import NotADatabaseError, StorageError
from planner.db.files import (
    create_private_file,
    ensure_private_dir,
    make_private,
    sqlite_companions,
)
from planner.db.location import DatabaseTarget, default_data_dir
from planner.db.migrate import SchemaState, schema_state, upgrade_to_head

_SQLITE_MAGIC = b"SQLite format 3\x00"


def check_sqlite_file(path: Path) -> None:
    """Raise :class:`NotADatabaseError` unless *path* is empty or starts like SQLite."""
    if path.is_dir():
        raise NotADatabaseError(f"{path} is a folder, not a database file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise StorageError(f"cannot read {path}: {exc.strerror}") from exc
    if header and header != _SQLITE_MAGIC:
        raise NotADatabaseError(f"{path} is not an Exchange Visit Planner database")


def inspect_file(target: DatabaseTarget) -> SchemaState:
    """Schema state of an existing file, read without changing it."""
    assert target.path is not None
    check_sqlite_file(target.path)
    engine = create_planner_engine(target, read_only=True)
    try:
        return schema_state(engine)
    except DBAPIError as exc:
        raise NotADatabaseError(f"{target.path} cannot be read as a database: {exc.orig}") from exc
    finally:
        engine.dispose()


def _prepare_new_file(path: Path) -> None:
    if path.parent == default_data_dir():
        ensure_private_dir(path.parent)
    elif not path.parent.is_dir():
        raise StorageError(f"the folder {path.parent} does not exist")
    create_private_file(path)


def _backup_before_upgrade(path: Path, state: SchemaState) -> None:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    backup_database(path, path.with_name(f"{path.name}.before-{state.head}-{stamp}.bak"))


def open_database(target: DatabaseTarget, *, create: bool = False) -> Database:
    """Open *target* for use, creating it if *create*, migrating it to the current schema.

    A file that is not ours, or was written by a newer version, is refused untouched. An
    existing file is backed up (and the backup verified) before any migration runs.
    """
    if target.path is None:
        engine = create_planner_engine(target)
        if schema_state(engine).needs_upgrade:
            upgrade_to_head(engine)
        return Database(engine, target)

    path = target.path
    state: SchemaState | None = None
    if path.exists():
        state = inspect_file(target)
        if state.needs_upgrade and not state.is_empty:
            _backup_before_upgrade(path, state)
    elif create:
        _prepare_new_file(path)
    else:
        raise StorageError(
            f"there is no database at {path}; create one with 'planner demo --db {path}'"
        )
    engine = create_planner_engine(target)
    try:
        if state is None or state.needs_upgrade:
            upgrade_to_head(engine)
    except (DBAPIError, sqlite3.Error) as exc:
        engine.dispose()
        raise StorageError(f"could not prepare {path}: {exc}") from exc
    for companion in sqlite_companions(path):
        make_private(companion)
    return Database(engine, target)
