"""The curated demo data set, as plain records, and the date arithmetic that places it.

Every person, e-mail address, passport number and booking code here is made up. Institutions
and their public addresses are real; flight numbers and timetables are illustrative. Dates are
offsets from "today" so the demo always has past, running and upcoming visits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from enum import Enum

from planner.domain.entities import Institution
from planner.domain.enums import (
    AgreementKind,
    EventKind,
    InstitutionKind,
    ItineraryKind,
    PaperworkStatus,
    ParticipantRole,
    PersonCategory,
    Purpose,
    TransferKind,
    TransferStatus,
    VisitStatus,
)


@dataclass(frozen=True)
class DemoSummary:
    """How many records of each kind the demo created."""

    institutions: int
    people: int
    visits: int
    events: int
    itinerary_items: int

    def __add__(self, other: DemoSummary) -> DemoSummary:
        return DemoSummary(
            self.institutions + other.institutions,
            self.people + other.people,
            self.visits + other.visits,
            self.events + other.events,
            self.itinerary_items + other.itinerary_items,
        )


# --- Institutions, programme, projects -------------------------------------------------------

ARGONNE, WAKO, KOBE = "argonne", "wako", "kobe"

INSTITUTIONS: dict[str, Institution] = {
    ARGONNE: Institution(
        name="Argonne National Laboratory",
        name_ja="アルゴンヌ国立研究所",
        short_name="Argonne",
        kind=InstitutionKind.NATIONAL_LAB,
        country="US",
        city="Lemont, Illinois",
        address="9700 S. Cass Avenue, Lemont, IL 60439, USA",
        timezone="America/Chicago",
    ),
    WAKO: Institution(
        name="RIKEN Wako Campus",
        name_ja="理化学研究所 和光地区",
        short_name="RIKEN Wako",
        kind=InstitutionKind.RESEARCH_INSTITUTE,
        country="JP",
        city="Wako, Saitama",
        address="2-1 Hirosawa, Wako, Saitama 351-0198, Japan",
        timezone="Asia/Tokyo",
    ),
    KOBE: Institution(
        name="RIKEN Center for Computational Science",
        name_ja="理化学研究所 計算科学研究センター",
        short_name="RIKEN R-CCS Kobe",
        kind=InstitutionKind.RESEARCH_INSTITUTE,
        country="JP",
        city="Kobe, Hyogo",
        address="7-1-26 Minatojima-minami-machi, Chuo-ku, Kobe, Hyogo 650-0047, Japan",
        timezone="Asia/Tokyo",
    ),
}

PROGRAM_NAME = "Argonne–RIKEN Memorandum of Cooperation"
PROGRAM_NAME_JA = "アルゴンヌ国立研究所と理化学研究所の協力覚書"
PROGRAM_DESCRIPTION = (
    "Exchanges of researchers, staff and students; joint lectures, seminars and symposia; "
    "sharing of data sets and research materials."
)
AURORA, TPC = "aurora", "tpc"
#: key -> (name, Japanese name, description)
PROJECTS: dict[str, tuple[str, str, str]] = {
    AURORA: (
        "AuroraGPT",
        "AuroraGPT（科学向け大規模言語モデル）",
        "Training large language models on scientific data.",
    ),
    TPC: (
        "Trillion Parameter Consortium",
        "兆パラメータ・コンソーシアム",
        "Building trillion-parameter AI models for science with partners worldwide.",
    ),
}


@dataclass(frozen=True)
class Site:
    """Where a visitor stays, picks up a badge and meets, at one host institution."""

    badge: tuple[str, str]
    hotel: tuple[str, str]
    hotel_address: str
    meeting_room: str


SITES: dict[str, Site] = {
    ARGONNE: Site(
        ("Visitor badge pickup", "入構バッジ受け取り"),
        ("Argonne Guest House", "アルゴンヌ・ゲストハウス"),
        "9700 S. Cass Avenue, Lemont, IL 60439, USA",
        "Building 240, conference room",
    ),
    WAKO: Site(
        ("Visitor pass pickup at the main gate", "正門にて入構証受け取り"),
        ("Hotel near Wakoshi Station", "和光市駅前ホテル"),
        "Wako, Saitama, Japan",
        "Main Research Building, meeting room",
    ),
    KOBE: Site(
        ("Visitor pass pickup at R-CCS reception", "R-CCS受付にて入構証受け取り"),
        ("Port Island business hotel", "ポートアイランドのビジネスホテル"),
        "Minatojima, Chuo-ku, Kobe, Japan",
        "R-CCS 6th floor meeting room",
    ),
}

# --- People (all fictional) ------------------------------------------------------------------


@dataclass(frozen=True)
class PersonSpec:
    """A fictional person; the passport expiry is days from today, so it never goes stale."""

    home: str
    family_name: str
    given_name: str
    category: PersonCategory
    nationality: str
    email: str
    family_name_native: str = ""
    given_name_native: str = ""
    preferred_name: str = ""
    phone: str = ""
    date_of_birth: date | None = None
    passport_number: str = ""
    passport_valid_days: int | None = None
    internal_notes: str = ""


_R, _S, _ST = PersonCategory.RESEARCHER, PersonCategory.STAFF, PersonCategory.STUDENT

PEOPLE: dict[str, PersonSpec] = {
    "holloway": PersonSpec(
        ARGONNE, "Holloway", "Margaret", _R, "US", "m.holloway@example.org",
        preferred_name="Meg", phone="+1 630 555 0101", date_of_birth=date(1974, 6, 2),
        passport_number="XA0000101", passport_valid_days=2900,
    ),
    "calloway": PersonSpec(
        ARGONNE, "Calloway", "Ethan", _R, "US", "e.calloway@example.org",
        phone="+1 630 555 0102", date_of_birth=date(1983, 11, 19),
        passport_number="XA0000102", passport_valid_days=1500,
    ),
    "okafor": PersonSpec(
        ARGONNE, "Okafor", "Samuel", _R, "US", "s.okafor@example.org",
        phone="+1 630 555 0103", date_of_birth=date(1979, 2, 8),
        passport_number="XA0000103", passport_valid_days=2100,
    ),
    "brennan": PersonSpec(
        ARGONNE, "Brennan", "Linda", _S, "US", "l.brennan@example.org",
        phone="+1 630 555 0104", date_of_birth=date(1970, 9, 30),
        passport_number="XA0000104", passport_valid_days=1200,
        internal_notes="International office; coordinates visits from RIKEN.",
    ),
    "dunmore": PersonSpec(
        ARGONNE, "Dunmore", "Rachel", _S, "US", "r.dunmore@example.org",
        phone="+1 630 555 0105", date_of_birth=date(1988, 4, 14),
    ),
    "weber": PersonSpec(
        ARGONNE, "Weber", "Jonas", _ST, "DE", "j.weber@example.org",
        date_of_birth=date(1999, 1, 23), passport_number="DE0000106", passport_valid_days=150,
        internal_notes="German graduate student at Argonne; passport expires soon.",
    ),
    "chen": PersonSpec(
        ARGONNE, "Chen", "Yuxi", _R, "CN", "y.chen@example.org",
        phone="+1 630 555 0107", date_of_birth=date(1990, 7, 5),
        passport_number="CN0000107", passport_valid_days=1800,
    ),
    "saeki": PersonSpec(
        WAKO, "Saeki", "Haruka", _R, "JP", "h.saeki@example.jp",
        family_name_native="佐伯", given_name_native="遥", date_of_birth=date(1981, 3, 27),
        passport_number="TZ0000121", passport_valid_days=2400,
    ),
    "morikawa": PersonSpec(
        WAKO, "Morikawa", "Kenta", _S, "JP", "k.morikawa@example.jp",
        family_name_native="森川", given_name_native="健太", date_of_birth=date(1976, 12, 1),
        passport_number="TZ0000122", passport_valid_days=900,
        internal_notes="International affairs office, Wako.",
    ),
    "higashino": PersonSpec(
        WAKO, "Higashino", "Misaki", _ST, "JP", "m.higashino@example.jp",
        family_name_native="東野", given_name_native="美咲", date_of_birth=date(2000, 8, 17),
        passport_number="TZ0000123", passport_valid_days=3000,
    ),
    "komatsu": PersonSpec(
        WAKO, "Komatsu", "Daisuke", _R, "JP", "d.komatsu@example.jp",
        family_name_native="小松", given_name_native="大輔", date_of_birth=date(1985, 5, 9),
        passport_number="TZ0000124", passport_valid_days=1100,
    ),
    "mehta": PersonSpec(
        WAKO, "Mehta", "Arjun", _R, "IN", "a.mehta@example.jp",
        date_of_birth=date(1987, 10, 12), passport_number="IN0000125",
        passport_valid_days=2600,
        internal_notes="Indian national at RIKEN: US visa needed, no visa waiver.",
    ),
    "hojo": PersonSpec(
        KOBE, "Hojo", "Naoki", _R, "JP", "n.hojo@example.jp",
        family_name_native="北条", given_name_native="直樹", date_of_birth=date(1972, 1, 15),
        passport_number="TZ0000131", passport_valid_days=1700,
    ),
    "todo": PersonSpec(
        KOBE, "Todo", "Yuki", _S, "JP", "y.todo@example.jp",
        family_name_native="藤堂", given_name_native="由紀", date_of_birth=date(1984, 6, 21),
    ),
    "miyazono": PersonSpec(
        KOBE, "Miyazono", "Sho", _ST, "JP", "s.miyazono@example.jp",
        family_name_native="宮園", given_name_native="翔", date_of_birth=date(2001, 2, 3),
        passport_number="TZ0000133", passport_valid_days=3300,
    ),
}  # fmt: skip

# --- Dates ------------------------------------------------------------------------------------


class Anchor(Enum):
    """What a curated visit's arrival offset counts from."""

    TODAY = "today"
    LAST_US_DST = "last_us_dst"  # a past US daylight-saving start, with the visit over
    NEXT_US_DST = "next_us_dst"  # a coming one, far enough ahead for an approved visit


