"""Global search: visits, people, events, institutions and paperwork matching a few words.

A read-only query (nothing is written, no change is announced). Every word typed must match
at least one of a kind's fields, anywhere in the field, so ``tanaka 2027`` finds Tanaka's
visits of 2027. The words are taken literally: ``%``, ``_`` and ``\\`` are escaped before
they reach LIKE, so a query can never widen itself into a wildcard.

Folding: the query is NFKC-normalised (half-width katakana and full-width Latin letters and
digits typed with an IME become their ordinary forms) and compared case-insensitively with
``lower()`` on both sides; a full-width copy of each word is tried as well, so ASCII typed
finds full-width text stored. Limits: SQLite's ``lower()`` folds ASCII letters only
(PostgreSQL folds every script); text stored in half-width katakana is not matched by
full-width queries; hiragana and katakana are not folded into each other.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import ColumnElement, Select, SQLColumnExpression, and_, func, or_, select
from sqlalchemy.orm import aliased

from planner.db.engine import Database
from planner.db.models import (
    DocumentTypeRow,
    EventRow,
    InstitutionRow,
    PaperworkItemRow,
    PersonRow,
    VisitRow,
)

#: Results per kind by default (the popup shows at most this many of each).
DEFAULT_LIMIT = 8
#: Longer queries are cut here: no field searched is longer, and a pasted page stays cheap.
MAX_QUERY_CHARS = 200
#: At most this many words count; the rest are ignored.
MAX_TERMS = 8

_ESCAPE = "\\"


class HitKind(StrEnum):
    """What a search hit is, in the order the popup groups them."""

    VISIT = "visit"
    PERSON = "person"
    EVENT = "event"
    INSTITUTION = "institution"
    PAPERWORK = "paperwork"


@dataclass(frozen=True)
class SearchHit:
    """One record found: its kind and id, a title and a line of detail to show.

    *visit_id* is the visit to open for a visit or paperwork hit (None for the others).
    """

    kind: HitKind
    record_id: int
    title: str
    detail: str = ""
    visit_id: int | None = None


@dataclass(frozen=True)
class SearchResults:
    """The hits of one query, by kind; *more* names the kinds cut at the limit."""

    query: str
    hits: dict[HitKind, list[SearchHit]] = field(default_factory=dict)
    more: frozenset[HitKind] = frozenset()

    @property
    def count(self) -> int:
        """Hits of every kind together."""
        return sum(len(found) for found in self.hits.values())

    def flat(self) -> list[SearchHit]:
        """Every hit, grouped by kind in :class:`HitKind` order."""
        return [hit for kind in HitKind for hit in self.hits.get(kind, [])]


def fold(text: str) -> str:
    """*text* as the search compares it: NFKC-normalised, lower case, spaces collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def search_terms(query: str) -> list[str]:
    """The words of *query* the search looks for (folded, at most :data:`MAX_TERMS`)."""
    return fold(query[:MAX_QUERY_CHARS]).split()[:MAX_TERMS]


def escape_like(text: str) -> str:
    """*text* with LIKE's wildcards and the escape character taken literally."""
    return (
        text.replace(_ESCAPE, _ESCAPE * 2).replace("%", _ESCAPE + "%").replace("_", _ESCAPE + "_")
    )


def _full_width(text: str) -> str:
    """ASCII letters, digits and signs of *text* in their full-width forms."""
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def _term_matches(term: str, columns: Sequence[SQLColumnExpression[str]]) -> ColumnElement[bool]:
    # SQLite's lower() leaves full-width capitals alone, so try them as typed in capitals too.
    variants = {term, _full_width(term), _full_width(term.upper())}
    return or_(
        *(
            func.lower(column).like(f"%{escape_like(variant)}%", escape=_ESCAPE)
            for column in columns
            for variant in variants
        )
    )


def _matching(
    terms: Sequence[str], columns: Sequence[SQLColumnExpression[str]]
) -> ColumnElement[bool]:
    return and_(*(_term_matches(term, columns) for term in terms))


