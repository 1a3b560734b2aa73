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
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.export.itinerary import safe_file_stem
from planner.export.package import export_visit_package
from planner.importing.package import OpenedPackage, open_package_file
from planner.services.container import Services
from planner.services.exchange import ImportResult
from planner.services.exchange_import import ImportOptions, ImportPlan
from planner.services.keys import KeyFileError, PublicKeys, read_key_file
from planner.ui.common.errors import message_text, planner_error_text

_JSON_FILTER = QT_TRANSLATE_NOOP("PackageDialogs", "Exchange package (*.json)")
_JSON_FILTER_KEYS = QT_TRANSLATE_NOOP("PackageDialogs", "Key file (*.json)")
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
        form.addRow(
            QCoreApplication.translate("PackageDialogs", "Encrypt to:"), self._recipient_row()
        )
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

    def _recipient_row(self) -> QHBoxLayout:
        """The partner's key file: personal data travels only encrypted to it."""
        self.recipient_edit = QLineEdit(self)
        self.recipient_edit.setObjectName("recipientKey")
        self.recipient_edit.setPlaceholderText(
            QCoreApplication.translate(
                "PackageDialogs", "The partner's key file, from their 'planner keys export'"
            )
        )
        browse = QPushButton(QCoreApplication.translate("PackageDialogs", "Bro&wse…"), self)
        browse.clicked.connect(self._browse_key)
        row = QHBoxLayout()
        row.addWidget(self.recipient_edit, 1)
        row.addWidget(browse)
        return row

    def _browse_key(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("PackageDialogs", "The partner's key file"),
            self.recipient_edit.text(),
            _tr(_JSON_FILTER_KEYS),
        )
        if chosen:
            self.recipient_edit.setText(chosen)

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
                self._services,
                self._visit_id,
                Path(text),
                include_sensitive=sensitive,
                recipient=self._recipient(),
            )
        except PlannerError as exc:
            QMessageBox.warning(self, self.windowTitle(), planner_error_text(exc))
            return
        super().accept()

    def _recipient(self) -> PublicKeys | None:
        """The partner keys of the file named under "Encrypt to", or None when empty."""
        text = self.recipient_edit.text().strip()
        if not text:
            return None
        try:
            raw = Path(text).read_bytes()[: 64 * 1024 + 1]
        except OSError as exc:
            raise KeyFileError(
                QT_TRANSLATE_NOOP("Validation", "cannot read {path}: {error}"),
                params={"path": text, "error": str(exc.strerror or exc)},
            ) from exc
        return read_key_file(raw)


def export_visit_package_dialog(
    parent: QWidget | None, services: Services, visit_id: int
) -> Path | None:
    """Ask for the file (and whether to include sensitive fields), then export it."""
    dialog = ExportPackageDialog(parent, services, visit_id)
    dialog.exec()
    return dialog.written


def _plan_lines(plan: ImportPlan) -> list[str]:
    """The plan as lines of text for the review dialog (sensitive values not shown)."""

    sender = plan.sender
    if sender.fingerprint:
        lines = [
            QCoreApplication.translate("PackageDialogs", "From {0}, key {1} ({2})").format(
                sender.institution, sender.fingerprint, _trust_word(sender.trust)
            )
        ]
    else:
        lines = [
            QCoreApplication.translate(
                "PackageDialogs", "NOT SIGNED by a partner's key: {0}"
            ).format(sender.problem)
        ]
    if sender.encrypted:
        lines.append(
            QCoreApplication.translate("PackageDialogs", "Encrypted to this planner's key.")
        )
    action = (
        QCoreApplication.translate("PackageDialogs", "Creates visit {0}")
        if plan.creates_visit
        else QCoreApplication.translate("PackageDialogs", "Updates visit {0}")
    )
    lines.append(action.format(plan.visit_code))
    lines.append(
        QCoreApplication.translate(
            "PackageDialogs", "Status: the partner says {0}; here it becomes {1}"
        ).format(plan.status_incoming.value, plan.status_applied.value)
    )
    lines += [
        QCoreApplication.translate("PackageDialogs", "New: {0}").format(_shown(r))
        for r in plan.new_records
    ]
    for change in plan.changes:
        local, incoming = (
            ("—", QCoreApplication.translate("PackageDialogs", "(set from the package)"))
            if change.sensitive
            else (change.local or "—", change.incoming or "—")
        )
        lines.append(
            QCoreApplication.translate("PackageDialogs", "Change: {0}, {1}: {2} → {3}").format(
                change.record, change.field, local, incoming
            )
        )
    for match in plan.matches:
        text = QCoreApplication.translate(
            "PackageDialogs", "Match: {0} {1} is {2} here (by {3})"
        ).format(match.role, match.incoming, match.local, _shown(match.by))
        lines.append(
            text
            if match.confirmed
            else text + " " + QCoreApplication.translate("PackageDialogs", "— NOT CONFIRMED")
        )
    lines += [
        QCoreApplication.translate("PackageDialogs", "Conflict: {0}").format(_shown(c))
        for c in (*plan.conflicts, *plan.sensitive_conflicts)
    ]
    lines += [
        QCoreApplication.translate("PackageDialogs", "Not taken: {0}").format(_shown(n))
        for n in plan.not_taken
    ]
    lines += [
        QCoreApplication.translate("PackageDialogs", "Paperwork: {0}").format(r)
        for r in plan.partner_reports
    ]
    lines += [
        QCoreApplication.translate("PackageDialogs", "Refused: {0}").format(_shown(r))
        for r in plan.refusals
    ]
    return lines


