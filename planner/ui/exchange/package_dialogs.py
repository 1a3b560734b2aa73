"""Dialogs for visit exchange packages: export one visit for a partner, import a partner's.

The lead wires :func:`export_visit_package_dialog` and :func:`import_visit_package_dialog`
into the File menu.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.export.itinerary import safe_file_stem
from planner.export.package import export_visit_package
from planner.importing.package import read_package
from planner.services.container import Services
from planner.services.exchange import ImportResult
from planner.ui.common import formats
from planner.ui.common.errors import planner_error_text

_JSON_FILTER = QT_TRANSLATE_NOOP("PackageDialogs", "Exchange package (*.json)")
#: The file name ending of exchange packages, which the desktop's MIME type matches.
PACKAGE_SUFFIX = ".visit.json"


def _tr(text: str) -> str:
    return QCoreApplication.translate("PackageDialogs", text)


class ExportPackageDialog(QDialog):
    """File and privacy choice for one visit's exchange package; stays open on failure."""

    def __init__(self, parent: QWidget | None, services: Services, visit_id: int) -> None:
        super().__init__(parent)
        self._services = services
        self._visit_id = visit_id
        visit = services.visits.get(visit_id)
        self.setWindowTitle(
            QCoreApplication.translate("PackageDialogs", "Export exchange package — {0}").format(
                visit.code
            )
        )
        # ".visit.json": the desktop recognises the file as an exchange package (its MIME type) and
        # opens it in the planner, while it stays JSON for everything else.
        self.path_edit = QLineEdit(
            str(Path.home() / f"{safe_file_stem(visit.code)}{PACKAGE_SUFFIX}"), self
        )
        self.path_edit.setObjectName("packagePath")
        browse = QPushButton(QCoreApplication.translate("PackageDialogs", "&Browse…"), self)
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        self.sensitive_check = QCheckBox(
            QCoreApplication.translate(
                "PackageDialogs",
                "Include &sensitive fields (date of birth, passport number and expiry)",
            ),
            self,
        )
        self.sensitive_check.setChecked(False)
        note = QLabel(
            QCoreApplication.translate(
                "PackageDialogs",
                "The package carries the visit, the visitor and host, the itinerary and the "
                "paperwork status. Internal notes and attached files never leave this planner.",
            ),
            self,
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("PackageDialogs", "File:"), row)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("PackageDialogs", "&Export")
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.sensitive_check)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.written: Path | None = None

    def _browse(self) -> None:
        chosen, _filter = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("PackageDialogs", "Export exchange package"),
            self.path_edit.text(),
            _tr(_JSON_FILTER),
        )
        if chosen:
            self.path_edit.setText(chosen)

    def accept(self) -> None:
        """Confirm sensitive fields explicitly, write the file; on failure say why."""
        text = self.path_edit.text().strip()
        if not text:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                QCoreApplication.translate("PackageDialogs", "Choose a file to write."),
            )
            return
        sensitive = self.sensitive_check.isChecked()
        if sensitive:
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                QCoreApplication.translate(
                    "PackageDialogs",
                    "The package will contain the visitor's date of birth, passport number "
                    "and passport expiry. Send it only through a channel approved for personal "
                    "data. Include them?",
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            self.written = export_visit_package(
                self._services, self._visit_id, Path(text), include_sensitive=sensitive
            )
        except PlannerError as exc:
            QMessageBox.warning(self, self.windowTitle(), planner_error_text(exc))
            return
        super().accept()


def export_visit_package_dialog(
    parent: QWidget | None, services: Services, visit_id: int
) -> Path | None:
    """Ask for the file (and whether to include sensitive fields), then export it."""
    dialog = ExportPackageDialog(parent, services, visit_id)
    dialog.exec()
    return dialog.written


def import_visit_package_dialog(
    parent: QWidget | None, services: Services, path: Path | None = None
) -> ImportResult | None:
    """Pick a partner's package, show what it will do, import it in one transaction.

    *path*: the package to review (a file opened from the desktop); None asks for one.
    Returns what the import did, or None when the coordinator cancelled or the file was
    refused (the reason is shown; nothing is written then).
    """
    title = QCoreApplication.translate("PackageDialogs", "Import exchange package")
    if path is not None:
        chosen = str(path)
    else:
        chosen, _filter = QFileDialog.getOpenFileName(parent, title, "", _tr(_JSON_FILTER))
    if not chosen:
        return None
    try:
        package = read_package(Path(chosen))
        existing = services.exchange.existing_visit(package.exchange_id)
    except PlannerError as exc:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("PackageDialogs", "{0} cannot be imported: {1}").format(
                Path(chosen).name, exc
            ),
        )
        return None
    visitor = f"{package.visitor.given_name} {package.visitor.family_name}".strip()
    if existing is not None:
        action = QCoreApplication.translate(
            "PackageDialogs",
            "It updates visit {0} (its itinerary is brought in line with the package's).",
        ).format(existing.code)
    else:
        action = QCoreApplication.translate("PackageDialogs", "It creates a new visit.")
    question = QCoreApplication.translate(
        "PackageDialogs",
        "Partner visit {0}: {1}, {2} → {3}, {4} itinerary items, {5} paperwork items.\n{6}\n"
        "Import it?",
    ).format(
        package.code,
        visitor,
        formats.day_month_year(package.arrival_date),
        formats.day_month_year(package.departure_date),
        formats.number(len(package.itinerary)),
        formats.number(len(package.paperwork)),
        action,
    )
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.Yes,
    )
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        result = services.exchange.import_package(package)
    except PlannerError as exc:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("PackageDialogs", "Nothing was imported: {0}").format(
                planner_error_text(exc)
            ),
        )
        return None
    done = (
        QCoreApplication.translate("PackageDialogs", "Visit {0} created.")
        if result.created
        else QCoreApplication.translate("PackageDialogs", "Visit {0} updated.")
    ).format(result.visit.code)
    summary = QCoreApplication.translate(
        "PackageDialogs", "Itinerary: {0} added, {1} changed, {2} removed."
    ).format(result.items_created, result.items_updated, result.items_removed)
    lines = [done, summary, *result.notes]
    QMessageBox.information(parent, title, "\n".join(lines))
    return result
