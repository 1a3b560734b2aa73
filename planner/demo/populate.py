"""Demo data: a curated Argonne–RIKEN data set, plus any number of synthetic visits.

The curated part goes through the ordinary audited services, so its audit log, codes and status
history look like a coordinator's. The synthetic part (:mod:`planner.demo.synthetic`)
is bulk-inserted in one transaction, for trying the application with years of data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import func, select

from planner.db.models import EventRow, InstitutionRow, PersonRow, ProgramRow, ProjectRow, VisitRow
from planner.demo.data import (
    AGREEMENTS,
    ARGONNE,
    EVENTS,
    INSTITUTIONS,
    KOBE,
    NOTES_JA,
    PAPERWORK_NOTES,
    PAPERWORK_STATUSES,
    PEOPLE,
    PROGRAM_DESCRIPTION,
    PROGRAM_NAME,
    PROGRAM_NAME_JA,
    PROJECTS,
    STATUS_REASONS,
    TRANSFERS,
    VISITS,
    WEEKLY_COUNT,
    WEEKLY_DIAL_IN,
    WEEKLY_ENDS,
    WEEKLY_LINK,
    WEEKLY_MOVED,
    WEEKLY_PEOPLE,
    WEEKLY_SERIES,
    WEEKLY_SERIES_JA,
    WEEKLY_STARTS,
    DemoSummary,
    EventSpec,
    VisitSpec,
    weekly_series_start,
)
from planner.demo.itinerary import Stay, curated_itinerary, local_instant
from planner.demo.synthetic import add_synthetic_visits
from planner.domain.entities import (
    Event,
    Institution,
    Person,
    Program,
    Project,
    Visit,
)
from planner.domain.enums import (
    Attendance,
    EventKind,
    EventMode,
    Frequency,
    PaperworkStatus,
    ParticipantRole,
    VisitStatus,
)
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.paperwork import Agreement, MaterialTransfer, PaperworkItem
from planner.domain.series import WorkingHours
from planner.services.container import Services

__all__ = ["CURATED_STEPS", "DemoSummary", "populate_demo", "status_path"]

Progress = Callable[[int, int], None]

#: Progress units of the curated part: the directory, the events, then one per visit.
CURATED_STEPS = len(VISITS) + 2

_LIFE_CYCLE = (
    VisitStatus.PROPOSED,
    VisitStatus.APPROVED,
    VisitStatus.CONFIRMED,
    VisitStatus.IN_PROGRESS,
    VisitStatus.COMPLETED,
)
_NO_ITINERARY = frozenset({VisitStatus.DRAFT, VisitStatus.CANCELLED})


def populate_demo(
    services: Services,
    *,
    synthetic_visits: int = 0,
    seed: int = 0,
    today: date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty database with the curated demo and *synthetic_visits* generated visits.

    Dates are relative to *today* (default: the local date), so the same ``(seed, today)``
    always gives the same visits. ``progress(done, total)`` is called now and then. Raises
    :class:`PlannerError` if the database already holds data, so running the demo twice never
    duplicates anything.
    """
    if synthetic_visits < 0:
        raise PlannerError("the number of synthetic visits cannot be negative")
    ensure_empty(services)
    day = today if today is not None else datetime.now(UTC).astimezone().date()
    total = CURATED_STEPS + synthetic_visits

    def report(done: int) -> None:
        if progress is not None:
            progress(done, total)

    builder = _CuratedBuilder(services, day, report)
    summary = builder.build()
    if synthetic_visits:
        summary += add_synthetic_visits(
            services,
            synthetic_visits,
            seed=seed,
            today=day,
            hosts={key: builder.institutions[key] for key in INSTITUTIONS},
            project_ids=sorted(builder.projects.values()),
            progress=lambda done: report(CURATED_STEPS + done),
        )
    return summary


