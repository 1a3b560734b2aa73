"""One classifier for storage errors: by SQLite result code and PostgreSQL SQLSTATE, never text.

Each environment problem is produced for real where SQLite can be made to produce it (a
read-only file, a file that is not a database, a held write lock, a damaged page, a size
limit); the rest are built with the codes the drivers set. Anything else is a bug (None).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg.errors
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

import planner.db.engine as engine_module
from planner.cli import main
from planner.db.backup import integrity_problems
from planner.db.engine import Database, create_planner_engine
from planner.db.errors import (
    DiskFullError,
    NotADatabaseError,
    ReadOnlyError,
    StorageError,
    StorageProblem,
    classify,
    environment_error,
    storage_error,
)
from planner.db.location import sqlite_target
from tests.db.helpers import corrupt_table_page, make_database


def _sqlite_error(action: Callable[[], object]) -> sqlite3.Error:
    with pytest.raises(sqlite3.Error) as info:
        action()
    return info.value


@pytest.fixture
def small_db(tmp_path: Path) -> Path:
    path = tmp_path / "small.sqlite3"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t (a INTEGER PRIMARY KEY, b TEXT NOT NULL)")
        conn.executemany("INSERT INTO t (b) VALUES (?)", [("x" * 200,)] * 200)
    conn.close()
    return path


@pytest.fixture
def write_lock(small_db: Path) -> Iterator[Path]:
    """*small_db* in WAL mode with another connection holding its write lock."""
    holder = sqlite3.connect(small_db, isolation_level=None)
    holder.execute("PRAGMA journal_mode = WAL")
    holder.execute("BEGIN IMMEDIATE")
    try:
        yield small_db
    finally:
        holder.rollback()
        holder.close()


def test_a_read_only_file(small_db: Path) -> None:
    conn = sqlite3.connect(f"file:{small_db}?mode=ro", uri=True)
    error = _sqlite_error(lambda: conn.execute("INSERT INTO t (b) VALUES ('y')"))
    conn.close()
    assert classify(error) is StorageProblem.READ_ONLY
    assert isinstance(environment_error(error, "here"), ReadOnlyError)


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"these are my notes, not a database\n" * 200)
    conn = sqlite3.connect(path)
    error = _sqlite_error(lambda: conn.execute("SELECT * FROM sqlite_master").fetchall())
    conn.close()
    assert classify(error) is StorageProblem.NOT_A_DATABASE
    assert isinstance(environment_error(error, "here"), NotADatabaseError)


def test_a_held_write_lock_with_a_short_busy_timeout(write_lock: Path) -> None:
    conn = sqlite3.connect(write_lock, timeout=0.05, isolation_level=None)
    error = _sqlite_error(lambda: conn.execute("BEGIN IMMEDIATE"))
    conn.close()
    assert classify(error) is StorageProblem.BUSY


def test_a_table_locked_by_a_pending_read_in_the_same_connection() -> None:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (a)")
    conn.executemany("INSERT INTO t VALUES (?)", [(1,), (2,)])
    pending = conn.execute("SELECT a FROM t")
    pending.fetchone()
    error = _sqlite_error(lambda: conn.execute("DROP TABLE t"))
    conn.close()
    assert classify(error) is StorageProblem.LOCKED


def test_a_full_database(small_db: Path) -> None:
    conn = sqlite3.connect(small_db, isolation_level=None)
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages}")
    error = _sqlite_error(
        lambda: conn.executemany("INSERT INTO t (b) VALUES (?)", [("z" * 4000,)] * 50)
    )
    conn.close()
    assert classify(error) is StorageProblem.FULL
    assert isinstance(environment_error(error, "here"), DiskFullError)


def test_a_damaged_page(small_db: Path) -> None:
    corrupt_table_page(small_db, "t")
    conn = sqlite3.connect(small_db)
    error = _sqlite_error(lambda: conn.execute("SELECT count(*), max(b) FROM t").fetchall())
    conn.close()
    assert classify(error) is StorageProblem.CORRUPT


def test_a_file_that_cannot_be_opened(tmp_path: Path) -> None:
    error = _sqlite_error(lambda: sqlite3.connect(tmp_path / "no such folder" / "x.sqlite3"))
    assert classify(error) is StorageProblem.CANNOT_OPEN


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (10, StorageProblem.IO),  # SQLITE_IOERR
        (10 | (4 << 8), StorageProblem.IO),  # SQLITE_IOERR_SHORT_READ: extended codes count
        (11, StorageProblem.CORRUPT),
        (13, StorageProblem.FULL),
        (3, StorageProblem.READ_ONLY),  # SQLITE_PERM
        (1, None),  # SQLITE_ERROR: SQL the program got wrong
        (19, None),  # SQLITE_CONSTRAINT: a rule the program should have checked
    ],
)
def test_sqlite_codes_through_sqlalchemy(code: int, expected: StorageProblem | None) -> None:
    orig = sqlite3.OperationalError("words that do not matter")
    orig.sqlite_errorcode = code
    assert classify(OperationalError("UPDATE", {}, orig)) is expected


@pytest.mark.parametrize(
    ("sqlstate", "expected"),
    [
        ("53100", StorageProblem.FULL),
        ("57P03", StorageProblem.CANNOT_OPEN),
        ("08006", StorageProblem.CANNOT_OPEN),
        ("08001", StorageProblem.CANNOT_OPEN),
        ("28P01", StorageProblem.CANNOT_OPEN),
        ("25006", StorageProblem.READ_ONLY),
        ("40P01", StorageProblem.LOCKED),
        ("55P03", StorageProblem.LOCKED),
        ("58030", StorageProblem.IO),
        ("XX001", StorageProblem.CORRUPT),
        ("23505", None),  # unique_violation: a bug, not the environment
        ("42601", None),  # syntax_error
    ],
)
def test_postgresql_sqlstates(sqlstate: str, expected: StorageProblem | None) -> None:
    orig = psycopg.errors.lookup(sqlstate)("the server's words")
    assert orig.sqlstate == sqlstate
    wrapper = IntegrityError if sqlstate.startswith("23") else OperationalError
    assert classify(wrapper("INSERT", {}, orig)) is expected
    assert classify(orig) is expected


def test_a_postgresql_server_that_never_answered() -> None:
    assert classify(psycopg.OperationalError("connection refused")) is StorageProblem.CANNOT_OPEN


def test_messages_are_never_read() -> None:
    # The words of a busy error without its code are not enough: the code decides.
    assert classify(OperationalError("BEGIN", {}, Exception("database is locked"))) is None
    assert classify(ValueError("disk is full")) is None


def test_bugs_are_not_classified(tmp_path: Path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE t (a INTEGER PRIMARY KEY)"))
        conn.execute(text("INSERT INTO t VALUES (1)"))
    with pytest.raises(IntegrityError) as duplicate, engine.begin() as conn:
        conn.execute(text("INSERT INTO t VALUES (1)"))
    with pytest.raises(OperationalError) as typo, engine.begin() as conn:
        conn.execute(text("SELEKT 1"))
    engine.dispose()
    assert classify(duplicate.value) is None and classify(typo.value) is None
    assert not isinstance(duplicate.value, ProgrammingError)


def test_every_problem_has_a_one_line_message_naming_the_place() -> None:
    for problem in StorageProblem:
        for writing in (False, True):
            error = storage_error(problem, "/data/planner.sqlite3", writing=writing)
            assert isinstance(error, StorageError) and error.kind is problem
            assert "/data/planner.sqlite3" in str(error) and "\n" not in str(error)
            assert error.params == {"where": "/data/planner.sqlite3"}


def test_the_engine_reports_a_busy_database_without_the_driver_error(
    write_lock: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    target = sqlite_target(write_lock)
    db = Database(create_planner_engine(target), target)
    try:
        with pytest.raises(StorageError) as info, db.write() as session:
            session.execute(text("INSERT INTO t (b) VALUES ('y')"))
        with db.read() as session:  # readers are not blocked by a writer in WAL mode
            assert session.scalar(text("SELECT count(*) FROM t")) == 200
    finally:
        db.close()
    assert info.value.kind is StorageProblem.BUSY
    assert str(info.value) == (
        f"the database is busy in another program ({write_lock}); the change was not saved, "
        "try again in a moment"
    )


def test_the_engine_reports_a_damaged_table_on_reading(small_db: Path) -> None:
    corrupt_table_page(small_db, "t")
    target = sqlite_target(small_db)
    db = Database(create_planner_engine(target, read_only=True), target)
    try:
        with pytest.raises(StorageError) as info, db.read() as session:
            session.execute(text("SELECT count(*), max(b) FROM t")).all()
    finally:
        db.close()
    assert info.value.kind is StorageProblem.CORRUPT and "damaged" in str(info.value)


def test_the_command_line_exits_1_with_one_line_when_the_database_is_busy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = make_database(tmp_path / "planner.sqlite3")
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 50)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code = main(["visits", "set-status", "V-2027-0001", "proposed", "--db", str(db)])
    finally:
        holder.rollback()
        holder.close()
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "busy in another program" in err and str(db) in err
    assert "Traceback" not in err


def test_a_damage_report_with_bytes_that_are_not_utf8(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "planner.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("CREATE TABLE t (a, b)")
    conn.executemany("INSERT INTO t VALUES (?, ?)", [(n, -n) for n in range(5)])
    conn.execute("CREATE INDEX ix ON t (a)")
    # The index now claims another column under a name that is not UTF-8: the check reports
    # rows missing from it, quoting the name's raw bytes.
    conn.execute("PRAGMA writable_schema = ON")
    sql = b'CREATE INDEX "i\xff" ON t (b)'.hex()
    conn.execute(
        f"UPDATE sqlite_master SET name = CAST(X'69FF' AS TEXT), sql = CAST(X'{sql}' AS TEXT) "
        "WHERE name = 'ix'"
    )
    conn.close()
    problems = integrity_problems(path, quick=False)
    assert problems and "missing from index" in problems[0]
    assert main(["check", "--db", str(path)]) == 1
    err = capsys.readouterr().err
    assert "damaged" in err and err.count("\n") == 1
