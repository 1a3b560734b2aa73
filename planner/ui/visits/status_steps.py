"""A visit's status change as one undoable step, shared by the editor and the window's commands."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QWidget

from planner.domain.entities import Visit
from planner.domain.enums import VisitStatus
from planner.services.changes import initiated_by
from planner.services.container import Services
from planner.ui.common.form_widgets import show_undo_error
from planner.ui.common.formats import localised
from planner.ui.common.labels import status_label
from planner.ui.common.undo import run_undoable


def set_status_step(
    services: Services,
    undo_stack: QUndoStack,
    visit: Visit,
    target: VisitStatus,
    reason: str,
    *,
    override: bool = False,
    initiator: object | None = None,
) -> Visit:
    """Move *visit* to *target* through the undo stack; returns the stored visit.

    *initiator* (an editor) names the change so that its listener skips it. Raises
    PlannerError (AdmissionBlockedError when paperwork blocks and *override* is False).
    """
    assert visit.id is not None
    visit_id, previous = visit.id, visit.status
    visits = services.visits
    label = QCoreApplication.translate("VisitEditor", "{verb} visit {code}").format(
        verb=status_label(target), code=visit.code
    )
    if override:
        label = QCoreApplication.translate("VisitEditor", "{label} (override)").format(label=label)
    with initiated_by(initiator):
        return run_undoable(
            undo_stack,
            label,
            lambda: visits.set_status(visit_id, target, reason=reason, override=override),
            lambda done: visits.undo_status(visit_id, target, previous, done.version),
            show_undo_error,
        )


def localised_titles(services: Services, visit_id: int, titles: Sequence[str]) -> list[str]:
    """*titles* of the visit's paperwork in the interface language (Japanese if known)."""
    known = {
        item.title: localised(item.title, item.title_ja)
        for item in services.paperwork.for_visit(visit_id)
    }
    return [known.get(title, title) for title in titles]


def ask_override_reason(parent: QWidget, target: VisitStatus, titles: Sequence[str]) -> str | None:
    """Name the blocking paperwork *titles*; an override needs a written reason (None: don't)."""
    items = "\n".join(f"• {title}" for title in titles)
    text, ok = QInputDialog.getMultiLineText(
        parent,
        QCoreApplication.translate("VisitEditor", "Blocking paperwork"),
        QCoreApplication.translate(
            "VisitEditor",
            "The visit cannot become {status} while these items are neither approved nor "
            "waived:\n{items}\n\nTo override anyway, write the reason (kept in the audit "
            "log):",
        ).format(status=status_label(target), items=items),
    )
    return text.strip() if ok and text.strip() else None
