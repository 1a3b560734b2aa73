"""File → Import People… / Import Visits…: a wizard over the CSV/XLSX importers.

Pages: choose the file → map columns to fields (matched automatically, one combo per field)
→ preview every row with its problems (reading and checking run in a worker thread with a
progress bar; *Import* stays disabled while any problem remains) → import (one transaction
in a worker thread, with progress). The window stays responsive throughout; committed
records reach the views through the services' change bus.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.importing.common import ImportPlan, ImportReport, RowPreview, RowStatus
from planner.importing.headers import (
    PEOPLE_FIELDS,
    VISIT_FIELDS,
    FieldSpec,
    match_headers,
    suggest_field,
)
from planner.importing.run import commit_plan, plan_file
from planner.importing.table import ImportRowsError, RowProblem, read_header
from planner.services.container import Services
from planner.ui.common.errors import error_message, message_text
from planner.ui.common.formats import plural
from planner.ui.common.gc_pause import CollectionPause
from planner.ui.common.operations import Operation, Report
from planner.ui.common.palette import error_colour

Kind = Literal["people", "visits"]
Job = Callable[[Callable[[int, int], None]], object]
_CREATE_HINT = QT_TRANSLATE_NOOP("Validation", "tick 'Create unknown institutions'")
_INDEX = QModelIndex | QPersistentModelIndex


def row_problem_text(problem: RowProblem) -> str:
    """``row 3, column E-mail, value 'x': reason`` in the interface language."""
    column, message = message_text(problem.column), message_text(problem.message)
    if problem.value:
        return QCoreApplication.translate(
            "ImportWizard", "row {row}, column {column}, value {value}: {message}"
        ).format(row=problem.row, column=column, value=repr(problem.value), message=message)
    return QCoreApplication.translate(
        "ImportWizard", "row {row}, column {column}: {message}"
    ).format(row=problem.row, column=column, message=message)


def report_text(report: ImportReport) -> str:
    """``1201 people added, 0 already present; institutions created: Kobe U``, translated."""
    text = QCoreApplication.translate(
        "ImportWizard", "{added} {kind} added, {present} already present"
    ).format(added=report.added, kind=kind_text(report.kind), present=report.present)
    if report.institutions_created:
        text += QCoreApplication.translate(
            "ImportWizard", "; institutions created: {names}"
        ).format(names=", ".join(report.institutions_created))
    return text


def kind_text(kind: str) -> str:
    """``people`` or ``visits`` in the interface language."""
    if kind == "people":
        return QCoreApplication.translate("ImportWizard", "people")
    return QCoreApplication.translate("ImportWizard", "visits")


def failure_text(exc: Exception) -> str:
    """What the wizard shows when checking or importing failed: every row problem, or why."""
    if isinstance(exc, ImportRowsError):
        return "\n".join(row_problem_text(p) for p in exc.problems)
    return error_message(exc)


class PreviewModel(QAbstractTableModel):
    """The rows of a checked file: row number, what importing does with it, problems."""

    HEADERS = (
        QT_TRANSLATE_NOOP("PreviewModel", "Row"),
        QT_TRANSLATE_NOOP("PreviewModel", "Result"),
        QT_TRANSLATE_NOOP("PreviewModel", "Record"),
        QT_TRANSLATE_NOOP("PreviewModel", "Problems"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowPreview] = []

    def set_rows(self, rows: list[RowPreview]) -> None:
        """Show *rows* (problem rows first, then in file order)."""
        self.beginResetModel()
        self._rows = sorted(rows, key=lambda r: (r.status is not RowStatus.PROBLEM, r.number))
        self.endResetModel()

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Rows of the file."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        """Four columns."""
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(  # noqa: N802 - Qt API
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("PreviewModel", self.HEADERS[section])
        return None

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Text of a cell; problem rows in red."""
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            problems = "; ".join(
                f"{message_text(p.column)}: {message_text(p.message)}" for p in row.problems
            )
            status = QCoreApplication.translate("Validation", row.status.value)
            return (str(row.number), status, row.summary, problems)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and row.status is RowStatus.PROBLEM:
            return QBrush(error_colour())
        return None


