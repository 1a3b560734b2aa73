"""File → Back up now, File → Restore…, the offer to restore a damaged database, warnings.

The lead wires these into the File menu and the start-up; each function is self-contained:
it runs the service call, shows the outcome, and never lets an error escape as a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from planner.db.errors import CorruptDatabaseError
from planner.db.restore import restore_backup
from planner.db.rotation import BackupInfo
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.container import Services
from planner.ui.common import formats
from planner.ui.common.errors import message_text, planner_error_text

TITLE = QT_TRANSLATE_NOOP("Backups", "Exchange Visit Planner")
_REASONS = {
    "auto": QT_TRANSLATE_NOOP("Backups", "automatic, at start"),
    "manual": QT_TRANSLATE_NOOP("Backups", "made by you"),
    "before-restore": QT_TRANSLATE_NOOP("Backups", "before a restore"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Backups", text)


def describe_backup(backup: BackupInfo) -> str:
    """One line for a list: local date and time, UTC time, why it was made, its size."""
    local = formats.date_time(backup.created.astimezone(), "")
    reason = _tr(_REASONS[backup.reason]) if backup.reason in _REASONS else ""
    if not reason and backup.reason.startswith("before-upgrade"):
        reason = QCoreApplication.translate("Backups", "before a schema upgrade")
    try:
        size = QCoreApplication.translate("Backups", "{size} MB").format(
            size=f"{backup.path.stat().st_size / 1_048_576:.1f}"
        )
    except OSError:
        size = "?"
    return f"{local} ({backup.label}) — {reason or backup.reason} — {size}"


def backup_now(parent: QWidget | None, services: Services) -> BackupInfo | None:
    """File → Back up now: a verified backup into the backups folder; says where it went."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        info = services.backups.backup_now()
    except PlannerError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.critical(
            parent,
            _tr(TITLE),
            QCoreApplication.translate("Backups", "The backup failed: {0}").format(
                planner_error_text(exc)
            ),
        )
        return None
    QApplication.restoreOverrideCursor()
    QMessageBox.information(
        parent,
        _tr(TITLE),
        QCoreApplication.translate("Backups", "Backup saved and verified:\n{0}").format(info.path),
    )
    return info