def us_dst_start(year: int) -> date:
    """The second Sunday of March, when US clocks move forward."""
    eighth = date(year, 3, 8)
    return eighth + timedelta(days=(6 - eighth.weekday()) % 7)


def anchor_date(anchor: Anchor, today: date) -> date:
    """The date an offset with *anchor* counts from.

    The daylight-saving anchors leave room for a ten-night stay around the change: the past
    one ends before today, the coming one starts more than two weeks from today.
    """
    if anchor is Anchor.TODAY:
        return today
    if anchor is Anchor.LAST_US_DST:
        year = today.year
        while us_dst_start(year) + timedelta(days=6) >= today:
            year -= 1
        return us_dst_start(year)
    year = today.year
    while us_dst_start(year) - timedelta(days=6) <= today + timedelta(days=14):
        year += 1
    return us_dst_start(year)


def is_workday(day: date) -> bool:
    """Monday to Friday, outside the year-end closure (24 December to 3 January)."""
    closed = (day.month == 12 and day.day >= 24) or (day.month == 1 and day.day <= 3)
    return day.weekday() < 5 and not closed


def workdays_from(start: date, days: int = 1) -> date:
    """The first date on or after *start* that begins *days* consecutive workdays."""
    day = start
    while not all(is_workday(day + timedelta(days=i)) for i in range(days)):
        day += timedelta(days=1)
    return day


