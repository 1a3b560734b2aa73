"""The visit status machine: which status may follow which."""

from __future__ import annotations

from planner.domain.enums import VisitStatus
from planner.domain.errors import TransitionError
from planner.domain.i18n import QT_TRANSLATE_NOOP, joined

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

#: The status values as they appear in messages, marked so the interface can translate them
#: (a message's text parameters are translated in the "Validation" context).
STATUS_WORDS: dict[VisitStatus, str] = {
    _S.DRAFT: QT_TRANSLATE_NOOP("Validation", "draft"),
    _S.PROPOSED: QT_TRANSLATE_NOOP("Validation", "proposed"),
    _S.APPROVED: QT_TRANSLATE_NOOP("Validation", "approved"),
    _S.CONFIRMED: QT_TRANSLATE_NOOP("Validation", "confirmed"),
    _S.IN_PROGRESS: QT_TRANSLATE_NOOP("Validation", "in_progress"),
    _S.COMPLETED: QT_TRANSLATE_NOOP("Validation", "completed"),
    _S.CANCELLED: QT_TRANSLATE_NOOP("Validation", "cancelled"),
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


def can_cancel(status: VisitStatus) -> bool:
    """Whether a visit in *status* may still be cancelled (not once completed or cancelled)."""
    return _S.CANCELLED in ALLOWED_TRANSITIONS[status]


def check_transition(current: VisitStatus, target: VisitStatus) -> None:
    """Raise :class:`TransitionError` unless *current* may move to *target*."""
    if target == current:
        raise TransitionError(
            QT_TRANSLATE_NOOP("Validation", "The visit is already {status}."),
            params={"status": STATUS_WORDS[current]},
        )
    if target not in ALLOWED_TRANSITIONS[current]:
        following = allowed_next(current)
        allowed = (
            joined([STATUS_WORDS[s] for s in following])
            if following
            else QT_TRANSLATE_NOOP("Validation", "none (final status)")
        )
        raise TransitionError(
            QT_TRANSLATE_NOOP(
                "Validation", "A visit cannot go from {current} to {target}; allowed: {allowed}."
            ),
            params={
                "current": STATUS_WORDS[current],
                "target": STATUS_WORDS[target],
                "allowed": allowed,
            },
        )
