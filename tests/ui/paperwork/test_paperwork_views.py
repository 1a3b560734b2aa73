"""Paperwork across visits, the rules view, the agreements view and the start-up reminder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from planner.domain.enums import AgreementKind, PaperworkStatus, ResponsibleParty, VisitStatus
from planner.domain.paperwork import Agreement
from planner.services.container import Services
from planner.services.paperwork import PaperworkService
from planner.ui.agreements.agreements_view import AgreementsView
from planner.ui.common.roles import ID_ROLE
from planner.ui.paperwork.paperwork_models import OverviewColumn, Show
from planner.ui.paperwork.paperwork_view import PaperworkView
from planner.ui.paperwork.rules_view import RulesView
from planner.ui.shell import reminders
from planner.ui.shell.settings import open_settings
from tests.fixtures.sample import Sample

TODAY = date(2027, 1, 25)


@pytest.fixture
def view(qtbot: QtBot, services: Services, sample: Sample) -> PaperworkView:
    widget = PaperworkView(services, QUndoStack(), None)
    widget.today = lambda: TODAY
    widget.reload()
    qtbot.addWidget(widget)
    return widget


def _shown(view: PaperworkView, column: OverviewColumn) -> list[str]:
    return [view.proxy.index(r, column).data() for r in range(view.proxy.rowCount())]


def test_overview_lists_open_items_of_every_visit(view: PaperworkView, sample: Sample) -> None:
    assert set(_shown(view, OverviewColumn.VISIT)) == {sample.visit_in.code, sample.visit_out.code}
    assert view.proxy.rowCount() == view.model.rowCount() == 13
    assert "13 of 13" in view.count_label.text()


def test_overview_filters(view: PaperworkView, sample: Sample) -> None:
    view.set_filter(show=Show.OVERDUE)
    assert sorted(_shown(view, OverviewColumn.DOCUMENT)) == [
        "Export-control review (deemed export)",
        "Foreign-national access request (foreign visits and assignments)",
    ]
    assert set(_shown(view, OverviewColumn.LATE)) == {"late by 3 days"}
    view.set_filter(show=Show.DUE_SOON)  # overdue, plus 30-day items due 2027-02-06
    assert view.proxy.rowCount() == 5
    view.set_filter(show=Show.ALL, type_code="travel_insurance")
    assert view.proxy.rowCount() == 2
    view.set_filter(type_code="", responsible=ResponsibleParty.VISITOR)
    assert set(_shown(view, OverviewColumn.RESPONSIBLE)) == {"Visitor"}
    view.set_filter(responsible=None)
    view.filter_edit.setText("miller")
    assert set(_shown(view, OverviewColumn.VISIT)) == {sample.visit_out.code}


def test_status_change_from_the_overview_is_undoable(
    view: PaperworkView, services: Services
) -> None:
    view.set_filter(show=Show.OVERDUE)
    view.table.selectRow(0)
    item_id = view.selected_item_id()
    assert item_id == view.proxy.index(0, 0).data(ID_ROLE)
    assert view.set_item_status(item_id, PaperworkStatus.SUBMITTED)
    assert services.paperwork.get(item_id).status is PaperworkStatus.SUBMITTED
    assert view.proxy.rowCount() == 1  # no longer overdue once handed in
    view.undo_stack.undo()
    assert services.paperwork.get(item_id).status is PaperworkStatus.NOT_STARTED
    assert view.proxy.rowCount() == 2


def test_cancelled_visits_leave_the_overview(
    view: PaperworkView, services: Services, sample: Sample, qtbot: QtBot
) -> None:
    with qtbot.waitSignal(view.counts_changed):
        services.visits.set_status(sample.visit_in.id or 0, VisitStatus.CANCELLED)
    assert set(_shown(view, OverviewColumn.VISIT)) == {sample.visit_out.code}


def test_double_click_opens_the_visit(view: PaperworkView, sample: Sample, qtbot: QtBot) -> None:
    index = view.proxy.index(0, OverviewColumn.DOCUMENT)
    with qtbot.waitSignal(view.visit_activated) as signal:
        view.table.doubleClicked.emit(index)
    assert signal.args == [view.model.row_item(view.proxy.mapToSource(index).row()).visit_id]


def test_rules_view_shows_the_rules_and_the_note(qtbot: QtBot, services: Services) -> None:
    widget = RulesView(services, None)
    qtbot.addWidget(widget)
    rules = services.paperwork.ruleset
    assert "not legal advice" in widget.note_label.text()
    assert widget.rules_model.rowCount() == len(rules.rules)
    assert widget.documents_model.rowCount() == len(rules.documents)
    assert (
        "paperwork.toml" in widget.source_label.text() and "6 months" in widget.source_label.text()
    )
    first = widget.rules_table.model().index(0, 0).data()
    assert first == rules.rules[0].id  # the file's order


def test_rules_view_reports_a_broken_file(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    broken = tmp_path / "rules.toml"
    broken.write_text('[documents.a]\ntitle = "A"\nresponsible = "boss"\n', encoding="utf-8")
    services.paperwork = PaperworkService(services.db, services.bus, broken)
    widget = RulesView(services, None)
    qtbot.addWidget(widget)
    assert widget.error_label.isVisibleTo(widget)
    assert "document 'a': responsible: 'boss'" in widget.error_label.text()
    assert widget.rules_model.rowCount() == 0


def test_agreements_view_lists_and_follows_changes(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    widget = AgreementsView(services, None)
    widget.today = lambda: TODAY
    qtbot.addWidget(widget)
    assert widget.agreements_model.rowCount() == 0
    services.agreements.create(
        Agreement(AgreementKind.DATA_SHARING, "Data", partner_institution_id=sample.riken.id,
                  reference="DSA-1", signed_date=date(2026, 1, 1))
    )  # fmt: skip
    assert widget.agreements_model.rowCount() == 1
    cells = [widget.agreements_model.index(0, c).data() for c in range(8)]
    assert cells[:4] == ["Data sharing", "Data", "RIKEN Wako", "DSA-1"] and cells[-1] == "Active"


class FakeTray:
    """Stands in for QSystemTrayIcon (the offscreen platform has no tray)."""

    def __init__(self) -> None:
        self.messages: list[tuple[str, str]] = []
        self.visible = False

    def show(self) -> None:
        self.visible = True

    def hide(self) -> None:
        self.visible = False

    def showMessage(self, title: str, body: str, *_args: object) -> None:
        self.messages.append((title, body))


def test_overdue_items_are_notified_once(
    qtbot: QtBot, services: Services, sample: Sample, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    settings: QSettings = open_settings(tmp_path / "s.ini")
    tray = FakeTray()
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    fresh = reminders.notify_overdue(
        app,
        services,
        settings,
        today=TODAY,
        tray_factory=lambda: tray,  # type: ignore[arg-type,return-value]
    )
    assert len(fresh) == 2 and len(tray.messages) == 1
    title, body = tray.messages[0]
    assert title == "2 paperwork items overdue"
    assert sample.visit_in.code in body and "late by 3 d" in body
    again = reminders.notify_overdue(
        app,
        services,
        settings,
        today=TODAY,
        tray_factory=lambda: tray,  # type: ignore[arg-type,return-value]
    )
    assert again == [] and len(tray.messages) == 1
    later = reminders.notify_overdue(
        app,
        services,
        settings,
        today=date(2027, 2, 10),
        tray_factory=lambda: tray,  # type: ignore[arg-type,return-value]
    )
    assert later and all(i.due_date > date(2027, 1, 22) for i in later)


def test_without_a_tray_nothing_is_shown_or_remembered(
    qtbot: QtBot, services: Services, sample: Sample, tmp_path: Path
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert not QSystemTrayIcon.isSystemTrayAvailable()  # offscreen
    settings = open_settings(tmp_path / "s.ini")
    assert len(reminders.notify_overdue(app, services, settings, today=TODAY)) == 2
    assert settings.value(reminders.SETTINGS_KEY) is None
