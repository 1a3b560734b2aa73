"""``planner import people``: encodings, delimiters, XLSX, all or nothing, duplicates."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from planner.domain.enums import AuditAction, PersonCategory
from planner.importing.run import import_file, plan_file
from planner.importing.table import ImportRowsError
from planner.services.container import Services
from tests.fixtures.sample import Sample

HEADER = "Family name,Given name,姓（漢字）,名（漢字）,Category,Affiliation,E-mail,国籍,生年月日"
ROWS = (
    "Suzuki,Aiko,鈴木,愛子,研究者,RIKEN Wako,a.suzuki@example.jp,日本,1990/04/01",
    "Smith,John,,,staff,Argonne,J.Smith@example.org,United States,1 Apr 1985",
)


def _write(tmp_path: Path, lines: list[str], *, encoding: str = "utf-8", sep: str = ",",
           name: str = "people.csv") -> Path:  # fmt: skip
    path = tmp_path / name
    text = "\r\n".join(line.replace(",", sep) for line in lines) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def _emails(services: Services) -> set[str]:
    return {p.email for p in services.people.list()}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "shift_jis", "cp932"])
def test_each_encoding_reads_kanji(
    services: Services, sample: Sample, tmp_path: Path, encoding: str
) -> None:
    path = _write(tmp_path, [HEADER, *ROWS], encoding=encoding)
    report = import_file(services, "people", path)
    assert (report.added, report.present) == (2, 0)
    suzuki = next(p for p in services.people.list() if p.email == "a.suzuki@example.jp")
    assert (suzuki.family_name_native, suzuki.given_name_native) == ("鈴木", "愛子")
    assert suzuki.category is PersonCategory.RESEARCHER and suzuki.nationality == "JP"
    assert suzuki.date_of_birth == date(1990, 4, 1)
    smith = next(p for p in services.people.list() if p.family_name == "Smith")
    assert smith.nationality == "US" and smith.home_institution_id == sample.argonne.id


@pytest.mark.parametrize("sep", [",", ";", "\t"])
def test_each_delimiter(services: Services, sample: Sample, tmp_path: Path, sep: str) -> None:
    path = _write(tmp_path, [HEADER, *ROWS], sep=sep)
    assert import_file(services, "people", path).added == 2


def test_undecodable_file_is_a_clear_error(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(b"name\n\xff\xfe\xfa\xfb\x80\x81\xfd\n")
    with pytest.raises(ImportRowsError, match="neither UTF-8, UTF-16 nor Shift_JIS"):
        import_file(services, "people", path)


def test_all_or_nothing_lists_every_problem_with_row_column_value(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    path = _write(
        tmp_path,
        [
            HEADER,
            ROWS[0],
            "Bad,Mail,,,researcher,Argonne,not-an-email,JP,",
            "",
            "Nobody,Home,,,wizard,Nowhere Institute,x@example.org,Atlantis,31/31/2020",
        ],
    )
    with pytest.raises(ImportRowsError) as info:
        import_file(services, "people", path)
    found = [(p.row, p.column, p.value) for p in info.value.problems]
    assert found == [
        (3, "E-mail", "not-an-email"),
        (5, "Category", "wizard"),
        (5, "Affiliation", "Nowhere Institute"),
        (5, "国籍", "Atlantis"),
        (5, "生年月日", ""),  # a date of birth is never quoted (see test_privacy.py)
    ]
    assert "31/31/2020" not in str(info.value)
    text = str(info.value.problems[2])
    assert text.startswith("row 5, column Affiliation, value 'Nowhere Institute': unknown")
    assert "--create-institutions" in text
    assert _emails(services) == {"h.tanaka@example.jp", sample.miller.email}


def test_importing_twice_adds_nothing(services: Services, sample: Sample, tmp_path: Path) -> None:
    path = _write(tmp_path, [HEADER, *ROWS])
    assert import_file(services, "people", path).added == 2
    again = import_file(services, "people", path)
    assert (again.added, again.present) == (0, 2)
    assert str(again) == "0 people added, 2 already present"
    # The sample's Tanaka matches by e-mail in another case; a repeated row matches the first.
    other = _write(
        tmp_path,
        [HEADER, "Tanaka,Hiroshi,,,researcher,RIKEN Wako,H.TANAKA@example.jp,JP,",
         "New,Person,,,student,Argonne,,JP,2001-02-03",
         "new,person,,,student,Argonne,,JP,2001-02-03"],
        name="other.csv",
    )  # fmt: skip
    report = import_file(services, "people", other)
    assert (report.added, report.present) == (1, 2)


def test_audit_entries_and_one_change_per_kind(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    changes = []
    services.bus.subscribe(changes.append)
    import_file(services, "people", _write(tmp_path, [HEADER, *ROWS]))
    assert [(c.kind, len(c.ids)) for c in changes] == [("person", 2)]
    from planner.services import audit

    with services.db.read() as session:
        entries = audit.history(session, "person", changes[0].ids)
    assert [e.action for e in entries] == [AuditAction.IMPORT, AuditAction.IMPORT]
    assert entries[0].reason == "imported from people.csv"
    assert entries[0].changes["date_of_birth"] == "(hidden)"


def test_unknown_institution_created_only_with_flag_and_columns(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    header = HEADER + ",Country,Time zone"
    row = "Kato,Ken,加藤,健,student,Kobe University,k.kato@example.jp,JP,,JP,Asia/Tokyo"
    no_zone = "Lee,Ann,,,student,Seoul Univ,ann@example.kr,KR,,KR,"
    path = _write(tmp_path, [header, row])
    with pytest.raises(ImportRowsError, match="unknown institution 'Kobe University'"):
        import_file(services, "people", path)
    report = import_file(services, "people", path, create_institutions=True)
    assert report.institutions_created == ["Kobe University"]
    kobe = services.institutions.find_by_name("kobe university")
    assert kobe is not None and (kobe.country, kobe.timezone) == ("JP", "Asia/Tokyo")
    bad = _write(tmp_path, [header, no_zone], name="nozone.csv")
    with pytest.raises(ImportRowsError) as info:
        import_file(services, "people", bad, create_institutions=True)
    assert "add it first or give its country and time zone" in str(info.value)


def test_dry_run_writes_nothing(services: Services, sample: Sample, tmp_path: Path) -> None:
    before = _emails(services)
    report = import_file(services, "people", _write(tmp_path, [HEADER, *ROWS]), dry_run=True)
    assert report.added == 2 and report.dry_run and "would be added" in str(report)
    assert _emails(services) == before


def test_missing_required_column_is_a_header_problem(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    path = _write(tmp_path, ["Family name,Given name", "A,B"])
    plan = plan_file(services, "people", path)
    assert [(p.row, p.column) for p in plan.problems] == [(1, "Category"), (1, "Home institution")]


def test_xlsx_real_dates_serials_and_formula_refused(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Surname", "First name", "区分", "所属", "メール", "Date of birth"])
    sheet.append(["Ito", "Jun", "学生", "RIKEN Wako", "jun@example.jp", datetime(1999, 12, 31)])
    sheet.append(["Ono", "Yu", "staff", "Argonne", "yu@example.org", 46478])
    path = tmp_path / "people.xlsx"
    book.save(path)
    report = import_file(services, "people", path)
    assert report.added == 2
    births = {p.email: p.date_of_birth for p in services.people.list()}
    assert births["jun@example.jp"] == date(1999, 12, 31)
    assert births["yu@example.org"] == date(2027, 4, 1)
    sheet.append(["Formula", "Cell", "staff", "Argonne", '="x"&"@example.org"', None])
    book.save(path)
    with pytest.raises(ImportRowsError) as info:
        import_file(services, "people", path)
    [problem] = info.value.problems
    assert (problem.row, problem.column) == (4, "メール")
    assert "formula" in problem.message


def test_rows_need_a_family_name_in_some_script_kanji_only_is_enough(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    """The same rule as the editor: a kanji-only name imports, given names alone do not."""
    kanji_only = ",,佐藤,花子,研究者,RIKEN Wako,h.sato@example.jp,日本,"
    given_only = ",Aiko,,愛子,研究者,RIKEN Wako,aiko@example.jp,日本,"
    with pytest.raises(ImportRowsError) as info:
        import_file(services, "people", _write(tmp_path, [HEADER, kanji_only, given_only]))
    assert [p.row for p in info.value.problems] == [3, 3]
    assert "Latin letters or in the native script" in str(info.value.problems[0])
    report = import_file(services, "people", _write(tmp_path, [HEADER, kanji_only]))
    assert report.added == 1
