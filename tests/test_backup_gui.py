"""File → Back up now, File → Restore…, and the offer to restore a damaged database."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.qtbot import QtBot

from planner.db.errors import CorruptDatabaseError, NewerSchemaError
from planner.db.location import sqlite_target
from planner.db.opening import open_database
from planner.domain.enums import VisitStatus
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.shell import backup_dialogs
from planner.ui.shell.backup_dialogs import (
    RestoreDialog,
    backup_now,
    corruption_box,
    offer_restore_after_corruption,
    show_location_warning,
    show_restore_dialog,
)
from planner.ui.shell.instance_lock import lock_path
from planner.ui.shell.safe_start import open_for_gui
from tests.db.helpers import corrupt_table_page, digest, make_database
from tests.fixtures.sample import make_sample


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Record information/critical boxes instead of waiting for a click."""
    shown: list[tuple[str, str]] = []

    def record(kind: str) -> Any:
        def box(_parent: object, _title: str, text: str, *args: object) -> object:
            shown.append((kind, text))
            return QMessageBox.StandardButton.Ok

        return box

    monkeypatch.setattr(QMessageBox, "information", record("information"))
    monkeypatch.setattr(QMessageBox, "critical", record("critical"))
    return shown


def test_back_up_now_says_where(qtbot: QtBot, services: Services, boxes: list[Any]) -> None:
    make_sample(services)
    info = backup_now(None, services)
    assert info is not None and info.path.exists() and info.reason == "manual"
    assert boxes == [("information", f"Backup saved and verified:\n{info.path}")]


def test_restore_dialog_lists_backups_and_restores_the_chosen_one(
    qtbot: QtBot, services: Services, boxes: list[Any]
) -> None:
    sample = make_sample(services)
    first = services.backups.backup_now()
    assert sample.visit_in.id is not None
    services.visits.set_status(sample.visit_in.id, VisitStatus.PROPOSED)
    changes: list[Change] = []
    services.bus.subscribe(changes.append)
    dialogs: list[RestoreDialog] = []

    def choose(dialog: RestoreDialog) -> bool:
        dialogs.append(dialog)
        assert dialog.list.count() == 1
        assert first.label in dialog.list.item(0).text()
        return True

    assert show_restore_dialog(None, services, choose=choose, confirm=lambda _p, _b: True)
    assert services.visits.get(sample.visit_in.id).status == VisitStatus.DRAFT
    assert [c.kind for c in changes] == ["database"]
    # The state before the restore was itself backed up.
    reasons = [b.reason for b in services.backups.list()]
    assert reasons.count("before-restore") == 1
    assert boxes[-1][0] == "information" and first.label in boxes[-1][1]


def test_cancelled_restore_changes_nothing(
    qtbot: QtBot, services: Services, boxes: list[Any]
) -> None:
    make_sample(services)
    services.backups.backup_now()
    path = services.db.target.path
    assert path is not None
    services.db.engine.dispose()
    before = digest(path)
    assert not show_restore_dialog(None, services, choose=lambda _d: False)
    assert not show_restore_dialog(
        None, services, choose=lambda _d: True, confirm=lambda _p, _b: False
    )
    assert digest(path) == before and boxes == []


def test_damaged_database_offer_restores_and_keeps_the_damaged_file(
    qtbot: QtBot, db_path: Path
) -> None:
    make_database(db_path)
    services = Services.open(sqlite_target(db_path))
    services.backups.backup_now()
    services.close()
    corrupt_table_page(db_path)
    damaged_digest = digest(db_path)
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(sqlite_target(db_path))
    box = corruption_box(info.value)
    qtbot.addWidget(box)
    assert "changes made after" in box.text() and info.value.backup is not None
    assert info.value.backup.label in box.text()
    assert box.button(QMessageBox.StandardButton.Yes).text() == "Restore the backup"

    asked: list[CorruptDatabaseError] = []
    kept = offer_restore_after_corruption(info.value, ask=lambda e: asked.append(e) is None)
    assert asked and kept is not None and digest(kept) == damaged_digest
    restored = Services.open(sqlite_target(db_path))
    assert len(restored.visits.summaries()) == 2
    restored.close()


def test_declining_the_offer_changes_nothing(qtbot: QtBot, db_path: Path) -> None:
    make_database(db_path)
    services = Services.open(sqlite_target(db_path))
    services.backups.backup_now()
    services.close()
    corrupt_table_page(db_path)
    before = digest(db_path)
    with pytest.raises(CorruptDatabaseError) as info:
        open_database(sqlite_target(db_path))
    assert offer_restore_after_corruption(info.value, ask=lambda _e: False) is None
    assert digest(db_path) == before
    assert not list(db_path.parent.glob("*.corrupt-*"))


def test_interactive_start_on_a_damaged_file_opens_after_the_restore(
    qtbot: QtBot, db_path: Path, monkeypatch: pytest.MonkeyPatch, boxes: list[Any]
) -> None:
    make_database(db_path)
    services = Services.open(sqlite_target(db_path))
    services.backups.backup_now()
    services.close()
    corrupt_table_page(db_path)
    monkeypatch.setattr(backup_dialogs, "_ask_restore", lambda _e: True)
    with open_for_gui(sqlite_target(db_path), interactive=True) as opened:
        assert len(opened.visits.summaries()) == 2
    assert len(list(db_path.parent.glob(f"{db_path.name}.corrupt-*"))) >= 1


def test_location_warning_in_the_status_bar(qtbot: QtBot, tmp_path: Path) -> None:
    folder = tmp_path / "OneDrive - Contoso"
    folder.mkdir()
    services = Services.open(sqlite_target(make_database(folder / "planner.sqlite3")))
    window = QMainWindow()
    qtbot.addWidget(window)
    warning = show_location_warning(window, services)
    services.close()
    assert warning is not None and "cloud-synced" in warning
    assert window.statusBar().currentMessage() == warning


def test_interactive_start_shows_the_newer_version_refusal_in_a_box(
    qtbot: QtBot, db_path: Path, boxes: list[Any]
) -> None:
    make_database(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
        conn.execute("UPDATE planner_meta SET value = '7.2.0' WHERE key = 'app_version'")
    conn.close()
    before = digest(db_path)
    with (
        pytest.raises(NewerSchemaError),
        open_for_gui(sqlite_target(db_path), interactive=True),
    ):
        pass
    assert len(boxes) == 1 and boxes[0][0] == "critical" and "7.2.0" in boxes[0][1]
    assert digest(db_path) == before
    assert not lock_path(db_path).exists()
