from __future__ import annotations

from pathlib import Path

from planner.db.location import DATABASE_FILENAME, URL_ENV, resolve_target


def test_db_option_wins_over_environment(tmp_path: Path) -> None:
    target = resolve_target(str(tmp_path / "a.sqlite3"), {URL_ENV: "sqlite:////elsewhere.db"})
    assert target.path == tmp_path / "a.sqlite3"


def test_environment_url_for_sqlite_and_for_a_server(tmp_path: Path) -> None:
    file_target = resolve_target(None, {URL_ENV: f"sqlite:///{tmp_path}/team.sqlite3"})
    assert file_target.path == tmp_path / "team.sqlite3"
    server = resolve_target(None, {URL_ENV: "postgresql+psycopg://coord:secret@db.example/planner"})
    assert server.path is None
    assert "secret" not in server.display and "db.example" in server.display


def test_default_is_in_the_user_data_folder() -> None:
    target = resolve_target(None, {})
    assert target.path is not None
    assert target.path.name == DATABASE_FILENAME
    assert "exchange-visit-planner" in str(target.path)
