"""A package opened from the desktop (``--import-package FILE``) starts the import review."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from planner.cli import main
from planner.export.package import export_visit_package
from planner.services.container import Services
from planner.ui.exchange.package_dialogs import PACKAGE_SUFFIX, ReviewPackageDialog
from planner.ui.shell.app import review_package_when_ready
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import open_settings
from tests.export.conftest import make_trip
from tests.fixtures.database import open_migrated


@pytest.fixture
def partner(tmp_path: Path) -> Iterator[Services]:
    svc = open_migrated(tmp_path / "partner.sqlite3")
    yield svc
    svc.close()


@pytest.fixture
def package(services: Services, tmp_path: Path) -> Path:
    """A package in a folder whose name looks like URL syntax (never pasted into a URL)."""
    trip = make_trip(services)
    assert trip.visit.id is not None
    folder = tmp_path / "a#b?c%41"
    folder.mkdir()
    return export_visit_package(services, trip.visit.id, folder / f"V-1{PACKAGE_SUFFIX}")


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    shown: dict[str, list[str]] = {"question": [], "warning": [], "information": []}

    def fake(kind: str, answer: Any = None) -> Any:
        def show(_parent: object, _title: str, text: str, *_args: object) -> Any:
            shown[kind].append(text)
            return answer

        return show

    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", fake("warning"))
    monkeypatch.setattr(QMessageBox, "information", fake("information"))

    def no_file_dialog(*_args: object) -> tuple[str, str]:
        raise AssertionError("the file was given: no file dialog")

    monkeypatch.setattr(QFileDialog, "getOpenFileName", no_file_dialog)

    def review(dialog: ReviewPackageDialog) -> int:
        """The coordinator reads the plan, trusts the new partner's key and imports."""
        shown["question"].append(dialog.plan_view.toPlainText())
        dialog.trust_check.setChecked(True)
        dialog.accept()
        return 1

    monkeypatch.setattr(ReviewPackageDialog, "exec", review)
    return shown


def _window(qtbot: QtBot, services: Services, settings_path: Path) -> MainWindow:
    window = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(window)
    return window


def test_the_review_opens_for_the_given_package_once_the_window_is_ready(
    qtbot: QtBot, partner: Services, package: Path, settings_path: Path,
    boxes: dict[str, list[str]],
) -> None:  # fmt: skip
    window = _window(qtbot, partner, settings_path)
    review_package_when_ready(window, partner, package)
    assert not boxes["question"]  # not before the window is there
    window.show()
    qtbot.waitUntil(lambda: bool(boxes["information"]), timeout=10000)
    assert "Creates visit" in boxes["question"][0]
    assert partner.visits.count() == 1
    # The review opens once, not on every later "ready".
    window.ready.emit()
    qtbot.wait(50)
    assert len(boxes["question"]) == 1


def test_a_malformed_package_is_refused_in_one_message(
    qtbot: QtBot, partner: Services, tmp_path: Path, settings_path: Path,
    boxes: dict[str, list[str]],
) -> None:  # fmt: skip
    bad = tmp_path / f"bad\x1b[31m{PACKAGE_SUFFIX}"
    bad.write_bytes(b'{"format": "exchange-visit-planner/visit-package", "visit": [\x00')
    window = _window(qtbot, partner, settings_path)
    review_package_when_ready(window, partner, bad)
    window.show()
    qtbot.waitUntil(lambda: bool(boxes["warning"]), timeout=10000)
    assert "cannot be imported" in boxes["warning"][0]
    assert "Traceback" not in boxes["warning"][0]
    assert partner.visits.count() == 0


@pytest.mark.parametrize("target", ["missing", "folder", "/dev/zero", "nul\x00name"])
def test_the_command_line_refuses_what_is_not_a_package_file(
    target: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "folder").mkdir()
    path = target if target.startswith("/") or "\x00" in target else str(tmp_path / target)
    db = str(tmp_path / "x.sqlite3")
    code = main(["--db", db, "--exit-when-ready", "--import-package", path])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and "is not an exchange package file" in err
    assert not (tmp_path / "x.sqlite3").exists()  # refused before anything was opened


def test_an_empty_value_from_the_menu_entry_means_no_package() -> None:
    """The desktop entry runs ``--import-package=%f``: empty when started from the menu."""
    from planner.cli import build_parser
    from planner.cli.gui import _package_argument

    args = build_parser().parse_args(["--import-package="])
    assert args.import_package == "" and _package_argument(args.import_package) is None


def test_a_file_open_event_starts_the_review(
    qtbot: QtBot, partner: Services, package: Path, settings_path: Path,
    boxes: dict[str, list[str]],
) -> None:  # fmt: skip
    """macOS hands a double-clicked document to the running application as an event."""
    from PySide6.QtGui import QFileOpenEvent
    from PySide6.QtWidgets import QApplication

    from planner.ui.shell.app import PackageOpener

    window = _window(qtbot, partner, settings_path)
    opener = PackageOpener(window, partner)
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(opener)
    try:
        QApplication.sendEvent(app, QFileOpenEvent(str(package)))
        qtbot.waitUntil(lambda: bool(boxes["information"]), timeout=10000)
    finally:
        app.removeEventFilter(opener)
    assert partner.visits.count() == 1
