"""Commands on the selected visit: without a selection they do nothing; cancel asks the domain."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import update

from planner.db.models import VisitRow
from planner.domain.enums import VisitStatus
from planner.services.container import Services
from planner.ui.shell.main_window import MainWindow
from tests.fixtures.sample import Sample


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    return shown


def test_without_a_selection_nothing_happens(
    window: MainWindow, services: Services, messages: list[str]
) -> None:
    window.visits_view.table.setCurrentIndex(QModelIndex())
    commands = window.visit_commands
    commands.open_current()
    assert commands.duplicate() is None
    assert commands.cancel() is False
    assert window.editors.visit_ids() == []
    assert len(services.visits.summaries()) == 2
    assert messages == []


def test_a_completed_visit_cannot_be_cancelled(
    window: MainWindow, services: Services, sample: Sample, messages: list[str]
) -> None:
    assert sample.visit_in.id is not None
    # The life cycle is tested elsewhere; here only the state matters.
    with services.db.write() as session:
        session.execute(
            update(VisitRow)
            .where(VisitRow.id == sample.visit_in.id)
            .values(status=VisitStatus.COMPLETED)
        )
    visit = services.visits.get(sample.visit_in.id)
    window.visits_view.reload()
    window.visits_view.select_visit(sample.visit_in.id)
    assert window.visit_commands.cancel() is False
    assert messages == [f"Visit {visit.code} is completed and can no longer be cancelled."]
    assert window.editors.visit_ids() == []  # no editor opened for it


def test_the_refusal_names_the_status_in_japanese(
    window: MainWindow, services: Services, sample: Sample, messages: list[str]
) -> None:
    """Not "はcompletedのため": the status reads as the interface's word for it."""
    from PySide6.QtWidgets import QApplication

    from planner.ui.shell.language import install_language, remove_language

    assert sample.visit_in.id is not None
    with services.db.write() as session:
        session.execute(
            update(VisitRow)
            .where(VisitRow.id == sample.visit_in.id)
            .values(status=VisitStatus.COMPLETED)
        )
    window.visits_view.reload()
    window.visits_view.select_visit(sample.visit_in.id)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_language(app, "ja")
    try:
        assert window.visit_commands.cancel() is False
    finally:
        remove_language(app, translators)
    assert len(messages) == 1
    assert "completed" not in messages[0] and "完了" in messages[0]