def ensure_empty(services: Services) -> None:
    """Raise :class:`PlannerError` unless the database holds no directory records or visits."""
    with services.db.read() as session:
        counts = {
            what: int(session.scalar(select(func.count()).select_from(row)) or 0)
            for what, row in (
                ("visits", VisitRow),
                ("people", PersonRow),
                ("institutions", InstitutionRow),
                ("events", EventRow),
                ("programmes", ProgramRow),
                ("projects", ProjectRow),
            )
        }
    held = ", ".join(f"{what}: {n}" for what, n in counts.items() if n)
    if held:
        raise PlannerError(
            QT_TRANSLATE_NOOP(
                "Validation",
                "the database already holds data ({held}); use a new file for the demo",
            ),
            params={"held": held},
        )


def status_path(target: VisitStatus) -> list[VisitStatus]:
    """The allowed steps from draft to *target* (cancelled goes via proposed)."""
    if target is VisitStatus.DRAFT:
        return []
    if target is VisitStatus.CANCELLED:
        return [VisitStatus.PROPOSED, VisitStatus.CANCELLED]
    return list(_LIFE_CYCLE[: _LIFE_CYCLE.index(target) + 1])


class _CuratedBuilder:
    """Creates the curated records through the audited services, one unit of work each."""

    def __init__(self, services: Services, today: date, report: Callable[[int], None]) -> None:
        self.services = services
        self.today = today
        self.report = report
        self.institutions: dict[str, Institution] = {}
        self.projects: dict[str, int] = {}
        self.people: dict[str, Person] = {}
        self.events: list[tuple[EventSpec, Event]] = []
        self.agreements: list[int] = []
        self.visit_ids: dict[tuple[str, VisitStatus], int] = {}
        self.visits = 0
        self.items = 0

    def build(self) -> DemoSummary:
        self._directory()
        self.report(1)
        self._events()
        self.report(2)
        for done, spec in enumerate(VISITS, start=3):
            self._visit(spec)
            self.report(done)
        self._transfers()
        self._weekly_series()
        return DemoSummary(
            len(self.institutions), len(self.people), self.visits, len(self.events) + 1,
            self.items,
        )  # fmt: skip

    def _weekly_series(self) -> None:
        """The weekly hybrid series across the US spring change, with one moved session."""
        s = self.services
        argonne, kobe = self.institutions[ARGONNE], self.institutions[KOBE]
        zone = argonne.timezone
        first = weekly_series_start(self.today)
        event = s.events.create(Event(
            kind=EventKind.SEMINAR, title=WEEKLY_SERIES, title_ja=WEEKLY_SERIES_JA,
            institution_id=_id(argonne.id), start_utc=local_instant(first, WEEKLY_STARTS, zone),
            start_zone=zone, end_utc=local_instant(first, WEEKLY_ENDS, zone), end_zone=zone,
            venue="Building 240 auditorium", series=WEEKLY_SERIES, mode=EventMode.HYBRID,
            meeting_link=WEEKLY_LINK, dial_in=WEEKLY_DIAL_IN, frequency=Frequency.WEEKLY,
            repeat_count=WEEKLY_COUNT,
            description="In the room at Argonne, on the video link from RIKEN R-CCS in Kobe.",
        ))  # fmt: skip
        event_id = _id(event.id)
        s.events.set_sites(event_id, [(_id(argonne.id), WorkingHours()),
                                      (_id(kobe.id), WorkingHours())])  # fmt: skip
        for person, role, in_room in WEEKLY_PEOPLE:
            s.events.set_participant(
                event_id, _id(self.people[person].id), role,
                attendance=Attendance.ROOM if in_room else Attendance.REMOTE,
            )  # fmt: skip
        moved_day = first + timedelta(weeks=WEEKLY_MOVED)
        thursday = moved_day + timedelta(days=2)
        s.events.change_occurrence(
            event_id, moved_day, start_utc=local_instant(thursday, WEEKLY_STARTS, zone),
            end_utc=local_instant(thursday, WEEKLY_ENDS, zone),
        )  # fmt: skip

    def _directory(self) -> None:
        s, year = self.services, self.today.year
        for key, institution in INSTITUTIONS.items():
            self.institutions[key] = s.institutions.create(institution)
        program = s.programs.create(
            Program(
                name=PROGRAM_NAME,
                name_ja=PROGRAM_NAME_JA,
                start_date=date(year - 5, 4, 1),
                end_date=date(year + 5, 3, 31),
                description=PROGRAM_DESCRIPTION,
            )
        )
        for key, (name, name_ja, description) in PROJECTS.items():
            project = s.projects.create(Project(name, name_ja, program.id, description))
            self.projects[key] = _id(project.id)
        for spec in AGREEMENTS:
            start = date(year + spec.start_years, 4, 1)
            agreement = s.agreements.create(
                Agreement(
                    kind=spec.kind,
                    title=spec.title,
                    title_ja=spec.title_ja,
                    program_id=program.id,
                    partner_institution_id=self.institutions[spec.partner].id,
                    reference=spec.reference,
                    signed_date=start - timedelta(days=30) if spec.signed else None,
                    start_date=start,
                    end_date=date(year + spec.end_years, 3, 31),
                    notes=spec.notes,
                )
            )
            self.agreements.append(_id(agreement.id))
        for key, p in PEOPLE.items():
            expiry = None
            if p.passport_valid_days is not None:
                expiry = self.today + timedelta(days=p.passport_valid_days)
            self.people[key] = s.people.create(
                Person(
                    family_name=p.family_name,
                    given_name=p.given_name,
                    category=p.category,
                    home_institution_id=_id(self.institutions[p.home].id),
                    family_name_native=p.family_name_native,
                    given_name_native=p.given_name_native,
                    preferred_name=p.preferred_name,
                    email=p.email,
                    phone=p.phone,
                    nationality=p.nationality,
                    date_of_birth=p.date_of_birth,
                    passport_number=p.passport_number,
                    passport_expiry=expiry,
                    internal_notes=p.internal_notes,
                )
            )

    def _events(self) -> None:
        s = self.services
        for spec in EVENTS.values():
            host = self.institutions[spec.institution]
            first, last = spec.dates(self.today)
            event = s.events.create(
                Event(
                    kind=spec.kind,
                    title=spec.title,
                    title_ja=spec.title_ja,
                    institution_id=_id(host.id),
                    start_utc=local_instant(first, spec.starts, host.timezone),
                    start_zone=host.timezone,
                    end_utc=local_instant(last, spec.ends, host.timezone),
                    end_zone=host.timezone,
                    venue=spec.venue,
                    series=spec.series,
                    description=spec.description,
                )
            )
            for person, role in spec.participants:
                s.events.set_participant(_id(event.id), _id(self.people[person].id), role)
            self.events.append((spec, event))

    def _visit(self, spec: VisitSpec) -> None:
        s = self.services
        visitor, host = self.people[spec.visitor], self.institutions[spec.host]
        host_person = self.people[spec.host_person] if spec.host_person else None
        arrival, departure = spec.dates(self.today)
        visit = s.visits.create(
            Visit(
                visitor_id=_id(visitor.id),
                host_institution_id=_id(host.id),
                arrival_date=arrival,
                departure_date=departure,
                purpose=spec.purpose,
                paid=spec.paid or spec.first_planned_paid,
                host_person_id=host_person.id if host_person else None,
                project_id=self.projects[spec.project] if spec.project else None,
                visitor_notes=spec.visitor_notes,
                visitor_notes_ja=NOTES_JA.get(spec.visitor_notes, ""),
                internal_notes=spec.internal_notes,
            )
        )
        if spec.first_planned_paid and not spec.paid:
            visit = s.visits.update(dataclasses.replace(visit, paid=False))
        self.visit_ids[(spec.visitor, spec.status)] = _id(visit.id)
        # Paperwork first: the admission guard refuses confirmed/in progress otherwise.
        self._paperwork(visit, spec)
        for step in status_path(spec.status):
            reason = spec.cancel_reason if step is VisitStatus.CANCELLED else STATUS_REASONS[step]
            visit = s.visits.set_status(_id(visit.id), step, reason=reason)
        self.visits += 1
        if spec.status in _NO_ITINERARY:
            return
        stay = Stay(
            visit=visit,
            spec=spec,
            home=PEOPLE[spec.visitor].home,
            host=host,
            host_name=host_person.latin_name if host_person else host.label,
            events=self._events_attended(spec, arrival, departure),
        )
        for item in sorted(curated_itinerary(stay), key=lambda i: (i.start_utc, i.end_utc)):
            s.itinerary.create(item)
            self.items += 1

    def _paperwork(self, visit: Visit, spec: VisitSpec) -> None:
        """Give the visit's checklist statuses that fit how far the visit got."""
        overrides = PAPERWORK_STATUSES.get((spec.visitor, spec.status), {})
        items: list[PaperworkItem] = []
        for item in self.services.paperwork.for_visit(_id(visit.id)):
            status = overrides.get(item.code, _default_paperwork_status(spec.status, item))
            note = PAPERWORK_NOTES.get((spec.visitor, spec.status, item.code), "")
            items.append(_paperwork_dates(item, status, self.today, visit.code, note))
        if items:
            self.services.paperwork.update_many(items, today=self.today)

    def _transfers(self) -> None:
        for spec in TRANSFERS:
            self.services.transfers.create(
                MaterialTransfer(
                    agreement_id=self.agreements[spec.agreement],
                    kind=spec.kind,
                    title=spec.title,
                    from_institution_id=_id(self.institutions[spec.from_key].id),
                    to_institution_id=_id(self.institutions[spec.to_key].id),
                    status=spec.status,
                    visit_id=self.visit_ids.get((spec.visitor, spec.visit_status)),
                    description=spec.description,
                    export_control_classification=spec.classification,
                )
            )

    def _events_attended(
        self, spec: VisitSpec, arrival: date, departure: date
    ) -> list[tuple[Event, ParticipantRole]]:
        """Events at the host the visitor takes part in, on whole days of the stay."""
        attended: list[tuple[Event, ParticipantRole]] = []
        for event_spec, event in self.events:
            role = dict(event_spec.participants).get(spec.visitor)
            first, last = event_spec.dates(self.today)
            if event_spec.institution == spec.host and role and arrival < first <= last < departure:
                attended.append((event, role))
        return attended


