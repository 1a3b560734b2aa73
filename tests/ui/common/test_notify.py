"""Transient notices: "name written — Open · Show in folder", through QUrl.fromLocalFile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QFileDialog, QMainWindow, QWidget
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common import notify as notify_module
from planner.ui.common.notify import Notice, notify, notify_folder, notify_saved, notify_written
from planner.ui.reports.reports_view import ReportsView
from tests.ui.drops import HOSTILE_NAME


@pytest.fixture
def main(qtbot: QtBot) -> QMainWindow:
    window = QMainWindow()
    qtbot.addWidget(window)
    window.setCentralWidget(QWidget(window))
    window.statusBar()  # made before the window is shown, as the planner's window does
    window.show()
    return window


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    urls: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: urls.append(url) or True)
    return urls


def test_open_and_show_in_folder_use_file_urls_for_any_name(
    main: QMainWindow, opened: list[QUrl], tmp_path: Path
) -> None:
    folder = tmp_path / "出力 #1 ?x=1 50%"
    folder.mkdir()
    path = folder / HOSTILE_NAME
    path.write_bytes(b"%PDF")
    dialog = QDialog(main)  # an export dialog's notice goes to the window above it
    notice = notify_written(dialog, path)
    assert notice is not None and notice.label.text() == f"{HOSTILE_NAME} written"
    assert notice.open_button is not None and notice.folder_button is not None
    notice.open_button.click()
    notice.folder_button.click()
    assert [url.toLocalFile() for url in opened] == [str(path), str(folder)]
    assert all(url.scheme() == "file" for url in opened)
    assert "%23" in opened[0].toString(QUrl.ComponentFormattingOption.FullyEncoded)


def test_a_newer_notice_replaces_the_older_and_notices_expire(
    qtbot: QtBot, main: QMainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(notify_module, "NOTICE_MS", 10)
    first = notify(main, "first")
    second = notify(main, "second")
    assert first is not None and second is not None
    notices = [n for n in main.statusBar().findChildren(Notice) if n.isVisible()]
    assert notices == [second]
    qtbot.waitUntil(lambda: not second.isVisible())


def test_no_main_window_no_notice(qtbot: QtBot) -> None:
    lonely = QWidget()
    qtbot.addWidget(lonely)
    assert notify(lonely, "x") is None and notify(None, "x") is None


def test_text_is_never_markup(main: QMainWindow) -> None:
    notice = notify_saved(main, "<b>Kenta</b>")
    assert notice is not None and notice.label.text() == "Saved: <b>Kenta</b>"
    assert notice.label.textFormat().name == "PlainText"
    folder = notify_folder(main, Path("/tmp/out"), 3)
    assert folder is not None and folder.open_button is None and folder.folder_button is not None


def test_a_report_export_ends_with_a_notice(
    qtbot: QtBot,
    services: Services,
    main: QMainWindow,
    opened: list[QUrl],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from tests.services.test_reports import make_report_data

    make_report_data(services)
    view = ReportsView(services, main)
    main.setCentralWidget(view)
    qtbot.waitUntil(lambda: view.report is not None)
    target = tmp_path / "報告 #1.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV"))
    with qtbot.waitSignal(view.exported, timeout=10000):
        view.export_dialog()
    notice = main.statusBar().findChild(Notice, "transientNotice")
    assert notice is not None and notice.label.text() == "報告 #1.csv written"
    assert notice.open_button is not None
    notice.open_button.click()
    assert opened[0].toLocalFile() == str(target)


def test_a_saved_record_is_named_by_its_code_name_or_title() -> None:
    from planner.ui.common.notify import record_label

    class Person:
        latin_name = "Kenta Morikawa"

    class Event:
        title = "Seminar"

    assert record_label(Person()) == "Kenta Morikawa"
    assert record_label(Event()) == "Seminar"
    assert record_label(object()) == ""
