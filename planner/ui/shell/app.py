"""Entry point of the desktop interface, called by the command line once the database is open."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QMessageLogContext,
    QObject,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

import planner
from planner.domain.errors import PlannerError
from planner.services.container import Services
from planner.ui.common.errors import ErrorReporter, error_message, install_excepthook
from planner.ui.common.preferences import load_language, resolve_language
from planner.ui.shell.backup_dialogs import show_location_warning
from planner.ui.shell.fonts import install_japanese_fallback
from planner.ui.shell.language import install_language, remove_language
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import APPLICATION, ORGANIZATION, open_settings

#: Screenshots use a fixed size (and ignore the remembered layout), so they are reproducible;
#: ``--screenshot-size`` chooses another.
SCREENSHOT_SIZE = QSize(1280, 800)


def choose_platform(interactive: bool, environ: dict[str, str] | None = None) -> None:
    """Pick Qt's offscreen platform for unattended runs on a machine without a display.

    Qt aborts the whole process when it cannot open a display; an interactive start without
    one gets a clear one-line error instead.
    """
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux") or env.get("QT_QPA_PLATFORM"):
        return
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return
    if interactive:
        raise PlannerError(
            "no display to show the window on (DISPLAY is not set); start the app from a "
            "desktop session, or use --screenshot DIR or --exit-when-ready, which need none"
        )
    env["QT_QPA_PLATFORM"] = "offscreen"


#: Qt messages that say nothing to a user: the offscreen platform's notice about size hints.
_SILENCED_MESSAGES = (
    "This plugin does not support propagateSizeHints()",
    "This plugin does not support raise()",
    "This plugin does not support grabbing the keyboard",  # a context menu's screenshot
)


@contextmanager
def _silence_platform_noise() -> Iterator[None]:
    """Drop Qt's known harmless platform notices; pass every other message on unchanged."""
    previous = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        if message in _SILENCED_MESSAGES:
            return
        if previous is not None:
            previous(mode, context, message)
        else:
            print(message, file=sys.stderr)

    previous = qInstallMessageHandler(handler)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)


def _application() -> QApplication:
    """The process's QApplication: the existing one (tests) or a new one."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    if existing is not None:
        raise RuntimeError("a non-GUI Qt application already exists in this process")
    app = QApplication([sys.argv[0] if sys.argv else "planner"])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(planner.__version__)
    return app


@contextmanager
def _close_on_interrupt(window: QWidget) -> Iterator[None]:
    """Ctrl+C in the terminal closes the window (saving its layout) instead of being ignored.

    Python runs signal handlers only between bytecodes, so a timer wakes it now and then while
    Qt's event loop has control.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, lambda _signum, _frame: window.close())
    wake = QTimer()
    wake.timeout.connect(lambda: None)
    wake.start(250)
    try:
        yield
    finally:
        wake.stop()
        signal.signal(signal.SIGINT, previous)


def _open_window(
    app: QApplication,
    services: Services,
    settings: QSettings | None,
    interactive: bool,
    screenshot_dir: Path | None,
    screenshot_size: QSize = SCREENSHOT_SIZE,
) -> MainWindow | None:
    """The main window, with the start-up warnings and reminders; None (said why) if it failed."""
    try:
        window = MainWindow(services, settings)
        show_location_warning(window, services)
        if interactive and settings is not None:
            # Tray reminders for paperwork that became overdue since the last start.
            from planner.ui.shell.reminders import notify_overdue

            notify_overdue(app, services, settings)
        if screenshot_dir is not None:
            window.resize(screenshot_size)
    except Exception as exc:  # the window could not even be built: say so, exit 1
        traceback.print_exception(exc, file=sys.stderr)
        if interactive:
            QMessageBox.critical(None, planner.APP_NAME, error_message(exc))
        else:
            print(f"error: {error_message(exc)}", file=sys.stderr, flush=True)
        return None
    return window


def _when_ready(
    window: MainWindow, start: float, exit_when_ready: bool, screenshot_dir: Path | None
) -> int:
    """The unattended run's work once *window* is ready; the exit code."""
    if exit_when_ready:
        elapsed = time.perf_counter() - start
        print(f"ready visits={window.visit_count} seconds={elapsed:.2f}", flush=True)
    if screenshot_dir is not None:
        from planner.ui.shell.screenshots import save_screenshots

        try:
            save_screenshots(window.screenshot_shots(), screenshot_dir)
        except OSError as exc:
            print(f"error: {exc}", file=sys.stderr, flush=True)
            return 1
    return 0


