from planner.domain.codes import code_sort_key, format_visit_code, parse_visit_code


def test_codes_round_trip_and_grow_past_four_digits() -> None:
    assert format_visit_code(2027, 7) == "V-2027-0007"
    assert format_visit_code(2027, 12345) == "V-2027-12345"
    assert parse_visit_code("V-2027-0007") == (2027, 7)
    assert parse_visit_code("V-2027-12345") == (2027, 12345)
    assert parse_visit_code("X-2027-1") is None


def test_code_sort_key_orders_by_year_then_number() -> None:
    codes = ["V-2027-10000", "V-2026-0003", "V-2027-9999", "V-2027-0002"]
    assert sorted(codes, key=code_sort_key) == [
        "V-2026-0003", "V-2027-0002", "V-2027-9999", "V-2027-10000",
    ]  # fmt: skip
