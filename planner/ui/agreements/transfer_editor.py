"""The transfer editor: a data set or material moving between institutions under an agreement."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from planner.domain.enums import RecordKind, TransferKind, TransferStatus
from planner.domain.errors import FieldProblem, ValidationError
from planner.domain.paperwork import MaterialTransfer
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
from planner.ui.common.labels import (
    agreement_kind_label,
    transfer_kind_label,
    transfer_status_label,
)
from planner.ui.common.undo import undoable_save

#: What the combos hold for "nothing chosen" in a required field (never a real id).
_NONE_CHOSEN = 0


def _id_of(combo: QComboBox) -> int:
    value = combo.currentData()
    return int(value) if value is not None else _NONE_CHOSEN


class TransferEditor(RecordEditorDialog):
    """Create (``transfer_id`` None) or edit a data or material transfer; saves are undoable.

    *agreement_id* preselects the agreement of a new transfer (the one selected in the
    register). Raises NotFoundError when *transfer_id* names no transfer.
    """

    record_kind = RecordKind.MATERIAL_TRANSFER

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        transfer_id: int | None = None,
        parent: QWidget | None = None,
        *,
        agreement_id: int | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.setObjectName("transferEditor")
        self._services = services
        self._original: MaterialTransfer | None = (
            services.transfers.get(transfer_id) if transfer_id is not None else None
        )
        form = self.add_form(ValidatedFormLayout())
        self._add_agreement_field(form, services)
        self._add_material_fields(form)
        self._add_route_fields(form, services)
        self._add_control_fields(form)
        self.body_layout.addLayout(form)
        self._fit_combos_and_chain_tabs()
        self._load(self._original, agreement_id)
        self.mark_clean()
        self.listen(services.bus)  # changes made elsewhere are taken in live
        self._set_title()
        self.setMinimumWidth(640)
        if self._original is None and agreement_id is None:
            self.agreement_combo.setFocus()
        else:
            self.title_edit.setFocus()

    def _add_agreement_field(self, form: ValidatedFormLayout, services: Services) -> None:
        """The agreement the transfer falls under (remembering each one's partner)."""
        self.agreement_combo = QComboBox(self)
        self.agreement_combo.addItem(
            QCoreApplication.translate("TransferEditor", "(choose an agreement)"), None
        )
        self._partners: dict[int, int | None] = {}
        for agreement in services.agreements.list():
            if agreement.id is None:
                continue
            text = agreement.title
            if agreement.reference:
                text += f" ({agreement.reference})"
            self.agreement_combo.addItem(text, agreement.id)
            self.agreement_combo.setItemData(
                self.agreement_combo.count() - 1,
                f"{agreement_kind_label(agreement.kind)}: {text}",
                Qt.ItemDataRole.ToolTipRole,
            )
            self._partners[agreement.id] = agreement.partner_institution_id
        form.add_field(
            QCoreApplication.translate("TransferEditor", "&Agreement"),
            self.agreement_combo,
            "agreement_id",
        )

    def _add_material_fields(self, form: ValidatedFormLayout) -> None:
        """What moves: its kind, title and description."""
        self.kind_combo = QComboBox(self)
        for kind in TransferKind:
            self.kind_combo.addItem(transfer_kind_label(kind), kind)
        form.add_field(
            QCoreApplication.translate("TransferEditor", "&Kind"), self.kind_combo, "kind"
        )
        self.title_edit = QLineEdit(self)
        self.title_edit.setPlaceholderText(
            QCoreApplication.translate("TransferEditor", "e.g. Evaluation corpus, v2")
        )
        form.add_field(
            QCoreApplication.translate("TransferEditor", "&Title"), self.title_edit, "title"
        )
        self.description_edit = QPlainTextEdit(self)
        self.description_edit.setTabChangesFocus(True)
        self.description_edit.setFixedHeight(
            self.description_edit.fontMetrics().lineSpacing() * 3 + 12
        )
        form.add_field(
            QCoreApplication.translate("TransferEditor", "&Description"),
            self.description_edit,
            "description",
        )

    def _add_route_fields(self, form: ValidatedFormLayout, services: Services) -> None:
        """Where it moves from and to, and the visit it belongs to."""
        institutions = sorted(services.institutions.list(), key=lambda i: i.name.casefold())
        self.from_combo = QComboBox(self)
        self.to_combo = QComboBox(self)
        for combo in (self.from_combo, self.to_combo):
            combo.addItem(
                QCoreApplication.translate("TransferEditor", "(choose an institution)"), None
            )
            for inst in institutions:
                combo.addItem(institution_name(inst.name, inst.name_ja, inst.short_name), inst.id)
        form.add_field(
            QCoreApplication.translate("TransferEditor", "&From"),
            self.from_combo,
            "from_institution_id",
        )
        form.add_field(
            QCoreApplication.translate("TransferEditor", "T&o"), self.to_combo, "to_institution_id"
        )
        self.visit_combo = QComboBox(self)
        self.visit_combo.addItem(QCoreApplication.translate("TransferEditor", "(no visit)"), None)
        for visit in services.visits.summaries():
            self.visit_combo.addItem(f"{visit.code} — {visit.visitor_name}", visit.id)
        self.visit_combo.setToolTip(
            QCoreApplication.translate(
                "TransferEditor", "The visit the transfer belongs to, if any"
            )
        )
        form.add_field(
            QCoreApplication.translate("TransferEditor", "&Visit"), self.visit_combo, "visit_id"
        )

    def _add_control_fields(self, form: ValidatedFormLayout) -> None:
        """Export control, status, date and notes."""
        self.export_edit = QLineEdit(self)
        self.export_edit.setPlaceholderText(
            QCoreApplication.translate("TransferEditor", "e.g. EAR99, 3E001, not controlled")
        )
        form.add_field(
            QCoreApplication.translate("TransferEditor", "E&xport control"),
            self.export_edit,
            "export_control_classification",
        )
        self.status_combo = QComboBox(self)
        for status in TransferStatus:
            self.status_combo.addItem(transfer_status_label(status), status)
        form.add_field(
            QCoreApplication.translate("TransferEditor", "&Status"), self.status_combo, "status"
        )
        self.date_edit = OptionalDateEdit(self)
        self.date_edit.setToolTip(
            QCoreApplication.translate("TransferEditor", "When it moved (or is planned to)")
        )
        form.add_field(
            QCoreApplication.translate("TransferEditor", "Dat&e"), self.date_edit, "transfer_date"
        )
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setFixedHeight(self.notes_edit.fontMetrics().lineSpacing() * 3 + 12)
        form.add_field(
            QCoreApplication.translate("TransferEditor", "&Notes"), self.notes_edit, "notes"
        )

    def _fit_combos_and_chain_tabs(self) -> None:
        """Long entries must not widen the dialog; tab through the fields in form order."""
        for combo in (self.agreement_combo, self.from_combo, self.to_combo, self.visit_combo):
            # Long titles must not stretch the dialog; the open list shows them in full.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(30)
            view = combo.view()
            view.setMinimumWidth(view.sizeHintForColumn(0) + 24)
        set_tab_chain(
            [
                self.agreement_combo,
                self.kind_combo,
                self.title_edit,
                self.description_edit,
                self.from_combo,
                self.to_combo,
                self.visit_combo,
                self.export_edit,
                self.status_combo,
                self.date_edit,
                self.notes_edit,
                *self.buttons.buttons(),
            ]
        )

    def _set_title(self) -> None:
        """The window title: new, or the transfer's title."""
        self.setWindowTitle(
            QCoreApplication.translate("TransferEditor", "New transfer")
            if self._original is None
            else QCoreApplication.translate("TransferEditor", "Edit transfer — {title}").format(
                title=self._original.title
            )
        )

    def _load(self, transfer: MaterialTransfer | None, agreement_id: int | None) -> None:
        if transfer is None:
            self.agreement_combo.setCurrentIndex(
                max(0, self.agreement_combo.findData(agreement_id))
            )
            partner = self._partners.get(agreement_id) if agreement_id is not None else None
            # Most transfers come from the partner; the coordinator corrects it otherwise.
            self.from_combo.setCurrentIndex(max(0, self.from_combo.findData(partner)))
            self.to_combo.setCurrentIndex(0)
            select_data(self.kind_combo, TransferKind.DATA_SET)
            select_data(self.status_combo, TransferStatus.PLANNED)
            return
        self.agreement_combo.setCurrentIndex(
            max(0, self.agreement_combo.findData(transfer.agreement_id))
        )
        select_data(self.kind_combo, transfer.kind)
        self.title_edit.setText(transfer.title)
        self.description_edit.setPlainText(transfer.description)
        self.from_combo.setCurrentIndex(
            max(0, self.from_combo.findData(transfer.from_institution_id))
        )
        self.to_combo.setCurrentIndex(max(0, self.to_combo.findData(transfer.to_institution_id)))
        self.visit_combo.setCurrentIndex(max(0, self.visit_combo.findData(transfer.visit_id)))
        self.export_edit.setText(transfer.export_control_classification)
        select_data(self.status_combo, transfer.status)
        self.date_edit.set_value(transfer.transfer_date)
        self.notes_edit.setPlainText(transfer.notes)

    def collect(self) -> MaterialTransfer:
        """The transfer the form describes now (0 for an agreement or institution not chosen)."""
        kind = self.kind_combo.currentData()
        status = self.status_combo.currentData()
        visit = self.visit_combo.currentData()
        return MaterialTransfer(
            agreement_id=_id_of(self.agreement_combo),
            kind=TransferKind(kind) if kind else TransferKind.DATA_SET,
            title=line_text(self.title_edit),
            from_institution_id=_id_of(self.from_combo),
            to_institution_id=_id_of(self.to_combo),
            status=TransferStatus(status) if status else TransferStatus.PLANNED,
            visit_id=int(visit) if visit is not None else None,
            description=self.description_edit.toPlainText().strip(),
            export_control_classification=line_text(self.export_edit),
            transfer_date=self.date_edit.value(),
            notes=self.notes_edit.toPlainText().strip(),
            id=self._original.id if self._original is not None else None,
        )

    def has_record(self) -> bool:
        """Whether an existing transfer is being edited."""
        return self._original is not None

    def check(self, record: MaterialTransfer) -> None:
        """An agreement and both institutions chosen, then the service's rules."""
        problems: list[FieldProblem] = []
        if record.agreement_id == _NONE_CHOSEN:
            problems.append(
                FieldProblem(
                    "agreement_id",
                    QCoreApplication.translate(
                        "TransferEditor", "Choose the agreement it moves under"
                    ),
                )
            )
        if not record.title:
            problems.append(
                FieldProblem(
                    "title", QCoreApplication.translate("TransferEditor", "Title is required")
                )
            )
        if record.from_institution_id == _NONE_CHOSEN:
            problems.append(
                FieldProblem(
                    "from_institution_id",
                    QCoreApplication.translate(
                        "TransferEditor", "Choose the institution it comes from"
                    ),
                )
            )
        if record.to_institution_id == _NONE_CHOSEN:
            problems.append(
                FieldProblem(
                    "to_institution_id",
                    QCoreApplication.translate(
                        "TransferEditor", "Choose the institution it goes to"
                    ),
                )
            )
        if problems:
            raise ValidationError(problems)
        self._services.transfers.validate(record)

    # -- conflicts (someone else saved it since it was opened) --------------------------------

    def opened_record(self) -> MaterialTransfer | None:
        """The record as opened (or as last saved here)."""
        return self._original

    def current_record(self) -> MaterialTransfer:
        """The record as stored now."""
        assert self._original is not None and self._original.id is not None
        return self._services.transfers.get(self._original.id)

    def take_record(self, current: MaterialTransfer, *, show: bool) -> None:
        """Edit *current* from now on; with *show*, fill the widgets with it."""
        self._original = current
        if show:
            self._load(current, current.agreement_id)

    def store(self, record: MaterialTransfer) -> MaterialTransfer:
        """Create or update through the undo stack."""
        service = self._services.transfers
        labels = (
            QCoreApplication.translate("TransferEditor", "Add transfer {title}").format(
                title=record.title
            ),
            QCoreApplication.translate("TransferEditor", "Edit transfer {title}").format(
                title=record.title
            ),
        )
        stored = undoable_save(
            self.undo_stack, service, self._original, record, labels, show_undo_error
        )
        self._original = stored
        return stored


__all__ = ["TransferEditor", "transfer_kind_label", "transfer_status_label"]
