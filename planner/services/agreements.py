"""The register of agreements (memoranda, data sharing, material transfer, NDAs) and of the
data sets and materials moving under them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from planner.db.engine import Database
from planner.db.models import (
    AgreementRow,
    InstitutionRow,
    MaterialTransferRow,
    ProgramRow,
    VisitRow,
)
from planner.domain.enums import (
    AgreementKind,
    RecordKind,
    TransferKind,
    TransferStatus,
)
from planner.domain.errors import FieldProblem, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.paperwork import Agreement, MaterialTransfer
from planner.domain.validation import validate_bounds
from planner.services.changes import Change, ChangeBus
from planner.services.directory import require
from planner.services.paperwork import PaperworkService
from planner.services.records import RecordService


@dataclass(frozen=True)
class AgreementSummary:
    """An agreement as the register lists it, partner named."""

    id: int
    kind: AgreementKind
    title: str
    partner: str
    reference: str
    signed_date: date | None
    start_date: date | None
    end_date: date | None


@dataclass(frozen=True)
class TransferSummary:
    """A transfer as the register lists it: agreement, institutions and visit named."""

    id: int
    kind: TransferKind
    title: str
    agreement: str
    from_institution: str
    to_institution: str
    visit_code: str
    export_control_classification: str
    status: TransferStatus
    transfer_date: date | None


def _dates_in_order(problems: list[FieldProblem], first: date | None, last: date | None) -> None:
    if first and last and last < first:
        problems.append(
            FieldProblem(
                "end_date",
                QT_TRANSLATE_NOOP("Validation", "ends {end} before it starts {start}"),
                {"end": str(last), "start": str(first)},
            )
        )


class AgreementService(RecordService[Agreement, AgreementRow]):
    """Agreements; a change regenerates the checklists of data-exchange visits it may cover."""

    entity_name = RecordKind.AGREEMENT
    row_type = AgreementRow
    entity_type = Agreement

    def __init__(self, db: Database, bus: ChangeBus, paperwork: PaperworkService) -> None:
        super().__init__(db, bus)
        self.paperwork = paperwork

    def validate(self, entity: Agreement) -> None:
        """A title, and an end not before the start."""
        problems: list[FieldProblem] = []
        if not entity.title.strip():
            problems.append(
                FieldProblem("title", QT_TRANSLATE_NOOP("Validation", "Title is required"))
            )
        _dates_in_order(problems, entity.start_date, entity.end_date)
        if problems:
            raise ValidationError(problems)
        validate_bounds(entity)

    def check_references(self, session: Session, entity: Agreement) -> None:
        """Programme and partner must exist."""
        require(session, ProgramRow, entity.program_id, "program_id", "programme")
        require(
            session, InstitutionRow, entity.partner_institution_id, "partner_institution_id",
            "institution",
        )  # fmt: skip

    def after_write(
        self, session: Session, before: Agreement | None, after: Agreement
    ) -> tuple[Change, ...]:
        """Data-exchange visits gain or lose their "agreement needed" item."""
        return self.paperwork.after_agreement_change(session)

    def after_delete(self, session: Session, gone: Agreement) -> tuple[Change, ...]:
        """Data-exchange visits it covered need their agreement again (deleting is refused
        while transfers refer to it)."""
        return self.paperwork.after_agreement_change(session)

    def summaries(self) -> list[AgreementSummary]:
        """Every agreement, newest start first, with its partner's name."""
        partner = aliased(InstitutionRow)
        query = (
            select(AgreementRow, partner.short_name, partner.name)
            .outerjoin(partner, AgreementRow.partner_institution_id == partner.id)
            .order_by(AgreementRow.start_date.desc(), AgreementRow.title)
        )
        with self.db.read() as session:
            return [
                AgreementSummary(
                    row.id,
                    row.kind,
                    row.title,
                    short or name or "",
                    row.reference,
                    row.signed_date,
                    row.start_date,
                    row.end_date,
                )
                for row, short, name in session.execute(query)
            ]


class MaterialTransferService(RecordService[MaterialTransfer, MaterialTransferRow]):
    """Data sets and materials moving under an agreement, optionally tied to a visit."""

    entity_name = RecordKind.MATERIAL_TRANSFER
    row_type = MaterialTransferRow
    entity_type = MaterialTransfer

    def validate(self, entity: MaterialTransfer) -> None:
        """A title, and two different institutions."""
        problems: list[FieldProblem] = []
        if not entity.title.strip():
            problems.append(
                FieldProblem("title", QT_TRANSLATE_NOOP("Validation", "Title is required"))
            )
        if entity.from_institution_id == entity.to_institution_id:
            problems.append(
                FieldProblem(
                    "to_institution_id",
                    QT_TRANSLATE_NOOP("Validation", "a transfer goes between two institutions"),
                )
            )
        if problems:
            raise ValidationError(problems)
        validate_bounds(entity)

    def check_references(self, session: Session, entity: MaterialTransfer) -> None:
        """Agreement, institutions and visit must exist."""
        require(session, AgreementRow, entity.agreement_id, "agreement_id", "agreement")
        for name in ("from_institution_id", "to_institution_id"):
            require(session, InstitutionRow, getattr(entity, name), name, "institution")
        require(session, VisitRow, entity.visit_id, "visit_id", "visit")

    def summaries(self, visit_id: int | None = None) -> list[TransferSummary]:
        """Transfers (of one visit if given), by date, with names resolved."""
        src, dst = aliased(InstitutionRow), aliased(InstitutionRow)
        query = (
            select(
                MaterialTransferRow,
                AgreementRow.title,
                src.short_name,
                src.name,
                dst.short_name,
                dst.name,
                VisitRow.code,
            )
            .join(AgreementRow, MaterialTransferRow.agreement_id == AgreementRow.id)
            .join(src, MaterialTransferRow.from_institution_id == src.id)
            .join(dst, MaterialTransferRow.to_institution_id == dst.id)
            .outerjoin(VisitRow, MaterialTransferRow.visit_id == VisitRow.id)
            .order_by(MaterialTransferRow.transfer_date, MaterialTransferRow.title)
        )
        if visit_id is not None:
            query = query.where(MaterialTransferRow.visit_id == visit_id)
        with self.db.read() as session:
            return [
                TransferSummary(
                    row.id,
                    row.kind,
                    row.title,
                    agreement,
                    s_short or s_name,
                    d_short or d_name,
                    code or "",
                    row.export_control_classification,
                    row.status,
                    row.transfer_date,
                )
                for row, agreement, s_short, s_name, d_short, d_name, code in session.execute(query)
            ]


__all__ = [
    "AgreementService",
    "AgreementSummary",
    "MaterialTransferService",
    "TransferSummary",
]
