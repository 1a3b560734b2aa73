"""Hybrid and online events, recurring series and participating sites (issue #21).

Events gain a mode, a meeting link and dial-in details, and a recurrence (frequency with a
last date or a count); participants gain their attendance (in the room or remote). Two new
tables hold each event's participating sites with their working hours, and the occurrences of
a series that were cancelled or moved. Plain ADD COLUMN with constant defaults and CREATE
TABLE only: nothing is rebuilt, so a populated SQLite file with foreign keys on upgrades.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 00:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


#: The enum columns added, with their values: VARCHAR(32) like the models' non-native enums.
ENUMS = {
    ("events", "mode"): ("event_mode", ("in_person", "hybrid", "online")),
    ("events", "frequency"): ("event_frequency", ("none", "weekly", "biweekly", "monthly")),
    ("event_participants", "attendance"): ("attendance", ("room", "remote")),
}


def _enum(table: str, column: str, default: str) -> None:
    op.add_column(table, sa.Column(column, sa.String(length=32), server_default=default,
                                   nullable=False))  # fmt: skip
    # SQLite cannot add a CHECK to an existing table without rebuilding it (which foreign
    # keys forbid on a file in use); the domain's enums guard those values there.
    if op.get_bind().dialect.name == "postgresql":
        name, values = ENUMS[(table, column)]
        allowed = ", ".join(f"'{v}'" for v in values)
        op.create_check_constraint(op.f(f"ck_{table}_{name}"), table, f"{column} IN ({allowed})")


def upgrade() -> None:
    _enum("events", "mode", "in_person")
    op.add_column(
        "events",
        sa.Column("meeting_link", sa.String(length=1000), server_default="", nullable=False),
    )
    op.add_column(
        "events", sa.Column("dial_in", sa.String(length=1000), server_default="", nullable=False)
    )
    _enum("events", "frequency", "none")
    op.add_column("events", sa.Column("repeat_until", sa.Date(), nullable=True))
    op.add_column("events", sa.Column("repeat_count", sa.Integer(), nullable=True))
    _enum("event_participants", "attendance", "room")
    op.create_table(
        "event_sites",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("institution_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("hours", sa.String(length=60), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"],
                                name=op.f("fk_event_sites_event_id_events"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["institution_id"], ["institutions.id"],
                                name=op.f("fk_event_sites_institution_id_institutions"),
                                ondelete="RESTRICT"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_sites")),
        sa.UniqueConstraint("event_id", "institution_id", name=op.f("uq_event_sites_event_id")),
    )  # fmt: skip
    op.create_index(op.f("ix_event_sites_event_id"), "event_sites", ["event_id"])
    op.create_index(op.f("ix_event_sites_institution_id"), "event_sites", ["institution_id"])
    op.create_table(
        "event_occurrence_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("original_date", sa.Date(), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False),
        sa.Column("start_utc", sa.DateTime(), nullable=True),
        sa.Column("end_utc", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"],
                                name=op.f("fk_event_occurrence_changes_event_id_events"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_occurrence_changes")),
        sa.UniqueConstraint("event_id", "original_date",
                            name=op.f("uq_event_occurrence_changes_event_id")),
    )  # fmt: skip
    op.create_index(
        op.f("ix_event_occurrence_changes_event_id"), "event_occurrence_changes", ["event_id"]
    )


def downgrade() -> None:
    op.drop_table("event_occurrence_changes")
    op.drop_table("event_sites")
    # DROP COLUMN in place (SQLite 3.35 and later, PostgreSQL): no rebuild of tables that
    # other rows refer to; PostgreSQL drops the columns' CHECK constraints with them.
    for table, column in (
        ("event_participants", "attendance"), ("events", "repeat_count"),
        ("events", "repeat_until"), ("events", "frequency"), ("events", "dial_in"),
        ("events", "meeting_link"), ("events", "mode"),
    ):  # fmt: skip
        op.execute(sa.text(f"ALTER TABLE {table} DROP COLUMN {column}"))
