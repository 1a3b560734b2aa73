"""The agreement editor: kind, titles, partner, programme, reference, dates and notes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from planner.domain.enums import AgreementKind, RecordKind
from planner.domain.paperwork import Agreement
from planner.services.container import Services
from planner.ui.common.form_widgets import (
    OptionalDateEdit,
    RecordEditorDialog,
    ValidatedFormLayout,
    line_text,
    select_data,
    set_tab_chain,
    show_undo_error,
)
from planner.ui.common.formats import institution_name
from planner.ui.common.labels import agreement_kind_label
from planner.ui.common.undo import undoable_save


class AgreementEditor(RecordEditorDialog):
    """Create (``agreement_id`` None) or edit an agreement; each save is undoable.

    Saving a data-sharing or material-transfer agreement regenerates the checklists of the
    data-exchange visits it may cover (the service does it). Raises NotFoundError when
    *agreement_id* names no agreement.
    """

    record_kind = RecordKind.AGREEMENT

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        agreement_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.setObjectName("agreementEditor")
        self._services = services
        self._original: Agreement | None = (
            services.agreements.get(agreement_id) if agreement_id is not None else None
        )
        form = self.add_form(ValidatedFormLayout())
        self._add_title_fields(form)
        self._add_party_fields(form, services)
        self._add_term_fields(form)
        self.body_layout.addLayout(form)
        # A date picked in one field is a good starting point for the next one.
        self.signed_edit.value_changed.connect(self._follow_dates)
        self.start_edit.value_changed.connect(self._follow_dates)
        self._chain_tabs()
        self._load(self._original)
        self.mark_clean()
        self.listen(services.bus)  # changes made elsewhere are taken in live
        self._set_title()
        self.setMinimumWidth(540)
        self.title_edit.setFocus()

    def _add_title_fields(self, form: ValidatedFormLayout) -> None:
        """The kind and the titles in both languages."""
        self.kind_combo = QComboBox(self)
        for kind in AgreementKind:
            self.kind_combo.addItem(agreement_kind_label(kind), kind)
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "&Kind"), self.kind_combo, "kind"
        )
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(
            QCoreApplication.translate("AgreementEditor", "e.g. Evaluation data sharing")
        )
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "&Title"), self.title_edit, "title"
        )
        self.title_ja_edit = QLineEdit(self)
        self.title_ja_edit.setPlaceholderText("評価データ共有契約")
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "Title in &Japanese"),
            self.title_ja_edit,
            "title_ja",
        )

    def _add_party_fields(self, form: ValidatedFormLayout, services: Services) -> None:
        """The partner institution, the programme and the reference."""
        self.partner_combo = QComboBox(self)
        self.partner_combo.addItem(
            QCoreApplication.translate("AgreementEditor", "(no partner)"), None
        )
        for inst in sorted(services.institutions.list(), key=lambda i: i.name.casefold()):
            name = institution_name(inst.name, inst.name_ja, inst.short_name)
            self.partner_combo.addItem(name, inst.id)
        self.partner_combo.setToolTip(
            QCoreApplication.translate(
                "AgreementEditor",
                "A data-sharing or material-transfer agreement covers the data-exchange visits "
                "of this institution's people and the visits it hosts",
            )
        )
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "&Partner"),
            self.partner_combo,
            "partner_institution_id",
        )
        self.program_combo = QComboBox(self)
        self.program_combo.addItem(
            QCoreApplication.translate("AgreementEditor", "(no programme)"), None
        )
        for program in services.programs.list():
            self.program_combo.addItem(program.name, program.id)
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "Pro&gramme"),
            self.program_combo,
            "program_id",
        )
        self.reference_edit = QLineEdit(self)
        self.reference_edit.setPlaceholderText(
            QCoreApplication.translate("AgreementEditor", "e.g. DSA-2027-004")
        )
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "&Reference"),
            self.reference_edit,
            "reference",
        )

    def _add_term_fields(self, form: ValidatedFormLayout) -> None:
        """When the agreement is signed and in force, and notes."""
        self.signed_edit = OptionalDateEdit(self)
        self.signed_edit.setToolTip(
            QCoreApplication.translate(
                "AgreementEditor", "An agreement counts only once it is signed"
            )
        )
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "&Signed"),
            self.signed_edit,
            "signed_date",
        )
        self.start_edit = OptionalDateEdit(self)
        self.start_edit.setToolTip(
            QCoreApplication.translate(
                "AgreementEditor", "First day in force (none: from signature)"
            )
        )
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "St&art"), self.start_edit, "start_date"
        )
        self.end_edit = OptionalDateEdit(self)
        self.end_edit.setToolTip(
            QCoreApplication.translate("AgreementEditor", "Last day in force (none: open-ended)")
        )
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "&End"), self.end_edit, "end_date"
        )
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 4 + 12)
        form.add_field(
            QCoreApplication.translate("AgreementEditor", "&Notes"), self.notes_edit, "notes"
        )

    def _chain_tabs(self) -> None:
        """Tab through the fields in form order, then the buttons."""
        set_tab_chain(
            [
                self.kind_combo,
                self.title_edit,
                self.title_ja_edit,
                self.partner_combo,
                self.program_combo,
                self.reference_edit,
                self.signed_edit,
                self.start_edit,
                self.end_edit,
                self.notes_edit,
                *self.buttons.buttons(),
            ]
        )

    def _set_title(self) -> None:
        """The window title: new, or the agreement's title."""
        self.setWindowTitle(
            QCoreApplication.translate("AgreementEditor", "New agreement")
            if self._original is None
            else QCoreApplication.translate("AgreementEditor", "Edit agreement — {title}").format(
                title=self._original.title
            )
        )

    def _load(self, agreement: Agreement | None) -> None:
        if agreement is None:
            select_data(self.kind_combo, AgreementKind.DATA_SHARING)
            self.partner_combo.setCurrentIndex(0)
            self.program_combo.setCurrentIndex(0)
            return
        select_data(self.kind_combo, agreement.kind)
        self.title_edit.setText(agreement.title)
        self.title_ja_edit.setText(agreement.title_ja)
        self.partner_combo.setCurrentIndex(
            max(0, self.partner_combo.findData(agreement.partner_institution_id))
        )
        self.program_combo.setCurrentIndex(
            max(0, self.program_combo.findData(agreement.program_id))
        )
        self.reference_edit.setText(agreement.reference)
        self.signed_edit.set_value(agreement.signed_date)
        self.start_edit.set_value(agreement.start_date)
        self.end_edit.set_value(agreement.end_date)
        self.notes_edit.setPlainText(agreement.notes)

    def _follow_dates(self) -> None:
        first = self.start_edit.value() or self.signed_edit.value()
        if first is not None:
            self.end_edit.set_default(first)
        signed = self.signed_edit.value()
        if signed is not None:
            self.start_edit.set_default(signed)

    def collect(self) -> Agreement:
        """The agreement the form describes now."""
        kind = self.kind_combo.currentData()
        partner = self.partner_combo.currentData()
        program = self.program_combo.currentData()
        return Agreement(
            kind=AgreementKind(kind) if kind else AgreementKind.MEMORANDUM,
            title=line_text(self.title_edit),
            title_ja=line_text(self.title_ja_edit),
            program_id=int(program) if program is not None else None,
            partner_institution_id=int(partner) if partner is not None else None,
            reference=line_text(self.reference_edit),
            signed_date=self.signed_edit.value(),
            start_date=self.start_edit.value(),
            end_date=self.end_edit.value(),
            notes=self.notes_edit.toPlainText().strip(),
            id=self._original.id if self._original is not None else None,
        )

    def has_record(self) -> bool:
        """Whether an existing agreement is being edited."""
        return self._original is not None

    def check(self, record: Agreement) -> None:
        """The service's rules: a title, and an end not before the start."""
        self._services.agreements.validate(record)

    # -- conflicts (someone else saved it since it was opened) --------------------------------

    def opened_record(self) -> Agreement | None:
        """The record as opened (or as last saved here)."""
        return self._original

    def current_record(self) -> Agreement:
        """The record as stored now."""
        assert self._original is not None and self._original.id is not None
        return self._services.agreements.get(self._original.id)

    def take_record(self, current: Agreement, *, show: bool) -> None:
        """Edit *current* from now on; with *show*, fill the widgets with it."""
        self._original = current
        if show:
            self._load(current)

    def store(self, record: Agreement) -> Agreement:
        """Create or update through the undo stack."""
        service = self._services.agreements
        labels = (
            QCoreApplication.translate("AgreementEditor", "Add agreement {title}").format(
                title=record.title
            ),
            QCoreApplication.translate("AgreementEditor", "Edit agreement {title}").format(
                title=record.title
            ),
        )
        stored = undoable_save(
            self.undo_stack, service, self._original, record, labels, show_undo_error
        )
        self._original = stored
        return stored


__all__ = ["AgreementEditor", "agreement_kind_label"]
