"""ISO 3166-1 alpha-2 country codes, and countries as people write them.

The codes and English short names come from the IANA data the ``tzdata`` package ships.
:func:`parse_country` also reads CLDR's English and Japanese names (through Babel), ISO
alpha-3 codes and the common aliases (USA, UK, 米国, 韓国 …). Babel's data is loaded on the
first look-up and kept, so starting the application does not pay for it.
"""

from __future__ import annotations

import difflib
import unicodedata
from functools import cache
from importlib import resources

#: Names CLDR does not give but spreadsheets do, folded with :func:`fold_country` when read.
_ALIASES = {
    "US": (
        "USA", "U.S.", "U.S.A.", "America", "United States of America", "The United States",
        "米国", "アメリカ", "合衆国", "米合衆国", "アメリカ合衆国", "亜米利加",
    ),
    "GB": (
        "UK", "U.K.", "Great Britain", "Britain", "England", "Scotland", "Wales",
        "Northern Ireland", "United Kingdom of Great Britain and Northern Ireland",
        "英国", "イギリス", "連合王国", "グレートブリテン", "イングランド", "スコットランド",
    ),
    "KR": (
        "Korea", "Republic of Korea", "Korea, Republic of", "Korea (South)", "ROK",
        "韓国", "大韓民国", "南韓",
    ),
    "KP": (
        "Democratic People's Republic of Korea", "DPRK", "Korea (North)", "朝鮮民主主義人民共和国",
    ),
    "TR": ("Turkey", "Türkiye", "Turkiye", "Republic of Türkiye", "トルコ共和国"),
    "CZ": ("Czech Republic", "Czechia", "チェコ共和国"),
    "TW": (
        "Taiwan", "Taiwan, Province of China", "Chinese Taipei", "台湾", "臺灣", "台灣", "中華民国",
    ),
    "CN": (
        "PRC", "People's Republic of China", "Mainland China", "中華人民共和国", "中国大陸",
    ),
    "HK": ("Hong Kong", "Hong Kong SAR", "香港"),
    "MO": ("Macau", "Macao", "Macao SAR", "マカオ", "澳門"),
    "JP": ("Nippon", "Nihon", "日本国", "にほん", "にっぽん", "ニッポン"),
    "NL": ("Holland", "The Netherlands", "Kingdom of the Netherlands", "オランダ王国"),
    "DE": ("Deutschland", "Federal Republic of Germany", "ドイツ連邦共和国", "独逸"),
    "FR": ("French Republic", "フランス共和国", "仏国"),
    "CH": ("Swiss Confederation", "スイス連邦"),
    "SG": ("Republic of Singapore", "シンガポール共和国"),
    "VN": ("Viet Nam", "Vietnam", "ヴェトナム", "ベトナム社会主義共和国"),
    "RU": ("Russian Federation", "ロシア連邦"),
    "IR": ("Iran, Islamic Republic of", "イラン・イスラム共和国"),
    "SY": ("Syrian Arab Republic",),
    "LA": ("Lao People's Democratic Republic", "Lao PDR"),
    "BO": ("Bolivia, Plurinational State of",),
    "VE": ("Venezuela, Bolivarian Republic of",),
    "TZ": ("United Republic of Tanzania", "Tanzania, United Republic of"),
    "MD": ("Republic of Moldova", "Moldova, Republic of"),
    "MK": ("Macedonia", "マケドニア"),
    "CI": ("Ivory Coast", "Cote d'Ivoire"),
    "CV": ("Cabo Verde",),
    "SZ": ("Swaziland", "スワジランド"),
    "MM": ("Myanmar", "Burma", "ミャンマー", "ビルマ"),
    "TL": ("East Timor",),
    "VA": ("Vatican", "Holy See", "バチカン"),
    "PS": ("Palestine", "State of Palestine", "パレスチナ"),
    "AE": ("UAE", "U.A.E.", "Emirates"),
    "AU": ("豪州", "オーストラリア連邦"),
    "CA": ("加国",),
    "IN": ("Republic of India", "インド共和国"),
}  # fmt: skip


