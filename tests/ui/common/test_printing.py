"""Print and Print Preview: the PDF export's own layout painted onto a printer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.container import Services
from planner.ui.common import printing
from planner.ui.itinerary.itinerary_editor import ItineraryEditor
from planner.ui.reports.reports_view import ReportsView
from planner.ui.shell.main_window import MainWindow
from tests.export.conftest import TripData, make_trip
from tests.fixtures.sample import Sample


def pdf_printer(path: Path) -> QPrinter:
    """A printer that prints to the PDF file *path* (no real printer in the tests)."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


@pytest.fixture
def trip(services: Services) -> TripData:
    return make_trip(services)


@pytest.fixture
def printed(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Print accepts the dialog at once and prints to a PDF file; the file's path."""
    target = tmp_path / "printed.pdf"
    monkeypatch.setattr(printing, "new_printer", lambda _title: pdf_printer(target))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)
    return target


def test_qt_print_support_is_bundled() -> None:
    """PySide6-Essentials has QtPrintSupport: printing needs no PDF detour."""
    from PySide6 import QtPrintSupport

    assert QtPrintSupport.QPrintPreviewDialog is not None


def test_the_itinerary_prints_from_the_visit_editor_tab(
    qtbot: QtBot, services: Services, trip: TripData, printed: Path
) -> None:
    editor = ItineraryEditor(services, QUndoStack())
    qtbot.addWidget(editor)
    editor.set_visit(trip.visit.id)
    editor.print_button.click()
    data = printed.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 2000


def test_the_itinerary_preview_shows_its_pages(
    qtbot: QtBot, services: Services, trip: TripData
) -> None:
    editor = ItineraryEditor(services, QUndoStack())
    qtbot.addWidget(editor)
    editor.set_visit(trip.visit.id)
    dialog = editor.print_itinerary(preview=True)
    assert isinstance(dialog, printing.QPrintPreviewDialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() >= 1)
    assert trip.visit.code in dialog.windowTitle()
    dialog.close()


def test_the_report_prints_and_previews(qtbot: QtBot, services: Services, printed: Path) -> None:
    from tests.services.test_reports import make_report_data

    make_report_data(services)
    view = ReportsView(services)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitUntil(lambda: view.report is not None)
    view.print_button.click()
    assert printed.read_bytes().startswith(b"%PDF")
    dialog = view.print_report(preview=True)
    assert isinstance(dialog, printing.QPrintPreviewDialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() >= 1)
    dialog.close()


def test_a_document_that_cannot_be_laid_out_is_explained(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warned.append(text))

    def paint(_printer: QPrinter, _dpi: int) -> None:
        raise PlannerError(QT_TRANSLATE_NOOP("Validation", "no report to export"))

    assert not printing.paint_or_warn(None, paint, pdf_printer(tmp_path / "x.pdf"))
    assert warned and "report" in warned[0]


def test_cancelling_the_print_dialog_prints_nothing(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "never.pdf"
    monkeypatch.setattr(printing, "new_printer", lambda _title: pdf_printer(target))
    monkeypatch.setattr(QPrintDialog, "exec", lambda _self: QDialog.DialogCode.Rejected)
    painted: list[int] = []
    assert not printing.print_document(None, "t", lambda _p, dpi: painted.append(dpi))
    assert painted == [] and not target.exists()


def test_ctrl_p_in_the_window_prints_the_selected_visits_itinerary(
    qtbot: QtBot, window: MainWindow, sample: Sample, printed: Path
) -> None:
    import subprocess

    assert sample.visit_out.id is not None
    window.visits_view.select_visit(sample.visit_out.id)
    window.visits_view.table.setFocus()
    qtbot.keyClick(window.visits_view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    # poppler-utils is installed by .ci/run; the code is in the printed itinerary's heading.
    text = subprocess.run(
        ["pdftotext", str(printed), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert sample.visit_out.code in text


def test_print_on_the_reports_page_prints_the_report(
    qtbot: QtBot, window: MainWindow, printed: Path
) -> None:
    window.workspace.show_page("reports")
    view = window.workspace.view("reports")
    assert isinstance(view, ReportsView)
    qtbot.waitUntil(lambda: view.report is not None)
    window.workspace_actions.print.trigger()
    assert printed.read_bytes().startswith(b"%PDF")
    assert window.workspace_actions.print_preview.shortcut().toString() == "Ctrl+Shift+P"


def test_ctrl_p_in_a_visit_editor_prints_its_itinerary(
    qtbot: QtBot, window: MainWindow, sample: Sample, printed: Path
) -> None:
    assert sample.visit_in.id is not None
    editor = window.open_visit(sample.visit_in.id)
    qtbot.waitExposed(editor)
    assert editor.print_action.isEnabled()
    editor.print_action.trigger()
    assert printed.read_bytes().startswith(b"%PDF")
