"""Exchange packages: one visit with everything a partner coordinator needs, in and out.

The package's content is plain dataclasses (:class:`VisitPackage`); turning it into JSON is
:mod:`planner.export.package`'s job and reading JSON :mod:`planner.importing.package`'s.

Identity: a visit's ``exchange_id`` (a UUID) is kept in the ``planner_meta`` key/value table
under ``exchange:<uuid>`` → visit id, so no schema change is needed. The first export of a
visit assigns one; an import records the package's, so re-importing it (or sending the visit
back) updates the same visit instead of creating another.
"""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db.engine import Database
from planner.db.models import (
    AuditRow,
    DocumentTypeRow,
    InstitutionRow,
    ItineraryItemRow,
    Meta,
    PaperworkItemRow,
    PersonRow,
    ProjectRow,
    VisitRow,
)
from planner.domain.entities import Institution, ItineraryItem, Person, Visit
from planner.domain.enums import (
    AuditAction,
    InstitutionKind,
    ItineraryKind,
    PaperworkStatus,
    PersonCategory,
    Purpose,
    RecordKind,
    VisitStatus,
)
from planner.domain.errors import PlannerError, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.status import ADMISSION_STATUSES
from planner.domain.timezones import utc_now
from planner.domain.validation import (
    prepare_person,
    validate_institution,
    validate_itinerary_item,
    validate_visit,
)
from planner.services import audit
from planner.services.changes import Change, ChangeBus
from planner.services.paperwork import ENTITY as PAPERWORK_ENTITY
from planner.services.paperwork import PaperworkService, admission_blockers
from planner.services.records import copy_to_row, to_entity
from planner.services.visits import next_code

#: The schema version this build writes, and the newest it reads.
SCHEMA_VERSION = 1
#: The ``format`` every package names, so a stray JSON file is recognised as not one.
PACKAGE_FORMAT = "exchange-visit-planner/visit-package"
_META_PREFIX = "exchange:"
_CODE_LENGTH = 20  # visits.code
_INSTITUTION_FIELDS = ("name", "name_ja", "short_name", "kind", "country", "city", "address",
                       "timezone")  # fmt: skip
_PERSON_FIELDS = ("family_name", "given_name", "family_name_native", "given_name_native",
                  "preferred_name", "category", "email", "phone", "nationality")  # fmt: skip
_SENSITIVE = ("date_of_birth", "passport_number", "passport_expiry")


class PackageError(PlannerError):
    """A package cannot be read or imported; the message says why, in one line."""


@dataclass(frozen=True)
class PackageInstitution:
    """An institution as a package carries it (matched by name on import)."""

    name: str
    kind: InstitutionKind
    country: str
    timezone: str
    name_ja: str = ""
    short_name: str = ""
    city: str = ""
    address: str = ""


@dataclass(frozen=True)
class PackagePerson:
    """A person as a package carries it; sensitive fields are None unless included."""

    family_name: str
    given_name: str
    category: PersonCategory
    institution: str  # key into VisitPackage.institutions
    family_name_native: str = ""
    given_name_native: str = ""
    preferred_name: str = ""
    email: str = ""
    phone: str = ""
    nationality: str = ""
    date_of_birth: date | None = None
    passport_number: str | None = None
    passport_expiry: date | None = None


@dataclass(frozen=True)
class PackageItem:
    """One itinerary item; ``uid`` identifies it across databases, ``sequence`` its revision."""

    uid: str
    sequence: int
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
    visitor_details_ja: str = ""


@dataclass(frozen=True)
class PackagePaperwork:
    """The status of one paperwork item (never its notes or attached files)."""

    document_type: str
    title: str
    status: PaperworkStatus
    due_date: date | None = None
    submitted_date: date | None = None
    approved_date: date | None = None
    expiry_date: date | None = None
    reference_number: str = ""


@dataclass(frozen=True)
class VisitPackage:
    """Everything one exchange package carries."""

    exchange_id: str
    code: str
    status: VisitStatus
    purpose: Purpose
    paid: bool
    arrival_date: date
    departure_date: date
    institutions: dict[str, PackageInstitution]
    visitor: PackagePerson
    host_institution: str  # key into institutions
    host_person: PackagePerson | None = None
    project: str = ""
    visitor_notes: str = ""
    visitor_notes_ja: str = ""
    itinerary: tuple[PackageItem, ...] = ()
    paperwork: tuple[PackagePaperwork, ...] = ()
    includes_sensitive: bool = False
    exported_at: datetime | None = None
    schema_version: int = SCHEMA_VERSION


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    visit: Visit
    created: bool
    items_created: int = 0
    items_updated: int = 0
    items_removed: int = 0
    notes: tuple[str, ...] = field(default_factory=tuple)


