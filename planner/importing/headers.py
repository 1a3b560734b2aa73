"""Matching a file's header texts to the fields an importer knows, in English and Japanese.

Matching ignores case, spaces and punctuation (full-width forms are folded with NFKC), so
``Family Name``, ``family_name``, ``FAMILY-NAME`` and ``姓（漢字）`` / ``姓(漢字)`` all match.
A header is tried as written first (``Last Name (Kanji)`` is the native family name), then
each part of a bilingual ``Family name / 姓``, then without bracketed hints and date formats
(``Arrival Date (YYYY/MM/DD)``, ``Passport expiration date [必須]``). An unmatched header gets
the closest field as a suggestion (:func:`suggest_field`), and the command line's ``--map``
overrides any match (:func:`apply_overrides`).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class FieldSpec:
    """A field an importer fills: key, label for people, header names that mean it.

    The label is marked for translation in the "Validation" context; *ja* is the Japanese
    header the templates write next to it (also matched), *example* the template's example.
    """

    key: str
    label: str
    aliases: tuple[str, ...]
    required: bool = False
    ja: str = ""
    example: str = ""


def normalize_header(text: str) -> str:
    """Header text without case, spaces or punctuation (``"E-Mail "`` → ``"email"``)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return "".join(ch for ch in folded if ch.isalnum())


#: Bracketed hints: (YYYY/MM/DD), （漢字）, [required], 【必須】, 「…」, <…>.
_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|「[^「」]*」|<[^<>]*>")
#: Date formats written into a header without brackets: "Arrival date YYYY/MM/DD".
_FORMATS = re.compile(r"\b(?:yyyy|yy|mm|dd|m|d)(?:\s*[-/.年月日]\s*(?:yyyy|yy|mm|dd|m|d)日?)+\b")
_PARTS = re.compile(r"\s*[/／|｜]\s*")


