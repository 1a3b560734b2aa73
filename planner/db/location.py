"""Where the database lives: ``--db PATH``, ``PLANNER_DATABASE_URL`` or the user data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_data_path
from sqlalchemy.engine import make_url

APP_DIR_NAME = "exchange-visit-planner"
DATABASE_FILENAME = "planner.sqlite3"
URL_ENV = "PLANNER_DATABASE_URL"


@dataclass(frozen=True)
class DatabaseTarget:
    """A database to open: its SQLAlchemy URL, and the file path when it is SQLite."""

    url: str
    path: Path | None

    @property
    def display(self) -> str:
        """What to show the user: the file path, or the URL without its password."""
        if self.path is not None:
            return str(self.path)
        return make_url(self.url).render_as_string(hide_password=True)


def default_data_dir() -> Path:
    """The per-user data folder (created elsewhere, with mode 0700)."""
    return user_data_path(APP_DIR_NAME, appauthor=False)


def sqlite_target(path: Path) -> DatabaseTarget:
    """Target for an SQLite file at *path*."""
    path = path.expanduser().absolute()
    return DatabaseTarget(url=f"sqlite:///{path}", path=path)


def resolve_target(db_path: str | None, environ: dict[str, str] | None = None) -> DatabaseTarget:
    """``--db`` first, then ``PLANNER_DATABASE_URL``, then the default file."""
    env = os.environ if environ is None else environ
    if db_path:
        return sqlite_target(Path(db_path))
    url = env.get(URL_ENV, "").strip()
    if url:
        parsed = make_url(url)
        if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:"):
            return sqlite_target(Path(parsed.database or ""))
        return DatabaseTarget(url=url, path=None)
    return sqlite_target(default_data_dir() / DATABASE_FILENAME)
