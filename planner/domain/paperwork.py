"""Paperwork items, their deadlines and the warnings a visit's dates raise. Pure functions of
the dates given (``today`` is always a parameter, so the results are testable)."""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from planner.domain.enums import (
    AgreementKind,
    PaperworkStatus,
    ResponsibleParty,
    TransferKind,
    TransferStatus,
)
from planner.domain.errors import TransitionError
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message

#: Statuses that clear an item for admission.
SETTLED_STATUSES: frozenset[PaperworkStatus] = frozenset(
    {PaperworkStatus.APPROVED, PaperworkStatus.WAIVED}
)
#: Statuses in which the item still waits for someone to act, so its due date matters.
# Submitted is not outstanding: the due date is when the paper must be handed in.
OUTSTANDING_STATUSES: frozenset[PaperworkStatus] = frozenset(
    {
        PaperworkStatus.NOT_STARTED,
        PaperworkStatus.IN_PROGRESS,
        PaperworkStatus.REJECTED,
        PaperworkStatus.EXPIRED,
    }
)


@dataclass(frozen=True)
class PaperworkItem:
    """One document of one visit's checklist."""

    visit_id: int
    document_type_id: int
    code: str
    title: str
    status: PaperworkStatus
    responsible: ResponsibleParty
    lead_days: int
    due_date: date | None
    blocking: bool
    applies: bool = True
    title_ja: str = ""
    explanation: str = ""
    submitted_date: date | None = None
    approved_date: date | None = None
    expiry_date: date | None = None
    reference_number: str = ""
    notes: str = ""
    attachments: int = 0
    #: Optimistic locking: the stored version this copy was read at (0 before it is stored).
    version: int = 0
    id: int | None = None

    @property
    def settled(self) -> bool:
        """Approved or waived: no longer holds up admission."""
        return self.status in SETTLED_STATUSES

    @property
    def holds_admission(self) -> bool:
        """A blocking item that applies and is neither approved nor waived."""
        return self.applies and self.blocking and not self.settled


@dataclass(frozen=True)
class Attachment:
    """A file kept with a paperwork item (copied into the data folder)."""

    paperwork_item_id: int
    filename: str
    stored_path: str
    sha256: str
    size_bytes: int
    added_utc: datetime
    id: int | None = None


@dataclass(frozen=True)
class DueItem:
    """An outstanding item across visits, as the reminders and ``paperwork due`` show it."""

    item_id: int
    visit_id: int
    visit_code: str
    visitor_name: str
    code: str
    title: str
    status: PaperworkStatus
    responsible: ResponsibleParty
    due_date: date
    blocking: bool
    late_by_days: int
    #: The title in Japanese and the visitor's native-script name, when recorded.
    title_ja: str = ""
    visitor_name_native: str = ""


@dataclass(frozen=True)
class PaperworkWarning:
    """Something about a visit's dates the coordinator must look at."""

    kind: str  # "late", "passport", "passport_missing", "expiry"
    message: str
    item_code: str = ""


@dataclass(frozen=True)
class Agreement:
    """A memorandum, data-sharing, material-transfer agreement or NDA with a partner."""

    kind: AgreementKind
    title: str
    title_ja: str = ""
    program_id: int | None = None
    partner_institution_id: int | None = None
    reference: str = ""
    signed_date: date | None = None
    start_date: date | None = None
    end_date: date | None = None
    notes: str = ""
    #: Optimistic locking: the stored version this copy was read at (0 before it is stored).
    version: int = 0
    id: int | None = None

    def covers(self, first: date, last: date) -> bool:
        """Signed and in force for every day from *first* to *last*."""
        return (
            self.signed_date is not None
            and (self.start_date is None or self.start_date <= first)
            and (self.end_date is None or self.end_date >= last)
        )


@dataclass(frozen=True)
class MaterialTransfer:
    """A data set or material moving between institutions under an agreement."""

    agreement_id: int
    kind: TransferKind
    title: str
    from_institution_id: int
    to_institution_id: int
    status: TransferStatus = TransferStatus.PLANNED
    visit_id: int | None = None
    description: str = ""
    export_control_classification: str = ""
    transfer_date: date | None = None
    notes: str = ""
    #: Optimistic locking: the stored version this copy was read at (0 before it is stored).
    version: int = 0
    id: int | None = None


#: Agreement kinds that cover a data-exchange visit.
DATA_AGREEMENT_KINDS: frozenset[AgreementKind] = frozenset(
    {AgreementKind.DATA_SHARING, AgreementKind.MATERIAL_TRANSFER}
)


