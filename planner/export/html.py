"""A self-contained HTML itinerary: one file, inline CSS, readable on a phone, prints cleanly.

Nothing is fetched from the network (no stylesheets, fonts, scripts or images); the links are
``mailto:``, ``tel:`` and the relative link to the ``.ics`` file sent alongside. Every piece of
user text goes through :func:`html.escape`.

For machines, a schema.org JSON-LD block describes the trip (FlightReservation,
TrainReservation, BusReservation, LodgingReservation, EventReservation, FoodEstablishment-
Reservation) so itinerary apps such as KDE Itinerary can import it. It is written with
:func:`json.dumps` with every ``<``, ``>`` and ``&`` written as a JSON unicode escape, so no
text can close the ``<script>`` element. A dark-mode stylesheet follows the reader's setting.

The time column is as wide as its widest line (never a fixed width), and the "+1 day" marker
has a line of its own under the arrival time, so it never runs into the title column; the
test measures this in headless Chromium.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import quote

from planner.domain.timezones import utc_to_local
from planner.export.document import Entry, ItineraryDocument
from planner.export.i18n import Lang

_CSS = """
:root { color-scheme: light dark; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP",
       "IPAexGothic", "Yu Gothic", Meiryo, sans-serif; margin: 0 auto; max-width: 52rem;
       padding: 1rem; line-height: 1.45; color: #1b1b1b; background: #fff; }
h1 { font-size: 1.5rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #1f5fbf; padding-bottom: .2rem;
     margin-top: 1.6rem; }
h3 { font-size: 1rem; margin: 1.2rem 0 .4rem; color: #1f5fbf; }
.cancelled { background: #fdecea; color: #8a1c14; border: 1px solid #c62828; padding: .6rem;
             font-weight: bold; }
dl.cover { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0; }
dl.cover dt { font-weight: 600; color: #444; }
dl.cover dd { margin: 0; }
.entry { display: grid; grid-template-columns: minmax(9rem, max-content) minmax(0, 1fr);
         gap: .2rem 1rem; padding: .5rem 0; border-top: 1px solid #ddd; break-inside: avoid; }
.when { font-variant-numeric: tabular-nums; }
.when .line { display: block; white-space: nowrap; }
.when .marker { display: table; margin-top: .15rem; }
.change { display: inline-block; background: #e3f1e3; color: #1d5e20; border-radius: .3rem;
          padding: 0 .3rem; font-size: .8em; font-weight: 600; margin-left: .4rem; }
.removed { text-decoration: line-through; color: #666; }
.actions { font-size: .85em; }
.zone { color: #555; font-size: .85em; }
.marker { display: inline-block; background: #fff3cd; color: #6b4e00; border-radius: .3rem;
          padding: 0 .3rem; font-size: .8em; font-weight: 600; }
.kind { color: #555; font-size: .85em; text-transform: none; }
.title { font-weight: 600; }
.meta { color: #333; font-size: .92em; }
.note { white-space: pre-wrap; }
ul { padding-left: 1.2rem; }
footer { margin-top: 2rem; color: #666; font-size: .8rem; }
a { color: #1f5fbf; }
@media (prefers-color-scheme: dark) {
  body { color: #e6e6e6; background: #121417; }
  h2 { border-bottom-color: #6fa0ef; }
  h3, a { color: #8fb6f5; }
  dl.cover dt, .kind, .zone { color: #b0b0b0; }
  .meta { color: #d0d0d0; }
  .entry { border-top-color: #333; }
  .marker { background: #4a3b00; color: #ffe08a; }
  .change { background: #1f3d20; color: #a8e0aa; }
  .cancelled { background: #3d1512; color: #ffb4ab; border-color: #c62828; }
  footer { color: #999; }
}
@media (max-width: 40rem) {
  body { padding: .6rem; }
  .entry { grid-template-columns: 1fr; }
  dl.cover { grid-template-columns: 1fr; }
  dl.cover dd { margin-bottom: .4rem; }
}
@media print {
  body { max-width: none; padding: 0; font-size: 10.5pt; }
  a { color: inherit; text-decoration: none; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  .entry { break-inside: avoid; }
  @page { margin: 15mm; }
}
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _when(entry: Entry) -> str:
    end = entry.end
    marker = f'<span class="marker">{_e(end.marker)}</span>' if end.marker else ""
    start_date = f"{_e(entry.start.date_text)} " if entry.start.date_text else ""
    end_date = f"{_e(end.date_text)} " if end.date_text else ""
    return (
        f'<div class="when"><span class="line">{start_date}{_e(entry.start.clock)} '
        f'<span class="zone">{_e(entry.start.zone)}</span></span>'
        f'<span class="line">→ {end_date}{_e(end.clock)} <span class="zone">{_e(end.zone)}'
        f"</span></span>{marker}</div>"
    )


def _correction_link(entry: Entry, doc: ItineraryDocument) -> str:
    """A ``mailto:`` to the host with the visit code and the item in the subject."""
    if not doc.reply_to:
        return ""
    when = " ".join(p for p in (entry.start.date_text, entry.start.clock) if p)
    subject = f"{doc.visit_code}: {entry.title} ({when})" if when else entry.title
    href = f"mailto:{quote(doc.reply_to, safe='@')}?subject={quote(subject, safe='')}"
    return f'<div class="actions"><a href="{_e(href)}">{_e(doc.t("report_correction"))}</a></div>'


def _entry(entry: Entry, doc: ItineraryDocument) -> str:
    meta = []
    if entry.location:
        place = _e(entry.location)
        if entry.address:
            place += f", {_e(entry.address)}"
        meta.append(f'<div class="meta">{_e(doc.t("place"))}: {place}</div>')
    if entry.confirmation:
        meta.append(
            f'<div class="meta">{_e(doc.t("confirmation"))}: '
            f"<strong>{_e(entry.confirmation)}</strong></div>"
        )
    if entry.details:
        meta.append(f'<div class="meta note">{_e(entry.details)}</div>')
    meta.append(_correction_link(entry, doc))
    change = f'<span class="change">{_e(entry.change)}</span>' if entry.change else ""
    return (
        f'<div class="entry">{_when(entry)}<div><span class="kind">{_e(entry.kind)}</span>'
        f'{change}<br><span class="title">{_e(entry.title)}</span>{"".join(meta)}</div></div>'
    )


#: schema.org reservation type of each item kind; kinds not listed are events.
_RESERVATION = {
    "flight": "FlightReservation",
    "train": "TrainReservation",
    "ground_transport": "BusReservation",
    "lodging": "LodgingReservation",
    "meal": "FoodEstablishmentReservation",
}


def _iso(entry: Entry, end: bool) -> str | None:
    instant, zone = (entry.end_utc, entry.end_zone) if end else (entry.start_utc, entry.start_zone)
    if instant is None:
        return None
    return utc_to_local(instant, zone).isoformat()


def _place(entry: Entry) -> dict[str, object]:
    place: dict[str, object] = {"@type": "Place", "name": entry.location or entry.title}
    if entry.address:
        place["address"] = entry.address
    return place


#: The trips schema.org describes alike: reservation type -> (trip type, where it departs from,
#: and that place's type).
_TRIPS: dict[str, tuple[str, str, str]] = {
    "FlightReservation": ("Flight", "departureAirport", "Airport"),
    "TrainReservation": ("TrainTrip", "departureStation", "TrainStation"),
    "BusReservation": ("BusTrip", "departureBusStop", "BusStop"),
}


def reservation(entry: Entry, doc: ItineraryDocument) -> dict[str, object]:
    """The schema.org reservation of one entry (what KDE Itinerary and mail clients read)."""
    kind = _RESERVATION.get(entry.kind_key, "EventReservation")
    out: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": kind,
        "reservationStatus": "https://schema.org/ReservationCancelled"
        if doc.cancelled
        else "https://schema.org/ReservationConfirmed",
        "underName": {"@type": "Person", "name": doc.visitor},
    }
    if entry.confirmation:
        out["reservationNumber"] = entry.confirmation
    start, end = _iso(entry, False), _iso(entry, True)
    trip = _TRIPS.get(kind)
    if trip is not None:
        trip_type, departure_key, departure_type = trip
        out["reservationFor"] = {
            "@type": trip_type,
            "name": entry.title,
            "departureTime": start,
            "arrivalTime": end,
            departure_key: {"@type": departure_type, "name": entry.location or entry.title},
        }
    elif kind == "LodgingReservation":
        out["reservationFor"] = {
            "@type": "LodgingBusiness",
            "name": entry.location or entry.title,
            **({"address": entry.address} if entry.address else {}),
        }
        out["checkinTime"], out["checkoutTime"] = start, end
    elif kind == "FoodEstablishmentReservation":
        out["reservationFor"] = {
            "@type": "FoodEstablishment",
            "name": entry.location or entry.title,
        }
        out["startTime"], out["endTime"] = start, end
    else:
        out["reservationFor"] = {
            "@type": "Event",
            "name": entry.title,
            "startDate": start,
            "endDate": end,
            "location": _place(entry),
        }
    return out


def json_ld(doc: ItineraryDocument) -> str:
    """The JSON-LD array of every entry's reservation, safe inside a ``<script>`` element."""
    data = [reservation(entry, doc) for day in doc.days for entry in day.entries]
    text = json.dumps(data, ensure_ascii=False, indent=1)
    # "</script>" or "<!--" in a title must not end the element: escape the three characters.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _link(scheme: str, value: str) -> str:
    target = value
    if scheme == "tel":
        # "+1 630-252-2000 ext. 5" dials as tel:+16302522000 (the extension stays in the text).
        target = "".join(c for c in value.split(" ext. ")[0] if c not in " -()")
    return f'<a href="{scheme}:{_e(target)}">{_e(value)}</a>'


def render_html(doc: ItineraryDocument, ics_name: str = "") -> str:
    """The whole HTML page of *doc*; *ics_name* is the ``.ics`` file sent alongside, if any."""
    lang_attr = "ja" if doc.lang is Lang.JA else "en"
    cover = [
        ("visitor", doc.visitor),
        ("home_institution", doc.home_institution),
        ("host_institution", doc.host_institution),
        ("address", doc.host_address),
        ("dates", doc.dates),
    ]
    rows = [f"<dt>{_e(doc.t(k))}</dt><dd>{_e(v)}</dd>" for k, v in cover if v]
    contacts = []
    if doc.host_person:
        contact = [_e(doc.host_person)]
        if doc.host_email:
            contact.append(_link("mailto", doc.host_email))
        if doc.host_phone:
            contact.append(_link("tel", doc.host_phone))
        contacts.append(f"<dt>{_e(doc.t('host'))}</dt><dd>{' · '.join(contact)}</dd>")
    if doc.emergency:
        lines = "<br>".join(_e(line) for line in doc.emergency)
        contacts.append(f"<dt>{_e(doc.t('emergency'))}</dt><dd>{lines}</dd>")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang_attr}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(doc.title)}</title>",
        f"<style>{_CSS}</style>",
        f'<script type="application/ld+json">{json_ld(doc)}</script>',
        "</head>",
        "<body>",
        f"<h1>{_e(doc.title)}</h1>",
    ]
    if doc.cancelled:
        parts.append(f'<p class="cancelled">{_e(doc.t("cancelled"))}</p>')
    parts.append(f'<dl class="cover">{"".join(rows)}</dl>')
    if contacts:
        parts += [
            f"<h2>{_e(doc.t('contacts'))}</h2>",
            f'<dl class="cover">{"".join(contacts)}</dl>',
        ]
    if doc.visitor_notes:
        parts += [f"<h2>{_e(doc.t('notes'))}</h2>", f'<p class="note">{_e(doc.visitor_notes)}</p>']
    parts += [f"<h2>{_e(doc.t('schedule'))}</h2>", f"<p><em>{_e(doc.t('times_note'))}</em></p>"]
    if ics_name:
        href = quote(ics_name)
        parts.append(f'<p><a href="{_e(href)}" download>{_e(doc.t("add_to_calendar"))}</a></p>')
    if doc.since:
        parts.append(f"<p><em>{_e(doc.t('since'))} {_e(doc.since)}</em></p>")
    if not doc.days:
        parts.append(f"<p>{_e(doc.t('no_items'))}</p>")
    for day in doc.days:
        parts.append(f"<section><h3>{_e(day.heading)}</h3>")
        parts += [_entry(entry, doc) for entry in day.entries]
        parts.append("</section>")
    if doc.removed:
        parts.append(f"<h3>{_e(doc.t('removed'))}</h3><ul>")
        parts += [f'<li class="removed">{_e(line)}</li>' for line in doc.removed]
        parts.append("</ul>")
    if doc.venues:
        parts.append(f"<h2>{_e(doc.t('venues'))}</h2><ul>")
        parts += [f"<li><strong>{_e(n)}</strong><br>{_e(a)}</li>" for n, a in doc.venues]
        parts.append("</ul>")
    if doc.bring:
        parts.append(f"<h2>{_e(doc.t('what_to_bring'))}</h2><ul>")
        parts += [f"<li>{_e(b)}</li>" for b in doc.bring]
        parts.append("</ul>")
    parts += [f"<footer>{_e(doc.visit_code)} · {_e(doc.generated)}</footer>", "</body>", "</html>"]
    return "\n".join(parts) + "\n"
