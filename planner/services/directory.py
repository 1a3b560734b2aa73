"""Institutions, people, programmes and projects: the directory visits refer to."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from planner.db.engine import Database
from planner.db.models import InstitutionRow, PersonRow, ProgramRow, ProjectRow
from planner.db.server import require_sensitive
from planner.domain.entities import Institution, Person, PersonSummary, Program, Project
from planner.domain.enums import AuditAction, RecordKind
from planner.domain.errors import FieldProblem, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.validation import (
    prepare_person,
    validate_bounds,
    validate_institution,
    validate_person,
)
from planner.services import audit
from planner.services.changes import Change, ChangeBus
from planner.services.paperwork import (
    INSTITUTION_RULE_INPUTS,
    PERSON_RULE_INPUTS,
    PaperworkService,
)
from planner.services.records import RecordService, to_entity


def require(session: Session, row_type: type, record_id: int | None, field: str, what: str) -> None:
    """Raise a ValidationError on *field* when *record_id* names no *row_type* row."""
    if record_id is not None and session.get(row_type, record_id) is None:
        raise ValidationError.single(
            field,
            QT_TRANSLATE_NOOP("Validation", "there is no {what} with id {id}"),
            {"what": what, "id": record_id},
        )


def _changed(before: object | None, after: object, fields: tuple[str, ...]) -> bool:
    return before is not None and any(getattr(before, f) != getattr(after, f) for f in fields)


class InstitutionService(RecordService[Institution, InstitutionRow]):
    """Partner institutions; a changed country or kind regenerates the checklists it affects."""

    entity_name = RecordKind.INSTITUTION
    row_type = InstitutionRow
    entity_type = Institution

    def __init__(self, db: Database, bus: ChangeBus, paperwork: PaperworkService) -> None:
        super().__init__(db, bus)
        self.paperwork = paperwork

    def validate(self, entity: Institution) -> None:
        """Name, country code and time zone must be valid."""
        validate_institution(entity)

    def after_write(
        self, session: Session, before: Institution | None, after: Institution
    ) -> tuple[Change, ...]:
        """Regenerate the checklists of visits it hosts or sends when a rule input changed.

        A new institution has no visits yet.
        """
        if not _changed(before, after, INSTITUTION_RULE_INPUTS):
            return ()
        return self.paperwork.after_institution_change(session, self._id_of(after))

    def find_by_name(self, name: str) -> Institution | None:
        """The institution whose full or short name is *name* (case-insensitive)."""
        wanted = name.strip().lower()
        with self.db.read() as session:
            row = session.scalars(
                select(InstitutionRow).where(
                    (func.lower(InstitutionRow.name) == wanted)
                    | (func.lower(InstitutionRow.short_name) == wanted)
                )
            ).first()
            return None if row is None else to_entity(row, Institution)


class PersonService(RecordService[Person, PersonRow]):
    """Visitors and hosts; a changed nationality, category or home regenerates their
    visits' checklists."""

    entity_name = RecordKind.PERSON
    row_type = PersonRow
    entity_type = Person

    def __init__(self, db: Database, bus: ChangeBus, paperwork: PaperworkService) -> None:
        super().__init__(db, bus)
        self.paperwork = paperwork

    def validate(self, entity: Person) -> None:
        """Names, e-mail and nationality must be valid (the phone is checked by
        :meth:`create` and :meth:`update`, which know the home institution's country)."""
        validate_person(entity, stored_phone=entity.phone)

    def create(self, entity: Person) -> Person:
        """Validate and store a new person, the phone in E.164 form; returns it with its id."""
        return super().create(self._prepared(entity))

    def update(self, entity: Person) -> Person:
        """Store a changed person, the phone in E.164 form (see RecordService.update)."""
        return super().update(self._prepared(entity))

    def _prepared(self, entity: Person) -> Person:
        """*entity* with its phone read in its home institution's country; a phone equal to
        the stored one is kept as it is, so numbers stored before they were checked do not
        block other changes."""
        with self.db.read() as session:
            region = session.scalar(
                select(InstitutionRow.country).where(
                    InstitutionRow.id == entity.home_institution_id
                )
            )
            stored = (
                session.scalar(select(PersonRow.phone).where(PersonRow.id == entity.id))
                if entity.id is not None
                else None
            )
        return prepare_person(entity, region, stored_phone=stored or "")

    def after_write(
        self, session: Session, before: Person | None, after: Person
    ) -> tuple[Change, ...]:
        """Regenerate the checklists of their open visits when a rule input changed.

        A new person has no visits yet.
        """
        if not _changed(before, after, PERSON_RULE_INPUTS):
            return ()
        return self.paperwork.after_person_change(session, self._id_of(after))

    def check_references(self, session: Session, entity: Person) -> None:
        """The home institution must exist."""
        require(
            session,
            InstitutionRow,
            entity.home_institution_id,
            "home_institution_id",
            "institution",
        )

    def record_reveal(
        self, person_id: int, fields: Collection[str] = Person.SENSITIVE_FIELDS
    ) -> None:
        """Audit that *fields* (sensitive ones) of *person_id* are being shown on screen.

        Call it before showing them: if the entry cannot be written (the person is gone,
        the disk is full) the error propagates and the values must stay hidden. Only the
        field names are recorded. Raises NotFoundError for an unknown person.
        """
        with self.db.write() as session:
            require_sensitive(session)
            self._row(session, person_id)
            audit.record_disclosure(session, AuditAction.REVEAL, [person_id], fields)

    def summaries(self, ids: Collection[int] | None = None) -> list[PersonSummary]:
        """Everyone (or the people with *ids*), as the directory lists them, by family name."""
        home = aliased(InstitutionRow)
        # Only the listed columns, not whole ORM rows: building tens of thousands of entities
        # (identity map, change tracking) took several times as long as the query itself.
        query = (
            select(
                PersonRow.id,
                PersonRow.given_name,
                PersonRow.family_name,
                PersonRow.given_name_native,
                PersonRow.family_name_native,
                PersonRow.category,
                PersonRow.email,
                PersonRow.nationality,
                home.short_name,
                home.name,
            )
            .join(home, PersonRow.home_institution_id == home.id)
            .order_by(PersonRow.family_name, PersonRow.given_name, PersonRow.id)
        )
        if ids is not None:
            query = query.where(PersonRow.id.in_(list(ids)))
        with self.db.read() as session:
            return [
                PersonSummary(
                    id=pid,
                    latin_name=f"{given} {family}".strip(),
                    native_name=f"{family_native} {given_native}".strip(),
                    category=category,
                    home_institution=short or name,
                    email=email,
                    nationality=nationality,
                )
                for (
                    pid,
                    given,
                    family,
                    given_native,
                    family_native,
                    category,
                    email,
                    nationality,
                    short,
                    name,
                ) in session.execute(query)
            ]


