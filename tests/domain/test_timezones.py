"""Local times across daylight-saving changes and the date line."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from planner.domain.errors import ValidationError
from planner.domain.timezones import (
    LocalTimeIssue,
    day_offset,
    format_local,
    is_valid_zone,
    local_to_utc,
    resolve_local,
    zone_abbreviation,
)


def test_known_and_unknown_zones() -> None:
    assert is_valid_zone("Asia/Tokyo") and is_valid_zone("America/Chicago")
    assert not is_valid_zone("Asia/Tokio") and not is_valid_zone("") and not is_valid_zone("JST+9x")


def test_chicago_wall_time_in_winter_and_summer() -> None:
    assert local_to_utc(datetime(2027, 1, 15, 9, 0), "America/Chicago") == datetime(
        2027, 1, 15, 15, 0, tzinfo=UTC
    )
    assert local_to_utc(datetime(2027, 7, 15, 9, 0), "America/Chicago") == datetime(
        2027, 7, 15, 14, 0, tzinfo=UTC
    )


def test_time_skipped_by_spring_forward_is_reported_not_guessed() -> None:
    # 2027-03-14 02:30 does not exist in Chicago: clocks jump from 02:00 to 03:00.
    issue, candidates = resolve_local(datetime(2027, 3, 14, 2, 30), "America/Chicago")
    assert issue is LocalTimeIssue.NONEXISTENT
    assert len(candidates) == 2
    with pytest.raises(ValidationError, match="does not exist"):
        local_to_utc(datetime(2027, 3, 14, 2, 30), "America/Chicago", field="start")


def test_time_repeated_by_fall_back_is_ambiguous_with_both_instants() -> None:
    # 2027-11-07 01:30 happens twice in Chicago (CDT, then CST), an hour apart.
    issue, candidates = resolve_local(datetime(2027, 11, 7, 1, 30), "America/Chicago")
    assert issue is LocalTimeIssue.AMBIGUOUS
    assert candidates == [
        datetime(2027, 11, 7, 6, 30, tzinfo=UTC),
        datetime(2027, 11, 7, 7, 30, tzinfo=UTC),
    ]
    with pytest.raises(ValidationError, match="happens twice"):
        local_to_utc(datetime(2027, 11, 7, 1, 30), "America/Chicago")


def test_tokyo_has_no_daylight_saving() -> None:
    issue, candidates = resolve_local(datetime(2027, 3, 14, 2, 30), "Asia/Tokyo")
    assert issue is None and candidates == [datetime(2027, 3, 13, 17, 30, tzinfo=UTC)]


def test_abbreviations_follow_the_season() -> None:
    assert zone_abbreviation(datetime(2027, 1, 15, 15, tzinfo=UTC), "America/Chicago") == "CST"
    assert zone_abbreviation(datetime(2027, 7, 15, 15, tzinfo=UTC), "America/Chicago") == "CDT"
    assert zone_abbreviation(datetime(2027, 7, 15, 15, tzinfo=UTC), "Asia/Tokyo") == "JST"


def test_eastbound_flight_across_the_date_line_lands_the_next_day() -> None:
    # Chicago 2027-03-20 11:45 CDT -> Tokyo 2027-03-21 15:25 JST (about 12h40 in the air).
    dep = local_to_utc(datetime(2027, 3, 20, 11, 45), "America/Chicago")
    arr = local_to_utc(datetime(2027, 3, 21, 15, 25), "Asia/Tokyo")
    assert arr - dep == (datetime(2027, 3, 21, 6, 25) - datetime(2027, 3, 20, 16, 45))
    assert day_offset(dep, "America/Chicago", arr, "Asia/Tokyo") == 1
    assert format_local(arr, "Asia/Tokyo") == "2027-03-21 15:25 JST"


def test_westbound_flight_lands_before_it_left_by_the_clock() -> None:
    # Tokyo 2027-03-08 10:40 JST -> Chicago 2027-03-08 08:00 CST, same local date.
    dep = local_to_utc(datetime(2027, 3, 8, 10, 40), "Asia/Tokyo")
    arr = local_to_utc(datetime(2027, 3, 8, 8, 0), "America/Chicago")
    assert arr > dep
    assert day_offset(dep, "Asia/Tokyo", arr, "America/Chicago") == 0
    assert format_local(arr, "America/Chicago") == "2027-03-08 08:00 CST"
