"""Visits: codes, optimistic locking, the status life cycle, and the list the views show."""

from __future__ import annotations

import dataclasses
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Integer, Select, cast, func, select
from sqlalchemy.orm import Session, aliased

from planner.db.engine import Database
from planner.db.models import InstitutionRow, PersonRow, ProjectRow, VisitRow
from planner.domain.codes import format_visit_code
from planner.domain.entities import AuditEntry, Visit, VisitSummary
from planner.domain.enums import AuditAction, RecordKind, VisitStatus
from planner.domain.errors import ConflictError, NotFoundError, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.paperwork import AdmissionBlockedError
from planner.domain.status import ADMISSION_STATUSES, check_transition
from planner.domain.validation import validate_visit
from planner.services import audit
from planner.services.changes import Change, ChangeBus
from planner.services.directory import require
from planner.services.paperwork import RULE_INPUTS, PaperworkService, admission_blockers
from planner.services.records import RecordService, to_entity
from planner.services.visits_listing import (
    VisitListing,
    read_listing,
    read_listing_refs,
    read_listing_rows,
)


@dataclass(frozen=True)
class VisitFilter:
    """Which visits a list shows; empty criteria match everything."""

    statuses: frozenset[VisitStatus] = frozenset()
    host_institution_id: int | None = None
    project_id: int | None = None
    overlapping_from: date | None = None
    overlapping_to: date | None = None


def next_code(session: Session, year: int) -> str:
    """The next free code for a visit arriving in *year*."""
    prefix = f"V-{year:04d}-"
    # A range on the code instead of LIKE 'V-2027-%': SQLite's LIKE is case-insensitive and
    # cannot use the code's unique index, so it read every visit. "." follows "-" in ASCII.
    highest = session.scalar(
        select(func.max(cast(func.substr(VisitRow.code, len(prefix) + 1), Integer))).where(
            VisitRow.code >= prefix, VisitRow.code < prefix[:-1] + "."
        )
    )
    return format_visit_code(year, (highest or 0) + 1)


def summary_query() -> Select[*tuple[Any, ...]]:
    """The columns of :class:`VisitSummary`, joined in one query."""
    visitor = aliased(PersonRow)
    home = aliased(InstitutionRow)
    host = aliased(InstitutionRow)
    return (
        select(
            VisitRow.id,
            VisitRow.code,
            VisitRow.visitor_id,
            visitor.given_name,
            visitor.family_name,
            visitor.family_name_native,
            visitor.given_name_native,
            func.coalesce(func.nullif(home.short_name, ""), home.name),
            func.coalesce(func.nullif(host.short_name, ""), host.name),
            VisitRow.arrival_date,
            VisitRow.departure_date,
            VisitRow.status,
            VisitRow.purpose,
            func.coalesce(ProjectRow.name, ""),
            VisitRow.version,
            VisitRow.host_institution_id,
            visitor.home_institution_id,
            VisitRow.project_id,
        )
        .join(visitor, VisitRow.visitor_id == visitor.id)
        .join(home, visitor.home_institution_id == home.id)
        .join(host, VisitRow.host_institution_id == host.id)
        .outerjoin(ProjectRow, VisitRow.project_id == ProjectRow.id)
    )


def _summary(row: tuple[object, ...]) -> VisitSummary:
    (vid, code, visitor_id, given, family, family_n, given_n, home, host, arr, dep, status,
     purpose, project, version, host_id, home_id, project_id) = row  # fmt: skip
    return VisitSummary(
        id=int(vid),  # type: ignore[call-overload]
        code=str(code),
        visitor_id=int(visitor_id),  # type: ignore[call-overload]
        visitor_name=f"{given} {family}".strip(),
        visitor_name_native=f"{family_n} {given_n}".strip(),
        home_institution=str(home),
        host_institution=str(host),
        arrival_date=arr,  # type: ignore[arg-type]
        departure_date=dep,  # type: ignore[arg-type]
        status=status,  # type: ignore[arg-type]
        purpose=purpose,  # type: ignore[arg-type]
        project=str(project),
        version=int(version),  # type: ignore[call-overload]
        host_institution_id=host_id,  # type: ignore[arg-type]
        home_institution_id=home_id,  # type: ignore[arg-type]
        project_id=project_id,  # type: ignore[arg-type]
    )


