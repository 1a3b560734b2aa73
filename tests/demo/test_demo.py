"""Demo data: the curated data set, its itineraries and audit trail, and synthetic bulk visits."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import func, select

from planner.db.models import AuditRow, ItineraryItemRow, VisitRow
from planner.demo import synthetic as demo_synthetic
from planner.demo.data import (
    EVENTS,
    INSTITUTIONS,
    PEOPLE,
    SERIES,
    VISITS,
    Anchor,
    anchor_date,
    us_dst_start,
)
from planner.demo.populate import CURATED_STEPS, DemoSummary, populate_demo, status_path
from planner.demo.synthetic import add_synthetic_visits
from planner.domain.codes import parse_visit_code
from planner.domain.entities import ItineraryItem, VisitSummary
from planner.domain.enums import (
    AuditAction,
    EventKind,
    ItineraryKind,
    ParticipantRole,
    VisitStatus,
)
from planner.domain.errors import PlannerError
from planner.domain.timezones import day_offset, utc_to_local
from planner.services.changes import Change
from planner.services.container import Services
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample

TODAY = date(2027, 2, 24)  # a Wednesday, three weeks before the US daylight-saving change
SYNTHETIC = 2_000
_PLANNED = {VisitStatus.DRAFT, VisitStatus.PROPOSED, VisitStatus.APPROVED, VisitStatus.CONFIRMED}


def _open(path: Path) -> Services:
    return open_migrated(path)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Services, DemoSummary]]:
    """One curated demo database shared by the read-only tests of this module."""
    services = _open(tmp_path_factory.mktemp("demo") / "demo.sqlite3")
    summary = populate_demo(services, today=TODAY)
    yield services, summary
    services.close()


@dataclass
class Synthetic:
    """A demo database with synthetic visits, with what populating it reported."""

    services: Services
    summary: DemoSummary
    changes: list[Change]
    progress: list[tuple[int, int]]


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Synthetic]:
    """A demo database with synthetic visits, the changes it announced and its progress."""
    services = _open(tmp_path_factory.mktemp("synthetic") / "demo.sqlite3")
    changes: list[Change] = []
    progress: list[tuple[int, int]] = []
    services.bus.subscribe(changes.append)
    summary = populate_demo(
        services,
        synthetic_visits=SYNTHETIC,
        seed=7,
        today=TODAY,
        progress=lambda done, total: progress.append((done, total)),
    )
    yield Synthetic(services, summary, changes, progress)
    services.close()


def _items(services: Services, visit: VisitSummary) -> list[ItineraryItem]:
    return services.itinerary.for_visit(visit.id)


def _local_date(instant: datetime, zone: str) -> date:
    return utc_to_local(instant, zone).date()


# --- Curated data set -------------------------------------------------------------------------


def test_curated_counts(demo: tuple[Services, DemoSummary]) -> None:
    services, summary = demo
    items = sum(len(_items(services, v)) for v in services.visits.summaries())
    assert summary == DemoSummary(
        institutions=3, people=len(PEOPLE), visits=len(VISITS), events=len(EVENTS) + 1,
        itinerary_items=items,
    )  # fmt: skip
    assert summary.people >= 12 and summary.visits >= 10
    assert len(services.people.list()) == summary.people
    assert services.visits.count() == summary.visits
    assert [p.name for p in services.projects.list()] == [
        "AuroraGPT",
        "Trillion Parameter Consortium",
    ]
    assert all(p.name_ja for p in services.projects.list())
    (program,) = services.programs.list()
    assert "Memorandum of Cooperation" in program.name and program.name_ja


def test_three_institutions_with_their_zones(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    found = {i.name: i for i in services.institutions.list()}
    argonne = found["Argonne National Laboratory"]
    assert (argonne.country, argonne.timezone, argonne.short_name) == (
        "US",
        "America/Chicago",
        "Argonne",
    )
    assert argonne.name_ja == "アルゴンヌ国立研究所"
    assert "9700 S. Cass Avenue" in argonne.address and "60439" in argonne.address
    wako = found["RIKEN Wako Campus"]
    assert (wako.country, wako.timezone, wako.name_ja) == (
        "JP",
        "Asia/Tokyo",
        "理化学研究所 和光地区",
    )
    assert "351-0198" in wako.address
    kobe = found["RIKEN Center for Computational Science"]
    assert (kobe.country, kobe.timezone) == ("JP", "Asia/Tokyo")
    assert kobe.name_ja == "理化学研究所 計算科学研究センター" and "650-0047" in kobe.address


def test_people_are_fictional_and_bilingual(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    people = services.people.list()
    homes = {i.id: i.country for i in services.institutions.list()}
    assert all(p.email.endswith(("@example.org", "@example.jp")) for p in people)
    assert all("0000" in p.passport_number for p in people if p.passport_number)
    japanese = [p for p in people if p.nationality == "JP"]
    assert len(japanese) >= 5
    assert all(p.family_name_native and p.given_name_native and p.family_name for p in japanese)
    assert all(not p.native_name for p in people if homes[p.home_institution_id] == "US")
    assert {"US", "JP", "DE", "IN"} <= {p.nationality for p in people}
    assert {c.value for c in {p.category for p in people}} == {"researcher", "staff", "student"}
    expiring = [
        p for p in people if p.passport_expiry and p.passport_expiry < TODAY + timedelta(180)
    ]
    assert expiring, "one passport should expire soon, to make paperwork rules interesting"


def test_every_status_and_both_directions(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    visits = services.visits.summaries()
    assert {v.status for v in visits} == set(VisitStatus)
    directions = {(v.home_institution, v.host_institution) for v in visits}
    assert ("RIKEN Wako", "Argonne") in directions
    assert ("RIKEN R-CCS Kobe", "Argonne") in directions
    assert ("Argonne", "RIKEN Wako") in directions
    assert ("Argonne", "RIKEN R-CCS Kobe") in directions
    assert len({v.purpose for v in visits}) >= 5
    assert any(v.visitor_name_native for v in visits)
    full = services.visits.list()
    assert any(v.paid for v in full) and any(not v.paid for v in full)
    assert all(v.host_person_id is not None for v in full)
    assert sum(v.project_id is not None for v in full) >= len(full) - 2
    assert any(v.visitor_notes for v in full) and any(v.internal_notes for v in full)


def test_statuses_agree_with_dates(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    for v in services.visits.summaries():
        _check_status(v.status, v.arrival_date, v.departure_date, TODAY)


def _check_status(status: VisitStatus, arrival: date, departure: date, today: date) -> None:
    if status is VisitStatus.COMPLETED:
        assert departure < today
    elif status is VisitStatus.IN_PROGRESS:
        assert arrival <= today <= departure
    elif status in _PLANNED:
        assert arrival > today


def test_dashboard_has_arrivals_and_departures_soon(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    soon = TODAY + timedelta(days=14)
    visits = [v for v in services.visits.summaries() if v.status is not VisitStatus.CANCELLED]
    assert sum(TODAY <= v.arrival_date <= soon for v in visits) >= 2
    assert sum(TODAY <= v.departure_date <= soon for v in visits) >= 1


def test_status_history_is_audited(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    for v in services.visits.summaries():
        history = services.visits.history(v.id)
        assert history[0].action is AuditAction.CREATE
        steps = [e for e in history[1:] if e.action is AuditAction.STATUS]
        assert [e.changes["status"][1] for e in steps] == [s.value for s in status_path(v.status)]
        assert all(e.reason for e in steps)
    cancelled = next(v for v in services.visits.summaries() if v.status is VisitStatus.CANCELLED)
    assert "Export-control" in services.visits.history(cancelled.id)[-1].reason


def test_status_path_follows_the_life_cycle() -> None:
    assert status_path(VisitStatus.DRAFT) == []
    assert status_path(VisitStatus.CANCELLED) == [VisitStatus.PROPOSED, VisitStatus.CANCELLED]
    assert status_path(VisitStatus.COMPLETED)[-2:] == [
        VisitStatus.IN_PROGRESS,
        VisitStatus.COMPLETED,
    ]


def test_events_series_and_symposium(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    events = services.events.list()
    country = {i.id: i.country for i in services.institutions.list()}
    series = sorted((e for e in events if e.series == SERIES), key=lambda e: e.start_utc)
    assert len(series) >= 4 and all(e.title_ja for e in series)
    hosts = [country[e.institution_id] for e in series]
    assert all(a != b for a, b in pairwise(hosts)), hosts
    (symposium,) = [e for e in events if e.kind is EventKind.SYMPOSIUM]
    assert symposium.title == "Trillion Parameter Consortium Symposium"
    assert symposium.title_ja and symposium.start_zone == "Asia/Tokyo"
    assert symposium.id is not None
    roles = {p.role for p in services.events.participants(symposium.id)}
    assert roles == set(ParticipantRole)
    with services.db.read() as session:
        linked = session.scalar(
            select(func.count()).where(ItineraryItemRow.event_id == symposium.id)
        )
    assert linked == 2  # the two visitors who travel to Kobe for it


def test_participants_itineraries_show_their_events(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    with services.db.read() as session:
        linked = session.execute(
            select(ItineraryItemRow.visit_id, ItineraryItemRow.event_id).where(
                ItineraryItemRow.event_id.is_not(None)
            )
        ).all()
    visitors = {v.id: v.visitor_id for v in services.visits.list()}
    for visit_id, event_id in linked:
        assert event_id is not None
        people = {p.person_id for p in services.events.participants(event_id)}
        assert visitors[visit_id] in people
    assert len(linked) >= 6


def test_itineraries_fly_both_ways(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    offsets: set[int] = set()
    for v in services.visits.summaries():
        items = _items(services, v)
        if v.status in (VisitStatus.DRAFT, VisitStatus.CANCELLED):
            assert items == []
            continue
        flights = [i for i in items if i.kind is ItineraryKind.FLIGHT]
        assert len(flights) == 2, v.code
        out, back = flights
        assert out.start_zone != out.end_zone and back.start_zone != back.end_zone
        assert (out.start_zone, out.end_zone) == (back.end_zone, back.start_zone)
        assert _local_date(out.end_utc, out.end_zone) == v.arrival_date, v.code
        assert _local_date(back.start_utc, back.start_zone) == v.departure_date, v.code
        offsets |= {day_offset(f.start_utc, f.start_zone, f.end_utc, f.end_zone) for f in flights}
        kinds = {i.kind for i in items}
        assert {ItineraryKind.LODGING, ItineraryKind.BADGE_PICKUP} <= kinds, v.code
        assert ItineraryKind.MEETING in kinds, v.code
        assert len({i.uid for i in items}) == len(items)
        assert [i.position for i in sorted(items, key=lambda i: i.position)] == list(
            range(len(items))
        )
    # Across the date line: next day westbound, same or previous day eastbound.
    assert offsets == {-1, 0, 1}


def test_itinerary_items_fit_the_stay_without_overlapping(
    demo: tuple[Services, DemoSummary],
) -> None:
    services, _ = demo
    for v in services.visits.summaries():
        items = _items(services, v)
        if not items:
            continue
        (lodging,) = [i for i in items if i.kind is ItineraryKind.LODGING]
        travel = [i for i in items if i.kind in (ItineraryKind.FLIGHT, ItineraryKind.TRAIN)]
        arrived = max(i.end_utc for i in travel if i.end_utc <= lodging.start_utc)
        assert arrived <= lodging.start_utc < lodging.end_utc
        assert _local_date(lodging.start_utc, lodging.start_zone) == v.arrival_date
        assert _local_date(lodging.end_utc, lodging.end_zone) == v.departure_date
        rest = sorted((i for i in items if i is not lodging), key=lambda i: i.start_utc)
        for before, after in pairwise(rest):
            assert before.end_utc <= after.start_utc, (v.code, before.title, after.title)


def test_a_visit_straddles_the_us_daylight_saving_change(
    demo: tuple[Services, DemoSummary],
) -> None:
    services, _ = demo
    straddling = [
        v
        for v in services.visits.summaries()
        if v.host_institution == "Argonne"
        and v.arrival_date < us_dst_start(v.arrival_date.year) < v.departure_date
        and v.status is not VisitStatus.CANCELLED
    ]
    assert straddling
    for v in straddling:
        (lodging,) = [i for i in _items(services, v) if i.kind is ItineraryKind.LODGING]
        check_in = utc_to_local(lodging.start_utc, lodging.start_zone)
        check_out = utc_to_local(lodging.end_utc, lodging.end_zone)
        assert (check_in.tzname(), check_out.tzname()) == ("CST", "CDT")
        meetings = [i for i in _items(services, v) if i.kind is ItineraryKind.MEETING]
        names = {utc_to_local(m.start_utc, m.start_zone).tzname() for m in meetings}
        assert names == {"CST", "CDT"}


def test_populating_twice_is_refused_and_adds_nothing(demo: tuple[Services, DemoSummary]) -> None:
    services, _ = demo
    with services.db.read() as session:
        audit_before = session.scalar(select(func.count(AuditRow.id)))
    before = (services.visits.count(), len(services.people.list()), len(services.events.list()))
    with pytest.raises(PlannerError, match=r"already holds data.*new file"):
        populate_demo(services, synthetic_visits=10, today=TODAY)
    after = (services.visits.count(), len(services.people.list()), len(services.events.list()))
    assert after == before
    with services.db.read() as session:
        assert session.scalar(select(func.count(AuditRow.id))) == audit_before


def test_refuses_a_database_with_people_but_no_demo(services: Services) -> None:
    make_sample(services)
    with pytest.raises(PlannerError, match="people: 2"):
        populate_demo(services, today=TODAY)
    assert services.visits.count() == 2


def test_a_failing_synthetic_part_writes_none_of_it(
    services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo_synthetic._Generator, "_itinerary", broken)
    hosts = {key: services.institutions.create(inst) for key, inst in INSTITUTIONS.items()}
    with pytest.raises(RuntimeError, match="disk full"):
        add_synthetic_visits(services, 10, seed=1, today=TODAY, hosts=hosts, project_ids=[])
    assert len(services.institutions.list()) == 3  # no synthetic universities either
    assert services.people.list() == [] and services.visits.count() == 0
    with services.db.read() as session:
        assert session.scalar(select(func.count()).where(AuditRow.entity == "database")) == 0


def test_rejects_a_negative_number_of_visits(services: Services) -> None:
    with pytest.raises(PlannerError, match="negative"):
        populate_demo(services, synthetic_visits=-1)
    assert services.institutions.list() == []


def test_progress_is_reported_up_to_the_total(synthetic: Synthetic) -> None:
    total = CURATED_STEPS + SYNTHETIC
    assert synthetic.progress[-1] == (total, total)
    assert len(synthetic.progress) > CURATED_STEPS
    done = [d for d, _ in synthetic.progress]
    assert done == sorted(done) and done[0] >= 1
    assert {t for _, t in synthetic.progress} == {total}


# --- Curated dates, for any today -----------------------------------------------------------


def test_curated_dates_hold_for_any_today() -> None:
    for today in (date(2026, 1, 1) + timedelta(days=n) for n in range(731)):
        _check_curated_dates(today)


def _check_curated_dates(today: date) -> None:
    stays: dict[str, list[tuple[date, date]]] = defaultdict(list)
    for spec in VISITS:
        arrival, departure = spec.dates(today)
        _check_status(spec.status, arrival, departure, today)
        if spec.status is not VisitStatus.CANCELLED:
            stays[spec.visitor].append((arrival, departure))
        if isinstance(spec.anchor, str):  # the visitor is there for the whole event
            first, last = EVENTS[spec.anchor].dates(today)
            assert arrival < first <= last < departure
            assert spec.visitor in dict(EVENTS[spec.anchor].participants)
        elif spec.anchor is not Anchor.TODAY:
            change = anchor_date(spec.anchor, today)
            assert arrival < change < departure
    soon = today + timedelta(days=14)
    arriving = [a for spans in stays.values() for a, _ in spans if today <= a <= soon]
    leaving = [d for spans in stays.values() for _, d in spans if today <= d <= soon]
    assert arriving and len(arriving) + len(leaving) >= 3, "the dashboard always has content"
    for visitor, spans in stays.items():  # nobody is in two places at once
        spans.sort()
        assert all(a[1] < b[0] for a, b in pairwise(spans)), visitor
    for event in EVENTS.values():
        first, last = event.dates(today)
        assert all((first + timedelta(n)).weekday() < 5 for n in range((last - first).days + 1))
        assert not (first.month == 12 and first.day >= 24)


# --- Synthetic visits -------------------------------------------------------------------------


def test_synthetic_counts_and_audit_entry(
    synthetic: Synthetic,
) -> None:
    services, summary, changes = synthetic.services, synthetic.summary, synthetic.changes
    assert summary.visits == len(VISITS) + SYNTHETIC == services.visits.count()
    assert summary.people == len(PEOPLE) + max(50, SYNTHETIC // 20)
    assert summary.institutions > 3 and summary.events == len(EVENTS) + 1  # + the weekly series
    with services.db.read() as session:
        assert session.scalar(select(func.count(ItineraryItemRow.id))) == summary.itinerary_items
        (entry,) = session.scalars(select(AuditRow).where(AuditRow.entity == "database"))
        assert entry.action is AuditAction.IMPORT
        assert json.loads(entry.changes) == {"synthetic_visits": SYNTHETIC, "seed": 7}
        assert session.scalar(select(func.min(VisitRow.version))) == 1
    assert Change("visit", (), AuditAction.IMPORT) in changes


def test_synthetic_codes_statuses_and_stays_are_consistent(
    synthetic: Synthetic,
) -> None:
    services = synthetic.services
    visits = services.visits.summaries()
    codes = [v.code for v in visits]
    assert len(set(codes)) == len(codes)
    per_visitor: dict[int, list[VisitSummary]] = defaultdict(list)
    for v in visits:
        assert parse_visit_code(v.code) is not None
        assert parse_visit_code(v.code)[0] == v.arrival_date.year  # type: ignore[index]
        _check_status(v.status, v.arrival_date, v.departure_date, TODAY)
        assert v.home_institution != v.host_institution
        per_visitor[v.visitor_id].append(v)
    for stays in per_visitor.values():
        for a, b in pairwise(stays):
            assert a.departure_date < b.arrival_date
    statuses = {v.status for v in visits}
    assert statuses == set(VisitStatus)
    years = {v.arrival_date.year for v in visits}
    assert len(years) >= 5
    assert any(v.visitor_name_native for v in visits[len(VISITS) :])


def test_synthetic_itineraries(synthetic: Synthetic) -> None:
    services = synthetic.services
    with services.db.read() as session:
        per_visit = dict(
            session.execute(
                select(ItineraryItemRow.visit_id, func.count()).group_by(ItineraryItemRow.visit_id)
            ).all()
        )
        same_zone_flights = session.scalar(
            select(func.count()).where(
                ItineraryItemRow.kind == ItineraryKind.FLIGHT,
                ItineraryItemRow.start_zone == ItineraryItemRow.end_zone,
            )
        )
    generated = services.visits.list()[len(VISITS) :]  # stored after the curated ones
    assert {per_visit[v.id or 0] for v in generated} == {2, 3, 4}
    assert same_zone_flights == 0
    for visit in generated[::97]:
        items = services.itinerary.for_visit(visit.id or 0)
        out, back = items[0], items[-1]
        assert out.kind is back.kind is ItineraryKind.FLIGHT
        assert _local_date(out.end_utc, out.end_zone) == visit.arrival_date
        assert _local_date(back.start_utc, back.start_zone) == visit.departure_date
        assert [i.position for i in items] == list(range(len(items)))


def _fingerprint(services: Services) -> list[tuple[object, ...]]:
    return [
        (v.code, v.visitor_name, v.visitor_name_native, v.host_institution, v.arrival_date,
         v.departure_date, v.status, v.purpose, v.project)
        for v in services.visits.summaries()
    ]  # fmt: skip


def test_synthetic_visits_are_deterministic_per_seed(synthetic: Synthetic, tmp_path: Path) -> None:
    first, summary = synthetic.services, synthetic.summary
    again = _open(tmp_path / "again.sqlite3")
    try:
        assert populate_demo(again, synthetic_visits=SYNTHETIC, seed=7, today=TODAY) == summary
        assert _fingerprint(again) == _fingerprint(first)
        last = again.visits.count()
        uids = [i.uid for i in again.itinerary.for_visit(last)]
        assert uids == [i.uid for i in first.itinerary.for_visit(last)]
    finally:
        again.close()


def test_another_seed_gives_other_visits(synthetic: Synthetic, services: Services) -> None:
    # Only the synthetic part, next to the three partner institutions (faster than a full demo).
    hosts = {key: services.institutions.create(inst) for key, inst in INSTITUTIONS.items()}
    add_synthetic_visits(services, SYNTHETIC, seed=8, today=TODAY, hosts=hosts, project_ids=[])
    seven = synthetic.services.visits.list()[len(VISITS) :]
    eight = services.visits.list()
    assert len(eight) == len(seven) == SYNTHETIC
    assert [(v.arrival_date, v.departure_date, v.status) for v in eight] != [
        (v.arrival_date, v.departure_date, v.status) for v in seven
    ]


def test_weekly_hybrid_series_across_the_us_spring_change(
    demo: tuple[Services, DemoSummary],
) -> None:
    from planner.demo.data import WEEKLY_COUNT, WEEKLY_SERIES
    from planner.domain.enums import Attendance, EventMode, Frequency

    services, _ = demo
    (event,) = [e for e in services.events.list() if e.series == WEEKLY_SERIES]
    assert event.id is not None
    assert event.mode is EventMode.HYBRID and event.frequency is Frequency.WEEKLY
    assert event.meeting_link.startswith("https://")
    details = services.events.details(event.id)
    assert len(details.occurrences) == WEEKLY_COUNT
    assert [s.zone for s in details.sites] == ["America/Chicago", "Asia/Tokyo"]
    kobe = [row[1] for row in details.times]
    # Wednesday 08:00 in Kobe before the US change, 07:00 after (flagged as outside hours).
    assert {t.start.strftime("%a %H:%M") for t in kobe[:5]} == {"Wed 08:00"}
    assert kobe[5].clock_change == "America/Chicago" and kobe[5].outside_hours
    moved = [o for o in details.occurrences if o.moved]
    assert len(moved) == 1 and utc_to_local(moved[0].start_utc, "America/Chicago").weekday() == 3
    attendance = {p.attendance for p in services.events.participants(event.id)}
    assert attendance == {Attendance.ROOM, Attendance.REMOTE}


def test_demo_itineraries_read_japanese_in_japanese(demo: tuple[Services, DemoSummary]) -> None:
    """Issue 18: the demo fills the Japanese notes and details, so Japanese exports show them."""
    from planner.export.i18n import Lang
    from planner.export.itinerary import ExportFormat, render_itinerary

    services, _summary = demo
    noted = [v for v in services.visits.list() if v.visitor_notes_ja]
    assert noted
    visit = noted[0]
    page = render_itinerary(services, visit.id or 0, ExportFormat.HTML, Lang.JA).decode()
    assert visit.visitor_notes_ja in page and visit.visitor_notes not in page
    assert "予約番号" in page or "参加します" in page or "同席します" in page
