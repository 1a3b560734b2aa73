"""The coordinator's preferences (home institution, date format), kept in QSettings.

They change how things are shown, never what is stored, so they live with the UI state.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QSettings

_HOME_KEY = "Preferences/homeInstitutionId"
_DATE_FORMAT_KEY = "Preferences/dateFormat"


class DateFormat(StrEnum):
    """How dates are written in tables and editors."""

    ISO = "iso"  # 2027-03-08: unambiguous on both sides of the Pacific
    DAY_MONTH = "day_month"  # 8 Mar 2027
    JAPANESE = "japanese"  # 2027/03/08
    US = "us"  # 03/08/2027

    def render(self, value: date) -> str:
        """*value* written in this format."""
        match self:
            case DateFormat.DAY_MONTH:
                return f"{value.day} {value:%b %Y}"
            case DateFormat.JAPANESE:
                return f"{value:%Y/%m/%d}"
            case DateFormat.US:
                return f"{value:%m/%d/%Y}"
            case _:
                return value.isoformat()

    @property
    def qt_pattern(self) -> str:
        """The same format as a QDateEdit display pattern."""
        return {
            DateFormat.ISO: "yyyy-MM-dd",
            DateFormat.DAY_MONTH: "d MMM yyyy",
            DateFormat.JAPANESE: "yyyy/MM/dd",
            DateFormat.US: "MM/dd/yyyy",
        }[self]


@dataclass(frozen=True)
class Preferences:
    """What the settings dialog edits."""

    home_institution_id: int | None = None
    date_format: DateFormat = DateFormat.ISO


def load_preferences(settings: QSettings | None) -> Preferences:
    """Preferences stored in *settings* (defaults when there are none)."""
    if settings is None:
        return Preferences()
    raw_home = settings.value(_HOME_KEY)
    try:
        home = int(str(raw_home)) if raw_home not in (None, "") else None
    except (TypeError, ValueError):
        home = None
    raw_format = settings.value(_DATE_FORMAT_KEY, DateFormat.ISO.value)
    try:
        date_format = DateFormat(str(raw_format))
    except ValueError:
        date_format = DateFormat.ISO
    return Preferences(home_institution_id=home, date_format=date_format)


def save_preferences(settings: QSettings | None, prefs: Preferences) -> None:
    """Store *prefs* in *settings* (nothing happens without settings, e.g. screenshots)."""
    if settings is None:
        return
    settings.setValue(
        _HOME_KEY, "" if prefs.home_institution_id is None else prefs.home_institution_id
    )
    settings.setValue(_DATE_FORMAT_KEY, prefs.date_format.value)
    settings.sync()