def _trust_word(trust: str) -> str:
    words = {
        "trusted": QT_TRANSLATE_NOOP("PackageDialogs", "trusted"),
        "new key": QT_TRANSLATE_NOOP("PackageDialogs", "first package from this partner"),
    }
    return _tr(words.get(trust, trust))


def _shown(text: str) -> str:
    """A message from below the interface, translated when it carries its template."""
    if isinstance(text, Message):
        return message_text(text)
    return text


class ReviewPackageDialog(QDialog):
    """What a partner's package would do, with the coordinator's choices; imports on accept.

    Every tick box recomputes the plan (nothing is written until Import), and Import is
    enabled only for a plan nothing refuses.
    """

    def __init__(self, parent: QWidget | None, services: Services, opened: OpenedPackage) -> None:
        super().__init__(parent)
        self._services = services
        self._opened = opened
        self.setWindowTitle(
            QCoreApplication.translate("PackageDialogs", "Review exchange package — {0}").format(
                opened.package.code
            )
        )
        self.plan_view = QPlainTextEdit(self)
        self.plan_view.setReadOnly(True)
        self.plan_view.setObjectName("packagePlan")
        sender = opened.sender
        self.trust_check = QCheckBox(
            QCoreApplication.translate(
                "PackageDialogs",
                "&Trust this partner's key: {0} (compare it with your contact by phone)",
            ).format(sender.fingerprint),
            self,
        )
        self.trust_check.setVisible(sender.trust == "new key")
        self.unsigned_check = QCheckBox(
            QCoreApplication.translate(
                "PackageDialogs",
                "Import although the package is &not signed (the audit records it)",
            ),
            self,
        )
        self.unsigned_check.setVisible(sender.trust == "unsigned")
        self.matches_check = QCheckBox(
            QCoreApplication.translate(
                "PackageDialogs", "&Confirm the people matched by e-mail only"
            ),
            self,
        )
        self.sensitive_check = QCheckBox(
            QCoreApplication.translate(
                "PackageDialogs", "Apply &dates of birth and passport fields the package carries"
            ),
            self,
        )
        for box in (
            self.trust_check,
            self.unsigned_check,
            self.matches_check,
            self.sensitive_check,
        ):
            box.toggled.connect(self.refresh)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            QCoreApplication.translate("PackageDialogs", "&Import")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.plan_view, 1)
        for box in (
            self.trust_check,
            self.unsigned_check,
            self.matches_check,
            self.sensitive_check,
        ):
            layout.addWidget(box)
        layout.addWidget(self.buttons)
        self.result_: ImportResult | None = None
        self.plan: ImportPlan | None = None
        self.refresh()

    def options(self) -> ImportOptions:
        """The coordinator's choices, as the import takes them."""
        return ImportOptions(
            accept_matches=self.matches_check.isChecked(),
            include_sensitive=self.sensitive_check.isChecked(),
            trust_new_key=self.trust_check.isChecked(),
            accept_unsigned=self.unsigned_check.isChecked(),
        )

    def refresh(self) -> None:
        """Recompute the plan for the current choices and show it."""
        try:
            self.plan = self._services.exchange.plan(
                self._opened.package, self._opened.sender, self.options()
            )
        except PlannerError as exc:
            self.plan = None
            self.plan_view.setPlainText(planner_error_text(exc))
        else:
            self.plan_view.setPlainText("\n".join(_plan_lines(self.plan)))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.plan is not None and self.plan.acceptable)

    def accept(self) -> None:
        """Apply exactly the plan shown; on failure say why and stay open."""
        if self.plan is None or not self.plan.acceptable:
            return
        try:
            self.result_ = self._services.exchange.apply(self._opened.package, self.plan)
        except PlannerError as exc:
            QMessageBox.warning(
                self,
                self.windowTitle(),
                QCoreApplication.translate("PackageDialogs", "Nothing was imported: {0}").format(
                    planner_error_text(exc)
                ),
            )
            self.refresh()
            return
        super().accept()


def import_visit_package_dialog(
    parent: QWidget | None, services: Services, path: Path | None = None
) -> ImportResult | None:
    """Pick a partner's package, review its plan, import it in one transaction.

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
        opened = open_package_file(Path(chosen), services.keys)
    except PlannerError as exc:
        QMessageBox.warning(
            parent,
            title,
            QCoreApplication.translate("PackageDialogs", "{0} cannot be imported: {1}").format(
                Path(chosen).name, planner_error_text(exc)
            ),
        )
        return None
    dialog = ReviewPackageDialog(parent, services, opened)
    dialog.exec()
    if dialog.result_ is not None:
        done = (
            QCoreApplication.translate("PackageDialogs", "Visit {0} created.")
            if dialog.result_.created
            else QCoreApplication.translate("PackageDialogs", "Visit {0} updated.")
        )
        QMessageBox.information(parent, title, done.format(dialog.result_.visit.code))
    return dialog.result_
