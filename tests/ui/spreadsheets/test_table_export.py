"""Export of a table view exactly as shown: filtered, sorted, visible columns in visual order."""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QFileDialog, QTableView
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.spreadsheets import table_export
from planner.ui.spreadsheets.table_export import export_table_dialog, export_view, visible_table
from planner.ui.visits.visits_view import VisitsView
from tests.services.test_reports import make_report_data

ROWS = [
    ("V-1", "Tanaka", "田中", "=cmd|' /C calc'!A0"),
    ("V-2", "Miller", "", "plain"),
    ("V-3", "Sato", "佐藤", "+1"),
    ("V-4", "Abe", "阿部", "@x"),
]


@pytest.fixture
def view(qtbot: QtBot) -> QTableView:
    """A table over a filtering, sorting proxy; one column hidden, two swapped."""
    model = QStandardItemModel(0, 4)
    model.setHorizontalHeaderLabels(["Code", "Name", "Kanji", "Note"])
    for row in ROWS:
        model.appendRow([QStandardItem(v) for v in row])
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    proxy.setFilterFixedString("a")  # Tanaka, Sato, Abe; not Miller
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    table = QTableView()
    proxy.setParent(table)
    table.setModel(proxy)
    table.setColumnHidden(0, True)  # Code hidden
    table.horizontalHeader().moveSection(3, 1)  # Note shown before Name
    qtbot.addWidget(table)
    return table


def test_visible_table_is_what_the_view_shows(view: QTableView) -> None:
    table = visible_table(view, "t")
    assert list(table.header) == ["Note", "Name", "Kanji"]
    # Filter "a" keeps Tanaka, Sato, Abe (not Miller); sorted by name, descending.
    assert [list(r) for r in table.rows] == [
        ["=cmd|' /C calc'!A0", "Tanaka", "田中"],
        ["+1", "Sato", "佐藤"],
        ["@x", "Abe", "阿部"],
    ]


def test_export_view_csv_and_xlsx_neutralised(view: QTableView, tmp_path: Path) -> None:
    out = export_view(view, tmp_path / "t.csv", "csv")
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert rows == [
        ["Note", "Name", "Kanji"],
        ["'=cmd|' /C calc'!A0", "Tanaka", "田中"],
        ["'+1", "Sato", "佐藤"],
        ["'@x", "Abe", "阿部"],
    ]
    book = load_workbook(export_view(view, tmp_path / "t.xlsx", "xlsx", "Visits"))
    sheet = book["Visits"]
    cells = [[c for c in row] for row in sheet.iter_rows()]
    assert [[c.value for c in row] for row in cells] == rows
    assert all(c.data_type != "f" for row in cells for c in row)


def test_visits_view_filtered_and_sorted(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    make_report_data(services)
    visits = VisitsView(services)
    qtbot.addWidget(visits)
    visits.reload()
    visits.filter_edit.setText("Sato")
    visits._apply_filter()  # what the typing timer does
    visits.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    proxy = visits.proxy
    shown_codes = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert len(shown_codes) == 3 and shown_codes == sorted(shown_codes, reverse=True)
    table = visible_table(visits.table, "visits")
    assert [row[0] for row in table.rows] == shown_codes
    assert all("Sato" in " ".join(str(c) for c in row) for row in table.rows)


def test_dialog_writes_the_chosen_file(
    view: QTableView, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "chosen"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName",
        lambda *a, **k: (str(target), table_export._FILTERS["csv"]),
    )  # fmt: skip
    written = export_table_dialog(None, view, "people")
    assert written == tmp_path / "chosen.csv" and written.read_bytes().startswith(b"\xef\xbb\xbf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert export_table_dialog(None, view, "people") is None
