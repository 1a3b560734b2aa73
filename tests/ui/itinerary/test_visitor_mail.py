"""The window's "Send Itinerary to Visitor", "Request Paperwork" and "Invitation Letter"."""

from __future__ import annotations

import email
import stat
from email.policy import default
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.domain.enums import AuditAction
from planner.services.container import Services
from planner.services.messages import MessageKind
from planner.ui.common.history_model import describe_changes
from planner.ui.itinerary import visitor_mail
from tests.export.conftest import make_trip


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The files the desktop was asked to open (nothing is really opened)."""
    seen: list[Path] = []
    monkeypatch.setattr(visitor_mail, "open_local", lambda path: seen.append(path) or True)
    return seen


def _answer_language(monkeypatch: pytest.MonkeyPatch, index: int) -> None:
    def pick(parent, title, label, items, current, editable):  # type: ignore[no-untyped-def]
        return items[index], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick))


def test_send_itinerary_writes_records_and_opens_the_draft(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, opened: list[Path]
) -> None:
    trip = make_trip(services)
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer_language(monkeypatch, 1)  # Japanese
    written = visitor_mail.send_to_visitor(parent, services, trip.visit.id, MessageKind.ITINERARY)
    assert written is not None and opened == [written]
    assert stat.S_IMODE(written.parent.stat().st_mode) == 0o700
    message = email.message_from_bytes(written.read_bytes(), policy=default)
    assert message["X-Unsent"] == "1"
    assert "h.tanaka@example.jp" in message["To"]
    (entry,) = [
        e for e in services.visits.history(trip.visit.id or 0) if e.action is AuditAction.SEND
    ]
    text = describe_changes(entry)
    assert "itinerary version 1" in text and "h.tanaka@example.jp" in text and "(ja)" in text


def test_cancel_writes_nothing_and_no_visit_says_so(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, opened: list[Path]
) -> None:
    trip = make_trip(services)
    parent = QWidget()
    qtbot.addWidget(parent)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *args: ("", False)))
    assert (
        visitor_mail.send_to_visitor(parent, services, trip.visit.id, MessageKind.ITINERARY) is None
    )
    assert services.messages.for_visit(trip.visit.id or 0) == []
    told: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "information", staticmethod(lambda p, title, text: told.append(text))
    )
    assert visitor_mail.send_to_visitor(parent, services, None, MessageKind.ITINERARY) is None
    assert told and not opened


def test_a_failure_is_one_message(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch, opened: list[Path]
) -> None:
    trip = make_trip(services)
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer_language(monkeypatch, 0)
    folder = services.paperwork.data_folder() / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "email_paperwork.en.txt.j2").write_text("{{ 1 / 0 }}\n")
    warned: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda p, title, text: warned.append(text))
    )
    result = visitor_mail.send_to_visitor(
        parent, services, trip.visit.id, MessageKind.PAPERWORK_REQUEST
    )
    assert result is None and not opened
    assert len(warned) == 1 and "line 1" in warned[0] and "Traceback" not in warned[0]


def test_invitation_letter_from_the_window(
    qtbot: QtBot,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    opened: list[Path],
) -> None:
    trip = make_trip(services)
    parent = QWidget()
    qtbot.addWidget(parent)
    _answer_language(monkeypatch, 0)
    target = tmp_path / "a#b?c%41" / "letter.pdf"
    target.parent.mkdir()
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *args: (str(target), ""))
    )
    written = visitor_mail.invitation_letter(parent, services, trip.visit.id)
    assert written == target and target.read_bytes().startswith(b"%PDF")


def test_settings_edit_the_calendar_reminders(
    qtbot: QtBot, services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planner.domain.enums import ItineraryKind
    from planner.ui.common.preferences import Preferences
    from planner.ui.shell import commands
    from planner.ui.shell.settings_dialog import SettingsDialog

    def accept_with_four_hours(dialog: SettingsDialog) -> int:
        assert dialog.reminder_spins["flight"].value() == 180  # the default
        dialog.reminder_spins["flight"].setValue(240)
        dialog.reminder_spins["meeting"].setValue(0)  # no reminder
        return SettingsDialog.DialogCode.Accepted.value

    monkeypatch.setattr(SettingsDialog, "exec", accept_with_four_hours)
    parent = QWidget()
    qtbot.addWidget(parent)
    assert commands.choose_preferences(parent, services, Preferences()) is not None
    stored = services.choices.reminder_minutes()
    assert stored[ItineraryKind.FLIGHT] == 240
    assert ItineraryKind.BADGE_PICKUP not in stored and ItineraryKind.MEETING not in stored
    assert stored[ItineraryKind.TRAIN] == 60
