"""Signing in to the team server, and a window that adapts to the login's role."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import psycopg
import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit
from pytestqt.qtbot import QtBot
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from planner.db.credentials import KEYRING_SERVICE
from planner.db.errors import NewerSchemaError, StorageError
from planner.db.location import DatabaseTarget
from planner.db.server import Access
from planner.services.container import Services
from planner.ui.people.person_editor import PersonEditor
from planner.ui.shell.login_dialog import Login, LoginDialog, open_with_login
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import open_settings
from tests.fixtures.memory_keyring import MemoryKeyring, memory_keyring
from tests.fixtures.sample import Sample

__all__ = ["memory_keyring"]  # the fixture, used by name

SERVER = DatabaseTarget(
    url=make_url("postgresql+psycopg://planner.example.org/planner?sslmode=verify-full"),
    path=None,
)


def _refused() -> StorageError:
    """What opening raises when the server wants a password it was not given."""
    driver = psycopg.OperationalError("fe_sendauth: no password supplied")
    error = StorageError("cannot reach {where}: {reason}", params={"where": "x", "reason": "pw"})
    error.__cause__ = OperationalError("connect", {}, driver)
    return error


def test_the_dialog_asks_for_login_and_a_hidden_password(qtbot: QtBot) -> None:
    dialog = LoginDialog(SERVER, "no password supplied")
    qtbot.addWidget(dialog)
    assert dialog.password_edit.echoMode() is QLineEdit.EchoMode.Password
    dialog.user_edit.setText("  ana ")
    qtbot.keyClicks(dialog.password_edit, "s3cret")
    dialog.remember_box.setChecked(True)
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.login() == Login("ana", "s3cret", True)


def test_a_refused_connection_asks_then_remembers_in_the_keychain(
    memory_keyring: MemoryKeyring, services: Services
) -> None:
    tried: list[DatabaseTarget] = []

    def opener(target: DatabaseTarget) -> Services:
        tried.append(target)
        if len(tried) == 1:
            raise _refused()
        return services

    asked: list[str] = []

    def ask(target: DatabaseTarget, problem: str) -> Login:
        asked.append(problem)
        return Login("ana", "s3cret", True)

    assert open_with_login(SERVER, opener, ask) is services
    assert len(asked) == 1
    url = make_url(tried[1].url)
    assert (url.username, url.password) == ("ana", "s3cret")
    assert "s3cret" not in tried[1].display
    assert memory_keyring.passwords == {
        (KEYRING_SERVICE, "ana@planner.example.org:5432/planner"): "s3cret"
    }


def test_cancelling_the_login_keeps_the_servers_refusal(memory_keyring: MemoryKeyring) -> None:
    def opener(target: DatabaseTarget) -> Services:
        raise _refused()

    with pytest.raises(StorageError, match="cannot reach"):
        open_with_login(SERVER, opener, lambda target, problem: None)
    assert memory_keyring.passwords == {}


def test_wrong_passwords_give_up_after_three_tries(memory_keyring: MemoryKeyring) -> None:
    asked: list[str] = []

    def opener(target: DatabaseTarget) -> Services:
        raise _refused()

    def ask(target: DatabaseTarget, problem: str) -> Login:
        asked.append(problem)
        return Login("ana", "wrong", True)

    with pytest.raises(StorageError):
        open_with_login(SERVER, opener, ask)
    assert len(asked) == 3 and memory_keyring.passwords == {}


def test_other_refusals_are_not_a_login_question() -> None:
    def opener(target: DatabaseTarget) -> Services:
        raise NewerSchemaError("newer")

    def ask(target: DatabaseTarget, problem: str) -> Login:
        raise AssertionError("must not ask")

    with pytest.raises(NewerSchemaError):
        open_with_login(SERVER, opener, ask)


def _window(qtbot: QtBot, services: Services, settings_path: Path) -> MainWindow:
    main = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(main)
    return main


def test_a_viewer_gets_a_read_only_window(
    qtbot: QtBot, services: Services, sample: Sample, settings_path: Path
) -> None:
    services.db.restrict(Access(role="viewer", read_sensitive=False, write=False))
    main = _window(qtbot, services, settings_path)
    actions = main.workspace_actions
    assert not actions.new_visit.isEnabled() and not actions.import_people.isEnabled()
    assert actions.export_table.isEnabled()  # reading and exporting what it sees is fine
    assert main.role_label is not None and "viewer" in main.role_label.text()
    editor = PersonEditor(services, QUndoStack(), sample.tanaka.id, main)
    qtbot.addWidget(editor)
    save = editor.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled() and not editor.save_action.isEnabled()
    assert editor.reveal_button.isHidden() and editor.passport_field.isHidden()
    # Nothing sensitive was even read: the editor holds no passport.
    assert editor._sensitive.passport_number == ""
    editor.show()
    qtbot.waitExposed(editor)
    # Every field reads, none takes typing: the window is read-only, not only its Save.
    assert editor.preferred_edit.isReadOnly()
    qtbot.keyClicks(editor.preferred_edit, "changed")
    assert editor.preferred_edit.text() != "changed"
    assert all(not c.isEnabled() for c in editor.findChildren(QComboBox))
    editor.preferred_edit.setText("changed")
    assert editor.save() is False


def test_an_assistant_edits_but_never_sees_passports(
    qtbot: QtBot, services: Services, sample: Sample, settings_path: Path
) -> None:
    services.db.restrict(Access(role="assistant", read_sensitive=False, write=True))
    main = _window(qtbot, services, settings_path)
    assert main.workspace_actions.new_visit.isEnabled()
    assert main.role_label is not None and "passports" in main.role_label.text()
    editor = PersonEditor(services, QUndoStack(), sample.tanaka.id, main)
    qtbot.addWidget(editor)
    assert editor.reveal_button.isHidden()
    assert editor.findChild(object, "sensitiveWithheld") is not None
    editor.preferred_edit.setText("Hiro")
    with qtbot.waitSignal(editor.saved, timeout=2000):
        assert editor.save()
    # The assistant's save kept the stored passport (it never read or wrote it).
    full = Services.open(services.db.target)
    try:
        stored = full.people.get(cast(int, sample.tanaka.id))
    finally:
        full.close()
    assert stored.preferred_name == "Hiro" and stored.passport_number == "TK0000001"


def test_a_coordinator_keeps_reveal(
    qtbot: QtBot, services: Services, sample: Sample, settings_path: Path
) -> None:
    main = _window(qtbot, services, settings_path)
    assert main.role_label is None
    editor = PersonEditor(services, QUndoStack(), sample.tanaka.id, main)
    qtbot.addWidget(editor)
    assert not editor.reveal_button.isHidden()
