"""Readable, translatable labels and colours for domain values shown in the interface."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from planner.domain.enums import (
    AgreementKind,
    AuditAction,
    EventKind,
    InstitutionKind,
    ItineraryKind,
    PaperworkStatus,
    ParticipantRole,
    PersonCategory,
    Purpose,
    ResponsibleParty,
    TransferKind,
    TransferStatus,
    VisitStatus,
)
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.ui.common import palette


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


def _tr_paperwork(text: str) -> str:
    return QCoreApplication.translate("Paperwork", text)


_PAPERWORK_STATUS_TEXT: dict[PaperworkStatus, str] = {
    PaperworkStatus.NOT_STARTED: QT_TRANSLATE_NOOP("Paperwork", "Not started"),
    PaperworkStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("Paperwork", "In progress"),
    PaperworkStatus.SUBMITTED: QT_TRANSLATE_NOOP("Paperwork", "Submitted"),
    PaperworkStatus.APPROVED: QT_TRANSLATE_NOOP("Paperwork", "Approved"),
    PaperworkStatus.REJECTED: QT_TRANSLATE_NOOP("Paperwork", "Rejected"),
    PaperworkStatus.WAIVED: QT_TRANSLATE_NOOP("Paperwork", "Waived"),
    PaperworkStatus.EXPIRED: QT_TRANSLATE_NOOP("Paperwork", "Expired"),
}
# Readable on a light base (lighter on a dark one); the text says the same, so colour is never
# the only cue. Rejected and expired use the palette's error and warning colours.
_PAPERWORK_STATUS_COLOUR: dict[PaperworkStatus, str] = {
    PaperworkStatus.NOT_STARTED: "#6b6b6b",
    PaperworkStatus.IN_PROGRESS: "#1f5fbf",
    PaperworkStatus.SUBMITTED: "#6a3d9a",
    PaperworkStatus.APPROVED: "#2e7d32",
    PaperworkStatus.WAIVED: "#00796b",
}
_RESPONSIBLE_TEXT: dict[ResponsibleParty, str] = {
    ResponsibleParty.COORDINATOR: QT_TRANSLATE_NOOP("Paperwork", "Coordinator"),
    ResponsibleParty.VISITOR: QT_TRANSLATE_NOOP("Paperwork", "Visitor"),
    ResponsibleParty.HOST: QT_TRANSLATE_NOOP("Paperwork", "Host"),
}


def paperwork_status_colour(status: PaperworkStatus) -> QColor:
    """The foreground colour of a paperwork *status* for the current palette."""
    if status is PaperworkStatus.REJECTED:
        return palette.error_colour()
    if status is PaperworkStatus.EXPIRED:
        return palette.warning_colour()
    colour = QColor(_PAPERWORK_STATUS_COLOUR.get(status, "#6b6b6b"))
    return colour.lighter(170) if palette.is_dark() else colour


def late_colour() -> QColor:
    """The colour of a late item's due date and lateness (the palette's error colour)."""
    return palette.error_colour()


def paperwork_status_label(status: PaperworkStatus) -> str:
    """The status as users read it (``Not started``), translated."""
    return _tr_paperwork(_PAPERWORK_STATUS_TEXT.get(status, status.value))


def responsible_label(party: ResponsibleParty) -> str:
    """Who acts on an item (``Coordinator``), translated."""
    return _tr_paperwork(_RESPONSIBLE_TEXT.get(party, party.value))


_ITINERARY_KIND_TEXT: dict[ItineraryKind, str] = {
    ItineraryKind.FLIGHT: QT_TRANSLATE_NOOP("Itinerary", "Flight"),
    ItineraryKind.TRAIN: QT_TRANSLATE_NOOP("Itinerary", "Train"),
    ItineraryKind.GROUND_TRANSPORT: QT_TRANSLATE_NOOP("Itinerary", "Ground transport"),
    ItineraryKind.LODGING: QT_TRANSLATE_NOOP("Itinerary", "Lodging"),
    ItineraryKind.MEETING: QT_TRANSLATE_NOOP("Itinerary", "Meeting"),
    ItineraryKind.LECTURE: QT_TRANSLATE_NOOP("Itinerary", "Lecture"),
    ItineraryKind.SEMINAR: QT_TRANSLATE_NOOP("Itinerary", "Seminar"),
    ItineraryKind.SYMPOSIUM: QT_TRANSLATE_NOOP("Itinerary", "Symposium"),
    ItineraryKind.TOUR: QT_TRANSLATE_NOOP("Itinerary", "Tour"),
    ItineraryKind.BADGE_PICKUP: QT_TRANSLATE_NOOP("Itinerary", "Badge pickup"),
    ItineraryKind.MEAL: QT_TRANSLATE_NOOP("Itinerary", "Meal"),
    ItineraryKind.FREE_TIME: QT_TRANSLATE_NOOP("Itinerary", "Free time"),
    ItineraryKind.OTHER: QT_TRANSLATE_NOOP("Itinerary", "Other"),
}


def itinerary_kind_label(kind: ItineraryKind) -> str:
    """An itinerary item's kind as users read it (``Ground transport``), translated."""
    return QCoreApplication.translate("Itinerary", _ITINERARY_KIND_TEXT.get(kind, kind.value))


