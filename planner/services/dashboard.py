"""Read-only queries behind the coordinator's dashboard and timeline.

Every query takes ``today`` as a parameter (default: the local date), so what "next 14 days"
means is testable. Results are plain frozen dataclasses; nothing here writes.

Definitions (the dashboard's captions say the same):

- *arrivals*: visits arriving from today through ``today + days`` (both ends included), not
  cancelled;
- *departures*: visits leaving from today through ``today + days`` (both ends included), not
  cancelled;
- *in progress*: visits with status *in progress* whose dates cover today;
- *needs a status update*: visits whose dates say they should have moved on — arrival date
  passed but still draft/proposed/approved/confirmed ("should be in progress"), or departure
  date passed but still in progress ("should be completed"). A confirmed visit whose arrival
  day is today is an arrival, not late.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, Protocol

from sqlalchemy import Select, and_, func, or_, select
from sqlalchemy.orm import aliased

from planner.db.engine import Database
from planner.db.models import InstitutionRow, PersonRow, VisitRow
from planner.domain.enums import VisitStatus

#: How far ahead the dashboard looks, in days.
DEFAULT_HORIZON_DAYS = 14

#: Statuses that come before *in progress* (a visit in one of them has not started).
NOT_STARTED_STATUSES: frozenset[VisitStatus] = frozenset(
    {VisitStatus.DRAFT, VisitStatus.PROPOSED, VisitStatus.APPROVED, VisitStatus.CONFIRMED}
)


def local_today() -> date:
    """Today's date on this computer."""
    return datetime.now(UTC).astimezone().date()


@dataclass(frozen=True)
class DashboardVisit:
    """One visit as a dashboard entry shows it.

    ``day`` is the date the entry is about (arrival, departure, ...), ``days_until`` how many
    days from today to ``day`` (negative: in the past), and ``note`` an optional short remark
    ("should be in progress").
    """

    visit_id: int
    code: str
    visitor_name: str
    visitor_name_native: str
    home_institution: str
    host_institution: str
    host_person: str
    arrival_date: date
    departure_date: date
    status: VisitStatus
    day: date
    days_until: int
    note: str = ""


@dataclass(frozen=True)
class PaperworkDue:
    """One paperwork item overdue or due soon, as the dashboard's paperwork panel shows it."""

    visit_id: int
    code: str
    visitor_name: str
    visitor_name_native: str
    host_institution: str
    title: str
    due_date: date
    days_until: int
    status: str
    blocking: bool = False
    title_ja: str = ""


class DueLike(Protocol):
    """What the dashboard needs of a paperwork service's due item."""

    @property
    def visit_id(self) -> int:
        """The visit the item belongs to."""
        ...

    @property
    def title(self) -> str:
        """The document's title."""
        ...

    @property
    def title_ja(self) -> str:
        """The document's title in Japanese ("" when none is recorded)."""
        ...

    @property
    def status(self) -> str:
        """The item's status value (``not_started`` …)."""
        ...

    @property
    def due_date(self) -> date:
        """When the item is due."""
        ...

    @property
    def blocking(self) -> bool:
        """Whether the item holds up admission."""
        ...


@dataclass(frozen=True)
class StatusCount:
    """How many visits have one status."""

    status: VisitStatus
    count: int


@dataclass(frozen=True)
class DashboardSnapshot:
    """Everything the dashboard shows, read at one moment."""

    today: date
    horizon_days: int
    arrivals: tuple[DashboardVisit, ...]
    departures: tuple[DashboardVisit, ...]
    in_progress: tuple[DashboardVisit, ...]
    needs_update: tuple[DashboardVisit, ...]
    status_counts: tuple[StatusCount, ...]


