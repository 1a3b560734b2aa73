"""The project editor: name in English and Japanese, programme, description."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from planner.domain.entities import Project
from planner.domain.enums import RecordKind
from planner.domain.errors import ValidationError
from planner.services.container import Services
from planner.ui.common.form_widgets import (
    RecordEditorDialog,
    ValidatedFormLayout,
    line_text,
    set_tab_chain,
    show_undo_error,
)
from planner.ui.common.undo import undoable_save


class ProjectEditor(RecordEditorDialog):
    """Create (``project_id`` None) or edit a research project; each save is undoable.

    Raises NotFoundError when *project_id* names no project.
    """

    record_kind = RecordKind.PROJECT

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        project_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.setObjectName("projectEditor")
        self._services = services
        self._original: Project | None = (
            services.projects.get(project_id) if project_id is not None else None
        )
        form = self.add_form(ValidatedFormLayout())
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("AuroraGPT")
        form.add_field(QCoreApplication.translate("ProjectEditor", "&Name"), self.name_edit, "name")
        self.name_ja_edit = QLineEdit(self)
        form.add_field(
            QCoreApplication.translate("ProjectEditor", "Name in &Japanese"),
            self.name_ja_edit,
            "name_ja",
        )
        self.program_combo = QComboBox(self)
        self.program_combo.addItem(
            QCoreApplication.translate("ProjectEditor", "(no programme)"), None
        )
        for program in services.programs.list():
            self.program_combo.addItem(program.name, program.id)
        form.add_field(
            QCoreApplication.translate("ProjectEditor", "&Programme"),
            self.program_combo,
            "program_id",
        )
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        form.add_field(
            QCoreApplication.translate("ProjectEditor", "&Description"),
            self.description_edit,
            "description",
        )
        self.body_layout.addLayout(form)
        set_tab_chain(
            [
                self.name_edit,
                self.name_ja_edit,
                self.program_combo,
                self.description_edit,
                *self.buttons.buttons(),
            ]
        )
        self._load(self._original)
        self.mark_clean()
        self.listen(services.bus)  # changes made elsewhere are taken in live
        self.setWindowTitle(
            QCoreApplication.translate("ProjectEditor", "New project")
            if self._original is None
            else QCoreApplication.translate("ProjectEditor", "Edit project — {name}").format(
                name=self._original.name
            )
        )
        self.setMinimumWidth(480)
        self.name_edit.setFocus()

    def _load(self, project: Project | None) -> None:
        if project is None:
            return
        self.name_edit.setText(project.name)
        self.name_ja_edit.setText(project.name_ja)
        self.program_combo.setCurrentIndex(max(0, self.program_combo.findData(project.program_id)))
        self.description_edit.setPlainText(project.description)

    def collect(self) -> Project:
        """The project the form describes now."""
        program = self.program_combo.currentData()
        return Project(
            name=line_text(self.name_edit),
            name_ja=line_text(self.name_ja_edit),
            program_id=int(program) if program is not None else None,
            description=self.description_edit.toPlainText().strip(),
            id=self._original.id if self._original is not None else None,
        )

    def has_record(self) -> bool:
        """Whether an existing project is being edited."""
        return self._original is not None

    def check(self, record: Project) -> None:
        """A name is required (the service checks the rest)."""
        if not record.name:
            raise ValidationError.single(
                "name", QCoreApplication.translate("ProjectEditor", "Name is required")
            )

    # -- conflicts (someone else saved it since it was opened) --------------------------------

    def opened_record(self) -> Project | None:
        """The record as opened (or as last saved here)."""
        return self._original

    def current_record(self) -> Project:
        """The record as stored now."""
        assert self._original is not None and self._original.id is not None
        return self._services.projects.get(self._original.id)

    def take_record(self, current: Project, *, show: bool) -> None:
        """Edit *current* from now on; with *show*, fill the widgets with it."""
        self._original = current
        if show:
            self._load(current)

    def store(self, record: Project) -> Project:
        """Create or update through the undo stack."""
        service = self._services.projects
        labels = (
            QCoreApplication.translate("ProjectEditor", "Add project {name}").format(
                name=record.name
            ),
            QCoreApplication.translate("ProjectEditor", "Edit project {name}").format(
                name=record.name
            ),
        )
        stored = undoable_save(
            self.undo_stack, service, self._original, record, labels, show_undo_error
        )
        self._original = stored
        return stored
