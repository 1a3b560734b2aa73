"""SQLAlchemy models for the whole domain (typed, SQLAlchemy 2.x declarative style)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from planner.db.types import UTCDateTime, enum_column
from planner.domain.enums import (
    AgreementKind,
    Attendance,
    AuditAction,
    EventKind,
    EventMode,
    Frequency,
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

# Named constraints let Alembic's batch mode rebuild SQLite tables reliably.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def version_column() -> Mapped[int]:
    """The optimistic-locking counter: every ORM update runs ``… WHERE id=? AND version=?``
    and raises it, so a write over a copy someone else changed since matches no row.

    The server default fills rows written by bulk inserts and rows older than the column.
    """
    return mapped_column(Integer, nullable=False, server_default=text("1"))


class Base(DeclarativeBase):
    """Declarative base with the project's constraint naming convention."""

    metadata = MetaData(naming_convention=NAMING)


class Meta(Base):
    """Key/value facts about the file itself (which app version last wrote the schema)."""

    __tablename__ = "planner_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class InstitutionRow(Base):
    __tablename__ = "institutions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    short_name: Mapped[str] = mapped_column(String(40), default="")
    kind: Mapped[InstitutionKind] = mapped_column(enum_column(InstitutionKind, "kind"))
    country: Mapped[str] = mapped_column(String(2))
    city: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(Text, default="")
    timezone: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class PersonRow(Base):
    __tablename__ = "people"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    family_name: Mapped[str] = mapped_column(String(100), default="")
    given_name: Mapped[str] = mapped_column(String(100), default="")
    family_name_native: Mapped[str] = mapped_column(String(100), default="")
    given_name_native: Mapped[str] = mapped_column(String(100), default="")
    preferred_name: Mapped[str] = mapped_column(String(100), default="")
    category: Mapped[PersonCategory] = mapped_column(enum_column(PersonCategory, "category"))
    home_institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT"), index=True
    )
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    phone: Mapped[str] = mapped_column(String(50), default="")
    nationality: Mapped[str] = mapped_column(String(2), default="")
    # Sensitive: never exported unless the coordinator explicitly includes them.
    date_of_birth: Mapped[date | None] = mapped_column(Date, nullable=True)
    passport_number: Mapped[str] = mapped_column(String(40), default="")
    passport_expiry: Mapped[date | None] = mapped_column(Date, nullable=True)
    internal_notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)

    home_institution: Mapped[InstitutionRow] = relationship(lazy="joined")


