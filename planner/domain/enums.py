"""Enumerations of the domain; their values are what the database and the JSON output store."""

from __future__ import annotations

from enum import StrEnum


class InstitutionKind(StrEnum):
    """What sort of organisation an institution is; paperwork rules depend on it."""

    NATIONAL_LAB = "national_lab"
    RESEARCH_INSTITUTE = "research_institute"
    UNIVERSITY = "university"
    COMPANY = "company"
    OTHER = "other"


class PersonCategory(StrEnum):
    """Who is travelling: reports count visits by category."""

    RESEARCHER = "researcher"
    STAFF = "staff"
    STUDENT = "student"


class Purpose(StrEnum):
    """Why a visit happens."""

    RESEARCH_COLLABORATION = "research_collaboration"
    LECTURE = "lecture"
    SEMINAR = "seminar"
    SYMPOSIUM = "symposium"
    TRAINING = "training"
    DATA_EXCHANGE = "data_exchange"
    OTHER = "other"


class VisitStatus(StrEnum):
    """Life cycle of a visit; the allowed moves live in :mod:`planner.domain.status`."""

    DRAFT = "draft"
    PROPOSED = "proposed"
    APPROVED = "approved"
    CONFIRMED = "confirmed"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class ItineraryKind(StrEnum):
    """Kinds of itinerary entries."""

    FLIGHT = "flight"
    TRAIN = "train"
    GROUND_TRANSPORT = "ground_transport"
    LODGING = "lodging"
    MEETING = "meeting"
    LECTURE = "lecture"
    SEMINAR = "seminar"
    SYMPOSIUM = "symposium"
    TOUR = "tour"
    BADGE_PICKUP = "badge_pickup"
    MEAL = "meal"
    FREE_TIME = "free_time"
    OTHER = "other"


class EventKind(StrEnum):
    """Shared events that many visitors attend."""

    LECTURE = "lecture"
    SEMINAR = "seminar"
    SYMPOSIUM = "symposium"
    WORKSHOP = "workshop"
    OTHER = "other"


class ParticipantRole(StrEnum):
    """A person's part in an event."""

    SPEAKER = "speaker"
    ATTENDEE = "attendee"
    ORGANIZER = "organizer"


class EventMode(StrEnum):
    """Where an event happens: one room, a room plus a video link, or only the link."""

    IN_PERSON = "in_person"
    HYBRID = "hybrid"
    ONLINE = "online"


class Attendance(StrEnum):
    """How one participant takes part: in the room or over the link."""

    ROOM = "room"
    REMOTE = "remote"


class Frequency(StrEnum):
    """How a series repeats; NONE is a single event."""

    NONE = "none"
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    #: Monthly on the same weekday of the month as the first occurrence (e.g. 2nd Tuesday).
    MONTHLY = "monthly"


class PaperworkStatus(StrEnum):
    """Progress of one paperwork item."""

    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    SUBMITTED = "submitted"
    APPROVED = "approved"
    REJECTED = "rejected"
    WAIVED = "waived"
    EXPIRED = "expired"


class ResponsibleParty(StrEnum):
    """Who has to act on a paperwork item."""

    COORDINATOR = "coordinator"
    VISITOR = "visitor"
    HOST = "host"


class AgreementKind(StrEnum):
    """Kinds of agreements between institutions."""

    MEMORANDUM = "memorandum"
    DATA_SHARING = "data_sharing"
    MATERIAL_TRANSFER = "material_transfer"
    NDA = "nda"


class TransferKind(StrEnum):
    """What moves under a material-transfer record."""

    DATA_SET = "data_set"
    MATERIAL = "material"


class TransferStatus(StrEnum):
    """Progress of a data set or material transfer."""

    PLANNED = "planned"
    UNDER_REVIEW = "under_review"
    APPROVED = "approved"
    TRANSFERRED = "transferred"
    CANCELLED = "cancelled"


class RecordKind(StrEnum):
    """The kinds of record a change or an audit entry names (the audit's ``entity`` column)."""

    VISIT = "visit"
    PERSON = "person"
    INSTITUTION = "institution"
    PROGRAM = "program"
    PROJECT = "project"
    ITINERARY_ITEM = "itinerary_item"
    EVENT = "event"
    PAPERWORK_ITEM = "paperwork_item"
    ATTACHMENT = "attachment"
    AGREEMENT = "agreement"
    MATERIAL_TRANSFER = "material_transfer"
    #: The whole database (a restore, a synthetic batch): every view reads everything again.
    DATABASE = "database"


class AuditAction(StrEnum):
    """What an audit entry records."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    STATUS = "status"
    IMPORT = "import"
    #: Sensitive fields were shown on screen (``changes``: ``{"fields": [names]}``, no values).
    REVEAL = "reveal"
    #: Sensitive fields were written into an export (``changes`` as for REVEAL).
    EXPORT = "export"
    #: An e-mail draft was written for the visitor (``changes``: what, to, revision, lang).
    SEND = "send"
