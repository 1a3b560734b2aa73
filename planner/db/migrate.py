"""Schema versions: Alembic upgrades at open, refusal of files from newer versions."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, delete, insert, inspect, select

from planner import __version__
from planner.db.errors import NewerSchemaError, NotADatabaseError
from planner.db.models import Meta
from planner.domain.i18n import QT_TRANSLATE_NOOP

if TYPE_CHECKING:
    from alembic.config import Config

_MIGRATIONS = Path(__file__).parent / "migrations"
APP_VERSION_KEY = "app_version"

#: The newest revision in ``migrations/versions`` (a test checks it against Alembic's own
#: reading). Opening an up-to-date file compares with it and so never imports Alembic, which
#: took a fifth of the application's start-up.
HEAD_REVISION = "0005"


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic configuration pointing at the migrations inside the package."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(_MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    """The newest schema revision this version of the application knows (read by Alembic)."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - the package always ships migrations
        raise RuntimeError("no migrations found")
    return head


def known_revisions() -> set[str]:
    """Every revision this version of the application can upgrade from."""
    from alembic.script import ScriptDirectory

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
    head = HEAD_REVISION
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        revision = _current_revision(conn) if "alembic_version" in tables else None
        written_by = ""
        if Meta.__tablename__ in tables:
            row = conn.execute(select(Meta.value).where(Meta.key == APP_VERSION_KEY)).first()
            written_by = row[0] if row else ""
        conn.rollback()
    if revision is None and tables - {"alembic_version"}:
        raise NotADatabaseError(
            "the file is an SQLite database but not an Exchange Visit Planner one"
        )
    if revision is not None and revision != head and revision not in known_revisions():
        if written_by:
            raise NewerSchemaError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "this database was written by Exchange Visit Planner version {written_by} "
                    "(schema {revision}); this is version {version}: install {written_by} "
                    "or newer to open it",
                ),
                params={"written_by": written_by, "revision": revision, "version": __version__},
            )
        raise NewerSchemaError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "this database was written by Exchange Visit Planner a newer version "
                "(schema {revision}); this is version {version}: install a newer version "
                "or newer to open it",
            ),
            params={"revision": revision, "version": __version__},
        )
    return SchemaState(revision=revision, head=head, written_by=written_by)


def _current_revision(conn: Connection) -> str | None:
    """The revision Alembic recorded (what ``MigrationContext.get_current_revision`` reads)."""
    rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    if len(rows) > 1:  # pragma: no cover - the planner's history has no branches
        raise NotADatabaseError("the file records several schema revisions at once")
    return str(rows[0][0]) if rows else None


def upgrade_to_head(engine: Engine) -> None:
    """Apply every pending migration in one transaction and record the app version."""
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
        conn.execute(delete(Meta).where(Meta.key == APP_VERSION_KEY))
        conn.execute(insert(Meta).values(key=APP_VERSION_KEY, value=__version__))
