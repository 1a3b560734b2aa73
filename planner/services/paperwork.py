"""Paperwork: checklists generated from the rules, deadlines, reminders and attachments.

Checklists are derived data kept in step inside the transaction of the change they derive from
(see :meth:`PaperworkService.regenerate_in_session`): a visit's own save, and the save of a
person, institution or agreement the rules read. So a visit can never exist, even for a moment,
without the blocking items that guard its admission, and a save either stores the record and its
regenerated checklists together or neither.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from planner.db.engine import Database
from planner.db.files import PRIVATE_FILE_MODE, ensure_private_dir
from planner.db.location import default_data_dir
from planner.db.models import (
    AgreementRow,
    AttachmentRow,
    DocumentTypeRow,
    InstitutionRow,
    PaperworkItemRow,
    PersonRow,
    VisitRow,
)
from planner.domain.enums import (
    AuditAction,
    PaperworkStatus,
    Purpose,
    RecordKind,
    ResponsibleParty,
    VisitStatus,
)
from planner.domain.errors import NotFoundError, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message
from planner.domain.paperwork import (
    DATA_AGREEMENT_KINDS,
    OUTSTANDING_STATUSES,
    SETTLED_STATUSES,
    Attachment,
    DueItem,
    PaperworkItem,
    PaperworkWarning,
    due_date,
    late_by_days,
    visit_warnings,
)
from planner.domain.resources import resource_path
from planner.domain.rules import RuleSet, VisitFacts, evaluate, load_rules, stay_days
from planner.domain.status import ADMISSION_STATUSES, STATUS_WORDS
from planner.domain.validation import validate_bounds
from planner.services import audit
from planner.services.changes import Change, ChangeBus
from planner.services.records import check_version, translate_stale

ENTITY = RecordKind.PAPERWORK_ITEM
ATTACHMENT_ENTITY = RecordKind.ATTACHMENT
ATTACHMENTS_FOLDER = "attachments"
#: Visits whose paperwork no longer matters for reminders.
_CLOSED = (VisitStatus.CANCELLED, VisitStatus.COMPLETED)
#: Fields a coordinator edits on an item; the rest follows the rules.
EDITABLE_FIELDS = (
    "status", "submitted_date", "approved_date", "expiry_date", "reference_number", "notes",
)  # fmt: skip
#: Visit fields the rules look at: changing one regenerates the checklist.
RULE_INPUTS = ("visitor_id", "host_institution_id", "arrival_date", "departure_date",
               "purpose", "paid")  # fmt: skip
#: Person fields the rules look at (see :meth:`PaperworkService.facts`).
PERSON_RULE_INPUTS = ("nationality", "category", "home_institution_id")
#: Institution fields the rules look at, as a visit's host or its visitor's home.
INSTITUTION_RULE_INPUTS = ("country", "kind")
_UNSAFE = re.compile(r"[^\w.\- ]+")
_SAFE_CODE = re.compile(r"V-[0-9]{4}-[0-9]{4,6}")


def _attachment_folder(code: str, visit_id: int) -> str:
    """The folder of a visit's attachments: its code when it is a well-formed visit code,
    else a generated name. A code can come from a partner's package or an old database; it
    never becomes a path of its own (``../../x``, ``/etc``, line breaks)."""
    return code if _SAFE_CODE.fullmatch(code) else f"visit-{visit_id}"


def default_rules_path() -> Path:
    """The bundled rules file (``resources/rules/paperwork.toml``)."""
    return resource_path("rules", "paperwork.toml")


def today_local() -> date:
    """Today's date where the coordinator is (deadlines are calendar dates)."""
    return datetime.now(UTC).astimezone().date()


def admission_blockers(session: Session, visit_id: int) -> list[str]:
    """Titles of the visit's blocking items that apply and are neither approved nor waived."""
    rows = session.scalars(
        select(PaperworkItemRow.title)
        .where(
            PaperworkItemRow.visit_id == visit_id,
            PaperworkItemRow.applies.is_(True),
            PaperworkItemRow.blocking.is_(True),
            PaperworkItemRow.status.not_in(SETTLED_STATUSES),
        )
        .order_by(PaperworkItemRow.due_date, PaperworkItemRow.title)
    )
    return list(rows)