@functools.cache
def _entry_query() -> Select[*tuple[Any, ...]]:
    # Built once: aliasing the ORM entities costs more than running the small queries.
    # (Select objects are immutable; .where() returns a new one.)
    visitor = aliased(PersonRow)
    host_person = aliased(PersonRow)
    home = aliased(InstitutionRow)
    host = aliased(InstitutionRow)
    return (
        select(
            VisitRow.id,
            VisitRow.code,
            visitor.given_name,
            visitor.family_name,
            visitor.family_name_native,
            visitor.given_name_native,
            func.coalesce(func.nullif(home.short_name, ""), home.name),
            func.coalesce(func.nullif(host.short_name, ""), host.name),
            host_person.given_name,
            host_person.family_name,
            VisitRow.arrival_date,
            VisitRow.departure_date,
            VisitRow.status,
        )
        .join(visitor, VisitRow.visitor_id == visitor.id)
        .join(home, visitor.home_institution_id == home.id)
        .join(host, VisitRow.host_institution_id == host.id)
        .outerjoin(host_person, VisitRow.host_person_id == host_person.id)
    )


def _join_name(first: object, second: object) -> str:
    return f"{first or ''} {second or ''}".strip()


def _entry(
    row: Sequence[Any], today: date, pick: Callable[[date, date], date], note: str = ""
) -> DashboardVisit:
    (vid, code, given, family, family_n, given_n, home, host, host_given, host_family, arrival,
     departure, status) = row  # fmt: skip
    day = pick(arrival, departure)
    return DashboardVisit(
        visit_id=int(vid),
        code=str(code),
        visitor_name=_join_name(given, family),
        visitor_name_native=_join_name(family_n, given_n),
        home_institution=str(home),
        host_institution=str(host),
        host_person=_join_name(host_given, host_family),
        arrival_date=arrival,
        departure_date=departure,
        status=VisitStatus(status),
        day=day,
        days_until=(day - today).days,
        note=note,
    )


def _arrival(arrival: date, _departure: date) -> date:
    return arrival


def _departure(_arrival: date, departure: date) -> date:
    return departure


