"""The painted part of the timeline: date ruler, row labels, visit bars and the today line.

A :class:`QAbstractScrollArea` that paints only what its viewport shows. Visits are read
through a loader callback for the visible window plus one screen width either side, and read
again only when scrolling leaves that window — never while painting. Brushes, fonts and
elided labels are cached.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QToolTip, QWidget

from planner.domain.entities import VisitSummary
from planner.domain.enums import VisitStatus
from planner.ui.common.formats import (
    day_month,
    day_month_year,
    month_abbreviation,
    month_year,
)
from planner.ui.common.gc_pause import collection_paused
from planner.ui.common.labels import status_colour, status_label
from planner.ui.timeline.timeline_layout import (
    SCALE_DAYS,
    Grouping,
    Scale,
    TimelineBar,
    TimelineLayout,
    TimelineRow,
    build_layout,
    visitor_label,
)

#: ``loader(first, last)`` → the visits overlapping ``[first, last]``.
Loader = Callable[[date, date], Sequence[VisitSummary]]

LABEL_WIDTH = 240
BAND_HEIGHT = 20
RULER_HEIGHT = 3 * BAND_HEIGHT
LANE_HEIGHT = 26
BAR_MARGIN = 4
MIN_DAY_PX = 2.0
TEXT_PAD = 5
#: Extra days beyond the data shown at each end of the scroll range.
EXTENT_MARGIN_DAYS = 92

_TODAY_COLOUR = QColor("#d32f2f")
_WEEKEND_ALPHA = 22


def month_start(day: date) -> date:
    """The first day of *day*'s month."""
    return day.replace(day=1)


def next_month(day: date) -> date:
    """The first day of the month after *day*'s."""
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def month_label(month: date, room: float, metrics: QFontMetricsF) -> str:
    """The longest of ``November 2026`` / ``Nov 2026`` / ``Nov`` that fits *room* pixels.

    Nothing rather than a clipped "Nov 202" when not even the month fits.
    """
    for text in (month_year(month), month_year(month, short=True), month_abbreviation(month)):
        # Bold glyphs can overhang their advance by a pixel: keep one spare.
        if metrics.horizontalAdvance(text) + 1 <= room:
            return text
    return ""


