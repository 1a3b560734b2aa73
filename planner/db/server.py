"""The team server's accounts, roles, privileges and triggers (PostgreSQL only).

``planner server init`` applies :func:`apply_server_policy` once, as the owner of the database:

* four group roles (``planner_admin``, ``planner_coordinator``, ``planner_assistant``,
  ``planner_viewer``); a person's login is a member of one (:func:`add_user`);
* **column privileges** on ``people``: assistants and viewers are granted SELECT (and
  assistants UPDATE) on every column *except* the sensitive ones, so ``SELECT passport_number``
  with their own login and ``psql`` fails with "permission denied"; a trigger refuses an INSERT
  that carries a sensitive value from anyone who may not write those columns;
* the audit table is append-only for every application role (INSERT and SELECT granted, never
  UPDATE, DELETE or TRUNCATE; triggers refuse them even if someone grants them later), and a
  trigger stamps each entry with the server's ``session_user`` and clock, so a client cannot
  forge who or when;
* a trigger on every table announces each committed change with ``NOTIFY planner_changes``
  (live updates in the other coordinators' windows).

This is DDL the application cannot express as a portable Alembic migration (roles are
cluster-wide and SQLite has none), and only the owner may run it; it is idempotent, so IT
re-runs it after an upgrade and the owner's own upgrade re-applies it (see ``opening.py``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.orm import ORMExecuteState, Session, defer, sessionmaker

from planner.db.models import Base
from planner.domain.entities import Person
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP

#: The channel the change triggers notify on.
CHANNEL = "planner_changes"
SENSITIVE_COLUMNS = tuple(sorted(Person.SENSITIVE_FIELDS))
AUDIT_TABLE = "audit_entries"
PEOPLE_TABLE = "people"

#: Table -> (record kind, id column) announced by the change trigger.
NOTIFIED_TABLES: dict[str, tuple[str, str]] = {
    "institutions": ("institution", "id"),
    "people": ("person", "id"),
    "programs": ("program", "id"),
    "projects": ("project", "id"),
    "visits": ("visit", "id"),
    "itinerary_items": ("itinerary_item", "id"),
    # A draft written to the visitor shows in the visit's history.
    "visitor_messages": ("visit", "visit_id"),
    "events": ("event", "id"),
    "event_sites": ("event", "event_id"),
    "event_occurrence_changes": ("event", "event_id"),
    "event_participants": ("event", "event_id"),
    "paperwork_items": ("paperwork_item", "id"),
    "attachments": ("attachment", "id"),
    "agreements": ("agreement", "id"),
    "material_transfers": ("material_transfer", "id"),
}


class Role(StrEnum):
    """The application roles, from most to fewest rights."""

    ADMIN = "admin"
    COORDINATOR = "coordinator"
    ASSISTANT = "assistant"
    VIEWER = "viewer"

    @property
    def group(self) -> str:
        """The PostgreSQL group role."""
        return f"planner_{self.value}"


class ServerAdminError(PlannerError):
    """A server administration step that cannot be done as asked."""


@dataclass(frozen=True)
class Access:
    """What the connected login may do, as the server enforces it (the GUI adapts to it)."""

    role: str  # "owner", a Role value, or "local" for an SQLite file
    read_sensitive: bool
    write: bool

    @property
    def hidden_fields(self) -> frozenset[str]:
        """Person fields this login can neither read nor write."""
        return frozenset() if self.read_sensitive else Person.SENSITIVE_FIELDS


#: An SQLite file, or the owner: everything.
FULL_ACCESS = Access(role="local", read_sensitive=True, write=True)

_FUNCTIONS = f"""
CREATE OR REPLACE FUNCTION planner_audit_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The server says who and when: whatever the client sent is replaced.
  NEW.actor := session_user;
  NEW.at_utc := clock_timestamp() AT TIME ZONE 'UTC';
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION planner_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;

