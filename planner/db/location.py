"""Where the database lives: ``--db PATH``, ``PLANNER_DATABASE_URL`` or the user data folder.

A path is never pasted into a URL or URI: SQLAlchemy URLs are built with ``URL.create`` and
SQLite ``file:`` URIs with :func:`sqlite_uri`, which percent-quotes every byte that means
something in a URI, so a folder named ``a#b?c%41`` names that folder and nothing else.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote_from_bytes

from platformdirs import user_data_path
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP

APP_DIR_NAME = "exchange-visit-planner"
DATABASE_FILENAME = "planner.sqlite3"
URL_ENV = "PLANNER_DATABASE_URL"

#: Something that starts like ``scheme://`` is meant as a URL, not a file name.
_LOOKS_LIKE_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
#: Backends the application supports, and the drivers it can use for each.
_SUPPORTED_DRIVERS = {
    "sqlite": ("pysqlite", "pysqlcipher"),
    "postgresql": ("psycopg", "psycopg2"),
}
#: What to install for a supported driver that is missing.
_DRIVER_PACKAGES = {"psycopg": "psycopg[binary]", "psycopg2": "psycopg2-binary"}


class DatabaseUrlError(PlannerError):
    """A database URL that cannot be used: not a URL, unsupported, or its driver is missing."""


@dataclass(frozen=True)
class DatabaseTarget:
    """A database to open: its SQLAlchemy URL, and the file path when it is SQLite."""

    url: str | URL
    path: Path | None
    #: Asked for as an encrypted file (a ``sqlite+pysqlcipher`` URL): never opened or created
    #: as a plain one. An encrypted file is recognised without it, by its first bytes.
    encrypted: bool = False

    @property
    def display(self) -> str:
        """What to show the user: the file path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)


def default_data_dir() -> Path:
    """The per-user data folder (created elsewhere, with mode 0700)."""
    return user_data_path(APP_DIR_NAME, appauthor=False)


def sqlite_target(path: Path, *, encrypted: bool = False) -> DatabaseTarget:
    """Target for an SQLite file at *path* (*encrypted*: it must be an SQLCipher file)."""
    path = path.expanduser().absolute()
    # URL.create keeps the path as one opaque value: nothing in it is parsed as URL syntax.
    url = URL.create("sqlite", database=str(path))
    return DatabaseTarget(url=url, path=path, encrypted=encrypted)


def sqlite_uri(path: Path, *, mode: str = "ro") -> str:
    """An SQLite ``file:`` URI for *path* opened with *mode* (``ro``, ``rw``, ``rwc``).

    Every byte but letters, digits, ``/`` and ``_.-~`` is percent-quoted, so ``#``, ``?``,
    ``%``, ``&``, ``=``, spaces and non-ASCII characters (SQLite would read them as a fragment,
    parameters or escapes, and open another file) name themselves. The authority is always
    empty: ``file:///C:/…`` for a drive, ``file:////server/share/…`` for a Windows share.
    """
    posix = path.absolute().as_posix()
    if not posix.startswith("/"):
        posix = "/" + posix  # a drive letter: C:/x becomes /C:/x, as SQLite expects
    return f"file://{quote_from_bytes(os.fsencode(posix), safe='/')}?mode={mode}"


def _url_error(template: str, **params: str) -> DatabaseUrlError:
    return DatabaseUrlError(template, params=params)


