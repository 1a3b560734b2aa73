"""Layout rules: names stretch, short columns fit, no scrollbar at 1024×700, editor sizes kept."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication, QLineEdit, QTableView
from pytestqt.qtbot import QtBot

from planner.services.container import Services
from planner.ui.common import editor_size
from planner.ui.common.columns import MIN_NAME_WIDTH, ColumnRules
from planner.ui.common.editor_size import FIELD_MAX_WIDTH
from planner.ui.dashboard.dashboard_model import DashboardSectionModel
from planner.ui.dashboard.dashboard_view import DashboardView
from planner.ui.shell.language import install_language, remove_language
from planner.ui.shell.main_window import MainWindow
from planner.ui.shell.settings import open_settings
from planner.ui.visits.visits_model import Column
from tests.fixtures.sample import Sample


def settle() -> None:
    """Let the layouts and headers take the new size (no sleeping: events only)."""
    for _ in range(3):
        QApplication.processEvents()


def assert_fits(table: QTableView, name_column: int) -> None:
    """No horizontal scrolling, and the name column is the widest."""
    assert table.horizontalScrollBar().maximum() == 0, table.objectName()
    assert not table.horizontalScrollBar().isVisible(), table.objectName()
    header = table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(header.count())]
    assert widths[name_column] == max(widths), (table.objectName(), widths)


@pytest.fixture
def small_window(
    qtbot: QtBot, services: Services, sample: Sample, settings_path: Path
) -> MainWindow:
    main = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(main)
    main.resize(1024, 700)
    main.show()
    qtbot.waitExposed(main)
    return main


def test_the_visits_table_fits_1024_by_700(small_window: MainWindow) -> None:
    small_window.workspace.show_page("visits")
    settle()
    assert small_window.visits_view.table.model().rowCount() > 0
    assert_fits(small_window.visits_view.table, Column.VISITOR)


def test_the_visits_table_fits_1024_by_700_in_japanese(
    qtbot: QtBot, qapp: QApplication, services: Services, sample: Sample, settings_path: Path
) -> None:
    translators = install_language(qapp, "ja")
    try:
        visits_fit_in_japanese(qtbot, services, settings_path)
    finally:
        remove_language(qapp, translators)


def visits_fit_in_japanese(qtbot: QtBot, services: Services, settings_path: Path) -> None:
    main = MainWindow(services, open_settings(settings_path))
    qtbot.addWidget(main)
    main.resize(1024, 700)
    main.show()
    qtbot.waitExposed(main)
    main.workspace.show_page("visits")
    settle()
    arrival = main.visits_view.proxy.index(0, Column.ARRIVAL).data()
    assert "年" in arrival  # the long Japanese date format
    assert_fits(main.visits_view.table, Column.VISITOR)


def test_institution_names_keep_their_room_when_narrow(small_window: MainWindow) -> None:
    small_window.workspace.show_page("institutions")
    directory = small_window.workspace.view("institutions")
    table = directory.institutions.table  # type: ignore[attr-defined]
    settle()
    header = table.horizontalHeader()
    assert header.sectionSize(0) >= 180
    assert table.horizontalScrollBar().maximum() == 0
    small_window.resize(1920, 1080)
    settle()
    assert not any(header.isSectionHidden(c) for c in range(header.count()))


@pytest.mark.parametrize("size", [QSize(1024, 700), QSize(1920, 1080)])
def test_each_dashboard_section_fits(small_window: MainWindow, size: QSize) -> None:
    small_window.resize(size)
    small_window.workspace.show_page("dashboard")
    dashboard = small_window.workspace.view("dashboard")
    assert isinstance(dashboard, DashboardView)
    dashboard.set_today(date(2027, 3, 1))  # the sample's visits arrive and leave soon after
    settle()
    shown = [s for s in dashboard.sections.values() if s.table.isVisible()]
    assert len(shown) >= 2
    for section in shown:
        key = section.key
        if True:
            assert_fits(section.table, DashboardSectionModel.VISITOR)
            status = section.table.horizontalHeader().sectionSize(DashboardSectionModel.STATUS)
            assert status < section.table.horizontalHeader().sectionSize(
                DashboardSectionModel.VISITOR
            ), key


def test_the_dashboard_stacks_its_sections_when_narrow(small_window: MainWindow) -> None:
    dashboard = small_window.workspace.view("dashboard")
    assert isinstance(dashboard, DashboardView)
    small_window.workspace.show_page("dashboard")
    settle()
    narrow = (dashboard.arrivals.x(), dashboard.departures.x())
    assert narrow[0] == narrow[1]  # one above the other
    small_window.resize(1920, 1080)
    settle()
    assert dashboard.departures.x() > dashboard.arrivals.x()  # side by side


def test_a_restored_header_keeps_the_name_stretching(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QHeaderView

    model = QStandardItemModel(2, 4)
    model.setHorizontalHeaderLabels(["Code", "Name", "Date", "Status"])
    table = QTableView()
    qtbot.addWidget(table)
    table.setModel(model)
    rules = ColumnRules(table, 1, {0: "V-2027-0000", 2: "2027-12-31"})
    header = table.horizontalHeader()
    header.setStretchLastSection(True)  # an old remembered state
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
    rules.restore_modes()
    assert not header.stretchLastSection()
    assert header.sectionResizeMode(1) == QHeaderView.ResizeMode.Stretch
    rules.apply()
    assert header.sectionSize(0) > header.fontMetrics().horizontalAdvance("Code")
    assert header.sectionSize(2) >= table.fontMetrics().horizontalAdvance("2027-12-31")


def test_an_editor_reopens_at_its_remembered_size(
    small_window: MainWindow, sample: Sample, qtbot: QtBot
) -> None:
    assert sample.visit_in.id is not None
    first = small_window.open_visit(sample.visit_in.id)
    qtbot.waitExposed(first)
    default = first.size()
    assert default.width() >= 720 and default.height() >= 520
    first.resize(default.width() - 40, default.height() - 30)
    wanted = first.size()
    first.close()
    qtbot.waitUntil(lambda: sample.visit_in.id not in small_window.editors.visit_ids())
    again = small_window.open_visit(sample.visit_in.id)  # the window owns and closes it
    qtbot.waitExposed(again)
    assert again.size() == wanted
    again.close()


def test_an_editor_without_settings_opens_at_its_default_size(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    from planner.ui.visits.visit_editor import VisitEditor

    editor_size.use_settings(None)
    from PySide6.QtGui import QUndoStack

    editor = VisitEditor(services, QUndoStack(), None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    available = editor.screen().availableGeometry().size()
    assert editor.size() == VisitEditor.default_size.boundedTo(available).expandedTo(
        editor.minimumSizeHint()
    )


def test_form_fields_stop_growing_on_a_wide_editor(
    qtbot: QtBot, services: Services, sample: Sample
) -> None:
    from PySide6.QtGui import QUndoStack

    from planner.ui.people.person_editor import PersonEditor

    editor = PersonEditor(services, QUndoStack(), None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    editor.resize(1800, 700)
    settle()
    edits = [e for e in editor.findChildren(QLineEdit) if e.isVisible() and e.parent() is not None]
    assert edits
    assert all(e.width() <= FIELD_MAX_WIDTH for e in edits), [
        (e.objectName(), type(e.parent()).__name__, e.width())
        for e in edits
        if e.width() > FIELD_MAX_WIDTH
    ]


def test_the_events_tables_fit_1024_by_700(
    qtbot: QtBot, small_window: MainWindow, services: Services, sample: Sample
) -> None:
    from datetime import datetime

    from planner.domain.entities import Event
    from planner.domain.enums import EventKind, ParticipantRole
    from planner.domain.timezones import local_to_utc
    from planner.ui.events.events_model import EventColumn

    assert sample.argonne.id is not None and sample.tanaka.id is not None
    start = local_to_utc(datetime(2027, 3, 10, 15, 0), "America/Chicago")
    seminar = services.events.create(
        Event(
            EventKind.SEMINAR, "Joint AI for Science Seminar", sample.argonne.id, start,
            "America/Chicago", start.replace(hour=start.hour + 1), "America/Chicago",
        )
    )  # fmt: skip
    assert seminar.id is not None
    services.events.set_participant(seminar.id, sample.tanaka.id, ParticipantRole.ATTENDEE)
    small_window.workspace.show_page("events")
    view = small_window.workspace.view("events")
    view.reload()
    qtbot.waitUntil(lambda: view.table.model().rowCount() == 1)
    view.table.selectRow(0)
    qtbot.waitUntil(lambda: view.participant_table.model().rowCount() == 1)
    settle()
    # The series and the place give way, so nothing hides behind a scrollbar and the title
    # keeps more than its least width (every site's time may be wider still).
    assert view.table.horizontalScrollBar().maximum() == 0
    assert view.table.horizontalHeader().sectionSize(EventColumn.TITLE) >= MIN_NAME_WIDTH
    participants = view.participant_table
    header = participants.horizontalHeader()
    for column in (1, 2):  # role and attendance fit their text: nothing shows "In the ro…"
        needed = participants.sizeHintForColumn(column)  # the text with the cell's margins
        assert header.sectionSize(column) >= needed, (column, header.sectionSize(column), needed)
