"""Audit actions ``reveal`` and ``export``: sensitive fields shown on screen or exported.

The action column is a VARCHAR with a CHECK constraint over the enum's values, so the
constraint is replaced (SQLite copies the table in batch mode; PostgreSQL alters it in
place). Existing entries keep their values; a downgrade deletes the new kinds of entry
first, as the old constraint cannot hold them.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-06 22:55:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_OLD = ("create", "update", "delete", "status", "import")
_NEW = (*_OLD, "reveal", "export")


def _replace_check(values: tuple[str, ...]) -> None:
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_entries_action"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_audit_entries_action"), sa.column("action").in_(values)
        )


def upgrade() -> None:
    _replace_check(_NEW)


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM audit_entries WHERE action IN ('reveal', 'export')"))
    _replace_check(_OLD)
