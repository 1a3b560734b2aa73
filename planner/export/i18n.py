"""Labels, dates and names of exported itineraries in English, Japanese, or both."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from planner.domain.english_dates import month_name, weekday_name
from planner.domain.entities import Institution, Person
from planner.domain.enums import ItineraryKind


class Lang(StrEnum):
    """Language of an exported itinerary."""

    EN = "en"
    JA = "ja"
    BILINGUAL = "bilingual"


_LABELS: dict[str, tuple[str, str]] = {
    "itinerary": ("Itinerary", "旅程表"),
    "visit": ("Visit", "訪問番号"),
    "visitor": ("Visitor", "訪問者"),
    "home_institution": ("Home institution", "所属機関"),
    "host_institution": ("Host institution", "受入機関"),
    "host": ("Host", "受入担当者"),
    "dates": ("Dates", "期間"),
    "address": ("Address", "住所"),
    "email": ("E-mail", "メール"),
    "phone": ("Phone", "電話"),
    "contacts": ("Contacts", "連絡先"),
    "emergency": ("Emergency", "緊急時"),
    "schedule": ("Day-by-day schedule", "日程"),
    "venues": ("Venues", "会場"),
    "what_to_bring": ("What to bring", "持ち物"),
    "notes": ("Notes for you", "ご案内"),
    "confirmation": ("Confirmation", "予約番号"),
    "time": ("Time", "時刻"),
    "details": ("Details", "内容"),
    "place": ("Place", "場所"),
    "generated": ("Generated", "作成日"),
    "page": ("Page", "ページ"),
    "of": ("of", "/"),
    "cancelled": ("This visit has been cancelled.", "この訪問は中止になりました。"),
    "no_items": ("No itinerary items yet.", "予定はまだありません。"),
    "times_note": (
        "All times are local to where they happen, with the time zone.",
        "時刻はすべて現地時刻です（タイムゾーン付き）。",
    ),
    "passport": ("Passport (valid for the whole stay)", "パスポート（滞在期間中有効なもの）"),
    "this_itinerary": ("This itinerary", "この旅程表"),
    "emergency_us": ("911 (police, fire, ambulance)", "911（警察・消防・救急）"),
    "emergency_jp": ("110 (police), 119 (fire, ambulance)", "110（警察）、119（消防・救急）"),
    "new": ("New", "新規"),
    "changed": ("Changed", "変更"),
    "removed": ("Removed since the version last sent", "前回お送りした版から削除された予定"),
    "since": ("Marked: changes since the version sent on", "印は次の日に送付した版からの変更です:"),
    "add_to_calendar": ("Add to calendar", "カレンダーに追加"),
    "report_correction": ("Report a correction", "訂正を連絡"),
}

_KINDS: dict[ItineraryKind, tuple[str, str]] = {
    ItineraryKind.FLIGHT: ("Flight", "航空便"),
    ItineraryKind.TRAIN: ("Train", "列車"),
    ItineraryKind.GROUND_TRANSPORT: ("Ground transport", "陸上交通"),
    ItineraryKind.LODGING: ("Lodging", "宿泊"),
    ItineraryKind.MEETING: ("Meeting", "打合せ"),
    ItineraryKind.LECTURE: ("Lecture", "講演"),
    ItineraryKind.SEMINAR: ("Seminar", "セミナー"),
    ItineraryKind.SYMPOSIUM: ("Symposium", "シンポジウム"),
    ItineraryKind.TOUR: ("Tour", "見学"),
    ItineraryKind.BADGE_PICKUP: ("Badge pickup", "入構証の受取"),
    ItineraryKind.MEAL: ("Meal", "食事"),
    ItineraryKind.FREE_TIME: ("Free time", "自由時間"),
    ItineraryKind.OTHER: ("Other", "その他"),
}

_JA_WEEKDAYS = "月火水木金土日"
#: National emergency numbers a visitor may need, by ISO country of the host institution.
EMERGENCY_KEYS = {"US": "emergency_us", "JP": "emergency_jp"}


def pick(lang: Lang, en: str, ja: str, sep: str = " / ") -> str:
    """The English text, the Japanese one (English if there is none), or both."""
    if lang is Lang.EN or not ja:
        return en
    if lang is Lang.JA or not en or en == ja:
        return ja
    return f"{en}{sep}{ja}"


def label(key: str, lang: Lang) -> str:
    """A fixed label of the export in *lang*."""
    en, ja = _LABELS[key]
    return pick(lang, en, ja)


def kind_label(kind: ItineraryKind, lang: Lang) -> str:
    """The kind of an item (``Flight`` / ``航空便``)."""
    en, ja = _KINDS.get(kind, (kind.value, kind.value))
    return pick(lang, en, ja)


def format_date(day: date, lang: Lang) -> str:
    """``Mon 8 March 2027``, ``2027年3月8日(月)``, or both."""
    en = f"{weekday_name(day, short=True)} {day.day} {month_name(day)} {day.year}"
    ja = f"{day.year}年{day.month}月{day.day}日({_JA_WEEKDAYS[day.weekday()]})"
    return pick(lang, en, ja)


def format_short_date(day: date, lang: Lang) -> str:
    """``Mon 8 Mar`` or ``3月8日(月)`` (bilingual shows the English, which is shorter)."""
    if lang is Lang.JA:
        return f"{day.month}月{day.day}日({_JA_WEEKDAYS[day.weekday()]})"
    return f"{weekday_name(day, short=True)} {day.day} {month_name(day, short=True)}"


def format_range(first: date, last: date, lang: Lang) -> str:
    """The stay's dates: ``Mon 8 March 2027 – Fri 19 March 2027``."""
    if lang is Lang.BILINGUAL:
        return (
            f"{format_date(first, Lang.EN)} – {format_date(last, Lang.EN)} / "
            f"{format_date(first, Lang.JA)} ～ {format_date(last, Lang.JA)}"
        )
    dash = " ～ " if lang is Lang.JA else " – "
    return f"{format_date(first, lang)}{dash}{format_date(last, lang)}"


def day_marker(offset: int, lang: Lang) -> str:
    """``+1 day`` / ``+1日`` for an end on another local date than its start."""
    if offset == 0:
        return ""
    sign = "+" if offset > 0 else "−"
    n = abs(offset)
    en = f"{sign}{n} day" + ("" if n == 1 else "s")
    return pick(lang, en, f"{sign}{n}日", sep=" ")


def generated_at(now: datetime, lang: Lang) -> str:
    """The generation date line (UTC, since the reader may be anywhere)."""
    stamp = f"{now:%Y-%m-%d %H:%M} UTC"
    return f"{label('generated', lang)}: {stamp}"


def person_name(person: Person, lang: Lang) -> str:
    """Latin name given-first in English; kanji family-first in Japanese when recorded."""
    latin = person.latin_name or person.native_name
    native = person.native_name
    if lang is Lang.EN or not native:
        return latin
    if lang is Lang.JA:
        return native
    return f"{latin} / {native}"


def institution_name(inst: Institution, lang: Lang) -> str:
    """The institution's name in *lang* (its Japanese name when recorded)."""
    return pick(lang, inst.name, inst.name_ja)


def page_footer(page: int, pages: int, lang: Lang) -> str:
    """``Page 2 of 5``, ``2 / 5 ページ``, or both."""
    en = f"Page {page} of {pages}"
    ja = f"{page} / {pages} ページ"
    return pick(lang, en, ja, sep="  ")
