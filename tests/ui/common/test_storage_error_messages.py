"""The window explains environment errors in the interface language and keeps bugs as bugs."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import psycopg.errors
import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import IntegrityError, OperationalError

from planner.db.backup import backup_database
from planner.db.errors import StorageError
from planner.domain.rules import RulesError, parse_rules
from planner.ui.common.errors import error_message

CATALOGUE = Path(__file__).resolve().parents[3] / "resources" / "translations" / "planner_ja.qm"


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translator = QTranslator()
    assert translator.load(str(CATALOGUE))
    QCoreApplication.installTranslator(translator)
    try:
        yield
    finally:
        QCoreApplication.removeTranslator(translator)


def _busy() -> OperationalError:
    orig = sqlite3.OperationalError("database is locked")
    orig.sqlite_errorcode = sqlite3.SQLITE_BUSY
    return OperationalError("BEGIN IMMEDIATE", {}, orig)


def test_a_busy_database_in_english(qapp: QApplication) -> None:
    assert error_message(_busy()) == (
        "the database is busy in another program (the open database); try again in a moment"
    )


def test_environment_errors_in_japanese(japanese: None) -> None:
    assert error_message(_busy()) == (
        "データベースが別のプログラムで使用中です(開いているデータベース)。"
        "しばらくしてからもう一度お試しください"
    )
    full = OperationalError("INSERT", {}, psycopg.errors.lookup("53100")("no space left"))
    assert error_message(full).startswith("ディスクがいっぱいか")


def test_a_bug_is_reported_as_one(japanese: None, qapp: QApplication) -> None:
    orig = psycopg.errors.lookup("23505")("duplicate key")
    text = error_message(IntegrityError("INSERT", {}, orig))
    assert "duplicate key" in text and not text.startswith("データベース")


def test_messages_raised_below_the_interface_are_translated(japanese: None, tmp_path: Path) -> None:
    with pytest.raises(StorageError) as onto_itself:
        backup_database(tmp_path / "a.sqlite3", tmp_path / "a.sqlite3")
    assert error_message(onto_itself.value) == (
        f"{tmp_path / 'a.sqlite3'} を自分自身にバックアップすることはできません。"
        "別のファイルを選んでください"
    )
    with pytest.raises(RulesError) as toml:
        parse_rules("[documents", "rules.toml")
    assert error_message(toml.value).startswith("rules.toml: 正しい TOML ではありません: ")
