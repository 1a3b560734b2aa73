"""The visit status machine: which status may follow which."""

from __future__ import annotations

from planner.domain.enums import VisitStatus
from planner.domain.errors import TransitionError

_S = VisitStatus

# Stepping back (proposed -> draft, approved -> proposed) lets a coordinator withdraw a
# submission; a cancelled visit may be reopened as a draft, because cancelling the wrong
# visit must not be final. Completed is final.
ALLOWED_TRANSITIONS: dict[VisitStatus, frozenset[VisitStatus]] = {
    _S.DRAFT: frozenset({_S.PROPOSED, _S.CANCELLED}),
    _S.PROPOSED: frozenset({_S.APPROVED, _S.DRAFT, _S.CANCELLED}),
    _S.APPROVED: frozenset({_S.CONFIRMED, _S.PROPOSED, _S.CANCELLED}),
    _S.CONFIRMED: frozenset({_S.IN_PROGRESS, _S.APPROVED, _S.CANCELLED}),
    _S.IN_PROGRESS: frozenset({_S.COMPLETED, _S.CANCELLED}),
    _S.COMPLETED: frozenset(),
    _S.CANCELLED: frozenset({_S.DRAFT}),
}

#: Statuses in which the visitor is admitted or about to be; paperwork gates them.
ADMISSION_STATUSES: frozenset[VisitStatus] = frozenset({_S.CONFIRMED, _S.IN_PROGRESS})

#: Statuses that count as an active, planned or running visit.
ACTIVE_STATUSES: frozenset[VisitStatus] = frozenset(
    {_S.DRAFT, _S.PROPOSED, _S.APPROVED, _S.CONFIRMED, _S.IN_PROGRESS}
)


def allowed_next(status: VisitStatus) -> list[VisitStatus]:
    """Statuses a visit in *status* may move to, in life-cycle order."""
    order = list(VisitStatus)
    return sorted(ALLOWED_TRANSITIONS[status], key=order.index)


def check_transition(current: VisitStatus, target: VisitStatus) -> None:
    """Raise :class:`TransitionError` unless *current* may move to *target*."""
    if target == current:
        raise TransitionError(f"The visit is already {current.value}.")
    if target not in ALLOWED_TRANSITIONS[current]:
        allowed = ", ".join(s.value for s in allowed_next(current)) or "none (final status)"
        raise TransitionError(
            f"A visit cannot go from {current.value} to {target.value}; allowed: {allowed}."
        )
