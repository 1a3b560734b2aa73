"""Upgrades: a verified backup first, in backups/; a failing migration leaves the file intact."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import planner.db.migrate as migrate
from planner.db.errors import StorageError
from planner.db.location import sqlite_target
from planner.db.opening import inspect_file, open_database
from planner.db.rotation import list_backups
from tests.db.helpers import digest, make_database

#: The package's newest revision, which the test revisions follow.
HEAD = migrate.head_revision()

GOOD_0002 = '''
"""Add a column."""
import sqlalchemy as sa
from alembic import op

revision = "9002"
down_revision = "{head}"


def upgrade() -> None:
    op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))
'''

BROKEN_0002 = '''
"""Half-way through, a statement fails."""
import sqlalchemy as sa
from alembic import op

revision = "9002"
down_revision = "{head}"


def upgrade() -> None:
    op.create_table("scratch", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE visits SET internal_notes = 'migrated'")
    op.execute("DELETE FROM people")
    op.execute("INSERT INTO table_that_does_not_exist VALUES (1)")
'''


def _migrations_with(tmp_path: Path, second: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the application at a copy of its migrations plus one more revision."""
    folder = tmp_path / "migrations"
    shutil.copytree(migrate._MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    # The test revision follows whatever the package's newest revision is.
    text = second.replace("{head}", migrate.head_revision())
    (folder / "versions" / "9002_test.py").write_text(text, encoding="utf-8")
    monkeypatch.setattr(migrate, "_MIGRATIONS", folder)
    monkeypatch.setattr(migrate, "HEAD_REVISION", "9002")


def _revision(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        revision = str(conn.execute("SELECT version_num FROM alembic_version").fetchone()[0])
    conn.close()
    return revision


def test_upgrade_backs_up_first_into_the_backups_folder(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    before = digest(db_path)
    _migrations_with(tmp_path, GOOD_0002, monkeypatch)
    open_database(sqlite_target(db_path)).close()
    assert _revision(db_path) == "9002"
    [backup] = list_backups(db_path)
    assert backup.reason == f"before-upgrade-{HEAD}"
    assert backup.path.parent == db_path.parent / "backups"
    assert _revision(backup.path) == HEAD
    with sqlite3.connect(backup.path) as conn:
        assert conn.execute("SELECT count(*) FROM visits").fetchone()[0] == 2
    conn.close()
    assert before != digest(db_path)


def test_a_failing_migration_leaves_the_file_byte_identical(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_database(db_path)
    before = digest(db_path)
    _migrations_with(tmp_path, BROKEN_0002, monkeypatch)
    with pytest.raises(StorageError) as info:
        open_database(sqlite_target(db_path))
    message = str(info.value)
    assert "could not upgrade" in message and "left unchanged" in message
    assert "\n" not in message
    assert digest(db_path) == before
    assert _revision(db_path) == HEAD
    with sqlite3.connect(db_path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        assert "scratch" not in tables
        assert conn.execute("SELECT count(*) FROM people").fetchone()[0] == 2
        notes = {r[0] for r in conn.execute("SELECT internal_notes FROM visits")}
    conn.close()
    assert "migrated" not in notes
    # The backup taken before the attempt is there, and the file still opens at HEAD.
    assert [b.reason for b in list_backups(db_path)] == [f"before-upgrade-{HEAD}"]
    monkeypatch.undo()
    assert inspect_file(sqlite_target(db_path)).revision == HEAD
