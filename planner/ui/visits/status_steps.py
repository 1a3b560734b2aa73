"""A visit's status change as one undoable step, shared by the editor and the window's commands."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from planner.domain.entities import Visit
from planner.domain.enums import VisitStatus
from planner.services.changes import initiated_by
from planner.services.container import Services
from planner.ui.common.form_widgets import show_undo_error
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
