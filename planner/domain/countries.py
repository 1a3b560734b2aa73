"""ISO 3166-1 alpha-2 country codes, read from the IANA data the ``tzdata`` package ships."""

from __future__ import annotations

from functools import cache
from importlib import resources


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
