"""The timeline: visits as bars over a month or a quarter, one row per visitor or host.

Above the painted canvas, a tool row picks the scale (month / quarter) and the rows (visitors /
host institutions) and moves through time (◀ Today ▶); below it, a legend of status colours.
A click on a bar, or Enter on the bar selected with Up/Down, emits ``visit_activated(id)``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import VisitSummary
from planner.domain.enums import RecordKind, VisitStatus
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.dashboard import local_today
from planner.services.visits import VisitFilter
from planner.ui.common.formats import day_month_year
from planner.ui.common.labels import status_colour, status_label, status_swatch
from planner.ui.common.view import ViewDefaults
from planner.ui.timeline.timeline_canvas import TimelineCanvas
from planner.ui.timeline.timeline_layout import SCALE_DAYS, Grouping, Scale

#: Changes after which the timeline reloads.
RELOAD_KINDS = frozenset(
    {RecordKind.VISIT, RecordKind.PERSON, RecordKind.INSTITUTION, RecordKind.PROJECT}
)


class TimelineView(ViewDefaults, QWidget):
    """Visits on a time axis; ``visit_activated(id)`` when a bar is clicked or Enter pressed.

    *today* fixes the date of the today line (tests); by default it is the local date.
    """

    visit_activated = Signal(int)

    def __init__(
        self, services: Services, parent: QWidget | None = None, *, today: date | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._services = services
        self._fixed_today = today
        self.queries = 0

        self._build_choosers()
        self._build_navigation()
        self.canvas = TimelineCanvas(self._load, self.today, self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(4)
        layout.addLayout(self._tool_row())
        layout.addWidget(self.canvas, 1)
        layout.addWidget(self._legend())
        self.setFocusProxy(self.canvas)
        self._connect_signals()
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)

        self._read_extent()
        self.canvas.go_today()
        self._update_range_label()

    def _build_choosers(self) -> None:
        """The scale (month, quarter) and what the rows are (visitors, host institutions)."""
        self.scale_combo = QComboBox(self)
        self.scale_combo.setObjectName("timelineScale")
        self.scale_combo.addItem(QCoreApplication.translate("Timeline", "Month"), Scale.MONTH.value)
        self.scale_combo.addItem(
            QCoreApplication.translate("Timeline", "Quarter"), Scale.QUARTER.value
        )
        self.scale_combo.setAccessibleName(QCoreApplication.translate("Timeline", "Scale"))
        self.group_combo = QComboBox(self)
        self.group_combo.setObjectName("timelineGrouping")
        self.group_combo.addItem(
            QCoreApplication.translate("Timeline", "Visitors"), Grouping.PERSON.value
        )
        self.group_combo.addItem(
            QCoreApplication.translate("Timeline", "Host institutions"), Grouping.INSTITUTION.value
        )
        self.group_combo.setAccessibleName(QCoreApplication.translate("Timeline", "Rows"))

    def _build_navigation(self) -> None:
        """Earlier, Today and Later, and the date range shown."""
        self.previous_button = QToolButton(self)
        self.previous_button.setObjectName("timelinePrevious")
        self.previous_button.setText("◀")
        self.previous_button.setToolTip(QCoreApplication.translate("Timeline", "Earlier (Page Up)"))
        self.today_button = QPushButton(QCoreApplication.translate("Timeline", "Today"), self)
        self.today_button.setObjectName("timelineToday")
        self.today_button.setToolTip(QCoreApplication.translate("Timeline", "Go to today (Home)"))
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("timelineNext")
        self.next_button.setText("▶")
        self.next_button.setToolTip(QCoreApplication.translate("Timeline", "Later (Page Down)"))
        self.range_label = QLabel(self)
        self.range_label.setObjectName("timelineRange")
        font = self.range_label.font()
        font.setBold(True)
        self.range_label.setFont(font)
        # The date range is a caption: it may be cut short before it widens the window.
        self.range_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def _tool_row(self) -> QHBoxLayout:
        """The choosers and the navigation in one row above the canvas."""
        scale_label = QLabel(QCoreApplication.translate("Timeline", "&Scale:"), self)
        scale_label.setBuddy(self.scale_combo)
        group_label = QLabel(QCoreApplication.translate("Timeline", "&Rows:"), self)
        group_label.setBuddy(self.group_combo)
        tools = QHBoxLayout()
        tools.setSpacing(6)
        tools.addWidget(scale_label)
        tools.addWidget(self.scale_combo)
        tools.addSpacing(12)
        tools.addWidget(group_label)
        tools.addWidget(self.group_combo)
        tools.addSpacing(18)
        tools.addWidget(self.previous_button)
        tools.addWidget(self.today_button)
        tools.addWidget(self.next_button)
        tools.addSpacing(12)
        tools.addWidget(self.range_label)
        tools.addStretch(1)
        return tools

    def _legend(self) -> QWidget:
        """What each status colour and the red line mean, below the canvas."""
        legend = QHBoxLayout()
        legend.setSpacing(14)
        legend.addWidget(QLabel(QCoreApplication.translate("Timeline", "Status:"), self))
        for status in VisitStatus:
            swatch = QLabel(self)
            swatch.setPixmap(status_swatch(status_colour(status)).pixmap(12, 12))
            legend.addWidget(swatch)
            text = QLabel(status_label(status), self)
            legend.addWidget(text)
            legend.addSpacing(4)
        today_text = QLabel(QCoreApplication.translate("Timeline", "│ red line: today"), self)
        today_text.setStyleSheet("color: #d32f2f")
        legend.addWidget(today_text)
        legend.addStretch(1)
        # The legend may be cut off in a narrow window rather than force the window wider.
        legend_box = QWidget(self)
        legend_box.setLayout(legend)
        legend.setContentsMargins(0, 0, 0, 0)
        legend_box.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        return legend_box

    def _connect_signals(self) -> None:
        """Choosers, buttons and the canvas drive the view."""
        self.scale_combo.currentIndexChanged.connect(self._on_scale)
        self.group_combo.currentIndexChanged.connect(self._on_grouping)
        self.previous_button.clicked.connect(self.go_previous)
        self.next_button.clicked.connect(self.go_next)
        self.today_button.clicked.connect(self.go_today)
        self.canvas.bar_activated.connect(self.visit_activated)
        self.canvas.window_changed.connect(self._update_range_label)

    # -- data ----------------------------------------------------------------------------------

    @property
    def today(self) -> date:
        """The date of the today line."""
        return self._fixed_today if self._fixed_today is not None else local_today()

    def _load(self, first: date, last: date) -> Sequence[VisitSummary]:
        self.queries += 1
        return self._services.visits.summaries(
            VisitFilter(overlapping_from=first, overlapping_to=last)
        )

    def _read_extent(self) -> None:
        extent = self._services.dashboard.date_extent()
        first, last = extent if extent is not None else (None, None)
        self.canvas.set_extent(first, last)

    def reload(self) -> None:
        """Read the visits of the shown window again (and the range the scroll bar covers)."""
        self._reload_timer.stop()
        self.canvas.set_today(self.today)
        self._read_extent()
        self.canvas.reload()

    def on_change(self, change: Change) -> None:
        """Reload soon (once per burst of changes) if *change* touches what is shown."""
        if change.concerns(*RELOAD_KINDS):
            self._reload_timer.start()

    # -- navigation ----------------------------------------------------------------------------

    @property
    def scale(self) -> Scale:
        """Month or quarter."""
        return self.canvas.scale

    @property
    def grouping(self) -> Grouping:
        """Rows by visitor or by host institution."""
        return self.canvas.grouping

    def set_scale(self, scale: Scale | str) -> None:
        """Show a month or a quarter per screen width."""
        self.scale_combo.setCurrentIndex(self.scale_combo.findData(Scale(scale).value))

    def set_grouping(self, grouping: Grouping | str) -> None:
        """Rows are visitors (``person``) or host institutions (``institution``)."""
        self.group_combo.setCurrentIndex(self.group_combo.findData(Grouping(grouping).value))

    def go_today(self) -> None:
        """Bring today into view."""
        self.canvas.go_today()

    def go_previous(self) -> None:
        """One screen earlier."""
        self.canvas.scroll_days(-SCALE_DAYS[self.canvas.scale])

    def go_next(self) -> None:
        """One screen later."""
        self.canvas.scroll_days(SCALE_DAYS[self.canvas.scale])

    def show_date(self, day: date) -> None:
        """Scroll so that *day* is the first day shown."""
        self.canvas.scroll_to_day(float(day.toordinal()))

    def _on_scale(self, _index: int) -> None:
        self.canvas.set_scale(Scale(self.scale_combo.currentData()))

    def _on_grouping(self, _index: int) -> None:
        self.canvas.set_grouping(Grouping(self.group_combo.currentData()))

    def _update_range_label(self) -> None:
        first, last = self.canvas.visible_range()
        self.range_label.setText(f"{_long(first)} – {_long(last)}")


def _long(day: date) -> str:
    return day_month_year(day)


__all__ = ["Grouping", "Scale", "TimelineView"]
