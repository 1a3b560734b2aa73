"""Telephone numbers: read as people write them, stored in E.164, shown as fits the reader.

A number is read with Google's libphonenumber data (the ``phonenumbers`` package), the
person's home institution's country giving the region of numbers written without a country
code (``630-252-2000`` at Argonne is ``+16302522000``). It is stored in E.164 form, with
``;ext=`` and the extension when there is one, so anyone anywhere can dial it; it is shown in
the national form to a reader in the number's own country and in the international form to
everyone else. A stored value that does not read as a number (one saved before numbers were
checked) is shown as stored.
"""

from __future__ import annotations

from planner.domain.countries import country_name
from planner.domain.i18n import QT_TRANSLATE_NOOP, Message

# Longer input is not a telephone number; libphonenumber refuses it too, with less to say.
_MAX_INPUT = 100


def _region_label(region: str) -> str:
    return f"{country_name(region)} ({region})"


def normalize_phone(text: str, region: str | None) -> str | Message:
    """*text* in E.164 form (``+16302522000``, ``+81312345678;ext=12``), or why it is not a
    number that can be dialled. *region* (ISO alpha-2) reads numbers without a country code."""
    import phonenumbers
    from phonenumbers import NumberParseException, ValidationResult

    shown = {"value": repr(text)}
    if len(text) > _MAX_INPUT:
        return Message(QT_TRANSLATE_NOOP("Validation", "{value} is too long"), shown)
    try:
        number = phonenumbers.parse(text, region or None)
    except NumberParseException as exc:
        if exc.error_type == NumberParseException.INVALID_COUNTRY_CODE and text.strip()[:1] in (
            "+",
            "＋",
        ):
            return Message(
                QT_TRANSLATE_NOOP(
                    "Validation", "{value}: the country calling code after + does not exist"
                ),
                shown,
            )
        if exc.error_type == NumberParseException.INVALID_COUNTRY_CODE:
            return Message(
                QT_TRANSLATE_NOOP(
                    "Validation",
                    "{value} has no country code: write it with + and the country code "
                    "(e.g. +81 3-1234-5678)",
                ),
                shown,
            )
        if exc.error_type in (
            NumberParseException.TOO_SHORT_NSN,
            NumberParseException.TOO_SHORT_AFTER_IDD,
        ):
            return Message(QT_TRANSLATE_NOOP("Validation", "{value} is too short"), shown)
        if exc.error_type == NumberParseException.TOO_LONG:
            return Message(QT_TRANSLATE_NOOP("Validation", "{value} is too long"), shown)
        return Message(QT_TRANSLATE_NOOP("Validation", "{value} is not a telephone number"), shown)
    reason = phonenumbers.is_possible_number_with_reason(number)
    if reason == ValidationResult.INVALID_COUNTRY_CODE:
        return Message(
            QT_TRANSLATE_NOOP("Validation", "{value}: +{code} is not a country calling code"),
            {**shown, "code": number.country_code},
        )
    if reason == ValidationResult.TOO_SHORT:
        return Message(QT_TRANSLATE_NOOP("Validation", "{value} is too short"), shown)
    if reason == ValidationResult.TOO_LONG:
        return Message(QT_TRANSLATE_NOOP("Validation", "{value} is too long"), shown)
    if reason == ValidationResult.IS_POSSIBLE_LOCAL_ONLY:
        return Message(
            QT_TRANSLATE_NOOP("Validation", "{value} is a local number: add the area code"),
            shown,
        )
    if not phonenumbers.is_valid_number(number):
        number_region = phonenumbers.region_code_for_number(number)
        if (
            not number_region
            and region
            and (phonenumbers.country_code_for_region(region) == number.country_code)
        ):
            number_region = region  # no region's numbering plan has it: say the one asked
        if number_region and number_region != "001":
            return Message(
                QT_TRANSLATE_NOOP("Validation", "{value} is not a valid number in {region}"),
                {**shown, "region": _region_label(number_region)},
            )
        return Message(
            QT_TRANSLATE_NOOP("Validation", "{value} is not a valid number for +{code}"),
            {**shown, "code": number.country_code},
        )
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return f"{e164};ext={number.extension}" if number.extension else e164


def is_normal_phone(text: str) -> bool:
    """True if *text* is already a stored (E.164) number: what a save stores unchanged."""
    return bool(text) and normalize_phone(text, None) == text


def format_phone(stored: str, viewer_country: str | None) -> str:
    """*stored* for a reader in *viewer_country*: national there (``(630) 252-2000``),
    international elsewhere or when unknown (``+1 630-252-2000``); as stored if unreadable."""
    if not stored.startswith("+"):
        return stored
    import phonenumbers
    from phonenumbers import NumberParseException, PhoneNumberFormat

    try:
        number = phonenumbers.parse(stored, None)
    except NumberParseException:
        return stored
    national = (
        viewer_country is not None and phonenumbers.region_code_for_number(number) == viewer_country
    )
    return phonenumbers.format_number(
        number, PhoneNumberFormat.NATIONAL if national else PhoneNumberFormat.INTERNATIONAL
    )
