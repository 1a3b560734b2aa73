"""A corpus of malformed and hostile import files: each gives exit 1, one clear error line
(or one line per row problem), no traceback, and writes nothing."""

from __future__ import annotations

import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import Workbook

from planner.cli import main
from planner.db.location import sqlite_target
from planner.importing import table
from planner.services.container import Services
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import make_sample

PEOPLE = "family name,given name,category,affiliation,email,passport number,date of birth\n"
VISITS = "visitor email,host institution,arrival date,departure date\n"
ITINERARY = "kind,title,start,end\n"

#: (name, file name, contents, importer) — contents are text (CSV) or a builder (XLSX).
Maker = Callable[[Path], None]


def _csv(text: str) -> Maker:
    return lambda path: path.write_text(text, encoding="utf-8", newline="")


def _workbook(rows: list[list[object]]) -> Workbook:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    return book


def _xlsx_without_sheets(path: Path) -> None:
    """A workbook whose workbook part lists no sheet at all."""
    _workbook([["kind", "title"]]).save(path)
    source = path.with_suffix(".tmp")
    path.rename(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/workbook.xml":
                text = data.decode()
                start, end = text.index("<sheets>"), text.index("</sheets>") + len("</sheets>")
                data = (text[:start] + "<sheets/>" + text[end:]).encode()
            if info.filename.startswith("xl/worksheets/"):
                continue
            new.writestr(info, data)
    source.unlink()


def _xlsx_truncated(path: Path) -> None:
    """A workbook whose sheet XML stops in the middle of a row."""
    rows: list[list[object]] = [["kind", "title", "start", "end"]]
    rows += [["meeting", f"row {n}", "2027-03-09 10:00", "2027-03-09 11:00"] for n in range(50)]
    _workbook(rows).save(path)
    source = path.with_suffix(".tmp")
    path.rename(source)
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
        for info in old.infolist():
            data = old.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data[: len(data) // 2]
            new.writestr(info, data)
    source.unlink()


def _xlsx_rows(rows: list[list[object]]) -> Maker:
    return lambda path: _workbook(rows).save(path)


def _xlsx_patched(rows: list[list[object]], placeholder: str, text: str) -> Maker:
    """A workbook with *text* where *placeholder* was, written into the XML itself (openpyxl
    would cut a cell at 32,767 characters, as Excel does; a hostile file need not)."""

    def make(path: Path) -> None:
        _workbook(rows).save(path)
        source = path.with_suffix(".tmp")
        path.rename(source)
        with zipfile.ZipFile(source) as old, zipfile.ZipFile(path, "w") as new:
            for info in old.infolist():
                new.writestr(info, old.read(info).replace(placeholder.encode(), text.encode()))
        source.unlink()

    return make


def _not_a_zip(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)


_LONG = "A" * (table.MAX_CELL_CHARS + 10)
CORPUS: list[tuple[str, str, Maker, str, str]] = [
    # id, file name, maker, importer, what the error line must say
    ("csv-cell-over-field-limit-people", "p.csv",
     _csv(PEOPLE + f"{_LONG},Yu,staff,Argonne,yu@example.org,,\n"), "people", "field limit"),
    ("csv-cell-over-field-limit-visits", "v.csv",
     _csv(VISITS + f"h.tanaka@example.jp,{_LONG},2027-03-01,2027-03-02\n"), "visits",
     "field limit"),
    ("csv-cell-over-field-limit-itinerary", "i.csv",
     _csv(ITINERARY + f"meeting,{_LONG},2027-03-09 10:00,2027-03-09 11:00\n"), "itinerary",
     "field limit"),
    ("csv-nul-byte", "p.csv", _csv(PEOPLE + "Ono\x00,Yu,staff,Argonne,yu@example.org,,\n"),
     "people", "row 2"),
    ("csv-escape-in-name", "p.csv",
     _csv(PEOPLE + "Ono\x1b[2J,Yu,staff,Argonne,yu@example.org,,\n"), "people",
     "row 2, column family name"),
    ("csv-escape-in-itinerary-title", "i.csv",
     _csv(ITINERARY + "meeting,Lab\x07 tour,2027-03-09 10:00,2027-03-09 11:00\n"), "itinerary",
     "row 2, column title"),
    ("csv-passport-10000-chars", "p.csv",
     _csv(PEOPLE + f"Ono,Yu,staff,Argonne,yu@example.org,{'X' * 10_000},\n"), "people",
     "at most 40"),
    ("csv-name-over-limit", "p.csv",
     _csv(PEOPLE + f"{'O' * 101},Yu,staff,Argonne,yu@example.org,,\n"), "people",
     "at most 100"),
    ("csv-birth-year-0001", "p.csv",
     _csv(PEOPLE + "Ono,Yu,staff,Argonne,yu@example.org,,0001-01-01\n"), "people",
     "outside 1900–2200"),
    ("csv-birth-year-9999", "p.csv",
     _csv(PEOPLE + "Ono,Yu,staff,Argonne,yu@example.org,,9999-12-31\n"), "people",
     "outside 1900–2200"),
    ("csv-visit-year-9999", "v.csv",
     _csv(VISITS + "h.tanaka@example.jp,Argonne,9999-12-30,9999-12-31\n"), "visits",
     "outside 1900–2200"),
    ("csv-visit-year-0001", "v.csv",
     _csv(VISITS + "h.tanaka@example.jp,Argonne,0001-01-01,0001-01-02\n"), "visits",
     "outside 1900–2200"),
    ("csv-itinerary-year-9999", "i.csv",
     _csv(ITINERARY + "meeting,x,9999-12-31 10:00,9999-12-31 11:00\n"), "itinerary",
     "outside 1900–2200"),
    ("csv-itinerary-year-0001", "i.csv",
     _csv(ITINERARY + "meeting,x,0001-01-01 00:10,0001-01-01 00:20\n"), "itinerary",
     "outside 1900–2200"),
    ("csv-itinerary-title-over-limit", "i.csv",
     _csv(ITINERARY + f"meeting,{'T' * 201},2027-03-09 10:00,2027-03-09 11:00\n"), "itinerary",
     "at most 200"),
    # C1 CSI (U+009B) is legal XML, so a workbook can carry it; C0 controls cannot be.
    ("xlsx-cell-with-c1-escape", "p.xlsx",
     _xlsx_rows([PEOPLE.strip().split(","), ["Ono", "Yu\x9b2J", "staff", "Argonne",
                                             "yu@example.org"]]),
     "people", "row 2, column given name"),
    ("xlsx-itinerary-cell-with-del", "i.xlsx",
     _xlsx_rows([["kind", "title", "start", "end"],
                 ["meeting", "Lab\x7f", "2027-03-09 10:00", "2027-03-09 11:00"]]),
     "itinerary", "row 2, column title"),
    ("xlsx-itinerary-cell-over-limit", "i.xlsx",
     _xlsx_patched([["kind", "title", "start", "end"],
                    ["meeting", "PLACEHOLDER", "2027-03-09 10:00", "2027-03-09 11:00"]],
                   "PLACEHOLDER", "T" * (table.MAX_CELL_CHARS + 1)),
     "itinerary", "row 2, column title"),
    ("xlsx-people-cell-over-limit", "p.xlsx",
     _xlsx_patched([PEOPLE.strip().split(","), ["PLACEHOLDER", "Yu", "staff", "Argonne",
                                                "yu@example.org"]],
                   "PLACEHOLDER", "T" * (table.MAX_CELL_CHARS + 1)),
     "people", "row 2, column family name"),
    ("xlsx-itinerary-year-9999", "i.xlsx",
     _xlsx_rows([["kind", "title", "start", "end"],
                 ["meeting", "x", "9999-12-31 10:00", "9999-12-31 11:00"]]),
     "itinerary", "outside 1900–2200"),
]  # fmt: skip
for _kind in ("people", "visits", "itinerary"):
    CORPUS += [
        (f"xlsx-without-sheets-{_kind}", "w.xlsx", _xlsx_without_sheets, _kind, "no sheet"),
        (f"xlsx-truncated-xml-{_kind}", "w.xlsx", _xlsx_truncated, _kind, "XLSX"),
        (f"xlsx-not-a-zip-{_kind}", "w.xlsx", _not_a_zip, _kind, "XLSX"),
        (f"csv-not-text-{_kind}", "w.csv", lambda p: p.write_bytes(b"\xff\xfe\x00\x81" * 9),
         _kind, "UTF-8"),
        (f"csv-empty-{_kind}", "w.csv", _csv(""), _kind, "empty"),
    ]  # fmt: skip


@pytest.fixture
def db(db_path: Path) -> Path:
    services = open_migrated(db_path)
    make_sample(services)
    services.close()
    return db_path


def _counts(db: Path) -> tuple[int, ...]:
    services = Services.open(sqlite_target(db))
    try:
        return (
            len(services.people.list()),
            services.visits.count(),
            len(services.institutions.list()),
            len(services.itinerary.list()),
        )
    finally:
        services.close()


def _argv(kind: str, path: Path, db: Path) -> list[str]:
    extra = ["--visit", "V-2027-0001"] if kind == "itinerary" else []
    return ["--db", str(db), "import", kind, str(path), *extra]


def assert_one_clear_failure(code: int, err: str, expected: str) -> None:
    """Exit 1, no traceback, the reason in the first line, every line a problem or a title."""
    assert code == 1, err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines and lines[0].startswith("planner: error: "), err
    assert expected in err, err
    assert all(len(line) < 400 for line in lines), "a line quotes a whole hostile cell"
    assert "\x1b" not in err and "\x07" not in err


@pytest.mark.parametrize(
    ("name", "maker", "kind", "expected"),
    [pytest.param(n, m, k, e, id=i) for i, n, m, k, e in CORPUS],
)
def test_hostile_file_is_refused_with_a_clear_line_and_nothing_written(
    name: str, maker: Maker, kind: str, expected: str, db: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    path = tmp_path / name
    maker(path)
    before = _counts(db)
    code = main(_argv(kind, path, db))
    _, err = capsys.readouterr()
    assert_one_clear_failure(code, err, expected)
    assert _counts(db) == before


@pytest.mark.parametrize("kind", ["people", "itinerary"])
def test_workbook_that_unpacks_too_large_is_refused_before_parsing(
    kind: str, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """The 195 KB workbook holding one 200-million-character cell, scaled down: the zip
    directory's sizes are checked before openpyxl reads a byte."""
    monkeypatch.setattr(table, "MAX_XLSX_UNPACKED", 1_000_000)
    path = tmp_path / "bomb.xlsx"
    _xlsx_patched([["kind", "title"], ["meeting", "BIG"]], "BIG", "A" * 2_000_000)(path)
    assert path.stat().st_size < 100_000
    before = _counts(db)
    code = main(_argv(kind, path, db))
    assert_one_clear_failure(code, capsys.readouterr().err, "unpacks to")
    assert _counts(db) == before


def test_too_many_rows_and_too_large_files_are_refused(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(table, "MAX_ROWS", 5)
    path = tmp_path / "p.csv"
    path.write_text(
        PEOPLE + "".join(f"P{n},Yu,staff,Argonne,p{n}@example.org,,\n" for n in range(6)),
        encoding="utf-8",
    )
    code = main(_argv("people", path, db))
    assert_one_clear_failure(code, capsys.readouterr().err, "more than 5 rows")
    monkeypatch.setattr(table, "MAX_FILE_BYTES", 100)
    code = main(_argv("itinerary", path, db))
    assert_one_clear_failure(code, capsys.readouterr().err, "more than 100 bytes")


def test_a_refused_cell_is_quoted_short(tmp_path: Path) -> None:
    problem = table.RowProblem(2, "title", "too long", "x" * 100_000)
    assert len(str(problem)) < 200


# Packages ---------------------------------------------------------------------------------

_DEPTH = 100_000


def _package(db: Path, tmp_path: Path) -> dict[str, object]:
    out = tmp_path / "good.json"
    assert main(["--db", str(db), "export", "visit", "V-2027-0001", "--format", "json",
                 "-o", str(out)]) == 0  # fmt: skip
    data: dict[str, object] = json.loads(out.read_text(encoding="utf-8"))
    return data


def _sensitive(data: dict[str, object]) -> dict[str, object]:
    data["includes_sensitive"] = True
    return data


def _set(data: dict[str, object], dotted: str, value: object) -> str:
    node: object = data
    *parents, last = dotted.split(".")
    for key in parents:
        assert isinstance(node, dict)
        node = node[key]
    assert isinstance(node, dict)
    node[last] = value
    return json.dumps(data)  # \u-escapes: a lone surrogate travels as JSON text


PACKAGES: list[tuple[str, Callable[[dict[str, object]], str], str]] = [
    ("integer-5000-digits", lambda d: json.dumps(d).replace(
        '"schema_version": 2', '"schema_version": ' + "9" * 5000), "beyond"),
    ("integer-10e23", lambda d: _set(d, "schema_version", 10**23), "beyond"),
    ("float-1e23", lambda d: json.dumps(d).replace('"schema_version": 2',
                                                   '"schema_version": 1e23'), "beyond"),
    ("nan", lambda d: json.dumps(d).replace('"schema_version": 2', '"schema_version": NaN'),
     "not JSON"),
    ("nested-arrays-100000", lambda d: _set(d, "extra", 0).replace(
        '"extra": 0', '"extra": ' + "[" * _DEPTH + "]" * _DEPTH), "nested"),
    ("nested-objects-100000", lambda d: "{" * _DEPTH + "}" * _DEPTH, "nested"),
    ("arrival-year-9999", lambda d: _set(d, "visit.arrival_date", "9999-12-30"),
     "visit.arrival_date: the year 9999"),
    ("departure-year-0001", lambda d: _set(d, "visit.departure_date", "0001-01-01"),
     "visit.departure_date: the year 1"),
    ("birth-year-0001", lambda d: _set(_sensitive(d), "people.visitor.date_of_birth",
                                       "0001-01-01"),
     "date_of_birth: the year 1"),
    ("escape-in-name", lambda d: _set(d, "people.visitor.family_name", "Tan\x1b[31maka"),
     "people.visitor.family_name contains the control character U+001B"),
    ("lone-surrogate", lambda d: _set(d, "people.visitor.family_name", "Tan\ud800aka"),
     "U+D800"),
    ("passport-10000", lambda d: _set(_sensitive(d), "people.visitor.passport_number",
                                      "X" * 10_000), "at most 40"),
    ("notes-over-limit", lambda d: _set(d, "visit.visitor_notes", "n" * 20_001),
     "at most 20000"),
    ("name-over-limit", lambda d: _set(d, "people.visitor.family_name", "T" * 101),
     "at most 100"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "mutate", "expected"), PACKAGES, ids=[p[0] for p in PACKAGES])
def test_hostile_package_is_refused_with_one_line(
    name: str, mutate: Callable[[dict[str, object]], str], expected: str, db: Path,
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    package = tmp_path / f"{name}.json"
    package.write_text(mutate(_package(db, tmp_path)), encoding="utf-8", errors="surrogatepass")
    capsys.readouterr()
    target = tmp_path / "partner.sqlite3"
    # A changed package is unsigned: accepted as such here, so its content is what is refused.
    code = main(["--db", str(target), "import", "visit", str(package), "--accept-unsigned"])
    err = capsys.readouterr().err
    assert code == 1, err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert err.startswith("planner: error: ") and expected in err, err
    assert not target.exists() or _counts(target)[1] == 0