class FilePage(QWizardPage):
    """Choose the .csv or .xlsx file."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(QCoreApplication.translate("FilePage", "Choose a file"))
        self.setSubTitle(
            QCoreApplication.translate(
                "FilePage",
                "A .csv (UTF-8, UTF-16 or Shift_JIS; comma, semicolon or tab) or .xlsx file "
                "whose first row names the columns. Formulas in an .xlsx file count with the "
                "values Excel or LibreOffice stored.",
            )
        )
        self.path_edit = QLineEdit(self)
        self.path_edit.textChanged.connect(self.completeChanged)
        browse = QPushButton(QCoreApplication.translate("FilePage", "Browse…"), self)
        browse.clicked.connect(self._browse)
        self.error_label = QLabel(self)
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {error_colour().name()}")
        self.template_button = QPushButton(
            QCoreApplication.translate("FilePage", "Save an empty template…"), self
        )
        self.template_button.setToolTip(
            QCoreApplication.translate(
                "FilePage",
                "An .xlsx file with every column this import recognises (English and Japanese "
                "titles), an example row and drop-down lists",
            )
        )
        self.template_button.clicked.connect(self._save_template)
        row = QHBoxLayout()
        row.addWidget(self.path_edit)
        row.addWidget(browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addStretch()
        layout.addWidget(self.template_button, 0, Qt.AlignmentFlag.AlignLeft)

    def _save_template(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("FilePage", "Save template"),
            f"{self._wizard.kind}-template.xlsx",
            QCoreApplication.translate("FilePage", "Excel workbook (*.xlsx)"),
        )
        if name:
            self.save_template(Path(name))

    def save_template(self, path: Path) -> bool:
        """Write the template of this wizard's kind to *path* (``.xlsx`` added if missing)."""
        from planner.export.atomic import atomic_write
        from planner.importing.templates import template_bytes

        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            atomic_write(path, template_bytes(self._wizard.kind))
        except (PlannerError, OSError) as exc:
            self.error_label.setText(error_message(exc))
            return False
        self.error_label.setText(
            QCoreApplication.translate("FilePage", "Template saved: {path}").format(path=path)
        )
        return True

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("FilePage", "Import file"),
            self.path_edit.text(),
            QCoreApplication.translate("FilePage", "Spreadsheets (*.csv *.xlsx);;All files (*)"),
        )
        if name:
            self.path_edit.setText(name)

    def path(self) -> Path:
        """The chosen file."""
        return Path(self.path_edit.text().strip())

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        """A file must be chosen."""
        return bool(self.path_edit.text().strip()) and self.path().is_file()

    def validatePage(self) -> bool:  # noqa: N802 - Qt API
        """Read the header row (fast); a file that cannot be read stays on this page."""
        try:
            self._wizard.header = read_header(self.path())
        except (ImportRowsError, OSError) as exc:
            self.error_label.setText(error_message(exc))
            return False
        self.error_label.clear()
        return True


