"""Opening a database safely: refuse foreign, corrupt and newer files before writing a byte."""

from __future__ import annotations

import os
import re
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from planner.db.backup import SQLITE_MAGIC, integrity_problems, read_header
from planner.db.backup_info import BackupInfo
from planner.db.cipher import connect, looks_encrypted, open_file
from planner.db.engine import Database, create_planner_engine, target_key
from planner.db.errors import (
    CorruptDatabaseError,
    DamagedFileError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
)
from planner.db.files import (
    create_private_file,
    ensure_private_dir,
    held_while_writing,
    make_private,
    sqlite_companions,
)
from planner.db.location import DatabaseTarget, default_data_dir, sqlite_target
from planner.db.migrate import SchemaState, schema_state, upgrade_to_head
from planner.db.rotation import make_backup, newest_good_backup, remove_leftovers
from planner.db.server import (
    apply_server_policy,
    database_owner,
    detect_access,
    is_owner,
    policy_installed,
)
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message


def check_sqlite_file(path: Path) -> None:
    """Refuse *path* unless it starts with the SQLite header.

    An empty file or one without the header is damage (a truncated or overwritten database),
    never a new database: it is reported with the newest good backup beside it, and nothing
    initialises, migrates or backs it up. Only a path where nothing exists is created.
    """
    if path.is_dir():
        raise NotADatabaseError(
            QT_TRANSLATE_NOOP("Validation", "{path} is a folder, not a database file"),
            params={"path": str(path)},
        )
    try:
        header = read_header(path)
    except OSError as exc:
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "cannot read {path}: {reason}"),
            params={"path": str(path), "reason": exc.strerror or str(exc)},
        ) from exc
    if header == SQLITE_MAGIC:
        return
    if looks_encrypted(path):
        # An SQLCipher file: fine if the key opens it; a missing or wrong key is one line.
        open_file(path).close()
        return
    problem = (
        Message(QT_TRANSLATE_NOOP("Validation", "the file is empty"))
        if not header
        else Message(
            QT_TRANSLATE_NOOP(
                "Validation",
                "it does not start like a database: not an Exchange Visit Planner database, "
                "or overwritten",
            )
        )
    )
    raise DamagedFileError(path, problem, newest_good_backup(path))


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


#: A database being created is built under this suffix (plus the process id), then published.
CREATING_SUFFIX = ".creating-"


def _prepare_new_file(path: Path) -> Path:
    """Check *path*'s folder and create the private temporary file the database is built in."""
    if path.parent == default_data_dir():
        ensure_private_dir(path.parent)
    elif not path.parent.is_dir():
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "the folder {folder} does not exist"),
            params={"folder": str(path.parent)},
        )
    check_writable(path)
    tmp = path.with_name(f"{path.name}{CREATING_SUFFIX}{os.getpid()}")
    try:
        create_private_file(tmp)
    except OSError as exc:
        raise ReadOnlyError(
            QT_TRANSLATE_NOOP("Validation", "cannot create {path}: {reason}"),
            params={"path": str(path), "reason": exc.strerror or str(exc)},
        ) from exc
    return tmp


def _publish(tmp: Path, path: Path) -> None:
    # A hard link never replaces an existing file: if another process created the database
    # meanwhile, theirs is kept (and opened). File systems without hard links get a rename.
    try:
        os.link(tmp, path)
    except FileExistsError:
        return
    except OSError:
        if not path.exists():
            tmp.replace(path)


def _create_database(path: Path, *, encrypted: bool = False) -> None:
    """Create a migrated database at *path*, which appears complete or not at all.

    It is built under a temporary name and published in one step, so a kill or a failure
    half-way never leaves an empty file at *path* (which would then read as damage).
    """
    tmp = _prepare_new_file(path)
    try:
        with held_while_writing(tmp):
            tmp_target = sqlite_target(tmp, encrypted=encrypted)
            key = target_key(tmp_target)
            engine = create_planner_engine(tmp_target)
            try:
                _upgrade(engine, str(path), None)
            finally:
                engine.dispose()
            # Fold the WAL into the file: the published file must not need its journal.
            conn = connect(tmp, mode="rw", key=key)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                conn.close()
            _publish(tmp, path)
    finally:
        for companion in sqlite_companions(tmp):
            companion.unlink(missing_ok=True)


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


