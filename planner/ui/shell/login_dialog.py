"""Signing in to the team server: each coordinator logs in as themselves.

When the server refuses the connection (no password in the keychain or ``~/.pgpass``, a
wrong one, another login needed), the window asks for the login and password, tries again,
and, if asked to, remembers the password in the operating system's keychain. The password
lives only in memory and the keychain: never in the URL shown, the settings or the audit.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

import planner
from planner.db.credentials import store_in_keyring
from planner.db.errors import StorageError, StorageProblem, classify
from planner.db.location import DatabaseTarget
from planner.services.container import Services
from planner.ui.common.errors import planner_error_text

# Wrong passwords allowed before the start-up gives up with the server's refusal.
MAX_ATTEMPTS = 3


@dataclass(frozen=True)
class Login:
    """What the coordinator typed."""

    user: str
    password: str
    remember: bool


class LoginDialog(QDialog):
    """Asks for the login and password of a team server, saying why it asks."""

    def __init__(self, target: DatabaseTarget, problem: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(QCoreApplication.translate("Login", "Sign in to the team server"))
        url = make_url(target.url)
        intro = QLabel(
            QCoreApplication.translate("Login", "Server: {server}\n{problem}").format(
                server=target.display, problem=problem
            ),
            self,
        )
        intro.setWordWrap(True)
        self.user_edit = QLineEdit(url.username or _os_user(), self)
        self.user_edit.setObjectName("loginUser")
        self.password_edit = QLineEdit(self)
        self.password_edit.setObjectName("loginPassword")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(
            QCoreApplication.translate("Login", "&Remember the password in the system keychain"),
            self,
        )
        self.remember_box.setObjectName("loginRemember")
        form = QFormLayout()
        form.addRow(QCoreApplication.translate("Login", "&Login:"), self.user_edit)
        form.addRow(QCoreApplication.translate("Login", "&Password:"), self.password_edit)
        form.addRow("", self.remember_box)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        (self.password_edit if self.user_edit.text() else self.user_edit).setFocus()

    def login(self) -> Login:
        """The login typed so far."""
        return Login(
            self.user_edit.text().strip(),
            self.password_edit.text(),
            self.remember_box.isChecked(),
        )


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def ask_login(target: DatabaseTarget, problem: str) -> Login | None:
    """Show the dialog (modal); None when the coordinator cancels."""
    if QApplication.instance() is None:
        QApplication([planner.APP_NAME])  # start-up: the window's application comes later
    dialog = LoginDialog(target, problem)
    return dialog.login() if dialog.exec() == QDialog.DialogCode.Accepted else None


def needs_login(target: DatabaseTarget, exc: BaseException) -> bool:
    """Whether *exc* is a team server refusing or failing the connection (the dialog helps)."""
    cause = exc.__cause__
    return (
        target.path is None
        and isinstance(exc, StorageError)
        and isinstance(cause, DBAPIError)
        and classify(cause) is StorageProblem.CANNOT_OPEN
    )


def signed_in(target: DatabaseTarget, login: Login) -> DatabaseTarget:
    """*target* as *login* (the password in memory only; ``display`` hides it)."""
    url = make_url(target.url).set(username=login.user or None, password=login.password or None)
    return DatabaseTarget(url=url, path=None)


def open_with_login(
    target: DatabaseTarget,
    opener: Callable[[DatabaseTarget], Services],
    ask: Callable[[DatabaseTarget, str], Login | None] = ask_login,
) -> Services:
    """Open *target*, asking for a login while the server refuses (at most
    :data:`MAX_ATTEMPTS` times); the last refusal is raised when the coordinator cancels."""
    attempt, remember = 0, False
    while True:
        try:
            services = opener(target)
        except StorageError as exc:
            attempt += 1
            if not needs_login(target, exc) or attempt > MAX_ATTEMPTS:
                raise
            login = ask(target, planner_error_text(exc))
            if login is None:
                raise
            target = signed_in(target, login)
            remember = login.remember and bool(login.password)
            continue
        if attempt and remember:
            store_in_keyring(target.url, make_url(target.url).password or "")
        return services
