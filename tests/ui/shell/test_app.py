"""run_gui, the entry point the command line calls; resources, fonts and the error handler."""

from __future__ import annotations

import re
import signal
import stat
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QFont, QTextLayout
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

import planner
from planner.domain.errors import ConflictError
from planner.services.container import Services
from planner.ui.common.errors import ErrorReporter, error_message
from planner.ui.common.preferences import Preferences, resolve_language, save_preferences
from planner.ui.common.resources import resource_path, resource_roots
from planner.ui.shell import fonts
from planner.ui.shell.app import run_gui
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import open_settings
from tests.fixtures.sample import Sample

READY = re.compile(r"^ready visits=(\d+) seconds=(\d+\.\d\d)$")


def test_exit_when_ready_prints_one_line(
    qapp: QApplication, services: Services, sample: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    started = time.perf_counter()
    assert run_gui(services, exit_when_ready=True, started_at=started) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    match = READY.match(lines[0])
    assert match, lines
    assert int(match.group(1)) == 2
    assert 0 <= float(match.group(2)) < 60


def test_exit_when_ready_in_japanese(
    qapp: QApplication, services: Services, sample: Sample, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_gui(services, lang="ja", exit_when_ready=True) == 0
    assert READY.match(capsys.readouterr().out.strip())


def test_unknown_language_is_refused(
    qapp: QApplication, services: Services, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run_gui(services, lang="fr", exit_when_ready=True) == 1
    assert "unsupported language 'fr'" in capsys.readouterr().err


def test_language_setting_applies_and_lang_overrides_it(
    qapp: QApplication,
    services: Services,
    sample: Sample,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings_path = tmp_path / "planner.ini"
    settings = open_settings(settings_path)
    save_preferences(settings, Preferences(language="ja"))
    del settings
    seen: list[str] = []

    class RecordingWindow(MainWindow):
        def showEvent(self, event: Any) -> None:
            seen.append(self.menuBar().actions()[0].text())
            super().showEvent(event)

    monkeypatch.setattr("planner.ui.shell.app.MainWindow", RecordingWindow)
    assert run_gui(services, exit_when_ready=True, settings_path=settings_path) == 0
    assert run_gui(services, lang="en", exit_when_ready=True, settings_path=settings_path) == 0
    assert seen == ["ファイル(&F)", "&File"]
    assert QLocale().language() != QLocale.Language.Japanese  # restored after the run


def test_resolve_language_follows_the_system_locale() -> None:
    assert resolve_language("system", QLocale("ja_JP")) == "ja"
    assert resolve_language("system", QLocale("de_DE")) == "en"
    assert resolve_language("en", QLocale("ja_JP")) == "en"
    with pytest.raises(ValueError):
        resolve_language("fr")


def test_screenshot_writes_one_png_per_view(
    qapp: QApplication, services: Services, sample: Sample, tmp_path: Path
) -> None:
    folder = tmp_path / "shots" / "run1"
    settings = tmp_path / "settings.ini"
    assert run_gui(services, screenshot_dir=folder, settings_path=settings) == 0
    image = folder / "visits.png"
    assert image.stat().st_size > 1000
    assert image.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(image.stat().st_mode) == 0o600
    # Screenshots use the default layout and leave the remembered one alone.
    assert not settings.exists()


def test_interactive_run_saves_layout_and_returns_on_quit(
    qapp: QApplication, services: Services, sample: Sample, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.ini"

    def quit_from_menu() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                widget.main_actions.quit.trigger()

    hook = sys.excepthook
    QTimer.singleShot(0, quit_from_menu)
    assert run_gui(services, settings_path=settings) == 0
    assert "MainWindow" in settings.read_text()
    assert sys.excepthook is hook


def test_ctrl_c_in_the_terminal_closes_the_window(
    qapp: QApplication, services: Services, sample: Sample, tmp_path: Path
) -> None:
    settings = tmp_path / "settings.ini"
    handler = signal.getsignal(signal.SIGINT)
    QTimer.singleShot(0, lambda: signal.raise_signal(signal.SIGINT))
    assert run_gui(services, settings_path=settings) == 0
    assert "MainWindow" in settings.read_text()
    assert signal.getsignal(signal.SIGINT) is handler


def test_error_in_unattended_run_exits_1_with_traceback_on_stderr(
    qapp: QApplication,
    services: Services,
    sample: Sample,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def broken(self: MainWindow) -> Any:
        raise RuntimeError("view exploded")

    monkeypatch.setattr(MainWindow, "main_views", broken)
    hook = sys.excepthook
    assert run_gui(services, screenshot_dir=tmp_path / "shots") == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and "view exploded" in err
    assert sys.excepthook is hook


def test_window_that_cannot_be_built_exits_1(
    qapp: QApplication,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def fail(*_args: Any) -> Any:
        raise OSError("disk unreadable")

    monkeypatch.setattr(services.visits, "listing", fail)  # what the visits table loads
    assert run_gui(services, exit_when_ready=True) == 1
    err = capsys.readouterr().err
    assert "disk unreadable" in err
    assert "ready" not in capsys.readouterr().out


def test_reporter_shows_one_paragraph_not_a_traceback(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _parent, _title, text: shown.append(text))
    reporter = ErrorReporter(interactive=True)
    try:
        raise KeyError("visit 7")
    except KeyError as exc:
        reporter(type(exc), exc, exc.__traceback__)
    qtbot.waitUntil(lambda: len(shown) == 1)
    assert "Traceback" not in shown[0] and "\n" not in shown[0]
    assert "visit 7" in shown[0]
    assert "Traceback" in capsys.readouterr().err


def test_user_errors_show_their_own_message() -> None:
    assert error_message(ConflictError("visit V-2027-0001 was changed")) == (
        "visit V-2027-0001 was changed"
    )


def test_resource_path_finds_the_bundled_font() -> None:
    font = resource_path("fonts", "ipaexg.ttf")
    assert font.is_file()
    roots = resource_roots()
    package = Path(planner.__file__).resolve().parent
    assert roots == [package / "resources", package.parent / "resources"]
    assert resource_path("no-such-file.txt").parent in roots


def test_japanese_font_becomes_the_fallback(qapp: QApplication) -> None:
    assert fonts.install_japanese_fallback(qapp)
    assert fonts.JAPANESE_FONT_FAMILY in qapp.font().families()
    assert qapp.font().families()[0] != fonts.JAPANESE_FONT_FAMILY
    substitutes = QFont.substitutes(qapp.font().families()[0])
    assert [s.casefold() for s in substitutes].count(fonts.JAPANESE_FONT_FAMILY.casefold()) == 1


def test_kanji_are_drawn_with_the_bundled_font(qapp: QApplication) -> None:
    """The machine has no Japanese system font: without ours, kanji would be empty boxes."""
    fonts.install_japanese_fallback(qapp)
    layout = QTextLayout("Hiroshi Tanaka (田中 博)", qapp.font())
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    kanji = [r for r in runs if r.rawFont().familyName() == fonts.JAPANESE_FONT_FAMILY]
    assert kanji, [r.rawFont().familyName() for r in runs]
    assert all(index != 0 for run in kanji for index in run.glyphIndexes())  # 0 = missing glyph


def test_missing_font_is_a_warning_not_a_crash(
    qapp: QApplication,
    services: Services,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(fonts, "_loaded_families", None)
    monkeypatch.setattr(fonts, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert fonts.load_japanese_font() == []
    assert "warning: bundled Japanese font not found" in capsys.readouterr().err
    monkeypatch.setattr(fonts, "_loaded_families", None)
    assert run_gui(services, exit_when_ready=True) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("ready visits=0 ")
    assert "warning:" in captured.err
