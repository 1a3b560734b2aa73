"""The coordinator's preferences: date format and language in QSettings, the home institution
in the database.

The date format and language change how things are shown on this computer, so they live with
the UI state. The home institution is an id of a record of one database: it lives in that
database (:class:`planner.services.choices.DatabaseChoices`), so opening another file never
picks up an id that means another institution there. Older versions kept it in QSettings;
it is moved into the first database that holds it, once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from PySide6.QtCore import QLocale, QSettings

from planner.domain.english_dates import month_name
from planner.services.choices import DatabaseChoices
from planner.ui.common.formats import is_japanese, weekday_ja

_HOME_KEY = "Preferences/homeInstitutionId"
_DATE_FORMAT_KEY = "Preferences/dateFormat"
_LANGUAGE_KEY = "Preferences/language"

#: Interface languages: "system" follows the desktop's locale (Japanese if it is Japanese).
LANGUAGE_CHOICES = ("system", "en", "ja")


class DateFormat(StrEnum):
    """How dates are written in tables and editors."""

    ISO = "iso"  # 2027-03-08: unambiguous on both sides of the Pacific
    DAY_MONTH = "day_month"  # 8 Mar 2027
    JAPANESE = "japanese"  # 2027/03/08
    US = "us"  # 03/08/2027
    JAPANESE_LONG = "japanese_long"  # 2027年3月8日(月): the default of the Japanese interface

    def render(self, value: date) -> str:
        """*value* written in this format."""
        match self:
            case DateFormat.DAY_MONTH:
                return f"{value.day} {month_name(value, short=True)} {value.year}"
            case DateFormat.JAPANESE:
                return f"{value:%Y/%m/%d}"
            case DateFormat.US:
                return f"{value:%m/%d/%Y}"
            case DateFormat.JAPANESE_LONG:
                return f"{value.year}年{value.month}月{value.day}日({weekday_ja(value)})"
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
            # The weekday in parentheses comes from the date edit's locale (木 in Japanese).
            DateFormat.JAPANESE_LONG: "yyyy年M月d日(ddd)",
        }[self]


@dataclass(frozen=True)
class Preferences:
    """What the settings dialog edits."""

    home_institution_id: int | None = None
    date_format: DateFormat = DateFormat.ISO
    language: str = "system"


def default_date_format() -> DateFormat:
    """The date format of the interface language when none was chosen."""
    return DateFormat.JAPANESE_LONG if is_japanese() else DateFormat.ISO


def load_preferences(
    settings: QSettings | None, choices: DatabaseChoices | None = None
) -> Preferences:
    """Preferences stored in *settings*, the home institution from *choices* (the database).

    Without *choices* the home institution is the one older versions kept in *settings*.
    With them, that legacy setting is moved into the database once (when the database has
    no choice of its own and holds that institution) and then removed from *settings*.
    """
    if settings is None:
        home = choices.home_institution_id() if choices is not None else None
        return Preferences(home_institution_id=home, date_format=default_date_format())
    home = _legacy_home(settings)
    if choices is not None:
        adopted = choices.adopt_home_institution(home)
        if home is not None and adopted == home:
            settings.remove(_HOME_KEY)  # moved: it must not reach another database
        home = adopted
    raw_format = settings.value(_DATE_FORMAT_KEY, default_date_format().value)
    try:
        date_format = DateFormat(str(raw_format))
    except ValueError:
        date_format = default_date_format()
    return Preferences(
        home_institution_id=home, date_format=date_format, language=load_language(settings)
    )


def _legacy_home(settings: QSettings) -> int | None:
    raw_home = settings.value(_HOME_KEY)
    try:
        return int(str(raw_home)) if raw_home not in (None, "") else None
    except (TypeError, ValueError):
        return None


def load_language(settings: QSettings | None) -> str:
    """The interface language setting: ``system``, ``en`` or ``ja``."""
    raw = str(settings.value(_LANGUAGE_KEY, "system")) if settings is not None else "system"
    return raw if raw in LANGUAGE_CHOICES else "system"


def resolve_language(choice: str, system_locale: QLocale | None = None) -> str:
    """``en`` or ``ja`` for a setting or ``--lang`` value; ``system`` follows the desktop."""
    if choice in ("en", "ja"):
        return choice
    if choice != "system":
        raise ValueError(f"unsupported language {choice!r}; expected en or ja")
    locale = system_locale if system_locale is not None else QLocale.system()
    return "ja" if locale.language() == QLocale.Language.Japanese else "en"


def save_preferences(
    settings: QSettings | None, prefs: Preferences, choices: DatabaseChoices | None = None
) -> None:
    """Store *prefs*: the home institution in the database (*choices*), the rest in *settings*.

    Nothing is written to settings without settings (screenshots); without *choices* the
    home institution is not stored at all.
    """
    if choices is not None and choices.home_institution_id() != prefs.home_institution_id:
        choices.set_home_institution(prefs.home_institution_id)
    if settings is None:
        return
    settings.setValue(_DATE_FORMAT_KEY, prefs.date_format.value)
    settings.setValue(_LANGUAGE_KEY, prefs.language)
    settings.sync()
