"""The team server's accounts: roles enforced by PostgreSQL itself, a server-written audit.

Every test logs in as several people with plain SQL (psycopg, as ``psql`` would) and through
the application. Skipped without ``PLANNER_TEST_DATABASE_URL`` (``.ci/run`` sets it; the
cluster's superuser creates the logins, and the test cluster trusts loopback logins).
"""

from __future__ import annotations

import dataclasses
import io
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from planner.cli import main
from planner.db.errors import StorageError
from planner.db.location import DatabaseTarget
from planner.db.opening import open_database
from planner.services.container import Services
from tests.fixtures.sample import make_sample
from tests.pg import fresh_database, server_url

pytestmark = pytest.mark.skipif(
    server_url() is None, reason="PLANNER_TEST_DATABASE_URL is not set (CI sets it)"
)

ROLES = ("admin", "coordinator", "assistant", "viewer")


def _as(url: str, login: str) -> str:
    return make_url(url).set(username=login, password=None).render_as_string(False)


def _libpq(url: str) -> str:
    parsed = make_url(url)
    return f"host={parsed.host} port={parsed.port} dbname={parsed.database} user={parsed.username}"


def _add_user(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], url: str, role: str
) -> str:
    name = f"{role}_{uuid.uuid4().hex[:8]}"
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    assert main(["server", "add-user", name, "--role", role, "--db", url]) == 0
    capsys.readouterr()
    return name


@pytest.fixture
def server(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Iterator[tuple[str, dict[str, str]]]:
    """A set-up server database with the sample data and one login per role."""
    base = server_url()
    assert base is not None
    with fresh_database(base) as url:
        services = Services.open(DatabaseTarget(url=url, path=None))
        try:
            make_sample(services)
        finally:
            services.close()
        assert main(["server", "init", "--db", url]) == 0
        out, err = capsys.readouterr()
        assert "planner_viewer" in out and err == ""
        logins = {role: _add_user(monkeypatch, capsys, url, role) for role in ROLES}
        yield url, logins


def _sql(url: str, login: str, sql: str) -> list[tuple[object, ...]]:
    with psycopg.connect(_libpq(_as(url, login)), autocommit=True) as conn:
        cur = conn.execute(sql)
        return list(cur.fetchall()) if cur.description else []


@pytest.mark.parametrize("role", ["assistant", "viewer"])
@pytest.mark.parametrize("column", ["passport_number", "date_of_birth", "passport_expiry"])
def test_assistant_and_viewer_cannot_read_sensitive_fields_with_plain_sql(
    server: tuple[str, dict[str, str]], role: str, column: str
) -> None:
    url, logins = server
    assert _sql(url, logins[role], "SELECT family_name FROM people ORDER BY id")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(url, logins[role], f"SELECT {column} FROM people")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(url, logins[role], "SELECT * FROM people")
    # Nor through a filter that would leak it one guess at a time.
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(url, logins[role], f"SELECT id FROM people WHERE {column} IS NOT NULL")


def test_coordinator_and_admin_read_sensitive_fields(server: tuple[str, dict[str, str]]) -> None:
    url, logins = server
    for role in ("coordinator", "admin"):
        rows = _sql(url, logins[role], "SELECT passport_number FROM people WHERE id = 1")
        assert rows == [("TK0000001",)]


def test_assistant_cannot_write_sensitive_fields(server: tuple[str, dict[str, str]]) -> None:
    url, logins = server
    assistant = logins["assistant"]
    _sql(url, assistant, "UPDATE people SET phone = '' WHERE id = 1")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(url, assistant, "UPDATE people SET passport_number = 'X1' WHERE id = 1")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(
            url,
            assistant,
            "INSERT INTO people (family_name, given_name, family_name_native, "
            "given_name_native, preferred_name, category, home_institution_id, email, phone, "
            "nationality, passport_number, internal_notes) "
            "VALUES ('A', 'B', '', '', '', 'staff', 1, '', '', '', 'X1', '')",
        )


def test_viewer_writes_nothing(server: tuple[str, dict[str, str]]) -> None:
    url, logins = server
    for sql in (
        "UPDATE visits SET internal_notes = 'x'",
        "DELETE FROM itinerary_items",
        "UPDATE people SET phone = ''",
        "INSERT INTO audit_entries (at_utc, actor, entity, entity_id, action, changes, reason) "
        "VALUES (now(), 'x', 'visit', 1, 'update', '{}', '')",
    ):
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            _sql(url, logins["viewer"], sql)


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE audit_entries SET actor = 'nobody'",
        "DELETE FROM audit_entries",
        "TRUNCATE audit_entries",
    ],
)
def test_no_application_role_can_change_the_audit(
    server: tuple[str, dict[str, str]], role: str, sql: str
) -> None:
    url, logins = server
    before = _sql(url, logins["coordinator"], "SELECT count(*) FROM audit_entries")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(url, logins[role], sql)
    assert _sql(url, logins["coordinator"], "SELECT count(*) FROM audit_entries") == before


