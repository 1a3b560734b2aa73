"""Help → About: the name, the version, the open database and the licences of what ships."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

import planner
from planner.domain.licences import Component, bundled_components


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def about_text(database: str) -> str:
    """The About box's heading: application name, version and the open database."""
    version = QCoreApplication.translate("MainWindow", "Version")
    database_word = QCoreApplication.translate("MainWindow", "Database")
    return (
        f"<h3>{planner.APP_NAME}</h3>"
        f"<p>{version} {planner.__version__}</p>"
        f"<p>{database_word}: {_escape(database)}</p>"
    )


def component_label(component: Component) -> str:
    """One line of the licences list: name, version and licence."""
    name = f"{component.name} {component.version}".strip()
    return f"{name} — {component.licence}"


class AboutDialog(QDialog):
    """Name, version, database, and every bundled component with its licence text."""

    def __init__(
        self, parent: QWidget | None, database: str, components: list[Component] | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(
            QCoreApplication.translate("MainWindow", "About {name}").format(name=planner.APP_NAME)
        )
        self.components = bundled_components() if components is None else components
        heading = QLabel(about_text(database), self)
        heading.setTextFormat(Qt.TextFormat.RichText)
        heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        intro = QLabel(
            QCoreApplication.translate(
                "AboutDialog",
                "This application includes the following software, each under its own licence:",
            ),
            self,
        )
        intro.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName("licenceList")
        self.list.setAccessibleName(QCoreApplication.translate("AboutDialog", "Bundled software"))
        for component in self.components:
            item = QListWidgetItem(component_label(component))
            self.list.addItem(item)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("licenceText")
        self.text.setAccessibleName(QCoreApplication.translate("AboutDialog", "Licence text"))
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.list)
        splitter.addWidget(self.text)
        splitter.setStretchFactor(1, 2)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.list.currentRowChanged.connect(self._show_text)
        if self.components:
            self.list.setCurrentRow(0)
        self.resize(720, 560)

    def _show_text(self, row: int) -> None:
        if 0 <= row < len(self.components):
            text = self.components[row].text()
            self.text.setPlainText(
                text or QCoreApplication.translate("AboutDialog", "(the licence text is missing)")
            )


def show_about(parent: QWidget, database: str) -> None:
    """The About box (modal): name, version, database and the bundled software's licences."""
    AboutDialog(parent, database).exec()
