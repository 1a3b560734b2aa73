"""The institution editor: names, kind, place and the IANA time zone its local times use."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QWidget

from planner.domain.entities import Institution
from planner.domain.enums import InstitutionKind, RecordKind
from planner.domain.validation import validate_institution
from planner.services.container import Services
from planner.ui.common.form_widgets import (
    CountryCombo,
    RecordEditorDialog,
    TimeZoneCombo,
    ValidatedFormLayout,
    line_text,
    set_tab_chain,
    show_undo_error,
)
from planner.ui.common.labels import institution_kind_label
from planner.ui.common.undo import undoable_save


class InstitutionEditor(RecordEditorDialog):
    """Create (``institution_id`` None) or edit an institution; each save is undoable.

    An unknown time zone or country code is reported under its field. Raises NotFoundError
    when *institution_id* names no institution.
    """

    record_kind = RecordKind.INSTITUTION

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        institution_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.setObjectName("institutionEditor")
        self._services = services
        self._original: Institution | None = (
            services.institutions.get(institution_id) if institution_id is not None else None
        )
        form = self.add_form(ValidatedFormLayout())
        self._add_name_fields(form)
        self._add_place_fields(form)
        self.body_layout.addLayout(form)
        self._chain_tabs()
        self._load(self._original)
        self.mark_clean()
        self.listen(services.bus)  # changes made elsewhere are taken in live
        self.setWindowTitle(
            QCoreApplication.translate("InstitutionEditor", "New institution")
            if self._original is None
            else QCoreApplication.translate(
                "InstitutionEditor", "Edit institution — {name}"
            ).format(name=self._original.name)
        )
        self.setMinimumWidth(520)
        self.name_edit.setFocus()

    def _add_name_fields(self, form: ValidatedFormLayout) -> None:
        """The names in both languages, the short name and the kind."""
        self.name_edit = QLineEdit(self)
        self.name_edit.setPlaceholderText("Argonne National Laboratory")
        form.add_field(
            QCoreApplication.translate("InstitutionEditor", "&Name"), self.name_edit, "name"
        )
        self.name_ja_edit = QLineEdit(self)
        self.name_ja_edit.setPlaceholderText("理化学研究所")
        form.add_field(
            QCoreApplication.translate("InstitutionEditor", "Name in &Japanese"),
            self.name_ja_edit,
            "name_ja",
        )
        self.short_name_edit = QLineEdit(self)
        self.short_name_edit.setPlaceholderText("Argonne")
        form.add_field(
            QCoreApplication.translate("InstitutionEditor", "&Short name"),
            self.short_name_edit,
            "short_name",
        )
        self.kind_combo = QComboBox(self)
        for kind in InstitutionKind:
            self.kind_combo.addItem(institution_kind_label(kind), kind)
        form.add_field(
            QCoreApplication.translate("InstitutionEditor", "&Kind"), self.kind_combo, "kind"
        )

    def _add_place_fields(self, form: ValidatedFormLayout) -> None:
        """Where the institution is: country, city, address and time zone."""
        self.country_combo = CountryCombo(self)
        form.add_field(
            QCoreApplication.translate("InstitutionEditor", "&Country"),
            self.country_combo,
            "country",
        )
        self.city_edit = QLineEdit(self)
        form.add_field(
            QCoreApplication.translate("InstitutionEditor", "C&ity"), self.city_edit, "city"
        )
        self.address_edit = QPlainTextEdit(self)
        self.address_edit.setTabChangesFocus(True)
        self.address_edit.setFixedHeight(self.address_edit.fontMetrics().lineSpacing() * 4 + 12)
        form.add_field(
            QCoreApplication.translate("InstitutionEditor", "&Address"),
            self.address_edit,
            "address",
        )
        self.zone_combo = TimeZoneCombo(self)
        self.zone_combo.setToolTip(
            QCoreApplication.translate(
                "InstitutionEditor", "The IANA time zone local times here are shown in"
            )
        )
        form.add_field(
            QCoreApplication.translate("InstitutionEditor", "&Time zone"),
            self.zone_combo,
            "timezone",
        )

    def _chain_tabs(self) -> None:
        """Tab through the fields in form order, then the buttons."""
        set_tab_chain(
            [
                self.name_edit,
                self.name_ja_edit,
                self.short_name_edit,
                self.kind_combo,
                self.country_combo,
                self.city_edit,
                self.address_edit,
                self.zone_combo,
                *self.buttons.buttons(),
            ]
        )

    def _load(self, inst: Institution | None) -> None:
        if inst is None:
            self.kind_combo.setCurrentIndex(self.kind_combo.findData(InstitutionKind.UNIVERSITY))
            self.country_combo.set_code("")
            self.zone_combo.set_zone("")
            return
        self.name_edit.setText(inst.name)
        self.name_ja_edit.setText(inst.name_ja)
        self.short_name_edit.setText(inst.short_name)
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(inst.kind))
        self.country_combo.set_code(inst.country)
        self.city_edit.setText(inst.city)
        self.address_edit.setPlainText(inst.address)
        self.zone_combo.set_zone(inst.timezone)

    def collect(self) -> Institution:
        """The institution the form describes now."""
        kind = self.kind_combo.currentData()
        return Institution(
            name=line_text(self.name_edit),
            kind=InstitutionKind(kind) if kind else InstitutionKind.OTHER,
            country=self.country_combo.code(),
            timezone=self.zone_combo.zone(),
            name_ja=line_text(self.name_ja_edit),
            short_name=line_text(self.short_name_edit),
            city=line_text(self.city_edit),
            address=self.address_edit.toPlainText().strip(),
            id=self._original.id if self._original is not None else None,
        )

    def has_record(self) -> bool:
        """Whether an existing institution is being edited."""
        return self._original is not None

    def check(self, record: Institution) -> None:
        """The domain's rules: a name, an ISO country code, a known IANA zone."""
        validate_institution(record)

    # -- conflicts (someone else saved it since it was opened) --------------------------------

    def opened_record(self) -> Institution | None:
        """The record as opened (or as last saved here)."""
        return self._original

    def current_record(self) -> Institution:
        """The record as stored now."""
        assert self._original is not None and self._original.id is not None
        return self._services.institutions.get(self._original.id)

    def take_record(self, current: Institution, *, show: bool) -> None:
        """Edit *current* from now on; with *show*, fill the widgets with it."""
        self._original = current
        if show:
            self._load(current)

    def store(self, record: Institution) -> Institution:
        """Create or update through the undo stack."""
        service = self._services.institutions
        labels = (
            QCoreApplication.translate("InstitutionEditor", "Add institution {name}").format(
                name=record.name
            ),
            QCoreApplication.translate("InstitutionEditor", "Edit institution {name}").format(
                name=record.name
            ),
        )
        stored = undoable_save(
            self.undo_stack, service, self._original, record, labels, show_undo_error
        )
        self._original = stored
        return stored
