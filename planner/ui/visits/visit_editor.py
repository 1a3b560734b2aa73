"""The visit editor: overview, itinerary, paperwork, notes and history of one visit.

Field edits are saved together (Save); status changes apply at once, each as its own undoable
step. A save that meets someone else's newer version shows what they changed and lets the
coordinator reload or overwrite deliberately — never silently.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QSize, Qt, Signal
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import Institution, Visit
from planner.domain.enums import AuditAction, Purpose, RecordKind, VisitStatus
from planner.domain.errors import ConflictError, FieldProblem, PlannerError, ValidationError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.domain.paperwork import AdmissionBlockedError
from planner.domain.status import allowed_next
from planner.services.changes import Change, initiated_by
from planner.services.container import Services
from planner.ui.common.conflict_dialog import ConflictDialog
from planner.ui.common.date_field import DateField
from planner.ui.common.errors import planner_error_text
from planner.ui.common.form_widgets import (
    RecordEditorDialog,
    ValidatedFormLayout,
    select_data,
    show_undo_error,
)
from planner.ui.common.formats import institution_name, localised
from planner.ui.common.history_model import HistoryColumn, HistoryModel
from planner.ui.common.labels import purpose_label, status_colour, status_label
from planner.ui.common.undo import undoable_create, undoable_update
from planner.ui.common.visit_person_choices import (
    VisitPersonChoices,
    VisitPersonModel,
    select_person,
)
from planner.ui.visits.status_steps import (
    ask_override_reason,
    localised_titles,
    set_status_step,
)

#: A tab the window adds to every editor: (title, factory(editor) -> widget).
TabFactory = tuple[str, Callable[["VisitEditor"], QWidget]]

#: The verb on the status menu for moving to each status.
_STATUS_VERBS: dict[VisitStatus, str] = {
    VisitStatus.DRAFT: QT_TRANSLATE_NOOP("VisitEditor", "Back to draft"),
    VisitStatus.PROPOSED: QT_TRANSLATE_NOOP("VisitEditor", "Propose"),
    VisitStatus.APPROVED: QT_TRANSLATE_NOOP("VisitEditor", "Approve"),
    VisitStatus.CONFIRMED: QT_TRANSLATE_NOOP("VisitEditor", "Confirm"),
    VisitStatus.IN_PROGRESS: str(QT_TRANSLATE_NOOP("VisitEditor", "Start (visitor arrived)")),
    VisitStatus.COMPLETED: QT_TRANSLATE_NOOP("VisitEditor", "Complete"),
    VisitStatus.CANCELLED: QT_TRANSLATE_NOOP("VisitEditor", "Cancel visit…"),
}


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _date_edit(parent: QWidget) -> DateField:
    # Typed in any format, never a weekday section (QDateEdit's sections misread 年月日).
    return DateField(parent)


class VisitEditor(RecordEditorDialog):
    """Edits one visit (or a new one when *visit_id* is None).

    ``visit_saved(id)`` fires after a save or status change, so the window can select the visit.
    """

    visit_saved = Signal(int)
    record_kind = RecordKind.VISIT
    #: Room for every tab: the paperwork checklist shows about ten rows, its labels unclipped.
    default_size = QSize(980, 680)

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        visit_id: int | None,
        parent: QWidget | None = None,
        extra_tabs: list[TabFactory] | None = None,
        person_choices: VisitPersonChoices | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.setObjectName("visitEditor")
        self.services = services
        self._visit: Visit | None = services.visits.get(visit_id) if visit_id else None
        self._institutions: dict[int | None, Institution] = {}
        # The window's shared person lists, or this editor's own (built once either way).
        visitors, hosts = (person_choices or VisitPersonChoices(services)).models()
        self._visitor_model: VisitPersonModel = visitors
        self._host_model: VisitPersonModel = hosts
        self.setWindowFlag(Qt.WindowType.Window, True)
        self.setMinimumSize(720, 520)

        close_button = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        close_button.setText(
            QCoreApplication.translate("VisitEditor", "Close")
        )  # the editor stays open after saving
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("visitTabs")
        self.body_layout.addWidget(self.tabs)
        self.tabs.addTab(
            self._build_overview(), QCoreApplication.translate("VisitEditor", "&Overview")
        )
        # The window's tabs (itinerary, paperwork) are built when first shown: most opens only
        # look at the overview, and building them read and laid out every item each time.
        self._tab_factories: dict[QWidget, Callable[[VisitEditor], QWidget]] = {}
        for title, factory in extra_tabs or []:
            holder = QWidget(self.tabs)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self._tab_factories[holder] = factory
            self.tabs.addTab(holder, title)
        self.tabs.currentChanged.connect(self._build_tab)
        self.tabs.addTab(self._build_notes(), QCoreApplication.translate("VisitEditor", "&Notes"))
        self.tabs.addTab(
            self._build_history(), QCoreApplication.translate("VisitEditor", "&History")
        )

        self._fill_choices()
        self._load(self._visit)
        self.mark_clean()

    # -- building ------------------------------------------------------------------------------

    def tab_content(self, index: int) -> QWidget | None:
        """What tab *index* shows, building a window-provided tab now if it was not yet."""
        self._build_tab(index)
        holder = self.tabs.widget(index)
        layout = holder.layout() if holder is not None else None
        if layout is not None and layout.count() == 1:
            item = layout.itemAt(0)
            return item.widget() if item is not None else holder
        return holder

    def _build_tab(self, index: int) -> None:
        holder = self.tabs.widget(index)
        factory = self._tab_factories.pop(holder, None) if holder is not None else None
        if holder is None or factory is None:
            return
        content = factory(self)
        layout = holder.layout()
        assert layout is not None
        layout.addWidget(content)
        content.show()  # now, not when the layout gets round to it

    def _build_overview(self) -> QWidget:
        page = QWidget(self)
        form = self.add_form(ValidatedFormLayout())
        self._add_code_and_status(page, form)
        self._add_people_fields(page, form)
        self._add_terms_fields(page, form)
        page.setLayout(form)

        self.visitor.currentIndexChanged.connect(self._show_direction)
        self.host.currentIndexChanged.connect(self._show_direction)
        self.arrival.dateChanged.connect(self._keep_departure_after_arrival)
        return page

    def _add_code_and_status(self, page: QWidget, form: ValidatedFormLayout) -> None:
        """The visit's code and status, with the menu that changes the status."""
        self.code_label = QLabel(page)
        self.code_label.setObjectName("visitCode")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(QCoreApplication.translate("VisitEditor", "Code:"), self.code_label)

        self.status_label = QLabel(page)
        self.status_label.setObjectName("visitStatus")
        self.status_button = QToolButton(page)
        self.status_button.setObjectName("changeStatus")
        self.status_button.setText(QCoreApplication.translate("VisitEditor", "Change &status"))
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_menu = QMenu(self.status_button)
        self.status_button.setMenu(self.status_menu)
        status_row = QWidget(page)
        row_layout = QVBoxLayout(status_row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.status_label)
        row_layout.addWidget(self.status_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addRow(QCoreApplication.translate("VisitEditor", "Status:"), status_row)

    def _add_people_fields(self, page: QWidget, form: ValidatedFormLayout) -> None:
        """Who visits whom: visitor, host institution and person, direction, project."""
        self.visitor = QComboBox(page)
        self.visitor.setObjectName("visitor")
        self.visitor.setPlaceholderText(
            QCoreApplication.translate("VisitEditor", "Choose the visitor…")
        )
        form.add_field(
            QCoreApplication.translate("VisitEditor", "&Visitor:"), self.visitor, "visitor_id"
        )
        self.host = QComboBox(page)
        self.host.setObjectName("hostInstitution")
        form.add_field(
            QCoreApplication.translate("VisitEditor", "&Host institution:"),
            self.host,
            "host_institution_id",
        )
        self.host_person = QComboBox(page)
        self.host_person.setObjectName("hostPerson")
        form.add_field(
            QCoreApplication.translate("VisitEditor", "Host &person:"),
            self.host_person,
            "host_person_id",
        )
        self.direction_label = QLabel(page)
        self.direction_label.setObjectName("direction")
        form.addRow(QCoreApplication.translate("VisitEditor", "Direction:"), self.direction_label)
        self.project = QComboBox(page)
        self.project.setObjectName("project")
        form.add_field(
            QCoreApplication.translate("VisitEditor", "Pro&ject:"), self.project, "project_id"
        )

    def _add_terms_fields(self, page: QWidget, form: ValidatedFormLayout) -> None:
        """Purpose, funding and the dates at the host."""
        self.purpose = QComboBox(page)
        self.purpose.setObjectName("purpose")
        for purpose in Purpose:
            self.purpose.addItem(purpose_label(purpose), purpose.value)
        form.add_field(
            QCoreApplication.translate("VisitEditor", "P&urpose:"), self.purpose, "purpose"
        )
        self.paid = QCheckBox(
            QCoreApplication.translate("VisitEditor", "Paid (the host pays salary or stipend)"),
            page,
        )
        self.paid.setObjectName("paid")
        form.add_field(QCoreApplication.translate("VisitEditor", "Funding:"), self.paid, "paid")
        self.arrival = _date_edit(page)
        self.arrival.setObjectName("arrivalDate")
        form.add_field(
            QCoreApplication.translate("VisitEditor", "&Arrival (host date):"),
            self.arrival,
            "arrival_date",
        )
        self.departure = _date_edit(page)
        self.departure.setObjectName("departureDate")
        form.add_field(
            QCoreApplication.translate("VisitEditor", "&Departure (host date):"),
            self.departure,
            "departure_date",
        )

    def _build_notes(self) -> QWidget:
        page = QWidget(self)
        form = self.add_form(ValidatedFormLayout())
        self.visitor_notes = QPlainTextEdit(page)
        self.visitor_notes.setObjectName("visitorNotes")
        self.visitor_notes.setTabChangesFocus(True)
        form.add_field(
            QCoreApplication.translate("VisitEditor", "Notes for the &visitor:"),
            self.visitor_notes,
            "visitor_notes",
        )
        self.visitor_notes_ja = QPlainTextEdit(page)
        self.visitor_notes_ja.setObjectName("visitorNotesJa")
        self.visitor_notes_ja.setTabChangesFocus(True)
        # Three notes fields on one page: each a little shorter, so the editor keeps its size.
        for notes in (self.visitor_notes, self.visitor_notes_ja):
            notes.setMaximumHeight(notes.fontMetrics().lineSpacing() * 6)
        form.add_field(
            QCoreApplication.translate("VisitEditor", "No&tes for the visitor in Japanese:"),
            self.visitor_notes_ja,
            "visitor_notes_ja",
        )
        self.internal_notes = QPlainTextEdit(page)
        self.internal_notes.setObjectName("internalNotes")
        self.internal_notes.setTabChangesFocus(True)
        form.add_field(
            QCoreApplication.translate("VisitEditor", "&Internal notes:"),
            self.internal_notes,
            "internal_notes",
        )
        hint = QLabel(
            QCoreApplication.translate(
                "VisitEditor", "Internal notes never leave the app: exports leave them out."
            ),
            page,
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        page.setLayout(form)
        return page

    def _build_history(self) -> QWidget:
        page = QWidget(self)
        self.history_model = HistoryModel(page)
        self.history_view = QTableView(page)
        self.history_view.setObjectName("historyTable")
        self.history_view.setAccessibleName(QCoreApplication.translate("VisitEditor", "History"))
        self.history_view.setModel(self.history_model)
        self.history_view.verticalHeader().setVisible(False)
        self.history_view.setWordWrap(False)
        header = self.history_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The change list can be long: it takes the rest of the width, its tooltip the detail.
        header.setSectionResizeMode(HistoryColumn.CHANGES, QHeaderView.ResizeMode.Stretch)
        layout = QVBoxLayout(page)
        layout.addWidget(self.history_view)
        return page

    # -- loading -------------------------------------------------------------------------------

    def _fill_choices(self) -> None:
        for combo, model in (
            (self.visitor, self._visitor_model),
            (self.host_person, self._host_model),
        ):
            combo.setModel(model)
            # Sized by a typical name, not by measuring every person's text.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(40)
        self._institutions = {i.id: i for i in self.services.institutions.list()}
        self.host.clear()
        for inst in self._institutions.values():
            self.host.addItem(institution_name(inst.name, inst.name_ja), inst.id)
        self.project.clear()
        self.project.addItem(QCoreApplication.translate("VisitEditor", "(none)"), None)
        for project in self.services.projects.list():
            self.project.addItem(localised(project.name, project.name_ja), project.id)

    def _load(self, visit: Visit | None) -> None:
        if visit is None:
            # The local calendar date of the coordinator's computer.
            start = datetime.now(UTC).astimezone().date() + timedelta(days=60)
            # No visitor chosen for the coordinator: the first person is rarely the right one.
            visit = Visit(
                visitor_id=0,
                host_institution_id=self.host.currentData() or 0,
                arrival_date=start,
                departure_date=start + timedelta(days=7),
            )
            self.setWindowTitle(QCoreApplication.translate("VisitEditor", "New visit"))
        else:
            self.setWindowTitle(
                QCoreApplication.translate("VisitEditor", "Visit {code}").format(code=visit.code)
            )
        self._shown = visit
        self.code_label.setText(
            visit.code or QCoreApplication.translate("VisitEditor", "(assigned when saved)")
        )
        select_person(self.visitor, self._visitor_model, visit.visitor_id)
        select_data(self.host, visit.host_institution_id)
        if self.host.currentIndex() < 0 and self.host.count():
            self.host.setCurrentIndex(0)
        select_person(self.host_person, self._host_model, visit.host_person_id)
        select_data(self.project, visit.project_id)
        select_data(self.purpose, visit.purpose.value)
        self.paid.setChecked(visit.paid)
        self.arrival.blockSignals(True)
        self.arrival.setDate(_qdate(visit.arrival_date))
        self.arrival.blockSignals(False)
        self.departure.setDate(_qdate(visit.departure_date))
        self.visitor_notes.setPlainText(visit.visitor_notes)
        self.visitor_notes_ja.setPlainText(visit.visitor_notes_ja)
        self.internal_notes.setPlainText(visit.internal_notes)
        self._show_status(visit.status)
        self._show_direction()
        self._load_history()

    def _load_history(self) -> None:
        if self._visit is not None and self._visit.id is not None:
            self.history_model.set_entries(self.services.visits.history(self._visit.id))

    def _show_status(self, status: VisitStatus) -> None:
        colour = status_colour(status).name()
        self.status_label.setText(f'<b style="color:{colour}">{status_label(status)}</b>')
        self.status_menu.clear()
        for target in allowed_next(status):
            action = QAction(
                QCoreApplication.translate("VisitEditor", _STATUS_VERBS[target]), self.status_menu
            )
            action.setObjectName(f"status_{target.value}")
            action.triggered.connect(lambda _=False, t=target: self.change_status(t))
            self.status_menu.addAction(action)
        self.status_button.setEnabled(self._visit is not None and bool(allowed_next(status)))

    def _show_direction(self) -> None:
        host = self._institutions.get(self.host.currentData())
        home = self._visitor_model.home_of(self.visitor.currentData())
        self.direction_label.setText(f"{home} → {host.label}" if host and home else "")

    def _keep_departure_after_arrival(self, arrival: QDate) -> None:
        # Moving the arrival keeps the length of the stay, the way a coordinator reschedules.
        shown = self._shown
        length = (shown.departure_date - shown.arrival_date).days
        self.departure.setDate(arrival.addDays(max(length, 0)))

    # -- RecordEditorDialog --------------------------------------------------------------------

    def collect(self) -> Visit:
        """The visit as the widgets show it (on top of the stored one, keeping its version)."""
        base = self._visit or self._shown
        return dataclasses.replace(
            base,
            visitor_id=self.visitor.currentData() or 0,
            host_institution_id=self.host.currentData() or 0,
            host_person_id=self.host_person.currentData(),
            project_id=self.project.currentData(),
            purpose=Purpose(self.purpose.currentData()),
            paid=self.paid.isChecked(),
            arrival_date=_pydate(self.arrival.date()),
            departure_date=_pydate(self.departure.date()),
            visitor_notes=self.visitor_notes.toPlainText(),
            visitor_notes_ja=self.visitor_notes_ja.toPlainText(),
            internal_notes=self.internal_notes.toPlainText(),
        )

    def check(self, record: Visit) -> None:
        """A visitor and a host are required; the services check the rest."""
        problems = []
        if not record.visitor_id:
            problems.append(
                FieldProblem(
                    "visitor_id", QCoreApplication.translate("VisitEditor", "Choose the visitor")
                )
            )
        if not record.host_institution_id:
            problems.append(
                FieldProblem(
                    "host_institution_id",
                    QCoreApplication.translate("VisitEditor", "Choose the host"),
                )
            )
        if problems:
            raise ValidationError(problems)

    def store(self, record: Visit) -> Visit:
        """Create or update through the undo stack, as this editor's own change.

        :meth:`on_change` then skips the notice: the caller shows the stored visit itself.
        """
        with initiated_by(self):
            if self._visit is None:
                return undoable_create(
                    self.undo_stack,
                    QCoreApplication.translate("VisitEditor", "New visit"),
                    self.services.visits.create,
                    self.services.visits.delete,
                    record,
                    show_undo_error,
                )
            return undoable_update(
                self.undo_stack,
                QCoreApplication.translate("VisitEditor", "Edit visit {code}").format(
                    code=record.code
                ),
                self.services.visits.update,
                self._visit,
                record,
                show_undo_error,
            )

    def has_record(self) -> bool:
        """False for a visit not saved yet."""
        return self._visit is not None

    def opened_record(self) -> Visit | None:
        """The visit as stored when last read (None for a new one)."""
        return self._visit

    def current_record(self) -> Visit:
        """The visit as stored now."""
        assert self._visit is not None and self._visit.id is not None
        return self.services.visits.get(self._visit.id)

    def take_record(self, current: Visit, *, show: bool) -> None:
        """Edit *current* from now on (its version, its status); with *show*, display it."""
        self._visit = current
        if show:
            self._load(current)

    def set_date_pattern(self, pattern: str) -> None:
        """Show the arrival and departure in the coordinator's date format (a Qt pattern)."""
        for edit in (self.arrival, self.departure):
            edit.setDisplayFormat(pattern)

    @property
    def visit_id(self) -> int | None:
        """Id of the visit edited (None until a new visit is saved)."""
        return self._visit.id if self._visit is not None else None

    def save(self) -> bool:
        """Save; on a version conflict let the coordinator reload or overwrite. Stays open."""
        record = self.collect()
        if self._visit is not None and not self.is_dirty():
            return True
        self.clear_errors()
        try:
            self.check(record)
            stored = self.store(record)
        except ValidationError as exc:
            self.show_validation(exc)
            return False
        except ConflictError:
            return self._resolve_conflict(record)
        except PlannerError as exc:
            self.show_banner(planner_error_text(exc))
            return False
        self._after_store(stored)
        return True

    def _after_store(self, stored: Visit) -> None:
        self._visit = stored
        self._load(stored)
        self.mark_clean()
        self.saved.emit(stored)
        assert stored.id is not None
        self.visit_saved.emit(stored.id)

    def _resolve_conflict(self, mine: Visit) -> bool:
        assert self._visit is not None and self._visit.id is not None
        current = self.services.visits.get(self._visit.id)
        choice = self.ask_conflict(self._visit, current, mine)
        if choice == ConflictDialog.RELOAD:
            self._visit = current
            self._load(current)
            self.mark_clean()
            return False
        if choice == ConflictDialog.OVERWRITE:
            # Deliberate: the coordinator saw their changes and chose to replace them.
            self._visit = current
            deliberate = dataclasses.replace(mine, version=current.version, status=current.status)
            return self._save_record(deliberate)
        return False

    def _save_record(self, record: Visit) -> bool:
        try:
            stored = self.store(record)
        except PlannerError as exc:
            self.show_banner(planner_error_text(exc))
            return False
        self._after_store(stored)
        return True

    def ask_conflict(self, opened: Visit, stored: Visit, mine: Visit) -> int:
        """Show the conflict dialog; returns RELOAD, OVERWRITE or 0 (tests replace this)."""
        return ConflictDialog(opened, stored, mine, self).exec()

    # -- status --------------------------------------------------------------------------------

    def change_status(self, target: VisitStatus) -> bool:
        """Move the visit to *target* as one undoable step (asks for a reason to cancel)."""
        if self._visit is None or self._visit.id is None:
            return False
        if self.is_dirty() and not self.save():
            return False
        reason = ""
        if target is VisitStatus.CANCELLED:
            answer = self.ask_cancel_reason()
            if answer is None:
                return False
            reason = answer
        try:
            updated = self._set_status(target, reason, override=False)
        except AdmissionBlockedError as blocked:
            override_reason = self.ask_override_reason(target, blocked.blocking)
            if not override_reason:
                return False
            try:
                updated = self._set_status(target, override_reason, override=True)
            except PlannerError as exc:
                QMessageBox.warning(
                    self,
                    QCoreApplication.translate("VisitEditor", "Cannot change the status"),
                    planner_error_text(exc),
                )
                return False
        except PlannerError as exc:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("VisitEditor", "Cannot change the status"),
                planner_error_text(exc),
            )
            return False
        visit_id = updated.id
        assert visit_id is not None
        self._visit = updated
        self._load(updated)
        self.mark_clean()
        self.visit_saved.emit(visit_id)
        return True

    def _set_status(self, target: VisitStatus, reason: str, *, override: bool) -> Visit:
        assert self._visit is not None
        # Named as this editor's change: change_status shows the result itself.
        return set_status_step(
            self.services, self.undo_stack, self._visit, target, reason,
            override=override, initiator=self,
        )  # fmt: skip

    def ask_override_reason(self, target: VisitStatus, blocking: Sequence[str]) -> str | None:
        """Name the blocking paperwork; an override needs a written reason (None: don't)."""
        titles = list(blocking)
        if self._visit is not None and self._visit.id is not None:
            titles = localised_titles(self.services, self._visit.id, blocking)
        return ask_override_reason(self, target, titles)

    def ask_cancel_reason(self) -> str | None:
        """Confirm a cancellation and ask why; None if the coordinator backs out."""
        text, ok = QInputDialog.getText(
            self,
            QCoreApplication.translate("VisitEditor", "Cancel visit"),
            QCoreApplication.translate(
                "VisitEditor", "Cancel visit {code}? Why (kept in the history):"
            ).format(code=self._visit.code if self._visit else ""),
        )
        return text.strip() if ok else None

    # -- live updates --------------------------------------------------------------------------

    def on_change(self, change: Change) -> None:
        """Take in a change made elsewhere (field by field); close when it was deleted.

        Its own saves (named with :func:`initiated_by`) are skipped: it shows them already.
        """
        if self._visit is None or change.kind != RecordKind.VISIT or change.initiator is self:
            return
        if change.ids and self._visit.id not in change.ids:
            return
        if change.action is AuditAction.DELETE:
            # Nothing left to edit (e.g. "New visit" was undone): close without asking.
            self._visit = None
            self.mark_clean()
            self.close()
            return
        # Status, allowed moves, untouched fields and the version follow; typed text stays.
        version = self._visit.version
        super().on_change(change)
        if self._visit is not None and self._visit.version == version:
            self._load_history()  # not reloaded (paperwork, say): the history may still grow