class ProgramService(RecordService[Program, ProgramRow]):
    """Exchange programmes such as the cooperation memorandum."""

    entity_name = RecordKind.PROGRAM
    row_type = ProgramRow
    entity_type = Program

    def validate(self, entity: Program) -> None:
        """A name is required and the period must be in order."""
        problems: list[FieldProblem] = []
        if not entity.name.strip():
            problems.append(
                FieldProblem("name", QT_TRANSLATE_NOOP("Validation", "Name is required"))
            )
        if entity.start_date and entity.end_date and entity.end_date < entity.start_date:
            problems.append(
                FieldProblem("end_date", QT_TRANSLATE_NOOP("Validation", "ends before it starts"))
            )
        if problems:
            raise ValidationError(problems)
        validate_bounds(entity)


class ProjectService(RecordService[Project, ProjectRow]):
    """Research projects visits are reported under."""

    entity_name = RecordKind.PROJECT
    row_type = ProjectRow
    entity_type = Project

    def validate(self, entity: Project) -> None:
        """A name is required."""
        if not entity.name.strip():
            raise ValidationError.single(
                "name", QT_TRANSLATE_NOOP("Validation", "Name is required")
            )
        validate_bounds(entity)

    def check_references(self, session: Session, entity: Project) -> None:
        """The programme, if named, must exist."""
        require(session, ProgramRow, entity.program_id, "program_id", "programme")
