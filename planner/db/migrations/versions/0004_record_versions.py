"""A version column on every record a coordinator edits (optimistic locking, issue #14).

Visits had one since the first schema; people, institutions, programs, projects, events and
their participants, itinerary items, paperwork items, agreements and material transfers get
theirs here. Existing rows start at version 1 (the column's server default, which also fills
rows written by bulk inserts).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-06 22:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: The tables that gain a version, in schema order.
TABLES = (
    "institutions",
    "people",
    "programs",
    "projects",
    "itinerary_items",
    "events",
    "event_participants",
    "paperwork_items",
    "agreements",
    "material_transfers",
)


def upgrade() -> None:
    for table in TABLES:
        # A plain ADD COLUMN with a constant default fills every existing row on SQLite and
        # PostgreSQL alike without rebuilding the table. A batch rebuild would drop and
        # re-create tables that other rows refer to, which SQLite refuses with foreign keys on
        # ("FOREIGN KEY constraint failed" on any database holding visits).
        op.add_column(
            table, sa.Column("version", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )


def downgrade() -> None:
    for table in reversed(TABLES):
        # DROP COLUMN in place (SQLite 3.35 and later, PostgreSQL): no rebuild, for the same
        # reason as above.
        op.execute(sa.text(f"ALTER TABLE {table} DROP COLUMN version"))