class SearchService:
    """Finds records by a few words typed in the global search."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def search(
        self, query: str, limit: int = DEFAULT_LIMIT, *, japanese: bool = False
    ) -> SearchResults:
        """Records of every kind matching every word of *query*; at most *limit* of each.

        With *japanese* the hits read as the Japanese interface shows records: names in
        kanji first, Japanese titles and institution names where they are recorded.
        """
        terms = search_terms(query)
        if not terms or limit <= 0:
            return SearchResults(query)
        hits: dict[HitKind, list[SearchHit]] = {}
        more: set[HitKind] = set()
        with self.db.read() as session:
            for kind, statement in self._statements(terms).items():
                rows = session.execute(statement.limit(limit + 1)).all()
                found = [_hit(kind, tuple(row), japanese) for row in rows[:limit]]
                if found:
                    hits[kind] = found
                if len(rows) > limit:
                    more.add(kind)
        return SearchResults(query, hits, frozenset(more))

    def _statements(self, terms: Sequence[str]) -> dict[HitKind, Select[*tuple[Any, ...]]]:
        visitor = aliased(PersonRow)
        host = aliased(InstitutionRow)
        visitor_fields = _person_fields(visitor)
        visits = (
            select(
                VisitRow.id,
                VisitRow.code,
                visitor.given_name,
                visitor.family_name,
                visitor.family_name_native,
                visitor.given_name_native,
                host.name,
                host.name_ja,
            )
            .join(visitor, VisitRow.visitor_id == visitor.id)
            .join(host, VisitRow.host_institution_id == host.id)
            .where(
                _matching(
                    terms,
                    [VisitRow.code, *visitor_fields, host.name, host.name_ja, host.short_name],
                )
            )
            .order_by(VisitRow.arrival_date.desc(), VisitRow.id.desc())
        )
        people = (
            select(
                PersonRow.id,
                PersonRow.email,
                PersonRow.given_name,
                PersonRow.family_name,
                PersonRow.family_name_native,
                PersonRow.given_name_native,
            )
            .where(_matching(terms, [*_person_fields(PersonRow), PersonRow.email]))
            .order_by(PersonRow.family_name, PersonRow.given_name, PersonRow.id)
        )
        events = (
            select(EventRow.id, EventRow.title, EventRow.title_ja, EventRow.venue)
            .where(_matching(terms, [EventRow.title, EventRow.title_ja, EventRow.series]))
            .order_by(EventRow.start_utc.desc(), EventRow.id.desc())
        )
        institutions = (
            select(InstitutionRow.id, InstitutionRow.name, InstitutionRow.name_ja)
            .where(
                _matching(
                    terms,
                    [InstitutionRow.name, InstitutionRow.name_ja, InstitutionRow.short_name],
                )
            )
            .order_by(InstitutionRow.name, InstitutionRow.id)
        )
        paperwork = (
            select(
                PaperworkItemRow.id,
                PaperworkItemRow.title,
                DocumentTypeRow.title_ja,
                VisitRow.id,
                VisitRow.code,
                visitor.given_name,
                visitor.family_name,
                visitor.family_name_native,
                visitor.given_name_native,
            )
            .join(VisitRow, PaperworkItemRow.visit_id == VisitRow.id)
            .join(visitor, VisitRow.visitor_id == visitor.id)
            .join(DocumentTypeRow, PaperworkItemRow.document_type_id == DocumentTypeRow.id)
            .where(
                _matching(
                    terms,
                    [
                        PaperworkItemRow.title,
                        DocumentTypeRow.title_ja,
                        PaperworkItemRow.reference_number,
                    ],
                )
            )
            .order_by(VisitRow.arrival_date.desc(), PaperworkItemRow.id)
        )
        return {
            HitKind.VISIT: visits,
            HitKind.PERSON: people,
            HitKind.EVENT: events,
            HitKind.INSTITUTION: institutions,
            HitKind.PAPERWORK: paperwork,
        }


def _person_fields(person: type[PersonRow]) -> list[SQLColumnExpression[str]]:
    """A person's names in both scripts, alone and run together (``田中博`` finds 田中 博)."""
    return [
        person.family_name,
        person.given_name,
        person.preferred_name,
        person.family_name_native,
        person.given_name_native,
        person.family_name_native + person.given_name_native,
    ]


def _name(names: Sequence[object], japanese: bool = False) -> str:
    """Given and family name, then family and given name in the native script."""
    given, family, family_native, given_native = names
    latin = f"{given or ''} {family or ''}".strip()
    native = f"{family_native or ''} {given_native or ''}".strip()
    first, second = (native, latin) if japanese else (latin, native)
    return f"{first} ({second})" if first and second else first or second


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _pick(english: object, japanese_text: object, japanese: bool) -> tuple[str, str]:
    """The text to show first and the other language's text (as detail), per interface."""
    english_s, japanese_s = _text(english), _text(japanese_text)
    if japanese and japanese_s:
        return japanese_s, english_s
    return english_s, japanese_s


def _hit(kind: HitKind, row: tuple[object, ...], japanese: bool) -> SearchHit:
    record_id = int(str(row[0]))
    if kind is HitKind.VISIT:
        name = _name(row[2:6], japanese)
        host = _pick(row[6], row[7], japanese)[0]
        return SearchHit(kind, record_id, f"{row[1]} — {name}", host, visit_id=record_id)
    if kind is HitKind.PERSON:
        return SearchHit(kind, record_id, _name(row[2:6], japanese), _text(row[1]))
    if kind is HitKind.EVENT:
        title = _pick(row[1], row[2], japanese)[0]
        return SearchHit(kind, record_id, title, _text(row[3]))
    if kind is HitKind.INSTITUTION:
        title, other = _pick(row[1], row[2], japanese)
        return SearchHit(kind, record_id, title, other)
    visit_id = int(str(row[3]))
    title = _pick(row[1], row[2], japanese)[0]
    detail = f"{row[4]} — {_name(row[5:9], japanese)}"
    return SearchHit(kind, record_id, title, detail, visit_id=visit_id)