# --- Travel -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Leg:
    """One scheduled journey: departs *day* days after the anchor date at *departs* local."""

    kind: ItineraryKind
    title: str
    title_ja: str
    start_zone: str
    end_zone: str
    day: int
    departs: time
    minutes: int
    carrier: str
    location: str


_CHI, _TYO = "America/Chicago", "Asia/Tokyo"
#: code -> (English name, Japanese name, zone, where to check in)
_AIRPORTS: dict[str, tuple[str, str, str, str]] = {
    "ORD": ("Chicago O'Hare", "シカゴ・オヘア", _CHI,
            "Chicago O'Hare International Airport (ORD), Terminal 5"),
    "HND": ("Tokyo Haneda", "東京・羽田", _TYO, "Tokyo Haneda Airport (HND), Terminal 3"),
}  # fmt: skip


def _flight(number: str, origin: str, to: str, day: int, departs: time, minutes: int) -> Leg:
    o_en, o_ja, o_zone, o_where = _AIRPORTS[origin]
    t_en, t_ja, t_zone, _ = _AIRPORTS[to]
    return Leg(
        ItineraryKind.FLIGHT,
        f"Flight {number} {o_en} ({origin}) → {t_en} ({to})",
        f"{number.replace(' ', '')}便 {o_ja} → {t_ja}",
        o_zone, t_zone, day, departs, minutes, "ANA" if number.startswith("NH") else "JAL", o_where,
    )  # fmt: skip


