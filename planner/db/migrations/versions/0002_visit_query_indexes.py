"""Indexes for the hot visit queries at 100,000 visits (performance issue #8).

Departures by date and the latest departure use ``ix_visits_departure_date``; the dashboard's
status sections use ``(status, arrival_date)`` and ``(status, departure_date)``, which replace
the status-only index (their leading column serves its queries).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 02:35:00
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_visits_status"))
        batch_op.create_index(
            batch_op.f("ix_visits_departure_date"), ["departure_date"], unique=False
        )
        batch_op.create_index("ix_visits_status_arrival", ["status", "arrival_date"], unique=False)
        batch_op.create_index(
            "ix_visits_status_departure", ["status", "departure_date"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("visits", schema=None) as batch_op:
        batch_op.drop_index("ix_visits_status_departure")
        batch_op.drop_index("ix_visits_status_arrival")
        batch_op.drop_index(batch_op.f("ix_visits_departure_date"))
        batch_op.create_index(batch_op.f("ix_visits_status"), ["status"], unique=False)