_ADMITTED = frozenset({VisitStatus.CONFIRMED, VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED})


def _default_paperwork_status(visit_status: VisitStatus, item: PaperworkItem) -> PaperworkStatus:
    """Admitted visits have everything approved; earlier ones are still working on it."""
    if visit_status in _ADMITTED:
        return PaperworkStatus.APPROVED
    if visit_status is VisitStatus.APPROVED:
        return PaperworkStatus.APPROVED if not item.blocking else PaperworkStatus.SUBMITTED
    if visit_status is VisitStatus.PROPOSED and item.responsible.value == "coordinator":
        return PaperworkStatus.IN_PROGRESS
    return PaperworkStatus.NOT_STARTED


def _paperwork_dates(
    item: PaperworkItem, status: PaperworkStatus, today: date, code: str, note: str
) -> PaperworkItem:
    """Plausible submission/approval dates and a reference number for *status*."""
    due = item.due_date or today
    handed_in = min(due, today) - timedelta(days=6)
    reference = f"{item.code.upper().replace('_', '-')}-{code[-4:]}"
    fields: dict[str, object] = {"status": status, "notes": note}
    if status in (PaperworkStatus.SUBMITTED, PaperworkStatus.APPROVED, PaperworkStatus.REJECTED):
        fields.update(submitted_date=handed_in, reference_number=reference)
    if status is PaperworkStatus.APPROVED:
        fields["approved_date"] = min(handed_in + timedelta(days=12), today)
    if status is PaperworkStatus.EXPIRED:
        fields.update(submitted_date=handed_in, expiry_date=today - timedelta(days=3))
    return dataclasses.replace(item, **fields)  # type: ignore[arg-type]


def _id(value: int | None) -> int:
    if value is None:
        raise ValueError("a stored record has no id")
    return value