def _nozomi(to_kobe: bool, day: int, departs: time) -> Leg:
    stations = [("Shinagawa", "品川"), ("Shin-Kobe", "新神戸")]
    (a_en, a_ja), (b_en, b_ja) = stations if to_kobe else stations[::-1]
    return Leg(
        ItineraryKind.TRAIN, f"Shinkansen Nozomi {a_en} → {b_en}", f"新幹線のぞみ {a_ja} → {b_ja}",
        _TYO, _TYO, day, departs, 162 if to_kobe else 167, "JR", f"{a_en} Station",
    )  # fmt: skip


_ORD_HND = _flight("NH 111", "ORD", "HND", -1, time(11, 0), 785)
_HND_ORD_PM = _flight("JL 10", "HND", "ORD", 0, time(17, 5), 710)
_ORD_HND_BACK = _flight("JL 9", "ORD", "HND", 0, time(12, 30), 785)


@dataclass(frozen=True)
class Route:
    """Outbound legs (days counted from arrival) and return legs (from departure)."""

    outbound: tuple[Leg, ...]
    back: tuple[Leg, ...] = field(default=())


#: (home, host, late flight) -> route. Kobe travellers use the Shinkansen to and from Tokyo.
ROUTES: dict[tuple[str, str, bool], Route] = {
    (ARGONNE, WAKO, False): Route((_ORD_HND,), (_HND_ORD_PM,)),
    (ARGONNE, KOBE, False): Route(
        (_ORD_HND, _nozomi(True, 0, time(17, 10))), (_nozomi(False, 0, time(9, 40)), _HND_ORD_PM)
    ),
    (WAKO, ARGONNE, False): Route(
        (_flight("NH 112", "HND", "ORD", 0, time(10, 40), 710),), (_ORD_HND_BACK,)
    ),
    # Leaves Tokyo just after midnight and lands in Chicago on the previous calendar day.
    (WAKO, ARGONNE, True): Route(
        (_flight("JL 12", "HND", "ORD", 1, time(0, 20), 710),), (_ORD_HND_BACK,)
    ),
    (KOBE, ARGONNE, False): Route(
        (_nozomi(False, 0, time(11, 10)), _HND_ORD_PM),
        (_ORD_HND_BACK, _nozomi(True, 1, time(19, 10))),
    ),
}  # fmt: skip

#: (English, Japanese) titles of the kick-off, working-session and wrap-up meetings.
MEETINGS: tuple[tuple[str, str], ...] = (
    ("Kick-off meeting with the host group", "ホストグループとのキックオフ会議"),
    ("Working session", "作業セッション"),
    ("Wrap-up and next steps", "まとめと今後の予定"),
)

# --- Events -----------------------------------------------------------------------------------

SERIES = "Argonne–RIKEN Joint AI for Science Seminar"
SERIES_JA = "アルゴンヌ・理研 合同 AI for Science セミナー"
_SP, _AT, _OR = ParticipantRole.SPEAKER, ParticipantRole.ATTENDEE, ParticipantRole.ORGANIZER


@dataclass(frozen=True)
class EventSpec:
    """An event on the first run of *days* workdays from today + *offset*, in local times."""

    kind: EventKind
    title: str
    title_ja: str
    institution: str
    venue: str
    offset: int
    starts: time
    ends: time
    participants: tuple[tuple[str, ParticipantRole], ...]
    days: int = 1
    series: str = ""
    description: str = ""

    def dates(self, today: date) -> tuple[date, date]:
        """First and last local day of the event for *today*."""
        first = workdays_from(today + timedelta(days=self.offset), self.days)
        return first, first + timedelta(days=self.days - 1)