def _item(row: PaperworkItemRow, doc: DocumentTypeRow, attachments: int = 0) -> PaperworkItem:
    return PaperworkItem(
        id=row.id,
        visit_id=row.visit_id,
        document_type_id=row.document_type_id,
        code=doc.code,
        title=row.title,
        title_ja=doc.title_ja,
        explanation=doc.explanation,
        status=row.status,
        responsible=row.responsible,
        lead_days=row.lead_days,
        due_date=row.due_date,
        blocking=row.blocking,
        applies=row.applies,
        submitted_date=row.submitted_date,
        approved_date=row.approved_date,
        expiry_date=row.expiry_date,
        reference_number=row.reference_number,
        notes=row.notes,
        attachments=attachments,
        version=row.version,
    )


def _attachment(row: AttachmentRow) -> Attachment:
    return Attachment(
        id=row.id,
        paperwork_item_id=row.paperwork_item_id,
        filename=row.filename,
        stored_path=row.stored_path,
        sha256=row.sha256,
        size_bytes=row.size_bytes,
        added_utc=row.added_utc,
    )


def _plain(value: Any) -> Any:
    """A JSON-ready value for the audit log (enums by value, dates in ISO form)."""
    if isinstance(value, PaperworkStatus | ResponsibleParty):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def _editable(item: PaperworkItem) -> dict[str, Any]:
    return {name: getattr(item, name) for name in EDITABLE_FIELDS}


