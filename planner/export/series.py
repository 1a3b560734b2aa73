"""A series (or single event) as iCalendar, and its invitation as an e-mail draft.

The series is **one** VEVENT whose DTSTART carries the anchor zone's TZID and whose RRULE
repeats it; cancelled occurrences are EXDATEs, moved ones extra VEVENTs with the same UID and
a RECURRENCE-ID naming the instant the rule gives them (RFC 5545 §3.8.4.4), each with a
VTIMEZONE generated from the zone database. UNTIL is the last occurrence's instant in UTC, as
RFC 5545 requires with a zoned DTSTART. The UID is derived from the event id (stable across
re-sends), SEQUENCE is the event's version.

This is a file for participants: it carries the meeting link and dial-in, and the local time
at every participating site with the working-hours and clock-change notes; never internal
notes (events have none) or anything about people beyond the event itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from email.message import EmailMessage
from email.utils import format_datetime, formataddr

from icalendar import Calendar
from icalendar import Event as CalendarEvent

from planner.domain.english_dates import weekday_name
from planner.domain.entities import Person
from planner.domain.enums import Attendance, EventMode, Frequency
from planner.domain.series import Occurrence, Site, SiteTime, rule_parts
from planner.domain.timezones import utc_now, utc_to_local
from planner.export.i18n import Lang, format_short_date, person_name, pick
from planner.export.ics import PRODID
from planner.services.container import Services
from planner.services.events import SeriesDetails, event_occurrences
from planner.services.itinerary import UID_DOMAIN

_MODES = {
    EventMode.IN_PERSON: ("In person", "対面"),
    EventMode.HYBRID: ("Hybrid (in the room and online)", "ハイブリッド（会場とオンライン）"),
    EventMode.ONLINE: ("Online", "オンライン"),
}
_ATTENDANCE = {Attendance.ROOM: ("in the room", "会場"), Attendance.REMOTE: ("remote", "リモート")}
_FREQUENCY = {
    Frequency.WEEKLY: ("every week", "毎週"),
    Frequency.BIWEEKLY: ("every other week", "隔週"),
    Frequency.MONTHLY: ("every month on the same weekday", "毎月同じ週の同じ曜日"),
}


def event_uid(event_id: int) -> str:
    """The stable UID of an event's calendar entry."""
    return f"event-{event_id}@{UID_DOMAIN}"


def local_label(instant: datetime, zone_name: str, lang: Lang, anchor_day: date | None) -> str:
    """``Wed 3 Mar 08:00 JST (+1 day)``: a local start in *lang*, with the date-line shift."""
    local = utc_to_local(instant, zone_name)
    text = f"{format_short_date(local.date(), lang)} {local:%H:%M} {local.tzname()}"
    if anchor_day is not None and local.date() != anchor_day:
        shift = (local.date() - anchor_day).days
        text += f" ({shift:+d} {pick(lang, 'day', '日', ' ')})"
    return text


def occurrence_line(occ: Occurrence, times: Sequence[SiteTime], lang: Lang) -> str:
    """``Tue 2 Mar 17:00 CST = Wed 3 Mar 08:00 JST`` for every site, with flags."""
    parts = []
    for t in times:
        text = f"{format_short_date(t.start.date(), lang)} {t.start:%H:%M} {t.start.tzname()}"
        flags = []
        if t.outside_hours:
            flags.append(pick(lang, "outside working hours", "勤務時間外"))
        if t.clock_change:
            flags.append(pick(lang, "time changed: clock change in ", "時差変更：時刻変更 ")
                         + t.clock_change)  # fmt: skip
        if flags:
            text += f" [{'; '.join(flags)}]"
        parts.append(text)
    moved = pick(lang, " (moved)", "（変更）") if occ.moved else ""
    return " = ".join(parts) + moved


def flag_notes(details: SeriesDetails, lang: Lang) -> list[str]:
    """The series' honest notes: occurrences outside a site's hours, and clock changes."""
    notes: list[str] = []
    for i, site in enumerate(details.sites):
        outside = [details.occurrences[n] for n, row in enumerate(details.times)
                   if row[i].outside_hours]  # fmt: skip
        if outside:
            days = ", ".join(format_short_date(_day(o, site), lang) for o in outside)
            notes.append(pick(lang, f"Outside working hours at {site.name}: {days}",
                              f"{site.name}の勤務時間外：{days}"))  # fmt: skip
        for row in details.times:
            t = row[i]
            if t.clock_change:
                day = format_short_date(t.start.date(), lang)
                notes.append(pick(
                    lang,
                    f"From {day} the time at {site.name} is {t.start:%H:%M} {t.start.tzname()} "
                    f"({t.clock_change} changed its clocks)",
                    f"{day}から{site.name}の時刻は{t.start:%H:%M} {t.start.tzname()}"
                    f"（{t.clock_change}の時刻変更）",
                ))  # fmt: skip
    return notes


