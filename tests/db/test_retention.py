"""The retention policy as a pure function over timestamps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from planner.db.retention import RetentionPolicy, backups_to_keep

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def test_keeps_everything_when_there_are_few() -> None:
    stamps = [NOW - timedelta(minutes=m) for m in range(5)]
    assert backups_to_keep(stamps, NOW) == set(stamps)


def test_keeps_the_last_ten_of_many_made_today() -> None:
    stamps = [NOW - timedelta(minutes=m) for m in range(30)]
    kept = backups_to_keep(stamps, NOW)
    assert kept == set(stamps[:10])


def test_one_a_day_for_a_week_beyond_the_last_ten() -> None:
    # Four backups a day (UTC) for 20 days, newest first.
    stamps = [NOW - timedelta(hours=6 * i) for i in range(80)]
    kept = backups_to_keep(stamps, NOW, RetentionPolicy(keep_last=10, weekly_for=timedelta(0)))
    beyond_last_ten = sorted(kept - set(stamps[:10]), reverse=True)
    days = [s.date() for s in beyond_last_ten]
    # Days 3..7 back keep exactly one each (days 0-2 are covered by the ten newest),
    # and nothing older than seven days survives.
    assert len(days) == len(set(days))
    assert all(NOW - s <= timedelta(days=7) for s in beyond_last_ten)
    kept_days = {s.date() for s in kept}
    assert kept_days == {(NOW - timedelta(days=d)).date() for d in range(8)}
    # The one kept for a day is that day's newest.
    for stamp in beyond_last_ten:
        same_day = [s for s in stamps if s.date() == stamp.date()]
        assert stamp == max(same_day)


def test_one_a_week_for_two_months_and_nothing_older() -> None:
    stamps = [NOW - timedelta(days=d) for d in range(120)]
    kept = backups_to_keep(stamps, NOW)
    old = [s for s in kept if NOW - s > timedelta(days=9)]
    weeks = [s.isocalendar()[:2] for s in old]
    assert len(weeks) == len(set(weeks)), "at most one per ISO week"
    assert all(NOW - s <= timedelta(days=61) for s in old)
    assert len(old) >= 7
    assert NOW - timedelta(days=119) not in kept
    # Every week of the last two months is represented.
    for d in range(0, 61, 7):
        week = (NOW - timedelta(days=d)).isocalendar()[:2]
        assert any(s.isocalendar()[:2] == week for s in kept), week


def test_future_stamps_are_kept_and_duplicates_collapse() -> None:
    future = NOW + timedelta(days=3)
    old = NOW - timedelta(days=400)
    assert backups_to_keep([future, future, old], NOW, RetentionPolicy(keep_last=0)) == {future}