class PaperworkService:
    """Checklists of every visit, their deadlines, reminders and attached files."""

    def __init__(self, db: Database, bus: ChangeBus, rules_path: Path | None = None) -> None:
        self.db = db
        self.bus = bus
        self.rules_path = rules_path or default_rules_path()
        self._ruleset: RuleSet | None = None

    # Rules -----------------------------------------------------------------------------
    @property
    def ruleset(self) -> RuleSet:
        """The rules in force (read once; :class:`RulesError` if the file is unusable)."""
        if self._ruleset is None:
            self._ruleset = load_rules(self.rules_path)
        return self._ruleset

    def reload_rules(self) -> RuleSet:
        """Read the rules file again (after the coordinator edited it)."""
        self._ruleset = None
        return self.ruleset

    # Generation ------------------------------------------------------------------------
    def facts(self, session: Session, visit: VisitRow) -> VisitFacts:
        """What the rules need to know about *visit*."""
        visitor = session.get(PersonRow, visit.visitor_id)
        host = session.get(InstitutionRow, visit.host_institution_id)
        if visitor is None or host is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Validation", "visit {code} refers to a missing visitor or host"),
                params={"code": visit.code},
            )
        home = visitor.home_institution
        return VisitFacts(
            host_country=host.country,
            host_kind=host.kind,
            home_country=home.country,
            nationality=visitor.nationality,
            category=visitor.category,
            purpose=visit.purpose,
            paid=visit.paid,
            stay_days=stay_days((visit.departure_date - visit.arrival_date).days),
            has_active_agreement=_has_active_agreement(
                session, {home.id, host.id}, visit.arrival_date, visit.departure_date
            ),
        )

    def _document_types(self, session: Session, codes: Iterable[str]) -> dict[str, DocumentTypeRow]:
        """Upsert the document types *codes* from the rules; returns them by code."""
        specs = self.ruleset.documents
        wanted = list(dict.fromkeys(codes))
        rows = {
            r.code: r
            for r in session.scalars(
                select(DocumentTypeRow).where(DocumentTypeRow.code.in_(wanted))
            )
        }
        for code in wanted:
            spec = specs[code]
            row = rows.get(code)
            if row is None:
                row = DocumentTypeRow(code=code)
                session.add(row)
                rows[code] = row
            values = {
                "title": spec.title, "title_ja": spec.title_ja, "responsible": spec.responsible,
                "lead_days": spec.lead_days, "blocking": spec.blocking,
                "explanation": spec.explanation,
            }  # fmt: skip
            for name, value in values.items():
                if getattr(row, name, None) != value:
                    setattr(row, name, value)
        session.flush()
        return rows

    def regenerate_in_session(self, session: Session, visit_id: int) -> list[int]:
        """Bring the visit's checklist in line with the rules, inside the caller's transaction.

        Items that still apply keep their status, dates, reference and notes (their due date
        follows the arrival); items that no longer apply are flagged ``applies=False``, never
        deleted (their history and attachments stay); an item that applies again is un-flagged.
        Returns the ids of the items created or changed.
        """
        visit = session.get(VisitRow, visit_id)
        if visit is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Validation", "there is no {what} with id {id}"),
                params={"what": "visit", "id": visit_id},
            )
        required = {r.document.code: r for r in evaluate(self.ruleset, self.facts(session, visit))}
        types = self._document_types(session, required)
        existing = {
            doc.code: row
            for row, doc in session.execute(
                select(PaperworkItemRow, DocumentTypeRow)
                .join(DocumentTypeRow, PaperworkItemRow.document_type_id == DocumentTypeRow.id)
                .where(PaperworkItemRow.visit_id == visit_id)
            )
        }
        changed: list[int] = []
        for code, req in required.items():
            spec = req.document
            wanted = {
                "title": spec.title, "responsible": spec.responsible, "lead_days": spec.lead_days,
                "due_date": due_date(visit.arrival_date, spec.lead_days),
                "blocking": spec.blocking, "applies": True,
            }  # fmt: skip
            row = existing.get(code)
            if row is None:
                row = PaperworkItemRow(
                    visit_id=visit_id, document_type_id=types[code].id,
                    status=PaperworkStatus.NOT_STARTED, **wanted,
                )  # fmt: skip
                session.add(row)
                session.flush()
                audit.record(
                    session, ENTITY, row.id, AuditAction.CREATE,
                    {"visit_id": visit_id, "code": code, "rules": list(req.rule_ids),
                     **{k: _plain(v) for k, v in wanted.items()}},
                )  # fmt: skip
                changed.append(row.id)
                continue
            diff = {
                name: [_plain(getattr(row, name)), _plain(value)]
                for name, value in wanted.items()
                if getattr(row, name) != value
            }
            if diff:
                for name, value in wanted.items():
                    setattr(row, name, value)
                audit.record(session, ENTITY, row.id, AuditAction.UPDATE, diff,
                             reason="checklist regenerated from the paperwork rules")  # fmt: skip
                changed.append(row.id)
        for code, row in existing.items():
            if code not in required and row.applies:
                row.applies = False
                audit.record(session, ENTITY, row.id, AuditAction.UPDATE,
                             {"applies": [True, False]},
                             reason="no paperwork rule requires it any more")  # fmt: skip
                changed.append(row.id)
        session.flush()
        return changed

    def regenerate(self, visit_ids: Iterable[int]) -> list[int]:
        """Regenerate the checklists of *visit_ids* in one transaction; returns changed items."""
        with self.db.write() as session:
            changed = self._regenerate_all(session, visit_ids)
        self._announce(changed)
        return changed

    def _regenerate_all(self, session: Session, visit_ids: Iterable[int]) -> list[int]:
        changed: list[int] = []
        for visit_id in visit_ids:
            changed.extend(self.regenerate_in_session(session, visit_id))
        return changed

    def _regenerate_open(self, session: Session, where: ColumnElement[bool]) -> tuple[Change, ...]:
        session.flush()  # the caller's pending change is what the rules must read
        query = select(VisitRow.id).where(where, VisitRow.status.not_in(_CLOSED))
        return self.changed_items(self._regenerate_all(session, session.scalars(query).all()))

    def after_person_change(self, session: Session, person_id: int) -> tuple[Change, ...]:
        """Regenerate the open visits of a visitor whose rule inputs changed, inside the
        caller's transaction; returns the change of the regenerated items, to announce after
        the commit."""
        return self._regenerate_open(session, VisitRow.visitor_id == person_id)

    def after_institution_change(self, session: Session, institution_id: int) -> tuple[Change, ...]:
        """Regenerate the open visits an institution hosts or whose visitor it is home to,
        inside the caller's transaction; returns the change to announce after the commit."""
        homes = select(PersonRow.id).where(PersonRow.home_institution_id == institution_id)
        return self._regenerate_open(
            session,
            (VisitRow.host_institution_id == institution_id) | VisitRow.visitor_id.in_(homes),
        )

    def after_agreement_change(self, session: Session) -> tuple[Change, ...]:
        """Regenerate the data-exchange visits an agreement may cover (gaining or losing their
        "agreement needed" item), inside the caller's transaction; returns the change to
        announce after the commit."""
        return self._regenerate_open(
            session,
            (VisitRow.purpose == Purpose.DATA_EXCHANGE)
            # Past visits keep the checklist they had; an agreement signed later does not
            # rewrite history.
            & (VisitRow.departure_date >= today_local()),
        )

    @staticmethod
    def changed_items(item_ids: Sequence[int]) -> tuple[Change, ...]:
        """The change that announces regenerated items (none when nothing changed)."""
        return (Change(ENTITY, tuple(item_ids), AuditAction.UPDATE),) if item_ids else ()

    # Queries ---------------------------------------------------------------------------
    def _items_query(self) -> Select[PaperworkItemRow, DocumentTypeRow, int]:
        count = (
            select(func.count(AttachmentRow.id))
            .where(AttachmentRow.paperwork_item_id == PaperworkItemRow.id)
            .scalar_subquery()
        )
        return select(PaperworkItemRow, DocumentTypeRow, count).join(
            DocumentTypeRow, PaperworkItemRow.document_type_id == DocumentTypeRow.id
        )

    def for_visit(self, visit_id: int) -> list[PaperworkItem]:
        """The visit's checklist: items that apply first, by due date; flagged ones last."""
        query = (
            self._items_query()
            .where(PaperworkItemRow.visit_id == visit_id)
            .order_by(
                PaperworkItemRow.applies.desc(), PaperworkItemRow.due_date, PaperworkItemRow.title
            )
        )
        with self.db.read() as session:
            return [_item(r, d, n) for r, d, n in session.execute(query)]

    def get(self, item_id: int) -> PaperworkItem:
        """One item; NotFoundError if it does not exist."""
        with self.db.read() as session:
            found = session.execute(
                self._items_query().where(PaperworkItemRow.id == item_id)
            ).first()
            if found is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Validation", "there is no paperwork item with id {id}"),
                    params={"id": item_id},
                )
            row, doc, count = found
            return _item(row, doc, count)

    def blocking(self, visit_id: int) -> list[PaperworkItem]:
        """Items that stop the visit from being confirmed or started."""
        return [i for i in self.for_visit(visit_id) if i.holds_admission]

    def warnings(self, visit_id: int, today: date | None = None) -> list[PaperworkWarning]:
        """Late items, passport validity and document expiry for one visit."""
        day = today or today_local()
        with self.db.read() as session:
            visit = session.get(VisitRow, visit_id)
            if visit is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Validation", "there is no {what} with id {id}"),
                    params={"what": "visit", "id": visit_id},
                )
            visitor = session.get(PersonRow, visit.visitor_id)
            host = session.get(InstitutionRow, visit.host_institution_id)
            assert visitor is not None and host is not None
            international = visitor.nationality != host.country
            arrival, departure, status = visit.arrival_date, visit.departure_date, visit.status
            expiry = visitor.passport_expiry
        items = self.for_visit(visit_id)
        found = visit_warnings(
            arrival=arrival, departure=departure, items=items, today=day,
            passport_expiry=expiry,
            passport_margin_months=self.ruleset.settings.passport_margin_months,
            international=international,
        )  # fmt: skip
        open_blockers = [i.title for i in items if i.holds_admission]
        if status in ADMISSION_STATUSES and open_blockers:
            found.insert(
                0,
                PaperworkWarning(
                    "admission",
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "the visit is {status} but blocking items are open: {items}",
                        ),
                        {"status": STATUS_WORDS[status], "items": "; ".join(open_blockers)},
                    ),
                ),
            )
        return found

    def _across_visits(self) -> Select[*tuple[Any, ...]]:
        return (
            select(
                PaperworkItemRow,
                DocumentTypeRow,
                VisitRow.code,
                PersonRow.given_name,
                PersonRow.family_name,
                PersonRow.family_name_native,
                PersonRow.given_name_native,
            )
            .join(DocumentTypeRow, PaperworkItemRow.document_type_id == DocumentTypeRow.id)
            .join(VisitRow, PaperworkItemRow.visit_id == VisitRow.id)
            .join(PersonRow, VisitRow.visitor_id == PersonRow.id)
            .where(PaperworkItemRow.applies.is_(True), VisitRow.status.not_in(_CLOSED))
            .order_by(PaperworkItemRow.due_date, VisitRow.code, PaperworkItemRow.title)
        )

    def _due_items(self, query: Select[*tuple[Any, ...]], today: date) -> list[DueItem]:
        with self.db.read() as session:
            return [
                DueItem(
                    item_id=row.id,
                    visit_id=row.visit_id,
                    visit_code=code,
                    visitor_name=f"{given} {family}".strip(),
                    code=doc.code,
                    title=row.title,
                    status=row.status,
                    responsible=row.responsible,
                    due_date=row.due_date or today,
                    blocking=row.blocking,
                    late_by_days=late_by_days(row.due_date, row.status, today),
                    title_ja=doc.title_ja,
                    visitor_name_native=f"{family_native} {given_native}".strip(),
                )
                for row, doc, code, given, family, family_native, given_native in session.execute(
                    query
                )
            ]

    def due(self, within_days: int = 14, today: date | None = None) -> list[DueItem]:
        """Outstanding items overdue or due within *within_days*, on visits still planned."""
        if within_days < 0:
            raise ValidationError.single(
                "within", QT_TRANSLATE_NOOP("Validation", "the number of days cannot be negative")
            )
        day = today or today_local()
        query = self._across_visits().where(
            PaperworkItemRow.status.in_(OUTSTANDING_STATUSES),
            PaperworkItemRow.due_date <= day + timedelta(days=within_days),
        )
        return self._due_items(query, day)

    def overdue(self, today: date | None = None) -> list[DueItem]:
        """Outstanding items past their due date (for the start-up reminder)."""
        day = today or today_local()
        return [d for d in self.due(0, day) if d.late_by_days > 0]

    def overview(self, today: date | None = None) -> list[DueItem]:
        """Every item that applies, on visits still planned or running (the paperwork view)."""
        day = today or today_local()
        return self._due_items(self._across_visits(), day)

    def visitor_checklist(self, visit_id: int, lang: str = "en") -> list[str]:
        """Titles of what the visitor is responsible for or must carry.

        *lang* is ``en``, ``ja`` or ``bilingual`` (``English / 日本語``); waived items and items
        that no longer apply are left out.
        """
        brings = {c for c, d in self.ruleset.documents.items() if d.visitor_brings}
        titles: list[str] = []
        for item in self.for_visit(visit_id):
            if not item.applies or item.status is PaperworkStatus.WAIVED:
                continue
            if item.responsible is not ResponsibleParty.VISITOR and item.code not in brings:
                continue
            ja = item.title_ja or item.title
            if lang == "ja":
                titles.append(ja)
            elif lang == "bilingual":
                titles.append(f"{item.title} / {ja}")
            else:
                titles.append(item.title)
        return titles

    # Edits -----------------------------------------------------------------------------
    def update(self, item: PaperworkItem, today: date | None = None) -> PaperworkItem:
        """Store the coordinator's edits (status, dates, reference, notes) of one item."""
        (updated,) = self.update_many([item], today)
        return updated

    def update_many(
        self, items: Sequence[PaperworkItem], today: date | None = None
    ) -> list[PaperworkItem]:
        """Store edits of several items in one transaction (the demo, bulk actions).

        Each item must carry the stored ``version`` (someone else's save or a regeneration
        since it was read raises :class:`ConflictError`, and nothing is written).
        """
        day = today or today_local()
        touched: list[int] = []
        with (
            self.db.write() as session,
            translate_stale(ENTITY, ", ".join(str(i.id) for i in items), None),
        ):
            for item in items:
                if item.id is None:
                    raise ValueError("cannot update a paperwork item that has no id")
                row = session.get(PaperworkItemRow, item.id)
                if row is None:
                    raise NotFoundError(
                        QT_TRANSLATE_NOOP("Validation", "there is no paperwork item with id {id}"),
                        params={"id": item.id},
                    )
                check_version(ENTITY, item.id, item.version, row.version)
                item = _fill_dates(item, day)
                validate_bounds(item)
                if (
                    item.approved_date
                    and item.submitted_date
                    and (item.approved_date < item.submitted_date)
                ):
                    raise ValidationError.single(
                        "approved_date",
                        QT_TRANSLATE_NOOP("Validation", "approval is dated before the submission"),
                    )
                diff = {
                    name: [_plain(getattr(row, name)), _plain(value)]
                    for name, value in _editable(item).items()
                    if getattr(row, name) != value
                }
                if not diff:
                    continue
                for name, value in _editable(item).items():
                    setattr(row, name, value)
                audit.record(session, ENTITY, row.id, AuditAction.UPDATE, diff)
                touched.append(row.id)
            session.flush()  # the versioned UPDATEs: a concurrent change surfaces here
        self._announce(touched)
        return [self.get(i.id or 0) for i in items]

    def set_status(
        self, item_id: int, status: PaperworkStatus, today: date | None = None
    ) -> PaperworkItem:
        """Move one item to *status* (approved/submitted fill their date with today)."""
        return self.update(dataclasses.replace(self.get(item_id), status=status), today)

    # Attachments -----------------------------------------------------------------------
    def data_folder(self) -> Path:
        """The folder beside the database (or the per-user data folder for a server)."""
        path = self.db.target.path
        return path.parent if path is not None else default_data_dir()

    def attachments(self, item_id: int) -> list[Attachment]:
        """Files attached to one item, oldest first."""
        with self.db.read() as session:
            rows = session.scalars(
                select(AttachmentRow)
                .where(AttachmentRow.paperwork_item_id == item_id)
                .order_by(AttachmentRow.added_utc, AttachmentRow.id)
            )
            return [_attachment(r) for r in rows]

    def attachment_file(self, attachment: Attachment) -> Path:
        """Where the attachment's copy lives on disk."""
        return self.data_folder() / attachment.stored_path

    def add_attachment(self, item_id: int, source: Path) -> Attachment:
        """Copy *source* into ``attachments/<visit code>/`` (0600, folder 0700) and record it."""
        if not source.is_file():
            raise ValidationError.single(
                "file",
                QT_TRANSLATE_NOOP("Validation", "{path} is not a readable file"),
                {"path": str(source)},
            )
        with self.db.read() as session:
            found = session.execute(
                select(VisitRow.code, VisitRow.id)
                .join(PaperworkItemRow, PaperworkItemRow.visit_id == VisitRow.id)
                .where(PaperworkItemRow.id == item_id)
            ).first()
        code = None if found is None else _attachment_folder(found[0], found[1])
        if code is None:
            raise NotFoundError(
                QT_TRANSLATE_NOOP("Validation", "there is no paperwork item with id {id}"),
                params={"id": item_id},
            )
        root = self.data_folder() / ATTACHMENTS_FOLDER
        ensure_private_dir(root)
        folder = root / code
        ensure_private_dir(folder)
        name = _UNSAFE.sub("_", source.name).strip(" .") or "attachment"
        target, digest, size = _private_copy(source, folder, f"{item_id}-{name}")
        try:
            with self.db.write() as session:
                row = AttachmentRow(
                    paperwork_item_id=item_id,
                    filename=source.name,
                    stored_path=target.relative_to(self.data_folder()).as_posix(),
                    sha256=digest,
                    size_bytes=size,
                    added_utc=datetime.now(UTC),
                )
                session.add(row)
                session.flush()
                audit.record(
                    session, ATTACHMENT_ENTITY, row.id, AuditAction.CREATE,
                    {"paperwork_item_id": item_id, "filename": source.name, "sha256": digest,
                     "size_bytes": size},
                )  # fmt: skip
                added = _attachment(row)
        except BaseException:
            # The row was not written: do not leave an orphan copy of personal data behind.
            target.unlink(missing_ok=True)
            raise
        self._announce([item_id])
        return added

    def remove_attachment(self, attachment_id: int) -> None:
        """Delete the attachment's row, then its file."""
        with self.db.write() as session:
            row = session.get(AttachmentRow, attachment_id)
            if row is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Validation", "there is no attachment with id {id}"),
                    params={"id": attachment_id},
                )
            gone = _attachment(row)
            session.delete(row)
            audit.record(
                session, ATTACHMENT_ENTITY, attachment_id, AuditAction.DELETE,
                {"paperwork_item_id": gone.paperwork_item_id, "filename": gone.filename,
                 "sha256": gone.sha256},
            )  # fmt: skip
        with contextlib.suppress(FileNotFoundError):
            self.attachment_file(gone).unlink()
        self._announce([gone.paperwork_item_id])

    def history(self, item_id: int) -> list[Any]:
        """Audit entries of one item, oldest first."""
        with self.db.read() as session:
            return audit.history(session, ENTITY, [item_id])

    def _announce(self, ids: Sequence[int]) -> None:
        for change in self.changed_items(ids):
            self.bus.publish(change)


