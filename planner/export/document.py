"""The itinerary document every export renders: only what the visitor may read.

Building it is the one place that decides what leaves the app. It copies the fields meant for
the visitor and nothing else: internal notes of the visit and its items, passport numbers and
dates of birth are never read into it, so no renderer can leak them by mistake.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from planner.domain.entities import Institution, ItineraryItem, Visit
from planner.domain.enums import VisitStatus
from planner.domain.itinerary_days import group_by_day
from planner.domain.phones import format_phone
from planner.domain.sent_itinerary import ChangesSince, compare
from planner.domain.timezones import utc_now, utc_to_local
from planner.export.i18n import (
    EMERGENCY_KEYS,
    Lang,
    day_marker,
    format_date,
    format_range,
    format_short_date,
    generated_at,
    institution_name,
    kind_label,
    label,
    person_name,
    pick,
)
from planner.services.container import Services


@dataclass(frozen=True)
class EndText:
    """One end of an entry as printed: ``10:00 JST``, and its date when not the day's."""

    clock: str
    zone: str
    date_text: str = ""
    marker: str = ""

    @property
    def text(self) -> str:
        """``Tue 9 Mar 10:00 JST (+1 day)`` with only the parts that apply."""
        parts = [self.date_text, self.clock, self.zone]
        out = " ".join(p for p in parts if p)
        return f"{out} ({self.marker})" if self.marker else out


@dataclass(frozen=True)
class Entry:
    """One itinerary item as the visitor reads it."""

    uid: str
    kind: str
    title: str
    start: EndText
    end: EndText
    location: str = ""
    address: str = ""
    confirmation: str = ""
    details: str = ""
    #: ``New`` or ``Changed`` since the version last sent to the visitor ("" otherwise).
    change: str = ""
    #: The item's kind as stored (``flight``), for machine-readable output.
    kind_key: str = ""
    #: Start and end as UTC instants and their zones, for machine-readable output.
    start_utc: datetime | None = None
    end_utc: datetime | None = None
    start_zone: str = ""
    end_zone: str = ""


@dataclass(frozen=True)
class Day:
    """A heading date and the entries listed under it."""

    day: date
    heading: str
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class ItineraryDocument:
    """Everything an exported itinerary shows, already in its language."""

    lang: Lang
    visit_code: str
    cancelled: bool
    title: str
    visitor: str
    home_institution: str
    host_institution: str
    host_address: str
    host_person: str
    host_email: str
    host_phone: str
    dates: str
    emergency: tuple[str, ...]
    visitor_notes: str
    bring: tuple[str, ...]
    days: tuple[Day, ...]
    venues: tuple[tuple[str, str], ...]
    generated: str
    generated_at: datetime
    labels: dict[str, str] = field(default_factory=dict)
    #: Items the visitor was last sent that are gone now, as ``date time — title``.
    removed: tuple[str, ...] = ()
    #: When the version the marks compare with was sent ("" when none was).
    since: str = ""
    #: The e-mail of the coordinator or host for "report a correction" links ("" for none).
    reply_to: str = ""
    visitor_email: str = ""

    def t(self, key: str) -> str:
        """A fixed label in the document's language."""
        return self.labels.get(key) or label(key, self.lang)


def _title(item: ItineraryItem, lang: Lang) -> str:
    return pick(lang, item.title, item.title_ja)


def default_bring(home: Institution | None, host: Institution, lang: Lang) -> list[str]:
    """What every visitor needs: a passport across borders, and this itinerary."""
    out = []
    if home is None or home.country != host.country:
        out.append(label("passport", lang))
    out.append(label("this_itinerary", lang))
    return out


def _paperwork_bring(services: Services, visit_id: int, lang: Lang) -> list[str]:
    """What the paperwork rules say the visitor must bring or do (when that service exists)."""
    paperwork = getattr(services, "paperwork", None)
    checklist = getattr(paperwork, "visitor_checklist", None)
    if checklist is None:
        return []
    return [str(text) for text in checklist(visit_id, lang.value)]


def _removed_lines(changes: ChangesSince, lang: Lang) -> tuple[str, ...]:
    out = []
    for gone in changes.removed:
        when = ""
        if gone.start_utc is not None:
            try:
                local = utc_to_local(gone.start_utc, gone.start_zone or "UTC")
            except (KeyError, ValueError):  # a zone no longer known: show UTC
                local = utc_to_local(gone.start_utc, "UTC")
            when = f"{format_short_date(local.date(), lang)} {local:%H:%M} — "
        out.append(when + pick(lang, gone.title, gone.title_ja))
    return tuple(out)


