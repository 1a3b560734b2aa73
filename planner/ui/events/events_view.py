"""Events (lectures, seminars, symposia) with their participants and roles."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QItemSelection, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.enums import Attendance, ParticipantRole, RecordKind
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.common.columns import apply_column_rules
from planner.ui.common.errors import planner_error_text
from planner.ui.common.form_widgets import show_undo_error
from planner.ui.common.labels import participant_role_label
from planner.ui.common.operations import LatestOnly, Operation
from planner.ui.common.placeholder import add_placeholder
from planner.ui.common.status import count_status
from planner.ui.common.undo import run_undoable
from planner.ui.common.view import ViewDefaults
from planner.ui.common.visit_person_choices import (
    VisitPerson,
    VisitPersonModel,
    load_people_by_name,
)
from planner.ui.events.event_editor import EventEditor
from planner.ui.events.events_model import (
    EventColumn,
    EventRow,
    EventTableModel,
    ParticipantTableModel,
    attendance_label,
    sites_text,
)
from planner.ui.events.occurrences_box import OccurrencesBox

#: Typical widest texts of the short columns; the title takes the rest.
_SAMPLES: dict[int, str] = {
    EventColumn.WHEN: "2026-10-10 15:00–16:30 CEST",
    EventColumn.KIND: "Symposium",
    EventColumn.SERIES: "AI for Science Seminar",
    EventColumn.WHERE: "RIKEN R-CCS Kobe",
    EventColumn.SITES: "Tue 17:00 CST = Wed 08:00 JST (+1 day)",
}

RELOAD_KINDS = frozenset({RecordKind.EVENT, RecordKind.PERSON, RecordKind.INSTITUTION})
PEOPLE_ENTITIES = frozenset({"person", "institution"})


def _table(parent: QWidget, name: str) -> QTableView:
    table = QTableView(parent)
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class EventsView(ViewDefaults, QWidget):
    """Events on top; the selected event's participants below, with add and remove."""

    event_opened = Signal(int)

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("eventsView")
        self.services = services
        self.undo_stack = undo_stack

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self._build_events())
        splitter.addWidget(self._build_participants())
        self.occurrences = OccurrencesBox(services, self, undo_stack)
        splitter.addWidget(self.occurrences)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setStretchFactor(2, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(splitter)
        self.setFocusProxy(self.table)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self._reload_after_change)
        self._people_stale = False
        # The people to choose from are read on a worker thread; only the newest read counts.
        self._people_reads = LatestOnly()
        self._connect()
        self._update_buttons()

    def _build_events(self) -> QWidget:
        """The events table with New and Edit above it."""
        self.model = EventTableModel(self)
        self.status = count_status(
            self,
            "EventsView",
            QT_TRANSLATE_NOOP("EventsView", "Showing {shown} of {total} events"),
            self.model,
        )
        self.table = _table(self, "eventTable")
        self.table.setAccessibleName(QCoreApplication.translate("EventsView", "Events"))
        self.table.setModel(self.model)
        # Bilingual titles are long: the title takes what is left and elides, so the
        # place and participant count stay visible.
        # In a narrow window the series (also in the title) and then the place give way, so
        # the title and every site's time stay in view.
        self.columns = apply_column_rules(
            self.table,
            EventColumn.TITLE,
            _SAMPLES,
            optional=(EventColumn.WHERE, EventColumn.SERIES),
        )
        self.new_button = QPushButton(QCoreApplication.translate("EventsView", "&New event…"), self)
        self.edit_button = QPushButton(
            QCoreApplication.translate("EventsView", "&Edit event…"), self
        )
        top_buttons = QHBoxLayout()
        top_buttons.addWidget(self.new_button)
        top_buttons.addWidget(self.edit_button)
        top_buttons.addStretch(1)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(top_buttons)
        top_layout.addWidget(self.table)
        self.placeholder = add_placeholder(
            self.table,
            QCoreApplication.translate(
                "EventsView",
                "No events yet: seminars, lectures and symposia with their participants.",
            ),
            [(QCoreApplication.translate("EventsView", "New event…"), self.new_event)],
        )
        return top

    def _build_participants(self) -> QGroupBox:
        """The selected event's participants, with the person and role to add."""
        self.participants = ParticipantTableModel(self)
        self.participant_table = _table(self, "participantTable")
        self.participant_table.setAccessibleName(
            QCoreApplication.translate("EventsView", "Participants")
        )
        self.participant_table.setModel(self.participants)
        # The name takes the room; the role and attendance fit their longest labels.
        self.participant_columns = apply_column_rules(
            self.participant_table,
            0,
            {
                1: tuple(participant_role_label(r) for r in ParticipantRole),
                2: tuple(attendance_label(a) for a in Attendance),
            },
        )
        self.participant_placeholder = add_placeholder(
            self.participant_table,
            QCoreApplication.translate(
                "EventsView",
                "No participants here. Select an event above, then choose a person and a "
                "role below and press Add participant.",
            ),
        )
        self._build_person_choice()
        self.role = QComboBox(self)
        self.role.setObjectName("participantRole")
        self.role.setAccessibleName(QCoreApplication.translate("EventsView", "Role"))
        for role in ParticipantRole:
            self.role.addItem(participant_role_label(role), role.value)
        self.attendance = QComboBox(self)
        self.attendance.setObjectName("participantAttendance")
        self.attendance.setAccessibleName(QCoreApplication.translate("EventsView", "Attends"))
        for attendance in Attendance:
            self.attendance.addItem(attendance_label(attendance), attendance.value)
        self.add_button = QPushButton(
            QCoreApplication.translate("EventsView", "&Add participant"), self
        )
        self.add_button.setObjectName("addParticipant")
        self.remove_button = QPushButton(
            QCoreApplication.translate("EventsView", "&Remove participant"), self
        )
        self.remove_button.setObjectName("removeParticipant")
        add_row = QHBoxLayout()
        add_row.addWidget(self.person, 1)
        add_row.addWidget(self.role)
        add_row.addWidget(self.attendance)
        add_row.addWidget(self.add_button)
        add_row.addWidget(self.remove_button)
        self.participant_box = QGroupBox(
            QCoreApplication.translate("EventsView", "Participants"), self
        )
        box_layout = QVBoxLayout(self.participant_box)
        box_layout.addWidget(self.participant_table)
        box_layout.addLayout(add_row)
        return self.participant_box

    def _build_person_choice(self) -> None:
        self.person = QComboBox(self)
        self._person_choices = VisitPersonModel([], parent=self)
        self.person.setModel(self._person_choices)
        # Typing part of a name (Latin or kanji) finds the person among thousands.
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = QCompleter(self._person_choices, self.person)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.person.setCompleter(completer)
        self.person.setObjectName("participantPerson")
        self.person.setAccessibleName(QCoreApplication.translate("EventsView", "Person to add"))

    def _connect(self) -> None:
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.participant_table.selectionModel().selectionChanged.connect(
            lambda *_: self._update_buttons()
        )
        self.table.activated.connect(lambda _index: self.edit_selected())
        self.new_button.clicked.connect(self.new_event)
        self.edit_button.clicked.connect(self.edit_selected)
        self.add_button.clicked.connect(self.add_participant)
        self.remove_button.clicked.connect(self.remove_participant)

    # -- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read events, participant counts and people again, keeping the selection."""
        self._reload_timer.stop()
        self._people_stale = False
        self._people_reads.run_now(self._people_operation())
        self._read_events()

    def _reload_after_change(self) -> None:
        if self._people_stale:
            self._people_stale = False
            self._people_reads.run_in_background(self._people_operation())
        self._read_events()

    def _people_operation(self) -> Operation[list[VisitPerson]]:
        services = self.services
        # No failure handler: a failed read goes to the application's error reporter.
        return Operation(self, lambda _report: load_people_by_name(services), self._apply_people)

    def _read_events(self) -> None:
        current = self.current_event_id()
        institutions = {i.id: i.label for i in self.services.institutions.list()}
        counts = self.services.events.participant_counts()
        rows = [
            EventRow(
                d.event, institutions.get(d.event.institution_id, ""),
                counts.get(d.event.id or 0, 0), sites_text(d.times[0]) if d.times else "",
            )
            for d in self.services.events.all_details()
        ]  # fmt: skip
        self.model.set_rows(rows)
        if current is not None:
            self.select_event(current)
        self._show_participants()
        self.occurrences.show_event(self.current_event_id())

    def _apply_people(self, people: list[VisitPerson]) -> None:
        chosen = self.person.currentData()
        self._person_choices.set_people(people)
        row = self._person_choices.row_of(chosen) if chosen is not None else -1
        self.person.setCurrentIndex(row if row >= 0 else (0 if people else -1))
        self._show_participants()

    def on_change(self, change: Change) -> None:
        """Reload soon when events or the names they show change."""
        if change.kind in PEOPLE_ENTITIES:
            # The people to choose from are read on a worker thread (there may be tens of
            # thousands after an import); events are few and reload here.
            self._people_stale = True
        if change.concerns(*RELOAD_KINDS):
            self._reload_timer.start()

    def current_event_id(self) -> int | None:
        """Id of the selected event."""
        index = self.table.currentIndex()
        return self.model.event_at(index.row()).id if index.isValid() else None

    def select_event(self, event_id: int) -> None:
        """Select the event with *event_id*."""
        row = self.model.row_of(event_id)
        if row is not None:
            self.table.selectRow(row)

    def _on_selection(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._show_participants()
        self.occurrences.show_event(self.current_event_id())

    def _show_participants(self) -> None:
        event_id = self.current_event_id()
        rows = []
        if event_id is not None:
            rows = [
                (p, self._person_choices.text_of(p.person_id) or str(p.person_id))
                for p in self.services.events.participants(event_id)
            ]
        self.participants.set_rows(rows)
        title = QCoreApplication.translate("EventsView", "Participants")
        if event_id is not None:
            title = QCoreApplication.translate("EventsView", "Participants of {title}").format(
                title=self.model.event_at(self.table.currentIndex().row()).title
            )
        self.participant_box.setTitle(title)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_event = self.current_event_id() is not None
        for widget in (self.edit_button, self.add_button, self.person, self.role, self.attendance):
            widget.setEnabled(has_event)
        self.remove_button.setEnabled(has_event and self.participant_table.currentIndex().isValid())

    # -- commands ------------------------------------------------------------------------------

    def new_event(self) -> None:
        """Open the editor for a new event."""
        self._open_editor(None)

    def edit_selected(self) -> None:
        """Open the editor for the selected event."""
        event_id = self.current_event_id()
        if event_id is not None:
            self._open_editor(event_id)

    def _open_editor(self, event_id: int | None) -> None:
        editor = self.make_editor(event_id)
        editor.saved.connect(lambda event: self.select_event(event.id))
        editor.open()

    def make_editor(self, event_id: int | None) -> EventEditor:
        """The editor dialog (tests drive it directly)."""
        return EventEditor(self.services, self.undo_stack, event_id, self)

    def add_participant(self) -> bool:
        """Add the chosen person with the chosen role (undoable)."""
        event_id, person_id = self.current_event_id(), self.person.currentData()
        if event_id is None or person_id is None:
            return False
        role = ParticipantRole(self.role.currentData())
        attendance = Attendance(self.attendance.currentData())
        events = self.services.events
        name = self._person_choices.text_of(person_id)
        # The participant as this view shows them (0: absent): a role someone else changed
        # since, or a person they added meanwhile, is a conflict, not a silent overwrite.
        shown = next(
            (p.version for p, _name in self.participants.rows() if p.person_id == person_id),
            0,
        )
        try:
            run_undoable(
                self.undo_stack,
                QCoreApplication.translate("EventsView", "Add {name} to event").format(name=name),
                lambda: events.set_participant(event_id, person_id, role, shown, attendance),
                lambda p: events.remove_participant(event_id, person_id, p.version),
                show_undo_error,
            )
        except PlannerError as exc:
            self._show_participants()  # someone else's change is what the coordinator sees now
            QMessageBox.warning(
                self,
                QCoreApplication.translate("EventsView", "Cannot add participant"),
                planner_error_text(exc),
            )
            return False
        return True

    def remove_participant(self) -> bool:
        """Remove the selected participant (undoable)."""
        event_id, index = self.current_event_id(), self.participant_table.currentIndex()
        if event_id is None or not index.isValid():
            return False
        participant = self.participants.participant_at(index.row())
        events = self.services.events
        name = self._person_choices.text_of(participant.person_id)
        try:
            run_undoable(
                self.undo_stack,
                QCoreApplication.translate("EventsView", "Remove {name} from event").format(
                    name=name
                ),
                lambda: events.remove_participant(
                    event_id, participant.person_id, participant.version
                ),
                # Put back only if nobody added them again meanwhile (0: absent).
                lambda _r: events.set_participant(
                    event_id, participant.person_id, participant.role, 0, participant.attendance
                ),
                show_undo_error,
            )
        except PlannerError as exc:
            self._show_participants()
            QMessageBox.warning(
                self,
                QCoreApplication.translate("EventsView", "Cannot remove participant"),
                planner_error_text(exc),
            )
            return False
        return True
