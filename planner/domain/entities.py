"""Plain dataclasses for the domain's records; what the services accept and return."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from planner.domain.enums import (
    Attendance,
    AuditAction,
    EventKind,
    EventMode,
    Frequency,
    InstitutionKind,
    ItineraryKind,
    ParticipantRole,
    PersonCategory,
    Purpose,
    VisitStatus,
)


@dataclass(frozen=True)
class Institution:
    """A partner organisation with the zone its local times are in."""

    name: str
    kind: InstitutionKind
    country: str
    timezone: str
    name_ja: str = ""
    short_name: str = ""
    city: str = ""
    address: str = ""
    #: Optimistic locking: the stored version this copy was read at (0 before it is stored).
    version: int = 0
    id: int | None = None

    @property
    def label(self) -> str:
        """Short name if there is one, else the full name."""
        return self.short_name or self.name


@dataclass(frozen=True)
class Person:
    """A visitor or host. Date of birth and passport fields are sensitive."""

    family_name: str
    given_name: str
    category: PersonCategory
    home_institution_id: int
    family_name_native: str = ""
    given_name_native: str = ""
    preferred_name: str = ""
    email: str = ""
    phone: str = ""
    nationality: str = ""
    date_of_birth: date | None = None
    passport_number: str = ""
    passport_expiry: date | None = None
    internal_notes: str = ""
    #: Optimistic locking: the stored version this copy was read at (0 before it is stored).
    version: int = 0
    id: int | None = None

    #: Fields that never leave the app unless the coordinator asks for them.
    SENSITIVE_FIELDS = frozenset({"date_of_birth", "passport_number", "passport_expiry"})

    @property
    def latin_name(self) -> str:
        """Name in Latin script, given name first (``Hiroshi Tanaka``)."""
        return f"{self.given_name} {self.family_name}".strip()

    @property
    def native_name(self) -> str:
        """Name in native script, family name first (``田中 博``); empty if none is recorded."""
        return f"{self.family_name_native} {self.given_name_native}".strip()


@dataclass(frozen=True)
class Program:
    """An exchange programme, for example the cooperation memorandum."""

    name: str
    name_ja: str = ""
    start_date: date | None = None
    end_date: date | None = None
    description: str = ""
    #: Optimistic locking: the stored version this copy was read at (0 before it is stored).
    version: int = 0
    id: int | None = None


@dataclass(frozen=True)
class Project:
    """A research project visits are reported under (AuroraGPT, ...)."""

    name: str
    name_ja: str = ""
    program_id: int | None = None
    description: str = ""
    #: Optimistic locking: the stored version this copy was read at (0 before it is stored).
    version: int = 0
    id: int | None = None


@dataclass(frozen=True)
class Visit:
    """One person's stay at a host institution; dates are host-local calendar dates."""

    visitor_id: int
    host_institution_id: int
    arrival_date: date
    departure_date: date
    purpose: Purpose = Purpose.RESEARCH_COLLABORATION
    paid: bool = False
    status: VisitStatus = VisitStatus.DRAFT
    host_person_id: int | None = None
    project_id: int | None = None
    visitor_notes: str = ""
    internal_notes: str = ""
    code: str = ""
    #: The notes for the visitor in Japanese (Japanese and bilingual exports).
    visitor_notes_ja: str = ""
    version: int = 0
    id: int | None = None

    @property
    def nights(self) -> int:
        """Nights of the stay (0 for a day visit)."""
        return (self.departure_date - self.arrival_date).days


@dataclass(frozen=True)
class ItineraryItem:
    """A dated entry of a visit's itinerary; each end has its own zone (a flight has two)."""

    visit_id: int
    kind: ItineraryKind
    title: str
    start_utc: datetime
    start_zone: str
    end_utc: datetime
    end_zone: str
    title_ja: str = ""
    location_name: str = ""
    location_address: str = ""
    confirmation_code: str = ""
    visitor_details: str = ""
    internal_notes: str = ""
    event_id: int | None = None
    #: The details for the visitor in Japanese (Japanese and bilingual exports).
    visitor_details_ja: str = ""
    position: int = 0
    uid: str = ""
    sequence: int = 0
    #: Optimistic locking: the stored version this copy was read at (0 before it is stored).
    version: int = 0
    id: int | None = None


@dataclass(frozen=True)
class Event:
    """A lecture, seminar or symposium that several visitors may attend."""

    kind: EventKind
    title: str
    institution_id: int
    start_utc: datetime
    start_zone: str
    end_utc: datetime
    end_zone: str
    title_ja: str = ""
    venue: str = ""
    series: str = ""
    description: str = ""
    #: Optimistic locking: the stored version this copy was read at (0 before it is stored).
    version: int = 0
    id: int | None = None
    mode: EventMode = EventMode.IN_PERSON
    #: Shown to participants (invitations, their calendars), never in internal exports.
    meeting_link: str = ""
    dial_in: str = ""
    #: A series: the first occurrence is start/end; its wall time in ``start_zone`` repeats.
    frequency: Frequency = Frequency.NONE
    repeat_until: date | None = None
    repeat_count: int | None = None


@dataclass(frozen=True)
class Participant:
    """A person's role in an event, and whether they are in the room or remote."""

    event_id: int
    person_id: int
    role: ParticipantRole = ParticipantRole.ATTENDEE
    version: int = 0
    attendance: Attendance = Attendance.ROOM


@dataclass(frozen=True)
class AuditEntry:
    """One recorded change: who did what to which record, and which fields changed."""

    at_utc: datetime
    actor: str
    entity: str
    entity_id: int
    action: AuditAction
    changes: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    id: int | None = None


@dataclass(frozen=True)
class VisitSummary:
    """A visit as the lists show it: names resolved, both scripts of the visitor's name."""

    id: int
    code: str
    visitor_id: int
    visitor_name: str
    visitor_name_native: str
    home_institution: str
    host_institution: str
    arrival_date: date
    departure_date: date
    status: VisitStatus
    purpose: Purpose
    project: str
    version: int
    host_institution_id: int | None = None
    home_institution_id: int | None = None
    project_id: int | None = None

    @property
    def direction(self) -> str:
        """Home → host, the way coordinators read an exchange."""
        return f"{self.home_institution} → {self.host_institution}"


@dataclass(frozen=True)
class PersonSummary:
    """A person as the directory lists them."""

    id: int
    latin_name: str
    native_name: str
    category: PersonCategory
    home_institution: str
    email: str
    nationality: str
