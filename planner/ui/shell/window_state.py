"""The main window's own layout (size, position, docks) in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

DEFAULT_SIZE = QSize(1200, 720)
_GEOMETRY_KEY = "MainWindow/geometry"
_STATE_KEY = "MainWindow/state"


def restore_window(window: QMainWindow, settings: QSettings | None) -> None:
    """Give *window* the default size (within the screen), then the layout *settings* hold."""
    screen = QGuiApplication.primaryScreen()
    size = QSize(DEFAULT_SIZE)
    if screen is not None:
        size = size.boundedTo(screen.availableGeometry().size())
    window.resize(size)
    if settings is None:
        return
    geometry = settings.value(_GEOMETRY_KEY)
    if isinstance(geometry, QByteArray | bytes):
        window.restoreGeometry(QByteArray(geometry))
    state = settings.value(_STATE_KEY)
    if isinstance(state, QByteArray | bytes):
        window.restoreState(QByteArray(state))


def save_window(window: QMainWindow, settings: QSettings) -> None:
    """Remember *window*'s geometry and state in *settings*."""
    settings.setValue(_GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(_STATE_KEY, window.saveState())