@cache
def country_names() -> dict[str, str]:
    """Map every ISO 3166-1 alpha-2 code to its English short name."""
    text = resources.files("tzdata.zoneinfo").joinpath("iso3166.tab").read_text("utf-8")
    names: dict[str, str] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        code, _, name = line.partition("\t")
        names[code.strip()] = name.strip()
    return names


def is_country_code(code: str) -> bool:
    """True if *code* is an assigned ISO 3166-1 alpha-2 code (upper case)."""
    return code in country_names()


def country_name(code: str) -> str:
    """English name of a country code, or the code itself when unknown."""
    return country_names().get(code, code)


def fold_country(text: str) -> str:
    """*text* as country look-ups compare it: width (NFKC), case, accents, spaces and
    punctuation ignored (``Ｕ.Ｓ.`` and ``us`` match; ``Türkiye`` and ``Turkiye`` match)."""
    text = unicodedata.normalize("NFKC", text).casefold()
    # Accents go (ü → u), but not the voicing marks of kana, which change the word.
    decomposed = unicodedata.normalize("NFD", text)
    kept = []
    for char in decomposed:
        category = unicodedata.category(char)
        if category == "Mn" and char not in "\u3099\u309a":
            continue
        if category[0] in "PZS" or char.isspace():
            continue
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


def _is_japanese(text: str) -> bool:
    """True for a name in Japanese script (anything beyond ASCII, once folded)."""
    return not text.isascii()


@cache
def _tables() -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(folded name or code → code, language → {display name: code}) for look-ups and
    suggestions. Built on first use: Babel's locale data takes a few tens of milliseconds."""
    from babel import Locale
    from babel.core import get_global

    codes = country_names()
    lookup: dict[str, str] = {}
    # ISO alpha-3 codes, which CLDR keeps as aliases of the alpha-2 ones (USA → US).
    aliases = get_global("territory_aliases")
    for alias, targets in aliases.items():
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and targets[0] in codes:
            lookup[fold_country(alias)] = targets[0]
    for code in codes:
        lookup[fold_country(code)] = code
    display: dict[str, dict[str, str]] = {"en": {}, "ja": {}}
    for language in ("en", "ja"):
        territories = Locale(language).territories
        for code in codes:
            name = territories.get(code)
            if name:
                display[language][name] = code
    for name, code in ((name, code) for code, name in codes.items()):
        display["en"].setdefault(name, code)
    for code, names in _ALIASES.items():
        for name in names:
            display["ja" if _is_japanese(name) else "en"].setdefault(name, code)
    for names_of_language in display.values():
        for name, code in names_of_language.items():
            lookup.setdefault(fold_country(name), code)
    return lookup, display


def parse_country(text: str) -> str | None:
    """The ISO alpha-2 code *text* names: a code (``JP``, ``JPN``), a CLDR name in English or
    Japanese (``Netherlands``, ``オランダ``) or a common alias (``USA``, ``米国``); else None."""
    key = fold_country(text)
    if not key:
        return None
    return _tables()[0].get(key)


def suggest_countries(text: str, limit: int = 3) -> list[str]:
    """The closest country names to *text*, in its own language, as ``Netherlands (NL)``."""
    key = fold_country(text)
    if not key or len(key) > 100:  # no country's name is that long: nothing is close
        return []
    names = _tables()[1]["ja" if _is_japanese(key) else "en"]
    by_folded: dict[str, str] = {}
    for name in sorted(names, key=len):
        by_folded.setdefault(fold_country(name), name)
    found: dict[str, str] = {}  # code → the closest of its names
    for match in difflib.get_close_matches(key, by_folded, n=limit * 3, cutoff=0.6):
        found.setdefault(names[by_folded[match]], by_folded[match])
    return [f"{name} ({code})" for code, name in list(found.items())[:limit]]
