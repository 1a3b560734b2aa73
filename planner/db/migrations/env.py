"""Alembic environment: always run with a connection handed over by planner.db.migrate."""

from __future__ import annotations

from alembic import context

from planner.db.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable through misuse of the alembic CLI
    raise RuntimeError("migrations run through planner.db.migrate, which passes a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite alters tables by copying them; batch mode does that safely.
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