_AGREEMENT_KIND_TEXT: dict[AgreementKind, str] = {
    AgreementKind.MEMORANDUM: QT_TRANSLATE_NOOP("AgreementKind", "Memorandum"),
    AgreementKind.DATA_SHARING: QT_TRANSLATE_NOOP("AgreementKind", "Data sharing"),
    AgreementKind.MATERIAL_TRANSFER: QT_TRANSLATE_NOOP("AgreementKind", "Material transfer"),
    AgreementKind.NDA: QT_TRANSLATE_NOOP("AgreementKind", "NDA"),
}
_TRANSFER_KIND_TEXT: dict[TransferKind, str] = {
    TransferKind.DATA_SET: QT_TRANSLATE_NOOP("TransferKind", "Data set"),
    TransferKind.MATERIAL: QT_TRANSLATE_NOOP("TransferKind", "Material"),
}
_TRANSFER_STATUS_TEXT: dict[TransferStatus, str] = {
    TransferStatus.PLANNED: QT_TRANSLATE_NOOP("TransferStatus", "Planned"),
    TransferStatus.UNDER_REVIEW: QT_TRANSLATE_NOOP("TransferStatus", "Under review"),
    TransferStatus.APPROVED: QT_TRANSLATE_NOOP("TransferStatus", "Approved"),
    TransferStatus.TRANSFERRED: QT_TRANSLATE_NOOP("TransferStatus", "Transferred"),
    TransferStatus.CANCELLED: QT_TRANSLATE_NOOP("TransferStatus", "Cancelled"),
}


def agreement_kind_label(kind: AgreementKind) -> str:
    """An agreement kind as users read it (``Data sharing``), translated."""
    return QCoreApplication.translate("AgreementKind", _AGREEMENT_KIND_TEXT.get(kind, str(kind)))


def transfer_kind_label(kind: TransferKind) -> str:
    """A transfer kind as users read it (``Data set``), translated."""
    return QCoreApplication.translate("TransferKind", _TRANSFER_KIND_TEXT.get(kind, str(kind)))


def transfer_status_label(status: TransferStatus) -> str:
    """A transfer status as users read it (``Under review``), translated."""
    return QCoreApplication.translate(
        "TransferStatus", _TRANSFER_STATUS_TEXT.get(status, str(status))
    )


_INSTITUTION_KIND_TEXT: dict[InstitutionKind, str] = {
    InstitutionKind.NATIONAL_LAB: QT_TRANSLATE_NOOP("InstitutionKind", "National laboratory"),
    InstitutionKind.RESEARCH_INSTITUTE: QT_TRANSLATE_NOOP("InstitutionKind", "Research institute"),
    InstitutionKind.UNIVERSITY: QT_TRANSLATE_NOOP("InstitutionKind", "University"),
    InstitutionKind.COMPANY: QT_TRANSLATE_NOOP("InstitutionKind", "Company"),
    InstitutionKind.OTHER: QT_TRANSLATE_NOOP("InstitutionKind", "Other"),
}
_PERSON_CATEGORY_TEXT: dict[PersonCategory, str] = {
    PersonCategory.RESEARCHER: QT_TRANSLATE_NOOP("PersonCategory", "Researcher"),
    PersonCategory.STAFF: QT_TRANSLATE_NOOP("PersonCategory", "Staff"),
    PersonCategory.STUDENT: QT_TRANSLATE_NOOP("PersonCategory", "Student"),
}


def institution_kind_label(kind: InstitutionKind) -> str:
    """An institution kind as users read it (``National laboratory``), translated."""
    return QCoreApplication.translate(
        "InstitutionKind", _INSTITUTION_KIND_TEXT.get(kind, str(kind))
    )


def person_category_label(category: PersonCategory) -> str:
    """A person category as users read it (``Researcher``), translated."""
    return QCoreApplication.translate(
        "PersonCategory", _PERSON_CATEGORY_TEXT.get(category, str(category).capitalize())
    )


