"""Dialogs that export itineraries: one visit to a file, or every participant of an event."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.export.i18n import Lang
from planner.export.itinerary import (
    BatchResult,
    ExportFormat,
    export_event_itineraries,
    export_itinerary,
    safe_file_stem,
)
from planner.services.container import Services
from planner.ui.common.errors import error_message
from planner.ui.common.operations import Operation

_FORMAT_TEXT = {
    ExportFormat.PDF: QT_TRANSLATE_NOOP("ExportDialogs", "PDF document (*.pdf)"),
    ExportFormat.ICS: QT_TRANSLATE_NOOP("ExportDialogs", "iCalendar file (*.ics)"),
    ExportFormat.HTML: QT_TRANSLATE_NOOP("ExportDialogs", "Web page (*.html)"),
}
_LANG_TEXT = {
    Lang.EN: QT_TRANSLATE_NOOP("ExportDialogs", "English"),
    Lang.JA: QT_TRANSLATE_NOOP("ExportDialogs", "Japanese (日本語)"),
    Lang.BILINGUAL: QT_TRANSLATE_NOOP("ExportDialogs", "Bilingual (English / 日本語)"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExportDialogs", text)


class _ExportForm(QDialog):
    """Format, language and destination, shared by the two dialogs."""

    def __init__(self, parent: QWidget | None, title: str, folder: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._folder = folder
        self.format_combo = QComboBox(self)
        for fmt, text in _FORMAT_TEXT.items():
            self.format_combo.addItem(_tr(text), fmt)
        self.lang_combo = QComboBox(self)
        for lang, text in _LANG_TEXT.items():
            self.lang_combo.addItem(_tr(text), lang)
        self.redact = QCheckBox(
            QCoreApplication.translate(
                "ExportDialogs", "&Without confirmation codes (a copy to share)"
            ),
            self,
        )
        self.redact.setObjectName("redactConfirmations")
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPath")
        browse = QPushButton(QCoreApplication.translate("ExportDialogs", "&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("ExportDialogs", "&Format:"), self.format_combo)
        form.addRow(QCoreApplication.translate("ExportDialogs", "&Language:"), self.lang_combo)
        form.addRow("", self.redact)
        form.addRow(
            QCoreApplication.translate("ExportDialogs", "Folder:")
            if folder
            else QCoreApplication.translate("ExportDialogs", "File:"),
            row,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("ExportDialogs", "&Export")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.format_combo.currentIndexChanged.connect(self._fix_suffix)
        #: The export under way, if any: the dialog stays open (and disabled) until it ends.
        self.operation: Operation[Any] | None = None

    def reject(self) -> None:
        """Close, unless an export is being written (it ends by itself, then closes)."""
        if self.operation is None:
            super().reject()

    def _start(self, operation: Operation[Any], *, disable: bool = True) -> None:
        if disable:  # one export at a time; the window keeps repainting meanwhile
            self.setEnabled(False)
        self.operation = operation.run_in_background()

    def _ended(self) -> None:
        self.operation = None
        self.setEnabled(True)

    @property
    def fmt(self) -> ExportFormat:
        """The chosen format."""
        return ExportFormat(self.format_combo.currentData())

    @property
    def lang(self) -> Lang:
        """The chosen language."""
        return Lang(self.lang_combo.currentData())

    def _fix_suffix(self) -> None:
        text = self.path_edit.text().strip()
        if text and not self._folder:
            self.path_edit.setText(str(Path(text).with_suffix(f".{self.fmt.value}")))

    def _browse(self) -> None:
        if self._folder:
            chosen = QFileDialog.getExistingDirectory(
                self, QCoreApplication.translate("ExportDialogs", "Export into folder")
            )
        else:
            chosen, _filter = QFileDialog.getSaveFileName(
                self,
                QCoreApplication.translate("ExportDialogs", "Export itinerary"),
                self.path_edit.text(),
                _tr(_FORMAT_TEXT[self.fmt]),
            )
        if chosen:
            self.path_edit.setText(chosen)


class ExportItineraryDialog(_ExportForm):
    """Export one visit's itinerary; stays open with the reason if writing fails."""

    def __init__(self, parent: QWidget | None, services: Services, visit_id: int) -> None:
        super().__init__(
            parent, QCoreApplication.translate("ExportDialogs", "Export itinerary"), folder=False
        )
        self._services = services
        self._visit_id = visit_id
        visit = services.visits.get(visit_id)
        self.path_edit.setText(str(Path.home() / f"{safe_file_stem(visit.code)}.pdf"))
        self.written: Path | None = None

    def accept(self) -> None:
        """Start writing the file; on failure say why and keep the dialog open.

        The dialog closes (accepted, :attr:`written` set) once the file is written.
        """
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                QCoreApplication.translate("ExportDialogs", "Choose a file to write."),
            )
            return
        services, visit_id, fmt, lang = self._services, self._visit_id, self.fmt, self.lang
        redact = self.redact.isChecked()
        self._start(
            Operation(
                self,
                lambda _report: export_itinerary(
                    services, visit_id, fmt, Path(text), lang, redact_confirmations=redact
                ),
                self._written,
            ).failure(self._failed)
        )

    def _written(self, written: Path) -> None:
        self._ended()
        self.written = written
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self._ended()
        QMessageBox.warning(self, self.windowTitle(), error_message(exc))


