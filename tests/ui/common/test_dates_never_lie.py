"""English dates stay English whatever the desktop's locale (issue 17, point 5).

Qt sets ``LC_TIME`` from the desktop at start-up, so anything written with ``strftime("%a")``
followed a German or Japanese desktop. These tests put the process in such a locale (a German
one compiled on the fly, since test machines rarely carry it) and check every English writer.
"""

from __future__ import annotations

import locale
import os
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale

from planner.export.i18n import Lang, format_date, format_range, format_short_date
from planner.ui.common import formats
from planner.ui.common.preferences import DateFormat

_DAY = date(2026, 12, 10)  # a Thursday ("Do" / "Donnerstag" in German)


@pytest.fixture(scope="module")
def german_locale_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A directory holding a compiled de_DE.UTF-8 locale (skip when it cannot be built)."""
    target = tmp_path_factory.mktemp("locales")
    try:
        subprocess.run(
            ["localedef", "-i", "de_DE", "-f", "UTF-8", str(target / "de_DE.UTF-8")],
            check=False,
            capture_output=True,
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        pytest.skip("localedef is not available")
    if not (target / "de_DE.UTF-8").exists():
        pytest.skip("no German locale could be compiled")
    return target


@pytest.fixture
def german_desktop(german_locale_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The process as on a German desktop: LC_TIME and Qt's default locale German."""
    monkeypatch.setenv("LOCPATH", str(german_locale_dir))
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    previous = locale.setlocale(locale.LC_TIME)
    previous_qt = QLocale()
    locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    assert f"{_DAY:%a}" == "Do"  # the attack is real: strftime now speaks German
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    formats.set_language("en")
    try:
        yield
    finally:
        locale.setlocale(locale.LC_TIME, previous)
        QLocale.setDefault(previous_qt)
        formats.set_language(None)
        os.environ.pop("LOCPATH", None)


@pytest.mark.usefixtures("german_desktop")
def test_interface_dates_stay_english() -> None:
    assert formats.short_day(_DAY) == "Thu 10 Dec"
    assert formats.day_month(_DAY) == "10 Dec"
    assert formats.day_heading(_DAY) == "Thu 10 December 2026"
    assert formats.long_date(_DAY) == "Thursday 10 December 2026"
    assert formats.month_year(_DAY) == "December 2026"
    assert formats.month_year(_DAY, short=True) == "Dec 2026"
    assert formats.day_month_year(_DAY) == "10 Dec 2026"
    assert DateFormat.DAY_MONTH.render(_DAY) == "10 Dec 2026"


@pytest.mark.usefixtures("german_desktop")
def test_export_dates_stay_english() -> None:
    assert format_date(_DAY, Lang.EN) == "Thu 10 December 2026"
    assert format_short_date(_DAY, Lang.EN) == "Thu 10 Dec"
    assert format_range(_DAY, date(2026, 12, 14), Lang.EN) == (
        "Thu 10 December 2026 – Mon 14 December 2026"
    )
    assert format_date(_DAY, Lang.JA) == "2026年12月10日(木)"


def test_japanese_desktop_english_interface() -> None:
    """A Japanese default QLocale does not leak into the English interface either."""
    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Japanese, QLocale.Country.Japan))
    formats.set_language("en")
    try:
        assert formats.day_heading(date(2027, 3, 8)) == "Mon 8 March 2027"
        assert DateFormat.DAY_MONTH.render(date(2027, 3, 8)) == "8 Mar 2027"
    finally:
        QLocale.setDefault(previous)
        formats.set_language(None)