class ProgramRow(Base):
    __tablename__ = "programs"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class ProjectRow(Base):
    __tablename__ = "projects"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    name_ja: Mapped[str] = mapped_column(String(200), default="")
    program_id: Mapped[int | None] = mapped_column(
        ForeignKey("programs.id", ondelete="SET NULL"), nullable=True
    )
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class VisitRow(Base):
    __tablename__ = "visits"
    __table_args__ = (
        CheckConstraint("departure_date >= arrival_date", name="dates_in_order"),
        # Date windows (timeline, arrivals) and the list's arrival order.
        Index("ix_visits_arrival_departure", "arrival_date", "departure_date"),
        # The dashboard's status sections: "in progress today", "status behind the dates"
        # (SQLite answers their OR with one index per branch). They replace a status-only
        # index, which their leading column serves as well.
        Index("ix_visits_status_arrival", "status", "arrival_date"),
        Index("ix_visits_status_departure", "status", "departure_date"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    visitor_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="RESTRICT"), index=True
    )
    host_institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT"), index=True
    )
    host_person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="SET NULL"), nullable=True
    )
    project_id: Mapped[int | None] = mapped_column(
        ForeignKey("projects.id", ondelete="SET NULL"), nullable=True, index=True
    )
    purpose: Mapped[Purpose] = mapped_column(enum_column(Purpose, "purpose"))
    paid: Mapped[bool] = mapped_column(Boolean, default=False)
    arrival_date: Mapped[date] = mapped_column(Date)
    # Indexed for departures in the next days and the latest departure (timeline extent).
    departure_date: Mapped[date] = mapped_column(Date, index=True)
    status: Mapped[VisitStatus] = mapped_column(enum_column(VisitStatus, "status"))
    visitor_notes: Mapped[str] = mapped_column(Text, default="")
    visitor_notes_ja: Mapped[str] = mapped_column(Text, default="", server_default="")
    internal_notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, nullable=False)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class ItineraryItemRow(Base):
    __tablename__ = "itinerary_items"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ItineraryKind] = mapped_column(enum_column(ItineraryKind, "kind"))
    title: Mapped[str] = mapped_column(String(200))
    title_ja: Mapped[str] = mapped_column(String(200), default="")
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime())
    start_zone: Mapped[str] = mapped_column(String(64))
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime())
    end_zone: Mapped[str] = mapped_column(String(64))
    location_name: Mapped[str] = mapped_column(String(200), default="")
    location_address: Mapped[str] = mapped_column(Text, default="")
    confirmation_code: Mapped[str] = mapped_column(String(64), default="")
    visitor_details: Mapped[str] = mapped_column(Text, default="")
    visitor_details_ja: Mapped[str] = mapped_column(Text, default="", server_default="")
    internal_notes: Mapped[str] = mapped_column(Text, default="")
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="SET NULL"), nullable=True, index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    # Stable iCalendar UID and SEQUENCE: a re-sent itinerary updates, not duplicates.
    uid: Mapped[str] = mapped_column(String(100), unique=True)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[EventKind] = mapped_column(enum_column(EventKind, "kind"))
    title: Mapped[str] = mapped_column(String(200))
    title_ja: Mapped[str] = mapped_column(String(200), default="")
    institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT"), index=True
    )
    venue: Mapped[str] = mapped_column(String(200), default="")
    series: Mapped[str] = mapped_column(String(200), default="")
    start_utc: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    start_zone: Mapped[str] = mapped_column(String(64))
    end_utc: Mapped[datetime] = mapped_column(UTCDateTime())
    end_zone: Mapped[str] = mapped_column(String(64))
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()
    # Hybrid and online events, and series (migration 0006).
    mode: Mapped[EventMode] = mapped_column(
        enum_column(EventMode, "event_mode"), default=EventMode.IN_PERSON,
        server_default=EventMode.IN_PERSON.value,
    )  # fmt: skip
    meeting_link: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    dial_in: Mapped[str] = mapped_column(String(1000), default="", server_default="")
    frequency: Mapped[Frequency] = mapped_column(
        enum_column(Frequency, "event_frequency"), default=Frequency.NONE,
        server_default=Frequency.NONE.value,
    )  # fmt: skip
    repeat_until: Mapped[date | None] = mapped_column(Date, nullable=True)
    repeat_count: Mapped[int | None] = mapped_column(Integer, nullable=True)

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class EventSiteRow(Base):
    """A participating site of an event, with its working hours."""

    __tablename__ = "event_sites"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    #: ``08:00-19:00 mon,tue,wed,thu,fri`` (see planner.domain.series.parse_hours).
    hours: Mapped[str] = mapped_column(String(60))

    __table_args__ = (UniqueConstraint("event_id", "institution_id"),)


class OccurrenceChangeRow(Base):
    """One occurrence of a series cancelled or moved, by the anchor-local date the rule gives."""

    __tablename__ = "event_occurrence_changes"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    original_date: Mapped[date] = mapped_column(Date)
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)
    start_utc: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    end_utc: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)

    __table_args__ = (UniqueConstraint("event_id", "original_date"),)


class ParticipantRow(Base):
    __tablename__ = "event_participants"
    event_id: Mapped[int] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), primary_key=True
    )
    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    role: Mapped[ParticipantRole] = mapped_column(enum_column(ParticipantRole, "role"))
    version: Mapped[int] = version_column()
    attendance: Mapped[Attendance] = mapped_column(
        enum_column(Attendance, "attendance"), default=Attendance.ROOM,
        server_default=Attendance.ROOM.value,
    )  # fmt: skip

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class DocumentTypeRow(Base):
    __tablename__ = "document_types"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    title_ja: Mapped[str] = mapped_column(String(200), default="")
    responsible: Mapped[ResponsibleParty] = mapped_column(
        enum_column(ResponsibleParty, "responsible")
    )
    lead_days: Mapped[int] = mapped_column(Integer, default=0)
    blocking: Mapped[bool] = mapped_column(Boolean, default=False)
    explanation: Mapped[str] = mapped_column(Text, default="")