CREATE OR REPLACE FUNCTION planner_guard_sensitive() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF (NEW.passport_number <> '' OR NEW.date_of_birth IS NOT NULL
      OR NEW.passport_expiry IS NOT NULL)
     AND NOT has_column_privilege('{PEOPLE_TABLE}', 'passport_number', 'UPDATE') THEN
    RAISE EXCEPTION 'permission denied for the sensitive fields of people'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION planner_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rec jsonb := to_jsonb(CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END);
BEGIN
  PERFORM pg_notify('{CHANNEL}', json_build_object(
    'kind', TG_ARGV[0], 'id', (rec ->> TG_ARGV[1])::bigint,
    'action', lower(TG_OP), 'pid', pg_backend_pid())::text);
  RETURN NULL;
END $$;
"""


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _statements(database: str) -> list[str]:
    tables = [t.name for t in Base.metadata.sorted_tables]
    data = [t for t in tables if t not in (AUDIT_TABLE, PEOPLE_TABLE)]
    people_columns = [c.name for c in Base.metadata.tables[PEOPLE_TABLE].columns]
    plain = ", ".join(_quote(c) for c in people_columns if c not in SENSITIVE_COLUMNS)
    groups = [r.group for r in Role]
    out = [
        f"""DO $$ BEGIN
             IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '{group}') THEN
               CREATE ROLE {group} NOLOGIN;
             END IF;
           END $$"""  # noqa: S608 (constant role names, not input)
        for group in groups
    ]
    everyone = ", ".join(groups)
    app_tables = ", ".join(_quote(t) for t in [*data, PEOPLE_TABLE])
    writable = ", ".join(_quote(t) for t in data)
    out += [
        _FUNCTIONS,
        f"REVOKE ALL ON DATABASE {_quote(database)} FROM PUBLIC",
        f"GRANT CONNECT, TEMPORARY ON DATABASE {_quote(database)} TO {everyone}",
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        f"REVOKE ALL ON {app_tables}, {AUDIT_TABLE} FROM PUBLIC, {everyone}",
        # Readers: everything but the sensitive columns.
        "GRANT SELECT ON " + ", ".join(_quote(t) for t in data) + f", {AUDIT_TABLE} TO {everyone}",
        f"GRANT SELECT ON alembic_version TO {everyone}",
        f"GRANT SELECT ({plain}) ON {PEOPLE_TABLE} TO planner_viewer, planner_assistant",
        # Assistants write everything but the sensitive columns.
        f"GRANT INSERT, UPDATE, DELETE ON {writable} TO planner_assistant, planner_coordinator",
        f"GRANT INSERT, DELETE ON {PEOPLE_TABLE} TO planner_assistant",
        f"GRANT UPDATE ({plain}) ON {PEOPLE_TABLE} TO planner_assistant",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {PEOPLE_TABLE} TO planner_coordinator",
        # The audit: append-only for everyone who writes.
        f"GRANT INSERT ON {AUDIT_TABLE} TO planner_assistant, planner_coordinator",
        "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public "
        "TO planner_assistant, planner_coordinator",
        "GRANT planner_coordinator TO planner_admin",
        f"""CREATE OR REPLACE TRIGGER planner_audit_stamp BEFORE INSERT ON {AUDIT_TABLE}
            FOR EACH ROW EXECUTE FUNCTION planner_audit_stamp()""",
        f"""CREATE OR REPLACE TRIGGER planner_audit_no_change
            BEFORE UPDATE OR DELETE ON {AUDIT_TABLE}
            FOR EACH ROW EXECUTE FUNCTION planner_audit_append_only()""",
        f"""CREATE OR REPLACE TRIGGER planner_audit_no_truncate BEFORE TRUNCATE ON {AUDIT_TABLE}
            FOR EACH STATEMENT EXECUTE FUNCTION planner_audit_append_only()""",
        f"""CREATE OR REPLACE TRIGGER planner_guard_sensitive BEFORE INSERT ON {PEOPLE_TABLE}
            FOR EACH ROW EXECUTE FUNCTION planner_guard_sensitive()""",
    ]
    for table, (kind, id_column) in NOTIFIED_TABLES.items():
        out.append(
            f"""CREATE OR REPLACE TRIGGER planner_notify_change
                AFTER INSERT OR UPDATE OR DELETE ON {_quote(table)}
                FOR EACH ROW EXECUTE FUNCTION planner_notify_change('{kind}', '{id_column}')"""
        )
    return out


def is_owner(conn: Connection) -> bool:
    """Whether the connected login owns the database (or is a superuser): who may migrate."""
    return bool(
        conn.execute(
            text(
                "SELECT pg_has_role(current_user, d.datdba, 'USAGE') "
                "FROM pg_database d WHERE d.datname = current_database()"
            )
        ).scalar()
    )


def database_owner(conn: Connection) -> str:
    """The name of the database's owner."""
    return str(
        conn.execute(
            text(
                "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"
            )
        ).scalar()
    )


