"""Synthetic demo visits in bulk: fictional people and visits, deterministic per (seed, today).

Everything is inserted with Core statements in batches inside one write transaction, with one
audit entry for the whole import; going through the per-record services would take minutes
for 100,000 visits. Each person's visits are laid out one after another, so nobody is in two
places at once, and every status agrees with the dates.
"""

from __future__ import annotations

import random
import string
import uuid
from bisect import bisect
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import accumulate
from typing import Any, Generic, TypeVar

from sqlalchemy import Table, insert, select, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from planner.db.models import Base, InstitutionRow, ItineraryItemRow, PersonRow, VisitRow
from planner.demo.data import ARGONNE, KOBE, WAKO, DemoSummary
from planner.domain.codes import format_visit_code, parse_visit_code
from planner.domain.entities import Institution
from planner.domain.enums import (
    AuditAction,
    InstitutionKind,
    ItineraryKind,
    PersonCategory,
    Purpose,
    RecordKind,
    VisitStatus,
)
from planner.domain.timezones import local_to_utc
from planner.services import audit
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.itinerary import UID_DOMAIN

T = TypeVar("T")

BATCH = 5_000
#: SQLite page cache while bulk-inserting, in KiB (an upper bound, used only as needed).
BULK_CACHE_KIB = 256 * 1024
#: Visits fall between four years before today and a year and a half after it.
DAYS_BEFORE, WINDOW_DAYS = 4 * 365, 2_000

_JP_FAMILY = (
    ("Sato", "佐藤"), ("Suzuki", "鈴木"), ("Takahashi", "高橋"), ("Tanaka", "田中"),
    ("Watanabe", "渡辺"), ("Ito", "伊藤"), ("Yamamoto", "山本"), ("Nakamura", "中村"),
    ("Kobayashi", "小林"), ("Kato", "加藤"), ("Yoshida", "吉田"), ("Yamada", "山田"),
    ("Sasaki", "佐々木"), ("Yamaguchi", "山口"), ("Matsumoto", "松本"), ("Inoue", "井上"),
    ("Kimura", "木村"), ("Hayashi", "林"), ("Shimizu", "清水"), ("Ikeda", "池田"),
    ("Hashimoto", "橋本"), ("Ishikawa", "石川"), ("Ogawa", "小川"), ("Okada", "岡田"),
)  # fmt: skip
_JP_GIVEN = (
    ("Hiroshi", "博"), ("Takeshi", "健"), ("Yuki", "由紀"), ("Aiko", "愛子"), ("Kenji", "健二"),
    ("Naomi", "直美"), ("Satoshi", "聡"), ("Emi", "恵美"), ("Kazuki", "一輝"), ("Mai", "舞"),
    ("Ryo", "亮"), ("Sakura", "さくら"), ("Tomoko", "智子"), ("Daiki", "大輝"),
    ("Haruto", "陽翔"), ("Akari", "明里"), ("Shota", "翔太"), ("Yui", "結衣"),
    ("Takumi", "拓海"), ("Rina", "里奈"), ("Kaito", "海斗"), ("Miho", "美穂"),
)  # fmt: skip
_EN = (
    ("Anderson", "Baker", "Carter", "Dawson", "Ellis", "Fletcher", "Garcia", "Harper", "Irwin",
     "Jensen", "Keller", "Lawson", "Morgan", "Nolan", "Ortiz", "Parker", "Quinn", "Reyes",
     "Sawyer", "Turner", "Vaughn", "Walsh", "Young", "Zimmerman"),
    ("Alex", "Brianna", "Caleb", "Diana", "Evan", "Fiona", "Grant", "Hannah", "Isaac", "Julia",
     "Kevin", "Laura", "Marcus", "Nina", "Owen", "Paige", "Ryan", "Sara", "Tyler", "Zoe"),
)  # fmt: skip
_LATIN: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "DE": (("Becker", "Fischer", "Hoffmann", "Koch", "Richter", "Schmidt", "Wagner"),
           ("Anna", "Felix", "Jana", "Lukas", "Marie", "Tobias", "Lena")),
    "IN": (("Agarwal", "Iyer", "Joshi", "Kulkarni", "Nair", "Patel", "Rao", "Sharma"),
           ("Aditi", "Anil", "Deepa", "Karthik", "Meera", "Rahul", "Sneha", "Vikram")),
    "CN": (("Chen", "Huang", "Li", "Liu", "Wang", "Wu", "Yang", "Zhao"),
           ("Jun", "Lei", "Min", "Ping", "Xin", "Yan", "Hao", "Ying")),
    "FR": (("Bernard", "Dubois", "Martin", "Moreau", "Petit", "Roux"),
           ("Camille", "Claire", "Hugo", "Julien", "Louis", "Manon")),
    "KR": (("Choi", "Jung", "Kang", "Kim", "Lee", "Park"),
           ("Minji", "Seojun", "Jiwoo", "Hyun", "Soyeon", "Eunji")),
}  # fmt: skip
#: Nationalities of people at each side's institutions besides the country's own.
_FOREIGN = {"US": ("DE", "IN", "CN", "FR", "KR", "CA", "GB"), "JP": ("IN", "CN", "KR", "DE", "US")}