def strip_hints(text: str) -> str:
    """*text* without bracketed hints or date formats (``Arrival (YYYY/MM/DD)`` → ``Arrival``)."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    return _FORMATS.sub(" ", _BRACKETS.sub(" ", folded)).strip()


def _forms(text: str) -> list[list[str]]:
    """The normalised forms of a header, by level: as written, each ``/`` part, without
    hints, each part without hints. Empty forms are dropped."""
    parts = _PARTS.split(unicodedata.normalize("NFKC", text))
    bare = strip_hints(text)
    levels = [[text], parts if len(parts) > 1 else [], [bare], _PARTS.split(bare)]
    return [[n for n in (normalize_header(f) for f in level) if n] for level in levels]


def _names(spec: FieldSpec) -> set[str]:
    return {normalize_header(a) for a in (spec.key, spec.label, spec.ja, *spec.aliases) if a}


def match_headers(header: Sequence[str], fields: Sequence[FieldSpec]) -> dict[str, int | None]:
    """Column index of each field's first matching header (None when no header matches).

    A column is used for one field at most; the field key itself always counts as an
    alias. Headers are compared as written first, for every field in order, and only then
    by their parts and without hints (see the module docstring), so ``Last Name (Kanji)``
    goes to the native name before ``Last Name`` could claim it.
    """
    forms = [_forms(h) for h in header]
    names = {spec.key: _names(spec) for spec in fields}
    taken: set[int] = set()
    mapping: dict[str, int | None] = {spec.key: None for spec in fields}
    for level in range(4):
        for spec in fields:
            if mapping[spec.key] is not None:
                continue
            found = next(
                (
                    i
                    for i, by_level in enumerate(forms)
                    if i not in taken and any(f in names[spec.key] for f in by_level[level])
                ),
                None,
            )
            if found is not None:
                taken.add(found)
                mapping[spec.key] = found
    return mapping


def suggest_field(text: str, fields: Sequence[FieldSpec]) -> FieldSpec | None:
    """The field whose key, label or alias is closest to the header *text* (difflib), or
    None when nothing is reasonably close."""
    wanted = [f for level in _forms(text) for f in level]
    best: tuple[float, int] = (0.0, -1)
    for index, spec in enumerate(fields):
        for name in _names(spec):
            for form in wanted:
                ratio = difflib.SequenceMatcher(None, form, name).ratio()
                if ratio > best[0]:
                    best = (ratio, index)
    return fields[best[1]] if best[0] >= 0.65 else None


#: The field given to ``--map "Title=-"``: the column is ignored.
IGNORE = "-"


class MappingError(PlannerError):
    """A ``--map`` entry names a column the file does not have."""


def parse_map(entries: Sequence[str], fields: Sequence[FieldSpec]) -> dict[str, str]:
    """``["Column title=field", …]`` as {title: field key}; ValueError for a bad entry
    (no ``=``, or a field that is not one of *fields* nor ``-``)."""
    keys = {spec.key for spec in fields}
    result: dict[str, str] = {}
    for entry in entries:
        title, sep, key = entry.rpartition("=")
        title, key = title.strip(), key.strip()
        if not sep or not title:
            raise ValueError(f'--map {entry!r}: write "Column title=field"')
        if key not in keys and key != IGNORE:
            raise ValueError(
                f"--map {entry!r}: {key!r} is not a field; "
                f"one of {', '.join(sorted(keys))}, or - to ignore the column"
            )
        result[title] = key
    return result


def apply_overrides(
    header: Sequence[str],
    mapping: Mapping[str, int | None],
    overrides: Mapping[str, str],
) -> dict[str, int | None]:
    """*mapping* with each ``title → field`` of *overrides* applied: the column titled
    *title* (compared as headers are: case, spaces and punctuation ignored) becomes that
    field's, and no other field's; field ``-`` ignores the column.

    :class:`MappingError` names a title that no column of *header* has.
    """
    result = dict(mapping)
    normalized = [normalize_header(h) for h in header]
    for title, key in overrides.items():
        wanted = normalize_header(title)
        exact = [i for i, h in enumerate(header) if h.strip() == title]
        loose = [i for i, h in enumerate(normalized) if h and h == wanted]
        matches = exact or loose
        if not matches:
            raise MappingError(
                QT_TRANSLATE_NOOP(
                    "Validation", "--map: the file has no column titled {title} (it has: {columns})"
                ),
                params={"title": repr(title), "columns": ", ".join(h for h in header if h)},
            )
        found = matches[0]
        for other, index in result.items():
            if index == found:
                result[other] = None
        if key != IGNORE:
            result[key] = found
    return result


def missing_required(mapping: dict[str, int | None], fields: Sequence[FieldSpec]) -> list[str]:
    """Labels of required fields that no column is mapped to."""
    return [f.label for f in fields if f.required and mapping.get(f.key) is None]


# Institution columns used only when an unknown institution is to be created.
INSTITUTION_FIELDS = (
    FieldSpec("institution_country", QT_TRANSLATE_NOOP("Validation", "Institution country"),
              ("country", "institution country", "country code", "国", "国名", "所在国",
               "country of institution", "機関所在国"), ja="機関の国", example="JP"),
    FieldSpec("institution_timezone", QT_TRANSLATE_NOOP("Validation", "Institution time zone"),
              ("time zone", "timezone", "tz", "zone", "タイムゾーン", "時間帯"),
              ja="機関のタイムゾーン", example="Asia/Tokyo"),
    FieldSpec("institution_kind", QT_TRANSLATE_NOOP("Validation", "Institution kind"),
              ("institution kind", "institution type", "kind", "機関種別", "種別"),
              ja="機関種別", example="university"),
)  # fmt: skip

PEOPLE_FIELDS = (
    FieldSpec("family_name", QT_TRANSLATE_NOOP("Validation", "Family name"),
              ("last name", "surname", "family", "lastname", "姓", "苗字", "名字", "姓ローマ字",
               "姓英字", "familynamelatin", "last name romaji", "last name english",
               "family name romaji", "family name english", "姓（ローマ字）", "姓（英字）"),
              required=False, ja="姓", example="Tanaka"),
    FieldSpec("given_name", QT_TRANSLATE_NOOP("Validation", "Given name"),
              ("first name", "forename", "given", "firstname", "名", "名ローマ字", "名英字",
               "first name romaji", "first name english", "given name romaji",
               "名（ローマ字）", "名（英字）"), ja="名", example="Hanako"),
    FieldSpec("family_name_native", QT_TRANSLATE_NOOP("Validation", "Family name (native)"),
              ("family name native", "family name kanji", "last name native", "surname native",
               "姓漢字", "姓（漢字）", "姓(native)", "native family name", "last name kanji",
               "surname kanji", "last name japanese", "family name japanese", "姓（日本語）"),
              ja="姓（漢字）", example="田中"),
    FieldSpec("given_name_native", QT_TRANSLATE_NOOP("Validation", "Given name (native)"),
              ("given name native", "given name kanji", "first name native", "名漢字",
               "名（漢字）", "native given name", "first name kanji", "first name japanese",
               "given name japanese", "名（日本語）"), ja="名（漢字）", example="花子"),
    FieldSpec("preferred_name", QT_TRANSLATE_NOOP("Validation", "Preferred name"),
              ("nickname", "known as", "通称", "呼称", "preferred", "call name"),
              ja="通称", example=""),
    FieldSpec("category", QT_TRANSLATE_NOOP("Validation", "Category"),
              ("type", "role", "区分", "分類", "身分", "position", "職位",
               "person category", "visitor category"), required=True, ja="区分",
              example="researcher"),
    FieldSpec("home_institution", QT_TRANSLATE_NOOP("Validation", "Home institution"),
              ("affiliation", "institution", "organisation", "organization", "home", "所属",
               "所属機関", "所属先", "home organization", "home organisation", "employer",
               "university", "institute", "勤務先"), required=True, ja="所属機関",
              example="Kobe University"),
    FieldSpec("email", QT_TRANSLATE_NOOP("Validation", "E-mail"),
              ("email address", "mail", "メール", "メールアドレス", "電子メール", "eメール",
               "e-mail address", "mail address"), ja="メールアドレス",
              example="hanako.tanaka@example.ac.jp"),
    FieldSpec("phone", QT_TRANSLATE_NOOP("Validation", "Phone"),
              ("telephone", "tel", "phone number", "電話", "電話番号", "telephone number",
               "mobile", "cell phone", "携帯", "携帯電話", "連絡先電話番号"), ja="電話番号",
              example="+81 78-803-5000"),
    FieldSpec("nationality", QT_TRANSLATE_NOOP("Validation", "Nationality"),
              ("citizenship", "国籍", "country of citizenship", "citizenship country",
               "nationality country", "passport country", "国籍国"), ja="国籍", example="JP"),
    FieldSpec("date_of_birth", QT_TRANSLATE_NOOP("Validation", "Date of birth"),
              ("dob", "birth date", "birthday", "born", "生年月日", "誕生日", "birthdate",
               "date of birth dob"), ja="生年月日", example="1985-06-15"),
    FieldSpec("passport_number", QT_TRANSLATE_NOOP("Validation", "Passport number"),
              ("passport", "passport no", "旅券番号", "パスポート番号", "passport #",
               "passport num", "旅券"), ja="旅券番号", example="TK1234567"),
    FieldSpec("passport_expiry", QT_TRANSLATE_NOOP("Validation", "Passport expiry"),
              ("passport expiry date", "passport expiration", "旅券有効期限",
               "パスポート有効期限", "passport expiration date", "passport expires",
               "passport valid until", "passport validity", "旅券の有効期限", "有効期限"),
              ja="旅券有効期限", example="2031-06-14"),
    *INSTITUTION_FIELDS,
)  # fmt: skip

VISIT_FIELDS = (
    FieldSpec("visitor_email", QT_TRANSLATE_NOOP("Validation", "Visitor e-mail"),
              ("email", "e-mail", "visitor", "visitor email address", "mail", "メール",
               "メールアドレス", "訪問者メール", "訪問者", "email address", "e-mail address",
               "guest email", "来訪者メール", "来訪者"), required=True, ja="訪問者メール",
              example="hanako.tanaka@example.ac.jp"),
    FieldSpec("host_institution", QT_TRANSLATE_NOOP("Validation", "Host institution"),
              ("host", "host institute", "destination", "受入機関", "受入先", "受け入れ機関",
               "訪問先", "host organization", "host organisation", "host lab",
               "hosting institution", "受入れ機関"), required=True, ja="受入機関",
              example="Argonne"),
    FieldSpec("arrival_date", QT_TRANSLATE_NOOP("Validation", "Arrival"),
              ("arrival", "arrive", "arrival date", "from", "start", "start date", "到着日",
               "到着", "開始日", "来訪日", "来日日", "来日", "入国日", "date of arrival",
               "arrival day", "visit start", "check in", "訪問開始日"), required=True,
              ja="到着日", example="2027-04-01"),
    FieldSpec("departure_date", QT_TRANSLATE_NOOP("Validation", "Departure"),
              ("departure", "depart", "departure date", "to", "end", "end date", "出発日",
               "出発", "終了日", "離日日", "離日", "帰国日", "出国日", "date of departure",
               "departure day", "visit end", "check out", "訪問終了日"), required=True,
              ja="出発日", example="2027-04-14"),
    FieldSpec("purpose", QT_TRANSLATE_NOOP("Validation", "Purpose"),
              ("reason", "目的", "訪問目的", "purpose of visit", "visit purpose",
               "reason for visit", "来訪目的", "来日目的"), ja="目的", example="research"),
    FieldSpec("paid", QT_TRANSLATE_NOOP("Validation", "Paid"),
              ("paid visit", "funded", "有給", "支給", "funding", "旅費支給"), ja="有給",
              example="no"),
    FieldSpec("visitor_notes", QT_TRANSLATE_NOOP("Validation", "Notes for the visitor"),
              ("notes", "visitor notes", "note", "備考", "訪問者への連絡", "remarks",
               "comments"), ja="訪問者への連絡", example=""),
    FieldSpec("visitor_notes_ja",
              QT_TRANSLATE_NOOP("Validation", "Notes for the visitor (Japanese)"),
              ("visitor notes japanese", "japanese notes", "訪問者への連絡（日本語）",
               "備考（日本語）"), ja="訪問者への連絡（日本語）", example=""),
    FieldSpec("internal_notes", QT_TRANSLATE_NOOP("Validation", "Internal notes"),
              ("internal", "内部メモ", "内部備考", "internal memo"), ja="内部メモ", example=""),
    *INSTITUTION_FIELDS,
)  # fmt: skip

ITINERARY_FIELDS = (
    FieldSpec("kind", QT_TRANSLATE_NOOP("Validation", "Kind"),
              ("type", "item kind", "item type", "種類", "種別", "区分"), required=True,
              ja="種類", example="meeting"),
    FieldSpec("title", QT_TRANSLATE_NOOP("Validation", "Title"),
              ("subject", "item", "件名", "タイトル", "名称", "予定"), required=True,
              ja="件名", example="Kick-off meeting"),
    FieldSpec("start", QT_TRANSLATE_NOOP("Validation", "Start"),
              ("start time", "starts", "from", "開始", "開始日時", "開始時刻"), required=True,
              ja="開始", example="2027-04-02 10:00"),
    FieldSpec("start_zone", QT_TRANSLATE_NOOP("Validation", "Start time zone"),
              ("start zone", "start timezone", "start tz", "開始タイムゾーン"),
              ja="開始タイムゾーン", example="Asia/Tokyo"),
    FieldSpec("end", QT_TRANSLATE_NOOP("Validation", "End"),
              ("end time", "ends", "until", "終了", "終了日時", "終了時刻"), required=True,
              ja="終了", example="2027-04-02 11:00"),
    FieldSpec("end_zone", QT_TRANSLATE_NOOP("Validation", "End time zone"),
              ("end zone", "end timezone", "end tz", "終了タイムゾーン"),
              ja="終了タイムゾーン", example="Asia/Tokyo"),
    FieldSpec("location", QT_TRANSLATE_NOOP("Validation", "Location"),
              ("place", "venue", "room", "場所", "会場"), ja="場所", example="Room 1501"),
    FieldSpec("address", QT_TRANSLATE_NOOP("Validation", "Address"),
              ("location address", "street address", "住所", "所在地"), ja="住所",
              example="1-1 Rokkodai, Kobe"),
    FieldSpec("confirmation", QT_TRANSLATE_NOOP("Validation", "Confirmation"),
              ("confirmation code", "booking", "booking reference", "reservation",
               "予約番号", "確認番号"), ja="予約番号", example=""),
    FieldSpec("title_ja", QT_TRANSLATE_NOOP("Validation", "Title (Japanese)"),
              ("title japanese", "japanese title", "件名日本語", "件名（日本語）",
               "タイトル（日本語）"), ja="件名（日本語）", example="キックオフ会議"),
    FieldSpec("details", QT_TRANSLATE_NOOP("Validation", "Details"),
              ("visitor details", "notes", "note", "詳細", "備考"), ja="詳細", example=""),
    FieldSpec("details_ja", QT_TRANSLATE_NOOP("Validation", "Details (Japanese)"),
              ("details japanese", "japanese details", "詳細（日本語）", "詳細日本語"),
              ja="詳細（日本語）", example=""),
    FieldSpec("uid", QT_TRANSLATE_NOOP("Validation", "Calendar UID"),
              ("calendar uid", "item uid", "item id", "カレンダーUID"), ja="UID", example=""),
)  # fmt: skip