def review_package_when_ready(window: MainWindow, services: Services, path: Path) -> None:
    """Open the import review of the package at *path* once *window* is ready (shown, loaded).

    Queued after ``ready`` so the window is on screen behind the review, as when the
    coordinator chooses File → Import Exchange Package.
    """
    from planner.ui.exchange.commands import import_package

    def review() -> None:
        QTimer.singleShot(0, window, lambda: import_package(window, services, path))

    window.ready.connect(review, Qt.ConnectionType.SingleShotConnection)


class PackageOpener(QObject):
    """Opens the import review for exchange packages the desktop hands over while running.

    macOS passes a double-clicked document as a file-open event, not as an argument; the
    event filter on the application turns one into File → Import Exchange Package for it.
    """

    def __init__(self, window: MainWindow, services: Services) -> None:
        super().__init__(window)
        self._window = window
        self._services = services

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Take file-open events; let every other event through."""
        if event.type() == QEvent.Type.FileOpen and isinstance(event, QFileOpenEvent):
            path = Path(event.file())
            from planner.ui.exchange.commands import import_package

            QTimer.singleShot(
                0, self._window, lambda: import_package(self._window, self._services, path)
            )
            return True
        return super().eventFilter(watched, event)


def run_gui(
    services: Services,
    *,
    lang: str | None = None,
    exit_when_ready: bool = False,
    screenshot_dir: Path | None = None,
    screenshot_size: tuple[int, int] | None = None,
    settings_path: Path | None = None,
    started_at: float | None = None,
    import_package: Path | None = None,
) -> int:
    """Create the QApplication, show the main window, run the event loop; returns the exit code.

    *exit_when_ready*: once the window is shown with its table loaded, print
    ``ready visits=N seconds=S`` (seconds since *started_at*, a ``time.perf_counter()`` value)
    and quit. *screenshot_dir*: once ready, save one PNG per main view there, then quit;
    *screenshot_size* (width, height) is the window's size for them (default 1280×800).
    *settings_path*: an INI file for the remembered layout instead of the per-user settings.
    *lang*: ``en`` or ``ja`` for this run; None uses the language setting (``system``: the
    desktop's locale).
    *import_package*: an exchange package opened from the desktop: its import review opens
    once the window is ready (interactive runs only).
    Never calls ``sys.exit``; an existing QApplication (tests) is reused.
    """
    start = time.perf_counter() if started_at is None else started_at
    interactive = not exit_when_ready and screenshot_dir is None
    if QApplication.instance() is None:
        choose_platform(interactive)
    app = _application()
    install_japanese_fallback(app)
    previous_locale = QLocale()
    # Screenshots show the default layout, not whatever this user last left.
    settings = None if screenshot_dir is not None else open_settings(settings_path)
    choice = lang if lang is not None else load_language(settings)
    try:
        translators = install_language(app, resolve_language(choice))
    except (ValueError, FileNotFoundError) as exc:
        print(f"error: {exc}", file=sys.stderr, flush=True)
        return 1
    window: MainWindow | None = None
    opener: PackageOpener | None = None

    def parent() -> QWidget | None:
        return window

    reporter = ErrorReporter(interactive=interactive, parent=parent)
    restore_hook = install_excepthook(reporter)
    try:
        size = QSize(*screenshot_size) if screenshot_size else SCREENSHOT_SIZE
        window = _open_window(app, services, settings, interactive, screenshot_dir, size)
        if window is None:
            return 1
        if import_package is not None and interactive:
            review_package_when_ready(window, services, import_package)
        opener = PackageOpener(window, services)
        app.installEventFilter(opener)
        if not interactive:
            shown = window
            window.ready.connect(
                lambda: app.exit(_when_ready(shown, start, exit_when_ready, screenshot_dir))
            )
        with _silence_platform_noise():
            window.show()
            with _close_on_interrupt(window):
                return app.exec()
    finally:
        if opener is not None:
            app.removeEventFilter(opener)
        if window is not None and window.isVisible():
            window.close()
        remove_language(app, translators)
        QLocale.setDefault(previous_locale)
        restore_hook()