@dataclass(frozen=True)
class University:
    """A fictional university that sends visitors (and sometimes hosts them)."""

    institution: Institution
    airport: str


def _uni(
    name: str, name_ja: str, short: str, country: str, zone: str, city: str, airport: str
) -> University:
    return University(
        Institution(name, InstitutionKind.UNIVERSITY, country, zone, name_ja, short, city),
        airport,
    )


UNIVERSITIES: tuple[University, ...] = (
    _uni("Prairie Lakes University", "プレーリーレイクス大学", "Prairie Lakes", "US",
         "America/Chicago", "Champaign, Illinois", "ORD"),
    _uni("Atlantic Shore Institute of Technology", "アトランティックショア工科大学", "ASIT",
         "US", "America/New_York", "Boston, Massachusetts", "BOS"),
    _uni("Cascadia Pacific University", "カスケーディア・パシフィック大学", "Cascadia Pacific",
         "US", "America/Los_Angeles", "Seattle, Washington", "SEA"),
    _uni("High Plains University", "ハイプレーンズ大学", "High Plains", "US", "America/Denver",
         "Boulder, Colorado", "DEN"),
    _uni("Hoshizora University", "星空大学", "Hoshizora", "JP", "Asia/Tokyo", "Sendai, Miyagi",
         "HND"),
    _uni("Kazahaya Institute of Technology", "風早工業大学", "Kazahaya Tech", "JP", "Asia/Tokyo",
         "Fukuoka", "HND"),
    _uni("Shiranami University", "白波大学", "Shiranami", "JP", "Asia/Tokyo",
         "Sapporo, Hokkaido", "NRT"),
)  # fmt: skip

_AIRPORTS = {
    "ORD": ("Chicago O'Hare", "シカゴ・オヘア"), "BOS": ("Boston Logan", "ボストン・ローガン"),
    "SEA": ("Seattle-Tacoma", "シアトル・タコマ"), "DEN": ("Denver", "デンバー"),
    "HND": ("Tokyo Haneda", "東京・羽田"), "NRT": ("Tokyo Narita", "東京・成田"),
    "KIX": ("Osaka Kansai", "大阪・関西"),
}  # fmt: skip
_HOST_AIRPORTS = {ARGONNE: "ORD", WAKO: "HND", KOBE: "KIX"}
#: Relative weights of the partner sites as homes of people and as hosts of visits.
_MAIN_WEIGHTS = {ARGONNE: (60, 84), WAKO: (45, 50), KOBE: (30, 35)}

_S = VisitStatus
_VISITOR_NOTES = (
    "", "", "", "Please send your arrival time to the host office.",
    "Lodging is booked near the campus.", "Bring your passport for badge pickup.",
)  # fmt: skip
_INTERNAL_NOTES = ("", "", "", "", "Export-control review done.", "Check insurance.")


class _Weighted(Generic[T]):
    """Weighted random choice with the cumulative weights computed once."""

    def __init__(self, items: Sequence[T], weights: Sequence[int]) -> None:
        self.items = tuple(items)
        self.cumulative = list(accumulate(weights))

    def pick(self, rng: random.Random) -> T:
        """One item, with probability proportional to its weight."""
        return self.items[bisect(self.cumulative, rng.random() * self.cumulative[-1])]


