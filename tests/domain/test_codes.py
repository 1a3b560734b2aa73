from planner.domain.codes import format_visit_code, parse_visit_code


def test_codes_round_trip_and_grow_past_four_digits() -> None:
    assert format_visit_code(2027, 7) == "V-2027-0007"
    assert format_visit_code(2027, 12345) == "V-2027-12345"
    assert parse_visit_code("V-2027-0007") == (2027, 7)
    assert parse_visit_code("V-2027-12345") == (2027, 12345)
    assert parse_visit_code("X-2027-1") is None
