"""The people directory: a filter box and New/Edit/Delete above a sortable table of people."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QByteArray, QCoreApplication, QModelIndex, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import Person
from planner.domain.enums import RecordKind
from planner.domain.errors import InUseError, PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.common.columns import ColumnRules
from planner.ui.common.errors import error_message, planner_error_text
from planner.ui.common.form_widgets import show_editor, show_undo_error
from planner.ui.common.operations import LatestOnly, Operation
from planner.ui.common.placeholder import add_placeholder, window_action
from planner.ui.common.roles import ID_ROLE
from planner.ui.common.status import count_status
from planner.ui.common.undo import run_undoable
from planner.ui.people.people_model import (
    PeopleFilterProxyModel,
    PeopleRows,
    PeopleTableModel,
    PersonColumn,
    prepare_people,
)
from planner.ui.people.person_editor import PersonEditor, person_display_name

_HEADER_KEY = "PeopleView/header"
_COLUMNS_KEY = "PeopleView/columns"
_FIT_SAMPLE_ROWS = 50

#: Typical widest texts of the short columns; the name takes the rest.
_SAMPLES: dict[int, str] = {
    PersonColumn.NATIVE_NAME: "森川 健太郎",
    PersonColumn.CATEGORY: "Researcher",
    PersonColumn.HOME: "RIKEN R-CCS Kobe",
    PersonColumn.EMAIL: "m.holloway@example.org",
    PersonColumn.NATIONALITY: "United States (US)",
}

#: Changes after which the directory reloads: people, and the institution names it shows.
SHOWN_KINDS = frozenset({RecordKind.PERSON, RecordKind.INSTITUTION})

#: More changed people than this are read again in full (off the GUI thread).
MAX_ROW_UPDATES = 200


class PeopleView(QWidget):
    """Everyone in the directory, narrowed by the words typed in the filter box.

    Enter or a double-click opens the person editor (and emits ``person_activated(id)``);
    New, Edit and Delete are also buttons and actions (:attr:`new_action`,
    :attr:`edit_action`, :attr:`delete_action`) the window can put in its menus. Every edit
    goes through *undo_stack*.
    """

    person_activated = Signal(int)

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("peopleView")
        self._services = services
        self.undo_stack = undo_stack
        self.model = PeopleTableModel(self)
        self.proxy = PeopleFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.status = count_status(
            self,
            "PeopleView",
            QT_TRANSLATE_NOOP("PeopleView", "Showing {shown} of {total} people"),
            self.proxy,
            self.model,
        )
        #: The editor opened last (tests and the window may drive it); None once closed.
        self.editor: PersonEditor | None = None

        self._build_filter()
        self._build_actions()
        self._build_table()
        buttons = QHBoxLayout()
        buttons.addWidget(self.filter_edit, 1)
        for action in (self.new_action, self.edit_action, self.delete_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.table)
        self.setFocusProxy(self.table)

        # Several changes in a row (an import, undo of many steps) cause one reload.
        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        # Reloads after changes read and prepare the rows on a worker thread: after importing
        # tens of thousands of people, doing it here froze the window for a second or more.
        self._reads = LatestOnly()
        self._reload_timer.timeout.connect(self._request_reload)

        self.table.selectionModel().currentRowChanged.connect(self._update_actions)
        for signal in (self.proxy.modelReset, self.proxy.layoutChanged, self.proxy.rowsRemoved):
            signal.connect(self._update_actions)
        self._columns_fitted = False
        self._update_actions()

    def _build_filter(self) -> None:
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setObjectName("peopleFilter")
        self.filter_edit.setAccessibleName(
            QCoreApplication.translate("PeopleView", "Filter people")
        )
        self.filter_edit.setPlaceholderText(
            QCoreApplication.translate(
                "PeopleView", "Filter people (name, 漢字, institution, e-mail, nationality…)"
            )
        )
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.set_filter_text)

    def _build_actions(self) -> None:
        self.new_action = QAction(QCoreApplication.translate("PeopleView", "&New Person…"), self)
        self.new_action.setObjectName("actionNewPerson")
        # No shortcut of its own: the window binds Ctrl+N (New Visit) window-wide, and a second
        # binding here would make the key ambiguous (neither fires). The window may rebind it.
        self.new_action.triggered.connect(self.new_person)
        self.edit_action = QAction(QCoreApplication.translate("PeopleView", "&Edit Person…"), self)
        self.edit_action.setObjectName("actionEditPerson")
        self.edit_action.triggered.connect(self.edit_selected)
        self.delete_action = QAction(
            QCoreApplication.translate("PeopleView", "&Delete Person…"), self
        )
        self.delete_action.setObjectName("actionDeletePerson")
        self.delete_action.setShortcuts(QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.delete_action.triggered.connect(self.delete_selected)
        for action in (self.new_action, self.edit_action, self.delete_action):
            self.addAction(action)

    def _build_table(self) -> None:
        self.table = QTableView(self)
        self.table.setObjectName("peopleTable")
        self.table.setAccessibleName(QCoreApplication.translate("PeopleView", "People"))
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Fitting columns measures this many rows, not all of them: with tens of thousands of
        # people, measuring every row froze the window for seconds after an import.
        self.table.verticalHeader().setResizeContentsPrecision(_FIT_SAMPLE_ROWS)
        self.table.horizontalHeader().setResizeContentsPrecision(_FIT_SAMPLE_ROWS)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSortIndicator(PersonColumn.LATIN_NAME, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._on_activated)
        self.columns = ColumnRules(self.table, PersonColumn.LATIN_NAME, _SAMPLES)
        self.columns.apply()
        self.placeholder = add_placeholder(
            self.table,
            QCoreApplication.translate("PeopleView", "No people yet."),
            [
                (QCoreApplication.translate("PeopleView", "New person…"), self.new_person),
                (
                    QCoreApplication.translate("PeopleView", "Import people…"),
                    window_action(self, "actionImportPeople"),
                ),
            ],
            model=self.model,
        )

    # -- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the directory again now, keeping the current person selected."""
        self._reload_timer.stop()
        self._reads.run_now(self._read_operation())

    def _request_reload(self) -> None:
        self._reads.run_in_background(self._read_operation())

    def _read_operation(self) -> Operation[PeopleRows]:
        # The worker sorts as the table is sorted now, so applying the rows needs no sorting.
        services, sort = self._services, self.model.current_sort()
        return Operation(
            self,
            lambda _report: prepare_people(services.people.summaries(), sort),
            self._apply_people,
        ).failure(lambda exc: self.show_message(error_message(exc)))

    def _apply_people(self, rows: PeopleRows) -> None:
        current = self.current_person_id()
        self.model.set_people(rows)
        if not self._columns_fitted and self.model.rowCount() > 0 and self.isVisible():
            self.fit_columns()
        if current is not None:
            self.select_person(current)
        self._update_actions()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Fit the columns the first time rows are shown (measuring a hidden table is slow)."""
        super().showEvent(event)
        if not self._columns_fitted and self.model.rowCount() > 0:
            self.fit_columns()

    def on_change(self, change: Change) -> None:
        """React to a committed change: update the people it names, or reload soon.

        A few people are read again at once and only their rows change; an institution
        (every member's home shows its name) or a bulk change reloads the whole list on a
        worker thread.
        """
        if not change.concerns(*SHOWN_KINDS):
            return
        # A read under way may predate this change: let a new one follow it instead.
        reading = self._reload_timer.isActive() or self._reads.busy
        few = len(change.ids) <= MAX_ROW_UPDATES
        if change.kind == RecordKind.PERSON and not change.is_bulk and few and not reading:
            self._update_people(change.ids)
        else:
            self._reload_timer.start()

    def _update_people(self, person_ids: tuple[int, ...]) -> None:
        current = self.current_person_id()
        people = self._services.people.summaries(person_ids)
        self.model.apply_people(people, person_ids, filtered=bool(self.proxy.filter_terms))
        if current is not None and self.current_person_id() != current:
            self.select_person(current)
        self._update_actions()

    @property
    def total_count(self) -> int:
        """People loaded."""
        return self.model.rowCount()

    @property
    def shown_count(self) -> int:
        """People the filter lets through."""
        return self.proxy.rowCount()

    # -- filter and selection ------------------------------------------------------------------

    def focus_filter(self) -> None:
        """Put the cursor in the filter box with its text selected (Find)."""
        self.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_edit.selectAll()

    def current_person_id(self) -> int | None:
        """Id of the person in the current row, if any."""
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        value = index.siblingAtColumn(0).data(ID_ROLE)
        return int(value) if value is not None else None

    def select_person(self, person_id: int) -> bool:
        """Make the person with *person_id* current if the filter shows them."""
        row = self.model.row_of(person_id)
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
        if value is None:
            return
        self.person_activated.emit(int(value))
        self.edit_person(int(value))

    def _update_actions(self) -> None:
        has_current = self.current_person_id() is not None
        self.edit_action.setEnabled(has_current)
        self.delete_action.setEnabled(has_current)

    # -- commands ------------------------------------------------------------------------------

    def new_person(self) -> PersonEditor | None:
        """Open the editor for a new person (window-modal); returns it."""
        return self._open_editor(None)

    def edit_selected(self) -> PersonEditor | None:
        """Open the editor for the current person; returns it (None without a selection)."""
        person_id = self.current_person_id()
        return None if person_id is None else self.edit_person(person_id)

    def edit_person(self, person_id: int) -> PersonEditor | None:
        """Open the editor for the person with *person_id*; None if they no longer exist."""
        return self._open_editor(person_id)

    def _open_editor(self, person_id: int | None) -> PersonEditor | None:
        try:
            editor = PersonEditor(self._services, self.undo_stack, person_id, self)
        except PlannerError as exc:  # deleted meanwhile
            self.show_message(planner_error_text(exc))
            self.reload()
            return None
        self.editor = show_editor(editor, self._on_saved, self._forget_editor)
        return editor

    def _forget_editor(self) -> None:
        self.editor = None

    def _on_saved(self, person: object) -> None:
        if isinstance(person, Person) and person.id is not None:
            # The change notice has already put the row in place; read all only if it could not.
            if self.model.row_of(person.id) is None:
                self.reload()
            self.select_person(person.id)

    def delete_selected(self) -> bool:
        """Delete the current person after confirmation (undoable); returns whether deleted."""
        person_id = self.current_person_id()
        if person_id is None:
            return False
        try:
            person = self._services.people.get(person_id)
        except PlannerError as exc:
            self.show_message(planner_error_text(exc))
            self.reload()
            return False
        name = person_display_name(person)
        codes = self._services.visits.codes_involving(person_id)
        if codes:  # refused up front, naming the visits, instead of after a "Delete?"
            self.show_message(delete_refused_text(name, codes))
            return False
        if not self.confirm_delete(name):
            return False
        people, events = self._services.people, self._services.events
        # Deleting drops the person's event participations (a database cascade); remember
        # them so undo puts them back. Someone with visits cannot be deleted at all.
        taking_part = [
            p
            for event in events.list()
            if event.id is not None
            for p in events.participants(event.id)
            if p.person_id == person_id
        ]
        # Re-creating gives the person a new id; later steps must use the current one.
        current: list[Person] = [person]

        def apply() -> None:
            people.delete(current[0].id or 0)

        def revert(_result: object) -> None:
            current[0] = people.create(dataclasses.replace(current[0], id=None))
            for participant in taking_part:
                events.set_participant(participant.event_id, current[0].id or 0, participant.role)

        try:
            run_undoable(
                self.undo_stack,
                QCoreApplication.translate("PeopleView", "Delete person {name}").format(name=name),
                apply,
                revert,
                show_undo_error,
            )
        except InUseError:
            self.show_message(
                QCoreApplication.translate(
                    "PeopleView",
                    "{name} cannot be deleted: they are the visitor or host of at least one "
                    "visit, or take part in an event. Delete or reassign those first.",
                ).format(name=name)
            )
            return False
        except PlannerError as exc:
            self.show_message(planner_error_text(exc))
            return False
        return True

    def confirm_delete(self, name: str) -> bool:
        """Ask before deleting *name* (tests replace this)."""
        answer = QMessageBox.question(
            self,
            QCoreApplication.translate("PeopleView", "Delete person"),
            QCoreApplication.translate(
                "PeopleView",
                "Delete {name} from the directory? You can undo this with Edit → Undo.",
            ).format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_message(self, message: str) -> None:
        """Tell the user why something could not be done (tests replace this)."""
        QMessageBox.warning(self, QCoreApplication.translate("PeopleView", "People"), message)

    # -- layout --------------------------------------------------------------------------------

    def fit_columns(self) -> None:
        """Size the short columns to their typical texts; the name takes the rest."""
        self._columns_fitted = True
        self.columns.apply()

    def save_state(self, settings: QSettings) -> None:
        """Remember column widths, order and the sort column."""
        settings.setValue(_HEADER_KEY, self.table.horizontalHeader().saveState())
        settings.setValue(_COLUMNS_KEY, len(PersonColumn))

    def restore_state(self, settings: QSettings) -> None:
        """Restore what :meth:`save_state` remembered, if it was saved for these columns."""
        state = settings.value(_HEADER_KEY)
        columns = settings.value(_COLUMNS_KEY)
        if not isinstance(state, QByteArray | bytes) or str(columns) != str(len(PersonColumn)):
            return
        header = self.table.horizontalHeader()
        if header.restoreState(QByteArray(state)):
            self._columns_fitted = True
            self.columns.restore_modes()
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())


def delete_refused_text(name: str, codes: list[str], shown: int = 10) -> str:
    """Why *name* cannot be deleted: the visits (*codes*) they make or host, the first *shown*."""
    listed = ", ".join(codes[:shown])
    if len(codes) > shown:
        listed = QCoreApplication.translate("PeopleView", "{codes} and {count} more").format(
            codes=listed, count=len(codes) - shown
        )
    return QCoreApplication.translate(
        "PeopleView",
        "{name} cannot be deleted: they are the visitor or host of these visits: {codes}. "
        "Delete the visits or choose someone else on them first.",
    ).format(name=name, codes=listed)
