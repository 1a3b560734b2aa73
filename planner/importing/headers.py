"""Matching a file's header texts to the fields an importer knows, in English and Japanese.

Matching ignores case, spaces and punctuation (full-width forms are folded with NFKC), so
``Family Name``, ``family_name``, ``FAMILY-NAME`` and ``姓（漢字）`` / ``姓(漢字)`` all match.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from planner.domain.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class FieldSpec:
    """A field an importer fills: key, label for people, header names that mean it.

    The label is marked for translation in the "Validation" context.
    """

    key: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False


def normalize_header(text: str) -> str:
    """Header text without case, spaces or punctuation (``"E-Mail "`` → ``"email"``)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


def match_headers(header: Sequence[str], fields: Sequence[FieldSpec]) -> dict[str, int | None]:
    """Column index of each field's first matching header (None when no header matches).

    A column is used for one field at most; fields are matched in order, the field key itself
    always counting as an alias.
    """
    normalized = [normalize_header(h) for h in header]
    taken: set[int] = set()
    mapping: dict[str, int | None] = {}
    for spec in fields:
        names = {normalize_header(a) for a in (spec.key, spec.label, *spec.aliases)}
        found = next(
            (i for i, h in enumerate(normalized) if h and h in names and i not in taken), None
        )
        if found is not None:
            taken.add(found)
        mapping[spec.key] = found
    return mapping


def missing_required(mapping: dict[str, int | None], fields: Sequence[FieldSpec]) -> list[str]:
    """Labels of required fields that no column is mapped to."""
    return [f.label for f in fields if f.required and mapping.get(f.key) is None]


# Institution columns used only when an unknown institution is to be created.
INSTITUTION_FIELDS = (
    FieldSpec("institution_country", QT_TRANSLATE_NOOP("Validation", "Institution country"),
              ("country", "institution country", "country code", "国", "国名", "所在国")),
    FieldSpec("institution_timezone", QT_TRANSLATE_NOOP("Validation", "Institution time zone"),
              ("time zone", "timezone", "tz", "zone", "タイムゾーン", "時間帯")),
    FieldSpec("institution_kind", QT_TRANSLATE_NOOP("Validation", "Institution kind"),
              ("institution kind", "institution type", "kind", "機関種別", "種別")),
)  # fmt: skip

PEOPLE_FIELDS = (
    FieldSpec("family_name", QT_TRANSLATE_NOOP("Validation", "Family name"),
              ("last name", "surname", "family", "lastname", "姓", "苗字", "名字", "姓ローマ字",
               "姓英字", "familynamelatin"), required=False),
    FieldSpec("given_name", QT_TRANSLATE_NOOP("Validation", "Given name"),
              ("first name", "forename", "given", "firstname", "名", "名ローマ字", "名英字")),
    FieldSpec("family_name_native", QT_TRANSLATE_NOOP("Validation", "Family name (native)"),
              ("family name native", "family name kanji", "last name native", "surname native",
               "姓漢字", "姓（漢字）", "姓(native)", "native family name")),
    FieldSpec("given_name_native", QT_TRANSLATE_NOOP("Validation", "Given name (native)"),
              ("given name native", "given name kanji", "first name native", "名漢字",
               "名（漢字）", "native given name")),
    FieldSpec("preferred_name", QT_TRANSLATE_NOOP("Validation", "Preferred name"),
              ("nickname", "known as", "通称", "呼称")),
    FieldSpec("category", QT_TRANSLATE_NOOP("Validation", "Category"),
              ("type", "role", "区分", "分類", "身分"), required=True),
    FieldSpec("home_institution", QT_TRANSLATE_NOOP("Validation", "Home institution"),
              ("affiliation", "institution", "organisation", "organization", "home", "所属",
               "所属機関", "所属先"), required=True),
    FieldSpec("email", QT_TRANSLATE_NOOP("Validation", "E-mail"),
              ("email address", "mail", "メール", "メールアドレス", "電子メール", "eメール")),
    FieldSpec("phone", QT_TRANSLATE_NOOP("Validation", "Phone"),
              ("telephone", "tel", "phone number", "電話", "電話番号")),
    FieldSpec("nationality", QT_TRANSLATE_NOOP("Validation", "Nationality"),
              ("citizenship", "国籍")),
    FieldSpec("date_of_birth", QT_TRANSLATE_NOOP("Validation", "Date of birth"),
              ("dob", "birth date", "birthday", "born", "生年月日", "誕生日")),
    FieldSpec("passport_number", QT_TRANSLATE_NOOP("Validation", "Passport number"),
              ("passport", "passport no", "旅券番号", "パスポート番号")),
    FieldSpec("passport_expiry", QT_TRANSLATE_NOOP("Validation", "Passport expiry"),
              ("passport expiry date", "passport expiration", "旅券有効期限",
               "パスポート有効期限")),
    *INSTITUTION_FIELDS,
)  # fmt: skip

VISIT_FIELDS = (
    FieldSpec("visitor_email", QT_TRANSLATE_NOOP("Validation", "Visitor e-mail"),
              ("email", "e-mail", "visitor", "visitor email address", "mail", "メール",
               "メールアドレス", "訪問者メール", "訪問者"), required=True),
    FieldSpec("host_institution", QT_TRANSLATE_NOOP("Validation", "Host institution"),
              ("host", "host institute", "destination", "受入機関", "受入先", "受け入れ機関",
               "訪問先"), required=True),
    FieldSpec("arrival_date", QT_TRANSLATE_NOOP("Validation", "Arrival"),
              ("arrival", "arrive", "arrival date", "from", "start", "start date", "到着日",
               "到着", "開始日", "来訪日"), required=True),
    FieldSpec("departure_date", QT_TRANSLATE_NOOP("Validation", "Departure"),
              ("departure", "depart", "departure date", "to", "end", "end date", "出発日",
               "出発", "終了日", "離日日"), required=True),
    FieldSpec("purpose", QT_TRANSLATE_NOOP("Validation", "Purpose"),
              ("reason", "目的", "訪問目的")),
    FieldSpec("paid", QT_TRANSLATE_NOOP("Validation", "Paid"),
              ("paid visit", "funded", "有給", "支給")),
    FieldSpec("visitor_notes", QT_TRANSLATE_NOOP("Validation", "Notes for the visitor"),
              ("notes", "visitor notes", "note", "備考", "訪問者への連絡")),
    FieldSpec("internal_notes", QT_TRANSLATE_NOOP("Validation", "Internal notes"),
              ("internal", "内部メモ", "内部備考")),
    *INSTITUTION_FIELDS,
)  # fmt: skip
