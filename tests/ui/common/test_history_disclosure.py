"""The History tab reads reveal and export entries as words, in English and Japanese."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QApplication

from planner.domain.entities import AuditEntry
from planner.domain.enums import AuditAction
from planner.services.container import Services
from planner.ui.common.history_model import HistoryColumn, HistoryModel
from planner.ui.shell.language import install_language, remove_language
from tests.fixtures.sample import Sample

FIELDS = ["date_of_birth", "passport_expiry", "passport_number"]


def cells(model: HistoryModel, row: int = 0) -> tuple[str, str, str]:
    """(who, action, changes) of *row*."""
    return tuple(  # type: ignore[return-value]
        model.data(model.index(row, column))
        for column in (HistoryColumn.WHO, HistoryColumn.ACTION, HistoryColumn.CHANGES)
    )


def entry(action: AuditAction, changes: dict[str, object]) -> AuditEntry:
    """An entry by "alice" now."""
    return AuditEntry(datetime.now(UTC), "alice", "person", 7, action, changes)


@pytest.fixture
def japanese(qapp: QApplication) -> Iterator[None]:
    translators = install_language(qapp, "ja")
    yield
    remove_language(qapp, translators)


def test_reveal_and_exports_read_as_fields_and_where(qapp: QApplication) -> None:
    model = HistoryModel()
    model.set_entries([entry(AuditAction.REVEAL, {"fields": FIELDS})])
    assert cells(model) == (
        "alice",
        "sensitive fields shown",
        "date of birth, passport expiry, passport number",
    )
    model.set_entries(
        [entry(AuditAction.EXPORT, {"fields": FIELDS, "export": "package", "visit": "V-1"})]
    )
    assert cells(model)[1:] == (
        "sensitive fields exported",
        "date of birth, passport expiry, passport number — exchange package V-1",
    )
    model.set_entries(
        [entry(AuditAction.EXPORT, {"fields": ["passport_number"], "export": "visits_table"})]
    )
    assert cells(model)[2] == "passport number — visits spreadsheet"


def test_malformed_disclosure_entries_still_read(qapp: QApplication) -> None:
    """Entries from another version or edited by hand: no crash, nothing invented."""
    model = HistoryModel()
    model.set_entries([entry(AuditAction.REVEAL, {"fields": "passport_number"})])
    assert cells(model)[2] == ""
    model.set_entries([entry(AuditAction.EXPORT, {"fields": ["shoe_size"], "export": "x"})])
    assert cells(model)[2] == "shoe_size"


def test_japanese_labels(japanese: None) -> None:
    model = HistoryModel()
    model.set_entries(
        [entry(AuditAction.EXPORT, {"fields": FIELDS, "export": "package", "visit": "V-1"})]
    )
    _, action, changes = cells(model)
    assert action == "機微情報の書き出し"
    assert changes == "生年月日, パスポートの有効期限, 旅券番号 — 交換パッケージ V-1"


def test_the_visit_history_shows_a_sensitive_package_export(
    qapp: QApplication, services: Services, sample: Sample
) -> None:
    """What the visit editor's History tab is given after an export with sensitive fields."""
    visit_id = sample.visit_in.id
    assert visit_id is not None
    services.exchange.build(visit_id, include_sensitive=True)
    model = HistoryModel()
    model.set_entries(services.visits.history(visit_id))
    _, action, changes = cells(model)  # newest first
    assert action == "sensitive fields exported"
    assert changes.endswith(f"exchange package {sample.visit_in.code}")