class AdmissionBlockedError(TransitionError):
    """A visit cannot be confirmed or started while blocking paperwork is not cleared."""

    def __init__(self, visit_code: str, target: str, blocking: Sequence[str]) -> None:
        self.visit_code = visit_code
        self.blocking = tuple(blocking)
        # *target* is a status value ("confirmed"), translated on display in "Validation"
        # (planner.domain.status.STATUS_WORDS marks them).
        super().__init__(
            QT_TRANSLATE_NOOP(
                "Validation",
                "visit {code} cannot become {target}: blocking paperwork not approved or "
                "waived: {items}. Approve or waive these items, or override with a written "
                "reason.",
            ),
            params={"code": visit_code, "target": target, "items": "; ".join(self.blocking)},
        )


def due_date(arrival: date, lead_days: int) -> date:
    """The date a document is due: *lead_days* before arrival."""
    return arrival - timedelta(days=lead_days)


def late_by_days(due: date | None, status: PaperworkStatus, today: date) -> int:
    """Days an outstanding item is past its due date on *today*; 0 if on time or done."""
    if due is None or status not in OUTSTANDING_STATUSES:
        return 0
    return max(0, (today - due).days)


def is_due_soon(due: date | None, status: PaperworkStatus, today: date, within: int) -> bool:
    """Outstanding and due from *today* to *within* days later (not yet late)."""
    if due is None or status not in OUTSTANDING_STATUSES:
        return False
    return today <= due <= today + timedelta(days=within)


def holding_admission(items: Iterable[PaperworkItem]) -> list[PaperworkItem]:
    """The items that stop a visit from being confirmed or started."""
    return [item for item in items if item.holds_admission]


def add_months(day: date, months: int) -> date:
    """*day* moved by *months*, clamped to the month's last day (31 Aug + 6 → 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def visit_warnings(
    *,
    arrival: date,
    departure: date,
    items: Iterable[PaperworkItem],
    today: date,
    passport_expiry: date | None,
    passport_margin_months: int = 6,
    international: bool = True,
) -> list[PaperworkWarning]:
    """Warnings for one visit: late items, a passport too short-lived, documents expiring.

    *international* is False when the visitor stays in their own country (no passport check).
    """
    warnings: list[PaperworkWarning] = []
    current = [i for i in items if i.applies]
    for item in current:
        late = late_by_days(item.due_date, item.status, today)
        if late:
            template = (
                QT_TRANSLATE_NOOP("Validation", "{title}: due {due}, late by {days} day")
                if late == 1
                else QT_TRANSLATE_NOOP("Validation", "{title}: due {due}, late by {days} days")
            )
            warnings.append(
                PaperworkWarning(
                    "late",
                    Message(
                        template, {"title": item.title, "due": str(item.due_date), "days": late}
                    ),
                    item.code,
                )
            )
    if international:
        needed = add_months(departure, passport_margin_months)
        if passport_expiry is None:
            warnings.append(
                PaperworkWarning(
                    "passport_missing",
                    Message(QT_TRANSLATE_NOOP("Validation", "no passport expiry date is recorded")),
                )
            )
        elif passport_expiry < needed:
            warnings.append(
                PaperworkWarning(
                    "passport",
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Validation",
                            "passport expires {expiry}, before {needed} (departure {departure} "
                            "plus {months} months)",
                        ),
                        {
                            "expiry": str(passport_expiry),
                            "needed": str(needed),
                            "departure": str(departure),
                            "months": passport_margin_months,
                        },
                    ),
                )
            )
    for item in current:
        if item.expiry_date is None or item.status is PaperworkStatus.WAIVED:
            continue
        if item.expiry_date < arrival:
            warnings.append(
                PaperworkWarning(
                    "expiry",
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Validation", "{title}: expires {expiry}, before arrival {arrival}"
                        ),
                        {
                            "title": item.title,
                            "expiry": str(item.expiry_date),
                            "arrival": str(arrival),
                        },
                    ),
                    item.code,
                )
            )
        elif item.expiry_date < departure:
            warnings.append(
                PaperworkWarning(
                    "expiry",
                    Message(
                        QT_TRANSLATE_NOOP(
                            "Validation", "{title}: expires {expiry}, before departure {departure}"
                        ),
                        {
                            "title": item.title,
                            "expiry": str(item.expiry_date),
                            "departure": str(departure),
                        },
                    ),
                    item.code,
                )
            )
    return warnings