def test_even_the_owner_cannot_rewrite_the_audit_without_dropping_its_trigger(
    server: tuple[str, dict[str, str]],
) -> None:
    url, _ = server
    engine = create_engine(url)
    try:
        with pytest.raises(Exception, match="append-only"), engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_entries"))
    finally:
        engine.dispose()


def test_audit_actor_is_the_session_user_whatever_the_client_says(
    server: tuple[str, dict[str, str]],
) -> None:
    url, logins = server
    coordinator = logins["coordinator"]
    _sql(
        url,
        coordinator,
        "INSERT INTO audit_entries (at_utc, actor, entity, entity_id, action, changes, reason) "
        "VALUES ('2000-01-01', 'someone-else', 'visit', 1, 'update', '{}', 'forged')",
    )
    rows = _sql(url, coordinator, "SELECT actor, at_utc FROM audit_entries WHERE reason='forged'")
    assert rows[0][0] == coordinator
    assert rows[0][1].year > 2000  # type: ignore[attr-defined]
    # And through the application: the entry names the login, not the OS account.
    services = Services.open(DatabaseTarget(url=_as(url, coordinator), path=None))
    try:
        visit = services.visits.list()[0]
        services.visits.update(dataclasses.replace(visit, internal_notes="server audit"))
    finally:
        services.close()
    rows = _sql(url, coordinator, "SELECT actor FROM audit_entries ORDER BY id DESC LIMIT 1")
    assert rows == [(coordinator,)]


def test_assistant_uses_the_application_without_sensitive_fields(
    server: tuple[str, dict[str, str]],
) -> None:
    url, logins = server
    services = Services.open(DatabaseTarget(url=_as(url, logins["assistant"]), path=None))
    try:
        assert services.db.access.role == "assistant"
        assert not services.db.access.read_sensitive and services.db.access.write
        person = services.people.list()[0]
        assert person.passport_number == "" and person.date_of_birth is None
        assert person.id is not None
        changed = services.people.update(dataclasses.replace(person, preferred_name="Hiro"))
        assert changed.version == person.version + 1
        # The stored passport is untouched by the assistant's save.
        rows = _sql(
            url,
            logins["coordinator"],
            f"SELECT passport_number, preferred_name FROM people WHERE id={person.id}",
        )
        assert rows == [("TK0000001", "Hiro")]
    finally:
        services.close()


def test_viewer_gets_a_clear_message_instead_of_a_server_error(
    server: tuple[str, dict[str, str]],
) -> None:
    url, logins = server
    services = Services.open(DatabaseTarget(url=_as(url, logins["viewer"]), path=None))
    try:
        assert services.db.access.role == "viewer" and not services.db.access.write
        visit = services.visits.list()[0]
        with pytest.raises(StorageError, match="not allowed to make this change"):
            services.visits.update(dataclasses.replace(visit, internal_notes="no"))
    finally:
        services.close()


