"""Settings show this institution's package key fingerprint, for reading aloud to partners."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common.preferences import Preferences
from planner.ui.shell.commands import choose_preferences
from planner.ui.shell.settings_dialog import SettingsDialog


def test_settings_show_the_key_fingerprint(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []

    def answer(dialog: SettingsDialog) -> int:
        label = dialog.findChild(QLabel, "keyFingerprint")
        assert label is not None
        shown.append(label.text())
        return int(SettingsDialog.DialogCode.Rejected)

    monkeypatch.setattr(SettingsDialog, "exec", answer)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert choose_preferences(parent, services, Preferences()) is None
    fingerprint = services.keys.own().fingerprint
    assert shown == [fingerprint] and len(fingerprint.split()) == 10
