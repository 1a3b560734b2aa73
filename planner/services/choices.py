"""Choices that belong to one database, not to the computer: the home institution.

They live in the ``planner_meta`` key/value table of the database they concern, so opening
another file never carries over a choice (an institution id means something else there).
Qt settings keep the interface's own state only (window layout, language, date format).
"""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from planner.db.engine import Database
from planner.db.models import InstitutionRow, Meta
from planner.domain.enums import ItineraryKind
from planner.domain.errors import NotFoundError, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP

HOME_INSTITUTION_KEY = "choice.home_institution_id"
REMINDERS_KEY = "choice.reminder_minutes"
#: Minutes before an item's start at which the exported calendar reminds the visitor; a kind
#: missing here (lodging, meals, free time) gets no reminder. A flight needs time to reach the
#: airport and check in; a meeting or badge pickup only the walk there.
DEFAULT_REMINDERS: dict[ItineraryKind, int] = {
    ItineraryKind.FLIGHT: 180,
    ItineraryKind.TRAIN: 60,
    ItineraryKind.GROUND_TRANSPORT: 30,
    ItineraryKind.MEETING: 30,
    ItineraryKind.LECTURE: 30,
    ItineraryKind.SEMINAR: 30,
    ItineraryKind.SYMPOSIUM: 30,
    ItineraryKind.TOUR: 30,
    ItineraryKind.BADGE_PICKUP: 30,
}
#: A reminder further ahead than a week is a typo, not a plan.
MAX_REMINDER_MINUTES = 7 * 24 * 60


def reminders_from_text(raw: str | None) -> dict[ItineraryKind, int]:
    """The reminders stored as JSON (``{"flight": 180}``); defaults for anything unreadable."""
    out = dict(DEFAULT_REMINDERS)
    if not raw:
        return out
    try:
        stored = json.loads(raw)
    except ValueError:  # a hand-edited file: the defaults rather than a failure
        return out
    if not isinstance(stored, dict):
        return out
    for key, minutes in stored.items():
        try:
            kind = ItineraryKind(key)
        except ValueError:
            continue
        if isinstance(minutes, int) and not isinstance(minutes, bool):
            if 0 < minutes <= MAX_REMINDER_MINUTES:
                out[kind] = minutes
            elif minutes == 0:  # 0 = no reminder for this kind
                out.pop(kind, None)
    return out


class DatabaseChoices:
    """Reads and writes the per-database choices."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def home_institution_id(self) -> int | None:
        """The coordinator's own institution in this database (None when unset or deleted)."""
        with self.db.read() as session:
            raw = session.scalar(select(Meta.value).where(Meta.key == HOME_INSTITUTION_KEY))
            try:
                home = int(raw) if raw else None
            except ValueError:  # a hand-edited file: treat as unset rather than fail
                return None
            if home is None or session.get(InstitutionRow, home) is None:
                return None
            return home

    def set_home_institution(self, institution_id: int | None) -> None:
        """Record *institution_id* (None: unset); it must exist in this database."""
        with self.db.write() as session:
            if institution_id is not None and session.get(InstitutionRow, institution_id) is None:
                raise NotFoundError(
                    QT_TRANSLATE_NOOP("Validation", "there is no {what} with id {id}"),
                    params={"what": "institution", "id": institution_id},
                )
            _put(
                session, HOME_INSTITUTION_KEY, "" if institution_id is None else str(institution_id)
            )

    def adopt_home_institution(self, legacy_id: int | None) -> int | None:
        """Move a home institution kept by older versions in Qt settings, once.

        Taken only when this database has no choice of its own yet and holds that institution;
        returns the home institution in force afterwards.
        """
        if legacy_id is not None and not self._has_choice():
            # Written only when there is something to move: opening never writes otherwise
            # (a read-only file must still open).
            with self.db.write() as session:
                known = session.get(InstitutionRow, legacy_id) is not None
                if known and session.get(Meta, HOME_INSTITUTION_KEY) is None:
                    _put(session, HOME_INSTITUTION_KEY, str(legacy_id))
        return self.home_institution_id()

    def _has_choice(self) -> bool:
        with self.db.read() as session:
            return session.get(Meta, HOME_INSTITUTION_KEY) is not None

    def reminder_minutes(self) -> dict[ItineraryKind, int]:
        """Minutes of the calendar reminder by item kind (Settings; defaults when unset)."""
        with self.db.read() as session:
            return reminders_from_text(
                session.scalar(select(Meta.value).where(Meta.key == REMINDERS_KEY))
            )

    def set_reminder_minutes(self, minutes: dict[ItineraryKind, int]) -> None:
        """Record the reminder minutes by kind (0: none); each within a week."""
        for kind, value in minutes.items():
            if not 0 <= value <= MAX_REMINDER_MINUTES:
                raise ValidationError.single(
                    "reminder_minutes",
                    QT_TRANSLATE_NOOP(
                        "Validation", "a reminder must be 0 to {max} minutes ahead ({kind})"
                    ),
                    params={"max": MAX_REMINDER_MINUTES, "kind": kind.value},
                )
        full = {k.value: minutes.get(k, DEFAULT_REMINDERS.get(k, 0)) for k in ItineraryKind}
        with self.db.write() as session:
            _put(session, REMINDERS_KEY, json.dumps(full, sort_keys=True))


def _put(session: Session, key: str, value: str) -> None:
    row = session.get(Meta, key)
    if row is None:
        session.add(Meta(key=key, value=value))
    else:
        row.value = value