class TimelineCanvas(QAbstractScrollArea):
    """Bars of visits on a time axis; ``bar_activated(id)`` on click or Enter.

    The horizontal scroll bar moves through time (its range covers every visit, padded),
    the vertical one through rows. ``loaded(first, last, bars)`` fires after each read.
    """

    bar_activated = Signal(int)
    loaded = Signal(object, object, int)
    window_changed = Signal()

    def __init__(self, loader: Loader, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineCanvas")
        self._loader = loader
        self.today = today
        self.scale = Scale.MONTH
        self.grouping = Grouping.PERSON
        self.layout_data: TimelineLayout | None = None
        self.selected_id: int | None = None
        self._extent = (
            today.toordinal() - EXTENT_MARGIN_DAYS,
            today.toordinal() + EXTENT_MARGIN_DAYS,
        )
        self.day_px = 30.0
        self.first_day = float(today.toordinal() - 7)
        self._updating_bars = False
        self.load_count = 0

        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setViewportMargins(0, 0, 0, 0)
        self.viewport().setMouseTracking(False)
        self.setAccessibleName(QCoreApplication.translate("Timeline", "Timeline of visits"))

        self._bar_font = QFont(self.font())
        self._bar_metrics = QFontMetrics(self._bar_font)
        self._ruler_font = QFont(self.font())
        self._ruler_font.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.9))
        self._ruler_metrics = QFontMetrics(self._ruler_font)
        self._label_font = QFont(self.font())
        self._label_metrics = QFontMetrics(self._label_font)
        self._month_font = QFont(self._ruler_font)
        self._month_font.setBold(True)
        self._status_brushes: dict[VisitStatus, QBrush] = {}
        self._status_pens: dict[VisitStatus, QPen] = {}
        self._elided: dict[tuple[int, int], str] = {}
        self._text_widths: dict[int, int] = {}
        self._make_brushes()

        self.horizontalScrollBar().valueChanged.connect(self._on_hscroll)
        self.verticalScrollBar().valueChanged.connect(self._on_vscroll)

    # -- configuration -------------------------------------------------------------------------

    def _make_brushes(self) -> None:
        for status in VisitStatus:
            colour = status_colour(status)
            self._status_brushes[status] = QBrush(colour)
            self._status_pens[status] = QPen(colour.darker(135), 1)
        palette = self.palette()
        self._base_brush = QBrush(palette.color(QPalette.ColorRole.Base))
        self._alt_brush = QBrush(palette.color(QPalette.ColorRole.AlternateBase))
        self._header_brush = QBrush(palette.color(QPalette.ColorRole.Button))
        self._grid_pen = QPen(palette.color(QPalette.ColorRole.Mid), 1)
        light_grid = QColor(palette.color(QPalette.ColorRole.Mid))
        light_grid.setAlpha(70)
        self._light_grid_pen = QPen(light_grid, 1)
        weekend = QColor(palette.color(QPalette.ColorRole.Text))
        weekend.setAlpha(_WEEKEND_ALPHA)
        self._weekend_brush = QBrush(weekend)
        self._text_pen = QPen(palette.color(QPalette.ColorRole.Text))
        self._muted_pen = QPen(palette.color(QPalette.ColorRole.PlaceholderText))
        self._bar_text_pen = QPen(QColor("#ffffff"))
        self._today_pen = QPen(_TODAY_COLOUR, 2)
        self._select_pen = QPen(palette.color(QPalette.ColorRole.Highlight), 3)

    def set_extent(self, first: date | None, last: date | None) -> None:
        """Let the scroll bar cover ``[first, last]`` (and today), with a margin."""
        days = [self.today.toordinal()]
        if first is not None and last is not None:
            days += [first.toordinal(), last.toordinal()]
        self._extent = (min(days) - EXTENT_MARGIN_DAYS, max(days) + EXTENT_MARGIN_DAYS)
        self._update_scrollbars()

    def set_scale(self, scale: Scale) -> None:
        """Show a month or a quarter per screen width, keeping the centre date in place."""
        if scale == self.scale:
            return
        centre = self.first_day + self.visible_days / 2
        self.scale = scale
        self._fit_day_px()
        self.first_day = centre - self.visible_days / 2
        self._elided.clear()
        self._update_scrollbars()
        self.ensure_loaded()
        self.viewport().update()
        self.window_changed.emit()

    def set_grouping(self, grouping: Grouping) -> None:
        """Rows are visitors or host institutions."""
        if grouping == self.grouping:
            return
        self.grouping = grouping
        self.verticalScrollBar().setValue(0)
        self.reload()

    def set_today(self, today: date) -> None:
        """Move the today line."""
        self.today = today
        self.viewport().update()

    # -- geometry ------------------------------------------------------------------------------

    @property
    def body_width(self) -> int:
        """Width of the bar area in pixels."""
        return max(1, self.viewport().width() - LABEL_WIDTH)

    @property
    def body_height(self) -> int:
        """Height of the bar area in pixels."""
        return max(1, self.viewport().height() - RULER_HEIGHT)

    @property
    def visible_days(self) -> float:
        """How many days the bar area shows."""
        return self.body_width / self.day_px

    def visible_range(self) -> tuple[date, date]:
        """The first and last day the bar area shows (at least partly)."""
        first = math.floor(self.first_day)
        last = math.ceil(self.first_day + self.visible_days) - 1
        return date.fromordinal(first), date.fromordinal(max(first, last))

    def x_of(self, day: float) -> float:
        """The viewport x of the start of day ordinal *day*."""
        return LABEL_WIDTH + (day - self.first_day) * self.day_px

    def day_at(self, x: float) -> float:
        """The day ordinal (fractional) at viewport x."""
        return self.first_day + (x - LABEL_WIDTH) / self.day_px

    def y_of_lane(self, lane: int) -> int:
        """The viewport y of the top of *lane*."""
        return RULER_HEIGHT + lane * LANE_HEIGHT - self.verticalScrollBar().value()

    def today_x(self) -> float:
        """Where the today line is drawn: the middle of today's column."""
        return self.x_of(self.today.toordinal() + 0.5)

    def bar_rect(self, bar: TimelineBar) -> QRectF:
        """The bar's rectangle in viewport coordinates."""
        x0 = self.x_of(bar.start)
        x1 = self.x_of(bar.end)
        y = self.y_of_lane(bar.lane) + BAR_MARGIN
        return QRectF(x0 + 1, y, max(2.0, x1 - x0 - 2), LANE_HEIGHT - 2 * BAR_MARGIN)

    def _fit_day_px(self) -> None:
        self.day_px = max(MIN_DAY_PX, self.body_width / SCALE_DAYS[self.scale])

    # -- scrolling -----------------------------------------------------------------------------

    def _update_scrollbars(self) -> None:
        first, last = self._extent
        # Never clamp the current position away: widen the range to include it.
        first = min(first, math.floor(self.first_day))
        last = max(last, math.ceil(self.first_day + self.visible_days))
        self._extent = (first, last)
        bar = self.horizontalScrollBar()
        total = (last - first) * self.day_px
        self._updating_bars = True
        try:
            bar.setRange(0, max(0, round(total - self.body_width)))
            bar.setPageStep(self.body_width)
            bar.setSingleStep(max(1, round(self.day_px)))
            bar.setValue(round((self.first_day - first) * self.day_px))
            lanes = self.layout_data.total_lanes if self.layout_data else 0
            vbar = self.verticalScrollBar()
            vbar.setRange(0, max(0, lanes * LANE_HEIGHT - self.body_height))
            vbar.setPageStep(self.body_height)
            vbar.setSingleStep(LANE_HEIGHT)
        finally:
            self._updating_bars = False

    def _on_hscroll(self, value: int) -> None:
        if self._updating_bars:
            return
        self.first_day = self._extent[0] + value / self.day_px
        self.ensure_loaded()
        self.viewport().update()
        self.window_changed.emit()

    def _on_vscroll(self, _value: int) -> None:
        if not self._updating_bars:
            self.viewport().update()

    def scroll_to_day(self, first_day: float) -> None:
        """Make *first_day* (a day ordinal) the left edge of the bar area."""
        self.first_day = first_day
        self._update_scrollbars()
        self.ensure_loaded()
        self.viewport().update()
        self.window_changed.emit()

    def scroll_days(self, days: float) -> None:
        """Move the window *days* later (negative: earlier)."""
        self.scroll_to_day(self.first_day + days)

    def go_today(self) -> None:
        """Show today near the left, with the weeks ahead in view."""
        lead = 7 if self.scale is Scale.MONTH else 14
        self.scroll_to_day(float(self.today.toordinal() - lead))

    # -- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the visits of the current window again."""
        self.layout_data = None
        self.ensure_loaded()
        self.viewport().update()

    def ensure_loaded(self) -> None:
        """Read visits if the visible days are not all inside the loaded window.

        A hidden canvas reads nothing; it catches up when it is shown.
        """
        if not self.isVisible():
            return
        first, last = self.visible_range()
        current = self.layout_data
        if current is not None and current.start <= first and last <= current.end:
            return
        span = timedelta(days=max(7, (last - first).days + 1))
        start, end = first - span, last + span
        with collection_paused():  # thousands of summaries and bars
            visits = self._loader(start, end)
            self.layout_data = build_layout(visits, self.grouping, start, end)
        self.load_count += 1
        self._elided.clear()
        self._text_widths.clear()
        if self.selected_id is not None and self.bar_by_id(self.selected_id) is None:
            self.selected_id = None
        self._update_scrollbars()
        self.loaded.emit(start, end, self.layout_data.bar_count)

    def bar_by_id(self, visit_id: int) -> TimelineBar | None:
        """The bar of *visit_id* in the loaded window, if any."""
        if self.layout_data is None:
            return None
        return next((b for b in self.layout_data.bars if b.visit_id == visit_id), None)

    def visible_bars(self) -> list[TimelineBar]:
        """Bars at least partly inside the bar area, top to bottom then left to right."""
        data = self.layout_data
        if data is None:
            return []
        top = self.verticalScrollBar().value() // LANE_HEIGHT
        bottom = (self.verticalScrollBar().value() + self.body_height) // LANE_HEIGHT
        first = self.first_day
        last = self.first_day + self.visible_days
        found = [
            bar
            for row in data.rows_between(top, bottom)
            for bar in row.bars
            if top <= bar.lane <= bottom and bar.end > first and bar.start < last
        ]
        found.sort(key=lambda b: (b.lane, b.start))
        return found

    def bar_at(self, point: QPoint | QPointF) -> TimelineBar | None:
        """The bar under viewport *point*, if any."""
        data = self.layout_data
        if data is None or point.x() < LABEL_WIDTH or point.y() < RULER_HEIGHT:
            return None
        lane = int((point.y() - RULER_HEIGHT + self.verticalScrollBar().value()) // LANE_HEIGHT)
        row = data.row_at_lane(lane)
        if row is None:
            return None
        for bar in row.bars:
            if bar.lane == lane and self.bar_rect(bar).contains(QPointF(point)):
                return bar
        return None

    def row_labels(self) -> list[str]:
        """Labels of every row in the loaded window, top to bottom."""
        return [row.label for row in self.layout_data.rows] if self.layout_data else []

    # -- selection -----------------------------------------------------------------------------

    def select(self, visit_id: int | None) -> None:
        """Mark the bar of *visit_id* as selected (Enter opens it), scrolling it into view."""
        self.selected_id = visit_id
        bar = self.bar_by_id(visit_id) if visit_id is not None else None
        if bar is not None:
            vbar = self.verticalScrollBar()
            top = bar.lane * LANE_HEIGHT
            if top < vbar.value():
                vbar.setValue(top)
            elif top + LANE_HEIGHT > vbar.value() + self.body_height:
                vbar.setValue(top + LANE_HEIGHT - self.body_height)
        self.viewport().update()

    def _step_selection(self, step: int) -> None:
        bars = self.visible_bars()
        if not bars:
            return
        ids = [b.visit_id for b in bars]
        if self.selected_id in ids:
            index = max(0, min(len(ids) - 1, ids.index(self.selected_id) + step))
        else:
            index = 0 if step > 0 else len(ids) - 1
        self.select(ids[index])

    # -- events --------------------------------------------------------------------------------

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Keep a month or a quarter per screen width."""
        super().resizeEvent(event)
        self._fit_day_px()
        self._elided.clear()
        self._update_scrollbars()
        self.ensure_loaded()
        self.window_changed.emit()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Read what changed while hidden."""
        super().showEvent(event)
        self._fit_day_px()
        self._update_scrollbars()
        self.ensure_loaded()
        self.window_changed.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Left/Right scroll a day (a week on the quarter scale), Page Up/Down a screen,
        Home goes to today, Up/Down select a bar, Enter opens it."""
        key = event.key()
        step = 1 if self.scale is Scale.MONTH else 7
        if key == Qt.Key.Key_Left:
            self.scroll_days(-step)
        elif key == Qt.Key.Key_Right:
            self.scroll_days(step)
        elif key == Qt.Key.Key_PageUp:
            self.scroll_days(-SCALE_DAYS[self.scale])
        elif key == Qt.Key.Key_PageDown:
            self.scroll_days(SCALE_DAYS[self.scale])
        elif key == Qt.Key.Key_Home:
            self.go_today()
        elif key == Qt.Key.Key_Down:
            self._step_selection(1)
        elif key == Qt.Key.Key_Up:
            self._step_selection(-1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.selected_id is not None:
                self.bar_activated.emit(self.selected_id)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """A click on a bar selects it and opens its visit."""
        if event.button() == Qt.MouseButton.LeftButton:
            bar = self.bar_at(event.position())
            if bar is not None:
                self.select(bar.visit_id)
                self.bar_activated.emit(bar.visit_id)
                event.accept()
                return
        super().mousePressEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802
        """Tooltips: the bar's code, visitor, host, dates and status."""
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            bar = self.bar_at(event.pos())
            if bar is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), bar_tooltip(bar.visit), self.viewport())
            return True
        return super().viewportEvent(event)

    # -- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Paint only what the viewport shows."""
        painter = QPainter(self.viewport())
        try:
            self._paint(painter, QRectF(event.rect()))
        finally:
            painter.end()

    def _paint(self, painter: QPainter, exposed: QRectF) -> None:
        width = self.viewport().width()
        height = self.viewport().height()
        painter.fillRect(exposed, self._base_brush)
        body = QRectF(LABEL_WIDTH, RULER_HEIGHT, width - LABEL_WIDTH, height - RULER_HEIGHT)
        first_day = math.floor(self.first_day)
        last_day = math.ceil(self.first_day + self.visible_days)
        data = self.layout_data
        vvalue = self.verticalScrollBar().value()
        top_lane = vvalue // LANE_HEIGHT
        bottom_lane = (vvalue + self.body_height) // LANE_HEIGHT
        rows = data.rows_between(top_lane, bottom_lane) if data else []

        painter.save()
        painter.setClipRect(body)
        # Alternate row backgrounds, then weekends and the week/month grid.
        for row in rows:
            if row.index % 2:
                y = self.y_of_lane(row.first_lane)
                painter.fillRect(
                    QRectF(LABEL_WIDTH, y, width - LABEL_WIDTH, row.lanes * LANE_HEIGHT),
                    self._alt_brush,
                )
        for day in range(first_day, last_day + 1):
            weekday = date.fromordinal(day).weekday()
            if weekday >= 5:
                painter.fillRect(
                    QRectF(self.x_of(day), RULER_HEIGHT, self.day_px, height), self._weekend_brush
                )
        for day in range(first_day, last_day + 1):
            current = date.fromordinal(day)
            if current.day == 1:
                painter.setPen(self._grid_pen)
            elif current.weekday() == 0:
                painter.setPen(self._light_grid_pen)
            else:
                continue
            x = round(self.x_of(day))
            painter.drawLine(x, RULER_HEIGHT, x, height)
        painter.setPen(self._light_grid_pen)
        for row in rows:
            y = self.y_of_lane(row.first_lane + row.lanes)
            painter.drawLine(LABEL_WIDTH, y, width, y)
        # Today, behind the bars so it never crosses their labels.
        x_today = self.today_x()
        painter.setPen(self._today_pen)
        painter.drawLine(QPointF(x_today, RULER_HEIGHT), QPointF(x_today, height))
        # Bars.
        painter.setFont(self._bar_font)
        view_first, view_last = self.first_day, self.first_day + self.visible_days
        for row in rows:
            for bar in row.bars:
                if bar.end <= view_first or bar.start >= view_last:
                    continue
                if not top_lane <= bar.lane <= bottom_lane:
                    continue
                self._paint_bar(painter, bar)
        painter.restore()

        self._paint_ruler(painter, first_day, last_day, width)
        self._paint_labels(painter, rows, height)
        if data is not None and data.bar_count == 0:
            painter.setPen(self._muted_pen)
            painter.setFont(self._label_font)
            painter.drawText(
                body,
                Qt.AlignmentFlag.AlignCenter,
                QCoreApplication.translate("Timeline", "No visits between %1 and %2")
                .replace("%1", data.start.isoformat())
                .replace("%2", data.end.isoformat()),
            )

    def _paint_bar(self, painter: QPainter, bar: TimelineBar) -> None:
        rect = self.bar_rect(bar)
        status = bar.visit.status
        painter.setPen(self._status_pens[status])
        painter.setBrush(self._status_brushes[status])
        painter.drawRoundedRect(rect, 3, 3)
        if bar.visit_id == self.selected_id:
            painter.setPen(self._select_pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect.adjusted(-2, -2, 2, 2), 4, 4)
        text_width = self._text_widths.get(bar.visit_id)
        if text_width is None:
            text_width = self._bar_metrics.horizontalAdvance(bar.label)
            self._text_widths[bar.visit_id] = text_width
        # Keep the text on screen when the bar starts left of the view.
        left = max(rect.left(), LABEL_WIDTH)
        inside = rect.right() - left - 2 * TEXT_PAD
        # Room after the bar, up to the next bar in its lane.
        room_end = min(self.x_of(bar.label_end - 0.25), float(self.viewport().width()))
        after = room_end - rect.right() - 2 * TEXT_PAD
        if text_width <= inside or (inside >= after and inside >= 24):
            painter.setPen(self._bar_text_pen)
            painter.drawText(
                QRectF(left + TEXT_PAD, rect.top(), inside, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self._elide(bar, int(inside)),
            )
        elif after >= 24:
            painter.setPen(self._text_pen)
            painter.drawText(
                QRectF(rect.right() + TEXT_PAD, rect.top(), after, rect.height()),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self._elide(bar, int(after)),
            )

    def _elide(self, bar: TimelineBar, width: int) -> str:
        key = (bar.visit_id, width)
        text = self._elided.get(key)
        if text is None:
            text = self._bar_metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight, width)
            self._elided[key] = text
        return text

    def _paint_ruler(self, painter: QPainter, first_day: int, last_day: int, width: int) -> None:
        painter.save()
        ruler = QRectF(LABEL_WIDTH, 0, width - LABEL_WIDTH, RULER_HEIGHT)
        painter.setClipRect(ruler)
        painter.fillRect(ruler, self._header_brush)
        right = float(width)
        # Months (top band): the name stays visible while any part of the month is.
        painter.setFont(self._month_font)
        month = month_start(date.fromordinal(first_day))
        while month.toordinal() <= last_day:
            following = next_month(month)
            x0, x1 = self.x_of(month.toordinal()), self.x_of(following.toordinal())
            painter.setPen(self._grid_pen)
            painter.drawLine(QPointF(x0, 0), QPointF(x0, BAND_HEIGHT))
            shown0, shown1 = max(x0, LABEL_WIDTH), min(x1, right)
            # Measured with the painter's own metrics (the device's, not a cached guess).
            text = month_label(month, shown1 - shown0 - 8, QFontMetricsF(painter.font()))
            painter.setPen(self._text_pen)
            painter.drawText(
                QRectF(shown0 + 4, 0, max(0.0, shown1 - shown0 - 8), BAND_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
            month = following
        painter.setFont(self._ruler_font)
        # Weeks (middle band), from each Monday.
        day = first_day - date.fromordinal(first_day).weekday()
        while day <= last_day:
            start = date.fromordinal(day)
            x0, x1 = self.x_of(day), self.x_of(day + 7)
            painter.setPen(self._grid_pen)
            painter.drawLine(QPointF(x0, BAND_HEIGHT), QPointF(x0, RULER_HEIGHT))
            week = start.isocalendar().week
            if self.scale is Scale.MONTH:
                text = QCoreApplication.translate("Timeline", "Week %1 · %2").replace(
                    "%1", str(week)
                )
                text = text.replace("%2", day_month(start))
            else:
                text = QCoreApplication.translate("Timeline", "W%1").replace("%1", str(week))
            shown0, shown1 = max(x0, LABEL_WIDTH), min(x1, right)
            painter.setPen(self._text_pen)
            painter.drawText(
                QRectF(shown0 + 3, BAND_HEIGHT, max(0.0, shown1 - shown0 - 6), BAND_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                self._ruler_metrics.elidedText(
                    text, Qt.TextElideMode.ElideRight, int(max(0.0, shown1 - shown0 - 6))
                ),
            )
            day += 7
        # Days (bottom band): every day number on the month scale, Mondays on the quarter.
        for day in range(first_day, last_day + 1):
            current = date.fromordinal(day)
            if self.scale is Scale.QUARTER and current.weekday() != 0:
                continue
            x0 = self.x_of(day)
            span = self.day_px if self.scale is Scale.MONTH else 7 * self.day_px
            painter.setPen(self._light_grid_pen)
            painter.drawLine(QPointF(x0, 2 * BAND_HEIGHT), QPointF(x0, RULER_HEIGHT))
            is_today = day == self.today.toordinal()
            painter.setPen(self._today_pen if is_today else self._text_pen)
            if self.scale is Scale.MONTH:
                rect = QRectF(x0, 2 * BAND_HEIGHT, span, BAND_HEIGHT)
                align = Qt.AlignmentFlag.AlignCenter
            else:
                rect = QRectF(x0 + 3, 2 * BAND_HEIGHT, span - 3, BAND_HEIGHT)
                align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
            painter.drawText(rect, align, str(current.day))
        # The today marker in the ruler.
        x_today = self.today_x()
        painter.setPen(self._today_pen)
        painter.drawLine(QPointF(x_today, 2 * BAND_HEIGHT), QPointF(x_today, RULER_HEIGHT))
        painter.setPen(self._grid_pen)
        painter.drawLine(LABEL_WIDTH, RULER_HEIGHT - 1, width, RULER_HEIGHT - 1)
        painter.drawLine(LABEL_WIDTH, BAND_HEIGHT, width, BAND_HEIGHT)
        painter.drawLine(LABEL_WIDTH, 2 * BAND_HEIGHT, width, 2 * BAND_HEIGHT)
        painter.restore()

    def _paint_labels(self, painter: QPainter, rows: list[TimelineRow], height: int) -> None:
        painter.save()
        column = QRectF(0, 0, LABEL_WIDTH, height)
        painter.setClipRect(column)
        painter.fillRect(column, self._header_brush)
        painter.setFont(self._month_font)
        painter.setPen(self._text_pen)
        title = (
            QCoreApplication.translate("Timeline", "Visitor")
            if self.grouping is Grouping.PERSON
            else QCoreApplication.translate("Timeline", "Host institution")
        )
        painter.drawText(
            QRectF(8, 0, LABEL_WIDTH - 16, RULER_HEIGHT),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            title,
        )
        painter.setClipRect(QRectF(0, RULER_HEIGHT, LABEL_WIDTH, height - RULER_HEIGHT))
        painter.setFont(self._label_font)
        view_first, view_last = self.first_day, self.first_day + self.visible_days
        for row in rows:
            y = self.y_of_lane(row.first_lane)
            text = self._label_metrics.elidedText(
                row.label, Qt.TextElideMode.ElideRight, LABEL_WIDTH - 16
            )
            in_view = any(b.end > view_first and b.start < view_last for b in row.bars)
            painter.setPen(self._text_pen if in_view else self._muted_pen)
            painter.drawText(
                QRectF(8, y, LABEL_WIDTH - 16, LANE_HEIGHT),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                text,
            )
            painter.setPen(self._light_grid_pen)
            bottom = self.y_of_lane(row.first_lane + row.lanes)
            painter.drawLine(0, bottom, LABEL_WIDTH, bottom)
        painter.restore()
        painter.setPen(self._grid_pen)
        painter.drawLine(LABEL_WIDTH - 1, 0, LABEL_WIDTH - 1, height)
        painter.drawLine(0, RULER_HEIGHT - 1, LABEL_WIDTH, RULER_HEIGHT - 1)


def bar_tooltip(visit: VisitSummary) -> str:
    """The bar's tooltip: code, visitor, direction, dates and status in words."""
    status_word = QCoreApplication.translate("Timeline", "Status")
    return (
        f"{visit.code} — {visitor_label(visit)}\n"
        f"{visit.home_institution} → {visit.host_institution}\n"
        f"{day_month_year(visit.arrival_date)} – {day_month_year(visit.departure_date)}\n"
        f"{status_word}: {status_label(visit.status)}"
    )