def parse_database_url(text: str) -> URL:
    """*text* as a URL of a supported database, or a :class:`DatabaseUrlError` saying why not.

    Only SQLite (its built-in driver, or SQLCipher as ``sqlite+pysqlcipher`` for an encrypted
    file) and PostgreSQL (psycopg) are supported; anything else is refused rather than opened
    as something it is not. An encrypted URL carrying a key is refused: the key lives in the
    keychain or ``PLANNER_DATABASE_KEY``, never in a URL that settings and messages may show.
    A missing driver is named with the package to install.
    """
    # Until it parses, a password in it cannot be hidden by SQLAlchemy: hide it here.
    shown = re.sub(r"(://[^/@]*?:)[^/@]*@", r"\1***@", text)
    try:
        url = make_url(text)
        shown = url.render_as_string(hide_password=True)
    except (ArgumentError, ValueError) as exc:
        raise _url_error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{url} is not a database URL; expected for example "
                "postgresql+psycopg://user@host/planner or sqlite:////path/to/planner.sqlite3",
            ),
            url=shown,
        ) from exc
    # Read from the name itself: asking SQLAlchemy for the driver would import its plugin.
    backend, _, driver = url.drivername.partition("+")
    if backend == "sqlite" and driver == "pysqlcipher" and (url.password or url.username):
        raise _url_error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{url}: the database key is never given in a URL; keep it in the keychain or "
                "in PLANNER_DATABASE_KEY and use sqlite+pysqlcipher:////path/to/file",
            ),
            url=re.sub(r"://[^/]*@", "://***@", text),
        )
    if backend == "sqlite" and driver not in ("", "pysqlite", "pysqlcipher"):
        raise _url_error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{url}: the SQLite driver {driver} is not supported; use a sqlite:/// URL, or "
                "sqlite+pysqlcipher:/// for an encrypted file",
            ),
            url=shown,
            driver=driver,
        )
    if backend not in _SUPPORTED_DRIVERS:
        raise _url_error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{url}: the database type {backend} is not supported; use postgresql+psycopg:// "
                "or sqlite:///",
            ),
            url=shown,
            backend=backend,
        )
    if driver and driver not in _SUPPORTED_DRIVERS[backend]:
        raise _url_error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "{url}: the driver {driver} is not supported; use postgresql+psycopg://",
            ),
            url=shown,
            driver=driver,
        )
    return url


def check_driver_installed(url: str | URL) -> None:
    """Raise :class:`DatabaseUrlError` naming what to install when *url*'s driver is missing."""
    parsed = make_url(url)
    try:
        parsed.get_dialect().import_dbapi()
    except ImportError as exc:
        driver = parsed.drivername.partition("+")[2] or parsed.get_driver_name()
        raise _url_error(
            QT_TRANSLATE_NOOP(
                "Validation",
                "the database driver {driver} is not installed; install it with "
                "'pip install {package}' (or 'pip install exchange-visit-planner[postgres]')",
            ),
            driver=driver,
            package=_DRIVER_PACKAGES.get(driver, driver),
        ) from exc


def _target_from_url(text: str) -> DatabaseTarget:
    url = parse_database_url(text)
    if url.get_backend_name() == "sqlite":
        if url.database in (None, "", ":memory:"):
            raise _url_error(
                QT_TRANSLATE_NOOP(
                    "Validation", "{url} names no database file; use sqlite:////path/to/file"
                ),
                url=text,
            )
        encrypted = url.drivername.partition("+")[2] == "pysqlcipher"
        return sqlite_target(Path(url.database or ""), encrypted=encrypted)
    return DatabaseTarget(url=url, path=None)


def resolve_target(db_path: str | None, environ: dict[str, str] | None = None) -> DatabaseTarget:
    """``--db`` first, then ``PLANNER_DATABASE_URL``, then the default file.

    ``--db`` is a file path, or a URL when it starts like ``scheme://``.
    """
    env = os.environ if environ is None else environ
    if db_path is not None:
        if db_path == "":
            # The command line refuses it first (a usage error); kept for other callers.
            raise _url_error(QT_TRANSLATE_NOOP("Validation", "--db needs a file path"))
        if _LOOKS_LIKE_URL.match(db_path):
            return _target_from_url(db_path)
        return sqlite_target(Path(db_path))
    url = env.get(URL_ENV, "").strip()
    if url:
        return _target_from_url(url)
    return sqlite_target(default_data_dir() / DATABASE_FILENAME)
