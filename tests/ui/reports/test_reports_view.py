"""The Reports view shows the numbers of the chosen fiscal year and exports them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from planner.domain.entities import Visit
from planner.domain.enums import VisitStatus
from planner.domain.fiscal import FiscalSystem
from planner.services.container import Services
from planner.ui.common.bridge import ChangeBridge
from planner.ui.reports.reports_view import ReportsView
from tests.services.test_reports import ReportData, make_report_data


@pytest.fixture
def data(services: Services) -> ReportData:
    return make_report_data(services)


@pytest.fixture
def view(qtbot: QtBot, services: Services, data: ReportData) -> ReportsView:
    reports = ReportsView(services)
    qtbot.addWidget(reports)
    reports.resize(900, 650)
    reports.show()
    qtbot.waitExposed(reports)
    return reports


def _cells(view: ReportsView, name: str) -> list[list[str]]:
    model = view.models[name]
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_shows_the_chosen_fiscal_year(view: ReportsView, tmp_path: Path) -> None:
    view.set_fiscal_year(FiscalSystem.US, 2027)
    assert "1 Oct 2026 – 30 Sep 2027" in view.range_label.text()
    assert view.summary_label.text().startswith("2 visits · 16 person-days · 0 events")
    assert _cells(view, "category") == [
        ["Researcher", "研究者", "1", "6"],
        ["Student", "学生", "1", "10"],
        ["Total", "合計", "2", "16"],
    ]
    assert view.charts["category"].rows == [("Researcher", 1, 6), ("Student", 1, 10)]
    view.grab().save(str(tmp_path / "reports.png"))


def test_changing_the_controls_reloads(qtbot: QtBot, view: ReportsView) -> None:
    view.system_combo.setCurrentIndex(view.system_combo.findData("jp"))
    view.year_spin.setValue(2027)
    # Computed on a worker thread, then shown.
    qtbot.waitUntil(
        lambda: view.report is not None and view.report.fiscal_year.label.startswith("JP FY2027")
    )
    assert _cells(view, "direction")[-1] == ["Total", "合計", "2", "15"]
    events = view.events_model
    assert events.index(0, 2).data() == "Joint seminar"
    assert events.index(0, 5).data() == "2"
    assert events.index(0, 5).data(Qt.ItemDataRole.TextAlignmentRole) is not None


def test_follows_changes(
    qtbot: QtBot, services: Services, data: ReportData, view: ReportsView
) -> None:
    bridge = ChangeBridge(services.bus, view)
    bridge.changed.connect(view.on_change)
    view.set_fiscal_year(FiscalSystem.US, 2027)
    assert data.sample.miller.id and data.sample.riken.id
    with qtbot.waitSignal(view.models["category"].modelReset, timeout=3000):
        services.visits.create(
            Visit(visitor_id=data.sample.miller.id, host_institution_id=data.sample.riken.id,
                  arrival_date=view.report.fiscal_year.start,  # type: ignore[union-attr]
                  departure_date=view.report.fiscal_year.start,  # type: ignore[union-attr]
                  status=VisitStatus.APPROVED)
        )  # fmt: skip
    assert ["Staff", "職員", "1", "1"] in _cells(view, "category")
    bridge.close()


def test_export_dialog(
    qtbot: QtBot, view: ReportsView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    view.set_fiscal_year(FiscalSystem.JP, 2027)
    target = tmp_path / "report.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(view.exported, timeout=10000) as exported:
        assert view.export_dialog() == target
    assert exported.args == [target]
    assert target.read_bytes().startswith(b"PK")