def _seminar(
    title: str,
    title_ja: str,
    where: str,
    offset: int,
    speaker: str,
    organizer: str,
    *attendees: str,
) -> EventSpec:
    starts, ends = (time(16, 0), time(17, 30)) if where == ARGONNE else (time(15, 0), time(16, 30))
    venue = "Building 240 auditorium" if where == ARGONNE else "Seminar room (hybrid)"
    people = ((speaker, _SP), (organizer, _OR), *((a, _AT) for a in attendees))
    return EventSpec(
        EventKind.SEMINAR, f"{SERIES}: {title}", f"{SERIES_JA}：{title_ja}", where, venue,
        offset, starts, ends, people, series=SERIES,
        description="Hybrid seminar, streamed to the partner site.",
    )  # fmt: skip


EVENTS: dict[str, EventSpec] = {
    # The series alternates between the US and Japan.
    "seminar-1": _seminar("Scaling laws for scientific language models",
                          "科学言語モデルのスケーリング則", KOBE, -120, "calloway", "hojo",
                          "miyazono", "todo"),
    "seminar-2": _seminar("Curating scientific text for foundation models",
                          "基盤モデルのための科学テキスト整備", ARGONNE, -67, "saeki",
                          "holloway", "okafor", "weber"),
    "seminar-3": _seminar("Evaluating language models on materials science",
                          "材料科学における言語モデルの評価", WAKO, -35, "mehta", "morikawa",
                          "higashino"),
    "seminar-4": _seminar("Retrieval-augmented models for experiment planning",
                          "実験計画のための検索拡張モデル", ARGONNE, 8, "mehta", "calloway",
                          "higashino", "okafor"),
    "seminar-5": _seminar("Data pipelines for AuroraGPT", "AuroraGPTのデータパイプライン",
                          WAKO, 60, "okafor", "komatsu", "higashino"),
    "symposium": EventSpec(
        EventKind.SYMPOSIUM, "Trillion Parameter Consortium Symposium",
        "兆パラメータ・コンソーシアム シンポジウム", KOBE, "R-CCS Lecture Hall", 9,
        time(9, 30), time(17, 30),
        (("hojo", _OR), ("todo", _OR), ("holloway", _SP), ("saeki", _SP), ("weber", _AT),
         ("miyazono", _AT)),
        days=2, description="Two days of talks and panels on trillion-parameter models.",
    ),
    "lecture": EventSpec(
        EventKind.LECTURE, "Lecture: Operating Fugaku for large-scale AI training",
        "講演：富岳における大規模AI学習の運用", ARGONNE, "Building 240 auditorium", 29,
        time(14, 0), time(15, 30), (("hojo", _SP), ("okafor", _OR), ("chen", _AT)),
    ),
}  # fmt: skip


#: The weekly hybrid series between Argonne and RIKEN R-CCS (issue #21): Tuesdays 17:00 in
#: Chicago, five weeks each side of the US spring clock change, so Kobe's time moves from
#: Wednesday 08:00 to 07:00 half-way through (outside Kobe's default working hours, flagged).
WEEKLY_SERIES = "Argonne–RIKEN R-CCS weekly AI for Science seminar"
WEEKLY_SERIES_JA = "アルゴンヌ・理研R-CCS 週例 AI for Science セミナー"
WEEKLY_STARTS, WEEKLY_ENDS = time(17, 0), time(18, 0)
WEEKLY_COUNT = 10
WEEKLY_LINK = "https://meet.example.org/argonne-riken-ai"
WEEKLY_DIAL_IN = "+1 630 555 0199, meeting 123 456 789#"
#: (person, role, in the room?): Argonne in the auditorium, Kobe over the link.
WEEKLY_PEOPLE = (("holloway", _OR, True), ("okafor", _SP, True), ("hojo", _SP, False),
                 ("todo", _AT, False))  # fmt: skip
#: The occurrence (0-based) moved from Tuesday to Thursday at the same Chicago time.
WEEKLY_MOVED = 6


def us_spring_change(year: int) -> date:
    """The second Sunday of March: the US moves its clocks forward."""
    first = date(year, 3, 1)
    return first + timedelta(days=(6 - first.weekday()) % 7 + 7)


def weekly_series_start(today: date) -> date:
    """The Tuesday five weeks before the next US spring change that is still ahead."""
    year = today.year
    while True:
        change = us_spring_change(year)
        start = change - timedelta(days=(change.weekday() - 1) % 7 + 28)  # a Tuesday
        if start >= today:
            return start
        year += 1


# --- Visits -------------------------------------------------------------------------------


