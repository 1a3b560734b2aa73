"""DashboardService: the windows, edges and counts the dashboard shows, with a fixed today."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from sqlalchemy import update

from planner.db.models import VisitRow
from planner.demo.populate import populate_demo
from planner.domain.entities import Visit
from planner.domain.enums import Purpose, VisitStatus
from planner.services.container import Services
from planner.services.dashboard import DashboardVisit, StatusCount
from tests.fixtures.sample import Sample

TODAY = date(2027, 3, 1)


def add_visit(
    services: Services,
    sample: Sample,
    arrival: date,
    departure: date,
    status: VisitStatus = VisitStatus.DRAFT,
    *,
    japanese: bool = True,
) -> int:
    """A visit with the given dates, its status written directly (tests set any state)."""
    visitor = sample.tanaka if japanese else sample.miller
    host = sample.argonne if japanese else sample.riken
    assert visitor.id is not None and host.id is not None
    visit = services.visits.create(
        Visit(
            visitor_id=visitor.id,
            host_institution_id=host.id,
            arrival_date=arrival,
            departure_date=departure,
            purpose=Purpose.SEMINAR,
        )
    )
    assert visit.id is not None
    if status is not VisitStatus.DRAFT:
        # The life cycle (and paperwork) is tested elsewhere; here only the state matters.
        with services.db.write() as session:
            session.execute(update(VisitRow).where(VisitRow.id == visit.id).values(status=status))
    return visit.id


def ids(entries: tuple[DashboardVisit, ...]) -> list[int]:
    return [e.visit_id for e in entries]


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


def test_arrivals_window_includes_today_and_day_14_not_15(
    services: Services, sample: Sample
) -> None:
    before = add_visit(services, sample, day(-1), day(3), VisitStatus.CONFIRMED)
    today = add_visit(services, sample, day(0), day(3), VisitStatus.CONFIRMED)
    last = add_visit(services, sample, day(14), day(16), VisitStatus.APPROVED)
    after = add_visit(services, sample, day(15), day(16), VisitStatus.APPROVED)
    cancelled = add_visit(services, sample, day(3), day(4), VisitStatus.CANCELLED)
    draft = add_visit(services, sample, day(5), day(6), VisitStatus.DRAFT, japanese=False)

    arrivals = services.dashboard.arrivals(TODAY)

    found = ids(arrivals)
    assert today in found and last in found and draft in found
    assert before not in found and after not in found and cancelled not in found
    # The sample's 2027-03-08 visit is inside the window too.
    assert sample.visit_in.id in found
    assert [e.day for e in arrivals] == sorted(e.day for e in arrivals)
    by_id = {e.visit_id: e for e in arrivals}
    assert by_id[today].days_until == 0
    assert by_id[last].days_until == 14
    assert by_id[today].visitor_name == "Hiroshi Tanaka"
    assert by_id[today].visitor_name_native == "田中 博"
    assert by_id[today].host_institution == "Argonne"
    assert by_id[draft].visitor_name_native == ""


def test_arrivals_horizon_is_a_parameter(services: Services, sample: Sample) -> None:
    near = add_visit(services, sample, day(2), day(3))
    far = add_visit(services, sample, day(5), day(6))
    assert ids(services.dashboard.arrivals(TODAY, days=3)) == [near]
    assert far in ids(services.dashboard.arrivals(TODAY, days=5))


def test_departures_window_edges(services: Services, sample: Sample) -> None:
    left_yesterday = add_visit(services, sample, day(-5), day(-1), VisitStatus.COMPLETED)
    leaves_today = add_visit(services, sample, day(-5), day(0), VisitStatus.IN_PROGRESS)
    leaves_14 = add_visit(services, sample, day(10), day(14), VisitStatus.CONFIRMED)
    leaves_15 = add_visit(services, sample, day(10), day(15), VisitStatus.CONFIRMED)
    cancelled = add_visit(services, sample, day(1), day(2), VisitStatus.CANCELLED)

    found = ids(services.dashboard.departures(TODAY))

    assert leaves_today in found and leaves_14 in found
    assert left_yesterday not in found and leaves_15 not in found and cancelled not in found
    entries = {e.visit_id: e for e in services.dashboard.departures(TODAY)}
    assert entries[leaves_14].day == day(14)
    assert entries[leaves_14].days_until == 14


def test_in_progress_lists_running_visits_covering_today(
    services: Services, sample: Sample
) -> None:
    running = add_visit(services, sample, day(-3), day(3), VisitStatus.IN_PROGRESS)
    last_day = add_visit(services, sample, day(-3), day(0), VisitStatus.IN_PROGRESS)
    first_day = add_visit(services, sample, day(0), day(4), VisitStatus.IN_PROGRESS)
    confirmed_covering = add_visit(services, sample, day(-2), day(2), VisitStatus.CONFIRMED)
    overran = add_visit(services, sample, day(-9), day(-1), VisitStatus.IN_PROGRESS)

    found = services.dashboard.in_progress(TODAY)

    assert set(ids(found)) == {running, last_day, first_day}
    assert confirmed_covering not in ids(found) and overran not in ids(found)
    # Ordered by the day the visitor leaves.
    assert ids(found) == [last_day, running, first_day]
    assert all(e.day == e.departure_date for e in found)


def test_needs_update_flags_late_starts_and_overruns(services: Services, sample: Sample) -> None:
    late_start = add_visit(services, sample, day(-2), day(5), VisitStatus.CONFIRMED)
    stale_proposal = add_visit(services, sample, day(-30), day(-25), VisitStatus.PROPOSED)
    arrives_today = add_visit(services, sample, day(0), day(5), VisitStatus.CONFIRMED)
    overran = add_visit(services, sample, day(-9), day(-1), VisitStatus.IN_PROGRESS)
    done = add_visit(services, sample, day(-9), day(-2), VisitStatus.COMPLETED)
    cancelled = add_visit(services, sample, day(-9), day(-2), VisitStatus.CANCELLED)

    found = {e.visit_id: e for e in services.dashboard.needs_update(TODAY)}

    assert set(found) == {late_start, stale_proposal, overran}
    assert arrives_today not in found and done not in found and cancelled not in found
    assert found[late_start].note == "should be in progress"
    assert found[late_start].day == day(-2) and found[late_start].days_until == -2
    assert found[overran].note == "should be completed"
    assert found[overran].day == day(-1)
    assert [e.day for e in services.dashboard.needs_update(TODAY)] == sorted(
        e.day for e in found.values()
    )


def test_status_counts_cover_every_status_in_life_cycle_order(
    services: Services, sample: Sample
) -> None:
    add_visit(services, sample, day(1), day(2), VisitStatus.CONFIRMED)
    add_visit(services, sample, day(3), day(4), VisitStatus.CONFIRMED)
    add_visit(services, sample, day(5), day(6), VisitStatus.CANCELLED)

    counts = services.dashboard.status_counts()

    assert [c.status for c in counts] == list(VisitStatus)
    assert StatusCount(VisitStatus.CONFIRMED, 2) in counts
    assert StatusCount(VisitStatus.CANCELLED, 1) in counts
    assert StatusCount(VisitStatus.DRAFT, 2) in counts  # the sample's two visits
    assert StatusCount(VisitStatus.COMPLETED, 0) in counts
    assert sum(c.count for c in counts) == services.visits.count()


def test_empty_database(services: Services) -> None:
    snapshot = services.dashboard.snapshot(TODAY)
    assert snapshot.arrivals == snapshot.departures == snapshot.in_progress == ()
    assert snapshot.needs_update == ()
    assert all(c.count == 0 for c in snapshot.status_counts)
    assert services.dashboard.date_extent() is None


def test_date_extent(services: Services, sample: Sample) -> None:
    add_visit(services, sample, date(2025, 1, 5), date(2025, 1, 9))
    assert services.dashboard.date_extent() == (date(2025, 1, 5), date(2027, 4, 9))


@dataclass(frozen=True)
class FakeDue:
    """Shaped like the paperwork service's due items."""

    visit_id: int
    title: str
    status: str
    due_date: date
    blocking: bool
    title_ja: str = ""