class VisitService(RecordService[Visit, VisitRow]):
    """Visits, with human codes, version checks and the status machine."""

    entity_name = RecordKind.VISIT
    row_type = VisitRow
    entity_type = Visit

    def __init__(self, db: Database, bus: ChangeBus, paperwork: PaperworkService) -> None:
        super().__init__(db, bus)
        #: Keeps checklists in step with visits and decides admission on them.
        self.paperwork = paperwork

    def validate(self, entity: Visit) -> None:
        """Dates must be in order."""
        validate_visit(entity)

    def check_references(self, session: Session, entity: Visit) -> None:
        """Visitor, host institution, host person and project must exist."""
        require(session, PersonRow, entity.visitor_id, "visitor_id", "person")
        require(
            session, InstitutionRow, entity.host_institution_id, "host_institution_id",
            "institution",
        )  # fmt: skip
        require(session, PersonRow, entity.host_person_id, "host_person_id", "person")
        require(session, ProjectRow, entity.project_id, "project_id", "project")

    def before_create(self, session: Session, entity: Visit) -> Visit:
        """Give a new visit the next free code for its arrival year."""
        if entity.code:
            return entity
        return dataclasses.replace(entity, code=next_code(session, entity.arrival_date.year))

    def before_update(self, session: Session, stored: Visit, incoming: Visit) -> Visit:
        """Refuse to overwrite a visit someone else changed since *incoming* was read."""
        if stored.version != incoming.version:
            raise ConflictError(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "visit {code} was changed by someone else since you opened it "
                    "(version {opened}, now {current})",
                ),
                current_version=stored.version,
                params={"code": stored.code, "opened": incoming.version, "current": stored.version},
            )
        if incoming.status != stored.status:
            check_transition(stored.status, incoming.status)
        # The code is the visit's public identity (itineraries, e-mails): never renumbered.
        return dataclasses.replace(incoming, code=stored.code)

    def after_write(
        self, session: Session, before: Visit | None, after: Visit
    ) -> tuple[Change, ...]:
        """Regenerate the checklist when the rules' inputs changed, then guard admission.

        Listeners learn of regenerated checklists through the visit's own change (paperwork
        views reload on ``visit`` changes too), so a save announces exactly one change.

        The guard runs after regeneration, so a save that changes the dates *and* confirms
        the visit is judged against the checklist the new dates need.
        """
        visit_id = self._id_of(after)
        if before is None or any(getattr(before, f) != getattr(after, f) for f in RULE_INPUTS):
            self.paperwork.regenerate_in_session(session, visit_id)
        entering = before is None or before.status != after.status
        if entering and after.status in ADMISSION_STATUSES:
            # Only set_status may override, with a written reason: an ordinary save cannot.
            blockers = admission_blockers(session, visit_id)
            if blockers:
                raise AdmissionBlockedError(after.code, after.status.value, blockers)
        return ()

    def _current_blockers(self, session: Session, visit_id: int) -> list[str]:
        """Open blocking items, judged on an up-to-date checklist.

        Regenerating first covers visits written without the services (bulk-generated demo
        visits, older data) and a rules file edited since: admission is never decided on a
        missing or stale checklist.
        """
        self.paperwork.regenerate_in_session(session, visit_id)
        return admission_blockers(session, visit_id)

    def duplicate(self, visit_id: int) -> Visit:
        """A new draft copying *visit_id*'s visitor, host, project, purpose, dates and notes."""
        original = self.get(visit_id)
        return self.create(
            dataclasses.replace(original, id=None, code="", status=VisitStatus.DRAFT, version=0)
        )

    def get_by_code(self, code: str) -> Visit:
        """The visit with *code*; NotFoundError if there is none."""
        with self.db.read() as session:
            row = session.scalars(select(VisitRow).where(VisitRow.code == code.strip())).first()
            if row is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Validation", "there is no visit {code}"),
                    params={"code": code},
                )
            return to_entity(row, Visit)

    def set_status(
        self,
        visit_id: int,
        target: VisitStatus,
        reason: str = "",
        expected_version: int | None = None,
        *,
        override: bool = False,
    ) -> Visit:
        """Move a visit along its life cycle; the reason goes into the audit log.

        Confirmed and in progress are refused with :class:`AdmissionBlockedError` while a
        blocking paperwork item is neither approved nor waived, unless *override* is set with
        a written *reason*; the audit entry then records the override and the open items.
        """
        reason = reason.strip()
        if override and not reason:
            raise ValidationError.single("reason", "an override needs a written reason")
        with self.db.write() as session:
            row = self._row(session, visit_id)
            if expected_version is not None and row.version != expected_version:
                raise ConflictError(
                    QT_TRANSLATE_NOOP(
                        "Validation", "visit {code} was changed by someone else since you opened it"
                    ),
                    current_version=row.version,
                    params={"code": row.code},
                )
            current = row.status
            check_transition(current, target)
            changes: dict[str, Any] = {"status": [current.value, target.value]}
            if target in ADMISSION_STATUSES:
                blockers = self._current_blockers(session, visit_id)
                if blockers and not override:
                    raise AdmissionBlockedError(row.code, target.value, blockers)
                if blockers:
                    changes["override"] = {"blocking_items": blockers}
            row.status = target
            session.flush()
            audit.record(
                session, "visit", visit_id, AuditAction.STATUS, changes, reason=reason,
            )  # fmt: skip
            updated = to_entity(row, Visit)
        self._announce(updated, AuditAction.STATUS)
        return updated

    def undo_status(self, visit_id: int, expected: VisitStatus, previous: VisitStatus,
                    expected_version: int) -> Visit:  # fmt: skip
        """Put back the status a visit had before the change being undone.

        The reverse move may not be a life-cycle transition (in progress back to confirmed),
        so it is allowed only as the exact reverse of the visit's current state and version,
        and audited as an undo.
        """
        with self.db.write() as session:
            row = self._row(session, visit_id)
            if row.version != expected_version or row.status != expected:
                raise ConflictError(
                    QT_TRANSLATE_NOOP(
                        "Validation", "visit {code} changed since its status became {status}"
                    ),
                    current_version=row.version,
                    params={"code": row.code, "status": expected.value},
                )
            if previous in ADMISSION_STATUSES:
                # Undoing a cancel must not re-admit a visit whose paperwork fell back since.
                blockers = self._current_blockers(session, visit_id)
                if blockers:
                    raise AdmissionBlockedError(row.code, previous.value, blockers)
            row.status = previous
            session.flush()
            audit.record(
                session, "visit", visit_id, AuditAction.STATUS,
                {"status": [expected.value, previous.value]}, reason="undo",
            )  # fmt: skip
            updated = to_entity(row, Visit)
        self._announce(updated, AuditAction.STATUS)
        return updated

    def summaries(self, criteria: VisitFilter | None = None) -> list[VisitSummary]:
        """Visits as the lists show them, by arrival date then code."""
        query = summary_query()
        if criteria is not None:
            if criteria.statuses:
                query = query.where(VisitRow.status.in_(criteria.statuses))
            if criteria.host_institution_id is not None:
                query = query.where(VisitRow.host_institution_id == criteria.host_institution_id)
            if criteria.project_id is not None:
                query = query.where(VisitRow.project_id == criteria.project_id)
            if criteria.overlapping_from is not None:
                query = query.where(VisitRow.departure_date >= criteria.overlapping_from)
            if criteria.overlapping_to is not None:
                query = query.where(VisitRow.arrival_date <= criteria.overlapping_to)
        with self.db.read() as session:
            # Core, not session.execute(): the ORM's row loading took 4x the query's time.
            found = [_summary(tuple(r)) for r in session.connection().execute(query)]
        # Sorted here, not by ORDER BY: SQLite sorts the rows of a date window through a
        # temporary b-tree, which took longer than the rest of the timeline's query.
        found.sort(key=lambda v: (v.arrival_date, v.code))
        return found

    def listing(self) -> VisitListing:
        """Every visit in the compact form the visits table loads (see :mod:`visits_listing`)."""
        with self.db.read() as session:
            return read_listing(session)

    def listing_rows(self, visit_ids: Collection[int]) -> VisitListing:
        """The visits with *visit_ids* in the list's compact form (missing ids: deleted)."""
        with self.db.read() as session:
            return read_listing_rows(session, visit_ids)

    def listing_refs(
        self,
        *,
        people: Collection[int] = (),
        institutions: Collection[int] = (),
        projects: Collection[int] = (),
    ) -> VisitListing:
        """The names the visits list shows for these people, institutions and projects."""
        with self.db.read() as session:
            return read_listing_refs(
                session, people=people, institutions=institutions, projects=projects
            )

    def codes_involving(self, person_id: int) -> list[str]:
        """Codes of the visits *person_id* makes or hosts, in code order (what keeps them in
        the directory: a person with visits cannot be deleted)."""
        query = (
            select(VisitRow.code)
            .where((VisitRow.visitor_id == person_id) | (VisitRow.host_person_id == person_id))
            .order_by(VisitRow.code)
        )
        with self.db.read() as session:
            return [str(code) for code in session.scalars(query)]

    def count(self) -> int:
        """How many visits the database holds."""
        with self.db.read() as session:
            return int(session.scalar(select(func.count(VisitRow.id))) or 0)

    def history(self, visit_id: int) -> list[AuditEntry]:
        """The audit entries of one visit, oldest first."""
        with self.db.read() as session:
            return audit.history(session, "visit", [visit_id])
