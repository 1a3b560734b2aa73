"""Undo/redo: every GUI edit is a QUndoCommand wrapping service calls (Orange-canvas style).

The edit runs *before* the command is pushed, so a refused edit (validation, conflict) never
reaches the stack. Undoing or redoing can itself be refused later (someone else changed the
record meanwhile); the command then reports the reason and marks itself obsolete, so the stack
drops it instead of leaving a half-applied history.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Protocol, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.domain.errors import PlannerError
from planner.services.changes import initiated_by
from planner.ui.common.errors import planner_error_text

T = TypeVar("T")

#: Called with a failed undo/redo's message; the window shows it in a message box.
ErrorSink = Callable[[str], None]


class ServiceCommand(QUndoCommand):
    """An undoable edit made of two service calls: one to apply it, one to revert it."""

    def __init__(
        self,
        text: str,
        apply: Callable[[], object],
        revert: Callable[[], object],
        on_error: ErrorSink,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self._revert = revert
        self._on_error = on_error
        self._first = True  # the edit already ran before the push

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._apply, undoing=False)

    def undo(self) -> None:
        self._run(self._revert, undoing=True)

    def _run(self, call: Callable[[], object], *, undoing: bool) -> None:
        try:
            # Named as the initiator, so an editor tells an undo of its edit from its own save.
            with initiated_by(self):
                call()
        except PlannerError as exc:
            self.setObsolete(True)
            template = (
                QCoreApplication.translate("ServiceCommand", "Cannot undo “{0}”: {1}")
                if undoing
                else QCoreApplication.translate("ServiceCommand", "Cannot redo “{0}”: {1}")
            )
            self._on_error(template.format(self.text(), planner_error_text(exc)))


def run_undoable(
    stack: QUndoStack,
    text: str,
    apply: Callable[[], T],
    revert: Callable[[T], object],
    on_error: ErrorSink,
) -> T:
    """Run *apply* now; if it succeeds, push a command that can revert and re-apply it.

    *revert* receives what *apply* returned (e.g. the created record, to delete it again).
    Errors of the first *apply* propagate to the caller, who shows them where they belong.
    """
    result = apply()
    holder: list[T] = [result]

    def reapply() -> None:
        holder[0] = apply()

    stack.push(ServiceCommand(text, reapply, lambda: revert(holder[0]), on_error))
    return result


E = TypeVar("E")


def _with_version(entity: E, version: int | None) -> E:
    if version is None or not hasattr(entity, "version"):
        return entity
    return dataclasses.replace(entity, version=version)  # type: ignore[type-var]


def undoable_update(
    stack: QUndoStack,
    text: str,
    update: Callable[[E], E],
    before: E,
    after: E,
    on_error: ErrorSink,
) -> E:
    """Store *after* through *update*; undo stores *before* again.

    Records with a ``version`` keep optimistic locking across undo and redo: each step
    presents the version the previous step produced, so undoing over someone else's later edit
    is refused rather than silently overwriting it.
    """
    latest: list[int | None] = [None]

    def store(entity: E) -> E:
        result = update(_with_version(entity, latest[0]))
        latest[0] = getattr(result, "version", None)
        return result

    return run_undoable(stack, text, lambda: store(after), lambda _r: store(before), on_error)


def undoable_create(
    stack: QUndoStack,
    text: str,
    create: Callable[[E], E],
    delete: Callable[[int], object],
    entity: E,
    on_error: ErrorSink,
) -> E:
    """Create *entity*; undo deletes what was created, redo creates it again."""

    def remove(created: E) -> None:
        record_id = getattr(created, "id", None)
        if record_id is not None:
            delete(record_id)

    return run_undoable(stack, text, lambda: create(entity), remove, on_error)


class RecordStore(Protocol[E]):
    """What :func:`undoable_save` needs of a record service."""

    def create(self, entity: E, /) -> E: ...
    def update(self, entity: E, /) -> E: ...
    def delete(self, record_id: int, /) -> None: ...


def undoable_save(
    stack: QUndoStack,
    service: RecordStore[E],
    original: E | None,
    record: E,
    labels: tuple[str, str],
    on_error: ErrorSink,
) -> E:
    """Create *record* (when *original* is None) or update *original* to it, undoably.

    *labels* are the undo texts for adding and for editing; every record editor saves this way.
    The update presents *original*'s version (the one the editor opened), so a save over
    someone else's later change raises :class:`~planner.domain.errors.ConflictError`.
    """
    add_label, edit_label = labels
    if original is None:
        return undoable_create(stack, add_label, service.create, service.delete, record, on_error)
    opened = _with_version(record, getattr(original, "version", None))
    return undoable_update(stack, edit_label, service.update, original, opened, on_error)
