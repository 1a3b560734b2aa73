"""Schema versions: Alembic upgrades at open, refusal of files from newer versions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, delete, insert, inspect, select

from planner import __version__
from planner.db.errors import NewerSchemaError, NotADatabaseError
from planner.db.models import Meta

_MIGRATIONS = Path(__file__).parent / "migrations"
APP_VERSION_KEY = "app_version"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configuration pointing at the migrations inside the package."""
    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of the application knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise RuntimeError("no migrations found")
    return head


def known_revisions() -> set[str]:
    """Every revision this version of the application can upgrade from."""
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


@dataclass(frozen=True)
class SchemaState:
    """Where a database stands relative to this version of the application."""

    revision: str | None  # None: a new, empty database
    head: str
    written_by: str  # application version that last migrated it ("" if unknown)

    @property
    def is_empty(self) -> bool:
        """True for a database with no planner schema yet."""
        return self.revision is None

    @property
    def needs_upgrade(self) -> bool:
        """True when this version would migrate the file when opening it."""
        return self.revision != self.head


def schema_state(engine: Engine) -> SchemaState:
    """Read the schema revision without changing anything; refuse foreign or newer files."""
    head = head_revision()
    with engine.connect() as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
        tables = set(inspect(conn).get_table_names())
        written_by = ""
        if Meta.__tablename__ in tables:
            row = conn.execute(select(Meta.value).where(Meta.key == APP_VERSION_KEY)).first()
            written_by = row[0] if row else ""
        conn.rollback()
    if revision is None and tables - {"alembic_version"}:
        raise NotADatabaseError(
            "the file is an SQLite database but not an Exchange Visit Planner one"
        )
    if revision is not None and revision not in known_revisions():
        by = f"version {written_by}" if written_by else "a newer version"
        raise NewerSchemaError(
            f"this database was written by Exchange Visit Planner {by} (schema {revision}); "
            f"this is version {__version__}: install {written_by or 'a newer version'} "
            "or newer to open it"
        )
    return SchemaState(revision=revision, head=head, written_by=written_by)


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction and record the app version."""
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
        conn.execute(delete(Meta).where(Meta.key == APP_VERSION_KEY))
        conn.execute(insert(Meta).values(key=APP_VERSION_KEY, value=__version__))
