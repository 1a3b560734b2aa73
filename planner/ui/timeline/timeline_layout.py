"""Where each visit goes on the timeline: rows (visitors or host institutions) and lanes.

Pure Python over :class:`VisitSummary` objects, so the arithmetic is testable without painting.
Days are ``date.toordinal()`` numbers; a bar covers its arrival day through its departure day,
so it ends at ``departure.toordinal() + 1``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from planner.domain.entities import VisitSummary
from planner.ui.common.formats import person_name_both


class Scale(StrEnum):
    """How much time the view shows at once."""

    MONTH = "month"
    QUARTER = "quarter"


class Grouping(StrEnum):
    """What a timeline row stands for."""

    PERSON = "person"
    INSTITUTION = "institution"


#: Days one screen width shows at each scale.
SCALE_DAYS: dict[Scale, int] = {Scale.MONTH: 31, Scale.QUARTER: 92}

#: A bar's label may run past its end until this far before the next bar in its lane.
LABEL_GAP_DAYS = 0.5
_OPEN_END = 10**9


def visitor_label(visit: VisitSummary) -> str:
    """``Yuki Todo (藤堂 由紀)``, or only the Latin name when no native one is recorded."""
    return person_name_both(visit.visitor_name, visit.visitor_name_native)


# Bars and rows are plain slotted dataclasses, not frozen ones: a layout is rebuilt, never
# edited, and frozen instances take three times as long to make (thousands per load).


@dataclass(slots=True)
class TimelineBar:
    """One visit on the timeline: its row, its lane (absolute) and its days."""

    visit: VisitSummary
    row: int
    lane: int
    start: int
    end: int
    label_end: int
    label: str

    @property
    def visit_id(self) -> int:
        """The visit's database id."""
        return self.visit.id


@dataclass(slots=True)
class TimelineRow:
    """A visitor or a host institution, and the lanes its visits need so none overlap."""

    index: int
    key: str
    label: str
    first_lane: int
    lanes: int
    bars: tuple[TimelineBar, ...]


@dataclass(frozen=True)
class TimelineLayout:
    """Rows and bars for the visits of one loaded window ``[start, end]``."""

    start: date
    end: date
    grouping: Grouping
    rows: tuple[TimelineRow, ...]
    total_lanes: int
    lane_starts: tuple[int, ...] = ()

    @property
    def bars(self) -> tuple[TimelineBar, ...]:
        """Every bar, row by row."""
        return tuple(bar for row in self.rows for bar in row.bars)

    @property
    def bar_count(self) -> int:
        """How many bars the layout holds."""
        return sum(len(row.bars) for row in self.rows)

    def row_at_lane(self, lane: int) -> TimelineRow | None:
        """The row that holds *lane*."""
        if not self.rows or lane < 0 or lane >= self.total_lanes:
            return None
        return self.rows[bisect_right(self.lane_starts, lane) - 1]

    def rows_between(self, first_lane: int, last_lane: int) -> list[TimelineRow]:
        """Rows with at least one lane in ``[first_lane, last_lane]``."""
        if not self.rows or last_lane < 0:
            return []
        first = max(0, bisect_right(self.lane_starts, max(0, first_lane)) - 1)
        last = bisect_right(self.lane_starts, last_lane)
        return list(self.rows[first:last])


def build_layout(
    visits: Iterable[VisitSummary], grouping: Grouping, start: date, end: date
) -> TimelineLayout:
    """Lay out *visits* (those overlapping ``[start, end]``) in rows sorted by label.

    Within a row, each visit takes the first lane free on its arrival day, so overlapping
    visits of one host institution sit one above the other.
    """
    # Runs for thousands of visits whenever the window moves: each visit's days are computed
    # once, and rows are grouped by a plain value; labels are built once per row.
    by_person = grouping is Grouping.PERSON
    groups: dict[int | str, list[tuple[int, int, VisitSummary]]] = {}
    first, last = start.toordinal(), end.toordinal()
    for visit in visits:
        begin = visit.arrival_date.toordinal()
        stop = visit.departure_date.toordinal() + 1
        if stop <= first or begin > last:
            continue
        group: int | str = visit.visitor_id if by_person else visit.host_institution
        members = groups.get(group)
        if members is None:
            groups[group] = members = []
        members.append((begin, stop, visit))
    labelled = []
    for group, members in groups.items():
        sample = members[0][2]
        if by_person:
            labelled.append((f"person:{group}", visitor_label(sample), members))
        else:
            labelled.append((f"institution:{group}", sample.host_institution, members))
    labelled.sort(key=lambda item: (item[1].casefold(), item[0]))
    rows: list[TimelineRow] = []
    lane_base = 0
    for index, (key, label, members) in enumerate(labelled):
        if len(members) == 1:  # most rows: one visit, one lane, nothing to arrange
            begin, stop, visit = members[0]
            name = label if by_person else visitor_label(visit)
            bar = TimelineBar(
                visit, index, lane_base, begin, stop, _OPEN_END, f"{visit.code} · {name}"
            )
            rows.append(TimelineRow(index, key, label, lane_base, 1, (bar,)))
            lane_base += 1
            continue
        members.sort(key=lambda m: (m[0], m[1], m[2].code))
        lane_ends: list[int] = []  # the end day of the last bar placed in each lane
        placed: list[tuple[int, int, VisitSummary, int]] = []
        for begin, stop, visit in members:
            for lane, lane_end in enumerate(lane_ends):
                if lane_end <= begin:
                    lane_ends[lane] = stop
                    placed.append((begin, stop, visit, lane))
                    break
            else:
                lane_ends.append(stop)
                placed.append((begin, stop, visit, len(lane_ends) - 1))
        # Where each bar's label may run to: the start of the next bar in the same lane.
        next_start: dict[int, int] = {}
        bars: list[TimelineBar] = []
        for begin, stop, visit, lane in reversed(placed):
            name = label if by_person else visitor_label(visit)
            bars.append(
                TimelineBar(
                    visit=visit,
                    row=index,
                    lane=lane_base + lane,
                    start=begin,
                    end=stop,
                    label_end=next_start.get(lane, _OPEN_END),
                    label=f"{visit.code} · {name}",
                )
            )
            next_start[lane] = begin
        bars.reverse()
        lanes = max(1, len(lane_ends))
        rows.append(TimelineRow(index, key, label, lane_base, lanes, tuple(bars)))
        lane_base += lanes
    starts = tuple(row.first_lane for row in rows)
    return TimelineLayout(start, end, grouping, tuple(rows), lane_base, starts)
