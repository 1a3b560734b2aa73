"""Files as coordinators' programs write them: computed formulas (saved through LibreOffice),
text that starts with ``=``, CSV in every accepted encoding and some refused ones, headers
with hints, ``--map``/``--fields``, templates, and messages that never show private values.

The files are in ``tests/importing/data`` (see its README for how they were made).
"""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from planner.cli import main
from planner.db.location import sqlite_target
from planner.importing.headers import (
    ITINERARY_FIELDS,
    PEOPLE_FIELDS,
    VISIT_FIELDS,
    match_headers,
    suggest_field,
)
from planner.importing.itinerary import import_itinerary
from planner.importing.run import import_file, plan_file
from planner.importing.table import Formula, ImportRowsError, read_table
from planner.importing.templates import template_bytes
from planner.services.container import Services
from tests.fixtures.database import open_migrated
from tests.fixtures.sample import Sample, make_sample

DATA = Path(__file__).parent / "data"


def _people_by_email(services: Services) -> dict[str, object]:
    return {p.email: p for p in services.people.list()}


# --- formulas -------------------------------------------------------------------------------


def test_text_starting_with_equals_is_text_and_computed_values_are_used(
    services: Services, sample: Sample
) -> None:
    table = read_table(DATA / "people_formulas.xlsx")
    # The apostrophe-typed name is a text cell: no Formula, whatever it starts with.
    assert table.rows[0].values[0] == "=SUM(1,2)"
    assert not isinstance(table.rows[0].values[0], Formula)
    assert table.computed_columns() == ["Email", "Passport expiration date"]
    report = import_file(services, "people", DATA / "people_formulas.xlsx")
    assert report.added == 2 and report.computed == ("Email", "Passport expiration date")
    people = _people_by_email(services)
    literal = people["literal@example.org"]
    kato = people["ren.kato@example.jp"]
    assert literal.family_name == "=SUM(1,2)"  # type: ignore[attr-defined]
    assert kato.family_name_native == "加藤"  # type: ignore[attr-defined]  # "Last Name (Kanji)"
    assert kato.nationality == "JP"  # type: ignore[attr-defined]  # "Country of citizenship"
    assert kato.passport_expiry == date(2032, 3, 31)  # type: ignore[attr-defined]


def test_computed_departure_and_paid_are_used(services: Services, sample: Sample) -> None:
    plan = plan_file(services, "visits", DATA / "visits_formulas.xlsx")
    assert plan.ok, plan.problems
    assert plan.computed == ["Departure", "Paid"]
    assert [(v.visit.departure_date, v.visit.paid) for v in plan.visits] == [
        (date(2027, 4, 15), False),
        (date(2027, 6, 8), True),
    ]


def test_formula_without_stored_value_is_refused(services: Services, sample: Sample) -> None:
    count = len(services.visits.list())
    with pytest.raises(ImportRowsError) as info:
        import_file(services, "visits", DATA / "uncomputed.xlsx")
    found = [(p.row, p.column) for p in info.value.problems]
    assert found == [(2, "Departure"), (3, "Departure"), (3, "Paid")]
    assert all("formula" in p.message for p in info.value.problems)
    assert len(services.visits.list()) == count


def test_itinerary_end_computed_by_formula(services: Services, sample: Sample) -> None:
    (item,) = import_itinerary(services, DATA / "itinerary_formulas.xlsx", sample.visit_in.code)
    assert item.start_utc == datetime(2027, 4, 5, 1, 0, tzinfo=UTC)
    # 11:00, one hour after the start as =C2+1/24 computed it, in the host's zone (no end zone).
    assert item.end_utc == datetime(2027, 4, 5, 16, 0, tzinfo=UTC)