class RestoreDialog(QDialog):
    """Lists the backups, newest first, with their dates; the user picks one."""

    def __init__(self, backups: list[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("Backups", "Restore a backup"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                QCoreApplication.translate(
                    "Backups",
                    "Choose the backup to go back to. The current database is backed up "
                    "first, so a restore can itself be undone.",
                )
            )
        )
        self.list = QListWidget(self)
        for backup in backups:
            item = QListWidgetItem(describe_backup(backup))
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(QCoreApplication.translate("Backups", "Restore…"))
        ok.setEnabled(bool(backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.buttons)
        self._backups = backups

    def selected_backup(self) -> BackupInfo | None:
        """The highlighted backup, if any."""
        row = self.list.currentRow()
        return self._backups[row] if 0 <= row < len(self._backups) else None


def _confirm_restore(parent: QWidget | None, backup: BackupInfo) -> bool:
    answer = QMessageBox.question(
        parent,
        _tr(TITLE),
        QCoreApplication.translate(
            "Backups",
            "Restore the backup of {0}?\n\nEverything changed after that time is replaced "
            "by the backup. The current database is backed up first.",
        ).format(backup.label),
    )
    return answer == QMessageBox.StandardButton.Yes


def show_restore_dialog(
    parent: QWidget | None,
    services: Services,
    *,
    choose: Callable[[RestoreDialog], bool] | None = None,
    confirm: Callable[[QWidget | None, BackupInfo], bool] = _confirm_restore,
) -> bool:
    """File → Restore…: pick a backup, confirm, restore it in place; True if restored.

    The restore verifies the backup, backs up the current file, closes the connections,
    swaps the file atomically and reconnects; the services then publish a ``database``
    change so every view reloads. *choose* and *confirm* replace the modal steps in tests.
    """
    if not services.backups.supported:
        QMessageBox.information(
            parent,
            _tr(TITLE),
            QCoreApplication.translate(
                "Backups", "A shared server database is backed up on the server."
            ),
        )
        return False
    dialog = RestoreDialog(services.backups.list(), parent)
    accepted = choose(dialog) if choose else dialog.exec() == QDialog.DialogCode.Accepted
    backup = dialog.selected_backup()
    dialog.deleteLater()
    if not accepted or backup is None or not confirm(parent, backup):
        return False
    try:
        result = services.backups.restore(backup.path)
    except PlannerError as exc:
        QMessageBox.critical(
            parent,
            _tr(TITLE),
            QCoreApplication.translate("Backups", "Nothing was restored: {0}").format(
                planner_error_text(exc)
            ),
        )
        return False
    kept = result.previous_backup.path if result.previous_backup else ""
    QMessageBox.information(
        parent,
        _tr(TITLE),
        QCoreApplication.translate(
            "Backups", "Restored the backup of {0}. The database as it was is kept in {1}."
        ).format(backup.label, kept),
    )
    return True


def corruption_text(error: CorruptDatabaseError) -> str:
    """What the user reads when the database is damaged: what is kept, what may be lost."""
    lines = [
        # The problem is SQLite's English, or one of ours (empty, no header): translated then.
        QCoreApplication.translate("Backups", "The database {0} is damaged ({1}).").format(
            error.path, message_text(error.problem)
        )
    ]
    if error.backup is None:
        lines.append(
            QCoreApplication.translate(
                "Backups",
                "No good backup was found. The file was not changed; copy it somewhere safe.",
            )
        )
    else:
        lines.append(
            QCoreApplication.translate(
                "Backups",
                "The newest good backup is from {0}. Restoring it loses the changes made after "
                "that time. The damaged file is kept, unchanged, as {1}.corrupt-<time>.",
            ).format(error.backup.label, error.path.name)
        )
    return "\n\n".join(lines)


def _ask_restore(error: CorruptDatabaseError) -> bool:
    box = corruption_box(error)
    return box.exec() == QMessageBox.StandardButton.Yes


def corruption_box(error: CorruptDatabaseError) -> QMessageBox:
    """The message box offering the newest good backup (Yes restores, No quits)."""
    box = QMessageBox(QMessageBox.Icon.Critical, _tr(TITLE), corruption_text(error))
    if error.backup is None:
        box.setStandardButtons(QMessageBox.StandardButton.Close)
    else:
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(
            QCoreApplication.translate("Backups", "Restore the backup")
        )
        box.button(QMessageBox.StandardButton.No).setText(
            QCoreApplication.translate("Backups", "Quit")
        )
        box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box


def offer_restore_after_corruption(
    error: CorruptDatabaseError, *, ask: Callable[[CorruptDatabaseError], bool] | None = None
) -> Path | None:
    """At start on a damaged file: offer the newest good backup; returns the kept damaged file.

    Only when the user accepts is anything done: the damaged file is renamed aside (never
    modified) and the backup copied in its place. None means nothing was restored.
    """
    _application()
    if error.backup is None or not (ask or _ask_restore)(error):
        return None
    result = restore_backup(error.path, error.backup.path, damaged=True)
    return result.damaged_copy


def show_refusal(message: str) -> None:
    """A start-up refusal (newer version, in use, damaged) for a user who has no terminal."""
    _application()
    QMessageBox.critical(None, _tr(TITLE), message)


def show_location_warning(window: QWidget, services: Services) -> str | None:
    """Show the cloud-folder / network-share warning in *window*'s status bar, if any.

    Returns the text shown (in the interface language), or None.
    """
    warning = services.backups.location_warning()
    if not warning:
        return None
    text = message_text(warning)
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text)
    return text


def _application() -> QApplication:
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    return QApplication([TITLE])
