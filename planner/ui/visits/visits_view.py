"""The visits list: a filter box above a sortable table of every visit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QSettings,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import RecordKind, VisitStatus
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.visit_criteria import VisitCriteria
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.common.columns import CODE_SAMPLE, DATE_SAMPLE, STATUS_SAMPLE, ColumnRules
from planner.ui.common.labels import status_label
from planner.ui.common.placeholder import add_placeholder, window_action
from planner.ui.common.preferences import Preferences
from planner.ui.common.roles import ID_ROLE
from planner.ui.common.status import ViewStatus
from planner.ui.visits.visit_filter_bar import VisitFilterBar
from planner.ui.visits.visits_model import Column, VisitFilterProxyModel, VisitTableModel

#: Kinds of change the list follows: visits, and the names it shows of people and places.
SHOWN_KINDS = frozenset(
    {RecordKind.VISIT, RecordKind.PERSON, RecordKind.INSTITUTION, RecordKind.PROJECT}
)

#: How many rows (from the top) set the column widths when the list first fills.
FIT_SAMPLE_ROWS = 50

#: Typical widest texts of the short columns; the visitor's name takes the rest.
_SAMPLES: dict[int, str] = {
    Column.CODE: CODE_SAMPLE,
    Column.HOME: "RIKEN R-CCS Kobe",
    Column.HOST: "RIKEN R-CCS Kobe",
    Column.ARRIVAL: DATE_SAMPLE,
    Column.DEPARTURE: DATE_SAMPLE,
    Column.STATUS: STATUS_SAMPLE,
}

_HEADER_KEY = "VisitsView/header"
#: A date that is wide in every format (a long month name, a two-digit day, a Wednesday).
_WIDE_DATE = date(2027, 9, 29)
_SHOWING_VISITS = QT_TRANSLATE_NOOP("MainWindow", "Showing {shown} of {total} visits")
_COLUMNS_KEY = "VisitsView/columns"


class VisitsView(QWidget):
    """Every visit in a sortable table, narrowed by the words typed in the filter box.

    ``counts_changed(shown, total)`` fires whenever the number of rows shown may have changed;
    ``visit_activated(id)`` on double-click or Enter (the window opens the editor later).
    """

    counts_changed = Signal(int, int)
    visit_activated = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitsView")
        self._services = services
        self._home_institution_id: int | None = None
        self.model = VisitTableModel(services.visits, self)
        self.proxy = VisitFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        # The model holds the visits the criteria let through; total_count is all of them.
        self.status = ViewStatus(self._status_text, self, self.proxy, self.model)
        self.counts_changed.connect(self.status.update)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("visitFilter")
        self.filter_edit.setAccessibleName(
            QCoreApplication.translate("VisitsView", "Filter visits")
        )
        self.filter_edit.setPlaceholderText(
            QCoreApplication.translate(
                "VisitsView", "Filter visits (code, name, 漢字, institution, status…)"
            )
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_bar = VisitFilterBar(self)
        self.filter_bar.criteria_changed.connect(self._apply_criteria)

        self._build_table()
        self._build_placeholder()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table)
        self.setFocusProxy(self.table)

        # Every keystroke filters at once: one pass over precomputed texts (see the model).
        self.filter_edit.textChanged.connect(self._apply_filter)

        # Several changes in a row (an import) cause one update, once control returns to Qt:
        # the ids of each kind are collected until then; a bulk change means a full reload.
        self._pending: dict[RecordKind, set[int]] = {}
        self._reload_all = False
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._catch_up)

        for signal in (
            self.proxy.modelReset,
            self.proxy.layoutChanged,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
        ):
            signal.connect(self._emit_counts)
        self.table.activated.connect(self._on_activated)
        self._columns_fitted = False

    def _build_table(self) -> None:
        """The sortable table of visits, its columns sized by the shared rules."""
        self.table = QTableView(self)
        self.table.setObjectName("visitTable")
        self.table.setAccessibleName(QCoreApplication.translate("VisitsView", "Visits"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        row_height = self.table.fontMetrics().height() + 8
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSortIndicator(Column.ARRIVAL, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.setSortingEnabled(True)
        # The statuses in the interface's language; dates as the first rows show them (the
        # date format is the coordinator's choice).
        statuses = [status_label(s) for s in VisitStatus]
        self.columns = ColumnRules(
            self.table,
            Column.VISITOR,
            {**_SAMPLES, Column.STATUS: statuses},
            measure_rows=FIT_SAMPLE_ROWS,
        )
        self.columns.apply()

    def _build_placeholder(self) -> None:
        """What the list says while there are no visits at all (not: none match the filter)."""
        self.placeholder = add_placeholder(
            self.table,
            QCoreApplication.translate("VisitsView", "No visits yet."),
            [
                (
                    QCoreApplication.translate("VisitsView", "New visit…"),
                    window_action(self, "actionNewVisit"),
                ),
                (
                    QCoreApplication.translate("VisitsView", "Import visits…"),
                    window_action(self, "actionImportVisits"),
                ),
            ],
            model=self.model,
            is_empty=lambda: self.model.total_count == 0,  # the model filters its own rows
        )

    # -- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the visits again from the service, keeping the current visit selected."""
        self._reload_timer.stop()
        self._pending.clear()
        self._reload_all = False
        current = self.current_visit_id()
        self._refresh_choices()
        self.model.refresh()
        if not self._columns_fitted and self.model.rowCount() > 0:
            self.fit_columns()
        if current is not None:
            self.select_visit(current)

    def on_change(self, change: Change) -> None:
        """React to a committed change: soon update the rows it touches.

        A change naming its visits updates just their rows; a person, institution or project
        change the names shown; a bulk change (an import, a restore) reloads everything.
        """
        if not change.concerns(*SHOWN_KINDS):
            return
        if change.is_bulk:
            self._reload_all = True
        else:
            self._pending.setdefault(change.kind, set()).update(change.ids)
        self._reload_timer.start()

    def _catch_up(self) -> None:
        """Apply the changes collected since the last update (see :meth:`on_change`)."""
        if self._reload_all:
            self.reload()
            return
        pending, self._pending = self._pending, {}
        visits = pending.get(RecordKind.VISIT, set())
        people = pending.get(RecordKind.PERSON, set())
        institutions = pending.get(RecordKind.INSTITUTION, set())
        projects = pending.get(RecordKind.PROJECT, set())
        if people or institutions or projects:
            self.model.update_names(people=people, institutions=institutions, projects=projects)
        if institutions or projects:
            self._refresh_choices()  # the filter bar names them too
        if visits:
            self.model.update_visits(visits)
            if not self._columns_fitted and self.model.rowCount() > 0:
                self.fit_columns()

    def set_preferences(self, prefs: Preferences) -> None:
        """Apply the coordinator's home institution (direction filter) and date format."""
        self._home_institution_id = prefs.home_institution_id
        self.model.set_date_format(prefs.date_format.render)
        self.filter_bar.set_date_format(prefs.date_format)
        self._fit_date_columns(prefs.date_format.render(_WIDE_DATE))
        self._refresh_choices()

    def _fit_date_columns(self, sample: str) -> None:
        """Widen the date columns to *sample*, a wide date in the format now shown.

        Widths remembered from another format (ISO dates in English, say) would cut the
        Japanese ones short; a column the coordinator dragged wider keeps its width.
        """
        header = self.table.horizontalHeader()
        for column in (Column.ARRIVAL, Column.DEPARTURE):
            self.columns.samples[column] = (sample,)
            header.resizeSection(
                column, max(header.sectionSize(column), self.columns.width_of(column))
            )

    def _refresh_choices(self) -> None:
        self.filter_bar.set_choices(
            self._services.institutions.list(),
            self._services.projects.list(),
            self._home_institution_id,
        )
        self._apply_criteria(self.filter_bar.criteria())

    def _apply_criteria(self, criteria: VisitCriteria) -> None:
        self.proxy.set_criteria(criteria)
        self._emit_counts()

    @property
    def total_count(self) -> int:
        """Visits loaded."""
        return self.model.total_count

    @property
    def shown_count(self) -> int:
        """Visits the filter lets through."""
        return self.proxy.rowCount()

    # -- filter --------------------------------------------------------------------------------

    def focus_filter(self) -> None:
        """Put the cursor in the filter box with its text selected (Find)."""
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def _apply_filter(self) -> None:
        self.proxy.set_filter_text(self.filter_edit.text())
        self._emit_counts()

    # -- selection -----------------------------------------------------------------------------

    def current_visit_id(self) -> int | None:
        """Id of the visit in the current row, if there is one."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(ID_ROLE)
        return int(value) if value is not None else None

    def select_visit(self, visit_id: int) -> bool:
        """Make the visit with *visit_id* current if the filter shows it."""
        row = self.model.row_of(visit_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return True

    def _on_activated(self, index: QModelIndex) -> None:
        value = index.siblingAtColumn(0).data(ID_ROLE)
        if value is not None:
            self.visit_activated.emit(int(value))

    # -- layout --------------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """Size the short columns to their typical texts; the visitor's name takes the rest.

        Sample texts rather than ``resizeColumnsToContents()``: Qt's version asks the model
        for every role of up to a thousand rows per column (57,000 ``data()`` calls, the
        slowest step of opening the window with 20,000 visits).
        """
        self._columns_fitted = True
        self.columns.apply()

    def save_state(self, settings: QSettings) -> None:
        """Remember column widths, order and sort column."""
        settings.setValue(_HEADER_KEY, self.table.horizontalHeader().saveState())
        settings.setValue(_COLUMNS_KEY, len(Column))

    def restore_state(self, settings: QSettings) -> None:
        """Restore what :meth:`save_state` remembered, if it was saved for these columns."""
        state = settings.value(_HEADER_KEY)
        if not isinstance(state, QByteArray | bytes) or _int(settings.value(_COLUMNS_KEY)) != len(
            Column
        ):
            return
        header = self.table.horizontalHeader()
        if header.restoreState(QByteArray(state)):
            self._columns_fitted = True
            self.columns.restore_modes()
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())

    def _status_text(self) -> str:
        locale = QLocale()
        return QCoreApplication.translate("MainWindow", _SHOWING_VISITS).format(
            shown=locale.toString(self.shown_count), total=locale.toString(self.total_count)
        )

    def _emit_counts(self) -> None:
        self.counts_changed.emit(self.shown_count, self.total_count)


def _int(value: object) -> int | None:
    if isinstance(value, int | str):
        try:
            return int(value)
        except ValueError:
            return None
    return None