def test_dry_run_names_the_computed_columns(
    db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_migrated(db_path)
    make_sample(services)
    services.close()
    args = ["--db", str(db_path), "import", "visits", str(DATA / "visits_formulas.xlsx")]
    assert main([*args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "computed by formulas (stored values used): Departure, Paid" in out
    assert "dry run" in out


def test_error_result_of_a_formula_is_refused(tmp_path: Path) -> None:
    # A cached #DIV/0! is not a value: replace the stored result of a computed cell by one.
    path = tmp_path / "err.xlsx"
    shutil.copyfile(DATA / "visits_formulas.xlsx", path)
    import zipfile

    with zipfile.ZipFile(DATA / "visits_formulas.xlsx") as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode()
                start = text.index('<c r="D2"')
                end = text.index("</c>", start) + 4
                text = text[:start] + '<c r="D2" t="e"><f>C2+14</f><v>#DIV/0!</v></c>' + text[end:]
                data = text.encode()
            dst.writestr(item, data)
    value = read_table(path).rows[0].values[3]
    assert isinstance(value, Formula)


# --- encodings ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    ["people_utf8.csv", "people_utf8_bom.csv", "people_cp932.csv", "people_utf16le.txt",
     "people_utf16be.csv"],
)  # fmt: skip
def test_accepted_encodings_give_the_same_people(
    services: Services, sample: Sample, name: str
) -> None:
    table = read_table(DATA / name)
    assert table.header[2] == "姓（漢字）"
    assert [r.values[2] for r in table.rows] == ["田中", "高橋"]
    report = import_file(services, "people", DATA / name)
    assert report.added == 2
    assert _people_by_email(services)["ichiro@example.jp"].nationality == "JP"  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("people_utf16_nobom.csv", "UTF-16 without a byte-order mark"),
        ("people_latin1.csv", "neither UTF-8, UTF-16 nor Shift_JIS"),
        ("people_utf32.csv", "UTF-32"),
    ],
)
def test_other_encodings_are_refused_in_one_line(
    db_path: Path, capsys: pytest.CaptureFixture[str], name: str, words: str
) -> None:
    open_migrated(db_path).close()
    assert main(["--db", str(db_path), "import", "people", str(DATA / name)]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and words in err, err
    assert "\\x00" not in err and "Ã" not in err


def test_utf16_bom_on_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_bytes(b"\xff\xfe" + b"\x00\xd8A\x00" * 4)  # a lone surrogate
    with pytest.raises(ImportRowsError, match="not UTF-16 text"):
        read_table(path)
    path.write_bytes(b"\xff\xfe\x00\x81" * 9)  # decodes, but to byte-order marks and CJK soup
    with pytest.raises(ImportRowsError, match="not UTF-16 text"):
        read_table(path)


def test_workbook_named_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "book.csv"
    shutil.copyfile(DATA / "people_formulas.xlsx", path)
    with pytest.raises(ImportRowsError, match=r"give it the \.xlsx extension"):
        read_table(path)


# --- headers --------------------------------------------------------------------------------

HINTED = [
    (PEOPLE_FIELDS, "Last Name (Kanji)", "family_name_native"),
    (PEOPLE_FIELDS, "Last Name (Romaji)", "family_name"),
    (PEOPLE_FIELDS, "Passport expiration date", "passport_expiry"),
    (PEOPLE_FIELDS, "Country of citizenship", "nationality"),
    (PEOPLE_FIELDS, "Date of Birth (YYYY/MM/DD)", "date_of_birth"),
    (PEOPLE_FIELDS, "Date of birth YYYY-MM-DD", "date_of_birth"),
    (PEOPLE_FIELDS, "Affiliation【必須】", "home_institution"),
    (PEOPLE_FIELDS, "Family name / 姓", "family_name"),
    (PEOPLE_FIELDS, "Family name (native) / 姓（漢字）", "family_name_native"),
    (PEOPLE_FIELDS, "Category / 区分 *", "category"),
    (VISIT_FIELDS, "Arrival Date (YYYY/MM/DD)", "arrival_date"),
    (VISIT_FIELDS, "Purpose of visit", "purpose"),
    (VISIT_FIELDS, "来日日", "arrival_date"),
    (VISIT_FIELDS, "帰国日", "departure_date"),
    (ITINERARY_FIELDS, "Start time zone", "start_zone"),
    (ITINERARY_FIELDS, "Title (Japanese) / 件名（日本語）", "title_ja"),
]


@pytest.mark.parametrize(("fields", "header", "key"), HINTED)
def test_hinted_headers(fields: tuple, header: str, key: str) -> None:  # type: ignore[type-arg]
    mapping = match_headers(["unrelated", header], fields)
    assert [k for k, v in mapping.items() if v == 1] == [key]


def test_closest_field_is_suggested() -> None:
    assert suggest_field("Nationalty", PEOPLE_FIELDS).key == "nationality"  # type: ignore[union-attr]
    assert suggest_field("Famly name", PEOPLE_FIELDS).key == "family_name"  # type: ignore[union-attr]
    assert suggest_field("Arival", VISIT_FIELDS).key == "arrival_date"  # type: ignore[union-attr]
    assert suggest_field("Zip code", PEOPLE_FIELDS) is None


def test_map_names_columns_on_the_command_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_migrated(db_path)
    make_sample(services)
    services.close()
    path = tmp_path / "nom.csv"
    path.write_text(
        "Nom,Prénom,Statut,Labo,Courriel,Remarque\nDupont,Marie,staff,Argonne,md@example.fr,x\n",
        encoding="utf-8",
    )
    base = ["--db", str(db_path), "import", "people", str(path)]
    assert main(base) == 1  # nothing matches: required columns missing
    capsys.readouterr()
    maps = ["--map", "Nom=family_name", "--map", "prénom=given_name", "--map",
            "Statut=category", "--map", "Labo=home_institution", "--map", "Courriel=email",
            "--map", "Remarque=-"]  # fmt: skip
    assert main([*base, *maps]) == 0
    assert "1 people added" in capsys.readouterr().out
    check = Services.open(sqlite_target(db_path))
    try:
        marie = next(p for p in check.people.list() if p.email == "md@example.fr")
        assert (marie.family_name, marie.given_name) == ("Dupont", "Marie")
    finally:
        check.close()
    # A title the file does not have: one line, exit 1.
    assert main([*base, "--map", "Nombre=family_name"]) == 1
    err = capsys.readouterr().err
    assert "no column titled 'Nombre'" in err and len(err.strip().splitlines()) == 1
    # A field that does not exist: a usage error.
    with pytest.raises(SystemExit) as info:
        main([*base, "--map", "Nom=surname_please"])
    assert info.value.code == 2


def test_map_overrides_an_automatic_match(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    path = tmp_path / "p.csv"
    # "Email" would be the person's e-mail; here it is the assistant's, and "Own mail" is theirs.
    path.write_text(
        "Family name,Category,Affiliation,Email,Own mail\nSato,staff,Argonne,a@x.jp,s@x.jp\n",
        encoding="utf-8",
    )
    import_file(services, "people", path, overrides={"Own mail": "email", "Email": "-"})
    assert "s@x.jp" in _people_by_email(services)
    assert "a@x.jp" not in _people_by_email(services)


@pytest.mark.parametrize("kind", ["people", "visits", "itinerary"])
def test_fields_lists_every_field(kind: str, capsys: pytest.CaptureFixture[str]) -> None:
    from planner.importing.templates import FIELDS

    assert main(["import", kind, "--fields"]) == 0
    out = capsys.readouterr().out
    for spec in FIELDS[kind]:
        assert f"  {spec.key} " in out


# --- templates ------------------------------------------------------------------------------


def test_templates_round_trip(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    services = open_migrated(db_path)
    sample = make_sample(services)
    services.close()
    paths = {}
    for kind in ("people", "visits", "itinerary"):
        paths[kind] = tmp_path / f"{kind}.xlsx"
        assert main(["import", kind, "--template", "-o", str(paths[kind])]) == 0
    db = ["--db", str(db_path)]
    assert main([*db, "import", "people", str(paths["people"]), "--create-institutions"]) == 0
    assert main([*db, "import", "visits", str(paths["visits"]), "--create-institutions"]) == 0
    assert main([*db, "import", "itinerary", str(paths["itinerary"]),
                 "--visit", sample.visit_in.code]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert "1 people added" in out and "1 visits added" in out and "1 itinerary items" in out
    check = Services.open(sqlite_target(db_path))
    try:
        tanaka = next(p for p in check.people.list() if p.email == "hanako.tanaka@example.ac.jp")
        assert (tanaka.family_name_native, tanaka.date_of_birth) == ("田中", date(1985, 6, 15))
        visit = next(v for v in check.visits.list() if v.visitor_id == tanaka.id)
        assert (visit.arrival_date, visit.departure_date) == (date(2027, 4, 1), date(2027, 4, 14))
    finally:
        check.close()


def test_template_has_bilingual_headers_and_drop_down_lists(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    path.write_bytes(template_bytes("visits"))
    book = load_workbook(path)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert "Arrival / 到着日 *" in header and "Purpose / 目的" in header
    rules = {
        str(r.sqref).split(":")[0][0]: r.formula1 for r in sheet.data_validations.dataValidation
    }
    purpose = "ABCDEFGHIJK"[header.index("Purpose / 目的")]
    lists = book["Lists"]
    assert lists.sheet_state == "hidden"
    column = rules[purpose].split("!")[1].split(":")[0].replace("$", "")[0]
    values = [c.value for c in lists[column] if c.value]
    assert "research_collaboration" in values and "seminar" in values
    zone = "ABCDEFGHIJK"[header.index("Institution time zone / 機関のタイムゾーン")]
    zone_column = rules[zone].split("!")[1].split(":")[0].replace("$", "")[0]
    zones = [c.value for c in lists[zone_column] if c.value]
    assert "Asia/Tokyo" in zones and "America/Chicago" in zones and "posixrules" not in zones


def test_template_needs_an_xlsx_output(tmp_path: Path) -> None:
    with pytest.raises(SystemExit) as info:
        main(["import", "people", "--template"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["import", "people", "--template", "-o", str(tmp_path / "t.csv")])
    assert info.value.code == 2
