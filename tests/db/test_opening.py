"""Opening, creating and migrating databases; storage rules; refusal of foreign files."""

from __future__ import annotations

import hashlib
import sqlite3
import stat
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from planner import __version__
from planner.db.errors import NewerSchemaError, NotADatabaseError, StorageError
from planner.db.location import sqlite_target
from planner.db.migrate import head_revision
from planner.db.models import Base
from planner.db.opening import inspect_file, open_database


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_file_is_migrated_to_head_and_matches_the_models(db_path: Path) -> None:
    db = open_database(sqlite_target(db_path), create=True)
    try:
        with db.engine.connect() as conn:
            context = MigrationContext.configure(conn)
            assert context.get_current_revision() == head_revision()
            assert compare_metadata(context, Base.metadata) == []
    finally:
        db.close()
    assert inspect_file(sqlite_target(db_path)).written_by == __version__


def test_new_file_is_private(db_path: Path) -> None:
    open_database(sqlite_target(db_path), create=True).close()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_default_data_folder_is_created_private(tmp_path: Path) -> None:
    from planner.db.location import resolve_target

    target = resolve_target(None)
    assert target.path is not None and str(target.path).startswith(str(tmp_path.parent))
    open_database(target, create=True).close()
    assert stat.S_IMODE(target.path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(target.path.stat().st_mode) == 0o600


def test_connection_pragmas(db_path: Path) -> None:
    db = open_database(sqlite_target(db_path), create=True)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
            assert conn.execute(text("PRAGMA secure_delete")).scalar() == 1
            assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000
    finally:
        db.close()


def test_writes_begin_immediate_and_take_the_write_lock(db_path: Path) -> None:
    db = open_database(sqlite_target(db_path), create=True)
    try:
        with db.write() as session:
            session.execute(text("SELECT 1"))
            # While our write transaction is open, another writer cannot start one.
            other = sqlite3.connect(db_path, timeout=0.05, isolation_level=None)
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
            other.close()
    finally:
        db.close()


def test_missing_file_is_not_created_unless_asked(db_path: Path) -> None:
    with pytest.raises(StorageError, match="no database"):
        open_database(sqlite_target(db_path))
    assert not db_path.exists()


def test_junk_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    junk = tmp_path / "notes.sqlite3"
    junk.write_bytes(b"These are my notes, not a database.\n" * 50)
    before = _digest(junk)
    with pytest.raises(NotADatabaseError):
        open_database(sqlite_target(junk), create=True)
    assert _digest(junk) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.sqlite3"]


def test_foreign_sqlite_database_is_refused_untouched(tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    before = _digest(other)
    with pytest.raises(NotADatabaseError, match="not an Exchange Visit Planner"):
        open_database(sqlite_target(other))
    assert _digest(other) == before


def test_database_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    open_database(sqlite_target(db_path), create=True).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.execute("UPDATE planner_meta SET value = '7.2.0' WHERE key = 'app_version'")
    conn.close()
    before = _digest(db_path)
    with pytest.raises(NewerSchemaError) as info:
        open_database(sqlite_target(db_path))
    assert "7.2.0" in str(info.value) and "9999" in str(info.value)
    assert _digest(db_path) == before


def test_reopening_an_up_to_date_file_writes_no_backup(db_path: Path) -> None:
    open_database(sqlite_target(db_path), create=True).close()
    open_database(sqlite_target(db_path)).close()
    assert not list(db_path.parent.glob("*.bak"))


def test_the_head_constant_is_alembics_head() -> None:
    # Opening compares with the constant so that an up-to-date file never imports Alembic.
    from planner.db import migrate

    assert head_revision() == migrate.HEAD_REVISION
    assert migrate.HEAD_REVISION in migrate.known_revisions()