@dataclass(frozen=True)
class VisitSpec:
    """A curated visit: who goes where, when and how far it got.

    *offset* counts days from *anchor*: today, a US daylight-saving change, or the first day
    of the event (a key of :data:`EVENTS`) the visit is for, so the visitor is there for it.
    """

    visitor: str
    host: str
    offset: int
    nights: int
    status: VisitStatus
    purpose: Purpose
    host_person: str | None = None
    project: str | None = None
    paid: bool = False
    anchor: Anchor | str = Anchor.TODAY
    late_flight: bool = False
    #: First planned as a paid stay, then changed: its paid-stay paperwork stays, flagged as
    #: no longer required (the checklist never deletes an item).
    first_planned_paid: bool = False
    visitor_notes: str = ""
    internal_notes: str = ""
    cancel_reason: str = ""

    def dates(self, today: date) -> tuple[date, date]:
        """Arrival and departure (host-local dates) for *today*."""
        if isinstance(self.anchor, Anchor):
            base = anchor_date(self.anchor, today)
        else:
            base = EVENTS[self.anchor].dates(today)[0]
        arrival = base + timedelta(days=self.offset)
        return arrival, arrival + timedelta(days=self.nights)


_VS, _P = VisitStatus, Purpose
_GUEST_HOUSE = "Your room at the Argonne Guest House is booked for the whole stay."
_DST_NOTE = (
    "US clocks move forward one hour on the second Sunday of March, during your stay; "
    "the times in this itinerary already account for it."
)

#: The notes for the visitor in Japanese, for Japanese and bilingual itineraries.
NOTES_JA = {
    _GUEST_HOUSE: "滞在中はアルゴンヌ・ゲストハウスのお部屋を予約してあります。",
    _DST_NOTE: (
        "滞在中の3月第2日曜日に米国の時計が1時間進みます。この旅程表の時刻は調整済みです。"
    ),
    "RIKEN pays an honorarium for the seminar talk.": "セミナー講演の謝金は理研が支払います。",
    "Training on the AuroraGPT data pipeline; stipend paid monthly.": (
        "AuroraGPT のデータパイプラインの研修です。滞在費は毎月支給されます。"
    ),
    "Meetings on the data-sharing agreement with the Wako office.": (
        "和光事業所とのデータ共有協定に関する打合せです。"
    ),
    "You land late in the evening: the Guest House front desk stays open.": (
        "到着は夜遅くになりますが、ゲストハウスのフロントは開いています。"
    ),
    "Keynote at the Trillion Parameter Consortium Symposium.": (
        "Trillion Parameter Consortium シンポジウムでの基調講演です。"
    ),
    "Training on visitor and user-facility procedures at Argonne.": (
        "アルゴンヌでの来訪者・共用施設の手続きに関する研修です。"
    ),
    "Joint work on evaluation data sets; seminar talk at Wako.": (
        "評価用データセットの共同作業と、和光でのセミナー講演です。"
    ),
}

