"""The coordinator's commands on the visit selected in the visits list: open, duplicate, cancel."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from planner.domain.entities import Visit
from planner.domain.enums import VisitStatus
from planner.domain.errors import PlannerError
from planner.domain.status import can_cancel
from planner.services.container import Services
from planner.ui.common.errors import error_message, planner_error_text
from planner.ui.common.formats import plural
from planner.ui.common.labels import status_label
from planner.ui.visits.editors import VisitEditors
from planner.ui.visits.visits_view import VisitsView


class VisitCommands:
    """Open, duplicate and cancel the visit selected in *view*; *parent* owns the messages."""

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        undo_stack: QUndoStack,
        view: VisitsView,
        editors: VisitEditors,
    ) -> None:
        self._parent = parent
        self._services = services
        self._undo_stack = undo_stack
        self._view = view
        self._editors = editors

    def open_current(self) -> None:
        """Open the visit selected in the visits list."""
        visit_id = self._view.current_visit_id()
        if visit_id is not None:
            self._editors.open(visit_id)

    def open_by_code(self, code: str) -> None:
        """Open the visit with *code*; a code no visit has gets a message."""
        try:
            visit = self._services.visits.get_by_code(code)
        except PlannerError as exc:
            QMessageBox.warning(
                self._parent,
                QCoreApplication.translate("MainWindow", "Open visit"),
                planner_error_text(exc),
            )
            return
        if visit.id is not None:
            self._editors.open(visit.id)

    def duplicate(self) -> int | None:
        """Copy the selected visit as a new draft (undoable) and open it; the copy's id."""
        visit_id = self._view.current_visit_id()
        if visit_id is None:
            return None
        from planner.ui.common.form_widgets import show_undo_error
        from planner.ui.common.undo import undoable_create

        visits = self._services.visits
        original = visits.get(visit_id)
        try:
            copy = undoable_create(
                self._undo_stack,
                QCoreApplication.translate("MainWindow", "Duplicate visit {code}").format(
                    code=original.code
                ),
                lambda _v: visits.duplicate(visit_id),
                visits.delete,
                original,
                show_undo_error,
            )
        except Exception as exc:  # a PlannerError: say why, keep going
            QMessageBox.warning(
                self._parent,
                QCoreApplication.translate("MainWindow", "Cannot duplicate"),
                error_message(exc),
            )
            return None
        assert copy.id is not None
        self._view.reload()
        self._view.select_visit(copy.id)
        return copy.id

    def cancel(self) -> bool:
        """Cancel the selected visit after confirmation and a reason (one undoable step).

        No editor opens: the status changes through the service, and an editor already open
        on the visit takes the change in. A visit whose status may no longer be cancelled (the
        domain decides) gets a message instead; True if the visit was cancelled.
        """
        visit_id = self._view.current_visit_id()
        if visit_id is None:
            return False
        try:
            visit = self._services.visits.get(visit_id)
        except PlannerError as exc:
            self._warn(planner_error_text(exc))
            return False
        if not can_cancel(visit.status):
            QMessageBox.information(
                self._parent,
                QCoreApplication.translate("MainWindow", "Cancel visit"),
                QCoreApplication.translate(
                    "MainWindow", "Visit {code} is {status} and can no longer be cancelled."
                ).format(code=visit.code, status=status_label(visit.status).lower()),
            )
            return False
        reason = self.ask_cancel_reason(visit.code)
        if reason is None:
            return False
        from planner.ui.visits.status_steps import set_status_step

        try:
            set_status_step(self._services, self._undo_stack, visit, VisitStatus.CANCELLED, reason)
        except PlannerError as exc:  # changed meanwhile, say: tell why, keep going
            self._warn(planner_error_text(exc))
            return False
        return True

    def ask_cancel_reason(self, code: str) -> str | None:
        """Confirm the cancellation of *code* and ask why; None if the coordinator backs out
        (tests replace this)."""
        text, ok = QInputDialog.getText(
            self._parent,
            QCoreApplication.translate("VisitEditor", "Cancel visit"),
            QCoreApplication.translate(
                "VisitEditor", "Cancel visit {code}? Why (kept in the history):"
            ).format(code=code),
        )
        return text.strip() if ok else None

    def delete(self) -> bool:
        """Delete the selected visit if it is a draft, after a confirmation naming what goes
        with it (itinerary and paperwork); True if it was deleted.

        A visit that went further is cancelled instead, never deleted: its history is part of
        the exchange's record (and of the audit). The deletion itself is audited with a copy.
        """
        visit_id = self._view.current_visit_id()
        if visit_id is None:
            return False
        try:
            visit = self._services.visits.get(visit_id)
            if visit.status is not VisitStatus.DRAFT:
                QMessageBox.information(
                    self._parent,
                    QCoreApplication.translate("MainWindow", "Delete visit"),
                    QCoreApplication.translate(
                        "MainWindow",
                        "Only a draft can be deleted. Visit {code} is {status}: cancel it "
                        "instead, so that its history is kept.",
                    ).format(code=visit.code, status=status_label(visit.status).lower()),
                )
                return False
            items = len(self._services.itinerary.for_visit(visit_id))
            paperwork = len(self._services.paperwork.for_visit(visit_id))
            if not self.confirm_delete(visit.code, items, paperwork):
                return False
            self._services.visits.delete(visit_id)
        except PlannerError as exc:
            self._warn(planner_error_text(exc))
            return False
        return True

    def confirm_delete(self, code: str, items: int, paperwork: int) -> bool:
        """Ask before deleting draft *code* with its *items* and *paperwork* (tests replace
        this)."""
        text = QCoreApplication.translate(
            "MainWindow", "Delete the draft visit {code}? This cannot be undone."
        ).format(code=code)
        details = [
            plural(
                items,
                QCoreApplication.translate("MainWindow", "%n itinerary item", None, items),
                QCoreApplication.translate("MainWindow", "%n itinerary items", None, items),
            ),
            plural(
                paperwork,
                QCoreApplication.translate("MainWindow", "%n paperwork item", None, paperwork),
                QCoreApplication.translate("MainWindow", "%n paperwork items", None, paperwork),
            ),
        ]
        gone = QCoreApplication.translate("MainWindow", "Deleted with it: {what}.").format(
            what=", ".join(details)
        )
        answer = QMessageBox.question(
            self._parent,
            QCoreApplication.translate("MainWindow", "Delete visit"),
            f"{text}\n{gone}",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def visitor_email(self, visit: Visit) -> str:
        """The e-mail address of *visit*'s visitor ("" if none or unknown)."""
        try:
            return self._services.people.get(visit.visitor_id).email.strip()
        except PlannerError:  # deleted since the list was drawn
            return ""

    def _warn(self, message: str) -> None:
        QMessageBox.warning(
            self._parent, QCoreApplication.translate("MainWindow", "Cancel visit"), message
        )

    def change_status(self, target: VisitStatus) -> bool:
        """Move the selected visit to *target* as one undoable step; True if it moved.

        No editor opens (an open one takes the change in). Blocking paperwork is named and
        an override needs a written reason, as in the editor; a move the life cycle refuses
        meanwhile gets its message.
        """
        visit_id = self._view.current_visit_id()
        if visit_id is None:
            return False
        from planner.domain.paperwork import AdmissionBlockedError
        from planner.ui.visits.status_steps import localised_titles, set_status_step

        try:
            visit = self._services.visits.get(visit_id)
            try:
                set_status_step(self._services, self._undo_stack, visit, target, "")
            except AdmissionBlockedError as blocked:
                titles = localised_titles(self._services, visit_id, blocked.blocking)
                reason = self.ask_override_reason(target, titles)
                if reason is None:
                    return False
                set_status_step(
                    self._services, self._undo_stack, visit, target, reason, override=True
                )
        except PlannerError as exc:
            self._warn(planner_error_text(exc))
            return False
        return True

    def ask_override_reason(self, target: VisitStatus, titles: list[str]) -> str | None:
        """Name the blocking paperwork and ask for the override's reason (tests replace this)."""
        from planner.ui.visits.status_steps import ask_override_reason

        return ask_override_reason(self._parent, target, titles)
