"""Automatic column matching: English and Japanese header variants."""

from __future__ import annotations

import pytest

from planner.importing.headers import PEOPLE_FIELDS, VISIT_FIELDS, match_headers, normalize_header

PEOPLE = [
    ("Family name", "family_name"), ("LAST NAME", "family_name"), ("surname", "family_name"),
    ("姓", "family_name"), ("family_name", "family_name"),
    ("Given name", "given_name"), ("First Name", "given_name"), ("名", "given_name"),
    ("Family name (native)", "family_name_native"), ("姓（漢字）", "family_name_native"),
    ("姓(漢字)", "family_name_native"), ("名（漢字）", "given_name_native"),
    ("Email", "email"), ("E-mail", "email"), ("e_mail ", "email"), ("メール", "email"),
    ("メールアドレス", "email"), ("Nationality", "nationality"), ("国籍", "nationality"),
    ("Home institution", "home_institution"), ("Affiliation", "home_institution"),
    ("所属", "home_institution"), ("Category", "category"), ("区分", "category"),
    ("Date of birth", "date_of_birth"), ("生年月日", "date_of_birth"), ("DOB", "date_of_birth"),
    ("Country", "institution_country"), ("Time zone", "institution_timezone"),
]  # fmt: skip
VISITS = [
    ("Email", "visitor_email"), ("メールアドレス", "visitor_email"),
    ("Host institution", "host_institution"), ("受入機関", "host_institution"),
    ("Arrival", "arrival_date"), ("到着日", "arrival_date"), ("Arrival date", "arrival_date"),
    ("Departure", "departure_date"), ("出発日", "departure_date"),
    ("Purpose", "purpose"), ("目的", "purpose"),
]  # fmt: skip


@pytest.mark.parametrize(("header", "field"), PEOPLE)
def test_people_headers(header: str, field: str) -> None:
    mapping = match_headers(["unrelated", header], PEOPLE_FIELDS)
    assert mapping[field] == 1
    assert [k for k, v in mapping.items() if v == 1] == [field]


@pytest.mark.parametrize(("header", "field"), VISITS)
def test_visit_headers(header: str, field: str) -> None:
    assert match_headers(["unrelated", header], VISIT_FIELDS)[field] == 1


def test_full_japanese_header_row() -> None:
    header = ["姓", "名", "姓（漢字）", "名（漢字）", "区分", "所属", "メール", "国籍", "生年月日"]
    mapping = match_headers(header, PEOPLE_FIELDS)
    assert [mapping[k] for k in ("family_name", "given_name", "family_name_native",
            "given_name_native", "category", "home_institution", "email", "nationality",
            "date_of_birth")] == list(range(9))  # fmt: skip


def test_normalize_ignores_case_space_punctuation_and_width() -> None:
    assert normalize_header(" E-Mail ") == normalize_header("ｅｍａｉｌ") == "email"
