"""Logging in to the team server: the password from the keychain, TLS required off this machine.

A server URL (``PLANNER_DATABASE_URL``, ``--db``, settings) names the server, the database
and the login, never the password. The password comes from, in order: the login dialog or
the URL itself (discouraged), the operating system's keychain (``keyring``; the entry is
named :func:`keyring_account`), or libpq's own ``~/.pgpass`` (read by the driver when no
password is given). It is kept in memory only; :class:`DatabaseTarget.display` hides it.

A server that is not on this machine must be reached with ``sslmode=verify-full`` (or
``verify-ca``): the connection is encrypted and the server's certificate checked, so a
password or a passport number never crosses the network readable or to an impostor.
Setting ``PLANNER_ALLOW_UNVERIFIED_TLS=1`` is the coordinator's deliberate exception.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from sqlalchemy.engine import URL, make_url

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP

#: The keychain "service" under which server passwords are stored.
KEYRING_SERVICE = "exchange-visit-planner"
#: The coordinator's deliberate exception to the TLS rule.
ALLOW_UNVERIFIED_ENV = "PLANNER_ALLOW_UNVERIFIED_TLS"
VERIFIED_MODES = frozenset({"verify-full", "verify-ca"})
_LOCAL_HOSTS = frozenset({"", "localhost", "127.0.0.1", "::1"})


class InsecureConnectionError(PlannerError):
    """A remote server URL without certificate verification."""


def _hosts(url: URL) -> list[str]:
    hosts: list[str] = []
    if url.host:
        hosts.append(url.host)
    query_host = url.query.get("host")
    if isinstance(query_host, tuple):
        hosts.extend(query_host)
    elif query_host:
        hosts.extend(str(query_host).split(","))
    return hosts


def is_local(url: URL, environ: Mapping[str, str] | None = None) -> bool:
    """Whether every host *url* names is this machine (loopback or a Unix socket folder)."""
    env = os.environ if environ is None else environ
    hosts = _hosts(url) or [h for h in env.get("PGHOST", "").split(",") if h]
    return all(h.strip() in _LOCAL_HOSTS or h.strip().startswith("/") for h in hosts)


def check_transport(url: str | URL, environ: Mapping[str, str] | None = None) -> None:
    """Refuse a PostgreSQL *url* to another machine whose ``sslmode`` does not verify the
    server, unless ``PLANNER_ALLOW_UNVERIFIED_TLS=1`` says the coordinator means it."""
    env = os.environ if environ is None else environ
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql" or is_local(parsed, env):
        return
    mode = parsed.query.get("sslmode") or env.get("PGSSLMODE", "")
    if isinstance(mode, tuple):
        mode = mode[-1]
    if mode in VERIFIED_MODES or env.get(ALLOW_UNVERIFIED_ENV, "").strip() == "1":
        return
    raise InsecureConnectionError(
        QT_TRANSLATE_NOOP(
            "Validation",
            "{url} is on another machine, so the connection must be encrypted and the server "
            "checked: add ?sslmode=verify-full to the URL (your IT department sets the server "
            "up for it), or set {env}=1 if you deliberately accept an unverified connection",
        ),
        params={"url": parsed.render_as_string(hide_password=True), "env": ALLOW_UNVERIFIED_ENV},
    )


def keyring_account(url: str | URL) -> str:
    """The keychain entry's user name for *url*: ``login@host:port/database``."""
    parsed = make_url(url)
    return (
        f"{parsed.username or ''}@{parsed.host or 'localhost'}:{parsed.port or 5432}"
        f"/{parsed.database or ''}"
    )


def password_from_keyring(url: str | URL) -> str | None:
    """The stored password for *url*, or None (no keychain, no entry, keychain locked)."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None
    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except (KeyringError, RuntimeError, OSError):
        # No usable keychain on this machine: fall through to ~/.pgpass.
        return None


def store_in_keyring(url: str | URL, password: str) -> bool:
    """Remember *password* for *url* in the keychain; False when there is none to use."""
    try:
        import keyring
        from keyring.errors import KeyringError
    except ImportError:  # pragma: no cover - keyring is a dependency
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)
    except (KeyringError, RuntimeError, OSError):
        return False
    return True


def with_credentials(url: str | URL, password: str | None = None) -> URL:
    """*url* with *password*, or the keychain's, filled in; unchanged when neither exists
    (libpq then reads ``~/.pgpass``)."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "postgresql":
        return parsed
    if password is None and parsed.password is None:
        password = password_from_keyring(parsed)
    return parsed if password is None else parsed.set(password=password)
