"""iCalendar (RFC 5545) export of an itinerary, written with the icalendar library.

Every item becomes one VEVENT whose DTSTART and DTEND carry the TZID of their own end (a flight
from Tokyo to Chicago starts in Asia/Tokyo and ends in America/Chicago), with a VTIMEZONE,
generated from the zone database, for every TZID used. A visit without items yet exports one
all-day event for its stay instead (a calendar must hold at least one component). The UID is
the item's stable UID and SEQUENCE its revision, so importing a re-sent file updates the
visitor's calendar instead of adding copies.

A cancelled visit is exported with METHOD:PUBLISH and STATUS:CANCELLED on every event, not as
an iTIP METHOD:CANCEL: CANCEL is a scheduling message that requires ORGANIZER and ATTENDEE
properties (RFC 5546), which a coordinator's export does not have, and several clients refuse
or ignore such files when they are opened or imported; PUBLISH with STATUS:CANCELLED is the
plain published-calendar form that importing clients handle (the event shows as cancelled). The
SEQUENCE stays the item's own; the newer DTSTAMP makes the cancelled copy the later revision
(RFC 5546 §2.1.5), and a visit reopened later does not end up with a lower SEQUENCE than the
cancellation it replaces.

The stay itself is always one all-day event spanning the arrival to the departure date (DTEND
exclusive), so the visitor's calendar shows the whole visit at a glance. Items carry a VALARM
display reminder set by kind (Settings; e.g. 3 hours before a flight).

Each VTIMEZONE lists every transition as its own STANDARD or DAYLIGHT observance with a single
DTSTART and no RDATE. icalendar writes one observance per offset pair with the later changes as
RDATE, and Mozilla's ical.js (Thunderbird, Nextcloud) ignores DTSTART whenever RDATE is present,
so it missed the first transition and read events an hour off; with one DTSTART per observance
every reader (ical.js, libical, vobject, icalendar) sees the same instants.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Timezone, TimezoneDaylight, TimezoneStandard
from icalendar import Event as CalendarEvent

import planner
from planner.domain.entities import Institution, ItineraryItem, Visit
from planner.domain.enums import ItineraryKind, VisitStatus
from planner.domain.timezones import utc_now, utc_to_local
from planner.export.i18n import Lang, kind_label, pick
from planner.services.itinerary import UID_DOMAIN

PRODID = f"-//{planner.APP_NAME}//{planner.__version__}//EN"


def _description(item: ItineraryItem, lang: Lang) -> str:
    parts = [kind_label(item.kind, lang)]
    if item.confirmation_code:
        parts.append(f"{pick(lang, 'Confirmation', '予約番号')}: {item.confirmation_code}")
    details = pick(lang, item.visitor_details, item.visitor_details_ja, sep="\n")
    if details:
        parts.append(details)
    return "\n".join(parts)


def _alarm(item: ItineraryItem, minutes: int, lang: Lang) -> Alarm:
    """A display reminder *minutes* before the item starts."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(minutes=-minutes))
    alarm.add("description", pick(lang, item.title, item.title_ja))
    return alarm


def _single_dtstart(zone: Timezone) -> Timezone:
    """*zone* with one observance per transition: DTSTART only, never RDATE (ical.js)."""
    out = Timezone()
    for key, value in zone.items():  # TZID and the validity COMMENT
        out[key] = value
    for sub in zone.subcomponents:
        starts = [sub.decoded("DTSTART")]
        rdates = sub.get("RDATE", [])
        for rdate in rdates if isinstance(rdates, list) else [rdates]:
            starts += [period.dt for period in rdate.dts]
        for start in sorted(set(starts)):
            piece = TimezoneDaylight() if sub.name == "DAYLIGHT" else TimezoneStandard()
            piece.add("dtstart", start)
            for key in ("TZNAME", "TZOFFSETFROM", "TZOFFSETTO"):
                if key in sub:
                    piece.add(key, sub[key])
            out.add_component(piece)
    return out


def _stay_event(
    visit: Visit, host: Institution, lang: Lang, stamp: datetime, cancelled: bool
) -> CalendarEvent:
    """An all-day event for the whole stay (it also keeps a calendar without items valid).

    Its UID is derived from the visit code (stable), its SEQUENCE is the visit's
    version (which rises with every change of the visit).
    """
    event = CalendarEvent()
    event.add("uid", f"stay-{visit.code}@{UID_DOMAIN}")
    event.add("sequence", visit.version)
    event.add("dtstamp", stamp)
    event.add("dtstart", visit.arrival_date)
    event.add("dtend", visit.departure_date + timedelta(days=1))  # DTEND of a date is exclusive
    name = pick(lang, host.name, host.name_ja)
    event.add("summary", f"{pick(lang, 'Visit', '訪問')} {visit.code}: {name}")
    if host.address:
        event.add("location", host.address)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    return event


def build_calendar(
    visit: Visit,
    items: list[ItineraryItem],
    host: Institution,
    lang: Lang = Lang.EN,
    *,
    now: datetime | None = None,
    reminders: dict[ItineraryKind, int] | None = None,
) -> Calendar:
    """The calendar of *visit*'s itinerary (never its internal notes).

    *reminders* gives the minutes of each kind's VALARM (no alarm for a kind not listed).
    """
    stamp = now or utc_now()
    cancelled = visit.status is VisitStatus.CANCELLED
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"{pick(lang, 'Itinerary', '旅程表')} {visit.code}")
    for item in items:
        event = CalendarEvent()
        event.add("uid", item.uid)
        event.add("sequence", item.sequence)
        event.add("dtstamp", stamp)
        # Aware datetimes in their own ZoneInfo: icalendar writes TZID=<IANA name>.
        event.add("dtstart", utc_to_local(item.start_utc, item.start_zone))
        event.add("dtend", utc_to_local(item.end_utc, item.end_zone))
        event.add("summary", pick(lang, item.title, item.title_ja))
        location = ", ".join(p for p in (item.location_name, item.location_address) if p)
        if location:
            event.add("location", location)
        event.add("description", _description(item, lang))
        event.add("categories", [kind_label(item.kind, Lang.EN)])
        event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
        event.add("transp", "TRANSPARENT" if item.kind.value == "lodging" else "OPAQUE")
        minutes = (reminders or {}).get(item.kind)
        if minutes and not cancelled:
            event.add_component(_alarm(item, minutes, lang))
        cal.add_component(event)
    cal.add_component(_stay_event(visit, host, lang, stamp, cancelled))
    if items:
        # VTIMEZONE rules for the years around the itinerary only: compact, and correct for
        # any year (the library's default window ends in 2038).
        first = min(i.start_utc for i in items).date() - timedelta(days=366)
        last = max(i.end_utc for i in items).date() + timedelta(days=366)
        cal.add_missing_timezones(first_date=first, last_date=last)
        zones = [c for c in cal.subcomponents if isinstance(c, Timezone)]
        others = [c for c in cal.subcomponents if not isinstance(c, Timezone)]
        cal.subcomponents = [*(_single_dtstart(z) for z in zones), *others]
    return cal


def itinerary_ics(
    visit: Visit,
    items: list[ItineraryItem],
    host: Institution,
    lang: Lang = Lang.EN,
    *,
    now: datetime | None = None,
    reminders: dict[ItineraryKind, int] | None = None,
) -> bytes:
    """The iCalendar bytes (CRLF lines, folded at 75 octets by icalendar)."""
    cal = build_calendar(visit, items, host, lang, now=now, reminders=reminders)
    data: bytes = cal.to_ical()
    return data
