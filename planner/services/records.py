"""A generic create/read/update/delete service for records that map one dataclass to one row."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import inspect as sa_inspect
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session
from sqlalchemy.orm.exc import StaleDataError

from planner.db.engine import Database
from planner.db.models import Base
from planner.db.server import hidden_fields
from planner.domain.enums import AuditAction, RecordKind
from planner.domain.errors import ConflictError, InUseError, NotFoundError, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services import audit
from planner.services.changes import Change, ChangeBus

E = TypeVar("E")
R = TypeVar("R", bound=Base)

_UNIQUE = re.compile(r"UNIQUE constraint failed: \w+\.(\w+)|Key \((\w+)\)=.* already exists")
_SKIP_ON_WRITE = frozenset({"id", "version"})

#: Record and column names that messages take as ``{what}`` / ``{field}`` parameters. The
#: interface translates a message's text parameters in the "Validation" context as well.
MESSAGE_WORDS = (
    QT_TRANSLATE_NOOP("Validation", "agreement"),
    QT_TRANSLATE_NOOP("Validation", "material_transfer"),
    QT_TRANSLATE_NOOP("Validation", "institution"),
    QT_TRANSLATE_NOOP("Validation", "person"),
    QT_TRANSLATE_NOOP("Validation", "program"),
    QT_TRANSLATE_NOOP("Validation", "programme"),
    QT_TRANSLATE_NOOP("Validation", "project"),
    QT_TRANSLATE_NOOP("Validation", "visit"),
    QT_TRANSLATE_NOOP("Validation", "event"),
    QT_TRANSLATE_NOOP("Validation", "itinerary_item"),
    QT_TRANSLATE_NOOP("Validation", "paperwork_item"),
    QT_TRANSLATE_NOOP("Validation", "participant"),
    QT_TRANSLATE_NOOP("Validation", "record"),
    QT_TRANSLATE_NOOP("Validation", "name"),
    QT_TRANSLATE_NOOP("Validation", "code"),
    QT_TRANSLATE_NOOP("Validation", "uid"),
)


def to_entity(row: Any, entity_type: type[E]) -> E:
    """The domain dataclass for an ORM row whose columns carry the same names.

    Fields the login may not read (left unloaded, see :func:`~planner.db.server.hide_sensitive`)
    keep the dataclass's empty default instead of being fetched (which the server refuses).
    """
    names = [f.name for f in dataclasses.fields(entity_type)]  # type: ignore[arg-type]
    state = sa_inspect(row, raiseerr=False)
    hidden = hidden_fields(state.session) & state.unloaded if state is not None else set()
    return entity_type(**{name: getattr(row, name) for name in names if name not in hidden})


def copy_to_row(entity: object, row: Any, session: Session | None = None) -> None:
    """Write the dataclass's fields onto the ORM row (not its id or version).

    Fields the login may neither read nor write are left alone (*session*: the session a new
    row is about to join; a stored row knows its own).
    """
    hidden = hidden_fields(session or object_session(row))
    for f in dataclasses.fields(entity):  # type: ignore[arg-type]
        if f.name not in _SKIP_ON_WRITE and f.name not in hidden:
            setattr(row, f.name, getattr(entity, f.name))


def conflict(
    what: str, record_id: object, opened: int | None, current: int | None
) -> ConflictError:
    """The error for a write over a copy of *what* that someone else changed since."""
    return ConflictError(
        QT_TRANSLATE_NOOP(
            "Validation",
            "this {what} (id {id}) was changed by someone else since you opened it: "
            "reload it and make your change again",
        ),
        current_version=current,
        params={"what": what, "id": record_id, "opened": opened, "current": current},
    )


def check_version(what: str, record_id: object, opened: int | None, current: int) -> None:
    """Refuse a write based on version *opened* when the stored one is *current*.

    A copy without a version (None: a caller that never read the record) is not checked;
    the UPDATE itself still compares the version it read in the same transaction.
    """
    if opened is not None and opened != current:
        raise conflict(what, record_id, opened, current)


@contextmanager
def translate_stale(what: str, record_id: object, opened: int | None) -> Iterator[None]:
    """Turn SQLAlchemy's ``StaleDataError`` (the versioned UPDATE or DELETE matched no row:
    another transaction changed the record between our read and our write) into the
    domain's :class:`ConflictError`."""
    try:
        yield
    except StaleDataError as exc:
        raise conflict(what, record_id, opened, None) from exc


@contextmanager
def translate_integrity(what: str, *, deleting: bool = False) -> Iterator[None]:
    """Turn database constraint failures into messages a coordinator understands."""
    try:
        yield
    except IntegrityError as exc:
        text = str(exc.orig)
        match = _UNIQUE.search(text)
        if match:
            field = match.group(1) or match.group(2)
            raise ValidationError.single(
                field,
                QT_TRANSLATE_NOOP("Validation", "another {what} already has this {field}"),
                {"what": what, "field": field},
            ) from exc
        if "FOREIGN KEY" in text.upper():
            if deleting:
                raise InUseError(
                    QT_TRANSLATE_NOOP(
                        "Validation",
                        "this {what} cannot be deleted: other records still refer to it",
                    ),
                    params={"what": what},
                ) from exc
            raise ValidationError.single(
                "id",
                QT_TRANSLATE_NOOP(
                    "Validation", "this {what} refers to a record that does not exist"
                ),
                {"what": what},
            ) from exc
        raise