def _fill_dates(item: PaperworkItem, today: date) -> PaperworkItem:
    """Submitted and approved items get today's date when none was entered."""
    if item.status is PaperworkStatus.SUBMITTED and item.submitted_date is None:
        return dataclasses.replace(item, submitted_date=today)
    if item.status is PaperworkStatus.APPROVED and item.approved_date is None:
        return dataclasses.replace(item, approved_date=today)
    return item


def _private_copy(source: Path, folder: Path, name: str) -> tuple[Path, str, int]:
    """Copy *source* to a new 0600 file in *folder*; returns its path, SHA-256 and size."""
    stem, suffix = os.path.splitext(name)  # noqa: PTH122 - on a plain file name
    for attempt in range(1, 1000):
        target = folder / (name if attempt == 1 else f"{stem}-{attempt}{suffix}")
        try:
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
        except FileExistsError:
            continue
        break
    else:
        raise ValidationError.single(
            "file",
            QT_TRANSLATE_NOOP("Validation", "too many attachments named {name}"),
            {"name": name},
        )
    digest = hashlib.sha256()
    size = 0
    try:
        with os.fdopen(fd, "wb") as out, source.open("rb") as src:
            while chunk := src.read(1 << 20):
                digest.update(chunk)
                out.write(chunk)
                size += len(chunk)
            out.flush()
            os.fsync(out.fileno())
        target.chmod(PRIVATE_FILE_MODE)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    return target, digest.hexdigest(), size


def _has_active_agreement(session: Session, partners: set[int], first: date, last: date) -> bool:
    found = session.scalar(
        select(AgreementRow.id)
        .where(
            AgreementRow.kind.in_(DATA_AGREEMENT_KINDS),
            AgreementRow.partner_institution_id.in_(partners),
            AgreementRow.signed_date.is_not(None),
            (AgreementRow.start_date.is_(None)) | (AgreementRow.start_date <= first),
            (AgreementRow.end_date.is_(None)) | (AgreementRow.end_date >= last),
        )
        .limit(1)
    )
    return found is not None