VISITS: tuple[VisitSpec, ...] = (
    VisitSpec(
        "saeki", ARGONNE, -10, 21, _VS.COMPLETED, _P.RESEARCH_COLLABORATION, "holloway", AURORA,
        anchor="seminar-2", visitor_notes=_GUEST_HOUSE,
        internal_notes="Foreign-national access approved; export-control review: no issues.",
    ),
    VisitSpec(
        "komatsu", ARGONNE, -5, 10, _VS.COMPLETED, _P.RESEARCH_COLLABORATION, "okafor", TPC,
        anchor=Anchor.LAST_US_DST, visitor_notes=_DST_NOTE,
    ),
    VisitSpec(
        "calloway", KOBE, -4, 6, _VS.COMPLETED, _P.SEMINAR, "hojo", TPC, paid=True,
        anchor="seminar-1",
        visitor_notes="RIKEN pays an honorarium for the seminar talk.",
        internal_notes="Honorarium: invoice received, paid.",
    ),
    VisitSpec(
        "higashino", ARGONNE, -10, 30, _VS.IN_PROGRESS, _P.TRAINING, "okafor", AURORA, paid=True,
        visitor_notes="Training on the AuroraGPT data pipeline; stipend paid monthly.",
        internal_notes="J-1 student intern; DS-2019 issued.",
    ),
    VisitSpec(
        "brennan", WAKO, -3, 6, _VS.IN_PROGRESS, _P.DATA_EXCHANGE, "morikawa",
        visitor_notes="Meetings on the data-sharing agreement with the Wako office.",
    ),
    VisitSpec(
        "mehta", ARGONNE, -4, 14, _VS.CONFIRMED, _P.SEMINAR, "calloway", AURORA,
        anchor="seminar-4", late_flight=True,
        visitor_notes="You land late in the evening: the Guest House front desk stays open.",
        internal_notes="B-1 visa issued; foreign-national access request approved.",
    ),
    VisitSpec(
        "holloway", KOBE, -3, 9, _VS.CONFIRMED, _P.SYMPOSIUM, "hojo", TPC, anchor="symposium",
        visitor_notes="Keynote at the Trillion Parameter Consortium Symposium.",
    ),
    VisitSpec(
        "weber", KOBE, -2, 7, _VS.APPROVED, _P.SYMPOSIUM, "hojo", TPC, anchor="symposium",
        internal_notes="Passport expires within months of arrival: check entry rules.",
    ),
    VisitSpec(
        "hojo", ARGONNE, -2, 7, _VS.APPROVED, _P.LECTURE, "okafor", TPC, paid=True,
        anchor="lecture",
        visitor_notes=_GUEST_HOUSE,
    ),
    VisitSpec(
        "todo", ARGONNE, 2, 5, _VS.CONFIRMED, _P.TRAINING, "brennan", TPC,
        visitor_notes="Training on visitor and user-facility procedures at Argonne.",
    ),
    VisitSpec(
        "saeki", ARGONNE, -5, 10, _VS.APPROVED, _P.RESEARCH_COLLABORATION, "holloway", AURORA,
        anchor=Anchor.NEXT_US_DST, visitor_notes=_DST_NOTE,
    ),
    VisitSpec(
        "morikawa", ARGONNE, 40, 4, _VS.PROPOSED, _P.OTHER, "brennan",
        internal_notes="Administrative visit: review of the memorandum's exchange quotas.",
    ),
    VisitSpec(
        "okafor", WAKO, -5, 14, _VS.PROPOSED, _P.RESEARCH_COLLABORATION, "komatsu", AURORA,
        anchor="seminar-5", first_planned_paid=True,
        visitor_notes="Joint work on evaluation data sets; seminar talk at Wako.",
    ),
    VisitSpec(
        "miyazono", ARGONNE, 120, 90, _VS.DRAFT, _P.TRAINING, "chen", AURORA, paid=True,
        internal_notes="Long stay: J-1 and DS-2019 needed; housing to be found.",
    ),
    VisitSpec("dunmore", KOBE, 95, 4, _VS.DRAFT, _P.DATA_EXCHANGE, "todo", TPC),
    VisitSpec(
        "chen", WAKO, 20, 7, _VS.CANCELLED, _P.SEMINAR, "saeki", AURORA,
        cancel_reason="Export-control review not finished in time; to be rescheduled.",
    ),
)  # fmt: skip

#: Reasons recorded in the audit log for each step of the life cycle.
STATUS_REASONS: dict[VisitStatus, str] = {
    VisitStatus.PROPOSED: "Submitted for approval by the home coordinator.",
    VisitStatus.APPROVED: "Approved under the Argonne–RIKEN Memorandum of Cooperation.",
    VisitStatus.CONFIRMED: "Travel booked; blocking paperwork approved.",
    VisitStatus.IN_PROGRESS: "Visitor arrived and picked up the badge.",
    VisitStatus.COMPLETED: "Visit ended; visitor departed.",
}

# --- Paperwork and agreements -----------------------------------------------------------------

_PS = PaperworkStatus

