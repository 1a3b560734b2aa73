"""The dashboard the application opens on: what arrives, leaves, runs and needs attention.

Sections (each a group box with a title and a count, a small table, or a sentence when empty):
visits by status; arrivals and departures in the next 14 days; visits in progress; visits
whose status lags behind their dates; and — once a provider is set — paperwork overdue or due
within 14 days. Double-click or Enter on an entry emits ``visit_activated(id)``; Tab moves
from section to section.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QLocale, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import RecordKind, VisitStatus
from planner.services.changes import Change
from planner.services.container import Services
from planner.services.dashboard import (
    DEFAULT_HORIZON_DAYS,
    DashboardSnapshot,
    PaperworkDue,
    local_today,
)
from planner.ui.common.columns import CODE_SAMPLE, Sample, apply_column_rules
from planner.ui.common.formats import long_date
from planner.ui.common.labels import status_label
from planner.ui.common.roles import VISIT_ID_ROLE
from planner.ui.common.status import ViewStatus
from planner.ui.common.view import ViewDefaults
from planner.ui.dashboard.dashboard_model import (
    PAPERWORK_HEADERS,
    VISIT_HEADERS,
    DashboardRow,
    DashboardSectionModel,
    RowTexts,
    StatusCountModel,
    VisitRows,
    dark_palette,
    paperwork_row,
)

#: Changes after which the dashboard reloads.
RELOAD_KINDS = frozenset(
    {
        RecordKind.VISIT,
        RecordKind.PERSON,
        RecordKind.INSTITUTION,
        RecordKind.PROJECT,
        RecordKind.PAPERWORK_ITEM,
    }
)

#: ``provider(today, days)`` → paperwork items overdue or due within *days* of *today*.
PaperworkProvider = Callable[[date, int], Sequence[PaperworkDue]]

#: Rows a section table shows without scrolling (more scroll inside the section).
VISIBLE_ROWS = 4

#: Typical texts that set the width of each short column of a section table.
_COLUMN_SAMPLES = {
    DashboardSectionModel.WHEN: "in 14 days",
    DashboardSectionModel.DATE: "Wed 28 Sep",
    DashboardSectionModel.CODE: CODE_SAMPLE,
    DashboardSectionModel.HOST: "RIKEN R-CCS Kobe",
}

#: Below this width the sections stack in one column: side by side, each would be too
#: narrow for its names (at 1024×700 the host and status hid behind a scrollbar).
TWO_COLUMNS_WIDTH = 1300


#: The horizons the coordinator may choose, in days.
HORIZON_CHOICES = (14, 30, 60, 90)
_HORIZON_KEY = "Dashboard/horizonDays"


class DashboardSection(QGroupBox):
    """One titled section: a table of entries, or a sentence saying there are none."""

    activated = Signal(int)

    def __init__(
        self,
        key: str,
        title: str,
        empty_text: str,
        headers: Sequence[str] = VISIT_HEADERS,
        parent: QWidget | None = None,
        *,
        status_sample: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"dashboard_{key}")
        self.key = key
        self._title = title
        self.model = DashboardSectionModel(headers, self)

        self.table = QTableView(self)
        self.table.setObjectName(f"dashboard_{key}_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab goes to the next section
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        # Widths from sample texts, not ResizeToContents: that asks the model for every cell
        # of every row (hundreds of thousands of data() calls with 100,000 visits). The
        # visitor's name (and the paperwork section's document) take what is left.
        statuses = [status_sample] if status_sample else [status_label(s) for s in VisitStatus]
        samples: dict[int, Sample] = {**_COLUMN_SAMPLES, DashboardSectionModel.STATUS: statuses}
        stretch = [DashboardSectionModel.VISITOR]
        if headers is not VISIT_HEADERS:  # the paperwork section: its document is a title
            del samples[DashboardSectionModel.HOST]
            stretch.append(DashboardSectionModel.HOST)
        self.columns = apply_column_rules(self.table, stretch, samples)
        header.setHighlightSections(False)
        self.table.setAccessibleName(title)
        self.table.activated.connect(self._on_activated)

        self.empty_label = QLabel(empty_text, self)
        self.empty_label.setObjectName(f"dashboard_{key}_empty")
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setEnabled(False)  # drawn in the palette's muted text colour

        self._stack = QStackedWidget(self)
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self._stack)
        rows_height = self.table.verticalHeader().defaultSectionSize() * VISIBLE_ROWS
        self._stack.setMinimumHeight(rows_height + header.sizeHint().height() + 4)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.set_rows([])

    def set_texts(self, title: str, empty_text: str) -> None:
        """Give the section a new *title* and empty sentence (the horizon changed)."""
        self._title = title
        self.table.setAccessibleName(title)
        self.empty_label.setText(empty_text)
        self.setTitle(f"{title} ({self.model.rowCount()})")

    def set_rows(self, rows: Sequence[DashboardRow]) -> None:
        """Show *rows*, or the empty sentence when there are none; the title counts them."""
        current = self.current_visit_id()
        self.model.set_rows(rows)
        self.setTitle(f"{self._title} ({len(rows)})")
        if rows:
            self._stack.setCurrentWidget(self.table)
            self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            if current is not None and current in self.model.visit_ids():
                self.table.selectRow(self.model.visit_ids().index(current))
        else:
            self._stack.setCurrentWidget(self.empty_label)
            self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    @property
    def is_empty(self) -> bool:
        """Whether the section shows its empty sentence."""
        return self.model.rowCount() == 0

    def current_visit_id(self) -> int | None:
        """The visit of the current row, if any."""
        index = self.table.currentIndex()
        value = index.data(VISIT_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.data(VISIT_ID_ROLE)
        if value is not None:
            self.activated.emit(int(value))


class DashboardView(ViewDefaults, QWidget):
    """The coordinator's overview; ``visit_activated(id)`` when an entry is opened.

    *today* fixes the date the dashboard counts from (tests); by default it is the local date
    at each reload. Connect :meth:`on_change` to the change bridge so it stays current.
    """

    visit_activated = Signal(int)

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        horizon_days: int = DEFAULT_HORIZON_DAYS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self._services = services
        self._today = today
        self.horizon_days = horizon_days
        self._paperwork: PaperworkProvider | None = None
        self.snapshot: DashboardSnapshot | None = None
        self._stale = False

        self._build_heading()
        self._build_counts()
        self._build_sections()
        self._build_horizon()
        self._build_layout()
        self.status = ViewStatus(
            self._status_text, self, self.arrivals.model, self.departures.model
        )
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)

        self._use_service_paperwork(services)
        # Loaded when first shown (or by reload()): a window that opens on another view, or
        # reloads the dashboard itself right after building it, reads the data only once.
        self._stale = True

    def _build_heading(self) -> None:
        """The date line, larger and bold."""
        self.heading = QLabel(self)
        self.heading.setObjectName("dashboardHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.heading.setFont(font)

    def _build_counts(self) -> None:
        """The visits counted by status, as one wrapping row."""
        self.counts_box = QGroupBox(
            QCoreApplication.translate("Dashboard", "Visits by status"), self
        )
        self.counts_box.setObjectName("dashboard_counts")
        self.counts_model = StatusCountModel(self)
        self.counts_view = QListView(self.counts_box)
        self.counts_view.setObjectName("dashboard_counts_view")
        self.counts_view.setModel(self.counts_model)
        self.counts_view.setFlow(QListView.Flow.LeftToRight)
        self.counts_view.setWrapping(True)
        self.counts_view.setSpacing(4)
        self.counts_view.setFrameShape(QFrame.Shape.NoFrame)
        self.counts_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.counts_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.counts_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counts_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.counts_view.viewport().setAutoFillBackground(False)
        self.counts_view.setFixedHeight(self.counts_view.fontMetrics().height() + 16)
        counts_layout = QVBoxLayout(self.counts_box)
        counts_layout.setContentsMargins(6, 2, 6, 2)
        counts_layout.addWidget(self.counts_view)

    def _build_sections(self) -> None:
        """The arrivals, departures, in-progress, behind-the-dates and paperwork lists."""
        self.arrivals = DashboardSection("arrivals", "", "")
        self.departures = DashboardSection("departures", "", "")
        self.in_progress = DashboardSection(
            "in_progress",
            QCoreApplication.translate("Dashboard", "In progress (by departure date)"),
            QCoreApplication.translate("Dashboard", "No visits in progress today"),
        )
        self.needs_update = DashboardSection(
            "needs_update",
            QCoreApplication.translate("Dashboard", "Status behind the dates"),
            QCoreApplication.translate("Dashboard", "Every visit's status agrees with its dates"),
            status_sample="In progress — should be completed",
        )
        self.paperwork = DashboardSection(
            "paperwork", "", "", PAPERWORK_HEADERS, status_sample="Not started — blocking"
        )
        self._title_horizon_sections()
        self.paperwork.setVisible(False)
        self.sections: dict[str, DashboardSection] = {
            s.key: s
            for s in (
                self.arrivals,
                self.departures,
                self.in_progress,
                self.needs_update,
                self.paperwork,
            )
        }
        for section in self.sections.values():
            section.activated.connect(self.visit_activated)

    def _title_horizon_sections(self) -> None:
        """Title the sections that look *horizon_days* ahead."""
        days = self.horizon_days
        self.arrivals.set_texts(
            QCoreApplication.translate("Dashboard", "Arrivals — next %n days", None, days),
            QCoreApplication.translate("Dashboard", "No arrivals in the next %n days", None, days),
        )
        self.departures.set_texts(
            QCoreApplication.translate("Dashboard", "Departures — next %n days", None, days),
            QCoreApplication.translate(
                "Dashboard", "No departures in the next %n days", None, days
            ),
        )
        self.paperwork.set_texts(
            QCoreApplication.translate(
                "Dashboard", "Paperwork overdue or due within %n days", None, days
            ),
            QCoreApplication.translate(
                "Dashboard", "No paperwork overdue or due in the next %n days", None, days
            ),
        )

    def _build_horizon(self) -> None:
        """The "Look ahead" choice of 14, 30, 60 or 90 days."""
        self.horizon_combo = QComboBox(self)
        self.horizon_combo.setObjectName("dashboardHorizon")
        label = QLabel(QCoreApplication.translate("Dashboard", "&Look ahead:"), self)
        label.setBuddy(self.horizon_combo)
        self.horizon_combo.setAccessibleName(QCoreApplication.translate("Dashboard", "Look ahead"))
        for days in HORIZON_CHOICES:
            self.horizon_combo.addItem(
                QCoreApplication.translate("Dashboard", "%n days", None, days), days
            )
        self._select_horizon(self.horizon_days)
        self.horizon_combo.currentIndexChanged.connect(self._horizon_chosen)
        self.horizon_row = QHBoxLayout()
        self.horizon_row.addStretch(1)
        self.horizon_row.addWidget(label)
        self.horizon_row.addWidget(self.horizon_combo)

    def _select_horizon(self, days: int) -> None:
        index = self.horizon_combo.findData(days)
        if index < 0:  # a horizon not on the list (tests, older settings): offer it too
            self.horizon_combo.addItem(
                QCoreApplication.translate("Dashboard", "%n days", None, days), days
            )
            index = self.horizon_combo.count() - 1
        self.horizon_combo.setCurrentIndex(index)

    def _horizon_chosen(self, _index: int) -> None:
        days = self.horizon_combo.currentData()
        if isinstance(days, int):
            self.set_horizon_days(days)

    def set_horizon_days(self, days: int) -> None:
        """Look *days* ahead for arrivals, departures and paperwork; reload if it changed."""
        if days <= 0 or days == self.horizon_days:
            return
        self.horizon_days = days
        self._select_horizon(days)
        self._title_horizon_sections()
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def save_state(self, settings: QSettings) -> None:
        """Remember the horizon chosen (UI state, not a per-database choice)."""
        settings.setValue(_HORIZON_KEY, self.horizon_days)

    def restore_state(self, settings: QSettings) -> None:
        """Take back the horizon :meth:`save_state` remembered, if it is one offered."""
        value = settings.value(_HORIZON_KEY)
        try:
            days = int(str(value))
        except ValueError:
            return
        if days in HORIZON_CHOICES:
            self.set_horizon_days(days)

    def _status_text(self) -> str:
        locale = QLocale()
        return QCoreApplication.translate(
            "Dashboard", "Next {days} days: {arrivals} arriving, {departures} leaving"
        ).format(
            days=locale.toString(self.horizon_days),
            arrivals=locale.toString(self.arrivals.model.rowCount()),
            departures=locale.toString(self.departures.model.rowCount()),
        )

    def _build_layout(self) -> None:
        """Heading and counts across the top, the lists in a two-column grid, all scrolling."""
        content = QWidget(self)
        content.setObjectName("dashboardContent")
        grid = QGridLayout(content)
        grid.setContentsMargins(8, 8, 8, 8)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        grid.addWidget(self.heading, 0, 0)
        grid.addLayout(self.horizon_row, 0, 1)
        grid.addWidget(self.counts_box, 1, 0, 1, 2)
        self._grid = grid
        self._two_columns: bool | None = None
        self._arrange(two_columns=False)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.setFocusProxy(self.arrivals.table)

    def _arrange(self, *, two_columns: bool) -> None:
        """Place the sections side by side in pairs, or stacked in one column."""
        if two_columns == self._two_columns:
            return
        self._two_columns = two_columns
        grid = self._grid
        pairs = ((self.arrivals, self.departures), (self.in_progress, self.needs_update))
        for widget in (*pairs[0], *pairs[1], self.paperwork):
            grid.removeWidget(widget)
        for row in range(2, 8):
            grid.setRowStretch(row, 0)
        row = 2
        for left, right in pairs:
            if two_columns:
                grid.addWidget(left, row, 0)
                grid.addWidget(right, row, 1)
                grid.setRowStretch(row, 1)
                row += 1
            else:
                for widget in (left, right):
                    grid.addWidget(widget, row, 0, 1, 2)
                    grid.setRowStretch(row, 1)
                    row += 1
        grid.addWidget(self.paperwork, row, 0, 1, 2)
        self._paperwork_row = row
        grid.setRowStretch(row, 1 if self.paperwork.isVisibleTo(self) else 0)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1 if two_columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        """Two columns of sections when there is room for them, else one."""
        super().resizeEvent(event)
        self._arrange(two_columns=event.size().width() >= TWO_COLUMNS_WIDTH)

    # -- data ----------------------------------------------------------------------------------

    @property
    def today(self) -> date:
        """The date the dashboard counts from."""
        return self._today if self._today is not None else local_today()

    def set_today(self, today: date | None) -> None:
        """Count from *today* (None: the local date at each reload), and reload."""
        self._today = today
        self.reload()

    def reload(self) -> None:
        """Read every section again from the services."""
        self._reload_timer.stop()
        self._stale = False
        today = self.today
        snapshot = self._services.dashboard.snapshot(today, self.horizon_days)
        self.snapshot = snapshot
        self.heading.setText(
            QCoreApplication.translate("Dashboard", "Today is %1").replace("%1", long_date(today))
        )
        self.counts_model.set_counts(snapshot.status_counts)
        total = self.counts_model.total()  # a plain name: lupdate skips calls with expressions
        self.counts_box.setTitle(
            QCoreApplication.translate("Dashboard", "Visits by status (%n in all)", None, total)
        )
        texts = RowTexts(dark=dark_palette())
        self.arrivals.set_rows(VisitRows(snapshot.arrivals, texts))
        self.departures.set_rows(VisitRows(snapshot.departures, texts))
        self.in_progress.set_rows(VisitRows(snapshot.in_progress, texts))
        self.needs_update.set_rows(VisitRows(snapshot.needs_update, texts))
        if self._paperwork is not None:
            items = self._paperwork(today, self.horizon_days)
            self.paperwork.set_rows([paperwork_row(item) for item in items])

    def on_change(self, change: Change) -> None:
        """Reload soon (once per burst of changes) if *change* touches what is shown.

        While the dashboard is hidden it only remembers to reload when it is shown again.
        """
        if not change.concerns(*RELOAD_KINDS):
            return
        if self.isVisible():
            self._reload_timer.start()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Catch up with changes made while hidden."""
        super().showEvent(event)
        if self._stale:
            self.reload()

    # -- paperwork -----------------------------------------------------------------------------

    def set_paperwork_provider(self, provider: PaperworkProvider | None) -> None:
        """Show the paperwork section with the rows *provider(today, days)* returns.

        None hides the section again.
        """
        self._paperwork = provider
        self._show_paperwork(provider is not None)
        if provider is None:
            self.paperwork.set_rows([])
        else:
            self.reload()

    @property
    def has_paperwork_section(self) -> bool:
        """Whether a paperwork provider is set."""
        return self._paperwork is not None

    def _use_service_paperwork(self, services: Services) -> None:
        provider = service_paperwork_provider(services)
        if provider is not None:
            self._paperwork = provider
            self._show_paperwork(True)

    def _show_paperwork(self, shown: bool) -> None:
        self.paperwork.setVisible(shown)
        # A hidden row keeps its stretch in a grid: give it none while it is hidden.
        self._grid.setRowStretch(self._paperwork_row, 1 if shown else 0)


def service_paperwork_provider(services: Services) -> PaperworkProvider | None:
    """A provider over ``services.paperwork.due(within_days, today)``, if that service exists."""
    due = getattr(getattr(services, "paperwork", None), "due", None)
    if not callable(due):
        return None

    def provider(today: date, days: int) -> Sequence[PaperworkDue]:
        return services.dashboard.paperwork_due(due(days, today), today)

    return provider