def build_document(
    services: Services,
    visit_id: int,
    lang: Lang = Lang.EN,
    *,
    bring: Sequence[str] | None = None,
    now: datetime | None = None,
    since: Sequence[Mapping[str, Any]] | None = None,
    since_at: datetime | None = None,
    redact_confirmations: bool = False,
) -> ItineraryDocument:
    """The visitor's itinerary of *visit_id* in *lang*.

    *bring* replaces the "what to bring" list; without it the list is the passport (for a
    visit across borders), this itinerary, and whatever the paperwork service lists.
    Items are marked new or changed against *since* (a snapshot of a sent itinerary, sent at
    *since_at*); without it, against the itinerary last sent to the visitor, if any.
    *redact_confirmations* leaves confirmation codes out (a copy for family or the host group).
    """
    visit: Visit = services.visits.get(visit_id)
    visitor = services.people.get(visit.visitor_id)
    host = services.institutions.get(visit.host_institution_id)
    home = services.institutions.get(visitor.home_institution_id)
    host_person = (
        services.people.get(visit.host_person_id) if visit.host_person_id is not None else None
    )
    items = services.itinerary.for_visit(visit_id)
    stamp = now or utc_now()
    if since is None:
        last = services.messages.last_sent(visit_id)
        if last is not None:
            since, since_at = last.items, last.sent_utc
    changes = (
        compare(since, items) if since is not None else ChangesSince(frozenset(), frozenset(), ())
    )

    days: list[Day] = []
    venues: dict[str, str] = {}
    for group in group_by_day(items):
        entries = []
        for scheduled in group.entries:
            item = scheduled.item
            start_date = scheduled.start.local.date()
            end_date = scheduled.end.local.date()
            start = EndText(
                scheduled.start.clock,
                scheduled.start.abbreviation,
                format_short_date(start_date, lang) if start_date != group.day else "",
            )
            end = EndText(
                scheduled.end.clock,
                scheduled.end.abbreviation,
                format_short_date(end_date, lang) if end_date != group.day else "",
                day_marker(scheduled.day_offset, lang),
            )
            entries.append(
                Entry(
                    uid=item.uid,
                    kind=kind_label(item.kind, lang),
                    title=_title(item, lang),
                    start=start,
                    end=end,
                    location=item.location_name,
                    address=item.location_address,
                    confirmation="" if redact_confirmations else item.confirmation_code,
                    details=pick(lang, item.visitor_details, item.visitor_details_ja, sep="\n"),
                    change=label("new", lang)
                    if item.uid in changes.added
                    else label("changed", lang)
                    if item.uid in changes.changed
                    else "",
                    kind_key=item.kind.value,
                    start_utc=item.start_utc,
                    end_utc=item.end_utc,
                    start_zone=item.start_zone,
                    end_zone=item.end_zone,
                )
            )
            if item.location_name and item.location_address:
                venues.setdefault(item.location_name, item.location_address)
        days.append(Day(group.day, format_date(group.day, lang), tuple(entries)))

    emergency = []
    # A visitor dials from abroad: the host's number in its international form.
    host_phone = format_phone(host_person.phone, None) if host_person else ""
    if host_person is not None and host_phone:
        emergency.append(f"{person_name(host_person, lang)}: {host_phone}")
    if host.country in EMERGENCY_KEYS:
        emergency.append(label(EMERGENCY_KEYS[host.country], lang))

    if bring is None:
        bring = [*default_bring(home, host, lang), *_paperwork_bring(services, visit_id, lang)]
    bring_list = list(dict.fromkeys(bring))  # each once, in order
    nights = visit.nights
    stay = format_range(visit.arrival_date, visit.departure_date, lang)
    en_nights = f"{nights} night" + ("" if nights == 1 else "s")
    dates = {
        Lang.EN: f"{stay} ({en_nights})",
        Lang.JA: f"{stay}（{nights}泊）",
        Lang.BILINGUAL: f"{stay} ({en_nights} / {nights}泊)",
    }[lang]
    return ItineraryDocument(
        lang=lang,
        visit_code=visit.code,
        cancelled=visit.status is VisitStatus.CANCELLED,
        title=f"{label('itinerary', lang)} — {visit.code}",
        visitor=person_name(visitor, lang),
        home_institution=institution_name(home, lang),
        host_institution=institution_name(host, lang),
        host_address=host.address,
        host_person=person_name(host_person, lang) if host_person else "",
        host_email=host_person.email if host_person else "",
        host_phone=host_phone,
        dates=dates,
        emergency=tuple(emergency),
        visitor_notes=pick(lang, visit.visitor_notes, visit.visitor_notes_ja, sep="\n\n"),
        bring=tuple(bring_list),
        days=tuple(days),
        venues=tuple(venues.items()),
        generated=generated_at(stamp, lang),
        generated_at=stamp,
        removed=_removed_lines(changes, lang),
        since=f"{since_at:%Y-%m-%d %H:%M} UTC" if since_at is not None and changes.any else "",
        reply_to=host_person.email if host_person else "",
        visitor_email=visitor.email,
    )
