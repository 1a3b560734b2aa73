"""Messages about sensitive columns (date of birth, passport number and expiry) name the row
and the column, never the value: a problem report ends up on terminals, in logs, in e-mails."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook

from planner.cli import main
from planner.importing.common import RowReader, private
from planner.importing.headers import PEOPLE_FIELDS
from planner.importing.run import import_file
from planner.importing.table import ImportRowsError, TableRow
from planner.services.container import Services
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import Sample, make_sample

HEADER = "Family name,Category,Affiliation,E-mail,生年月日,Passport number,Passport expiry"
#: Values that must never be printed, and the kind of problem each one causes.
SECRETS = [
    "31/31/1971",  # not a date
    "1071-03-04",  # outside the years allowed
    "12/11/1973",  # ambiguous order
    "1974年13月1日",  # not a day of the calendar
    "40000.5",  # a date-time serial number
]
LONG_PASSPORT = "ZQ" + "7" * 200  # too long for the field


def _rows() -> list[str]:
    lines = [HEADER]
    for n, secret in enumerate(SECRETS):
        lines.append(f"Name{n},staff,Argonne,p{n}@example.org,{secret},X{n},{secret}")
    lines.append(f"Long,staff,Argonne,long@example.org,1980-01-01,{LONG_PASSPORT},1979-01-01")
    return lines


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "private.csv"
    path.write_text("\n".join(_rows()) + "\n", encoding="utf-8")
    return path


def _assert_private(text: str) -> None:
    for secret in SECRETS:
        assert secret not in text, text
        assert secret.split("/")[0] + "/" + secret.split("/")[-1] not in text
    assert "ZQ777" not in text, text
    for year in ("1071", "1974", "40000"):
        assert year not in text, text


def test_problems_name_row_and_column_never_the_value(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    with pytest.raises(ImportRowsError) as info:
        import_file(services, "people", _file(tmp_path))
    problems = info.value.problems
    columns = {(p.row, p.column) for p in problems}
    for row in range(2, 2 + len(SECRETS)):
        assert {(row, "生年月日"), (row, "Passport expiry")} <= columns
    assert (7, "Passport number") in columns
    assert all(p.value == "" for p in problems if p.column != "E-mail")
    _assert_private(str(info.value))
    # The reason is still there: the coordinator learns what to fix.
    assert "is not a date" in str(info.value)


def test_command_line_prints_no_private_value(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_migrated(db_path)
    make_sample(services)
    services.close()
    assert main(["--db", str(db_path), "import", "people", str(_file(tmp_path))]) == 1
    captured = capsys.readouterr()
    assert "row 2, column 生年月日" in captured.err
    _assert_private(captured.out + captured.err)


def test_xlsx_date_with_time_of_day_is_private(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.split(","))
    sheet.append(["Hour", "staff", "Argonne", "h@example.org", datetime(1977, 5, 6, 7, 8)])
    path = tmp_path / "p.xlsx"
    book.save(path)
    with pytest.raises(ImportRowsError) as info:
        import_file(services, "people", path)
    assert "1977" not in str(info.value) and "07:08" not in str(info.value)


def test_private_keeps_the_reason_and_safe_numbers() -> None:
    from planner.domain.i18n import Message

    message = Message("the year {year} is outside {first}–{last}", {"year": 1071, "first": 1900,
                                                                     "last": 2200})  # fmt: skip
    shown = private(message)
    assert shown == "the year [value not shown] is outside 1900–2200"
    assert private("is required") == "is required"


def test_only_sensitive_columns_are_private() -> None:
    row = TableRow(2, ("Sato", "secret-dob", "Argonne"))
    mapping: dict[str, int | None] = {"family_name": 0, "date_of_birth": 1, "home_institution": 2}
    reader = RowReader(row, ["Family name", "DOB", "Affiliation"], mapping, PEOPLE_FIELDS)
    reader.bad("date_of_birth", "is wrong")
    reader.bad("home_institution", "is unknown")
    found = [(p.column, p.value) for p in reader.problems]
    assert found == [("DOB", ""), ("Affiliation", "Argonne")]


def test_wizard_text_has_no_private_value(
    qapp: object, services: Services, sample: Sample, tmp_path: Path
) -> None:
    from planner.ui.spreadsheets.import_wizard import failure_text

    with pytest.raises(ImportRowsError) as info:
        import_file(services, "people", _file(tmp_path))
    text = failure_text(info.value)
    assert "生年月日" in text
    _assert_private(text)