class RecordService(Generic[E, R]):
    """Create, read, update and delete one kind of record, each write audited and announced."""

    entity_name: ClassVar[RecordKind]
    row_type: type[R]
    entity_type: type[E]

    def __init__(self, db: Database, bus: ChangeBus) -> None:
        self.db = db
        self.bus = bus

    # Hooks for subclasses -------------------------------------------------------------
    def validate(self, entity: E) -> None:
        """Raise a ValidationError when *entity* breaks a rule."""

    def check_references(self, session: Session, entity: E) -> None:
        """Raise a ValidationError when *entity* names records that do not exist."""

    # Queries -------------------------------------------------------------------------
    def _row(self, session: Session, record_id: int) -> R:
        row = session.get(self.row_type, record_id)
        if row is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Validation", "there is no {what} with id {id}"),
                params={"what": self.entity_name, "id": record_id},
            )
        return row

    def get(self, record_id: int) -> E:
        """The record with *record_id*; NotFoundError if there is none."""
        with self.db.read() as session:
            return to_entity(self._row(session, record_id), self.entity_type)

    def list(self) -> list[E]:
        """Every record, in id order."""
        with self.db.read() as session:
            rows = session.scalars(
                select(self.row_type).order_by(*self.row_type.__table__.primary_key)
            )
            return [to_entity(r, self.entity_type) for r in rows]

    # Writes --------------------------------------------------------------------------
    def create(self, entity: E) -> E:
        """Validate and store a new record; returns it with its id."""
        self.validate(entity)
        with self.db.write() as session, translate_integrity(self.entity_name):
            self.check_references(session, entity)
            entity = self.before_create(session, entity)
            row = self.row_type()
            copy_to_row(entity, row, session)
            session.add(row)
            session.flush()
            created = to_entity(row, self.entity_type)
            derived = self.after_write(session, None, created)
            audit.record(
                session,
                self.entity_name,
                self._id_of(created),
                AuditAction.CREATE,
                audit.snapshot(created),
            )
        self._announce(created, AuditAction.CREATE, derived)
        return created

    def update(self, entity: E) -> E:
        """Store the changed fields of an existing record; returns the stored version.

        :class:`ConflictError` when the record's ``version`` is not the stored one (someone
        else saved it since *entity* was read); nothing is written then.
        """
        self.validate(entity)
        record_id = self._id_of(entity)
        opened: int | None = getattr(entity, "version", None)
        with (
            self.db.write() as session,
            translate_stale(self.entity_name, record_id, opened),
            translate_integrity(self.entity_name),
        ):
            self.check_references(session, entity)
            row = self._row(session, record_id)
            before = to_entity(row, self.entity_type)
            entity = self.before_update(session, before, entity)
            # Optimistic locking: the copy must be of the stored version. The ORM's versioned
            # UPDATE (``WHERE id=? AND version=?``) then closes the gap between this read and
            # the write, where another transaction may commit (PostgreSQL's READ COMMITTED).
            if opened is not None and hasattr(before, "version"):
                check_version(self.entity_name, record_id, opened, before.version)
            changes = audit.diff(before, entity)
            if not changes:
                return before
            copy_to_row(entity, row)
            session.flush()
            after = to_entity(row, self.entity_type)
            derived = self.after_write(session, before, after)
            audit.record(session, self.entity_name, record_id, AuditAction.UPDATE, changes)
        self._announce(after, AuditAction.UPDATE, derived)
        return after

    def before_create(self, session: Session, entity: E) -> E:
        """Hook: fill in what the store assigns (codes); returns the entity to insert."""
        return entity

    def before_update(self, session: Session, stored: E, incoming: E) -> E:
        """Hook: refuse an update (optimistic locking) or adjust it; returns what to store."""
        return incoming

    def after_write(self, session: Session, before: E | None, after: E) -> Sequence[Change]:
        """Hook: derived records to keep in step, in the same transaction (*before* is None
        on create); returns their changes, announced after the record's own once committed.

        Derived writes belong here rather than in a bus listener: a failure rolls the whole
        save back, so the caller never hears of an error about a change that was stored.
        """
        return ()

    def after_delete(self, session: Session, gone: E) -> Sequence[Change]:
        """Hook: like :meth:`after_write`, once the record's row is deleted (not yet
        committed)."""
        return ()

    def delete(self, record_id: int) -> None:
        """Remove a record; InUseError if other records still refer to it."""
        with (
            self.db.write() as session,
            translate_stale(self.entity_name, record_id, None),
            translate_integrity(self.entity_name, deleting=True),
        ):
            row = self._row(session, record_id)
            gone = to_entity(row, self.entity_type)
            session.delete(row)
            session.flush()
            derived = self.after_delete(session, gone)
            audit.record(
                session, self.entity_name, record_id, AuditAction.DELETE, audit.snapshot(gone)
            )
        self.bus.publish(Change(self.entity_name, (record_id,), AuditAction.DELETE))
        for change in derived:
            self.bus.publish(change)

    # Helpers -------------------------------------------------------------------------
    def _id_of(self, entity: E) -> int:
        record_id = getattr(entity, "id", None)
        if record_id is None:
            raise ValueError(f"cannot update a {self.entity_name} that has no id")
        return int(record_id)

    def _announce(self, entity: E, action: AuditAction, derived: Sequence[Change] = ()) -> None:
        self.bus.publish(Change(self.entity_name, (self._id_of(entity),), action))
        for change in derived:
            self.bus.publish(change)
