"""The visits list's date columns fit the date format shown, whatever widths were remembered."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common.preferences import DateFormat, Preferences
from planner.ui.visits.visits_model import Column
from planner.ui.visits.visits_view import _WIDE_DATE, VisitsView
from tests.fixtures.sample import Sample


def _view(qtbot: QtBot, services: Services) -> VisitsView:
    view = VisitsView(services)
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.reload()
    return view


def test_a_longer_date_format_widens_columns_remembered_for_iso_dates(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    view = _view(qtbot, services)
    header = view.table.horizontalHeader()
    for column in (Column.ARRIVAL, Column.DEPARTURE):
        header.resizeSection(column, 40)  # as remembered from another format
    view.set_preferences(Preferences(date_format=DateFormat.JAPANESE_LONG))
    needed = view.table.fontMetrics().horizontalAdvance(DateFormat.JAPANESE_LONG.render(_WIDE_DATE))
    assert header.sectionSize(Column.ARRIVAL) >= needed
    assert header.sectionSize(Column.DEPARTURE) >= needed


def test_a_column_dragged_wider_keeps_its_width(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    view = _view(qtbot, services)
    header = view.table.horizontalHeader()
    header.resizeSection(Column.ARRIVAL, 400)
    view.set_preferences(Preferences(date_format=DateFormat.ISO))
    assert header.sectionSize(Column.ARRIVAL) == 400
