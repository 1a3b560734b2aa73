"""Countries as coordinators write them: CLDR names in both languages, codes and aliases."""

from __future__ import annotations

import subprocess
import sys

import pytest

from planner.domain.countries import fold_country, parse_country, suggest_countries


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # The forms the issue lists as refused before.
        ("オランダ", "NL"), ("スイス", "CH"), ("台湾", "TW"), ("シンガポール", "SG"),
        ("ベトナム", "VN"), ("大韓民国", "KR"), ("South Korea", "KR"), ("Türkiye", "TR"),
        ("Czechia", "CZ"),
        # Aliases in English.
        ("USA", "US"), ("U.S.", "US"), ("U.S.A.", "US"), ("United States of America", "US"),
        ("UK", "GB"), ("Great Britain", "GB"), ("England", "GB"), ("Korea", "KR"),
        ("Turkey", "TR"), ("Turkiye", "TR"), ("Czech Republic", "CZ"), ("Taiwan", "TW"),
        ("Hong Kong", "HK"), ("Viet Nam", "VN"), ("Holland", "NL"), ("Russia", "RU"),
        ("Korea, Republic of", "KR"), ("Cote d'Ivoire", "CI"), ("Côte d’Ivoire", "CI"),
        # Aliases and CLDR names in Japanese, in either width.
        ("米国", "US"), ("アメリカ", "US"), ("アメリカ合衆国", "US"), ("英国", "GB"),
        ("イギリス", "GB"), ("韓国", "KR"), ("中国", "CN"), ("日本", "JP"), ("ドイツ", "DE"),
        ("ﾄﾞｲﾂ", "DE"), ("香港", "HK"), ("北朝鮮", "KP"), ("フランス", "FR"),
        # Codes: alpha-2 and alpha-3, any case and width.
        ("JP", "JP"), ("jp", "JP"), ("ＪＰ", "JP"), ("JPN", "JP"), ("deu", "DE"), ("USA", "US"),
        # Case, spaces and punctuation do not matter.
        ("  netherlands ", "NL"), ("SOUTH-KOREA", "KR"), ("Ｕ．Ｓ．", "US"),
    ],
)  # fmt: skip
def test_names_codes_and_aliases(text: str, code: str) -> None:
    assert parse_country(text) == code


@pytest.mark.parametrize("text", ["", "  ", "Atlantis", "EU", "XX", "ZZZ", "米", "-", "Korea!!x"])
def test_unknown_names_are_none(text: str) -> None:
    assert parse_country(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Netherland", "Netherlands (NL)"), ("Swizerland", "Switzerland (CH)"),
        ("Germnay", "Germany (DE)"), ("オランド", "オランダ (NL)"),
        ("シンガポル", "シンガポール (SG)"),
    ],
)  # fmt: skip
def test_suggestions_are_in_the_language_written(text: str, expected: str) -> None:
    suggestions = suggest_countries(text)
    assert suggestions[0] == expected
    assert len({s.rsplit("(", 1)[1] for s in suggestions}) == len(suggestions)  # one per code
    japanese = not text.isascii()
    assert all((not s.split(" (")[0].isascii()) == japanese for s in suggestions)


def test_nothing_close_suggests_nothing() -> None:
    assert suggest_countries("qqqqqqqq") == [] and suggest_countries("") == []


def test_folding() -> None:
    assert fold_country("Ｔürkiye ") == fold_country("turkiye") == "turkiye"
    # Kana voicing marks change the word and stay: ドイツ (Germany) is not トイツ.
    assert fold_country("ﾄﾞｲﾂ") == "ドイツ" != fold_country("トイツ")


def test_babel_and_the_contact_libraries_are_not_loaded_at_import() -> None:
    """Start-up does not pay for CLDR's, libphonenumber's or email-validator's data: each is
    read on first use."""
    code = (
        "import sys, planner.domain.countries, planner.domain.validation;"
        "print(sorted(m for m in ('babel', 'phonenumbers', 'email_validator') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