def policy_installed(conn: Connection) -> bool:
    """Whether ``planner server init`` has run on this database (its triggers exist)."""
    return bool(
        conn.execute(
            text("SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = 'planner_audit_stamp')")
        ).scalar()
    )


def apply_server_policy(engine: Engine) -> None:
    """Create or refresh the roles, privileges and triggers, in one transaction.

    Raises :class:`ServerAdminError` unless the connected login owns the database.
    """
    with engine.begin() as conn:
        if not is_owner(conn):
            raise ServerAdminError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "only the owner of the database ({owner}) can set up the server; "
                    "run 'planner server init' as that login",
                ),
                params={"owner": database_owner(conn)},
            )
        database = str(conn.execute(text("SELECT current_database()")).scalar())
        for statement in _statements(database):
            conn.exec_driver_sql(statement)


#: A login name: letters, digits, ``_ . -``; starting with a letter (no quoting tricks).
_LOGIN_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,62}$")


def add_user(engine: Engine, name: str, role: Role, password: str) -> None:
    """Create the login *name* in *role* with *password* (or give an existing login a new
    password and role).

    The password reaches the server already hashed (SCRAM-SHA-256, by libpq), so it never
    appears in the server's statement log. An admin login may create further logins.
    """
    if not _LOGIN_NAME.match(name) or name.lower().startswith(("planner_", "pg_")):
        raise ServerAdminError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{name} cannot be a login name: use letters, digits, '_', '.' or '-', "
                "starting with a letter (not planner_ or pg_)",
            ),
            params={"name": name},
        )
    if not password:
        raise ServerAdminError(QT_TRANSLATE_NOOP("Validation", "the password is empty"))
    with engine.begin() as conn:
        if not policy_installed(conn):
            raise ServerAdminError(
                QT_TRANSLATE_NOOP(
                    "Validation", "the server is not set up yet: run 'planner server init' first"
                )
            )
        raw = conn.connection.dbapi_connection
        hashed = raw.pgconn.encrypt_password(  # type: ignore[union-attr]
            password.encode(), name.encode(), b"scram-sha-256"
        ).decode()
        existing = conn.execute(
            text("SELECT rolsuper OR rolname = current_user FROM pg_roles WHERE rolname = :n"),
            {"n": name},
        ).first()
        if existing is not None and existing[0]:
            # Never re-purpose a superuser or the login doing the work.
            raise ServerAdminError(
                QT_TRANSLATE_NOOP(
                    "Validation", "{name} is a superuser or your own login: choose another name"
                ),
                params={"name": name},
            )
        verb = "ALTER" if existing is not None else "CREATE"
        extra = " CREATEROLE" if role is Role.ADMIN else " NOCREATEROLE"
        # Identifiers cannot be bound; the name was checked against _LOGIN_NAME above and the
        # hash is SCRAM text (no quote can occur in it).
        conn.exec_driver_sql(f"{verb} ROLE {_quote(name)} LOGIN{extra} PASSWORD '{hashed}'")
        for other in Role:
            if other is not role:
                conn.exec_driver_sql(f"REVOKE {other.group} FROM {_quote(name)}")
        admin = " WITH ADMIN OPTION" if role is Role.ADMIN else ""
        conn.exec_driver_sql(f"GRANT {role.group} TO {_quote(name)}{admin}")
        if role is Role.ADMIN:
            # An admin manages the other logins: they may grant every application role.
            others = ", ".join(r.group for r in Role if r is not Role.ADMIN)
            conn.exec_driver_sql(f"GRANT {others} TO {_quote(name)} WITH ADMIN OPTION")


