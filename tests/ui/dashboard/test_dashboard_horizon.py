"""The dashboard's horizon: 14, 30, 60 or 90 days, chosen on the dashboard and remembered."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from planner.domain.enums import VisitStatus
from planner.services.container import Services
from planner.ui.dashboard.dashboard_view import HORIZON_CHOICES, DashboardView
from planner.ui.shell.settings import open_settings
from tests.fixtures.sample import Sample
from tests.services.test_dashboard import add_visit

TODAY = date(2027, 3, 1)


def make_view(qtbot: QtBot, services: Services) -> DashboardView:
    view = DashboardView(services, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_a_longer_horizon_shows_later_arrivals_and_says_so(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    soon = add_visit(services, sample, TODAY + timedelta(days=5), TODAY + timedelta(days=9))
    later = add_visit(
        services,
        sample,
        TODAY + timedelta(days=40),
        TODAY + timedelta(days=50),
        VisitStatus.CONFIRMED,
    )
    view = make_view(qtbot, services)
    assert [view.horizon_combo.itemData(i) for i in range(4)] == list(HORIZON_CHOICES)
    arriving = view.arrivals.model.visit_ids()
    assert soon in arriving and later not in arriving
    assert view.arrivals.title().startswith("Arrivals — next 14 days")
    leaving = view.departures.model.rowCount()
    assert view.status.text() == f"Next 14 days: {len(arriving)} arriving, {leaving} leaving"
    view.horizon_combo.setCurrentIndex(HORIZON_CHOICES.index(60))
    assert view.horizon_days == 60
    assert set(view.arrivals.model.visit_ids()) >= {*arriving, later}
    assert view.arrivals.title().startswith("Arrivals — next 60 days")
    assert view.paperwork.title().startswith("Paperwork overdue or due within 60 days")
    assert view.status.text().startswith(f"Next 60 days: {view.arrivals.model.rowCount()} arriving")


def test_the_horizon_is_remembered_as_interface_state(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    settings = open_settings(tmp_path / "planner.ini")
    view = make_view(qtbot, services)
    view.horizon_combo.setCurrentIndex(HORIZON_CHOICES.index(90))
    view.save_state(settings)
    settings.sync()
    again = make_view(qtbot, services)
    again.restore_state(QSettings(str(tmp_path / "planner.ini"), QSettings.Format.IniFormat))
    assert again.horizon_days == 90 and again.horizon_combo.currentData() == 90


def test_a_tampered_horizon_is_ignored(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    settings = open_settings(tmp_path / "planner.ini")
    view = make_view(qtbot, services)
    for value in ("-5", "abc", "100000", "", "7"):
        settings.setValue("Dashboard/horizonDays", value)
        view.restore_state(settings)
        assert view.horizon_days == 14
    assert view.horizon_combo.count() == len(HORIZON_CHOICES)