def _day(occ: Occurrence, site: Site) -> date:
    return utc_to_local(occ.start_utc, site.zone).date()


def description(details: SeriesDetails, lang: Lang) -> str:
    """The text participants read: mode, link, dial-in, every site's times, the notes."""
    event = details.event
    lines = [pick(lang, *_MODES[event.mode])]
    if event.meeting_link:
        lines.append(f"{pick(lang, 'Meeting link', '会議URL')}: {event.meeting_link}")
    if event.dial_in:
        lines.append(f"{pick(lang, 'Dial-in', '電話参加')}: {event.dial_in}")
    if event.frequency is not Frequency.NONE:
        lines.append(
            pick(lang, *_FREQUENCY[event.frequency])
            + pick(
                lang, f", {len(details.occurrences)} sessions", f"、全{len(details.occurrences)}回"
            )
        )
    lines.append("")
    lines.append(pick(lang, "Local time at every site:", "各拠点の現地時刻："))
    for occ, row in zip(details.occurrences, details.times, strict=True):
        lines.append(occurrence_line(occ, row, lang))
    notes = flag_notes(details, lang)
    if notes:
        lines.append("")
        lines.extend(notes)
    if event.description:
        lines += ["", event.description]
    return "\n".join(lines)  # fmt: skip


def _vevent(details: SeriesDetails, lang: Lang, stamp: datetime, uid: str) -> CalendarEvent:
    event = details.event
    vevent = CalendarEvent()
    vevent.add("uid", uid)
    vevent.add("sequence", event.version)
    vevent.add("dtstamp", stamp)
    vevent.add("summary", pick(lang, event.title, event.title_ja))
    if event.venue:
        vevent.add("location", event.venue)
    if event.meeting_link:
        vevent.add("url", event.meeting_link)
    vevent.add("status", "CONFIRMED")
    return vevent


def one_occurrence(details: SeriesDetails, original_date: date) -> SeriesDetails | None:
    """*details* narrowed to the occurrence the rule gives on *original_date* (None if the
    series has none then, or it is cancelled), as a single event."""
    for occ, row in zip(details.occurrences, details.times, strict=True):
        if occ.original_date == original_date:
            event = replace(
                details.event,
                start_utc=occ.start_utc,
                end_utc=occ.end_utc,
                frequency=Frequency.NONE,
                repeat_until=None,
                repeat_count=None,
            )
            single = replace(occ, index=0, moved=False)
            return replace(details, event=event, changes=(), occurrences=(single,),
                           times=(row,))  # fmt: skip
    return None


def build_series_calendar(
    details: SeriesDetails,
    lang: Lang = Lang.EN,
    *,
    now: datetime | None = None,
    occurrence: date | None = None,
) -> Calendar:
    """The calendar of one event: a single VEVENT, or a series with RRULE and overrides.

    With *occurrence* (from :func:`one_occurrence`), the file of that one session, under its
    own UID so importing it never replaces the whole series.
    """
    stamp = now or utc_now()
    event = details.event
    assert event.id is not None
    uid = event_uid(event.id)
    if occurrence is not None:
        uid = uid.replace("@", f"-{occurrence:%Y%m%d}@")
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    main = _vevent(details, lang, stamp, uid)
    main.add("dtstart", utc_to_local(event.start_utc, event.start_zone))
    main.add("dtend", utc_to_local(event.end_utc, event.end_zone))
    main.add("description", description(details, lang))
    cal.add_component(main)
    if event.frequency is not Frequency.NONE:
        first_wall = utc_to_local(event.start_utc, event.start_zone).replace(tzinfo=None)
        rule = rule_parts(details.recurrence, first_wall)
        if details.recurrence.count is None:
            rule["UNTIL"] = _last_original(details)
        main.add("rrule", rule)
        exdates = [utc_to_local(_original(details, c.original_date), event.start_zone)
                   for c in details.changes if c.cancelled]  # fmt: skip
        if exdates:
            main.add("exdate", exdates)
        for occ in details.occurrences:
            if not occ.moved:
                continue
            moved = _vevent(details, lang, stamp, uid)
            moved.add("recurrence-id", utc_to_local(occ.original_start_utc, event.start_zone))
            moved.add("dtstart", utc_to_local(occ.start_utc, event.start_zone))
            moved.add("dtend", utc_to_local(occ.end_utc, event.end_zone))
            moved.add("description", description(details, lang))
            cal.add_component(moved)
    instants = [o.start_utc for o in details.occurrences] + [event.start_utc]
    cal.add_missing_timezones(first_date=min(instants).date() - timedelta(days=366),
                              last_date=max(instants).date() + timedelta(days=366))  # fmt: skip
    return cal


def _rule_dates(details: SeriesDetails) -> dict[date, datetime]:
    return {o.original_date: o.original_start_utc for o in event_occurrences(details.event)}


