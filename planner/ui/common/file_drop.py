"""Files dropped from the desktop onto a widget (attach to a paperwork item, import a sheet).

:class:`FileDrop` is an event filter: install it on the widget that receives the drops (for
an item view, its viewport). *accepts(paths, pos)* says whether a drag may be dropped there
(the cursor shows it while dragging); *dropped(paths, pos)* does the work. Paths come from
``QUrl.toLocalFile`` — the URL's own decoding — so names with ``#``, ``?``, ``%``, spaces or
Japanese characters arrive intact; anything that is not an existing local file (a web link,
a folder) is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QMimeData, QObject, QPoint
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QWidget

Accepts = Callable[[Sequence[Path], QPoint], bool]
Dropped = Callable[[Sequence[Path], QPoint], object]


def local_files(mime: QMimeData | None) -> list[Path]:
    """The existing local files *mime* carries, in order (folders and web links left out)."""
    if mime is None or not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.is_file()]


class FileDrop(QObject):
    """Makes *target* accept dropped files (see the module's description)."""

    def __init__(self, target: QWidget, accepts: Accepts, dropped: Dropped) -> None:
        super().__init__(target)
        self._accepts = accepts
        self._dropped = dropped
        target.setAcceptDrops(True)
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Accept or refuse drags of files; hand a drop's files to *dropped*."""
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            paths = local_files(event.mimeData())
            if paths and self._accepts(paths, event.position().toPoint()):
                event.acceptProposedAction()
            else:
                event.ignore()
            return True
        if isinstance(event, QDropEvent):
            paths = local_files(event.mimeData())
            position = event.position().toPoint()
            if paths and self._accepts(paths, position):
                event.acceptProposedAction()
                self._dropped(paths, position)
            else:
                event.ignore()
            return True
        return False