def _json_value(value: Any) -> Any:
    """A value as the audit log stores it (enums by value, dates in ISO form)."""
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def _mapped_visit(session: Session, value: str) -> int | None:
    """The visit id a mapping value (``<visit id>:<audit mark>``) still names, else None.

    Row ids (and even codes) of a deleted visit can be reused by SQLite, so a mapping is
    stale once the visit was deleted after the mapping was made (its audit entry says so).
    """
    visit_text, _, mark_text = value.partition(":")
    try:
        visit_id, mark = int(visit_text), int(mark_text or 0)
    except ValueError:
        return None
    if session.get(VisitRow, visit_id) is None:
        return None
    deleted = session.scalar(
        select(AuditRow.id).where(
            AuditRow.entity == "visit",
            AuditRow.entity_id == visit_id,
            AuditRow.action == AuditAction.DELETE,
            AuditRow.id > mark,
        )
    )
    return None if deleted is not None else visit_id


def _lookup_exchange(session: Session, exchange_id: str) -> int | None:
    """The visit the package *exchange_id* maps to here, or None."""
    value = session.scalar(select(Meta.value).where(Meta.key == _META_PREFIX + exchange_id))
    return None if value is None else _mapped_visit(session, value)


def _exchange_id_of(session: Session, visit_id: int) -> str | None:
    """The exchange id already given to (or received for) *visit_id*, or None."""
    rows = session.execute(
        select(Meta.key, Meta.value).where(
            Meta.key.like(_META_PREFIX + "%"), Meta.value.like(f"{visit_id}:%")
        )
    )
    for key, value in rows:
        if _mapped_visit(session, value) == visit_id:
            return key.removeprefix(_META_PREFIX)
    return None


def _remember(session: Session, exchange_id: str, visit_id: int) -> None:
    """Map *exchange_id* to *visit_id*, marked with the newest audit entry's id."""
    mark = session.scalar(select(func.max(AuditRow.id))) or 0
    key, value = _META_PREFIX + exchange_id, f"{visit_id}:{mark}"
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value


class _Touched:
    """Records an import wrote, to announce on the change bus once it committed."""

    def __init__(self) -> None:
        self.records: dict[tuple[RecordKind, AuditAction], set[int]] = {}

    def __call__(
        self, entity: RecordKind, record_id: int, action: AuditAction = AuditAction.IMPORT
    ) -> None:
        self.records.setdefault((entity, action), set()).add(record_id)


