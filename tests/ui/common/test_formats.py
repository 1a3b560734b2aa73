"""Dates, times and numbers in the interface language."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale

from planner.ui.common import formats

THURSDAY = date(2027, 4, 1)
MOMENT = datetime(2027, 4, 1, 14, 30)


@pytest.fixture
def japanese() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale("ja_JP"))
    yield
    QLocale.setDefault(previous)


@pytest.fixture
def english() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale("en_US"))
    yield
    QLocale.setDefault(previous)


def test_japanese_forms(japanese: None) -> None:
    assert formats.is_japanese()
    assert formats.day_heading(THURSDAY) == "2027年4月1日(木)"
    assert formats.short_day(THURSDAY) == "4月1日(木)"
    assert formats.day_month(THURSDAY) == "4月1日"
    assert formats.month_year(THURSDAY) == "2027年4月"
    assert formats.month_year(THURSDAY, short=True) == "2027年4月"
    assert formats.long_date(THURSDAY) == "2027年4月1日 木曜日"
    assert formats.day_month_year(date(2026, 12, 31)) == "2026年12月31日"
    assert formats.date_time(MOMENT, "JST") == "2027年4月1日(木) 14:30 JST"
    assert formats.number(12345) == "12,345"
    # Sunday ends the week in the table of weekday names.
    assert formats.short_day(date(2027, 4, 4)) == "4月4日(日)"


def test_english_forms(english: None) -> None:
    assert not formats.is_japanese()
    assert formats.day_heading(THURSDAY) == "Thu 1 April 2027"
    assert formats.short_day(THURSDAY) == "Thu 1 Apr"
    assert formats.day_month(THURSDAY) == "1 Apr"
    assert formats.month_year(THURSDAY) == "April 2027"
    assert formats.month_year(THURSDAY, short=True) == "Apr 2027"
    assert formats.long_date(THURSDAY) == "Thursday 1 April 2027"
    assert formats.date_time(MOMENT, "CDT") == "2027-04-01 14:30 CDT"
    assert formats.clock(MOMENT, "") == "14:30"
    assert formats.number(12345) == "12,345"


def test_names_put_the_native_script_first_in_japanese(japanese: None) -> None:
    assert formats.person_name("Hiroshi Tanaka", "田中 博") == "田中 博"
    assert formats.person_name("Dana Miller", "") == "Dana Miller"
    assert formats.person_name_both("Hiroshi Tanaka", "田中 博") == "田中 博 (Hiroshi Tanaka)"
    assert formats.person_name_both("", "田中 博") == "田中 博"


def test_names_put_the_latin_script_first_in_english(english: None) -> None:
    assert formats.person_name("Hiroshi Tanaka", "田中 博") == "Hiroshi Tanaka"
    assert formats.person_name("", "田中 博") == "田中 博"
    assert formats.person_name_both("Hiroshi Tanaka", "田中 博") == "Hiroshi Tanaka (田中 博)"


def test_country_names_in_the_interface_language(japanese: None) -> None:
    assert formats.country_name("US") == "アメリカ合衆国"
    assert formats.country_name("JP") == "日本"
    assert formats.country_name("XX") == "XX"


def test_country_names_in_english(english: None) -> None:
    assert formats.country_name("US") == "United States"
    assert formats.country_name("JP") == "Japan"


def test_day_offsets_and_localised_titles(japanese: None) -> None:
    assert formats.day_offset(1) == "+1日"
    assert formats.day_offset(-1) == "−1日"
    assert formats.day_offset(0) == ""
    assert formats.localised("Travel insurance", "旅行保険") == "旅行保険"
    assert formats.localised("Housing", "") == "Housing"


def test_day_offsets_in_english(english: None) -> None:
    assert formats.day_offset(1) == "+1 day"
    assert formats.day_offset(10) == "+10 days"
    assert formats.localised("Travel insurance", "旅行保険") == "Travel insurance"


#: A Wednesday morning in Kobe.
KOBE = datetime(2027, 3, 10, 7, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def test_a_sites_time_reads_in_japanese(japanese: None) -> None:
    assert formats.zoned_time(KOBE, 1) == "水 07:00 JST(+1日)"
    assert formats.zoned_time(KOBE) == "水 07:00 JST"


def test_a_sites_time_reads_in_english(english: None) -> None:
    assert formats.zoned_time(KOBE, 1) == "Wed 07:00 JST (+1 day)"
