"""The Reports view: the activity report of a chosen fiscal year, with tables and charts.

Wiring (main window)::

    self.reports_view = ReportsView(services, self)
    self.workspace.add_page(Page("reports", self.tr("Reports"), self.reports_view,
                                 self.reports_view.on_change, self.reports_view.reload))

The numbers come from :meth:`planner.services.reports.ReportService.activity`; the charts
are drawn by the same code as the report PDF. **Export…** writes the shown report as PDF,
XLSX or CSV.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import RecordKind
from planner.domain.errors import PlannerError
from planner.domain.fiscal import FiscalSystem, fiscal_year_of
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.export.report import ReportFormat, paint_report_on, report_title, write_report
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.dashboard import local_today
from planner.services.reports import NO_PROJECT, ActivityReport, Breakdown
from planner.ui.common import formats
from planner.ui.common.errors import error_message, message_text, planner_error_text
from planner.ui.common.notify import notify_written
from planner.ui.common.operations import LatestOnly, Operation
from planner.ui.common.printing import preview_document, print_document
from planner.ui.common.view import ViewDefaults
from planner.ui.reports.charts import BarChartWidget

#: Changes after which the report is read again.
RELOAD_KINDS = frozenset(
    {
        RecordKind.VISIT,
        RecordKind.PERSON,
        RecordKind.INSTITUTION,
        RecordKind.PROJECT,
        RecordKind.EVENT,
    }
)

_TAB_TITLES = {
    "direction": QT_TRANSLATE_NOOP("ReportsView", "Direction"),
    "category": QT_TRANSLATE_NOOP("ReportsView", "Category"),
    "project": QT_TRANSLATE_NOOP("ReportsView", "Project"),
    "purpose": QT_TRANSLATE_NOOP("ReportsView", "Purpose"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ReportsView", text)


class RowsModel(QAbstractTableModel):
    """A read-only table of report rows (aggregates; numbers right-aligned)."""

    def __init__(self, headers: list[str], numeric: set[int], parent: Any = None) -> None:
        super().__init__(parent)
        self._headers = headers
        self._numeric = numeric
        self._rows: list[list[str]] = []

    def set_rows(self, rows: list[list[str]]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Rows shown."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        """Columns shown."""
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        """Display text and alignment."""
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self._numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self._rows[index.row()][
            0
        ] == QCoreApplication.translate("ReportsView", "Total"):
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:  # noqa: N802
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        return None


def _table(model: RowsModel, parent: QWidget, stretch: tuple[int, ...]) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    for column in stretch:
        view.horizontalHeader().setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
    return view


class ReportsView(ViewDefaults, QWidget):
    """Choose a fiscal year (US or Japanese, and its year) and read the activity report."""

    #: An export finished; carries the written file.
    exported = Signal(object)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reportsView")
        self._services = services
        self._stale = False
        self.report: ActivityReport | None = None

        bar = self._build_controls()
        self.range_label = QLabel(self)
        self.range_label.setObjectName("reportRange")
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("reportSummary")
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        note = QLabel(
            QCoreApplication.translate(
                "ReportsView",
                "Counted: approved, confirmed, in-progress and completed visits (not drafts, "
                "proposals or cancelled). Person-days: calendar days of each stay inside the "
                "fiscal year, arrival and departure included.",
            ),
            self,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        self._build_tabs()

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.range_label)
        layout.addWidget(self.summary_label)
        layout.addWidget(note)
        layout.addWidget(self.tabs, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(150)
        # Reports over years of visits take a moment: after a change or a new choice in the
        # controls they are computed on a worker thread and shown when ready (latest wins).
        self._reads = LatestOnly()
        self._reload_timer.timeout.connect(self._request_reload)
        self.system_combo.currentIndexChanged.connect(self._reload_timer.start)
        self.year_spin.valueChanged.connect(self._reload_timer.start)
        self.reload()

    def _build_controls(self) -> QHBoxLayout:
        """Fiscal-year system and year, and Export…"""
        self.system_combo = QComboBox(self)
        self.system_combo.setAccessibleName(
            QCoreApplication.translate("ReportsView", "Fiscal year system")
        )
        self.system_combo.addItem(
            QCoreApplication.translate("ReportsView", "US fiscal year (Oct–Sep)"),
            FiscalSystem.US.value,
        )
        self.system_combo.addItem(
            QCoreApplication.translate("ReportsView", "Japanese fiscal year (Apr–Mar)"),
            FiscalSystem.JP.value,
        )
        self.year_spin = QSpinBox(self)
        self.year_spin.setAccessibleName(QCoreApplication.translate("ReportsView", "Fiscal year"))
        self.year_spin.setRange(1990, 2100)
        self.year_spin.setPrefix(QCoreApplication.translate("ReportsView", "FY"))
        today = local_today()
        self.year_spin.setValue(fiscal_year_of(FiscalSystem.US, today).year)
        self.export_button = QPushButton(QCoreApplication.translate("ReportsView", "Export…"), self)
        self.export_button.clicked.connect(self.export_dialog)
        self.print_button = QPushButton(QCoreApplication.translate("ReportsView", "Print…"), self)
        self.print_button.setObjectName("reportPrint")
        self.preview_button = QPushButton(
            QCoreApplication.translate("ReportsView", "Print Preview…"), self
        )
        self.preview_button.setObjectName("reportPrintPreview")
        self.print_button.clicked.connect(lambda: self.print_report(preview=False))
        self.preview_button.clicked.connect(lambda: self.print_report(preview=True))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(QCoreApplication.translate("ReportsView", "Fiscal year:"), self))
        bar.addWidget(self.system_combo)
        bar.addWidget(self.year_spin)
        bar.addStretch(1)
        bar.addWidget(self.print_button)
        bar.addWidget(self.preview_button)
        bar.addWidget(self.export_button)
        return bar

    def _build_tabs(self) -> None:
        """One tab per breakdown (a table over its chart), and the events held."""
        self.tabs = QTabWidget(self)
        self.models: dict[str, RowsModel] = {}
        self.tables: dict[str, QTableView] = {}
        self.charts: dict[str, BarChartWidget] = {}
        for name, title in _TAB_TITLES.items():
            model = RowsModel(
                [
                    _tr(title),
                    QCoreApplication.translate("ReportsView", "Japanese"),
                    QCoreApplication.translate("ReportsView", "Visits"),
                    QCoreApplication.translate("ReportsView", "Person-days"),
                ],
                {2, 3},
                self,
            )
            splitter = QSplitter(Qt.Orientation.Vertical, self.tabs)
            table = _table(model, splitter, (1,))
            table.setAccessibleName(_tr(title))
            chart = BarChartWidget(splitter)
            splitter.addWidget(table)
            splitter.addWidget(chart)
            splitter.setStretchFactor(0, 1)
            splitter.setStretchFactor(1, 2)
            self.models[name], self.tables[name], self.charts[name] = model, table, chart
            self.tabs.addTab(splitter, _tr(title))
        self.events_model = RowsModel(
            [
                QCoreApplication.translate("ReportsView", "Date"),
                QCoreApplication.translate("ReportsView", "Kind"),
                QCoreApplication.translate("ReportsView", "Title"),
                QCoreApplication.translate("ReportsView", "Japanese title"),
                QCoreApplication.translate("ReportsView", "Institution"),
                QCoreApplication.translate("ReportsView", "Participants"),
            ],
            {5},
            self,
        )
        self.events_table = _table(self.events_model, self.tabs, (2, 3))
        self.events_table.setAccessibleName(QCoreApplication.translate("ReportsView", "Events"))
        self.tabs.addTab(self.events_table, QCoreApplication.translate("ReportsView", "Events"))

    @property
    def system(self) -> FiscalSystem:
        """The chosen fiscal-year system."""
        return FiscalSystem(self.system_combo.currentData())

    def set_fiscal_year(self, system: FiscalSystem, year: int) -> None:
        """Show the report of *year* in *system* (as if chosen in the controls)."""
        self.system_combo.blockSignals(True)
        self.year_spin.blockSignals(True)
        try:
            self.system_combo.setCurrentIndex(self.system_combo.findData(system.value))
            self.year_spin.setValue(year)
        finally:
            self.system_combo.blockSignals(False)
            self.year_spin.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        """Read the report of the chosen fiscal year now and show it."""
        self._reload_timer.stop()
        self._stale = False
        try:
            self._reads.run_now(self._read_operation())  # a pending read is dropped
        except PlannerError as exc:
            self.summary_label.setText(planner_error_text(exc))

    def _request_reload(self) -> None:
        self._stale = False
        self._reads.run_in_background(self._read_operation())

    def _read_operation(self) -> Operation[ActivityReport]:
        reports, system, year = self._services.reports, self.system, self.year_spin.value()
        return Operation(
            self, lambda _report: reports.activity(system, year), self._show_report
        ).failure(lambda exc: self.summary_label.setText(error_message(exc)))

    def _show_report(self, report: ActivityReport) -> None:
        self.report = report
        fy = report.fiscal_year
        self.range_label.setText(
            QCoreApplication.translate(
                "ReportsView", "<b>{system} FY{year}</b>: {start} – {end}"
            ).format(
                system=fy.system.value.upper(),
                year=fy.year,
                start=formats.day_month_year(fy.start),
                end=formats.day_month_year(fy.end),
            )
        )
        participants = sum(e.participants for e in report.events)
        self.summary_label.setText(
            QCoreApplication.translate(
                "ReportsView",
                "{v} visits · {d} person-days · {e} events held · {p} event participants",
            ).format(
                v=formats.number(report.visits),
                d=formats.number(report.person_days),
                e=formats.number(len(report.events)),
                p=formats.number(participants),
            )
        )
        for b in report.breakdowns:
            self._show_breakdown(b)
        self.events_model.set_rows(
            [
                [
                    formats.day_month_year(e.date),
                    e.kind,
                    e.title,
                    e.title_ja,
                    e.institution,
                    formats.number(e.participants),
                ]
                for e in report.events
            ]
            + [
                [
                    QCoreApplication.translate("ReportsView", "Total"),
                    "",
                    "",
                    "",
                    "",
                    formats.number(participants),
                ]
            ]
        )

    def _show_breakdown(self, b: Breakdown) -> None:
        keys = [message_text(r.key) if r.key == NO_PROJECT else r.key for r in b.rows]
        rows = [
            [key, r.key_ja, formats.number(r.visits), formats.number(r.person_days)]
            for key, r in zip(keys, b.rows, strict=True)
        ]
        rows.append(
            [
                QCoreApplication.translate("ReportsView", "Total"),
                "合計",
                formats.number(b.total_visits),
                formats.number(b.total_person_days),
            ]
        )
        if b.name in self.models:
            self.models[b.name].set_rows(rows)
            self.charts[b.name].set_rows(
                message_text(b.title),
                [(key, r.visits, r.person_days) for key, r in zip(keys, b.rows, strict=True)],
            )

    def on_change(self, change: Change) -> None:
        """Reload soon when visits, people, events or names change (later if hidden)."""
        if not change.concerns(*RELOAD_KINDS):
            return
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt API)
        """Catch up with changes made while hidden."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    def export_to(self, path: Path, fmt: ReportFormat) -> Operation[Path]:
        """Start writing the shown report to *path* in *fmt*; :attr:`exported` tells when done.

        Written on a worker thread (charts and PDF layout take a moment): the window keeps
        repainting, and Export is disabled until the file is written or the write failed.
        """
        report = self.report
        if report is None:
            raise PlannerError(QT_TRANSLATE_NOOP("Validation", "no report to export"))
        self.export_button.setEnabled(False)
        return (
            Operation(self, lambda _report: write_report(report, fmt, path), self._on_exported)
            .failure(self._on_export_failed)
            .run_in_background()
        )

    def _on_exported(self, written: Path) -> None:
        self.export_button.setEnabled(True)
        notify_written(self, written)
        self.exported.emit(written)

    def _on_export_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        QMessageBox.warning(
            self, QCoreApplication.translate("ReportsView", "Export report"), error_message(exc)
        )

    def print_view(self, *, preview: bool) -> object:
        """File ▸ Print on this page prints the report shown."""
        return self.print_report(preview=preview)

    def print_report(self, *, preview: bool) -> object:
        """Print (or preview) the shown report as the PDF export lays it out."""
        report = self.report
        if report is None:
            return None

        def paint(printer: QPrinter, dpi: int) -> None:
            paint_report_on(report, printer, dpi)

        title = report_title(report)
        if preview:
            return preview_document(self, title, paint)
        return print_document(self, title, paint)

    def export_dialog(self) -> Path | None:
        """Ask for a file (PDF, XLSX or CSV) and start writing the shown report there.

        Returns the file being written (None if the user cancelled); :attr:`exported`
        follows once it is written, and a failure is shown in a message box.
        """
        if self.report is None:
            return None
        fy = self.report.fiscal_year
        filters = {
            ReportFormat.PDF: QCoreApplication.translate("ReportsView", "PDF document (*.pdf)"),
            ReportFormat.XLSX: QCoreApplication.translate("ReportsView", "Excel workbook (*.xlsx)"),
            ReportFormat.CSV: QCoreApplication.translate(
                "ReportsView", "CSV, UTF-8 with BOM (*.csv)"
            ),
        }
        suggested = Path.home() / f"activity-report-{fy.system.value}-fy{fy.year}.pdf"
        chosen, selected = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("ReportsView", "Export report"),
            str(suggested),
            ";;".join(filters.values()),
        )
        if not chosen:
            return None
        path = Path(chosen)
        suffix = path.suffix.lower().lstrip(".")
        if suffix in {f.value for f in ReportFormat}:
            fmt = ReportFormat(suffix)
        else:
            fmt = next((f for f, text in filters.items() if text == selected), ReportFormat.PDF)
            path = path.with_name(path.name + f".{fmt.value}")
        try:
            self.export_to(path, fmt)
        except PlannerError as exc:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("ReportsView", "Export report"),
                planner_error_text(exc),
            )
            return None
        return path
