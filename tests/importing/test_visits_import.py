"""``planner import visits``: visitors by e-mail, hosts by name, codes, no duplicates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.domain.enums import AuditAction, Purpose, VisitStatus
from planner.importing.run import import_file
from planner.importing.table import ImportRowsError
from planner.services import audit
from planner.services.container import Services
from tests.fixtures.sample import Sample

HEADER = "メールアドレス,受入機関,到着日,出発日,目的,Paid"


def _write(tmp_path: Path, *lines: str, name: str = "visits.csv") -> Path:
    path = tmp_path / name
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding="utf-8")
    return path


def test_visits_get_codes_and_checklists(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        "h.tanaka@example.jp,Argonne,2027年4月1日,2027/04/20,研究,no",
        f"{sample.miller.email.upper()},RIKEN Wako Campus,April 1 2027,1 May 2027,セミナー,yes",
    )
    report = import_file(services, "visits", path)
    assert (report.added, report.present) == (2, 0)
    new = [v for v in services.visits.list() if v.arrival_date == date(2027, 4, 1)]
    assert {v.purpose for v in new} == {Purpose.RESEARCH_COLLABORATION, Purpose.SEMINAR}
    assert {v.status for v in new} == {VisitStatus.DRAFT}
    assert sorted(v.code for v in new) == ["V-2027-0003", "V-2027-0004"]
    assert all(services.paperwork.for_visit(v.id or 0) for v in new)
    with services.db.read() as session:
        entries = audit.history(session, "visit", [v.id or 0 for v in new])
    assert {e.action for e in entries} == {AuditAction.IMPORT}
    again = import_file(services, "visits", path)
    assert (again.added, again.present) == (0, 2)


def test_problems_by_row_and_column_nothing_written(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    count = len(services.visits.list())
    path = _write(
        tmp_path,
        "h.tanaka@example.jp,Argonne,2027-04-01,2027-04-20,research,no",
        "nobody@example.org,Argonne,2027-04-01,2027-03-20,holiday,maybe",
        "h.tanaka@example.jp,Mars Base,=TODAY(),,,",
    )
    with pytest.raises(ImportRowsError) as info:
        import_file(services, "visits", path)
    found = [(p.row, p.column) for p in info.value.problems]
    assert found == [
        (3, "メールアドレス"),
        (3, "出発日"),
        (3, "目的"),
        (3, "Paid"),
        (4, "受入機関"),
        (4, "到着日"),
        (4, "出発日"),
    ]
    assert len(services.visits.list()) == count


def test_unknown_host_created_with_flag(services: Services, sample: Sample, tmp_path: Path) -> None:
    path = tmp_path / "v.csv"
    path.write_text(
        "email,host,arrival,departure,country,time zone\n"
        "h.tanaka@example.jp,Brookhaven National Laboratory,2027-06-01,2027-06-05,US,"
        "America/New_York\n",
        encoding="utf-8",
    )
    with pytest.raises(ImportRowsError, match="unknown institution 'Brookhaven"):
        import_file(services, "visits", path)
    report = import_file(services, "visits", path, create_institutions=True)
    assert report.added == 1 and report.institutions_created == ["Brookhaven National Laboratory"]
    bnl = services.institutions.find_by_name("Brookhaven National Laboratory")
    assert bnl is not None and bnl.timezone == "America/New_York"
    assert import_file(services, "visits", path).present == 1


def test_notes_for_the_visitor_in_japanese_are_imported(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    """Issue 18: a Japanese notes column fills the visit's Japanese notes."""
    path = tmp_path / "notes.csv"
    path.write_text(
        f"{HEADER},Notes for the visitor,訪問者への連絡（日本語）\n"
        "h.tanaka@example.jp,Argonne,2027/05/10,2027/05/12,研究,no,Lobby at 9,9時にロビーで\n",
        encoding="utf-8",
    )
    assert import_file(services, "visits", path).added == 1
    (visit,) = [v for v in services.visits.list() if v.arrival_date == date(2027, 5, 10)]
    assert (visit.visitor_notes, visit.visitor_notes_ja) == ("Lobby at 9", "9時にロビーで")
