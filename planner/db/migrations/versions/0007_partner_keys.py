"""Trusted partner keys and the origin of records received in exchange packages (issue #15).

``partner_keys`` holds, per partner institution, the public keys this installation trusts
(trust on first use survives restarts and reinstalls of the program, not of the database).
``exchange_links`` says which partner a visit or itinerary item received in a package came
from: a later package may update only what its own sender sent, never a local record.
Both are new tables: nothing existing is rebuilt, so the upgrade runs on a file in use.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 00:50:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_keys",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("institution", sa.String(200), nullable=False),
        sa.Column("institution_key", sa.String(200), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("signing_key", sa.String(64), nullable=False),
        sa.Column("encryption_key", sa.String(64), nullable=False, server_default=""),
        sa.Column("source", sa.String(20), nullable=False, server_default=""),
        sa.Column("trusted_utc", sa.String(32), nullable=False, server_default=""),
        sa.UniqueConstraint("institution_key", name="uq_partner_keys_institution_key"),
    )
    op.create_table(
        "exchange_links",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("partner", sa.String(64), nullable=False, server_default=""),
        sa.UniqueConstraint("kind", "key", name="uq_exchange_links_kind"),
    )


def downgrade() -> None:
    op.drop_table("exchange_links")
    op.drop_table("partner_keys")
