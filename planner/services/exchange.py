"""Exchange packages: one visit with everything a partner coordinator needs, in and out.

The package's content is plain dataclasses (:class:`VisitPackage`); turning it into JSON is
:mod:`planner.export.package`'s job and reading JSON :mod:`planner.importing.package`'s.

Identity: a visit's ``exchange_id`` (a UUID) is kept in the ``planner_meta`` key/value table
under ``exchange:<uuid>`` → visit id, so no schema change is needed. The first export of a
visit assigns one; an import records the package's, so re-importing it (or sending the visit
back) updates the same visit instead of creating another.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from typing import TYPE_CHECKING, Any

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
from planner.db.server import require_sensitive
from planner.domain.entities import Visit
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
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.timezones import utc_now
from planner.services import audit
from planner.services.changes import Change, ChangeBus
from planner.services.paperwork import PaperworkService
from planner.services.records import to_entity

if TYPE_CHECKING:
    from planner.services.exchange_import import ImportOptions, ImportPlan, Sender
    from planner.services.keys import KeyService

#: The schema (major) version this build writes, and the newest it reads; its JSON Schema is
#: ``resources/schemas/exchange-package-2.schema.json``. Version 1 packages were unsigned.
SCHEMA_VERSION = 2
#: The ``format`` every package names, so a stray JSON file is recognised as not one.
PACKAGE_FORMAT = "exchange-visit-planner/visit-package"
#: The ``format`` of a package encrypted to its recipient.
ENCRYPTED_FORMAT = "exchange-visit-planner/encrypted-package"
SIGNATURE_ALGORITHM = "Ed25519"
#: Prefixed to what is signed, so a package signature can never be replayed as another kind.
SIGNATURE_CONTEXT = b"exchange-visit-planner visit-package signature v2\n"
ENCRYPTION_ALGORITHM = "X25519-HKDF-SHA256-ChaCha20-Poly1305"
_HKDF_INFO = b"exchange-visit-planner package encryption v2"
NEEDS_RECIPIENT = QT_TRANSLATE_NOOP(
    "Validation",
    "a package with sensitive fields is encrypted to its recipient: ask the partner's "
    "coordinator to run 'planner keys export -o their-key.json' and send you the file, then "
    "give it with --to their-key.json",
)


def envelope_key(shared: bytes, ephemeral_public: bytes, recipient_public: bytes) -> bytes:
    """The ChaCha20-Poly1305 key of one encrypted package (HKDF-SHA256 of the X25519 secret)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(),
        length=32,
        salt=ephemeral_public + recipient_public,
        info=_HKDF_INFO,
    ).derive(shared)


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
    """What an import did: the visit as written, and the plan it applied."""

    visit: Visit
    created: bool
    plan: ImportPlan

    @property
    def items_created(self) -> int:
        """Itinerary items created."""
        return self.plan.items[0]

    @property
    def items_updated(self) -> int:
        """Itinerary items updated (only those this sender sent before)."""
        return self.plan.items[1]

    @property
    def items_removed(self) -> int:
        """Itinerary items removed (only those this sender sent before)."""
        return self.plan.items[2]

    @property
    def notes(self) -> tuple[str, ...]:
        """What was not taken, and why."""
        return self.plan.not_taken


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

    def __init__(
        self, db: Database, bus: ChangeBus, paperwork: PaperworkService, keys: KeyService
    ) -> None:
        self.db = db
        self.bus = bus
        self.paperwork = paperwork
        self.keys = keys

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
            if include_sensitive:
                require_sensitive(session)
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

    def plan(self, package: VisitPackage, sender: Sender, options: ImportOptions) -> ImportPlan:
        """What importing *package* would do; nothing is written (the run is rolled back)."""
        from planner.services.exchange_import import PackageImport

        with self.db.read() as session:
            return PackageImport(session, package, sender, options, self.paperwork,
                                 self.keys).run()  # fmt: skip

    def apply(self, package: VisitPackage, plan: ImportPlan) -> ImportResult:
        """Write exactly *plan* in one transaction, with an audit entry naming the sender.

        Refused (nothing written) when the plan has refusals, or when the database changed
        since it was computed so that the import would now do something else.
        """
        from planner.services.exchange_import import PackageImport, audit_changes

        if plan.refusals:
            raise PlanRefusedError(plan.refusals)
        with self.db.write() as session:
            run = PackageImport(session, package, plan.sender, plan.options, self.paperwork,
                                self.keys)  # fmt: skip
            again = run.run()
            if again != plan:
                raise PackageError(
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "the database changed since the package was reviewed: review it again",
                    )
                )
            unsigned = plan.sender.trust == "unsigned"
            who = plan.sender.institution or "?"
            reason = (
                f"exchange package from {who}, key {plan.sender.fingerprint}"
                if not unsigned
                else "exchange package NOT SIGNED by a trusted key, accepted with "
                f"--accept-unsigned ({plan.sender.problem})"
            )
            audit.record(session, RecordKind.VISIT, run.visit_id, AuditAction.IMPORT,
                         audit_changes(plan), reason=reason)  # fmt: skip
            visit = to_entity(session.get_one(VisitRow, run.visit_id), Visit)
        for (entity, action), ids in run.touch.records.items():
            self.bus.publish(Change(entity, tuple(sorted(ids)), action))
        self.bus.publish(
            Change(RecordKind.VISIT, (run.visit_id,),
                   AuditAction.CREATE if run.created else AuditAction.UPDATE)
        )  # fmt: skip
        return ImportResult(visit=visit, created=run.created, plan=plan)


class PlanRefusedError(PackageError):
    """A plan with refusals was applied; :attr:`reasons` lists them, one per line."""

    def __init__(self, reasons: tuple[str, ...]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP("Validation", "the package is refused: {reasons}"),
            params={"reasons": "; ".join(reasons)},
        )
        self.reasons = reasons