class ExchangeService:
    """Builds a visit's exchange package and imports a partner's, in one transaction each."""

    def __init__(self, db: Database, bus: ChangeBus, paperwork: PaperworkService) -> None:
        self.db = db
        self.bus = bus
        self.paperwork = paperwork

    # Export ----------------------------------------------------------------------------
    def exchange_id(self, visit_id: int) -> str:
        """The visit's stable exchange id, assigned (and remembered) on first use."""
        with self.db.read() as session:
            found = _exchange_id_of(session, visit_id)
        if found:
            return found
        with self.db.write() as session:
            found = _exchange_id_of(session, visit_id)
            if found:
                return found
            if session.get(VisitRow, visit_id) is None:
                raise PackageError(
                    QT_TRANSLATE_NOOP("Validation", "there is no {what} with id {id}"),
                    params={"what": "visit", "id": visit_id},
                )
            new = str(uuid.uuid4())
            _remember(session, new, visit_id)
            return new

    def build(self, visit_id: int, *, include_sensitive: bool = False) -> VisitPackage:
        """The package of *visit_id*; sensitive person fields only if *include_sensitive*.

        Internal notes (of the visit, people and itinerary items) and paperwork notes never
        travel.
        """
        exchange_id = self.exchange_id(visit_id)
        with self.db.read() as session:
            visit = session.get(VisitRow, visit_id)
            if visit is None:
                raise PackageError(
                    QT_TRANSLATE_NOOP("Validation", "there is no {what} with id {id}"),
                    params={"what": "visit", "id": visit_id},
                )
            institutions: dict[str, PackageInstitution] = {}
            keys: dict[int, str] = {}

            def inst_key(inst_id: int, preferred: str) -> str:
                if inst_id not in keys:
                    row = session.get(InstitutionRow, inst_id)
                    assert row is not None
                    key = preferred if preferred not in institutions else f"institution_{inst_id}"
                    institutions[key] = PackageInstitution(
                        **{name: getattr(row, name) for name in _INSTITUTION_FIELDS}
                    )
                    keys[inst_id] = key
                return keys[inst_id]

            def person(row: PersonRow, preferred_home: str) -> PackagePerson:
                values: dict[str, Any] = {name: getattr(row, name) for name in _PERSON_FIELDS}
                if include_sensitive:
                    values.update({name: getattr(row, name) for name in _SENSITIVE})
                return PackagePerson(
                    institution=inst_key(row.home_institution_id, preferred_home), **values
                )

            host_key = inst_key(visit.host_institution_id, "host")
            visitor_row = session.get(PersonRow, visit.visitor_id)
            assert visitor_row is not None
            visitor = person(visitor_row, "home")
            host_person = None
            if visit.host_person_id is not None:
                host_row = session.get(PersonRow, visit.host_person_id)
                if host_row is not None:
                    host_person = person(host_row, "host_person_home")
            project = ""
            if visit.project_id is not None:
                project_row = session.get(ProjectRow, visit.project_id)
                project = project_row.name if project_row else ""
            items = session.scalars(
                select(ItineraryItemRow)
                .where(ItineraryItemRow.visit_id == visit_id)
                .order_by(ItineraryItemRow.start_utc, ItineraryItemRow.position)
            )
            itinerary = tuple(
                PackageItem(
                    uid=r.uid,
                    sequence=r.sequence,
                    kind=r.kind,
                    title=r.title,
                    title_ja=r.title_ja,
                    start_utc=r.start_utc,
                    start_zone=r.start_zone,
                    end_utc=r.end_utc,
                    end_zone=r.end_zone,
                    location_name=r.location_name,
                    location_address=r.location_address,
                    confirmation_code=r.confirmation_code,
                    visitor_details=r.visitor_details,
                    visitor_details_ja=r.visitor_details_ja,
                )
                for r in items
            )
            papers = session.execute(
                select(PaperworkItemRow, DocumentTypeRow.code)
                .join(DocumentTypeRow, PaperworkItemRow.document_type_id == DocumentTypeRow.id)
                .where(PaperworkItemRow.visit_id == visit_id, PaperworkItemRow.applies.is_(True))
                .order_by(PaperworkItemRow.due_date, DocumentTypeRow.code)
            )
            paperwork = tuple(
                PackagePaperwork(
                    document_type=code,
                    title=r.title,
                    status=r.status,
                    due_date=r.due_date,
                    submitted_date=r.submitted_date,
                    approved_date=r.approved_date,
                    expiry_date=r.expiry_date,
                    reference_number=r.reference_number,
                )
                for r, code in papers
            )
            package = VisitPackage(
                exchange_id=exchange_id, code=visit.code, status=visit.status,
                purpose=visit.purpose, paid=visit.paid, arrival_date=visit.arrival_date,
                departure_date=visit.departure_date, institutions=institutions,
                visitor=visitor, host_institution=host_key, host_person=host_person,
                project=project, visitor_notes=visit.visitor_notes,
                visitor_notes_ja=visit.visitor_notes_ja, itinerary=itinerary,
                paperwork=paperwork, includes_sensitive=include_sensitive,
                exported_at=utc_now(),
            )  # fmt: skip
            people = [visit.visitor_id]
            if host_person is not None and visit.host_person_id is not None:
                people.append(visit.host_person_id)
        if include_sensitive:
            # Before the values leave this service: no entry, no package (fail closed).
            self._record_sensitive_export(visit_id, package.code, people)
        return package

    def _record_sensitive_export(self, visit_id: int, code: str, people: list[int]) -> None:
        """Audit a package with sensitive fields: on each person, and on the visit."""
        fields = sorted(_SENSITIVE)
        context = {"export": "package", "visit": code}
        with self.db.write() as session:
            audit.record_disclosure(session, AuditAction.EXPORT, people, fields, context)
            audit.record(
                session,
                "visit",
                visit_id,
                AuditAction.EXPORT,
                {"fields": fields, "people": people, **context},
            )

    # Import ----------------------------------------------------------------------------
    def existing_visit(self, exchange_id: str) -> Visit | None:
        """The visit a package with *exchange_id* would update here, or None (a new one)."""
        with self.db.read() as session:
            visit_id = _lookup_exchange(session, exchange_id)
            if visit_id is None:
                return None
            return to_entity(session.get_one(VisitRow, visit_id), Visit)

    def import_package(self, package: VisitPackage) -> ImportResult:
        """Create or update the package's visit with its people, itinerary and paperwork.

        Everything happens in one transaction: any problem raises :class:`PackageError`
        (or a :class:`PlannerError` naming it) and nothing is written.
        """
        try:
            return self._import(package)
        except ValidationError as exc:
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "the package cannot be imported: {error}"),
                params={"error": exc},
            ) from exc

    def _import(self, package: VisitPackage) -> ImportResult:
        """:meth:`import_package` without the translation of validation errors."""
        if package.schema_version > SCHEMA_VERSION:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "this package uses schema version {version}; this version of the planner "
                    "reads versions up to {supported}: update the planner",
                ),
                params={"version": package.schema_version, "supported": SCHEMA_VERSION},
            )
        notes: list[str] = []
        touch = _Touched()

        with self.db.write() as session:
            inst_ids = {
                key: self._institution(session, inst, touch)
                for key, inst in package.institutions.items()
            }
            visitor_id = self._person(session, package.visitor, inst_ids, touch)
            host_person_id = (
                self._person(session, package.host_person, inst_ids, touch)
                if package.host_person
                else None
            )
            project_id = None
            if package.project:
                project_id = session.scalar(
                    select(ProjectRow.id).where(
                        func.lower(ProjectRow.name) == package.project.strip().lower()
                    )
                )
                if project_id is None:
                    notes.append(f"project {package.project!r} is not known here: left empty")
            existing_id = _lookup_exchange(session, package.exchange_id)
            wanted = Visit(
                visitor_id=visitor_id, host_institution_id=inst_ids[package.host_institution],
                arrival_date=package.arrival_date, departure_date=package.departure_date,
                purpose=package.purpose, paid=package.paid, host_person_id=host_person_id,
                project_id=project_id, visitor_notes=package.visitor_notes,
                visitor_notes_ja=package.visitor_notes_ja, status=VisitStatus.DRAFT,
            )  # fmt: skip
            validate_visit(wanted)
            if existing_id is None:
                taken = session.scalar(select(VisitRow.id).where(VisitRow.code == package.code))
                code = package.code
                if taken is not None or not code or len(code) > _CODE_LENGTH:
                    code = next_code(session, package.arrival_date.year)
                    notes.append(f"code {package.code} is taken here: the visit is {code}")
                row = VisitRow()
                copy_to_row(
                    dataclasses.replace(
                        wanted, code=code,
                        internal_notes=f"Imported from a partner's exchange package "
                        f"(partner code {package.code}, exchange id {package.exchange_id}).",
                    ),
                    row,
                )  # fmt: skip
                session.add(row)
                session.flush()
                _remember(session, package.exchange_id, row.id)
                before: dict[str, Any] = {}
                created = True
            else:
                row = session.get_one(VisitRow, existing_id)
                stored = to_entity(row, Visit)
                before = audit.snapshot(stored)
                keep = dataclasses.replace(
                    wanted, code=stored.code, status=stored.status,
                    project_id=project_id if project_id is not None else stored.project_id,
                    internal_notes=stored.internal_notes, version=stored.version, id=stored.id,
                )  # fmt: skip
                copy_to_row(keep, row)
                session.flush()
                created = False
            visit_id = row.id
            counts = self._itinerary(session, visit_id, package.itinerary, touch)
            self.paperwork.regenerate_in_session(session, visit_id)
            notes.extend(self._paperwork(session, visit_id, package.paperwork, touch))
            status = package.status
            if status in ADMISSION_STATUSES:
                blockers = admission_blockers(session, visit_id)
                if blockers:
                    notes.append(
                        f"status {status.value} not taken over: blocking paperwork not approved "
                        f"or waived here ({'; '.join(blockers)}); imported as approved"
                    )
                    status = VisitStatus.APPROVED
            row.status = status
            session.flush()
            after = audit.snapshot(to_entity(row, Visit))
            changes: dict[str, Any] = {
                k: [before.get(k), v] for k, v in after.items() if before.get(k) != v
            }
            changes["exchange_id"] = package.exchange_id
            audit.record(
                session, RecordKind.VISIT, visit_id, AuditAction.IMPORT, changes,
                reason="exchange package" + (": " + " | ".join(notes) if notes else ""),
            )  # fmt: skip
            result = ImportResult(
                visit=to_entity(row, Visit), created=created, items_created=counts[0],
                items_updated=counts[1], items_removed=counts[2], notes=tuple(notes),
            )  # fmt: skip
        for (entity, action), ids in touch.records.items():
            self.bus.publish(Change(entity, tuple(sorted(ids)), action))
        self.bus.publish(
            Change(
                RecordKind.VISIT, (visit_id,), AuditAction.CREATE if created else AuditAction.UPDATE
            )
        )
        return result

    # Import helpers ----------------------------------------------------------------------
    def _institution(self, session: Session, inst: PackageInstitution, touch: _Touched) -> int:
        """The id of the institution with *inst*'s name (or Japanese name), created if none."""
        wanted = inst.name.strip().lower()
        row = session.scalars(
            select(InstitutionRow).where(func.lower(InstitutionRow.name) == wanted)
        ).first()
        if row is None and inst.name_ja.strip():
            row = session.scalars(
                select(InstitutionRow).where(InstitutionRow.name_ja == inst.name_ja.strip())
            ).first()
        if row is not None:
            return row.id
        entity = Institution(**{name: getattr(inst, name) for name in _INSTITUTION_FIELDS})
        validate_institution(entity)
        row = InstitutionRow()
        copy_to_row(entity, row)
        session.add(row)
        session.flush()
        audit.record(
            session, RecordKind.INSTITUTION, row.id, AuditAction.IMPORT, audit.snapshot(entity)
        )
        touch(RecordKind.INSTITUTION, row.id)
        return row.id

    def _person(
        self, session: Session, person: PackagePerson, inst_ids: dict[str, int], touch: _Touched
    ) -> int:
        """The id of the matching person (e-mail, names + date of birth, names + home
        institution), created if none matches; a match gets its empty fields filled."""
        if person.institution not in inst_ids:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "person {given} {family} refers to an institution {key} the package lacks",
                ),
                params={
                    "given": person.given_name,
                    "family": person.family_name,
                    "key": repr(person.institution),
                },
            )
        home_id = inst_ids[person.institution]
        names = (
            (func.lower(PersonRow.family_name) == person.family_name.strip().lower())
            & (func.lower(PersonRow.given_name) == person.given_name.strip().lower())
        )  # fmt: skip
        row: PersonRow | None = None
        if person.email:
            row = session.scalars(
                select(PersonRow).where(func.lower(PersonRow.email) == person.email.lower())
            ).first()
        if row is None and person.date_of_birth is not None:
            row = session.scalars(
                select(PersonRow).where(names, PersonRow.date_of_birth == person.date_of_birth)
            ).first()
        if row is None:
            row = session.scalars(
                select(PersonRow).where(names, PersonRow.home_institution_id == home_id)
            ).first()
        incoming: dict[str, Any] = {name: getattr(person, name) for name in _PERSON_FIELDS}
        for name in _SENSITIVE:
            value = getattr(person, name)
            if value is not None:
                incoming[name] = value
        region = session.scalar(select(InstitutionRow.country).where(InstitutionRow.id == home_id))
        if row is None:
            entity = prepare_person(Person(home_institution_id=home_id, **incoming), region)
            row = PersonRow()
            copy_to_row(entity, row)
            session.add(row)
            session.flush()
            audit.record(
                session, RecordKind.PERSON, row.id, AuditAction.IMPORT, audit.snapshot(entity)
            )
            touch(RecordKind.PERSON, row.id)
            return row.id
        stored = to_entity(row, Person)
        fills = {k: v for k, v in incoming.items() if v and not getattr(stored, k)}
        if fills:
            updated = prepare_person(
                dataclasses.replace(stored, **fills), region, stored_phone=stored.phone
            )
            copy_to_row(updated, row)
            session.flush()
            audit.record(session, RecordKind.PERSON, row.id, AuditAction.IMPORT,
                         audit.diff(stored, updated),
                         reason="empty fields filled from an exchange package")  # fmt: skip
            touch(RecordKind.PERSON, row.id)
        return row.id

    def _itinerary(
        self, session: Session, visit_id: int, items: tuple[PackageItem, ...], touch: _Touched
    ) -> tuple[int, int, int]:
        """Upsert the visit's items by uid and remove those the package no longer has.

        Returns (created, updated, removed)."""
        stored = {
            r.uid: r
            for r in session.scalars(
                select(ItineraryItemRow).where(ItineraryItemRow.visit_id == visit_id)
            )
        }
        created = updated = removed = 0
        for position, item in enumerate(items):
            entity = ItineraryItem(
                visit_id=visit_id, kind=item.kind, title=item.title, title_ja=item.title_ja,
                start_utc=item.start_utc, start_zone=item.start_zone, end_utc=item.end_utc,
                end_zone=item.end_zone, location_name=item.location_name,
                location_address=item.location_address,
                confirmation_code=item.confirmation_code, visitor_details=item.visitor_details,
                visitor_details_ja=item.visitor_details_ja, uid=item.uid,
                sequence=item.sequence, position=position,
            )  # fmt: skip
            try:
                validate_itinerary_item(entity)
            except ValidationError as exc:
                raise PackageError(
                    QT_TRANSLATE_NOOP("Validation", "itinerary item {uid}: {error}"),
                    params={"uid": item.uid, "error": exc},
                ) from exc
            row = stored.pop(item.uid, None)
            if row is None:
                other = session.scalar(
                    select(ItineraryItemRow.visit_id).where(ItineraryItemRow.uid == item.uid)
                )
                if other is not None:
                    raise PackageError(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "itinerary item {uid} already belongs to another visit here",
                        ),
                        params={"uid": item.uid},
                    )
                row = ItineraryItemRow()
                copy_to_row(entity, row)
                session.add(row)
                session.flush()
                audit.record(session, RecordKind.ITINERARY_ITEM, row.id, AuditAction.IMPORT,
                             audit.snapshot(entity))  # fmt: skip
                created += 1
                touch(RecordKind.ITINERARY_ITEM, row.id)
                continue
            before = to_entity(row, ItineraryItem)
            after = dataclasses.replace(
                entity, internal_notes=before.internal_notes, event_id=before.event_id,
                id=before.id, sequence=before.sequence,
            )  # fmt: skip
            changes = audit.diff(before, after)
            changes.pop("position", None)
            if changes:
                # A calendar change: SEQUENCE goes up past both sides' revisions.
                after = dataclasses.replace(after, sequence=max(before.sequence + 1, item.sequence))
                changes["sequence"] = [before.sequence, after.sequence]
                updated += 1
                audit.record(
                    session, RecordKind.ITINERARY_ITEM, row.id, AuditAction.IMPORT, changes
                )
                touch(RecordKind.ITINERARY_ITEM, row.id)
            copy_to_row(after, row)
        for row in stored.values():
            gone = to_entity(row, ItineraryItem)
            session.delete(row)
            audit.record(
                session, "itinerary_item", row.id, AuditAction.DELETE, audit.snapshot(gone),
                reason="no longer in the exchange package",
            )  # fmt: skip
            removed += 1
            touch(RecordKind.ITINERARY_ITEM, row.id, AuditAction.DELETE)
        session.flush()
        return created, updated, removed

    def _paperwork(
        self, session: Session, visit_id: int, papers: tuple[PackagePaperwork, ...], touch: _Touched
    ) -> list[str]:
        """Take over status, dates and reference of items this database's rules also require."""
        rows = {
            code: row
            for row, code in session.execute(
                select(PaperworkItemRow, DocumentTypeRow.code)
                .join(DocumentTypeRow, PaperworkItemRow.document_type_id == DocumentTypeRow.id)
                .where(PaperworkItemRow.visit_id == visit_id)
            )
        }
        notes: list[str] = []
        fields_ = ("status", "submitted_date", "approved_date", "expiry_date",
                   "reference_number")  # fmt: skip
        for paper in papers:
            row = rows.get(paper.document_type)
            if row is None or not row.applies:
                notes.append(f"paperwork {paper.document_type!r} is not required here: skipped")
                continue
            changes = {
                name: [_json_value(getattr(row, name)), _json_value(getattr(paper, name))]
                for name in fields_
                if getattr(row, name) != getattr(paper, name)
            }
            if changes:
                for name in fields_:
                    setattr(row, name, getattr(paper, name))
                audit.record(session, PAPERWORK_ENTITY, row.id, AuditAction.IMPORT, changes)
                touch(PAPERWORK_ENTITY, row.id)
        session.flush()
        return notes
