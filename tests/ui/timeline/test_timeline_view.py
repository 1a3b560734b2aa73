"""The timeline driven like a user: bars, rows, clicks, keys, scales, and a thousand visits."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from planner.demo.populate import populate_demo
from planner.domain.enums import AuditAction, VisitStatus
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.visits import VisitFilter
from planner.ui.timeline.timeline_canvas import LABEL_WIDTH, LANE_HEIGHT, RULER_HEIGHT
from planner.ui.timeline.timeline_layout import Grouping, Scale
from planner.ui.timeline.timeline_view import TimelineView
from tests.fixtures.sample import Sample
from tests.services.test_dashboard import add_visit

TODAY = date(2027, 3, 1)


def day(offset: int) -> date:
    return TODAY + timedelta(days=offset)


@pytest.fixture
def visits(services: Services, sample: Sample) -> dict[str, int]:
    """Visits near TODAY, and one far in the future."""
    return {
        "near": add_visit(services, sample, day(2), day(8), VisitStatus.CONFIRMED),
        "running": add_visit(
            services, sample, day(-4), day(5), VisitStatus.IN_PROGRESS, japanese=False
        ),
        "far": add_visit(services, sample, day(400), day(405), VisitStatus.PROPOSED),
    }


def make_view(qtbot: QtBot, services: Services, today: date = TODAY) -> TimelineView:
    view = TimelineView(services, today=today)
    qtbot.addWidget(view)
    view.resize(1200, 720)
    view.show()
    qtbot.waitExposed(view)
    return view


def test_bars_for_visits_in_range_only(
    qtbot: QtBot, services: Services, visits: dict[str, int], sample: Sample
) -> None:
    view = make_view(qtbot, services)
    canvas = view.canvas
    shown = {bar.visit_id for bar in canvas.visible_bars()}
    assert visits["near"] in shown and visits["running"] in shown
    assert canvas.bar_by_id(visits["far"]) is None
    # The sample's visit on 2027-03-08 is in view too, the one in April only loaded.
    assert sample.visit_in.id in shown
    first, last = canvas.visible_range()
    assert first <= TODAY <= last
    # Going to the far visit shows it.
    view.show_date(day(398))
    assert visits["far"] in {bar.visit_id for bar in canvas.visible_bars()}
    assert visits["near"] not in {bar.visit_id for bar in canvas.visible_bars()}


def test_grouping_changes_the_rows(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    assert view.grouping is Grouping.PERSON
    assert view.canvas.row_labels() == ["Dana Miller", "Hiroshi Tanaka (田中 博)"]
    view.group_combo.setCurrentIndex(view.group_combo.findData("institution"))
    assert view.grouping is Grouping.INSTITUTION
    assert view.canvas.row_labels() == ["Argonne", "RIKEN Wako"]
    # Tanaka's visits are hosted by Argonne, Miller's by RIKEN Wako.
    layout = view.canvas.layout_data
    assert layout is not None
    argonne, wako = layout.rows
    assert visits["near"] in {b.visit_id for b in argonne.bars}
    assert visits["running"] in {b.visit_id for b in wako.bars}
    view.set_grouping(Grouping.PERSON)
    assert view.canvas.row_labels()[0] == "Dana Miller"


def test_click_on_a_bar_opens_its_visit(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    canvas = view.canvas
    bar = canvas.bar_by_id(visits["near"])
    assert bar is not None
    point = canvas.bar_rect(bar).center().toPoint()
    with qtbot.waitSignal(view.visit_activated, timeout=2000) as blocker:
        qtbot.mouseClick(canvas.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == [visits["near"]]
    assert canvas.selected_id == visits["near"]


def test_click_beside_the_bars_opens_nothing(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    with qtbot.assertNotEmitted(view.visit_activated):
        qtbot.mouseClick(
            view.canvas.viewport(),
            Qt.MouseButton.LeftButton,
            pos=QPoint(LABEL_WIDTH + 5, view.canvas.viewport().height() - 5),
        )


def test_keyboard_selects_and_opens_and_scrolls(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    canvas = view.canvas
    canvas.setFocus()
    qtbot.waitUntil(canvas.hasFocus)
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    first = canvas.selected_id
    assert first is not None
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.selected_id not in (None, first)
    selected = canvas.selected_id
    with qtbot.waitSignal(view.visit_activated, timeout=2000) as blocker:
        qtbot.keyClick(canvas, Qt.Key.Key_Return)
    assert blocker.args == [selected]

    start = canvas.first_day
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.first_day == pytest.approx(start + 1)
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert canvas.first_day == pytest.approx(start + 32)
    qtbot.keyClick(canvas, Qt.Key.Key_PageUp)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.first_day == pytest.approx(start)
    qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.first_day == pytest.approx(start)


def test_navigation_buttons_and_scroll_bar(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    canvas = view.canvas
    start = canvas.first_day
    qtbot.mouseClick(view.next_button, Qt.MouseButton.LeftButton)
    assert canvas.first_day == pytest.approx(start + 31)
    assert view.range_label.text() == "25 Mar 2027 – 24 Apr 2027"
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.previous_button, Qt.MouseButton.LeftButton)
    assert canvas.first_day == pytest.approx(start - 31)
    qtbot.mouseClick(view.today_button, Qt.MouseButton.LeftButton)
    assert canvas.first_day == pytest.approx(start)
    bar = canvas.horizontalScrollBar()
    bar.setValue(bar.value() + round(10 * canvas.day_px))
    assert canvas.first_day == pytest.approx(start + 10, abs=0.05)


def test_today_line_is_at_todays_x(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    canvas = view.canvas
    x = canvas.today_x()
    assert canvas.x_of(TODAY.toordinal()) < x < canvas.x_of(TODAY.toordinal() + 1)
    assert LABEL_WIDTH < x < canvas.viewport().width()
    # The painted pixel there is the today line's red, below the rows.
    image = canvas.viewport().grab().toImage()
    ratio = image.devicePixelRatio()
    y = canvas.viewport().height() - 10
    colour = QColor(image.pixel(round(x * ratio), round(y * ratio)))
    assert colour.red() > 180 and colour.green() < 90 and colour.blue() < 90
    # A few pixels to the side it is not.
    beside = QColor(image.pixel(round((x + 6) * ratio), round(y * ratio)))
    assert not (beside.red() > 180 and beside.green() < 90)


def test_bars_line_up_with_the_ruler(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    canvas = view.canvas
    bar = canvas.bar_by_id(visits["near"])
    assert bar is not None
    rect = canvas.bar_rect(bar)
    assert rect.left() == pytest.approx(canvas.x_of(day(2).toordinal()) + 1)
    assert rect.right() == pytest.approx(canvas.x_of(day(9).toordinal()) - 1)
    assert rect.top() >= RULER_HEIGHT
    assert rect.height() < LANE_HEIGHT


def test_month_and_quarter_scales(qtbot: QtBot, services: Services, visits: dict[str, int]) -> None:
    view = make_view(qtbot, services)
    canvas = view.canvas
    assert view.scale is Scale.MONTH
    month_px = canvas.day_px
    assert canvas.visible_days == pytest.approx(31)
    centre = canvas.first_day + canvas.visible_days / 2
    view.scale_combo.setCurrentIndex(view.scale_combo.findData("quarter"))
    assert view.scale is Scale.QUARTER
    assert canvas.visible_days == pytest.approx(92)
    assert canvas.day_px == pytest.approx(month_px * 31 / 92)
    assert canvas.first_day + canvas.visible_days / 2 == pytest.approx(centre)
    # Farther visits come into view at the quarter scale.
    first, last = canvas.visible_range()
    assert (last - first).days >= 90
    view.set_scale(Scale.MONTH)
    assert canvas.day_px == pytest.approx(month_px)


def test_changes_reload_once_per_burst(
    qtbot: QtBot, services: Services, visits: dict[str, int], sample: Sample
) -> None:
    view = make_view(qtbot, services)
    before = view.queries
    new = add_visit(services, sample, day(10), day(12), VisitStatus.APPROVED)
    for _ in range(3):
        view.on_change(Change("visit", (new,), AuditAction.CREATE))
    qtbot.waitUntil(lambda: view.canvas.bar_by_id(new) is not None)
    QApplication.processEvents()
    assert view.queries == before + 1
    view.on_change(Change("event", (1,), AuditAction.UPDATE))
    QApplication.processEvents()
    assert view.queries == before + 1


def test_small_scrolls_do_not_query(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = make_view(qtbot, services)
    before = view.queries
    for _ in range(10):
        view.canvas.scroll_days(1)
    view.canvas.viewport().repaint()
    assert view.queries == before


def test_a_thousand_visits_build_only_the_visible_window(qtbot: QtBot, services: Services) -> None:
    today = date(2026, 11, 27)
    populate_demo(services, synthetic_visits=1000, seed=1, today=today)
    total = services.visits.count()
    view = make_view(qtbot, services, today)
    view.set_scale(Scale.QUARTER)
    view.set_grouping(Grouping.INSTITUTION)
    canvas = view.canvas
    layout = canvas.layout_data
    assert layout is not None
    # The loaded window is the visible one plus one screen width each side, no more.
    first, last = canvas.visible_range()
    shown_days = (last - first).days + 1
    assert (layout.end - layout.start).days + 1 <= 3 * shown_days + 2
    assert layout.start <= first and last <= layout.end
    in_window = services.visits.summaries(
        VisitFilter(overlapping_from=layout.start, overlapping_to=layout.end)
    )
    assert layout.bar_count == len(in_window)
    assert 0 < layout.bar_count < total / 3
    visible = canvas.visible_bars()
    assert 0 < len(visible) <= layout.bar_count
    # Painting a screen keeps the same items: no reads, no new layout.
    queries = view.queries
    canvas.viewport().repaint()
    assert view.queries == queries and canvas.layout_data is layout


def test_tab_reaches_the_timeline(qtbot: QtBot, services: Services, visits: dict[str, int]) -> None:
    view = make_view(qtbot, services)
    view.next_button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(view.next_button.hasFocus)
    qtbot.keyClick(view.next_button, Qt.Key.Key_Tab)
    qtbot.waitUntil(view.canvas.hasFocus)
    view.setFocus()
    qtbot.waitUntil(view.canvas.hasFocus)  # the view hands focus to the canvas


def test_tooltip_names_the_status(qtbot: QtBot, services: Services, visits: dict[str, int]) -> None:
    view = make_view(qtbot, services)
    canvas = view.canvas
    bar = canvas.bar_by_id(visits["running"])
    assert bar is not None
    point = canvas.bar_rect(bar).center().toPoint()
    event = QHelpEvent(QEvent.Type.ToolTip, point, canvas.viewport().mapToGlobal(point))
    QApplication.sendEvent(canvas.viewport(), event)
    qtbot.waitUntil(lambda: bool(QToolTip.text()))
    text = QToolTip.text()
    assert "Status: In progress" in text and bar.visit.code in text
    assert "Dana Miller" in text


def test_a_hidden_timeline_reads_only_once_shown(
    qtbot: QtBot, services: Services, visits: dict[str, int]
) -> None:
    view = TimelineView(services, today=TODAY)
    qtbot.addWidget(view)
    view.on_change(Change("visit", (visits["near"],), AuditAction.UPDATE))
    qtbot.waitUntil(lambda: not view._reload_timer.isActive())
    assert view.queries == 0
    view.resize(1200, 720)
    view.show()
    qtbot.waitExposed(view)
    assert view.queries == 1
    assert view.canvas.bar_by_id(visits["near"]) is not None
