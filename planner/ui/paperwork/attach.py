"""Files dropped on a paperwork item: attached through the attachment service, undoably.

The service copies each file into the data folder (SHA-256 recorded, file 0600, folder
0700); here only the drop is recognised and the copies are made undoable. A drop on a row
attaches to that row's item; a drop between rows is refused while dragging.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QAbstractItemView

from planner.domain.errors import PlannerError
from planner.domain.paperwork import Attachment
from planner.services.container import Services
from planner.ui.common.errors import planner_error_text
from planner.ui.common.file_drop import FileDrop
from planner.ui.common.roles import ID_ROLE
from planner.ui.common.undo import run_undoable


def attach_files(
    services: Services,
    undo_stack: QUndoStack,
    item_id: int,
    paths: Sequence[Path],
    on_error: Callable[[str], None],
) -> list[Attachment]:
    """Attach each of *paths* to item *item_id* (one undo step each); the attachments made.

    A file the service refuses is reported through *on_error*; the others are still attached.
    """
    paperwork = services.paperwork
    added: list[Attachment] = []

    def remove(attachment: Attachment) -> None:
        paperwork.remove_attachment(attachment.id or 0)

    def adder(path: Path) -> Callable[[], Attachment]:
        return lambda: paperwork.add_attachment(item_id, path)

    for path in paths:
        try:
            added.append(
                run_undoable(
                    undo_stack,
                    QCoreApplication.translate("PaperworkTab", "Attach “%1”").replace(
                        "%1", path.name
                    ),
                    apply=adder(path),
                    revert=remove,
                    on_error=on_error,
                )
            )
        except (PlannerError, OSError) as exc:
            on_error(planner_error_text(exc) if isinstance(exc, PlannerError) else str(exc))
    return added


def item_at(view: QAbstractItemView, position: QPoint) -> int | None:
    """The paperwork item id of the row at *position* in *view*'s viewport, if any."""
    index = view.indexAt(position)
    value = index.data(ID_ROLE) if index.isValid() else None
    return int(value) if value is not None else None


def accept_item_drops(
    view: QAbstractItemView, attach: Callable[[int, Sequence[Path]], object]
) -> FileDrop:
    """Let files be dropped on *view*'s rows; *attach(item_id, paths)* attaches them."""

    def dropped(paths: Sequence[Path], position: QPoint) -> None:
        item_id = item_at(view, position)
        if item_id is not None:
            attach(item_id, paths)

    return FileDrop(
        view.viewport(), lambda _paths, position: item_at(view, position) is not None, dropped
    )