#: What each audit action reads as (lower case; translated where shown).
_AUDIT_ACTION_TEXT: dict[AuditAction, str] = {
    AuditAction.CREATE: QT_TRANSLATE_NOOP("HistoryModel", "create"),
    AuditAction.UPDATE: QT_TRANSLATE_NOOP("HistoryModel", "update"),
    AuditAction.DELETE: QT_TRANSLATE_NOOP("HistoryModel", "delete"),
    AuditAction.STATUS: QT_TRANSLATE_NOOP("HistoryModel", "status"),
    AuditAction.IMPORT: QT_TRANSLATE_NOOP("HistoryModel", "import"),
    AuditAction.REVEAL: QT_TRANSLATE_NOOP("HistoryModel", "sensitive fields shown"),
    AuditAction.EXPORT: QT_TRANSLATE_NOOP("HistoryModel", "sensitive fields exported"),
    AuditAction.SEND: QT_TRANSLATE_NOOP("HistoryModel", "e-mail draft for the visitor"),
}

#: The sensitive person fields as the History tab names them (translated where shown).
_SENSITIVE_FIELD_TEXT: dict[str, str] = {
    "date_of_birth": QT_TRANSLATE_NOOP("HistoryModel", "date of birth"),
    "passport_number": QT_TRANSLATE_NOOP("HistoryModel", "passport number"),
    "passport_expiry": QT_TRANSLATE_NOOP("HistoryModel", "passport expiry"),
}


def audit_action_label(action: AuditAction) -> str:
    """An audit action as users read it (``update``), translated."""
    text = _AUDIT_ACTION_TEXT.get(action)
    return QCoreApplication.translate("HistoryModel", text) if text else action.value


def sensitive_field_label(name: str) -> str:
    """A sensitive person field as users read it (``passport number``), translated."""
    text = _SENSITIVE_FIELD_TEXT.get(name)
    return QCoreApplication.translate("HistoryModel", text) if text else name


def status_swatch(colour: QColor, size: int = 12) -> QIcon:
    """A small square of *colour*, with a darker border, for a legend."""
    pixmap = QPixmap(QSize(size, size))
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setPen(colour.darker(140))
    painter.setBrush(colour)
    painter.drawRect(0, 0, size - 1, size - 1)
    painter.end()
    return QIcon(pixmap)


# The purposes keep the visit editor's translation context, where they were first translated.
_PURPOSE_TEXT: dict[Purpose, str] = {
    Purpose.RESEARCH_COLLABORATION: QT_TRANSLATE_NOOP("VisitEditor", "Research collaboration"),
    Purpose.LECTURE: QT_TRANSLATE_NOOP("VisitEditor", "Lecture"),
    Purpose.SEMINAR: QT_TRANSLATE_NOOP("VisitEditor", "Seminar"),
    Purpose.SYMPOSIUM: QT_TRANSLATE_NOOP("VisitEditor", "Symposium"),
    Purpose.TRAINING: QT_TRANSLATE_NOOP("VisitEditor", "Training"),
    Purpose.DATA_EXCHANGE: QT_TRANSLATE_NOOP("VisitEditor", "Data exchange"),
    Purpose.OTHER: QT_TRANSLATE_NOOP("VisitEditor", "Other"),
}


def purpose_label(purpose: Purpose) -> str:
    """A visit's purpose as users read it (``Research collaboration``), translated."""
    return QCoreApplication.translate("VisitEditor", _PURPOSE_TEXT.get(purpose, str(purpose)))


def raw_value_label(value: str) -> str | None:
    """The translated label of a stored value that reached a message raw, or None.

    Domain messages and audit entries carry the values the database holds (``in_progress``,
    ``national_lab``, ``researcher``); shown as they are they read as code. Visit statuses
    come first (they read in lower case, as words in a sentence), then the other kinds a
    message or a rule condition names. Anything else (a user's text) gives None.
    """
    if value in _RAW_VISIT_STATUS:
        return status_label(VisitStatus(value)).lower()
    if value in _RAW_PAPERWORK_STATUS:
        return paperwork_status_label(PaperworkStatus(value)).lower()
    if value in _RAW_INSTITUTION_KIND:
        return institution_kind_label(InstitutionKind(value))
    if value in _RAW_PERSON_CATEGORY:
        return person_category_label(PersonCategory(value))
    if value in _RAW_PURPOSE:
        return purpose_label(Purpose(value))
    return None


_RAW_VISIT_STATUS = frozenset(s.value for s in VisitStatus)
_RAW_PAPERWORK_STATUS = frozenset(s.value for s in PaperworkStatus)
_RAW_INSTITUTION_KIND = frozenset(k.value for k in InstitutionKind)
_RAW_PERSON_CATEGORY = frozenset(c.value for c in PersonCategory)
_RAW_PURPOSE = frozenset(p.value for p in Purpose)
