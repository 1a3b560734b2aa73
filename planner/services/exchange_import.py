"""Importing a partner's package: a plan to review, then exactly that plan applied.

A package never decides for this institution. The plan says what it would create, which
fields it would change (local value / incoming value), which people it matched and how,
what conflicts with local records and what is not taken and why; local paperwork statuses,
approvals and waivers are never set (the partner's state is noted on the item), the visit
never moves past what the local life cycle and the admission guard allow, a completed or
cancelled visit is never reopened, and itinerary items created here are never changed or
deleted.

The plan is computed by running the import inside a transaction that is always rolled back
(:meth:`Database.read`), and applied by running the same code in a committing transaction
that is refused if its plan differs from the one the coordinator reviewed: one code path,
so what is applied is by construction what was shown.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from planner.db.models import (
    DocumentTypeRow,
    ExchangeLinkRow,
    InstitutionRow,
    ItineraryItemRow,
    PaperworkItemRow,
    PersonRow,
    ProjectRow,
    VisitRow,
)
from planner.domain.entities import Institution, ItineraryItem, Person, Visit
from planner.domain.enums import AuditAction, RecordKind, VisitStatus
from planner.domain.errors import ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.domain.validation import (
    prepare_person,
    validate_institution,
    validate_itinerary_item,
    validate_visit,
)
from planner.services import audit
from planner.services.exchange import (
    _INSTITUTION_FIELDS,
    _PERSON_FIELDS,
    _SENSITIVE,
    PackageError,
    PackageInstitution,
    PackageItem,
    PackagePaperwork,
    PackagePerson,
    VisitPackage,
    _lookup_exchange,
    _remember,
    _Touched,
)
from planner.services.keys import KeyService, PublicKeys, fold, key_changed
from planner.services.paperwork import ENTITY as PAPERWORK_ENTITY
from planner.services.paperwork import PaperworkService, admission_blockers
from planner.services.records import copy_to_row, to_entity
from planner.services.visits import next_code

#: How far a package may move a visit along its life cycle (cancelled is not on it).
_ORDER = (
    VisitStatus.DRAFT,
    VisitStatus.PROPOSED,
    VisitStatus.APPROVED,
    VisitStatus.CONFIRMED,
    VisitStatus.IN_PROGRESS,
    VisitStatus.COMPLETED,
)
_GATED = frozenset({VisitStatus.CONFIRMED, VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED})
_FINAL = frozenset({VisitStatus.COMPLETED, VisitStatus.CANCELLED})
_REPORT_PREFIX = "Partner reports"
_UNSIGNED = "unsigned"
_HIDDEN = "(hidden)"

TRUSTED = "trusted"
NEW_KEY = "new key"
UNSIGNED = "unsigned"


@dataclass(frozen=True)
class Sender:
    """Who signed a package and whether this database trusts that key."""

    institution: str
    fingerprint: str  # "" when the package is unsigned or its signature does not verify
    trust: str  # TRUSTED, NEW_KEY or UNSIGNED
    keys: PublicKeys | None = None
    encrypted: bool = False
    problem: str = ""  # why it counts as unsigned: no signature, or a damaged one


@dataclass(frozen=True)
class ImportOptions:
    """What the coordinator agreed to (the CLI's flags, the review dialog's tick boxes)."""

    accept_matches: bool = False
    include_sensitive: bool = False
    trust_new_key: bool = False
    accept_unsigned: bool = False


@dataclass(frozen=True)
class FieldChange:
    """One field the import would change: its local value and the incoming one."""

    record: str
    field: str
    local: str
    incoming: str
    sensitive: bool = False


@dataclass(frozen=True)
class PersonMatch:
    """A person of the package found here; an e-mail-only match must be confirmed."""

    role: str
    incoming: str
    local: str
    by: str
    confirmed: bool


@dataclass(frozen=True)
class ImportPlan:
    """Everything an import would do, for review; nothing in it has been written."""

    sender: Sender
    options: ImportOptions
    exchange_id: str
    partner_code: str
    visit_code: str
    creates_visit: bool
    status_incoming: VisitStatus
    status_applied: VisitStatus
    new_records: tuple[str, ...] = ()
    changes: tuple[FieldChange, ...] = ()
    matches: tuple[PersonMatch, ...] = ()
    conflicts: tuple[str, ...] = ()
    #: Differing dates of birth or passport fields, both values shown (never audited).
    sensitive_conflicts: tuple[str, ...] = ()
    not_taken: tuple[str, ...] = ()
    partner_reports: tuple[str, ...] = ()
    refusals: tuple[str, ...] = ()
    #: Itinerary items the import creates, updates and removes.
    items: tuple[int, int, int] = (0, 0, 0)

    @property
    def acceptable(self) -> bool:
        """True when nothing refuses the plan (it may be applied)."""
        return not self.refusals


@dataclass
class _Draft:
    """The plan being collected while the import runs."""

    new_records: list[str] = field(default_factory=list)
    changes: list[FieldChange] = field(default_factory=list)
    matches: list[PersonMatch] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    sensitive_conflicts: list[str] = field(default_factory=list)
    not_taken: list[str] = field(default_factory=list)
    reports: list[str] = field(default_factory=list)
    refusals: list[str] = field(default_factory=list)


def _m(template: str, **params: Any) -> Message:
    return Message(template, params)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def _name(person: PackagePerson | Person | PersonRow) -> str:
    email = f" <{person.email}>" if person.email else ""
    return f"{person.given_name} {person.family_name}".strip() + email


class PackageImport:
    """One run of a package's import over one session (rolled back for a plan)."""

    def __init__(
        self,
        session: Session,
        package: VisitPackage,
        sender: Sender,
        options: ImportOptions,
        paperwork: PaperworkService,
        keys: KeyService,
    ) -> None:
        self.session = session
        self.package = package
        self.sender = sender
        self.options = options
        self.paperwork = paperwork
        self.keys = keys
        self.draft = _Draft()
        self.touch = _Touched()
        # Records a package created are tied to the sending institution (its trusted key is
        # checked separately, so a partner's new key keeps its visits) or to "unsigned".
        self.partner = (
            hashlib.sha256(fold(sender.institution).encode()).hexdigest()
            if sender.fingerprint
            else _UNSIGNED
        )
        self.visit_id = 0
        self.created = False
        self.items_created = self.items_updated = self.items_removed = 0

    # Whole run ---------------------------------------------------------------------------
    def run(self) -> ImportPlan:
        """Do the import in the session and return its plan (the caller commits or not)."""
        try:
            return self._run()
        except ValidationError as exc:
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "the package cannot be imported: {error}"),
                params={"error": exc},
            ) from exc

    def _run(self) -> ImportPlan:
        self._check_sender()
        package = self.package
        if package.includes_sensitive and not self.sender.encrypted:
            # It has already travelled; say so, so the partner is asked to encrypt next time.
            self.draft.conflicts.append(
                _m(QT_TRANSLATE_NOOP(
                    "Validation", "the package carries dates of birth or passport fields "
                    "without encryption: ask the partner to encrypt to your key "
                    "('planner keys export')",
                ))
            )  # fmt: skip
        inst_ids = {key: self._institution(inst) for key, inst in package.institutions.items()}
        visitor_id = self._person("visitor", package.visitor, inst_ids)
        host_person_id = (
            self._person("host person", package.host_person, inst_ids)
            if package.host_person
            else None
        )
        code, status = self._visit(inst_ids, visitor_id, host_person_id)
        return ImportPlan(
            sender=self.sender, options=self.options, exchange_id=package.exchange_id,
            partner_code=package.code, visit_code=code, creates_visit=self.created,
            status_incoming=package.status, status_applied=status,
            new_records=tuple(self.draft.new_records), changes=tuple(self.draft.changes),
            matches=tuple(self.draft.matches), conflicts=tuple(self.draft.conflicts),
            sensitive_conflicts=tuple(self.draft.sensitive_conflicts),
            not_taken=tuple(self.draft.not_taken), partner_reports=tuple(self.draft.reports),
            refusals=tuple(self.draft.refusals),
            items=(self.items_created, self.items_updated, self.items_removed),
        )  # fmt: skip

    def _check_sender(self) -> None:
        sender, refusals = self.sender, self.draft.refusals
        if sender.trust == UNSIGNED:
            if not self.options.accept_unsigned:
                refusals.append(
                    _m(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "the package is not signed by a partner's key ({problem}): refused; "
                            "--accept-unsigned imports it anyway, and the audit records that",
                        ),
                        problem=sender.problem,
                    )
                )
            return
        trusted = self.keys.trusted_for(sender.institution)
        if trusted is not None and trusted.fingerprint != sender.fingerprint:
            refusals.append(
                str(key_changed(sender.institution, trusted.fingerprint, sender.fingerprint))
            )
            return
        if sender.trust == NEW_KEY:
            if not self.options.trust_new_key:
                refusals.append(
                    _m(QT_TRANSLATE_NOOP(
                        "Validation",
                        "first package from {institution}, signed by the key {fingerprint}: "
                        "compare this fingerprint with your contact there (by phone), then "
                        "import again with --trust-new-key",
                    ), institution=sender.institution, fingerprint=sender.fingerprint)
                )  # fmt: skip
                return
            assert sender.keys is not None
            self.keys.trust_in_session(self.session, sender.keys, "package")
            self.draft.new_records.append(
                _m(QT_TRANSLATE_NOOP("Validation", "trusted key of {institution}: {fingerprint}"),
                   institution=sender.institution, fingerprint=sender.fingerprint)
            )  # fmt: skip

    # Institutions and people -------------------------------------------------------------
    def _institution(self, inst: PackageInstitution) -> int:
        """The id of the institution with *inst*'s name (or Japanese name), created if none.

        A matched institution keeps its local values: a package does not edit the directory.
        """
        session = self.session
        row = session.scalars(
            select(InstitutionRow).where(
                func.lower(InstitutionRow.name) == inst.name.strip().lower()
            )
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
        self.touch(RecordKind.INSTITUTION, row.id)
        self.draft.new_records.append(
            _m(QT_TRANSLATE_NOOP("Validation", "institution {name}"), name=inst.name)
        )
        return row.id

    def _find_person(
        self, person: PackagePerson, home_id: int
    ) -> tuple[PersonRow | None, str, bool]:
        """The local person the package's *person* is, how it was found, and whether the
        match counts as confirmed (an e-mail alone does not: anyone can type one)."""
        session = self.session
        family, given = person.family_name.strip().lower(), person.given_name.strip().lower()
        names = (func.lower(PersonRow.family_name) == family) & (
            func.lower(PersonRow.given_name) == given
        )
        if person.email:
            row = session.scalars(
                select(PersonRow).where(func.lower(PersonRow.email) == person.email.lower())
            ).first()
            if row is not None:
                same = row.family_name.lower() == family and row.given_name.lower() == given
                if same:
                    return row, QT_TRANSLATE_NOOP("Validation", "e-mail and names"), True
                return row, QT_TRANSLATE_NOOP("Validation", "e-mail only"), False
        if person.date_of_birth is not None:
            row = session.scalars(
                select(PersonRow).where(names, PersonRow.date_of_birth == person.date_of_birth)
            ).first()
            if row is not None:
                return row, QT_TRANSLATE_NOOP("Validation", "names and date of birth"), True
        row = session.scalars(
            select(PersonRow).where(names, PersonRow.home_institution_id == home_id)
        ).first()
        if row is not None:
            return row, QT_TRANSLATE_NOOP("Validation", "names and home institution"), True
        return None, "", False

    def _sensitive_taken(self, person: PackagePerson) -> bool:
        carried = any(getattr(person, name) is not None for name in _SENSITIVE)
        if carried and not self.options.include_sensitive:
            note = _m(QT_TRANSLATE_NOOP(
                "Validation",
                "{person}: dates of birth and passport fields not applied (the coordinator did "
                "not ask for them: --include-sensitive)",
            ), person=_name(person))  # fmt: skip
            self.draft.not_taken.append(note)
        return carried and self.options.include_sensitive

    def _person(self, role: str, person: PackagePerson, inst_ids: dict[str, int]) -> int:
        """The id of the matching person, created if none matches; a match gets its empty
        fields filled, and keeps every non-empty local value (a difference is a conflict)."""
        session = self.session
        home_id = inst_ids[person.institution]
        row, by, confirmed = self._find_person(person, home_id)
        incoming: dict[str, Any] = {name: getattr(person, name) for name in _PERSON_FIELDS}
        if self._sensitive_taken(person):
            incoming.update(
                {n: getattr(person, n) for n in _SENSITIVE if getattr(person, n) is not None}
            )
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
            self.touch(RecordKind.PERSON, row.id)
            self.draft.new_records.append(
                _m(QT_TRANSLATE_NOOP("Validation", "person {name} ({role})"),
                   name=_name(person), role=role)
            )  # fmt: skip
            return row.id
        self.draft.matches.append(
            PersonMatch(role=role, incoming=_name(person), local=_name(row), by=by,
                        confirmed=confirmed)
        )  # fmt: skip
        if not confirmed and not self.options.accept_matches:
            self.draft.refusals.append(
                _m(QT_TRANSLATE_NOOP(
                    "Validation",
                    "{role} {incoming} matches {local} here by e-mail only: check it is the "
                    "same person, then import again with --accept-matches",
                ), role=role, incoming=_name(person), local=_name(row))
            )  # fmt: skip
        stored = to_entity(row, Person)
        label = f"person {_name(stored)}"
        fills: dict[str, Any] = {}
        for name, value in incoming.items():
            local = getattr(stored, name)
            sensitive = name in _SENSITIVE
            if not value or local == value:
                continue
            if not local:
                fills[name] = value
                self.draft.changes.append(
                    FieldChange(label, name, "", _text(value), sensitive=sensitive)
                )
            elif name not in ("phone",):  # a phone differs in its written form only
                kind = self.draft.sensitive_conflicts if sensitive else self.draft.conflicts
                kind.append(
                    _m(QT_TRANSLATE_NOOP(
                        "Validation", "{record}: {field} is {local} here, {incoming} in the "
                        "package: the local value is kept",
                    ), record=label, field=name, local=repr(_text(local)),
                       incoming=repr(_text(value)))
                )  # fmt: skip
        if fills:
            updated = prepare_person(
                dataclasses.replace(stored, **fills), region, stored_phone=stored.phone
            )
            copy_to_row(updated, row)
            session.flush()
            audit.record(session, RecordKind.PERSON, row.id, AuditAction.IMPORT,
                         audit.diff(stored, updated),
                         reason="empty fields filled from an exchange package")  # fmt: skip
            self.touch(RecordKind.PERSON, row.id)
        return row.id

    # The visit ---------------------------------------------------------------------------
    def _visit(
        self, inst_ids: dict[str, int], visitor_id: int, host_person_id: int | None
    ) -> tuple[str, VisitStatus]:
        session, package = self.session, self.package
        project_id = None
        if package.project:
            project_id = session.scalar(
                select(ProjectRow.id).where(
                    func.lower(ProjectRow.name) == package.project.strip().lower()
                )
            )
            if project_id is None:
                self.draft.not_taken.append(
                    _m(QT_TRANSLATE_NOOP(
                        "Validation", "project {project} is not known here: left empty"
                    ), project=repr(package.project))
                )  # fmt: skip
        wanted = Visit(
            visitor_id=visitor_id, host_institution_id=inst_ids[package.host_institution],
            arrival_date=package.arrival_date, departure_date=package.departure_date,
            purpose=package.purpose, paid=package.paid, host_person_id=host_person_id,
            project_id=project_id, visitor_notes=package.visitor_notes,
            visitor_notes_ja=package.visitor_notes_ja, status=VisitStatus.DRAFT,
        )  # fmt: skip
        validate_visit(wanted)
        existing_id = _lookup_exchange(session, package.exchange_id)
        if existing_id is None:
            row = self._new_visit(wanted)
            local_status: VisitStatus | None = None
        else:
            row = session.get_one(VisitRow, existing_id)
            local_status = row.status
            self._update_visit(row, wanted)
        self._link("visit", package.exchange_id, row.code)
        self.visit_id = row.id
        self._itinerary(row.code)
        self.paperwork.regenerate_in_session(session, row.id)
        self._paperwork()
        status = self._status(local_status, admission_blockers(session, row.id))
        if status != row.status:
            self.draft.changes.append(
                FieldChange(f"visit {row.code}", "status", _text(local_status), status.value)
            )
        before = row.status
        row.status = status
        session.flush()
        if before != status and local_status is not None:
            audit.record(session, RecordKind.VISIT, row.id, AuditAction.IMPORT,
                         {"status": [before.value, status.value]})  # fmt: skip
        return row.code, status

    def _link(self, kind: str, key: str, label: str) -> None:
        """Tie a visit this import creates to its sender; refuse another sender's visit.

        A visit created here (and sent to partners from here) is tied to no one: a package
        carrying its exchange id only proposes changes, shown in the plan. Tying it to the
        first sender would let whoever came first lock the real partner out.
        """
        link = self.session.scalar(
            select(ExchangeLinkRow).where(ExchangeLinkRow.kind == kind, ExchangeLinkRow.key == key)
        )
        if link is None:
            if self.created:
                self.session.add(ExchangeLinkRow(kind=kind, key=key, partner=self.partner))
        elif link.partner != self.partner:
            self.draft.refusals.append(
                _m(QT_TRANSLATE_NOOP(
                    "Validation",
                    "visit {code} was received from another sender; this package cannot "
                    "change it",
                ), code=label)
            )  # fmt: skip

    def _new_visit(self, wanted: Visit) -> VisitRow:
        session, package = self.session, self.package
        code = package.code
        if session.scalar(select(VisitRow.id).where(VisitRow.code == code)) is not None:
            code = next_code(session, package.arrival_date.year)
            self.draft.not_taken.append(
                _m(QT_TRANSLATE_NOOP(
                    "Validation", "code {partner} is taken here: the visit is {code}"
                ), partner=package.code, code=code)
            )  # fmt: skip
        row = VisitRow()
        copy_to_row(
            dataclasses.replace(
                wanted, code=code,
                internal_notes=f"Imported from a partner's exchange package (partner code "
                f"{package.code}, exchange id {package.exchange_id}, from "
                f"{self.sender.institution or 'an unsigned package'}).",
            ),
            row,
        )  # fmt: skip
        session.add(row)
        session.flush()
        _remember(session, package.exchange_id, row.id)
        audit.record(session, RecordKind.VISIT, row.id, AuditAction.IMPORT,
                     audit.snapshot(to_entity(row, Visit)))  # fmt: skip
        self.created = True
        self.draft.new_records.append(
            _m(QT_TRANSLATE_NOOP("Validation", "visit {code}"), code=code)
        )
        return row

    def _update_visit(self, row: VisitRow, wanted: Visit) -> None:
        """Take the partner's dates, purpose and notes (shown as changes); never the visitor
        or the host institution, which say which visit this is."""
        stored = to_entity(row, Visit)
        label = f"visit {stored.code}"
        for name in ("visitor_id", "host_institution_id"):
            if getattr(stored, name) != getattr(wanted, name):
                self.draft.conflicts.append(
                    _m(QT_TRANSLATE_NOOP(
                        "Validation",
                        "{record}: the package names another {field}; the local one is kept",
                    ), record=label, field=name.removesuffix("_id").replace("_", " "))
                )  # fmt: skip
        keep = dataclasses.replace(
            wanted, code=stored.code, status=stored.status, visitor_id=stored.visitor_id,
            host_institution_id=stored.host_institution_id,
            project_id=wanted.project_id if wanted.project_id is not None else stored.project_id,
            internal_notes=stored.internal_notes, version=stored.version, id=stored.id,
        )  # fmt: skip
        changes = audit.diff(stored, keep)
        for name, (old, new) in changes.items():
            self.draft.changes.append(FieldChange(label, name, _text(old), _text(new)))
        if changes:
            copy_to_row(keep, row)
            self.session.flush()
            audit.record(self.session, RecordKind.VISIT, row.id, AuditAction.IMPORT, changes)

    def _status(self, local: VisitStatus | None, blockers: list[str]) -> VisitStatus:
        """The status the visit may take: the partner's, within the local rules."""
        incoming, current = self.package.status, local or VisitStatus.DRAFT
        note = self.draft.not_taken.append
        if local in _FINAL:
            if incoming != local:
                note(_m(QT_TRANSLATE_NOOP(
                    "Validation", "status {incoming} not taken: the visit is {local} here, and a "
                    "package never reopens it",
                ), incoming=incoming.value, local=current.value))  # fmt: skip
            return current
        if incoming == VisitStatus.CANCELLED:
            note(_m(QT_TRANSLATE_NOOP(
                "Validation", "the partner reports the visit cancelled: cancel it here if you "
                "agree",
            )))  # fmt: skip
            return current
        if _ORDER.index(incoming) < _ORDER.index(current):
            note(_m(QT_TRANSLATE_NOOP(
                "Validation", "status {incoming} not taken: the visit is already {local} here",
            ), incoming=incoming.value, local=current.value))  # fmt: skip
            return current
        if incoming in _GATED and blockers:
            capped = max(current, VisitStatus.APPROVED, key=_ORDER.index)
            capped = VisitStatus.APPROVED if capped in _GATED else capped
            capped = max(capped, current, key=_ORDER.index)
            note(
                _m(
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "status {incoming} not taken: blocking paperwork is not approved "
                        "or waived here ({blockers}); the visit is {status}",
                    ),
                    incoming=incoming.value,
                    blockers="; ".join(blockers),
                    status=capped.value,
                )
            )
            return capped  # fmt: skip
        return incoming

    # Itinerary and paperwork -------------------------------------------------------------
    def _item_partner(self, uid: str) -> str | None:
        return self.session.scalar(
            select(ExchangeLinkRow.partner).where(
                ExchangeLinkRow.kind == "item", ExchangeLinkRow.key == uid
            )
        )

    def _itinerary(self, code: str) -> None:
        """Create the package's new items, update those this sender sent before, and remove
        those it sent and no longer has; items created here are never changed or removed."""
        session, visit_id = self.session, self.visit_id
        stored = {
            r.uid: r
            for r in session.scalars(
                select(ItineraryItemRow).where(ItineraryItemRow.visit_id == visit_id)
            )
        }
        for position, item in enumerate(self.package.itinerary):
            entity = self._item_entity(item, position)
            row = stored.pop(item.uid, None)
            if row is None:
                self._new_item(entity, item)
                continue
            before = to_entity(row, ItineraryItem)
            after = dataclasses.replace(
                entity, internal_notes=before.internal_notes, event_id=before.event_id,
                id=before.id, sequence=before.sequence, position=before.position,
            )  # fmt: skip
            changes = audit.diff(before, after)
            if not changes:
                continue
            if self._item_partner(item.uid) != self.partner:
                self.draft.not_taken.append(
                    _m(QT_TRANSLATE_NOOP(
                        "Validation", "itinerary item {title}: created here, so the package's "
                        "changes to it are not taken",
                    ), title=repr(before.title))
                )  # fmt: skip
                continue
            # A calendar change: SEQUENCE goes up past both sides' revisions.
            after = dataclasses.replace(after, sequence=max(before.sequence + 1, item.sequence))
            changes["sequence"] = [before.sequence, after.sequence]
            for name, (old, new) in changes.items():
                self.draft.changes.append(
                    FieldChange(f"itinerary item {before.title}", name, _text(old), _text(new))
                )
            audit.record(session, RecordKind.ITINERARY_ITEM, row.id, AuditAction.IMPORT, changes)
            self.touch(RecordKind.ITINERARY_ITEM, row.id)
            self.items_updated += 1
            copy_to_row(after, row)
        for row in stored.values():
            if self._item_partner(row.uid) != self.partner:
                continue  # created here (or by another sender): never removed by a package
            gone = to_entity(row, ItineraryItem)
            session.delete(row)
            audit.record(
                session, RecordKind.ITINERARY_ITEM, row.id, AuditAction.DELETE,
                audit.snapshot(gone), reason="no longer in the exchange package",
            )  # fmt: skip
            self.touch(RecordKind.ITINERARY_ITEM, row.id, AuditAction.DELETE)
            self.items_removed += 1
            self.draft.changes.append(
                FieldChange(f"itinerary item {gone.title}", "removed", gone.title, "")
            )
        session.flush()

    def _item_entity(self, item: PackageItem, position: int) -> ItineraryItem:
        entity = ItineraryItem(
            visit_id=self.visit_id, kind=item.kind, title=item.title, title_ja=item.title_ja,
            start_utc=item.start_utc, start_zone=item.start_zone, end_utc=item.end_utc,
            end_zone=item.end_zone, location_name=item.location_name,
            location_address=item.location_address,
            confirmation_code=item.confirmation_code, visitor_details=item.visitor_details,
            visitor_details_ja=item.visitor_details_ja, uid=item.uid, sequence=item.sequence,
            position=position,
        )  # fmt: skip
        try:
            validate_itinerary_item(entity)
        except ValidationError as exc:
            raise PackageError(
                QT_TRANSLATE_NOOP("Validation", "itinerary item {uid}: {error}"),
                params={"uid": item.uid, "error": exc},
            ) from exc
        return entity

    def _new_item(self, entity: ItineraryItem, item: PackageItem) -> None:
        session = self.session
        other = session.scalar(
            select(ItineraryItemRow.visit_id).where(ItineraryItemRow.uid == item.uid)
        )
        if other is not None:
            raise PackageError(
                QT_TRANSLATE_NOOP(
                    "Validation", "itinerary item {uid} already belongs to another visit here"
                ),
                params={"uid": item.uid},
            )
        row = ItineraryItemRow()
        copy_to_row(entity, row)
        session.add(row)
        session.flush()
        if self._item_partner(item.uid) is None:
            session.add(ExchangeLinkRow(kind="item", key=item.uid, partner=self.partner))
        audit.record(session, RecordKind.ITINERARY_ITEM, row.id, AuditAction.IMPORT,
                     audit.snapshot(entity))  # fmt: skip
        self.touch(RecordKind.ITINERARY_ITEM, row.id)
        self.items_created += 1
        self.draft.new_records.append(
            _m(QT_TRANSLATE_NOOP("Validation", "itinerary item {title}"), title=repr(item.title))
        )

    def _paperwork(self) -> None:
        """Note the partner's state on each item this database's rules also require; the
        local status, dates and reference stay as they are."""
        rows = {
            code: row
            for row, code in self.session.execute(
                select(PaperworkItemRow, DocumentTypeRow.code)
                .join(DocumentTypeRow, PaperworkItemRow.document_type_id == DocumentTypeRow.id)
                .where(PaperworkItemRow.visit_id == self.visit_id)
            )
        }
        for paper in self.package.paperwork:
            row = rows.get(paper.document_type)
            if row is None or not row.applies:
                self.draft.not_taken.append(
                    _m(QT_TRANSLATE_NOOP(
                        "Validation", "paperwork {code} is not required here: the partner's "
                        "state of it is not recorded",
                    ), code=repr(paper.document_type))
                )  # fmt: skip
                continue
            line = self._report_line(paper)
            kept = [x for x in row.notes.splitlines() if not x.startswith(_REPORT_PREFIX)]
            notes = "\n".join([*kept, line])
            self.draft.reports.append(f"{row.title}: {line}")
            if notes != row.notes:
                audit.record(self.session, PAPERWORK_ENTITY, row.id, AuditAction.IMPORT,
                             {"notes": [row.notes, notes]})  # fmt: skip
                row.notes = notes
                self.touch(PAPERWORK_ENTITY, row.id)
        self.session.flush()

    def _report_line(self, paper: PackagePaperwork) -> str:
        """``Partner reports (RIKEN): approved 2027-02-03, ref EC-1`` (stored as data)."""
        parts = [paper.status.value]
        for label, value in (
            ("submitted", paper.submitted_date),
            ("approved", paper.approved_date),
            ("expires", paper.expiry_date),
        ):
            if value is not None:
                parts.append(f"{label} {value.isoformat()}")  # fmt: skip
        if paper.reference_number:
            parts.append(f"ref {paper.reference_number}")
        who = self.sender.institution or "unsigned package"
        return f"{_REPORT_PREFIX} ({who}): " + ", ".join(parts)


def audit_changes(plan: ImportPlan) -> dict[str, Any]:
    """The plan as the audit log keeps it: sender, key, options and every change (sensitive
    values hidden)."""
    return {
        "sender": plan.sender.institution,
        "fingerprint": plan.sender.fingerprint,
        "trust": plan.sender.trust,
        "encrypted": plan.sender.encrypted,
        "exchange_id": plan.exchange_id,
        "partner_code": plan.partner_code,
        "options": dataclasses.asdict(plan.options),
        "status": [plan.status_incoming.value, plan.status_applied.value],
        "new": list(plan.new_records),
        "changes": [
            [
                c.record,
                c.field,
                _HIDDEN if c.sensitive else c.local,
                _HIDDEN if c.sensitive else c.incoming,
            ]
            for c in plan.changes
        ],
        "matches": [[m.role, m.incoming, m.local, m.by] for m in plan.matches],
        "conflicts": list(plan.conflicts),
        "sensitive_conflicts": len(plan.sensitive_conflicts),
        "not_taken": list(plan.not_taken),
    }
