"""Structured visit filters (status, direction, host, project, dates) as a pure predicate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from planner.domain.entities import VisitSummary
from planner.domain.enums import VisitStatus


class Direction(StrEnum):
    """A visit seen from the coordinator's own (home) institution."""

    INCOMING = "incoming"  # someone visits us
    OUTGOING = "outgoing"  # one of ours visits a partner


@dataclass(frozen=True)
class VisitCriteria:
    """What the visits list shows; empty criteria match every visit.

    *direction* needs *home_institution_id* (the coordinator's institution, from settings);
    the date range keeps visits that overlap it.
    """

    statuses: frozenset[VisitStatus] = frozenset()
    direction: Direction | None = None
    home_institution_id: int | None = None
    host_institution_id: int | None = None
    project_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None

    @property
    def is_empty(self) -> bool:
        """True when nothing is filtered out."""
        return self == VisitCriteria(home_institution_id=self.home_institution_id)


def direction_of(visit: VisitSummary, home_institution_id: int | None) -> Direction | None:
    """Incoming or outgoing relative to *home_institution_id*; None for a third party's visit."""
    if home_institution_id is None:
        return None
    if visit.host_institution_id == home_institution_id:
        return Direction.INCOMING
    if visit.home_institution_id == home_institution_id:
        return Direction.OUTGOING
    return None


def matches(visit: VisitSummary, criteria: VisitCriteria) -> bool:
    """Whether *visit* passes every criterion."""
    if criteria.statuses and visit.status not in criteria.statuses:
        return False
    if (
        criteria.host_institution_id is not None
        and visit.host_institution_id != criteria.host_institution_id
    ):
        return False
    if criteria.project_id is not None and visit.project_id != criteria.project_id:
        return False
    if criteria.date_from is not None and visit.departure_date < criteria.date_from:
        return False
    if criteria.date_to is not None and visit.arrival_date > criteria.date_to:
        return False
    if criteria.direction is not None:
        return direction_of(visit, criteria.home_institution_id) is criteria.direction
    return True
