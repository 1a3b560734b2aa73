"""The welcome page: the first steps with an empty database, as buttons.

An empty database (no institution and no visit: people need a home institution) opens on
this page; once records exist the window opens on the dashboard, and the page stays
reachable from Help ▸ Getting started. The buttons trigger the window's own actions (found
by their object names), so the page knows no feature's classes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.container import Services
from planner.ui.common.view import ViewDefaults
from planner.ui.shell.workspace import Workspace

#: The page's name in the page table (and its screenshot's file name).
PAGE_NAME = "welcome"
#: Its title in the sidebar and the Help menu's entry.
TITLE = QT_TRANSLATE_NOOP("MainWindow", "Getting started")

#: The page's text column stops growing here: long lines are hard to read.
_TEXT_WIDTH = 760


def database_is_empty(services: Services) -> bool:
    """Whether the database holds no records to start from (no institution, no visit)."""
    return not services.institutions.list() and services.visits.count() == 0


def write_template(kind: str, path: Path) -> Path:
    """Write the import template for *kind* (``people`` or ``visits``) as XLSX to *path*."""
    from planner.export.atomic import atomic_write
    from planner.importing.templates import template_bytes

    atomic_write(path, template_bytes(kind))  # type: ignore[arg-type]  # people or visits
    return path


def demo_command() -> tuple[str, list[str]]:
    """The program and arguments that start the planner on a fresh copy of the demo."""
    if getattr(sys, "frozen", False):  # a bundled application is its own interpreter
        return sys.executable, ["--demo"]
    return sys.executable, ["-m", "planner", "--demo"]


class WelcomeView(ViewDefaults, QWidget):
    """The first steps: institutions, home institution, imports (with templates), the demo."""

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeView")
        self._services = services
        self.buttons: dict[str, QPushButton] = {}
        column = QWidget(self)
        column.setObjectName("welcomeColumn")
        column.setMaximumWidth(_TEXT_WIDTH)
        self._column = QVBoxLayout(column)
        self._column.setSpacing(10)
        self._build_heading()
        self._build_steps()
        self._column.addStretch(1)

        content = QWidget(self)
        centred = QHBoxLayout(content)
        centred.addStretch(1)
        centred.addWidget(column, 4)
        centred.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.buttons["institution"])

    def _label(self, text: str, *, scale: float = 1.0, bold: bool = False) -> QLabel:
        label = QLabel(text, self)
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
        self._column.addWidget(label)
        return label

    def _build_heading(self) -> None:
        self.heading = self._label(
            QCoreApplication.translate("Welcome", "Welcome to Exchange Visit Planner"), scale=1.5
        )
        self.heading.setObjectName("welcomeHeading")
        self._label(
            QCoreApplication.translate(
                "Welcome",
                "The planner keeps your exchange visits between partner institutions: who "
                "comes when, where they stay, what paperwork is due. This database is still "
                "empty; these steps fill it.",
            )
        )

    def _step(
        self, title: str, text: str, buttons: list[tuple[str, str, Callable[[], object]]]
    ) -> None:
        self._column.addSpacing(6)
        self._label(title, bold=True)
        self._label(text)
        row = QHBoxLayout()
        for key, caption, slot in buttons:
            button = QPushButton(caption, self)
            button.setObjectName(f"welcome_{key}")
            button.clicked.connect(lambda _checked=False, s=slot: s())
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch(1)
        self._column.addLayout(row)

    def _build_steps(self) -> None:
        self._step(
            QCoreApplication.translate("Welcome", "1. Add the institutions"),
            QCoreApplication.translate(
                "Welcome",
                "Your own institution and each partner: every visit goes from one to another, "
                "and every person belongs to one.",
            ),
            [
                (
                    "institution",
                    QCoreApplication.translate("Welcome", "Add an institution…"),
                    self.add_institution,
                )
            ],
        )
        self._step(
            QCoreApplication.translate("Welcome", "2. Choose your home institution"),
            QCoreApplication.translate(
                "Welcome",
                "The planner then knows which visits come to you and which go out.",
            ),
            [
                (
                    "settings",
                    QCoreApplication.translate("Welcome", "Open settings…"),
                    self.choose_home,
                )
            ],
        )
        self._step(
            QCoreApplication.translate("Welcome", "3. Bring in people and visits"),
            QCoreApplication.translate(
                "Welcome",
                "Import them from a spreadsheet (CSV or XLSX), or add them one by one with "
                "File ▸ New. A template has the columns the import reads, explained on its "
                "second sheet.",
            ),
            [
                (
                    "import_people",
                    QCoreApplication.translate("Welcome", "Import people…"),
                    self.import_people,
                ),
                (
                    "import_visits",
                    QCoreApplication.translate("Welcome", "Import visits…"),
                    self.import_visits,
                ),
                (
                    "people_template",
                    QCoreApplication.translate("Welcome", "People template…"),
                    self.people_template,
                ),
                (
                    "visits_template",
                    QCoreApplication.translate("Welcome", "Visits template…"),
                    self.visits_template,
                ),
            ],
        )
        self._step(
            QCoreApplication.translate("Welcome", "Or look around first"),
            QCoreApplication.translate(
                "Welcome",
                "The demo opens in a new window on its own fresh copy of sample data; this "
                "database stays as it is, and the demo's changes are thrown away when it closes.",
            ),
            [("demo", QCoreApplication.translate("Welcome", "Open the demo"), self.open_demo)],
        )
        self._label(
            QCoreApplication.translate("Welcome", "This page stays in Help ▸ Getting started.")
        ).setObjectName("welcomeFooter")

    # -- the steps -----------------------------------------------------------------------------

    def _trigger(self, object_name: str) -> bool:
        """Trigger the window's action called *object_name*; False if there is none."""
        action = self.window().findChild(QAction, object_name)
        if action is None:
            return False
        action.trigger()
        return True

    def add_institution(self) -> None:
        """Show the institutions and open the editor of a new one."""
        self._trigger("actionShow_institutions")
        workspace = getattr(self.window(), "workspace", None)
        view = workspace.view("institutions") if workspace is not None else None
        new_institution = getattr(view, "new_institution", None)
        if callable(new_institution):
            new_institution()

    def choose_home(self) -> None:
        """The settings dialog, where the home institution is chosen."""
        self._trigger("actionSettings")

    def import_people(self) -> None:
        """The import wizard for people."""
        self._trigger("actionImportPeople")

    def import_visits(self) -> None:
        """The import wizard for visits."""
        self._trigger("actionImportVisits")

    def people_template(self) -> Path | None:
        """Save the people import template where the coordinator chooses."""
        return self.save_template("people")

    def visits_template(self) -> Path | None:
        """Save the visits import template where the coordinator chooses."""
        return self.save_template("visits")

    def save_template(self, kind: str) -> Path | None:
        """Ask where, then write the *kind* template there; the path written, None if not."""
        caption = QCoreApplication.translate("Welcome", "Save the import template")
        filter_text = QCoreApplication.translate("Welcome", "Excel workbook (*.xlsx)")
        start = str(Path.home() / f"{kind}-template.xlsx")
        name, _selected = QFileDialog.getSaveFileName(self, caption, start, filter_text)
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            return write_template(kind, path)
        except Exception as exc:  # any failure to write is shown, not raised
            from planner.ui.common.errors import error_message

            QMessageBox.warning(self, caption, error_message(exc))
            return None

    def open_demo(self) -> bool:
        """Start the planner on a fresh demo copy, as a separate program; False if it failed."""
        program, arguments = demo_command()
        started, _pid = QProcess.startDetached(program, arguments)
        if not started:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("Welcome", "Open the demo"),
                QCoreApplication.translate(
                    "Welcome",
                    "The demo could not be started. Run “planner --demo” from a terminal.",
                ),
            )
        return bool(started)

    def reload(self) -> None:
        """Nothing to read: the steps are the same whatever the database holds."""


def install_welcome(
    window: QMainWindow, workspace: Workspace, help_menu: QMenu, services: Services
) -> QAction:
    """Add Help ▸ Getting started (above About); open on the welcome page if nothing is stored.

    Returns the Help menu's action.
    """
    action = QAction(QCoreApplication.translate("MainWindow", TITLE), window)
    action.setObjectName("actionGettingStarted")
    action.triggered.connect(lambda _checked=False: workspace.show_page(PAGE_NAME))
    actions = help_menu.actions()
    first = actions[0] if actions else None
    help_menu.insertAction(first, action)  # type: ignore[arg-type]
    help_menu.insertSeparator(first)  # type: ignore[arg-type]
    if database_is_empty(services):
        workspace.show_page(PAGE_NAME)
    return action
