"""Migration 0003: existing audit entries survive; the new actions are accepted; downgrade."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from planner.db.location import sqlite_target
from planner.db.migrate import alembic_config

INSERT = text(
    "INSERT INTO audit_entries (at_utc, actor, entity, entity_id, action, changes, reason) "
    "VALUES ('2026-01-01 00:00:00', 'alice', 'person', 1, :action, '{}', '')"
)


def test_upgrade_keeps_entries_and_accepts_reveal_and_export(db_path: Path) -> None:
    engine = create_engine(sqlite_target(db_path).url)
    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0002")
            conn.execute(INSERT, {"action": "update"})
        with engine.begin() as conn, pytest.raises(IntegrityError):
            conn.execute(INSERT, {"action": "reveal"})  # the old constraint refuses it
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "0003")
            for action in ("reveal", "export"):
                conn.execute(INSERT, {"action": action})
        with engine.begin() as conn, pytest.raises(IntegrityError):
            conn.execute(INSERT, {"action": "peek"})  # still a closed list
        with engine.connect() as conn:
            actions = conn.execute(text("SELECT action FROM audit_entries ORDER BY id"))
            assert [a for (a,) in actions] == ["update", "reveal", "export"]
        with engine.begin() as conn:
            command.downgrade(alembic_config(conn), "0002")
        with engine.connect() as conn:
            actions = conn.execute(text("SELECT action FROM audit_entries ORDER BY id"))
            assert [a for (a,) in actions] == ["update"]
    finally:
        engine.dispose()
