"""Read-only queries behind the activity report and the visits spreadsheet export.

Activity report (memorandum reporting), for one fiscal year of one partner
(:mod:`planner.domain.fiscal`):

- **Counted visits**: status approved, confirmed, in progress or completed — visits that are
  agreed to happen or happened. Drafts and proposals (not yet agreed) and cancelled visits are
  left out.
- A visit counts in the year if any day of its stay falls inside it; its **person-days** are
  the calendar days of the stay inside the year, arrival and departure days included.
- **Direction** is the pair *home institution → host institution* (short names), the way the
  memorandum's partners are named; institutions of the same country stay distinct (RIKEN Wako
  and RIKEN R-CCS are different partners).
- **Events held**: events whose local start date (in the event's own zone) lies in the year,
  with their number of participants (every role).

Nothing here writes. Results are plain frozen dataclasses.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import and_, func, select
from sqlalchemy.orm import aliased

from planner.db.engine import Database
from planner.db.models import (
    EventRow,
    InstitutionRow,
    ParticipantRow,
    PersonRow,
    ProjectRow,
    VisitRow,
)
from planner.db.server import require_sensitive
from planner.domain.entities import Person
from planner.domain.enums import AuditAction, PersonCategory, Purpose, VisitStatus
from planner.domain.fiscal import FiscalSystem, FiscalYear, fiscal_year
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services import audit

#: Statuses whose visits an activity report counts.
REPORTED_STATUSES: tuple[VisitStatus, ...] = (
    VisitStatus.APPROVED,
    VisitStatus.CONFIRMED,
    VisitStatus.IN_PROGRESS,
    VisitStatus.COMPLETED,
)

#: Label of visits without a project in the by-project breakdown.
NO_PROJECT = QT_TRANSLATE_NOOP("Validation", "(no project)")


@dataclass(frozen=True)
class BreakdownRow:
    """One line of a breakdown: a key (e.g. ``ANL → RIKEN Wako``), visits and person-days.

    ``key_ja`` is the key in Japanese where the records have Japanese names (institutions,
    projects), else empty.
    """

    key: str
    visits: int
    person_days: int
    key_ja: str = ""


@dataclass(frozen=True)
class Breakdown:
    """A named breakdown (``direction``, ``category``, ``project``, ``purpose``).

    ``title`` is English, marked in the "Validation" context (the interface shows it with
    ``message_text``).
    """

    name: str
    title: str
    rows: tuple[BreakdownRow, ...]

    @property
    def total_visits(self) -> int:
        """Sum of the visits of all rows."""
        return sum(r.visits for r in self.rows)

    @property
    def total_person_days(self) -> int:
        """Sum of the person-days of all rows."""
        return sum(r.person_days for r in self.rows)


@dataclass(frozen=True)
class EventAttendance:
    """One event held in the year and how many took part."""

    event_id: int
    date: date
    kind: str
    title: str
    title_ja: str
    institution: str
    participants: int


@dataclass(frozen=True)
class ActivityReport:
    """Everything an activity report shows for one fiscal year."""

    fiscal_year: FiscalYear
    visits: int
    person_days: int
    breakdowns: tuple[Breakdown, ...]
    events: tuple[EventAttendance, ...]

    def breakdown(self, name: str) -> Breakdown:
        """The breakdown called *name*; KeyError if there is none."""
        for b in self.breakdowns:
            if b.name == name:
                return b
        raise KeyError(name)


@dataclass(frozen=True)
class VisitExportRow:
    """A visit as the visits spreadsheet export writes it.

    The sensitive fields are filled only when the caller asked for them.
    """

    code: str
    visitor_name: str
    visitor_name_native: str
    home_institution: str
    host_institution: str
    arrival_date: date
    departure_date: date
    status: VisitStatus
    purpose: Purpose
    project: str
    paid: bool
    date_of_birth: date | None = None
    passport_number: str = ""
    passport_expiry: date | None = None


#: English and Japanese labels of the categories and purposes, in report order.
CATEGORY_LABELS: dict[PersonCategory, tuple[str, str]] = {
    PersonCategory.RESEARCHER: ("Researcher", "研究者"),
    PersonCategory.STAFF: ("Staff", "職員"),
    PersonCategory.STUDENT: ("Student", "学生"),
}
PURPOSE_LABELS: dict[Purpose, tuple[str, str]] = {
    Purpose.RESEARCH_COLLABORATION: ("Research collaboration", "共同研究"),
    Purpose.LECTURE: ("Lecture", "講義"),
    Purpose.SEMINAR: ("Seminar", "セミナー"),
    Purpose.SYMPOSIUM: ("Symposium", "シンポジウム"),
    Purpose.TRAINING: ("Training", "研修"),
    Purpose.DATA_EXCHANGE: ("Data exchange", "データ交換"),
    Purpose.OTHER: ("Other", "その他"),
}
_CATEGORY_ORDER = [en for en, _ja in CATEGORY_LABELS.values()]
_PURPOSE_ORDER = [en for en, _ja in PURPOSE_LABELS.values()]
_FIXED_JA = {en: ja for en, ja in (*CATEGORY_LABELS.values(), *PURPOSE_LABELS.values())}


def _inst_name(row: Any) -> Any:
    return func.coalesce(func.nullif(row.short_name, ""), row.name)


def _rows(
    counts: dict[str, list[int]],
    order: Iterable[str] | None = None,
    ja: dict[str, str] | None = None,
) -> tuple[BreakdownRow, ...]:
    if order is not None:
        keys = [k for k in order if k in counts]
    else:  # most visits first, then by name
        keys = sorted(counts, key=lambda k: (-counts[k][0], -counts[k][1], k))
    names = ja or {}
    return tuple(BreakdownRow(k, counts[k][0], counts[k][1], names.get(k, "")) for k in keys)


class ReportService:
    """Activity reports by fiscal year, and the visits spreadsheet rows."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def activity(self, system: FiscalSystem, year: int) -> ActivityReport:
        """The activity report of fiscal year *year* of *system*."""
        fy = fiscal_year(system, year)
        visitor = aliased(PersonRow)
        home = aliased(InstitutionRow)
        host = aliased(InstitutionRow)
        query = (
            select(
                VisitRow.arrival_date,
                VisitRow.departure_date,
                visitor.category,
                _inst_name(home),
                _inst_name(host),
                ProjectRow.name,
                VisitRow.purpose,
                home.name_ja,
                host.name_ja,
                ProjectRow.name_ja,
            )
            .join(visitor, VisitRow.visitor_id == visitor.id)
            .join(home, visitor.home_institution_id == home.id)
            .join(host, VisitRow.host_institution_id == host.id)
            .outerjoin(ProjectRow, VisitRow.project_id == ProjectRow.id)
            .where(
                and_(
                    VisitRow.status.in_(REPORTED_STATUSES),
                    VisitRow.arrival_date <= fy.end,
                    VisitRow.departure_date >= fy.start,
                )
            )
        )
        tables: dict[str, dict[str, list[int]]] = {
            name: defaultdict(lambda: [0, 0])
            for name in ("direction", "category", "project", "purpose")
        }
        ja: dict[str, dict[str, str]] = {"direction": {}, "project": {}}
        total_visits = total_days = 0
        with self.db.read() as session:
            for row in session.execute(query):
                (arrival, departure, category, home_name, host_name, project, purpose,
                 home_ja, host_ja, project_ja) = row  # fmt: skip
                days = fy.days_of_stay(arrival, departure)
                if days <= 0:
                    continue
                total_visits += 1
                total_days += days
                keys = {
                    "direction": f"{home_name} → {host_name}",
                    "category": CATEGORY_LABELS[PersonCategory(category)][0],
                    "project": str(project) if project else NO_PROJECT,
                    "purpose": PURPOSE_LABELS[Purpose(purpose)][0],
                }
                if home_ja or host_ja:
                    ja["direction"][keys["direction"]] = (
                        f"{home_ja or home_name} → {host_ja or host_name}"
                    )
                if project_ja:
                    ja["project"][keys["project"]] = str(project_ja)
                for name, key in keys.items():
                    tables[name][key][0] += 1
                    tables[name][key][1] += days
            events = self._events(session, fy)
        breakdowns = (
            Breakdown("direction",
                      QT_TRANSLATE_NOOP("Validation", "By direction (home → host institution)"),
                      _rows(tables["direction"], ja=ja["direction"])),
            Breakdown("category", QT_TRANSLATE_NOOP("Validation", "By category"),
                      _rows(tables["category"], _CATEGORY_ORDER, _FIXED_JA)),
            Breakdown("project", QT_TRANSLATE_NOOP("Validation", "By project"),
                      _rows(tables["project"], ja=ja["project"])),
            Breakdown("purpose", QT_TRANSLATE_NOOP("Validation", "By purpose"),
                      _rows(tables["purpose"], _PURPOSE_ORDER, _FIXED_JA)),
        )  # fmt: skip
        return ActivityReport(fy, total_visits, total_days, breakdowns, events)

    def _events(self, session: Any, fy: FiscalYear) -> tuple[EventAttendance, ...]:
        # Widen by a day each side in UTC, then decide on the event's own local date.
        lo = datetime.combine(fy.start - timedelta(days=1), time(), tzinfo=UTC)
        hi = datetime.combine(fy.end + timedelta(days=2), time(), tzinfo=UTC)
        count = (
            select(func.count(ParticipantRow.person_id))
            .where(ParticipantRow.event_id == EventRow.id)
            .correlate(EventRow)
            .scalar_subquery()
        )
        query = (
            select(
                EventRow.id,
                EventRow.start_utc,
                EventRow.start_zone,
                EventRow.kind,
                EventRow.title,
                EventRow.title_ja,
                _inst_name(InstitutionRow),
                count,
            )
            .join(InstitutionRow, EventRow.institution_id == InstitutionRow.id)
            .where(EventRow.start_utc >= lo, EventRow.start_utc < hi)
            .order_by(EventRow.start_utc, EventRow.id)
        )
        out = []
        for eid, start, zone, kind, title, title_ja, inst, participants in session.execute(query):
            local = start.astimezone(ZoneInfo(zone)).date()
            if fy.contains(local):
                out.append(
                    EventAttendance(
                        int(eid), local, str(getattr(kind, "value", kind)), str(title),
                        str(title_ja or ""), str(inst), int(participants or 0),
                    )
                )  # fmt: skip
        return tuple(out)

    def visit_rows(self, *, include_sensitive: bool = False) -> list[VisitExportRow]:
        """Every visit (all statuses) by arrival date then code, for the spreadsheet export.

        Dates of birth, passport numbers and expiry dates are read only when
        *include_sensitive* is true, and then each visitor gets an EXPORT audit entry naming
        the fields (written before the rows are returned).
        """
        visitor = aliased(PersonRow)
        home = aliased(InstitutionRow)
        host = aliased(InstitutionRow)
        columns: list[Any] = [
            VisitRow.code,
            visitor.given_name,
            visitor.family_name,
            visitor.family_name_native,
            visitor.given_name_native,
            home.name,
            host.name,
            VisitRow.arrival_date,
            VisitRow.departure_date,
            VisitRow.status,
            VisitRow.purpose,
            func.coalesce(ProjectRow.name, ""),
            VisitRow.paid,
        ]
        if include_sensitive:
            columns += [
                visitor.date_of_birth,
                visitor.passport_number,
                visitor.passport_expiry,
                visitor.id,
            ]
        query = (
            select(*columns)
            .join(visitor, VisitRow.visitor_id == visitor.id)
            .join(home, visitor.home_institution_id == home.id)
            .join(host, VisitRow.host_institution_id == host.id)
            .outerjoin(ProjectRow, VisitRow.project_id == ProjectRow.id)
            .order_by(VisitRow.arrival_date, VisitRow.code)
        )
        out: list[VisitExportRow] = []
        disclosed: list[int] = []
        with self.db.read() as session:
            if include_sensitive:
                require_sensitive(session)
            for row in session.execute(query):
                (code, given, family, family_n, given_n, home_name, host_name, arrival,
                 departure, status, purpose, project, paid) = row[:13]  # fmt: skip
                extra: dict[str, Any] = {}
                if include_sensitive:
                    dob, passport, expiry, visitor_id = row[13:17]
                    disclosed.append(int(visitor_id))
                    extra = {
                        "date_of_birth": dob,
                        "passport_number": str(passport or ""),
                        "passport_expiry": expiry,
                    }
                out.append(
                    VisitExportRow(
                        code=str(code),
                        visitor_name=f"{given or ''} {family or ''}".strip(),
                        visitor_name_native=f"{family_n or ''} {given_n or ''}".strip(),
                        home_institution=str(home_name),
                        host_institution=str(host_name),
                        arrival_date=arrival,
                        departure_date=departure,
                        status=VisitStatus(status),
                        purpose=Purpose(purpose),
                        project=str(project),
                        paid=bool(paid),
                        **extra,
                    )
                )
        if include_sensitive and disclosed:
            # Before the values leave this service: no entry, no rows (fail closed).
            with self.db.write() as session:
                audit.record_disclosure(
                    session,
                    AuditAction.EXPORT,
                    disclosed,
                    sorted(Person.SENSITIVE_FIELDS),
                    {"export": "visits_table"},
                )
        return out