class DashboardService:
    """Read-only views of the visits for the dashboard and the timeline."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def _entries(
        self,
        query: Select[*tuple[Any, ...]],
        today: date,
        pick: Callable[[date, date], date],
        note: Callable[[VisitStatus], str] | None = None,
    ) -> tuple[DashboardVisit, ...]:
        with self.db.read() as session:
            rows = session.connection().execute(query).all()
        return tuple(
            _entry(tuple(r), today, pick, note(VisitStatus(r[12])) if note else "") for r in rows
        )

    def arrivals(
        self, today: date | None = None, days: int = DEFAULT_HORIZON_DAYS
    ) -> tuple[DashboardVisit, ...]:
        """Visits arriving from *today* through *today + days* (inclusive), not cancelled."""
        day = today or local_today()
        query = (
            _entry_query()
            .where(
                VisitRow.arrival_date >= day,
                VisitRow.arrival_date <= day + timedelta(days=days),
                VisitRow.status != VisitStatus.CANCELLED,
            )
            .order_by(VisitRow.arrival_date, VisitRow.code)
        )
        return self._entries(query, day, _arrival)

    def departures(
        self, today: date | None = None, days: int = DEFAULT_HORIZON_DAYS
    ) -> tuple[DashboardVisit, ...]:
        """Visits leaving from *today* through *today + days* (inclusive), not cancelled."""
        day = today or local_today()
        query = (
            _entry_query()
            .where(
                VisitRow.departure_date >= day,
                VisitRow.departure_date <= day + timedelta(days=days),
                VisitRow.status != VisitStatus.CANCELLED,
            )
            .order_by(VisitRow.departure_date, VisitRow.code)
        )
        return self._entries(query, day, _departure)

    def in_progress(self, today: date | None = None) -> tuple[DashboardVisit, ...]:
        """Visits in progress whose dates cover *today*; the entry's day is the departure."""
        day = today or local_today()
        query = (
            _entry_query()
            .where(
                VisitRow.status == VisitStatus.IN_PROGRESS,
                VisitRow.arrival_date <= day,
                VisitRow.departure_date >= day,
            )
            .order_by(VisitRow.departure_date, VisitRow.code)
        )
        return self._entries(query, day, _departure)

    def needs_update(self, today: date | None = None) -> tuple[DashboardVisit, ...]:
        """Visits whose dates passed a step their status has not taken yet.

        Not started (draft … confirmed) with the arrival before *today*: "should be in
        progress" (the entry's day is the arrival); in progress with the departure before
        *today*: "should be completed" (the day is the departure). Oldest first.
        """
        day = today or local_today()
        late_start = and_(VisitRow.status.in_(NOT_STARTED_STATUSES), VisitRow.arrival_date < day)
        late_end = and_(VisitRow.status == VisitStatus.IN_PROGRESS, VisitRow.departure_date < day)
        with self.db.read() as session:
            rows = (
                session.connection()
                .execute(
                    _entry_query()
                    .where(or_(late_start, late_end))
                    .order_by(VisitRow.arrival_date, VisitRow.code)
                )
                .all()
            )
        entries = []
        for r in rows:
            if VisitStatus(r[12]) is VisitStatus.IN_PROGRESS:
                entries.append(_entry(tuple(r), day, _departure, "should be completed"))
            else:
                entries.append(_entry(tuple(r), day, _arrival, "should be in progress"))
        entries.sort(key=lambda e: (e.day, e.code))
        return tuple(entries)

    def status_counts(self) -> tuple[StatusCount, ...]:
        """The number of visits in every status, in life-cycle order (zeros included)."""
        with self.db.read() as session:
            rows = (
                session.connection()
                .execute(select(VisitRow.status, func.count(VisitRow.id)).group_by(VisitRow.status))
                .all()
            )
        counts = {VisitStatus(status): int(n) for status, n in rows}
        return tuple(StatusCount(status, counts.get(status, 0)) for status in VisitStatus)

    def snapshot(
        self, today: date | None = None, days: int = DEFAULT_HORIZON_DAYS
    ) -> DashboardSnapshot:
        """Every dashboard section at once."""
        day = today or local_today()
        return DashboardSnapshot(
            today=day,
            horizon_days=days,
            arrivals=self.arrivals(day, days),
            departures=self.departures(day, days),
            in_progress=self.in_progress(day),
            needs_update=self.needs_update(day),
            status_counts=self.status_counts(),
        )

    def date_extent(self) -> tuple[date, date] | None:
        """The earliest arrival and the latest departure of any visit; None without visits."""
        with self.db.read() as session:
            # Two scalar subqueries, not min() and max() in one SELECT: SQLite answers a lone
            # min or max from an index in a few steps, the pair only by scanning every visit.
            row = (
                session.connection()
                .execute(
                    select(
                        select(func.min(VisitRow.arrival_date)).scalar_subquery(),
                        select(func.max(VisitRow.departure_date)).scalar_subquery(),
                    )
                )
                .one()
            )
        first, last = row
        if first is None or last is None:
            return None
        return first, last

    def paperwork_due(
        self, items: Iterable[DueLike], today: date | None = None
    ) -> tuple[PaperworkDue, ...]:
        """*items* (from the paperwork service) with their visits' codes and names in both
        scripts, for the dashboard's paperwork panel; overdue first, then by due date."""
        day = today or local_today()
        wanted = list(items)
        visit_ids = sorted({item.visit_id for item in wanted})
        visits: dict[int, DashboardVisit] = {}
        with self.db.read() as session:
            connection = session.connection()  # Core rows: no ORM loading for read-only lists
            for start in range(0, len(visit_ids), 500):
                chunk = visit_ids[start : start + 500]
                rows = connection.execute(_entry_query().where(VisitRow.id.in_(chunk))).all()
                for r in rows:
                    entry = _entry(tuple(r), day, _arrival)
                    visits[entry.visit_id] = entry
        found = []
        for item in wanted:
            visit = visits.get(item.visit_id)
            if visit is None:
                continue
            found.append(
                PaperworkDue(
                    visit_id=visit.visit_id,
                    code=visit.code,
                    visitor_name=visit.visitor_name,
                    visitor_name_native=visit.visitor_name_native,
                    host_institution=visit.host_institution,
                    title=item.title,
                    title_ja=item.title_ja,
                    due_date=item.due_date,
                    days_until=(item.due_date - day).days,
                    status=str(item.status),
                    blocking=item.blocking,
                )
            )
        found.sort(key=lambda p: (p.due_date, p.code, p.title))
        return tuple(found)