def detect_access(conn: Connection) -> Access:
    """What the connected login may do on this (PostgreSQL) database."""
    if is_owner(conn):
        return Access(role="owner", read_sensitive=True, write=True)
    if conn.execute(text(f"SELECT to_regclass('{PEOPLE_TABLE}') IS NULL")).scalar():
        return Access(role="none", read_sensitive=False, write=False)  # no schema yet
    row = conn.execute(
        text(
            f"""SELECT has_column_privilege('{PEOPLE_TABLE}', 'passport_number', 'SELECT'),
                       has_table_privilege('visits', 'UPDATE'),
                       array(SELECT r.rolname FROM pg_roles r
                             WHERE r.rolname LIKE 'planner\\_%'
                               AND pg_has_role(current_user, r.oid, 'MEMBER'))"""  # noqa: S608
        )
    ).one()
    groups = set(row[2] or ())
    role = next((r.value for r in Role if r.group in groups), "none")
    return Access(role=role, read_sensitive=bool(row[0]), write=bool(row[1]))


# ``Session.info`` key: the person fields this session's login can neither read nor write.
HIDDEN_FIELDS_KEY = "planner_hidden_fields"


def hide_sensitive(factory: sessionmaker[Session]) -> None:
    """Make every ORM query of *factory*'s sessions leave the sensitive columns unloaded.

    For a login without the column privilege, ``SELECT people.*`` is refused by the server;
    deferring the columns keeps every query of the application within its rights, and
    :func:`~planner.services.records.to_entity` leaves them empty.
    """
    from planner.db.models import PersonRow

    # raiseload: code that would read one anyway fails at once, on SQLite too (tests), instead
    # of sending the server a query it refuses.
    options = [defer(getattr(PersonRow, name), raiseload=True) for name in SENSITIVE_COLUMNS]

    def add_options(state: ORMExecuteState) -> None:
        if state.is_select and not state.is_column_load and _loads_people(state):
            state.statement = state.statement.options(*options)

    event.listen(factory, "do_orm_execute", add_options)
    factory.configure(info={HIDDEN_FIELDS_KEY: Person.SENSITIVE_FIELDS})


def _loads_people(state: ORMExecuteState) -> bool:
    from planner.db.models import PersonRow

    # Whole rows only ("expr" is the class itself); a query of some columns names its own.
    return any(
        isinstance(d.get("expr"), type) and issubclass(d["expr"], PersonRow)
        for d in getattr(state.statement, "column_descriptions", ())
    )


def hidden_fields(session: Session | None) -> frozenset[str]:
    """The person fields *session* must neither read nor write (none on a full login)."""
    if session is None:
        return frozenset()
    return frozenset(session.info.get(HIDDEN_FIELDS_KEY, ()))


class SensitiveFieldsWithheldError(PlannerError):
    """The login asked for passports or dates of birth its role does not include."""


def require_sensitive(session: Session) -> None:
    """Refuse, in words, what the server would refuse anyway: sensitive fields for a login
    that may not read them (an export with ``--include-sensitive``, a reveal)."""
    if hidden_fields(session):
        raise SensitiveFieldsWithheldError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "your login's role does not include passports and dates of birth, so they "
                "cannot be shown or exported; leave them out or ask a coordinator",
            )
        )
