"""Engine and session setup with the storage rules of DESIGN.md.

SQLite runs in WAL mode with foreign keys, a busy timeout and secure delete; every write
transaction starts with ``BEGIN IMMEDIATE`` so two writers queue instead of failing half-way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import ConnectionPoolEntry

from planner.db.cipher import (
    SQLITE_MAGIC,
    NotEncryptedError,
    connect,
    dbapi_module,
    ensure_key,
    file_key,
    header_of,
)
from planner.db.errors import StorageError, environment_error
from planner.db.location import DatabaseTarget, check_driver_installed
from planner.db.server import FULL_ACCESS, Access, hide_sensitive
from planner.domain.errors import ConflictError
from planner.domain.i18n import QT_TRANSLATE_NOOP

BUSY_TIMEOUT_MS = 10_000
_BEGIN_OPTION = "planner_sqlite_begin"


def _sqlite_on_connect(read_only: bool) -> Any:
    def on_connect(dbapi_conn: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        # Hand transaction control to SQLAlchemy's "begin" event below.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        try:
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                cursor.execute("PRAGMA secure_delete = ON")
                cursor.execute("PRAGMA journal_mode = WAL")
                # FULL: a committed visit survives a power cut, not only a crash.
                cursor.execute("PRAGMA synchronous = FULL")
        finally:
            cursor.close()

    return on_connect


def _sqlite_on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get(_BEGIN_OPTION, "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def target_key(target: DatabaseTarget) -> str | None:
    """The key *target*'s file needs: None for a plain file, the database key for an
    encrypted one, and for a new file asked for encrypted, the key (made if there is none).

    A plain file where an encrypted one was asked for (``sqlite+pysqlcipher``) is refused,
    never used as it is.
    """
    assert target.path is not None
    header, size = header_of(target.path)
    if size == 0:
        return ensure_key() if target.encrypted else None
    key = file_key(target.path)
    if key is None and target.encrypted and header == SQLITE_MAGIC:
        raise NotEncryptedError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{path} is not encrypted although an encrypted database was asked for; "
                "encrypt it first with 'planner encrypt --db {path}'",
            ),
            params={"path": str(target.path)},
        )
    return key


def create_planner_engine(target: DatabaseTarget, *, read_only: bool = False) -> Engine:
    """An engine for *target*; for SQLite files, with the pragmas and begin handling.

    An encrypted file gets SQLCipher's driver (the same dialect, another DB-API module), each
    connection keyed before its first statement.
    """
    if target.path is None:
        from planner.db.credentials import check_transport, with_credentials

        check_driver_installed(target.url)
        check_transport(target.url)
        # The keychain's password, when the URL has none (libpq falls back to ~/.pgpass).
        return create_engine(with_credentials(target.url), pool_pre_ping=True)
    key = target_key(target)
    if key is not None:
        path, mode = target.path, "ro" if read_only else "rwc"
        engine = create_engine(
            target.url,
            module=dbapi_module(),
            creator=lambda: connect(path, mode=mode, key=key, check_same_thread=False),
        )
    elif read_only:
        # The URI is quoted by sqlite_uri; a creator keeps SQLAlchemy from parsing it again.
        path = target.path
        engine = create_engine(
            target.url, creator=lambda: connect(path, mode="ro", check_same_thread=False)
        )
    else:
        engine = create_engine(target.url)
    event.listen(engine, "connect", _sqlite_on_connect(read_only))
    event.listen(engine, "begin", _sqlite_on_begin)
    return engine


def write_engine(engine: Engine) -> Engine:
    """The same engine with write transactions started as ``BEGIN IMMEDIATE``."""
    return engine.execution_options(**{_BEGIN_OPTION: "IMMEDIATE"})


class Database:
    """An open database: hands out sessions for reading and for writing."""

    def __init__(self, engine: Engine, target: DatabaseTarget) -> None:
        self.engine = engine
        self.target = target
        self._readers = sessionmaker(engine, expire_on_commit=False)
        self._writers = sessionmaker(write_engine(engine), expire_on_commit=False)
        #: What the login may do (a team server's role); an SQLite file allows everything.
        self.access: Access = FULL_ACCESS

    def restrict(self, access: Access) -> None:
        """Record *access*; a login that may not read sensitive fields never queries them."""
        self.access = access
        if not access.read_sensitive:
            hide_sensitive(self._readers)
            hide_sensitive(self._writers)

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries; nothing it does is committed.

        A read the environment refuses is reported as a :class:`StorageError`, as for writes.
        """
        try:
            with self._readers() as session:
                try:
                    yield session
                finally:
                    session.rollback()
        except DBAPIError as exc:
            translated = environment_error(exc, self.target.display, path=self.target.path)
            if translated is None:
                raise
            raise translated from exc

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session whose work commits as one transaction, or not at all.

        A write the environment refuses (full, read-only, busy, damaged: see
        :func:`~planner.db.errors.classify`) is rolled back and reported as a
        :class:`StorageError` the user can act on, instead of a driver error. A versioned
        write that matched no row (another transaction changed or deleted the record since it
        was read) is rolled back and reported as a :class:`ConflictError`, never as
        SQLAlchemy's ``StaleDataError``; services that know which record it was say so first.
        """
        try:
            with self._writers() as session, session.begin():
                yield session
        except StaleDataError as exc:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "a record was changed by someone else while you saved: "
                    "reload it and make your change again",
                )
            ) from exc
        except DBAPIError as exc:
            translated = storage_failure(exc, self.target)
            if translated is None:
                raise
            raise translated from exc

    def close(self) -> None:
        """Release every connection."""
        self.engine.dispose()


def storage_failure(exc: BaseException, target: DatabaseTarget) -> StorageError | None:
    """The user's view of a failed write, or None when it is not the environment's fault."""
    return environment_error(exc, target.display, writing=True, path=target.path)