class MappingPage(QWizardPage):
    """One combo per field: which column of the file holds it (matched automatically)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(QCoreApplication.translate("MappingPage", "Match the columns"))
        self.setSubTitle(
            QCoreApplication.translate(
                "MappingPage",
                "Columns were matched by their names; correct any that are wrong. "
                "Fields marked * are required.",
            )
        )
        self.combos: dict[str, QComboBox] = {}
        inner = QWidget(self)
        self.form = QFormLayout(inner)
        for spec in wizard.fields:
            combo = QComboBox(inner)
            combo.currentIndexChanged.connect(self.completeChanged)
            self.combos[spec.key] = combo
            label = message_text(spec.label) + (" *" if spec.required else "")
            self.form.addRow(label, combo)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        #: Columns matched to no field, with the closest field when one is close enough.
        self.unmatched_label = QLabel(self)
        self.unmatched_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unmatched_label)
        layout.addWidget(scroll)
        #: Field key → column index of the suggestions filled in (not exact matches).
        self.suggested: dict[str, int] = {}

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        """Fill the combos with the file's headers, the automatic matches and, for a field
        nothing matched, the unmatched column whose title is closest (marked as a guess)."""
        header = self._wizard.header
        fields = self._wizard.fields
        auto = match_headers(header, fields)
        used = {index for index in auto.values() if index is not None}
        self.suggested = {}
        notes: list[str] = []
        for index, title in enumerate(header):
            if index in used or not title.strip():
                continue
            close = suggest_field(title, fields)
            if (
                close is not None
                and auto.get(close.key) is None
                and close.key not in self.suggested
            ):
                self.suggested[close.key] = index
                notes.append(
                    QCoreApplication.translate(
                        "MappingPage", "{title} → {field}? (closest field; check it)"
                    ).format(title=repr(title), field=message_text(close.label))
                )
            else:
                notes.append(
                    QCoreApplication.translate("MappingPage", "{title}: not imported").format(
                        title=repr(title)
                    )
                )
        auto.update(self.suggested)
        self.unmatched_label.setText(
            QCoreApplication.translate("MappingPage", "Columns not recognised: {list}").format(
                list="; ".join(notes)
            )
            if notes
            else ""
        )
        self.unmatched_label.setVisible(bool(notes))
        for key, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(QCoreApplication.translate("MappingPage", "(not in the file)"), None)
            for index, text in enumerate(header):
                combo.addItem(
                    text
                    or QCoreApplication.translate("MappingPage", "(column {n})").format(
                        n=index + 1
                    ),
                    index,
                )
            found = auto.get(key)
            combo.setCurrentIndex(0 if found is None else found + 1)
            combo.blockSignals(False)
        self.completeChanged.emit()

    def mapping(self) -> dict[str, int | None]:
        """Field key → column index (None: not in the file)."""
        return {key: combo.currentData() for key, combo in self.combos.items()}

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        """Every required field needs a column."""
        mapping = self.mapping()
        return all(mapping.get(f.key) is not None for f in self._wizard.fields if f.required)


class PreviewPage(QWizardPage):
    """Every row and its problems; Import is enabled only when there are none."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(QCoreApplication.translate("PreviewPage", "Check the rows"))
        self.setCommitPage(True)
        self.setButtonText(
            QWizard.WizardButton.CommitButton, QCoreApplication.translate("PreviewPage", "Import")
        )
        self.plan: ImportPlan | None = None
        self.busy = False
        self.create_box = QCheckBox(
            QCoreApplication.translate(
                "PreviewPage",
                "Create unknown institutions (from the Country and Time zone columns)",
            ),
            self,
        )
        self.create_box.toggled.connect(self.check)
        self.progress = QProgressBar(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = PreviewModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.create_box)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        """Read and check the whole file in the worker."""
        self.check()

    def check(self) -> None:
        """(Re)check the file with the current mapping and institution choice."""
        if self.busy:
            return
        wizard = self._wizard
        path, kind, mapping = wizard.file_page.path(), wizard.kind, wizard.mapping_page.mapping()
        create = self.create_box.isChecked()
        services = wizard.services

        def job(progress: Callable[[int, int], None]) -> object:
            return plan_file(
                services,
                kind,
                path,
                mapping,
                create_institutions=create,
                progress=progress,
                create_hint=_CREATE_HINT,
            )

        self.plan = None
        self.busy = True
        self.create_box.setEnabled(False)
        self.summary.setText(
            QCoreApplication.translate("PreviewPage", "Checking {name}…").format(name=path.name)
        )
        self.progress.setRange(0, 0)
        self.completeChanged.emit()
        wizard.start(job, self._checked, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _checked(self, result: object) -> None:
        assert isinstance(result, ImportPlan)
        self.busy = False
        self.create_box.setEnabled(True)
        self.plan = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.model.set_rows(result.rows)
        kind = self._wizard.kind
        text = QCoreApplication.translate(
            "PreviewPage", "{added} {kind} to add, {present} already present."
        ).format(added=result.added, kind=kind_text(kind), present=result.present)
        if result.new_institutions:
            text += " " + QCoreApplication.translate(
                "PreviewPage", "Institutions to create: {names}."
            ).format(names=", ".join(i.name for i in result.new_institutions))
        if result.computed:
            text += " " + QCoreApplication.translate(
                "PreviewPage",
                "Computed by formulas (the values stored in the file are used): {columns}.",
            ).format(columns=", ".join(result.computed))
        if result.problems:
            problems = len(result.problems)
            text += " " + plural(
                problems,
                QCoreApplication.translate(
                    "PreviewPage",
                    "%n problem: nothing can be imported until it is fixed in the file.",
                    None,
                    problems,
                ),
                QCoreApplication.translate(
                    "PreviewPage",
                    "%n problems: nothing can be imported until they are fixed in the file.",
                    None,
                    problems,
                ),
            )
            header = [row_problem_text(p) for p in result.problems if p.row <= 1]
            if header:
                text += "\n" + "\n".join(header)
        self.summary.setText(text)
        self.completeChanged.emit()
        self._wizard.checked.emit()

    def _failed(self, message: str) -> None:
        self.busy = False
        self.create_box.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.summary.setText(message)
        self.model.set_rows([])
        self.completeChanged.emit()
        self._wizard.checked.emit()

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        """Import only a checked file without problems."""
        return not self.busy and self.plan is not None and self.plan.ok


class RunPage(QWizardPage):
    """Writes the checked rows in one transaction, in the worker, with progress."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.setTitle(QCoreApplication.translate("RunPage", "Import"))
        self.progress = QProgressBar(self)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        self.report: ImportReport | None = None
        self.done = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        layout.addStretch()

    def initializePage(self) -> None:  # noqa: N802 - Qt API
        """Start writing."""
        plan = self._wizard.preview_page.plan
        assert plan is not None
        services = self._wizard.services
        self.done = False
        self.progress.setRange(0, 0)
        self.result_label.setText(QCoreApplication.translate("RunPage", "Importing…"))

        def job(progress: Callable[[int, int], None]) -> object:
            return commit_plan(services, plan, progress=progress)

        self._wizard.start(job, self._imported, self._failed, self._progress)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _imported(self, result: object) -> None:
        assert isinstance(result, ImportReport)
        self.report = result
        self.done = True
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.result_label.setText(report_text(result))
        self.completeChanged.emit()
        self._wizard.imported.emit(result)

    def _failed(self, message: str) -> None:
        self.done = True
        self.result_label.setText(
            QCoreApplication.translate("RunPage", "Nothing was imported: {reason}").format(
                reason=message
            )
        )
        self.completeChanged.emit()
        self._wizard.import_failed.emit(message)

    def isComplete(self) -> bool:  # noqa: N802 - Qt API
        """Finish only once the import is over."""
        return self.done


class ImportWizard(QWizard):
    """Import people or visits from a CSV or XLSX file, all or nothing."""

    #: The preview finished checking (plan or error shown).
    checked = Signal()
    #: The import committed; carries the :class:`ImportReport`.
    imported = Signal(object)
    #: The import failed; nothing was written.
    import_failed = Signal(str)

    def __init__(self, parent: QWidget | None, services: Services, kind: Kind) -> None:
        super().__init__(parent)
        self.services = services
        self.kind: Kind = kind
        self.fields: tuple[FieldSpec, ...] = PEOPLE_FIELDS if kind == "people" else VISIT_FIELDS
        self.header: list[str] = []
        # The wizard's own pool (one thread, as jobs run one after another), so closing can
        # wait for its jobs and nobody else's.
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._gc_pause = CollectionPause()
        title = (
            QCoreApplication.translate("ImportWizard", "Import People")
            if kind == "people"
            else QCoreApplication.translate("ImportWizard", "Import Visits")
        )
        self.setWindowTitle(title)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.preview_page = PreviewPage(self)
        self.run_page = RunPage(self)
        for page in (self.file_page, self.mapping_page, self.preview_page, self.run_page):
            self.addPage(page)
        self.resize(820, 560)

    def start(
        self,
        job: Job,
        on_done: Callable[[object], None],
        on_failed: Callable[[str], None],
        on_progress: Callable[[int, int], None],
    ) -> Operation[object]:
        """Run *job* on the wizard's worker thread; the callbacks run on the GUI thread.

        The collector stays paused and the GIL changes hands often from now until the wizard
        closes (see :class:`CollectionPause`), so the window stays responsive meanwhile.
        """
        self._gc_pause.pause()

        def work(report: Report) -> object:
            def progress(done: int, total: int) -> None:
                report(done, total)  # importing cannot stop half-way: the answer is ignored

            return job(progress)

        return (
            Operation(self, work, on_done, pool=self._pool)
            .failure(lambda exc: on_failed(failure_text(exc)))
            .with_progress(lambda done, total, _label: on_progress(done, total))
            .run_in_background()
        )

    def wait_for_workers(self) -> None:
        """Block until running jobs end (a commit is never abandoned half-way)."""
        self._pool.waitForDone()

    def done(self, result: int) -> None:
        """Close only after the workers finished; never while the import is being written."""
        if self.currentPage() is self.run_page and not self.run_page.done:
            return  # the transaction commits or rolls back as a whole; Finish once it has
        self.wait_for_workers()
        self._gc_pause.resume()
        super().done(result)


def run_import_wizard(
    parent: QWidget | None, services: Services, kind: Kind, path: Path | None = None
) -> int:
    """Show the import wizard modally (on *path*, if given); the dialog result (1: finished)."""
    wizard = ImportWizard(parent, services, kind)
    if path is not None:
        wizard.file_page.path_edit.setText(str(path))
    try:
        return wizard.exec()
    finally:
        wizard.deleteLater()
