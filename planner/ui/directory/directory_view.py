"""The directory of institutions and projects, each list with New and Edit."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTimer,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.domain.entities import Institution, Project
from planner.domain.enums import RecordKind
from planner.domain.errors import PlannerError
from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.changes import Change
from planner.services.container import Services
from planner.ui.common.columns import apply_column_rules
from planner.ui.common.errors import planner_error_text
from planner.ui.common.form_widgets import RecordEditorDialog, show_editor
from planner.ui.common.formats import country_name
from planner.ui.common.labels import institution_kind_label
from planner.ui.common.placeholder import add_placeholder
from planner.ui.common.roles import ID_ROLE
from planner.ui.common.status import ViewStatus
from planner.ui.common.table_model import ColumnSpec, RowTableModel
from planner.ui.common.view import ViewDefaults
from planner.ui.directory.institution_editor import InstitutionEditor
from planner.ui.directory.project_editor import ProjectEditor

T = TypeVar("T")
AnyIndex = QModelIndex | QPersistentModelIndex


#: Changes after which the lists reload.
RELOAD_KINDS = frozenset({RecordKind.INSTITUTION, RecordKind.PROJECT, RecordKind.PROGRAM})


def _column(header: str, text: Callable[[T], str | None]) -> ColumnSpec[T]:
    """A directory column: *header* (marked for translation in ``DirectoryView``) and its text."""
    return ColumnSpec(header, "DirectoryView", lambda record: text(record) or "")


class RecordListPanel(QGroupBox):
    """A titled, sortable table with New… and Edit… buttons (Enter/double-click edits)."""

    def __init__(
        self,
        title: str,
        model: RowTableModel[Any],
        on_new: Callable[[], object],
        on_edit: Callable[[int], object],
        parent: QWidget | None = None,
        *,
        new_text: str = "",
        edit_text: str = "",
        stretch: Sequence[int] = (0,),
        optional: Sequence[int] = (),
        empty_text: str = "",
    ) -> None:
        super().__init__(title, parent)
        self.model = model
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._on_edit = on_edit
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(title.replace("&", ""))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        # The names stretch; the short columns fit the first rows' texts (a short list).
        self.columns = apply_column_rules(self.table, stretch, measure_rows=50, optional=optional)
        self.table.setSortingEnabled(True)
        self.table.activated.connect(self._activated)

        # Each panel gets its own mnemonics: two "&New" buttons in one window would clash.
        self.new_button = QPushButton(
            new_text or QCoreApplication.translate("DirectoryView", "&New…"), self
        )
        self.new_button.clicked.connect(on_new)
        self.edit_button = QPushButton(
            edit_text or QCoreApplication.translate("DirectoryView", "&Edit…"), self
        )
        self.edit_button.clicked.connect(self.edit_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.placeholder = add_placeholder(
            self.table, empty_text, [(self.new_button.text().replace("&", ""), on_new)], model=model
        )
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.proxy.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def set_records(self, records: Sequence[Any]) -> None:
        """Show *records*, keeping the current one selected."""
        current = self.current_id()
        self.model.set_rows(records)
        self.columns.apply()
        if current is not None:
            self.select(current)
        self._update_buttons()

    def current_id(self) -> int | None:
        """Id of the current record, if any."""
        index = self.table.currentIndex()
        value = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def select(self, record_id: int) -> bool:
        """Make the record with *record_id* current."""
        row = self.model.row_of(record_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index)
        return index.isValid()

    def edit_current(self) -> None:
        """Open the editor for the current record."""
        record_id = self.current_id()
        if record_id is not None:
            self._on_edit(record_id)

    def _activated(self, index: QModelIndex) -> None:
        value = index.siblingAtColumn(0).data(ID_ROLE)
        if value is not None:
            self._on_edit(int(value))

    def _update_buttons(self) -> None:
        self.edit_button.setEnabled(self.current_id() is not None)


class DirectoryView(ViewDefaults, QWidget):
    """Institutions and projects side by side, so a coordinator can add and edit them.

    Every edit goes through *undo_stack*; the lists reload (coalesced) on changes to
    institutions, projects and programmes when :meth:`on_change` is connected to the
    change bridge.
    """

    def __init__(
        self, services: Services, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("directoryView")
        self._services = services
        self.undo_stack = undo_stack
        #: The editor opened last; None once it is closed.
        self.editor: RecordEditorDialog | None = None
        self._program_names: dict[int, str] = {}

        institution_columns, project_columns = self._columns()
        self.institutions = RecordListPanel(
            QCoreApplication.translate("DirectoryView", "Institutions"),
            RowTableModel(institution_columns, self, row_id=lambda i: i.id),
            self.new_institution,
            self.edit_institution,
            self,
            new_text=QCoreApplication.translate("DirectoryView", "&New Institution…"),
            edit_text=QCoreApplication.translate("DirectoryView", "&Edit Institution…"),
            # The names keep their room at 1024×700: the place columns give way first.
            stretch=(0, 1),
            optional=(4, 5, 6),
            empty_text=QCoreApplication.translate(
                "DirectoryView",
                "No institutions yet: add your own and each partner's; visits go between them.",
            ),
        )
        self.institutions.setObjectName("institutionsPanel")
        self.projects = RecordListPanel(
            QCoreApplication.translate("DirectoryView", "Projects"),
            RowTableModel(project_columns, self, row_id=lambda p: p.id),
            self.new_project,
            self.edit_project,
            self,
            new_text=QCoreApplication.translate("DirectoryView", "New &Project…"),
            edit_text=QCoreApplication.translate("DirectoryView", "Edit Pro&ject…"),
            stretch=(0, 2),
            empty_text=QCoreApplication.translate(
                "DirectoryView", "No projects yet: a visit may belong to a joint project."
            ),
        )
        self.projects.setObjectName("projectsPanel")
        self.status = ViewStatus(
            self._status_text, self, self.institutions.proxy, self.projects.proxy
        )
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.institutions)
        splitter.addWidget(self.projects)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addWidget(splitter)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(0)
        self._reload_timer.timeout.connect(self.reload)

    def _columns(self) -> tuple[list[ColumnSpec[Institution]], list[ColumnSpec[Project]]]:
        """The columns of the institutions list and of the projects list."""
        institution_columns: list[ColumnSpec[Institution]] = [
            _column(QT_TRANSLATE_NOOP("DirectoryView", "Name"), lambda i: i.name),
            _column(QT_TRANSLATE_NOOP("DirectoryView", "Japanese name"), lambda i: i.name_ja),
            _column(QT_TRANSLATE_NOOP("DirectoryView", "Short name"), lambda i: i.short_name),
            _column(
                QT_TRANSLATE_NOOP("DirectoryView", "Kind"),
                lambda i: institution_kind_label(i.kind),
            ),
            _column(
                QT_TRANSLATE_NOOP("DirectoryView", "Country"),
                lambda i: f"{country_name(i.country)} ({i.country})",
            ),
            _column(QT_TRANSLATE_NOOP("DirectoryView", "City"), lambda i: i.city),
            _column(QT_TRANSLATE_NOOP("DirectoryView", "Time zone"), lambda i: i.timezone),
        ]
        project_columns: list[ColumnSpec[Project]] = [
            _column(QT_TRANSLATE_NOOP("DirectoryView", "Name"), lambda p: p.name),
            _column(QT_TRANSLATE_NOOP("DirectoryView", "Japanese name"), lambda p: p.name_ja),
            _column(
                QT_TRANSLATE_NOOP("DirectoryView", "Programme"),
                lambda p: self._program_names.get(p.program_id, "") if p.program_id else "",
            ),
        ]
        return institution_columns, project_columns

    def _status_text(self) -> str:
        return QCoreApplication.translate(
            "DirectoryView", "Institutions: {institutions} · Projects: {projects}"
        ).format(
            institutions=QLocale().toString(self.institutions.proxy.rowCount()),
            projects=QLocale().toString(self.projects.proxy.rowCount()),
        )

    # -- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read institutions, programmes and projects again."""
        self._reload_timer.stop()
        self._program_names = {
            p.id: p.name for p in self._services.programs.list() if p.id is not None
        }
        self.institutions.set_records(self._services.institutions.list())
        self.projects.set_records(self._services.projects.list())

    def on_change(self, change: Change) -> None:
        """Reload soon after a change to what the lists show (several changes: one reload)."""
        if change.concerns(*RELOAD_KINDS):
            self._reload_timer.start()

    # -- commands ------------------------------------------------------------------------------

    def new_institution(self) -> RecordEditorDialog | None:
        """Open the editor for a new institution; returns it."""
        return self._open(lambda: InstitutionEditor(self._services, self.undo_stack, None, self))

    def edit_institution(self, institution_id: int) -> RecordEditorDialog | None:
        """Open the editor for an institution; None if it no longer exists."""
        return self._open(
            lambda: InstitutionEditor(self._services, self.undo_stack, institution_id, self)
        )

    def edit_selected_institution(self) -> RecordEditorDialog | None:
        """Open the editor for the current institution (None without one)."""
        current = self.institutions.current_id()
        return None if current is None else self.edit_institution(current)

    def new_project(self) -> RecordEditorDialog | None:
        """Open the editor for a new project; returns it."""
        return self._open(lambda: ProjectEditor(self._services, self.undo_stack, None, self))

    def edit_project(self, project_id: int) -> RecordEditorDialog | None:
        """Open the editor for a project; None if it no longer exists."""
        return self._open(lambda: ProjectEditor(self._services, self.undo_stack, project_id, self))

    def edit_selected_project(self) -> RecordEditorDialog | None:
        """Open the editor for the current project (None without one)."""
        current = self.projects.current_id()
        return None if current is None else self.edit_project(current)

    def _open(self, make: Callable[[], RecordEditorDialog]) -> RecordEditorDialog | None:
        try:
            editor = make()
        except PlannerError as exc:  # deleted meanwhile
            QMessageBox.warning(
                self,
                QCoreApplication.translate("DirectoryView", "Directory"),
                planner_error_text(exc),
            )
            self.reload()
            return None
        self.editor = show_editor(editor, self._on_saved, self._forget_editor)
        return editor

    def _forget_editor(self) -> None:
        self.editor = None

    def _on_saved(self, record: object) -> None:
        self.reload()
        record_id = getattr(record, "id", None)
        if isinstance(record, Institution) and record_id is not None:
            self.institutions.select(record_id)
        elif isinstance(record, Project) and record_id is not None:
            self.projects.select(record_id)