def _original(details: SeriesDetails, day: date) -> datetime:
    return _rule_dates(details)[day]


def _last_original(details: SeriesDetails) -> datetime:
    return max(_rule_dates(details).values())


def series_ics(
    details: SeriesDetails,
    lang: Lang = Lang.EN,
    *,
    now: datetime | None = None,
    occurrence: date | None = None,
) -> bytes:
    """The iCalendar bytes of the event or series (or of one *occurrence*)."""
    data: bytes = build_series_calendar(details, lang, now=now, occurrence=occurrence).to_ical()
    return data


@dataclass(frozen=True)
class Invitee:
    """A participant as the invitation addresses them: name, address, mode and zone."""

    person: Person
    attendance: Attendance
    zone: str


def _header_text(text: str) -> str:
    """*text* on one line: a title or name with line breaks (allowed in the record) must not
    end a mail header early (header injection) or make the library refuse the draft."""
    return " ".join("".join(ch if ch.isprintable() else " " for ch in text).split())


def _weekday(day: date, lang: Lang) -> str:
    # Locale-independent: "Wed" or "水曜" whatever the machine's LC_TIME.
    if lang is Lang.JA:
        return "月火水木金土日"[day.weekday()] + "曜"
    return weekday_name(day, short=True)


def invitees_of(services: Services, details: SeriesDetails) -> list[Invitee]:
    """The event's participants, each in the zone of their site (their home institution when
    it is a participating site), else of their home institution."""
    assert details.event.id is not None
    zones = {s.institution_id: s.zone for s in details.sites}
    invitees = []
    for participant in services.events.participants(details.event.id):
        person = services.people.get(participant.person_id)
        home = services.institutions.get(person.home_institution_id)
        zone = zones.get(person.home_institution_id, home.timezone)
        invitees.append(Invitee(person, participant.attendance, zone))
    return invitees


def _own_times(details: SeriesDetails, invitee: Invitee, lang: Lang) -> list[str]:
    """The invitee's local start for each occurrence, in runs where it stays the same."""
    runs: list[tuple[str, date, date]] = []
    anchor = details.event.start_zone
    for occ in details.occurrences:
        local = utc_to_local(occ.start_utc, invitee.zone)
        anchor_day = utc_to_local(occ.start_utc, anchor).date()
        key = f"{_weekday(local.date(), lang)} {local:%H:%M} {local.tzname()}"
        if local.date() != anchor_day:
            key += f" ({(local.date() - anchor_day).days:+d} {pick(lang, 'day', '日', ' ')})"
        if occ.moved or not runs or runs[-1][0] != key:
            runs.append((key, local.date(), local.date()))
        else:
            runs[-1] = (key, runs[-1][1], local.date())
    return [f"{key}: {format_short_date(first, lang)}"
            + (f" – {format_short_date(last, lang)}" if last != first else "")
            for key, first, last in runs]  # fmt: skip


def invitation_eml(
    details: SeriesDetails,
    invitees: Sequence[Invitee],
    lang: Lang = Lang.EN,
    *,
    sender: str = "",
    now: datetime | None = None,
    occurrence: date | None = None,
) -> bytes:
    """An unsent e-mail (RFC 5322, ``X-Unsent: 1``) inviting *invitees*, each told their own
    local dates and times, with the event's ``.ics`` attached."""
    stamp = now or utc_now()
    event = details.event
    msg = EmailMessage()
    msg["X-Unsent"] = "1"  # mail clients open the file as a draft to review and send
    msg["Date"] = format_datetime(stamp)
    if sender:
        msg["From"] = sender
    to = [
        formataddr((_header_text(person_name(i.person, Lang.EN)), _header_text(i.person.email)))
        for i in invitees
        if i.person.email
    ]
    if to:
        msg["To"] = ", ".join(to)
    title = pick(lang, event.title, event.title_ja)
    msg["Subject"] = _header_text(pick(lang, "Invitation: ", "ご案内：") + title)
    lines = [pick(lang, "You are invited to:", "下記にご参加ください："),
             pick(lang, event.title, event.title_ja), ""]  # fmt: skip
    for invitee in invitees:
        mode = pick(lang, *_ATTENDANCE[invitee.attendance])
        lines.append(f"{person_name(invitee.person, lang)} ({mode}, {invitee.zone}):")
        lines.extend(f"  {line}" for line in _own_times(details, invitee, lang))
    lines += ["", description(details, lang)]
    msg.set_content("\n".join(lines))
    assert event.id is not None
    msg.add_attachment(
        series_ics(details, lang, now=stamp, occurrence=occurrence),
        maintype="text", subtype="calendar", filename=f"event-{event.id}.ics",
        params={"method": "PUBLISH"},
    )  # fmt: skip
    return bytes(msg)
