"""Fiscal years of the two partners and how a stay's days fall into them (pure Python).

Naming conventions (each partner's own):

- US federal fiscal year (Argonne): October–September, named after the calendar year in which
  it **ends**. FY2027 = 2026-10-01 .. 2027-09-30.
- Japanese fiscal year (RIKEN, 年度): April–March, named after the calendar year in which it
  **starts**. FY2027 (2027年度) = 2027-04-01 .. 2028-03-31.

Person-days: every calendar day of the stay counts, arrival and departure days included
(a visit 2027-09-25 .. 2027-10-05 has 11 person-days). A stay crossing a fiscal-year boundary
splits its days between the years; a visit counts in every fiscal year in which at least one
of its days falls.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class FiscalSystem(StrEnum):
    """Which partner's fiscal year a report follows."""

    US = "us"
    JP = "jp"


@dataclass(frozen=True)
class FiscalYear:
    """One fiscal year: its system, its name (``year``) and its first and last day."""

    system: FiscalSystem
    year: int
    start: date
    end: date

    @property
    def label(self) -> str:
        """``US FY2027 (2026-10-01 – 2027-09-30)``."""
        return (
            f"{self.system.value.upper()} FY{self.year} "
            f"({self.start.isoformat()} – {self.end.isoformat()})"
        )

    def contains(self, day: date) -> bool:
        """Whether *day* lies in this fiscal year (both ends included)."""
        return self.start <= day <= self.end

    def days_of_stay(self, arrival: date, departure: date) -> int:
        """Calendar days of the stay *arrival* .. *departure* (inclusive) inside this year."""
        first = max(arrival, self.start)
        last = min(departure, self.end)
        return max(0, (last - first).days + 1)


def fiscal_year(system: FiscalSystem, year: int) -> FiscalYear:
    """The fiscal year named *year* in *system* (see the module docstring for the naming)."""
    if system is FiscalSystem.US:
        return FiscalYear(system, year, date(year - 1, 10, 1), date(year, 9, 30))
    return FiscalYear(system, year, date(year, 4, 1), date(year + 1, 3, 31))


def fiscal_year_of(system: FiscalSystem, day: date) -> FiscalYear:
    """The fiscal year of *system* that contains *day*."""
    if system is FiscalSystem.US:
        return fiscal_year(system, day.year + 1 if day.month >= 10 else day.year)
    return fiscal_year(system, day.year if day.month >= 4 else day.year - 1)


def stay_days(arrival: date, departure: date) -> int:
    """Person-days of a stay: calendar days, arrival and departure included."""
    return max(0, (departure - arrival).days + 1)


def split_days(system: FiscalSystem, arrival: date, departure: date) -> dict[int, int]:
    """Person-days of the stay per fiscal year name, e.g. ``{2027: 6, 2028: 5}``."""
    out: dict[int, int] = {}
    if departure < arrival:
        return out
    current = fiscal_year_of(system, arrival)
    while current.start <= departure:
        days = current.days_of_stay(arrival, departure)
        if days:
            out[current.year] = days
        current = fiscal_year(system, current.year + 1)
    return out
