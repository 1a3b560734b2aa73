"""Upgrading a database that holds records: every migration must work on a file in use.

A migration that rebuilds a table (Alembic's batch mode on SQLite) drops and re-creates it;
with foreign keys on, SQLite refuses to drop a table other rows refer to. Tests that migrate
only empty files never see that, so this one moves a populated database down to the oldest
schema a coordinator may still have and opens it with the current version.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

from planner.db.location import sqlite_target
from planner.db.migrate import HEAD_REVISION, alembic_config
from planner.services.container import Services
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample

#: The schema the previous release wrote (before per-record versions and the new audit
#: actions).
OLDEST_IN_USE = "0002"
COUNTED = ("institutions", "people", "visits", "paperwork_items", "audit_entries")


def _engine(path: Path) -> Engine:
    engine = create_engine(sqlite_target(path).url)

    @event.listens_for(engine, "connect")
    def _foreign_keys(dbapi_connection: object, _record: object) -> None:
        dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[attr-defined]

    return engine


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in COUNTED}


def test_a_populated_database_upgrades_to_the_current_schema(tmp_path: Path) -> None:
    path = tmp_path / "in-use.sqlite3"
    services = open_migrated(path)
    sample = make_sample(services)
    services.close()
    engine = _engine(path)
    try:
        before = _counts(engine)
        assert before["visits"] == 2 and before["paperwork_items"] > 0
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), OLDEST_IN_USE)
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == (
                OLDEST_IN_USE
            )
    finally:
        engine.dispose()

    # The application's own opening path: verified backup, then every migration to head.
    reopened = Services.open(sqlite_target(path))
    try:
        assert sample.visit_in.id is not None
        visit = reopened.visits.get(sample.visit_in.id)
        assert visit.code == sample.visit_in.code
        people = reopened.people.list()
        assert {p.version for p in people} == {1}, "existing rows start at version 1"
    finally:
        reopened.close()
    engine = _engine(path)
    try:
        assert _counts(engine) == before
        with engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == (
                HEAD_REVISION
            )
    finally:
        engine.dispose()
