"""Synthetic drags and drops of local files, as the desktop would deliver them."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

#: A file name with every character a pasted-together URL gets wrong.
HOSTILE_NAME = "申請書 #1 ?v=2 100% 完了.pdf"


def file_mime(paths: Sequence[Path]) -> QMimeData:
    """Mime data carrying *paths* as file URLs (text/uri-list)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def drag_enter(target: QWidget, mime: QMimeData, position: QPoint) -> bool:
    """Drag *mime* over *target* at *position*; whether the target accepted it."""
    event = QDragEnterEvent(
        position,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def drop(target: QWidget, mime: QMimeData, position: QPoint) -> bool:
    """Drag *mime* over *target*, then drop it at *position*; whether the drop was accepted.

    Qt delivers a drop only to the widget that accepted the drag, as the desktop does.
    """
    drag_enter(target, mime, position)
    event = QDropEvent(
        QPointF(position),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    return event.isAccepted()