def test_paperwork_due_resolves_visits_and_sorts(services: Services, sample: Sample) -> None:
    assert sample.visit_in.id is not None and sample.visit_out.id is not None
    items = [
        FakeDue(sample.visit_out.id, "Housing", "in_progress", day(9), False),
        FakeDue(sample.visit_in.id, "ESTA", "not_started", day(-2), True),
        FakeDue(999_999, "Orphan", "not_started", day(1), False),
    ]

    rows = services.dashboard.paperwork_due(items, TODAY)

    assert [r.title for r in rows] == ["ESTA", "Housing"]
    esta = rows[0]
    assert esta.code == sample.visit_in.code
    assert esta.visitor_name_native == "田中 博"
    assert esta.days_until == -2 and esta.blocking


DEMO_TODAY = date(2026, 11, 27)


def test_demo_snapshot_agrees_with_the_visit_list(services: Services) -> None:
    """Cross-check every section against the definitions, over the curated demo + synthetic."""
    populate_demo(services, synthetic_visits=200, seed=1, today=DEMO_TODAY)
    snapshot = services.dashboard.snapshot(DEMO_TODAY)
    visits = services.visits.summaries()
    horizon = DEMO_TODAY + timedelta(days=14)

    expected_arrivals = {
        v.id
        for v in visits
        if DEMO_TODAY <= v.arrival_date <= horizon and v.status is not VisitStatus.CANCELLED
    }
    expected_departures = {
        v.id
        for v in visits
        if DEMO_TODAY <= v.departure_date <= horizon and v.status is not VisitStatus.CANCELLED
    }
    expected_running = {
        v.id
        for v in visits
        if v.status is VisitStatus.IN_PROGRESS and v.arrival_date <= DEMO_TODAY <= v.departure_date
    }
    assert set(ids(snapshot.arrivals)) == expected_arrivals
    assert set(ids(snapshot.departures)) == expected_departures
    assert set(ids(snapshot.in_progress)) == expected_running
    # The demo is built around today: it has visits in every one of these sections.
    assert snapshot.arrivals and snapshot.departures and snapshot.in_progress
    counts = {c.status: c.count for c in snapshot.status_counts}
    for status in VisitStatus:
        assert counts[status] == sum(1 for v in visits if v.status is status)
