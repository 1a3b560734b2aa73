"""Readable, translatable labels and colours for domain values shown in the interface."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor

from planner.domain.enums import EventKind, ParticipantRole, VisitStatus
from planner.domain.i18n import QT_TRANSLATE_NOOP


def _tr(text: str) -> str:
    return QCoreApplication.translate("VisitStatus", text)


_STATUS_TEXT: dict[VisitStatus, str] = {
    VisitStatus.DRAFT: QT_TRANSLATE_NOOP("VisitStatus", "Draft"),
    VisitStatus.PROPOSED: QT_TRANSLATE_NOOP("VisitStatus", "Proposed"),
    VisitStatus.APPROVED: QT_TRANSLATE_NOOP("VisitStatus", "Approved"),
    VisitStatus.CONFIRMED: QT_TRANSLATE_NOOP("VisitStatus", "Confirmed"),
    VisitStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("VisitStatus", "In progress"),
    VisitStatus.COMPLETED: QT_TRANSLATE_NOOP("VisitStatus", "Completed"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("VisitStatus", "Cancelled"),
}

# Dark enough to read on a light base, distinct from each other; the text says the same, so
# colour is never the only cue.
_STATUS_COLOUR: dict[VisitStatus, str] = {
    VisitStatus.DRAFT: "#6b6b6b",
    VisitStatus.PROPOSED: "#1f5fbf",
    VisitStatus.APPROVED: "#00796b",
    VisitStatus.CONFIRMED: "#2e7d32",
    VisitStatus.IN_PROGRESS: "#b45309",
    VisitStatus.COMPLETED: "#6a3d9a",
    VisitStatus.CANCELLED: "#c62828",
}

#: Life-cycle order, for sorting by status.
STATUS_ORDER: dict[VisitStatus, int] = {status: i for i, status in enumerate(VisitStatus)}


def status_label(status: VisitStatus) -> str:
    """The status as users read it (``In progress``), translated."""
    return _tr(_STATUS_TEXT.get(status, str(status).replace("_", " ").capitalize()))


def status_colour(status: VisitStatus, *, dark_background: bool = False) -> QColor:
    """The foreground colour of *status*; lighter variants on a dark background."""
    colour = QColor(_STATUS_COLOUR.get(status, "#000000"))
    return colour.lighter(170) if dark_background else colour


_EVENT_KIND_TEXT: dict[EventKind, str] = {
    EventKind.LECTURE: QT_TRANSLATE_NOOP("EventKind", "Lecture"),
    EventKind.SEMINAR: QT_TRANSLATE_NOOP("EventKind", "Seminar"),
    EventKind.SYMPOSIUM: QT_TRANSLATE_NOOP("EventKind", "Symposium"),
    EventKind.WORKSHOP: QT_TRANSLATE_NOOP("EventKind", "Workshop"),
    EventKind.OTHER: QT_TRANSLATE_NOOP("EventKind", "Other"),
}
_ROLE_TEXT: dict[ParticipantRole, str] = {
    ParticipantRole.SPEAKER: QT_TRANSLATE_NOOP("ParticipantRole", "Speaker"),
    ParticipantRole.ATTENDEE: QT_TRANSLATE_NOOP("ParticipantRole", "Attendee"),
    ParticipantRole.ORGANIZER: QT_TRANSLATE_NOOP("ParticipantRole", "Organizer"),
}


def event_kind_label(kind: EventKind) -> str:
    """An event kind as users read it (``Seminar``), translated."""
    text = _EVENT_KIND_TEXT.get(kind)
    return QCoreApplication.translate("EventKind", text) if text else kind.value.capitalize()


def participant_role_label(role: ParticipantRole) -> str:
    """A participant's role as users read it (``Speaker``), translated."""
    text = _ROLE_TEXT.get(role)
    return QCoreApplication.translate("ParticipantRole", text) if text else role.value.capitalize()