_FUTURE = (_S.DRAFT, _S.PROPOSED, _S.APPROVED, _S.CONFIRMED, _S.CANCELLED)
_SOON = _Weighted(_FUTURE, (0, 0, 20, 70, 10))  # arriving within two weeks
_WEEKS_AHEAD = _Weighted(_FUTURE, (10, 20, 35, 30, 5))
_MONTHS_AHEAD = _Weighted(_FUTURE, (40, 35, 15, 2, 8))
_PURPOSE = _Weighted(tuple(Purpose), (40, 10, 12, 8, 15, 10, 5))
_CATEGORY = _Weighted(tuple(PersonCategory), (55, 15, 30))
_EXTRA_ITEMS = _Weighted((0, 1, 2), (25, 35, 40))  # besides the two flights


@dataclass(frozen=True)
class _Place:
    """An institution as the generator uses it, with how many people live and visit there."""

    id: int
    country: str
    zone: str
    airport: str
    home_weight: int
    host_weight: int


@dataclass
class _Plan:
    person: int
    arrival: date
    departure: date
    status: VisitStatus = VisitStatus.DRAFT
    host: _Place | None = None
    code: str = ""


def synthetic_status(
    rng: random.Random, arrival: date, departure: date, today: date
) -> VisitStatus:
    """A status that agrees with the dates: over means completed, running means in progress."""
    if departure < today:
        return _S.CANCELLED if rng.random() < 0.06 else _S.COMPLETED
    if arrival <= today:
        return _S.CANCELLED if rng.random() < 0.02 else _S.IN_PROGRESS
    ahead = (arrival - today).days
    if ahead <= 14:
        return _SOON.pick(rng)
    return _WEEKS_AHEAD.pick(rng) if ahead <= 60 else _MONTHS_AHEAD.pick(rng)


def _nights(rng: random.Random) -> int:
    roll = rng.random()
    if roll < 0.6:
        return rng.randint(3, 10)
    return rng.randint(11, 30) if roll < 0.88 else rng.randint(31, 120)


class _Clock:
    """UTC instants of local wall times, computed once per (day, time, zone)."""

    def __init__(self) -> None:
        self._cache: dict[tuple[date, time, str], datetime] = {}

    def __call__(self, day: date, at: time, zone: str) -> datetime:
        key = (day, at, zone)
        instant = self._cache.get(key)
        if instant is None:
            instant = self._cache[key] = local_to_utc(datetime.combine(day, at), zone)
        return instant


_CODE_CHARS = string.ascii_uppercase + string.digits
_NINE, _TEN_AM, _HALF_PAST_ELEVEN = time(9), time(10), time(11, 30)
_HOTEL, _MEETING = ("Hotel", "ホテル"), ("Meeting with the host", "ホストとの打ち合わせ")


def add_synthetic_visits(
    services: Services,
    count: int,
    *,
    seed: int,
    today: date,
    hosts: Mapping[str, Institution],
    project_ids: Sequence[int],
    progress: Callable[[int], None] | None = None,
) -> DemoSummary:
    """Bulk-insert *count* synthetic visits (with their people and itineraries) in one transaction.

    *hosts* are the stored Argonne, Wako and Kobe institutions (keys of
    :data:`planner.demo.data.INSTITUTIONS`); ``progress(visits_done)`` is called after
    every batch. The same ``(seed, today)`` always gives the same records.
    """
    with services.db.write() as session, _large_cache(session):
        rng = random.Random(seed)  # noqa: S311 (demo data, not security)
        generator = _Generator(session, rng, today, hosts, project_ids)
        summary = generator.run(count, progress or (lambda _done: None))
        audit.record(
            session,
            RecordKind.DATABASE,
            0,
            AuditAction.IMPORT,
            {"synthetic_visits": count, "seed": seed},
        )
    for entity in (
        RecordKind.INSTITUTION,
        RecordKind.PERSON,
        RecordKind.VISIT,
        RecordKind.ITINERARY_ITEM,
    ):
        services.bus.publish(Change(entity, (), AuditAction.IMPORT))
    return summary


