"""Bulk imports: many new institutions, people or visits in ONE transaction, audited.

Importers (``planner.importing``) check every row first; this service writes what they
prepared — all of it, or nothing. Each created record gets its own ``import`` audit entry
(the record's fields, sensitive values hidden, with the file name as the reason), so the
history of a record shows where it came from. Visits get their codes the way a single create
does (the next free number of their arrival year) and their paperwork checklist through the
visit service's own ``after_write`` hook, in the same transaction. Listeners hear one change
per kind of record after the commit.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import Integer, cast, func, insert, select
from sqlalchemy.orm import Session

from planner.db.engine import Database
from planner.db.models import AuditRow, InstitutionRow, PersonRow, VisitRow
from planner.domain.codes import format_visit_code
from planner.domain.entities import Institution, Person, Visit
from planner.domain.enums import AuditAction, RecordKind
from planner.domain.timezones import utc_now
from planner.domain.validation import validate_institution, validate_person, validate_visit
from planner.services import audit
from planner.services.changes import Change, ChangeBus
from planner.services.records import copy_to_row, to_entity, translate_integrity
from planner.services.visits import VisitService

#: ``progress(done, total)``; called now and then while writing.
Progress = Callable[[int, int], None]
_PROGRESS_EVERY = 500
RowT = TypeVar("RowT")


@dataclass(frozen=True)
class PendingPerson:
    """A person to create; ``new_home`` indexes the batch's new institutions, if set."""

    person: Person
    new_home: int | None = None


@dataclass(frozen=True)
class PendingVisit:
    """A visit to create; ``new_host`` indexes the batch's new institutions, if set."""

    visit: Visit
    new_host: int | None = None


@dataclass(frozen=True)
class BulkResult:
    """What one bulk import created, with ids (and codes for visits)."""

    institutions: list[Institution] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)


def _highest_codes(session: Session, years: set[int]) -> dict[int, int]:
    highest: dict[int, int] = {}
    for year in years:
        prefix = f"V-{year:04d}-"
        number = session.scalar(
            select(func.max(cast(func.substr(VisitRow.code, len(prefix) + 1), Integer))).where(
                VisitRow.code.like(prefix + "%")
            )
        )
        highest[year] = int(number or 0)
    return highest


class BulkImportService:
    """One-transaction creation of many records for the CSV/XLSX importers."""

    def __init__(self, db: Database, bus: ChangeBus, visits: VisitService) -> None:
        self.db = db
        self.bus = bus
        self.visits = visits

    def create(
        self,
        institutions: Sequence[Institution] = (),
        people: Sequence[PendingPerson] = (),
        visits: Sequence[PendingVisit] = (),
        *,
        source: str = "",
        progress: Progress | None = None,
    ) -> BulkResult:
        """Create *institutions*, then *people*, then *visits*, all in one transaction.

        Every record is validated before anything is written (:class:`ValidationError` on
        the first bad one: importers have already checked them, so this is a safety net).
        """
        for inst in institutions:
            validate_institution(inst)
        for pending in people:
            validate_person(pending.person)
        for pv in visits:
            validate_visit(pv.visit)
        total = len(institutions) + len(people) + len(visits)
        reason = f"imported from {source}" if source else "imported"
        done = 0

        def step(count: int) -> None:
            nonlocal done
            before = done // _PROGRESS_EVERY
            done += count
            if progress is not None and (done // _PROGRESS_EVERY != before or done == total):
                progress(done, total)

        result = BulkResult()
        with self.db.write() as session, translate_integrity("record"):
            inst_rows = [self._row(InstitutionRow(), i) for i in institutions]
            session.add_all(inst_rows)
            session.flush()
            result.institutions.extend(to_entity(r, Institution) for r in inst_rows)
            self._audit(session, RecordKind.INSTITUTION, result.institutions, reason)
            session.flush()
            step(len(inst_rows))
            new_ids = [r.id for r in inst_rows]

            names = [f.name for f in dataclasses.fields(Person) if f.name != "id"]
            for start in range(0, len(people), _PROGRESS_EVERY):
                chunk = people[start : start + _PROGRESS_EVERY]
                persons = [
                    p.person
                    if p.new_home is None
                    else dataclasses.replace(p.person, home_institution_id=new_ids[p.new_home])
                    for p in chunk
                ]
                # Core executemany with RETURNING: the ORM's unit of work would dominate here.
                statement = insert(PersonRow).returning(PersonRow.id, sort_by_parameter_order=True)
                values = [{name: getattr(p, name) for name in names} for p in persons]
                ids = list(session.scalars(statement, values))
                created = [dataclasses.replace(p, id=i) for p, i in zip(persons, ids, strict=True)]
                self._audit(session, RecordKind.PERSON, created, reason)
                result.people.extend(created)
                step(len(chunk))

            highest = _highest_codes(session, {pv.visit.arrival_date.year for pv in visits})
            for pv in visits:
                visit = pv.visit
                if pv.new_host is not None:
                    visit = dataclasses.replace(visit, host_institution_id=new_ids[pv.new_host])
                if not visit.code:
                    year = visit.arrival_date.year
                    highest[year] += 1
                    visit = dataclasses.replace(visit, code=format_visit_code(year, highest[year]))
                row = self._row(VisitRow(), visit)
                session.add(row)
                session.flush()
                created_visit = to_entity(row, Visit)
                # The same hook a single create runs: the checklist, in this transaction.
                self.visits.after_write(session, None, created_visit)
                self._audit(session, RecordKind.VISIT, [created_visit], reason)
                result.visits.append(created_visit)
                step(1)
        for entity, records in (
            (RecordKind.INSTITUTION, result.institutions),
            (RecordKind.PERSON, result.people),
            (RecordKind.VISIT, result.visits),
        ):
            record_ids = tuple(int(r.id) for r in records if r.id is not None)
            if record_ids:
                self.bus.publish(Change(entity, record_ids, AuditAction.CREATE))
        return result

    @staticmethod
    def _row(row: RowT, entity: object) -> RowT:
        copy_to_row(entity, row)
        return row

    @staticmethod
    def _audit(
        session: Session, entity: RecordKind, records: Sequence[object], reason: str
    ) -> None:
        """One ``import`` entry per record (the same columns :func:`audit.record` writes),
        inserted in one executemany: at 50,000 records the ORM path would dominate."""
        if not records:
            return
        at, actor = utc_now(), audit.current_actor()
        rows = []
        for record in records:
            record_id = getattr(record, "id", None)
            assert record_id is not None
            changes = json.dumps(audit.snapshot(record), ensure_ascii=False, sort_keys=True)
            rows.append(
                {"at_utc": at, "actor": actor, "entity": entity, "entity_id": int(record_id),
                 "action": AuditAction.IMPORT, "changes": changes, "reason": reason}
            )  # fmt: skip
        session.execute(insert(AuditRow), rows)