class PaperworkItemRow(Base):
    __tablename__ = "paperwork_items"
    __table_args__ = (UniqueConstraint("visit_id", "document_type_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    document_type_id: Mapped[int] = mapped_column(
        ForeignKey("document_types.id", ondelete="RESTRICT")
    )
    title: Mapped[str] = mapped_column(String(200))
    status: Mapped[PaperworkStatus] = mapped_column(enum_column(PaperworkStatus, "status"))
    responsible: Mapped[ResponsibleParty] = mapped_column(
        enum_column(ResponsibleParty, "responsible")
    )
    lead_days: Mapped[int] = mapped_column(Integer, default=0)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    submitted_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    approved_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    expiry_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    reference_number: Mapped[str] = mapped_column(String(100), default="")
    blocking: Mapped[bool] = mapped_column(Boolean, default=False)
    # False once regeneration finds the rule no longer applies: flagged, never deleted.
    applies: Mapped[bool] = mapped_column(Boolean, default=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class AttachmentRow(Base):
    __tablename__ = "attachments"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    paperwork_item_id: Mapped[int] = mapped_column(
        ForeignKey("paperwork_items.id", ondelete="CASCADE"), index=True
    )
    filename: Mapped[str] = mapped_column(String(255))
    stored_path: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    size_bytes: Mapped[int] = mapped_column(Integer)
    added_utc: Mapped[datetime] = mapped_column(UTCDateTime())


class AgreementRow(Base):
    __tablename__ = "agreements"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[AgreementKind] = mapped_column(enum_column(AgreementKind, "kind"))
    title: Mapped[str] = mapped_column(String(200))
    title_ja: Mapped[str] = mapped_column(String(200), default="")
    program_id: Mapped[int | None] = mapped_column(
        ForeignKey("programs.id", ondelete="SET NULL"), nullable=True
    )
    partner_institution_id: Mapped[int | None] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT"), nullable=True
    )
    reference: Mapped[str] = mapped_column(String(100), default="")
    signed_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    start_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class MaterialTransferRow(Base):
    __tablename__ = "material_transfers"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    agreement_id: Mapped[int] = mapped_column(
        ForeignKey("agreements.id", ondelete="RESTRICT"), index=True
    )
    visit_id: Mapped[int | None] = mapped_column(
        ForeignKey("visits.id", ondelete="SET NULL"), nullable=True
    )
    kind: Mapped[TransferKind] = mapped_column(enum_column(TransferKind, "kind"))
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    from_institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT")
    )
    to_institution_id: Mapped[int] = mapped_column(
        ForeignKey("institutions.id", ondelete="RESTRICT")
    )
    export_control_classification: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[TransferStatus] = mapped_column(enum_column(TransferStatus, "status"))
    transfer_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = version_column()

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (SQLAlchemy's own API)


class VisitorMessageRow(Base):
    """An e-mail draft written for a visitor, with the itinerary as it was sent (JSON)."""

    __tablename__ = "visitor_messages"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visits.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    recipient: Mapped[str] = mapped_column(String(320))
    lang: Mapped[str] = mapped_column(String(16))
    revision: Mapped[int] = mapped_column(Integer)
    sent_utc: Mapped[datetime] = mapped_column(UTCDateTime())
    actor: Mapped[str] = mapped_column(String(100))
    snapshot: Mapped[str] = mapped_column(Text)


class AuditRow(Base):
    __tablename__ = "audit_entries"
    __table_args__ = (Index("ix_audit_entity", "entity", "entity_id"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at_utc: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(100))
    entity: Mapped[str] = mapped_column(String(40))
    entity_id: Mapped[int] = mapped_column(Integer)
    action: Mapped[AuditAction] = mapped_column(enum_column(AuditAction, "action"))
    # JSON text {field: [old, new]}; sensitive fields record that they changed, not values.
    changes: Mapped[str] = mapped_column(Text, default="{}")
    reason: Mapped[str] = mapped_column(Text, default="")


class PartnerKeyRow(Base):
    """The public keys trusted for one partner institution (trust on first use)."""

    __tablename__ = "partner_keys"
    __table_args__ = (UniqueConstraint("institution_key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    institution: Mapped[str] = mapped_column(String(200))
    # The name folded (trimmed, case-folded): one trusted key per institution, however spelt.
    institution_key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    signing_key: Mapped[str] = mapped_column(String(64))  # Ed25519 public key, hex
    encryption_key: Mapped[str] = mapped_column(String(64), server_default="")  # X25519, hex
    source: Mapped[str] = mapped_column(String(20), server_default="")  # "package" | "key file"
    trusted_utc: Mapped[str] = mapped_column(String(32), server_default="")


class ExchangeLinkRow(Base):
    """Which partner (key fingerprint) sent a visit or itinerary item received in a package."""

    __tablename__ = "exchange_links"
    __table_args__ = (UniqueConstraint("kind", "key"),)
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # "visit" (exchange id) | "item" (uid)
    key: Mapped[str] = mapped_column(String(255))
    partner: Mapped[str] = mapped_column(String(64), server_default="")
