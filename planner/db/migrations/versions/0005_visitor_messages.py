"""Reaching the visitor (issue 18): e-mail drafts sent, audit action ``send``, Japanese fields.

- ``visitor_messages``: one row per e-mail draft written for a visitor (the itinerary or a
  paperwork request): to whom, when, in which language, which itinerary revision, and the
  itinerary as sent (JSON), so the next draft can mark what changed since.
- The audit action ``send`` (the visit's History tab lists each draft). The action column is a
  VARCHAR with a CHECK constraint; ``audit_entries`` is referenced by no other table, so its
  batch rebuild on SQLite is safe on a database in use (as in 0003).
- ``visits.visitor_notes_ja`` and ``itinerary_items.visitor_details_ja``: the visitor's text
  in Japanese, used by Japanese and bilingual exports. Plain ADD COLUMN with a constant
  default: no rebuild of tables other rows refer to.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07 00:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_OLD = ("create", "update", "delete", "status", "import", "reveal", "export")
_NEW = (*_OLD, "send")


def _replace_check(values: tuple[str, ...]) -> None:
    with op.batch_alter_table("audit_entries", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("ck_audit_entries_action"), type_="check")
        batch_op.create_check_constraint(
            batch_op.f("ck_audit_entries_action"), sa.column("action").in_(values)
        )


def upgrade() -> None:
    op.add_column(
        "visits",
        sa.Column("visitor_notes_ja", sa.Text(), server_default=sa.text("''"), nullable=False),
    )
    op.add_column(
        "itinerary_items",
        sa.Column("visitor_details_ja", sa.Text(), server_default=sa.text("''"), nullable=False),
    )
    op.create_table(
        "visitor_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("recipient", sa.String(length=320), nullable=False),
        sa.Column("lang", sa.String(length=16), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("sent_utc", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"],
            ["visits.id"],
            name=op.f("fk_visitor_messages_visit_id_visits"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_visitor_messages")),
    )
    op.create_index(
        op.f("ix_visitor_messages_visit_id"), "visitor_messages", ["visit_id"], unique=False
    )
    _replace_check(_NEW)


def downgrade() -> None:
    op.execute(sa.text("DELETE FROM audit_entries WHERE action = 'send'"))
    _replace_check(_OLD)
    op.drop_index(op.f("ix_visitor_messages_visit_id"), table_name="visitor_messages")
    op.drop_table("visitor_messages")
    # DROP COLUMN in place (SQLite 3.35 and later, PostgreSQL): no rebuild.
    op.execute(sa.text("ALTER TABLE itinerary_items DROP COLUMN visitor_details_ja"))
    op.execute(sa.text("ALTER TABLE visits DROP COLUMN visitor_notes_ja"))