def test_a_login_other_than_the_owner_refuses_to_migrate(
    capsys: pytest.CaptureFixture[str],
) -> None:
    base = server_url()
    assert base is not None
    login = f"someone_{uuid.uuid4().hex[:8]}"
    with fresh_database(base, migrated=False) as url:
        admin = create_engine(url, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE ROLE "{login}" LOGIN'))
        admin.dispose()
        try:
            with pytest.raises(StorageError) as info:
                open_database(DatabaseTarget(url=_as(url, login), path=None))
            message = str(info.value)
            assert "only the database owner postgres" in message
            assert "planner server init" in message and "nothing was changed" in message
            code = main(["visits", "list", "--db", _as(url, login)])
            err = capsys.readouterr().err
            assert code == 1 and err.count("\n") == 1
        finally:
            admin = create_engine(url, isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.execute(text(f'DROP ROLE "{login}"'))
            admin.dispose()


@pytest.mark.parametrize("name", ["a#b?c%41", "x; DROP TABLE people", "planner_admin", "é"])
def test_add_user_refuses_hostile_names(
    server: tuple[str, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    name: str,
) -> None:
    url, _ = server
    monkeypatch.setattr("sys.stdin", io.StringIO("pw\n"))
    assert main(["server", "add-user", name, "--role", "viewer", "--db", url]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "cannot be a login name" in err


def test_add_user_refuses_an_empty_password_and_takes_no_password_argument(
    server: tuple[str, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, _ = server
    monkeypatch.setattr("sys.stdin", io.StringIO("\n"))
    assert main(["server", "add-user", "carol", "--role", "viewer", "--db", url]) == 1
    assert "password is empty" in capsys.readouterr().err
    with pytest.raises(SystemExit) as info:
        main(["server", "add-user", "carol", "--role", "viewer", "--password", "x"])
    assert info.value.code == 2


def test_a_stored_password_is_hashed_on_the_server(server: tuple[str, dict[str, str]]) -> None:
    url, logins = server
    engine = create_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(
            text("SELECT rolpassword FROM pg_authid WHERE rolname = :n"), {"n": logins["viewer"]}
        ).scalar()
    engine.dispose()
    assert str(stored).startswith("SCRAM-SHA-256$")


def test_a_reveal_is_audited_under_the_coordinators_own_login(
    server: tuple[str, dict[str, str]],
) -> None:
    url, logins = server
    coordinator = logins["coordinator"]
    services = Services.open(DatabaseTarget(url=_as(url, coordinator), path=None))
    try:
        person = services.people.list()[0]
        assert person.passport_number == "TK0000001" and person.id is not None
        services.people.record_reveal(person.id)
    finally:
        services.close()
    rows = _sql(
        url, coordinator, "SELECT actor, changes FROM audit_entries WHERE action = 'reveal'"
    )
    assert rows and rows[-1][0] == coordinator and "passport_number" in str(rows[-1][1])
    assert "TK0000001" not in str(rows)


def test_an_admin_login_manages_users_and_a_coordinator_cannot(
    server: tuple[str, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url, logins = server
    name = f"new_{uuid.uuid4().hex[:8]}"
    monkeypatch.setattr("sys.stdin", io.StringIO("pw one\n"))
    admin_url = _as(url, logins["admin"])
    assert main(["server", "add-user", name, "--role", "assistant", "--db", admin_url]) == 0
    capsys.readouterr()
    assert _sql(url, name, "SELECT count(*) FROM visits")
    with pytest.raises(psycopg.errors.InsufficientPrivilege):
        _sql(url, name, "SELECT passport_number FROM people")
    monkeypatch.setattr("sys.stdin", io.StringIO("pw two\n"))
    other = f"new_{uuid.uuid4().hex[:8]}"
    code = main(
        ["server", "add-user", other, "--role", "admin", "--db", _as(url, logins["coordinator"])]
    )
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "not allowed" in err


def _needs_password(url: str, login: str) -> None:
    """Make *login* one the test cluster asks for its password (.ci/postgres's pg_hba)."""
    with psycopg.connect(_libpq(url), autocommit=True) as conn:
        conn.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles "
            "WHERE rolname = 'planner_password_check') THEN "
            "CREATE ROLE planner_password_check NOLOGIN; END IF; END $$"
        )
        conn.execute(f'GRANT planner_password_check TO "{login}"')


def test_a_password_comes_from_pgpass_or_the_keychain_and_a_wrong_one_is_refused(
    server: tuple[str, dict[str, str]],
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    from planner.db.credentials import store_in_keyring

    url, logins = server
    login = logins["coordinator"]
    _needs_password(url, login)
    target = _as(url, login)  # no password in the URL, as settings keep it
    port = make_url(url).port
    pgpass = tmp_path / "pgpass"
    monkeypatch.setenv("PGPASSFILE", str(pgpass))

    # Nothing stored anywhere: refused, in one line, naming no password.
    assert main(["visits", "list", "--db", target]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "correct horse" not in err

    pgpass.write_text(f"127.0.0.1:{port}:*:{login}:wrong horse\n")
    pgpass.chmod(0o600)
    assert main(["visits", "list", "--db", target]) == 1
    assert capsys.readouterr().err.count("\n") == 1

    pgpass.write_text(f"127.0.0.1:{port}:*:{login}:correct horse battery\n")
    assert main(["visits", "list", "--db", target]) == 0
    assert "V-2027-0001" in capsys.readouterr().out

    # The keychain's password, with no ~/.pgpass at all.
    pgpass.unlink()
    assert store_in_keyring(target, "correct horse battery")
    assert main(["visits", "list", "--db", target]) == 0
    assert "V-2027-0001" in capsys.readouterr().out