def _refuse_for_reading(state: SchemaState, where: str) -> None:
    # A command that only reads must not initialise or migrate: that is a write the user
    # did not ask for (and on a file that is not what they think, a harmful one).
    if state.is_empty:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{where} holds no Exchange Visit Planner data (an empty database); nothing "
                "was changed",
            ),
            params={"where": where},
        )
    if state.needs_upgrade:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{where} was written by an older version (schema {revision}); a command that "
                "only reads does not upgrade it: open it in the application or run a command "
                "that changes data (a backup is made first)",
            ),
            params={"where": where, "revision": state.revision or ""},
        )


def _open_server(target: DatabaseTarget, *, read_only: bool) -> Database:
    engine = create_planner_engine(target)
    try:
        state = schema_state(engine)
        with engine.connect() as conn:
            owner, access = is_owner(conn), detect_access(conn)
    except DBAPIError as exc:
        engine.dispose()
        # Drivers explain over several lines; the first says what went wrong.
        reason = str(exc.orig).strip().splitlines()[0] if str(exc.orig).strip() else exc
        raise StorageError(
            QT_TRANSLATE_NOOP("Validation", "cannot reach {where}: {reason}"),
            params={"where": target.display, "reason": str(reason)},
        ) from exc
    if read_only:
        try:
            _refuse_for_reading(state, target.display)
        except StorageError:
            engine.dispose()
            raise
    elif state.needs_upgrade:
        if not owner:
            engine.dispose()
            _refuse_migration(target, state)
        _upgrade(engine, target.display, None)
        with engine.connect() as conn:
            installed = policy_installed(conn)
        if installed:
            # New tables of the upgrade get the roles' privileges and triggers too.
            apply_server_policy(engine)
    db = Database(engine, target)
    db.restrict(access)
    return db


def _refuse_migration(target: DatabaseTarget, state: SchemaState) -> None:
    """Only the owner migrates a team database: say who is needed, change nothing."""
    engine = create_planner_engine(target)
    try:
        with engine.connect() as conn:
            owner = database_owner(conn)
    finally:
        engine.dispose()
    raise StorageError(
        QT_TRANSLATE_NOOP(
            "Validation",
            "{where} needs its schema created or upgraded (from {revision} to {head}), which "
            "only the database owner {owner} may do: ask your IT department to run "
            "'planner server init' as {owner}; nothing was changed",
        ),
        params={
            "where": target.display,
            "revision": state.revision or "none",
            "head": state.head,
            "owner": owner,
        },
    )


def open_database(
    target: DatabaseTarget, *, create: bool = False, read_only: bool = False
) -> Database:
    """Open *target* for use, creating it if *create*, migrating it to the current schema.

    A file that is not ours, is damaged (empty or headerless included), or was written by a
    newer version is refused untouched. An existing file is backed up (and the backup
    verified) before any migration. *read_only*: for commands that only read, which never
    create, initialise or migrate anything and refuse a file that would need it.
    """
    if target.path is None:
        return _open_server(target, read_only=read_only)

    path = target.path
    state: SchemaState
    backup: BackupInfo | None = None
    remove_leftovers(path)
    if path.exists():
        check_sqlite_file(path)
        # An encrypted database asked for and a plain file found: refused, never used plain.
        target_key(target)
        check_writable(path)
        check_integrity(path)
        state = inspect_file(target)
        if read_only:
            _refuse_for_reading(state, str(path))
        if state.needs_upgrade and not state.is_empty:
            backup = _backup_before_upgrade(path, state)
    elif create and not read_only:
        _create_database(path, encrypted=target.encrypted)
        state = inspect_file(target)
    else:
        raise StorageError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "there is no database at {path}; create one with 'planner demo --db {path}'",
            ),
            params={"path": str(path)},
        )
    engine = create_planner_engine(target)
    if state.needs_upgrade:
        _upgrade(engine, str(path), backup)
    for companion in sqlite_companions(path):
        make_private(companion)
    return Database(engine, target)
