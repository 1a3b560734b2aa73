"""Transient messages after a save or an export: "V-2027-0007.pdf written — Open · Show in folder".

:func:`notify` puts a small notice at the left of the main window's status bar for a few
seconds (a newer notice replaces it). With a *path* the notice offers **Open** (the file in
the system's application for it) and **Show in folder**. Both go through
:func:`open_local` — ``QUrl.fromLocalFile``, never a URL pasted together from the path, so
names with ``#``, ``?``, ``%``, spaces or Japanese characters open the right file.

A widget with no main window above it (a test, a dialog shown alone) gets no notice: the
message is not worth a modal box.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QWidget

from planner.ui.common.formats import plural

# How long a notice stays, in milliseconds.
NOTICE_MS = 15_000
_NOTICE_NAME = "transientNotice"


def file_url(path: Path) -> QUrl:
    """The ``file:`` URL of *path* (special characters encoded by Qt, not by hand)."""
    return QUrl.fromLocalFile(str(path))


def open_local(path: Path) -> bool:
    """Open *path* (a file or folder) with the desktop's application for it."""
    return QDesktopServices.openUrl(file_url(path))


def main_window_of(widget: QWidget | None) -> QMainWindow | None:
    """The main window *widget* is in or above (dialogs have the window as a parent)."""
    while widget is not None:
        if isinstance(widget, QMainWindow):
            return widget
        widget = widget.parentWidget()
    return None


class Notice(QWidget):
    """The notice: a message, **Open** for a *file*, **Show in folder** for a *folder*."""

    def __init__(
        self,
        text: str,
        file: Path | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(_NOTICE_NAME)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 24, 0)  # apart from the view's status beside it
        self.label = QLabel(text, self)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a file name is not markup
        layout.addWidget(self.label)
        self.open_button: QPushButton | None = None
        self.folder_button: QPushButton | None = None
        if file is not None:
            self.open_button = self._button(
                QCoreApplication.translate("Notice", "Open"), "noticeOpen", lambda: open_local(file)
            )
            layout.addWidget(self.open_button)
        if folder is not None:
            self.folder_button = self._button(
                QCoreApplication.translate("Notice", "Show in folder"),
                "noticeShowFolder",
                lambda: open_local(folder),
            )
            layout.addWidget(self.folder_button)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.dismiss)

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        button.clicked.connect(slot)
        return button

    def dismiss(self) -> None:
        """Take the notice away."""
        self.hide()
        self.deleteLater()


def notify(
    widget: QWidget | None, text: str, file: Path | None = None, folder: Path | None = None
) -> Notice | None:
    """Show *text* in *widget*'s main window, with Open for *file*, Show in folder for *folder*.

    Returns the notice shown, or None when there is no main window to show it in.
    """
    window = main_window_of(widget)
    if window is None:
        return None
    bar = window.statusBar()
    old = bar.findChild(Notice, _NOTICE_NAME)
    if old is not None:
        bar.removeWidget(old)
        old.setObjectName("")  # gone: the next notice must not find it before it is deleted
        old.dismiss()
    notice = Notice(text, file, folder, bar)
    bar.insertWidget(0, notice)
    notice.show()
    notice.timer.start(NOTICE_MS)
    return notice


def notify_written(widget: QWidget | None, path: Path) -> Notice | None:
    """ "*name* written — Open · Show in folder" for the file *path* just written."""
    return notify(
        widget,
        QCoreApplication.translate("Notice", "{name} written").format(name=path.name),
        path,
        path.parent,
    )


def notify_folder(widget: QWidget | None, folder: Path, count: int) -> Notice | None:
    """ "N files written to *folder* — Show in folder"."""
    text = plural(
        count,
        QCoreApplication.translate("Notice", "1 file written to {folder}"),
        QCoreApplication.translate("Notice", "{count} files written to {folder}"),
    ).replace("{count}", str(count))
    return notify(widget, text.format(folder=folder.name or str(folder)), folder=folder)


def record_label(record: object) -> str:
    """What a stored record is called: a person's name, an institution's, an event's title…"""
    for attribute in ("code", "latin_name", "name", "title"):
        value = getattr(record, attribute, None)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return ""


def notify_saved(widget: QWidget | None, title: str) -> Notice | None:
    """ "Saved: *title*" after an editor stored its record (*title*: what it is called)."""
    shown = title.replace("[*]", "").strip()
    return notify(
        widget,
        QCoreApplication.translate("Notice", "Saved: {title}").format(title=shown)
        if shown
        else QCoreApplication.translate("Notice", "Saved"),
    )
