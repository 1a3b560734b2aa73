"""The status bar's visit count."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QLabel, QWidget


class VisitCountLabel(QLabel):
    """ "Showing N of M visits", in the locale's number format."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countLabel")

    def show_counts(self, shown: int, total: int) -> None:
        """Say that *shown* of *total* visits are listed."""
        locale = QLocale()
        self.setText(
            QCoreApplication.translate("MainWindow", "Showing {shown} of {total} visits").format(
                shown=locale.toString(shown), total=locale.toString(total)
            )
        )
