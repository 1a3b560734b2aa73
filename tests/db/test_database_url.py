"""``PLANNER_DATABASE_URL`` and ``--db``: one line naming what is wrong, never a traceback,
never a silent downgrade (an encrypted URL opened as a plain file) or a silent default.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from planner.cli import main
from planner.db.location import URL_ENV, DatabaseUrlError, parse_database_url, resolve_target


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


BAD_URLS = [
    ("not a url", "is not a database URL"),
    ("://nothing", "is not a database URL"),
    ("foo://x/y", "database type foo is not supported"),
    ("mysql+pymysql://u@h/planner", "database type mysql is not supported"),
    ("postgresql+asyncpg://u@h/planner", "driver asyncpg is not supported"),
    ("postgresql+pg8000://u@h/planner", "driver pg8000 is not supported"),
    ("sqlite+pysqlcipher://:s3cret@/{tmp}/secret.db", "never given in a URL"),
    ("sqlite+pysqlcipher://me@/{tmp}/secret.db", "never given in a URL"),
    ("sqlite+aiosqlite:///{tmp}/a.db", "aiosqlite is not supported"),
    ("sqlite://", "names no database file"),
    ("sqlite:///:memory:", "names no database file"),
]


@pytest.mark.parametrize(("url", "expected"), BAD_URLS)
def test_a_bad_url_is_one_line_from_the_environment_and_from_db(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    url: str,
    expected: str,
) -> None:
    url = url.replace("{tmp}", str(tmp_path))
    monkeypatch.setenv(URL_ENV, url)
    for argv in (["visits", "list"], ["check"], ["demo"], ["backup"]):
        code, out, err = _run(capsys, *argv)
        assert (code, out) == (1, ""), argv
        assert err.count("\n") == 1 and expected in err, err
        assert "Traceback" not in err and "s3cret" not in err
    monkeypatch.delenv(URL_ENV)
    if "://" in url and not url.startswith("://"):
        code, out, err = _run(capsys, "visits", "list", "--db", url)
        assert code == 1 and expected in err
    # Nothing was created: the encrypted URL in particular never became a plain file.
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(importlib.util.find_spec("psycopg2") is not None, reason="installed")
def test_a_driver_that_is_not_installed_names_the_package(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(URL_ENV, "postgresql+psycopg2://coord:s3cret@db.example/planner")
    code, out, err = _run(capsys, "people", "list")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "psycopg2 is not installed" in err
    assert "pip install psycopg2-binary" in err and "s3cret" not in err


def test_an_unparsable_url_hides_its_password() -> None:
    with pytest.raises(DatabaseUrlError) as info:
        parse_database_url("postgresql+psycopg://coord:s3cret@db example:x/planner")
    assert "s3cret" not in str(info.value)


def test_an_empty_db_option_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv(URL_ENV, f"sqlite:///{tmp_path}/env.sqlite3")
    for argv in (["--db", "", "visits", "list"], ["visits", "list", "--db", ""], ["--db", " "]):
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2, argv
        assert "--db" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_supported_urls_resolve(tmp_path: Path) -> None:
    for url in (
        "postgresql+psycopg://u@h/p",
        "postgresql://u@h/p",
        f"sqlite+pysqlite:///{tmp_path}/a.db",
    ):
        assert resolve_target(None, {URL_ENV: url}) is not None
    assert resolve_target(f"sqlite:///{tmp_path}/b.db").path == tmp_path / "b.db"
