"""The main window: menus, the main views, the status bar; state kept in QSettings."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QLocale, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

import planner
from planner.services.app import Services
from planner.ui.actions import MainActions
from planner.ui.bridge import ChangeBridge
from planner.ui.visits_view import VisitsView

DEFAULT_SIZE = QSize(1200, 720)
_GEOMETRY_KEY = "MainWindow/geometry"
_STATE_KEY = "MainWindow/state"
# How long to wait for the window system to expose the window before calling it ready.
_EXPOSE_POLL_MS = 10
_EXPOSE_MAX_POLLS = 300


def about_text(database: str) -> str:
    """The About box text: application name, version and the open database."""
    return (
        f"<h3>{planner.APP_NAME}</h3>"
        f"<p>{QApplication.translate('MainWindow', 'Version')} {planner.__version__}</p>"
        f"<p>{QApplication.translate('MainWindow', 'Database')}: {_escape(database)}</p>"
    )


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class MainWindow(QMainWindow):
    """Top-level window of the planner over one open database.

    *settings* (may be None: nothing remembered) restores the layout at start and receives it
    at close. ``ready`` fires once, after the window is first shown with its data loaded.
    """

    ready = Signal()

    def __init__(
        self,
        services: Services,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._services = services
        self._settings = settings
        self.database_display = services.db.target.display
        self.setWindowTitle(f"{planner.APP_NAME} — {self.database_display}")

        self.undo_stack = QUndoStack(self)
        self.visits_view = VisitsView(services, self)
        self._views = QStackedWidget(self)
        self._views.addWidget(self.visits_view)
        self.setCentralWidget(self._views)

        self.main_actions = MainActions(
            self,
            self.undo_stack,
            on_quit=self.quit,
            on_find=self.visits_view.focus_filter,
            on_refresh=self.refresh,
            on_about=self.show_about,
            on_about_qt=QApplication.aboutQt,
        )

        self.count_label = QLabel(self)
        self.count_label.setObjectName("countLabel")
        self.database_label = QLabel(self.database_display, self)
        self.database_label.setObjectName("databaseLabel")
        self.statusBar().addWidget(self.count_label, 1)
        self.statusBar().addPermanentWidget(self.database_label)
        self.visits_view.counts_changed.connect(self._show_counts)

        self.change_bridge = ChangeBridge(services.bus, self)
        self.change_bridge.changed.connect(self.visits_view.on_change)

        self._ready_polls = -1
        self._restore_state()
        self.visits_view.reload()
        self._show_counts(self.visits_view.shown_count, self.visits_view.total_count)

    # -- views ---------------------------------------------------------------------------------

    def main_views(self) -> list[tuple[str, QWidget]]:
        """The main views with their names (the screenshot file names), in menu order."""
        return [("visits", self.visits_view)]

    def show_view(self, view: QWidget) -> None:
        """Bring *view* (one of :meth:`main_views`) to the front."""
        self._views.setCurrentWidget(view)

    @property
    def visit_count(self) -> int:
        """Visits loaded in the visits view."""
        return self.visits_view.total_count

    # -- commands ------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the data of every view."""
        self.visits_view.reload()

    def show_about(self) -> None:
        """The About box: name, version, database."""
        QMessageBox.about(
            self,
            self.tr("About {name}").format(name=planner.APP_NAME),
            about_text(self.database_display),
        )

    def quit(self) -> None:
        """Close the window (saving its layout) and leave the application."""
        if self.close():
            QApplication.quit()

    # -- status bar ----------------------------------------------------------------------------

    def _show_counts(self, shown: int, total: int) -> None:
        locale = QLocale()
        self.count_label.setText(
            self.tr("Showing {shown} of {total} visits").format(
                shown=locale.toString(shown), total=locale.toString(total)
            )
        )

    # -- state ---------------------------------------------------------------------------------

    def _restore_state(self) -> None:
        self._apply_default_size()
        if self._settings is None:
            return
        geometry = self._settings.value(_GEOMETRY_KEY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = self._settings.value(_STATE_KEY)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        self.visits_view.restore_state(self._settings)

    def _apply_default_size(self) -> None:
        screen = QGuiApplication.primaryScreen()
        size = QSize(DEFAULT_SIZE)
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size())
        self.resize(size)

    def save_state(self) -> None:
        """Write the window's layout to its settings (if it has any)."""
        if self._settings is None:
            return
        self._settings.setValue(_GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(_STATE_KEY, self.saveState())
        self.visits_view.save_state(self._settings)
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Save the layout and stop listening for changes."""
        self.save_state()
        self.change_bridge.close()
        super().closeEvent(event)

    # -- readiness -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """On the first show, announce ``ready`` once the window system exposed the window."""
        super().showEvent(event)
        if self._ready_polls < 0:
            self._ready_polls = 0
            QTimer.singleShot(0, self._check_ready)

    def _check_ready(self) -> None:
        handle = self.windowHandle()
        exposed = handle is not None and handle.isExposed()
        if exposed or self._ready_polls >= _EXPOSE_MAX_POLLS:
            self.ready.emit()
            return
        self._ready_polls += 1
        QTimer.singleShot(_EXPOSE_POLL_MS, self._check_ready)