@contextmanager
def _large_cache(session: Session) -> Iterator[None]:
    """On SQLite, a bigger page cache while bulk-inserting (random UIDs touch the whole index).

    The connection goes back to the pool afterwards, so its usual cache size is restored.
    """
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    previous = session.execute(text("PRAGMA cache_size")).scalar_one()
    session.execute(text(f"PRAGMA cache_size = {-BULK_CACHE_KIB}"))
    try:
        yield
    finally:
        # After a failed statement the session refuses SQL; the error that matters is that one.
        with suppress(SQLAlchemyError):
            session.execute(text(f"PRAGMA cache_size = {int(previous)}"))


def _insert_ids(session: Session, table: Table, key: str, rows: list[dict[str, Any]]) -> list[int]:
    """Insert *rows* into *table*; their new ids, in the order of *rows*.

    Ids come back with the unique *key* column rather than in parameter order: SQLAlchemy can
    only batch an ``INSERT ... RETURNING`` whose rows may come back in any order.
    """
    statement = insert(table).returning(table.c.id, table.c[key])
    ids = {k: int(i) for i, k in session.execute(statement, rows)}
    return [ids[row[key]] for row in rows]


class _Generator:
    """Draws every synthetic record from one random generator, in a fixed order."""

    def __init__(
        self,
        session: Session,
        rng: random.Random,
        today: date,
        hosts: Mapping[str, Institution],
        project_ids: Sequence[int],
    ) -> None:
        self.session = session
        self.rng = rng
        self.today = today
        self.hosts = hosts
        self.projects: list[int | None] = [*project_ids, None]
        self.clock = _Clock()
        self.places: list[_Place] = []
        self.hosting: dict[str, _Weighted[_Place]] = {}
        self.person_place: list[_Place] = []
        self.person_ids: list[int] = []
        self.staff_at: dict[int, list[int]] = defaultdict(list)
        self.titles: dict[tuple[str, str], tuple[str, str]] = {}

    def run(self, count: int, progress: Callable[[int], None]) -> DemoSummary:
        """Insert everything; the counts of what was created."""
        self._places()
        self._people(max(50, count // 20))
        plans = self._plans(count)
        self._assign_codes(plans)
        items = 0
        for start in range(0, len(plans), BATCH):
            items += self._insert_batch(plans[start : start + BATCH])
            progress(min(start + BATCH, len(plans)))
        return DemoSummary(len(UNIVERSITIES), len(self.person_ids), len(plans), 0, items)

    # Institutions and people ----------------------------------------------------------------
    def _places(self) -> None:
        rows = [
            {
                "name": u.institution.name, "name_ja": u.institution.name_ja,
                "short_name": u.institution.short_name, "kind": u.institution.kind,
                "country": u.institution.country, "city": u.institution.city,
                "address": u.institution.address, "timezone": u.institution.timezone,
            }
            for u in UNIVERSITIES
        ]  # fmt: skip
        ids = _insert_ids(self.session, _table(InstitutionRow), "name", rows)
        for key, (home_weight, host_weight) in _MAIN_WEIGHTS.items():
            inst = self.hosts[key]
            self.places.append(
                _Place(_stored(inst.id), inst.country, inst.timezone, _HOST_AIRPORTS[key],
                       home_weight, host_weight)
            )  # fmt: skip
        for uni, uni_id in zip(UNIVERSITIES, ids, strict=True):
            inst = uni.institution
            self.places.append(_Place(uni_id, inst.country, inst.timezone, uni.airport, 9, 4))
        # Visitors from one country go to the other; mostly to Argonne, Wako and Kobe.
        for country in ("US", "JP"):
            targets = [p for p in self.places if p.country != country]
            self.hosting[country] = _Weighted(targets, [p.host_weight for p in targets])

    def _people(self, count: int) -> None:
        rng = self.rng
        weights = [p.home_weight for p in self.places]
        places = self.places[:3] + rng.choices(self.places, weights, k=count - 3)
        rows: list[dict[str, Any]] = []
        for n, place in enumerate(places, start=1):
            own = place.country
            nationality = own if rng.random() < 0.82 else rng.choice(_FOREIGN[own])
            family_native = given_native = ""
            if nationality == "JP":
                family, family_native = rng.choice(_JP_FAMILY)
                given, given_native = rng.choice(_JP_GIVEN)
            else:
                families, givens = _LATIN.get(nationality, _EN)
                family, given = rng.choice(families), rng.choice(givens)
            category = _CATEGORY.pick(rng)
            born = (
                rng.randint(1995, 2004)
                if category is PersonCategory.STUDENT
                else (rng.randint(1960, 1996))
            )
            has_passport = rng.random() < 0.85
            domain = "example.jp" if own == "JP" else "example.org"
            rows.append(
                {
                    "family_name": family, "given_name": given,
                    "family_name_native": family_native, "given_name_native": given_native,
                    "preferred_name": "", "category": category,
                    "home_institution_id": place.id,
                    "email": f"{given}.{family}.{n}@{domain}".lower(), "phone": "",
                    "nationality": nationality,
                    "date_of_birth": date(born, rng.randint(1, 12), rng.randint(1, 28)),
                    "passport_number": (
                        f"{'TZ' if nationality == 'JP' else nationality}8{n:06d}"
                        if has_passport else ""
                    ),
                    "passport_expiry": (
                        self.today + timedelta(days=rng.randint(60, 3650)) if has_passport else None
                    ),
                    "internal_notes": "",
                }
            )  # fmt: skip
        table = _table(PersonRow)
        for start in range(0, len(rows), BATCH):
            self.person_ids += _insert_ids(
                self.session, table, "email", rows[start : start + BATCH]
            )
        self.person_place = places
        for person_id, place in zip(self.person_ids, places, strict=True):
            self.staff_at[place.id].append(person_id)

    # Visits -----------------------------------------------------------------------------------
    def _plans(self, count: int) -> list[_Plan]:
        """Visits laid out per person without overlaps, then dated statuses and hosts."""
        rng, people = self.rng, len(self.person_place)
        per_person = Counter(rng.randrange(people) for _ in range(count))
        first_day = self.today - timedelta(days=DAYS_BEFORE)
        plans: list[_Plan] = []
        for person in range(people):
            visits = per_person[person]
            if not visits:
                continue
            nights = [_nights(rng) for _ in range(visits)]
            room = WINDOW_DAYS - visits  # at least one day at home between two visits
            if sum(nights) > room * 0.7:
                scale = room * 0.7 / sum(nights)
                nights = [max(3, int(n * scale)) for n in nights]
            cuts = sorted(rng.randint(0, room - sum(nights)) for _ in range(visits))
            used = 0
            for i, (n, cut) in enumerate(zip(nights, cuts, strict=True)):
                arrival = first_day + timedelta(days=cut + used + i)
                plans.append(_Plan(person, arrival, arrival + timedelta(days=n)))
                used += n
        plans.sort(key=lambda p: (p.arrival, p.departure, p.person))
        for plan in plans:
            plan.status = synthetic_status(rng, plan.arrival, plan.departure, self.today)
            plan.host = self.hosting[self.person_place[plan.person].country].pick(rng)
        return plans

    def _assign_codes(self, plans: Sequence[_Plan]) -> None:
        """``V-YYYY-NNNN`` by arrival year, numbered on after the codes already stored."""
        highest: dict[int, int] = defaultdict(int)
        for code in self.session.scalars(select(VisitRow.code)):
            parsed = parse_visit_code(code)
            if parsed:
                highest[parsed[0]] = max(highest[parsed[0]], parsed[1])
        for plan in plans:
            year = plan.arrival.year
            highest[year] += 1
            plan.code = format_visit_code(year, highest[year])

    def _insert_batch(self, plans: Sequence[_Plan]) -> int:
        rng = self.rng
        rows: list[dict[str, Any]] = []
        places: list[tuple[_Place, _Place]] = []
        for plan in plans:
            home = self.person_place[plan.person]
            host = plan.host
            assert host is not None
            places.append((home, host))
            staff = self.staff_at.get(host.id)
            rows.append(
                {
                    "code": plan.code, "visitor_id": self.person_ids[plan.person],
                    "host_institution_id": host.id,
                    "host_person_id": rng.choice(staff) if staff and rng.random() < 0.9 else None,
                    "project_id": rng.choice(self.projects),
                    "purpose": _PURPOSE.pick(rng),
                    "paid": rng.random() < 0.3, "arrival_date": plan.arrival,
                    "departure_date": plan.departure, "status": plan.status,
                    "visitor_notes": rng.choice(_VISITOR_NOTES),
                    "internal_notes": rng.choice(_INTERNAL_NOTES), "version": 1,
                }
            )  # fmt: skip
        ids = _insert_ids(self.session, _table(VisitRow), "code", rows)
        items: list[dict[str, Any]] = []
        for visit_id, plan, (home, host) in zip(ids, plans, places, strict=True):
            items += self._itinerary(visit_id, plan, home, host)
        self.session.execute(insert(_table(ItineraryItemRow)), items)
        return len(items)

    # Itineraries ------------------------------------------------------------------------------
    def _itinerary(
        self, visit_id: int, plan: _Plan, home: _Place, host: _Place
    ) -> list[dict[str, Any]]:
        """Two flights, and sometimes lodging and a first meeting (2-4 items)."""
        rng, clock = self.rng, self.clock
        extra = _EXTRA_ITEMS.pick(rng)
        booking = "".join(rng.choices(_CODE_CHARS, k=6))
        if host.country == "JP":  # leave the day before, land on the arrival date
            out = clock(plan.arrival - timedelta(days=1), time(11), home.zone), 780
            back = clock(plan.departure, time(17, 5), host.zone), 720
            check_in = time(19)
        else:  # across the date line: land on the same calendar day
            out = clock(plan.arrival, time(10, 40), home.zone), 720
            back = clock(plan.departure, time(12, 30), host.zone), 780
            check_in = time(15)
        items = [self._flight(visit_id, home, host, *out, booking)]
        if extra >= 1:
            items.append(
                self._item(visit_id, ItineraryKind.LODGING, _HOTEL, host.zone,
                           clock(plan.arrival, check_in, host.zone),
                           clock(plan.departure, _NINE, host.zone))
            )  # fmt: skip
        if extra == 2:
            day = plan.arrival + timedelta(days=1)
            items.append(
                self._item(visit_id, ItineraryKind.MEETING, _MEETING,
                           host.zone, clock(day, _TEN_AM, host.zone),
                           clock(day, _HALF_PAST_ELEVEN, host.zone))
            )  # fmt: skip
        items.append(self._flight(visit_id, host, home, *back, booking))
        for position, item in enumerate(items):
            item["position"] = position
        return items

    def _flight(
        self, visit_id: int, origin: _Place, to: _Place, start: datetime, minutes: int, booking: str
    ) -> dict[str, Any]:
        titles = self.titles.get((origin.airport, to.airport))
        if titles is None:
            (o_en, o_ja), (t_en, t_ja) = _AIRPORTS[origin.airport], _AIRPORTS[to.airport]
            titles = self.titles[(origin.airport, to.airport)] = (
                f"Flight {o_en} ({origin.airport}) → {t_en} ({to.airport})",
                f"フライト {o_ja} → {t_ja}",
            )
        item = self._item(
            visit_id, ItineraryKind.FLIGHT, titles, origin.zone, start,
            start + timedelta(minutes=minutes), end_zone=to.zone,
        )  # fmt: skip
        item["confirmation_code"] = booking
        return item

    def _item(
        self,
        visit_id: int,
        kind: ItineraryKind,
        titles: tuple[str, str],
        zone: str,
        start: datetime,
        end: datetime,
        end_zone: str = "",
    ) -> dict[str, Any]:
        uid = uuid.UUID(int=self.rng.getrandbits(128), version=4)
        return {
            "visit_id": visit_id, "kind": kind, "title": titles[0], "title_ja": titles[1],
            "start_utc": start, "start_zone": zone, "end_utc": end,
            "end_zone": end_zone or zone, "location_name": "", "location_address": "",
            "confirmation_code": "", "visitor_details": "", "internal_notes": "",
            "event_id": None, "position": 0, "uid": f"{uid}@{UID_DOMAIN}", "sequence": 0,
        }  # fmt: skip


def _table(row_type: type[Base]) -> Table:
    return Base.metadata.tables[row_type.__tablename__]


def _stored(value: int | None) -> int:
    if value is None:
        raise ValueError("the curated institutions must be stored first")
    return value