def export_itinerary_dialog(
    parent: QWidget | None, services: Services, visit_id: int
) -> Path | None:
    """Ask for format, language and file, then export; the written path, or None."""
    dialog = ExportItineraryDialog(parent, services, visit_id)
    dialog.exec()
    return dialog.written


class BatchExportDialog(_ExportForm):
    """Export the itineraries of every participant of an event into a folder."""

    def __init__(self, parent: QWidget | None, services: Services, event_id: int) -> None:
        event = services.events.get(event_id)
        super().__init__(
            parent,
            QCoreApplication.translate(
                "ExportDialogs", "Export participants' itineraries — {0}"
            ).format(event.title),
            folder=True,
        )
        self._services = services
        self._event_id = event_id
        self.redact.hide()  # the batch writes the visitors' own copies
        self.batch_result: BatchResult | None = None
        self._progress: QProgressDialog | None = None

    def accept(self) -> None:
        """Start writing one file per participant visit, with a cancellable progress dialog.

        The dialog closes (accepted, :attr:`batch_result` set) once the job ends.
        """
        folder = Path(self.path_edit.text().strip())
        if not self.path_edit.text().strip() or not folder.is_dir():
            QMessageBox.warning(
                self,
                self.windowTitle(),
                QCoreApplication.translate("ExportDialogs", "Choose an existing folder."),
            )
            return
        progress = QProgressDialog(
            QCoreApplication.translate("ExportDialogs", "Exporting itineraries…"),
            QCoreApplication.translate("ExportDialogs", "Cancel"),
            0,
            1,
            self,
        )
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)

        def show(done: int, total: int, name: str) -> None:
            progress.setMaximum(max(total, 1))
            progress.setValue(done)
            if name:
                progress.setLabelText(name)

        # The files are written on a worker thread: the window repaints and Cancel answers at
        # once, and the job stops before its next file.
        services, event_id, fmt, lang = self._services, self._event_id, self.fmt, self.lang
        operation = (
            Operation(
                self,
                lambda report: export_event_itineraries(
                    services, event_id, folder, fmt, lang, progress=report
                ),
                self._written,
            )
            .failure(self._failed)
            .with_progress(show)
        )
        progress.canceled.connect(operation.cancel)
        self._progress = progress
        # Not disabled: that would disable the progress dialog's Cancel too (a child); the
        # window-modal progress dialog keeps this one from being used meanwhile.
        self._start(operation, disable=False)

    def _written(self, result: BatchResult) -> None:
        self._ended()
        self._close_progress()
        self.batch_result = result
        if result.failed:
            lines = "\n".join(f"{name}: {reason}" for name, reason in result.failed)
            QMessageBox.warning(
                self,
                self.windowTitle(),
                QCoreApplication.translate("ExportDialogs", "Some files were not written:")
                + "\n"
                + lines,
            )
        super().accept()

    def _failed(self, exc: Exception) -> None:
        self._ended()
        self._close_progress()
        QMessageBox.warning(self, self.windowTitle(), error_message(exc))

    def _close_progress(self) -> None:
        progress, self._progress = self._progress, None
        if progress is not None:
            progress.close()
            progress.deleteLater()


def batch_export_event_dialog(
    parent: QWidget | None, services: Services, event_id: int
) -> BatchResult | None:
    """Ask for folder, format and language; export every participant's itinerary."""
    dialog = BatchExportDialog(parent, services, event_id)
    dialog.exec()
    return dialog.batch_result
