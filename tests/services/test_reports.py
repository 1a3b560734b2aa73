"""Activity report totals against hand-computed data, and the visits export rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from planner.domain.entities import Event, Person, Project, Visit
from planner.domain.enums import EventKind, PersonCategory, Purpose, VisitStatus
from planner.domain.fiscal import FiscalSystem
from planner.services.container import Services
from planner.services.reports import NO_PROJECT
from tests.export.conftest import at
from tests.fixtures.sample import Sample, make_sample


@dataclass(frozen=True)
class ReportData:
    """The sample plus visits chosen so every number of the report is known by hand."""

    sample: Sample
    student: Person
    project: Project


def make_report_data(services: Services) -> ReportData:
    """Visits (all counted unless said otherwise) around US FY2027 / JP FY2027 boundaries.

    The sample's own two visits are drafts (not counted).

    1. Tanaka (researcher, RIKEN Wako → Argonne) 2027-09-25 .. 10-05, approved, AuroraGPT,
       research collaboration: US FY2027 6 days, US FY2028 5 days; JP FY2027 11 days.
    2. Miller (staff, Argonne → RIKEN Wako) 2028-03-28 .. 04-03, confirmed, no project,
       seminar: JP FY2027 4 days, JP FY2028 3 days; US FY2028 7 days.
    3. Sato (student, RIKEN Wako → Argonne) 2026-10-01 .. 10-10, completed, AuroraGPT,
       training: US FY2027 10 days; JP FY2026.
    4. Sato 2027-01-10 .. 01-12 cancelled; 5. Sato 2027-02-01 .. 02-03 proposed — neither is
       counted.
    Event: a seminar at RIKEN Wako on 2027-10-01 09:00 JST (2027-10-01 00:00 UTC, i.e.
    30 September in Chicago — local date decides) with 2 participants: US FY2028, JP FY2027.
    """
    sample = make_sample(services)
    argonne, riken = sample.argonne, sample.riken
    assert argonne.id and riken.id and sample.tanaka.id and sample.miller.id
    project = services.projects.create(Project(name="AuroraGPT", name_ja="オーロラGPT"))
    student = services.people.create(
        Person(
            family_name="Sato",
            given_name="Yui",
            family_name_native="佐藤",
            given_name_native="結衣",
            category=PersonCategory.STUDENT,
            home_institution_id=riken.id,
        )
    )
    assert student.id
    specs = [
        (sample.tanaka.id, argonne.id, date(2027, 9, 25), date(2027, 10, 5),
         VisitStatus.APPROVED, project.id, Purpose.RESEARCH_COLLABORATION),
        (sample.miller.id, riken.id, date(2028, 3, 28), date(2028, 4, 3),
         VisitStatus.CONFIRMED, None, Purpose.SEMINAR),
        (student.id, argonne.id, date(2026, 10, 1), date(2026, 10, 10),
         VisitStatus.COMPLETED, project.id, Purpose.TRAINING),
        (student.id, argonne.id, date(2027, 1, 10), date(2027, 1, 12),
         VisitStatus.CANCELLED, project.id, Purpose.TRAINING),
        (student.id, argonne.id, date(2027, 2, 1), date(2027, 2, 3),
         VisitStatus.PROPOSED, project.id, Purpose.TRAINING),
    ]  # fmt: skip
    path = [VisitStatus.CONFIRMED, VisitStatus.IN_PROGRESS, VisitStatus.COMPLETED]
    for visitor, host, arrival, departure, status, project_id, purpose in specs:
        # Admission needs approved paperwork: step along the life cycle with an override.
        first = status if status not in path else VisitStatus.APPROVED
        visit = services.visits.create(
            Visit(visitor_id=visitor, host_institution_id=host, arrival_date=arrival,
                  departure_date=departure, status=first, project_id=project_id,
                  purpose=purpose)
        )  # fmt: skip
        assert visit.id
        for step in path[: path.index(status) + 1] if status in path else []:
            services.visits.set_status(visit.id, step, "test data", override=True)
    event = services.events.create(
        Event(
            kind=EventKind.SEMINAR,
            title="Joint seminar",
            title_ja="合同セミナー",
            institution_id=riken.id,
            start_utc=at("2027-10-01 09:00", "Asia/Tokyo"),
            start_zone="Asia/Tokyo",
            end_utc=at("2027-10-01 11:00", "Asia/Tokyo"),
            end_zone="Asia/Tokyo",
        )
    )
    assert event.id
    services.events.set_participant(event.id, sample.tanaka.id)
    services.events.set_participant(event.id, student.id)
    return ReportData(sample, student, project)


@pytest.fixture
def data(services: Services) -> ReportData:
    return make_report_data(services)


def _table(report: object, name: str) -> dict[str, tuple[int, int]]:
    b = report.breakdown(name)  # type: ignore[attr-defined]
    return {r.key: (r.visits, r.person_days) for r in b.rows}


def test_us_fy2027_totals(services: Services, data: ReportData) -> None:
    report = services.reports.activity(FiscalSystem.US, 2027)
    assert (report.visits, report.person_days) == (2, 16)  # Tanaka 6 + Sato 10
    assert _table(report, "direction") == {"RIKEN Wako → Argonne": (2, 16)}
    assert _table(report, "category") == {"Researcher": (1, 6), "Student": (1, 10)}
    assert _table(report, "project") == {"AuroraGPT": (2, 16)}
    assert _table(report, "purpose") == {"Research collaboration": (1, 6), "Training": (1, 10)}
    assert report.events == ()
    direction = report.breakdown("direction").rows[0]
    assert direction.key_ja == "理化学研究所 和光地区 → Argonne"
    assert report.breakdown("project").rows[0].key_ja == "オーロラGPT"


def test_us_fy2028_gets_the_rest_of_the_boundary_visit(
    services: Services, data: ReportData
) -> None:
    report = services.reports.activity(FiscalSystem.US, 2028)
    assert (report.visits, report.person_days) == (2, 12)  # Tanaka 5 + Miller 7
    assert _table(report, "direction") == {
        "RIKEN Wako → Argonne": (1, 5),
        "Argonne → RIKEN Wako": (1, 7),
    }
    assert _table(report, "project") == {"AuroraGPT": (1, 5), NO_PROJECT: (1, 7)}
    assert [(e.title, e.participants, e.date) for e in report.events] == [
        ("Joint seminar", 2, date(2027, 10, 1))
    ]


def test_jp_fy2027_and_fy2028(services: Services, data: ReportData) -> None:
    fy27 = services.reports.activity(FiscalSystem.JP, 2027)
    assert (fy27.visits, fy27.person_days) == (2, 15)  # Tanaka 11 + Miller 4
    assert _table(fy27, "category") == {"Researcher": (1, 11), "Staff": (1, 4)}
    assert [e.participants for e in fy27.events] == [2]
    fy28 = services.reports.activity(FiscalSystem.JP, 2028)
    assert (fy28.visits, fy28.person_days) == (1, 3)
    assert _table(fy28, "purpose") == {"Seminar": (1, 3)}
    fy26 = services.reports.activity(FiscalSystem.JP, 2026)
    assert (fy26.visits, fy26.person_days) == (1, 10)  # cancelled and proposed left out


def test_totals_of_each_breakdown_match(services: Services, data: ReportData) -> None:
    report = services.reports.activity(FiscalSystem.US, 2028)
    for b in report.breakdowns:
        assert (b.total_visits, b.total_person_days) == (report.visits, report.person_days)


def test_visit_rows_hide_sensitive_fields_unless_asked(
    services: Services, data: ReportData
) -> None:
    plain = services.reports.visit_rows()
    assert len(plain) == 7
    assert all(r.passport_number == "" and r.date_of_birth is None for r in plain)
    full = services.reports.visit_rows(include_sensitive=True)
    tanaka = [r for r in full if r.visitor_name == "Hiroshi Tanaka"]
    assert tanaka and tanaka[0].passport_number == "TK0000001"
    assert tanaka[0].date_of_birth == date(1980, 5, 17)
    assert tanaka[0].visitor_name_native == "田中 博"
    assert [r.arrival_date for r in full] == sorted(r.arrival_date for r in full)
