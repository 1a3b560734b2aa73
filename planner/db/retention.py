"""Which backups to keep: a pure function over timestamps, so the policy is easy to test.

The policy keeps the newest few backups (recent mistakes), one a day for a week (yesterday's
state) and one a week for two months (last month's state); everything else is pruned.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class RetentionPolicy:
    """How many backups to keep, and for how long."""

    keep_last: int = 10
    daily_for: timedelta = timedelta(days=7)
    weekly_for: timedelta = timedelta(days=61)


DEFAULT_POLICY = RetentionPolicy()


def backups_to_keep(
    stamps: Iterable[datetime], now: datetime, policy: RetentionPolicy = DEFAULT_POLICY
) -> set[datetime]:
    """The timestamps among *stamps* to keep under *policy*, judged at *now* (all aware, UTC).

    Within each day (UTC) of the last ``daily_for`` and each ISO week of the last
    ``weekly_for``, the newest backup is kept; the ``keep_last`` newest are always kept.
    A backup dated in the future (clock changes) counts as recent and is kept.
    """
    newest_first = sorted(set(stamps), reverse=True)
    keep = set(newest_first[: policy.keep_last])
    seen_days: set[object] = set()
    seen_weeks: set[object] = set()
    for stamp in newest_first:
        age = now - stamp
        if age < timedelta(0):
            keep.add(stamp)
            continue
        day = stamp.date()
        if age <= policy.daily_for and day not in seen_days:
            seen_days.add(day)
            keep.add(stamp)
        week = stamp.isocalendar()[:2]
        if age <= policy.weekly_for and week not in seen_weeks:
            seen_weeks.add(week)
            keep.add(stamp)
    return keep