#: Item statuses that differ from the default for the visit's status, keyed by (visitor, visit
#: status). Together they show every paperwork status, an *approved* visit of a Japanese
#: researcher to Argonne whose blocking items are not all approved, and overdue items.
PAPERWORK_STATUSES: dict[tuple[str, VisitStatus], dict[str, PaperworkStatus]] = {
    ("saeki", _VS.APPROVED): {
        "us_host_approval": _PS.APPROVED,
        "esta": _PS.APPROVED,
        "fn_access_request": _PS.SUBMITTED,
        "us_export_control": _PS.IN_PROGRESS,
        "travel_authorisation": _PS.APPROVED,
    },
    ("hojo", _VS.APPROVED): {
        "fn_access_request": _PS.APPROVED,
        "us_host_approval": _PS.APPROVED,
        "us_export_control": _PS.APPROVED,
        "ds2019": _PS.APPROVED,
        "sevis_fee": _PS.APPROVED,
        "j1_visa": _PS.SUBMITTED,
        "j1_insurance": _PS.IN_PROGRESS,
    },
    ("weber", _VS.APPROVED): {
        "jp_export_control": _PS.APPROVED,
        "jp_visiting_researcher": _PS.SUBMITTED,
        "travel_insurance": _PS.EXPIRED,
    },
    ("brennan", _VS.IN_PROGRESS): {"housing": _PS.WAIVED},
    ("chen", _VS.CANCELLED): {
        "jp_export_control": _PS.REJECTED,
        "jp_short_term_visa": _PS.IN_PROGRESS,
    },
}

#: Notes shown with some items (same keys as :data:`PAPERWORK_STATUSES`, then the item code).
PAPERWORK_NOTES: dict[tuple[str, VisitStatus, str], str] = {
    ("brennan", _VS.IN_PROGRESS, "housing"): "Waived: stays in the RIKEN Wako guest house, "
    "booked by the host office.",
    ("weber", _VS.APPROVED, "travel_insurance"): "Policy expired; the visitor is renewing it.",
    ("chen", _VS.CANCELLED, "jp_export_control"): "Screening not completed before the seminar; "
    "to be resubmitted with the new dates.",
    ("saeki", _VS.APPROVED, "us_export_control"): "Work scope sent to the export-control office.",
}


@dataclass(frozen=True)
class AgreementSpec:
    """An agreement with a partner institution; dates are years from today's year."""

    kind: AgreementKind
    title: str
    title_ja: str
    partner: str
    reference: str
    start_years: int
    end_years: int
    signed: bool = True
    notes: str = ""


AGREEMENTS: tuple[AgreementSpec, ...] = (
    AgreementSpec(
        AgreementKind.MEMORANDUM, "Argonne–RIKEN Memorandum of Cooperation",
        "アルゴンヌ国立研究所と理化学研究所の協力覚書", WAKO, "MOC-ANL-RIKEN-01", -5, 5,
    ),
    AgreementSpec(
        AgreementKind.DATA_SHARING, "Data-sharing agreement: AuroraGPT evaluation data sets",
        "データ共有契約：AuroraGPT評価データセット", WAKO, "DSA-ANL-RIKEN-07", -1, 2,
        notes="Covers evaluation corpora exchanged with RIKEN Wako.",
    ),
    AgreementSpec(
        AgreementKind.MATERIAL_TRANSFER, "Material transfer: benchmark model checkpoints (draft)",
        "研究試料提供契約：ベンチマーク用モデルチェックポイント（案）", KOBE, "MTA-DRAFT-12", 0, 3,
        signed=False, notes="Draft under legal review at R-CCS; not signed yet.",
    ),
)  # fmt: skip


@dataclass(frozen=True)
class TransferSpec:
    """A data set or material moving under an agreement, during a curated visit."""

    agreement: int  # index into AGREEMENTS
    kind: TransferKind
    title: str
    from_key: str
    to_key: str
    visitor: str  # the visit (by visitor and status) it belongs to
    visit_status: VisitStatus
    status: TransferStatus
    classification: str = ""
    description: str = ""


TRANSFERS: tuple[TransferSpec, ...] = (
    TransferSpec(
        1, TransferKind.DATA_SET, "Materials-science QA evaluation set v3", WAKO, ARGONNE,
        "brennan", _VS.IN_PROGRESS, TransferStatus.APPROVED, "EAR99",
        "Question–answer pairs curated at RIKEN for evaluating AuroraGPT.",
    ),
    TransferSpec(
        2, TransferKind.MATERIAL, "Benchmark model checkpoints", KOBE, ARGONNE,
        "dunmore", _VS.DRAFT, TransferStatus.PLANNED, "under review",
        "Waiting for the material-transfer agreement to be signed.",
    ),
)  # fmt: skip
