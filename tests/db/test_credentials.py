"""Logging in to a team server: keychain passwords, ~/.pgpass, TLS required off this machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from planner.cli import main
from planner.db.credentials import (
    KEYRING_SERVICE,
    InsecureConnectionError,
    check_transport,
    keyring_account,
    store_in_keyring,
    with_credentials,
)
from planner.db.location import resolve_target
from tests.fixtures.memory_keyring import MemoryKeyring, memory_keyring

__all__ = ["memory_keyring"]  # the fixture, used by name

REMOTE = "postgresql+psycopg://ana@db.example.org:5432/planner"


@pytest.mark.parametrize(
    "url",
    [
        REMOTE,
        REMOTE + "?sslmode=require",
        REMOTE + "?sslmode=prefer",
        REMOTE + "?sslmode=disable",
        "postgresql+psycopg://ana@/planner?host=db.example.org",
        "postgresql+psycopg://ana@localhost/planner?host=10.0.0.5",
    ],
)
def test_a_remote_server_without_verified_tls_is_refused(url: str) -> None:
    with pytest.raises(InsecureConnectionError) as info:
        check_transport(url, {})
    assert "sslmode=verify-full" in str(info.value)


@pytest.mark.parametrize(
    "url",
    [
        REMOTE + "?sslmode=verify-full",
        REMOTE + "?sslmode=verify-ca",
        "postgresql+psycopg://ana@localhost/planner",
        "postgresql+psycopg://ana@127.0.0.1:5433/planner",
        "postgresql+psycopg://ana@[::1]/planner",
        "postgresql+psycopg://ana@/planner?host=/var/run/postgresql",
        "postgresql+psycopg://ana@/planner",
        "sqlite:////tmp/x.sqlite3",
    ],
)
def test_local_or_verified_servers_are_accepted(url: str) -> None:
    check_transport(url, {})


def test_the_environment_counts_too() -> None:
    with pytest.raises(InsecureConnectionError):
        check_transport("postgresql+psycopg://ana@/planner", {"PGHOST": "db.example.org"})
    check_transport(REMOTE, {"PGSSLMODE": "verify-full"})


def test_the_coordinator_may_deliberately_accept_an_unverified_server() -> None:
    check_transport(REMOTE, {"PLANNER_ALLOW_UNVERIFIED_TLS": "1"})
    with pytest.raises(InsecureConnectionError):
        check_transport(REMOTE, {"PLANNER_ALLOW_UNVERIFIED_TLS": "yes please"})


def test_the_command_line_refuses_it_in_one_line_without_connecting(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PLANNER_DATABASE_URL", "postgresql+psycopg://ana:s3cret@db.example.org/p")
    assert main(["visits", "list"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sslmode=verify-full" in err
    assert "s3cret" not in err and "***" in err


def test_the_password_comes_from_the_keychain(memory_keyring: MemoryKeyring) -> None:
    url = "postgresql+psycopg://ana@db.example.org:6543/planner?sslmode=verify-full"
    assert with_credentials(url).password is None  # nothing stored: libpq reads ~/.pgpass
    assert store_in_keyring(url, "pa:ss@word/")
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, "ana@db.example.org:6543/planner"): "pa:ss@word/"
    }
    filled = with_credentials(url)
    assert filled.password == "pa:ss@word/" and filled.host == "db.example.org"
    # A password given (the login dialog) wins over the keychain's.
    assert with_credentials(url, "typed").password == "typed"
    # The target shown to people and written to settings never carries it.
    target = resolve_target(None, {"PLANNER_DATABASE_URL": url})
    assert "pa:ss" not in target.display


def test_a_locked_or_missing_keychain_falls_back_to_pgpass(
    memory_keyring: MemoryKeyring,
) -> None:
    memory_keyring.locked = True
    assert with_credentials(REMOTE).password is None
    assert not store_in_keyring(REMOTE, "x")


def test_keychain_entries_are_per_login_server_and_database() -> None:
    assert keyring_account("postgresql+psycopg://ana@h/db1") == "ana@h:5432/db1"
    assert keyring_account("postgresql+psycopg://bo@h:1/db2") == "bo@h:1/db2"
    assert with_credentials("sqlite:////tmp/a.sqlite3").password is None


def test_server_commands_need_a_server_and_never_take_a_password_argument(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "a#b?c%41" / "planner.sqlite3"
    assert main(["server", "init", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PostgreSQL" in err and not db.parent.exists()
    for argv in (
        ["server", "add-user", "bob", "--role", "viewer", "--password", "x"],
        ["server", "add-user", "bob", "--role", "root"],
        ["server", "add-user", "--role", "viewer"],
        ["server"],
    ):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
    capsys.readouterr()
