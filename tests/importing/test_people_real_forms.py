"""``planner import people`` end to end with the countries, dates, e-mail addresses and
phone numbers coordinators' spreadsheets really hold (issue 19, points 2, 3 and 6)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from planner.domain.entities import Person
from planner.importing.run import import_file
from planner.importing.table import ImportRowsError
from planner.services.container import Services
from tests.fixtures.sample import Sample

HEADER = "Family name,Given name,Category,Affiliation,E-mail,Phone,国籍,生年月日,Passport expiry"


def _write(tmp_path: Path, rows: list[str], name: str = "people.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(("\r\n".join([HEADER, *rows]) + "\r\n").encode("utf-8"))
    return path


def _by_email(services: Services) -> dict[str, Person]:
    return {p.email: p for p in services.people.list()}


# (nationality as written, ISO code, date of birth as written, the date)
FORMS = [
    ("オランダ", "NL", "令和元年5月1日", date(2019, 5, 1)),
    ("スイス", "CH", "平成31年4月1日", date(2019, 4, 1)),
    ("台湾", "TW", "H2.5.3", date(1990, 5, 3)),
    ("シンガポール", "SG", "昭和55年1月1日", date(1980, 1, 1)),
    ("ベトナム", "VN", "2027年4月1日(木)", date(2027, 4, 1)),
    ("大韓民国", "KR", "20270401", date(2027, 4, 1)),
    ("South Korea", "KR", "S55.1.1", date(1980, 1, 1)),
    ("Türkiye", "TR", "１９８０/１/２", date(1980, 1, 2)),
    ("Czechia", "CZ", "29221", date(1980, 1, 1)),  # an Excel serial number, as text
    ("USA", "US", "Thu 1 Apr 2027", date(2027, 4, 1)),
    ("米国", "US", "R9/4/1", date(2027, 4, 1)),
    ("UK", "GB", "S47.12.31", date(1972, 12, 31)),
    ("韓国", "KR", "1972-12-31", date(1972, 12, 31)),
    ("英国", "GB", "", None),
    ("中国", "CN", "", None),
    ("Czech Republic", "CZ", "", None),
    ("DEU", "DE", "", None),
]


def test_real_countries_and_dates_import_with_the_right_values(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    rows = [
        f"P{i},Q,researcher,Argonne,p{i}@example.org,,{country},{born},"
        for i, (country, _, born, _) in enumerate(FORMS)
    ]
    report = import_file(services, "people", _write(tmp_path, rows))
    assert report.added == len(FORMS)
    people = _by_email(services)
    for i, (_, code, _, born) in enumerate(FORMS):
        assert (
            people[f"p{i}@example.org"].nationality,
            people[f"p{i}@example.org"].date_of_birth,
        ) == (code, born)


def test_phones_are_stored_in_e164_for_the_home_institutions_country(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    rows = [
        "Cho,Ann,staff,Argonne,ann@example.org,630-252-2000,USA,,",
        "Abe,Ken,researcher,RIKEN Wako,ken@example.jp,048-462-1111,日本,,",
        "Ito,Mai,student,RIKEN Wako,mai@example.jp,+1 (630) 252-2000,日本,,",
        "Oda,Rin,student,RIKEN Wako,rin@example.jp,０９０－１２３４－５６７８,日本,,",
        "Day,Sam,staff,Argonne,sam@example.org,,USA,,",
    ]
    import_file(services, "people", _write(tmp_path, rows))
    people = _by_email(services)
    assert people["ann@example.org"].phone == "+16302522000"
    assert people["ken@example.jp"].phone == "+81484621111"
    assert people["mai@example.jp"].phone == "+16302522000"  # its own country code wins
    assert people["rin@example.jp"].phone == "+819012345678"
    assert people["sam@example.org"].phone == ""


def test_bad_cells_are_refused_one_line_each_and_nothing_is_written(
    services: Services, sample: Sample, tmp_path: Path
) -> None:
    before = _by_email(services)
    rows = [
        "A,A,staff,Argonne,john..doe@x,,USA,,",
        "B,B,staff,Argonne,john@example..com,,USA,,",
        "C,C,staff,Argonne,john@-example.com,,USA,,",
        "D,D,staff,Argonne,.john@x,,USA,,",
        "E,E,staff,Argonne,e@example.org,252-2000,USA,,",
        "F,F,staff,RIKEN Wako,f@example.jp,03-1234-567,日本,,",
        "G,G,staff,Argonne,g@example.org,,Netherland,,",
        "H,H,staff,Argonne,h@example.org,,オランド,,",
        "I,I,staff,Argonne,i@example.org,,USA,平成31年5月1日,",
        "J,J,staff,Argonne,j@example.org,,USA,2027年4月1日(金),",
        "K,K,staff,Argonne,k@example.org,,USA,04/01/2027,",
        "L,L,staff,Argonne,l@example.org,,USA,,令和元年4月30日",
        "M,M,staff,Argonne,m@example.org,,Atlantis,,",
    ]
    with pytest.raises(ImportRowsError) as info:
        import_file(services, "people", _write(tmp_path, rows))
    found = {(p.row, p.column): p.message for p in info.value.problems}
    assert len(info.value.problems) == len(rows)  # one problem per bad cell, no more
    for row in (2, 3, 4, 5):
        assert "is not a valid e-mail address" in found[(row, "E-mail")]
    assert "is a local number: add the area code" in found[(6, "Phone")]
    assert "is not a valid number in Japan (JP)" in found[(7, "Phone")]
    assert "did you mean Netherlands (NL)" in found[(8, "国籍")]
    assert "did you mean オランダ (NL)" in found[(9, "国籍")]
    assert "era ended on 2019-04-30" in found[(10, "生年月日")]
    # A wrong weekday is refused, but a date of birth's weekday is part of the value: the
    # message names the row and column and shows no part of it.
    assert "[value not shown]" in found[(11, "生年月日")]
    assert "Thursday" not in found[(11, "生年月日")]
    assert "is not a date" in found[(12, "生年月日")]
    assert "era began on 2019-05-01" in found[(13, "Passport expiry")]
    assert "is not a country" in found[(14, "国籍")]
    assert _by_email(services) == before
