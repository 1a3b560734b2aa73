"""The person editor: names in both scripts, affiliation, contact, and masked sensitive fields."""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QWidget,
)

from planner.domain.entities import Person
from planner.domain.enums import PersonCategory, RecordKind
from planner.domain.errors import FieldProblem, PlannerError, ValidationError
from planner.domain.validation import validate_person
from planner.services.changes import initiated_by
from planner.services.container import Services
from planner.ui.common.errors import error_message
from planner.ui.common.form_widgets import (
    MASK_TEXT,
    CountryCombo,
    OptionalDateEdit,
    RecordEditorDialog,
    ValidatedFormLayout,
    line_text,
    set_tab_chain,
    show_undo_error,
)
from planner.ui.common.formats import institution_name, phone_text
from planner.ui.common.labels import person_category_label
from planner.ui.common.undo import undoable_save


def person_display_name(person: Person) -> str:
    """The name undo labels and titles use: Latin if recorded, else the native name."""
    return (
        person.latin_name
        or person.native_name
        or QCoreApplication.translate("PersonEditor", "(no name)")
    )


class MaskedField(QStackedWidget):
    """Shows ``••••••`` in place of *editor* until :meth:`set_revealed` (True) is called.

    The mask is a separate read-only line edit, so while masked the real value is in no
    widget at all (the editor holds it only while revealed; the dialog keeps it otherwise).
    """

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mask_edit = QLineEdit(MASK_TEXT, self)
        self.mask_edit.setObjectName("maskedValue")
        self.mask_edit.setReadOnly(True)
        # Read-only and out of the tab chain, but not disabled: a disabled field's text is
        # too faint to tell "hidden" from "empty", and its tooltip would not show.
        self.mask_edit.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.mask_edit.setToolTip(
            QCoreApplication.translate(
                "PersonEditor", "Hidden: use “Reveal sensitive fields” to see or change it"
            )
        )
        self.editor = editor
        self.addWidget(self.mask_edit)
        self.addWidget(editor)
        self.setCurrentWidget(self.mask_edit)
        # One line high like the fields around it; a stacked widget would grow with the dialog.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def revealed(self) -> bool:
        """Whether the editor is shown."""
        return self.currentWidget() is self.editor

    def set_revealed(self, revealed: bool) -> None:
        """Show the editor (True) or the mask (False)."""
        self.setCurrentWidget(self.editor if revealed else self.mask_edit)


@dataclasses.dataclass
class _Sensitive:
    date_of_birth: date | None = None
    passport_number: str = ""
    passport_expiry: date | None = None


class PersonEditor(RecordEditorDialog):
    """Create (``person_id`` None) or edit a person; every save is one undoable step.

    Date of birth, passport number and passport expiry are masked until the coordinator
    presses "Reveal sensitive fields" (per dialog; never remembered). Raises NotFoundError
    when *person_id* names no person.
    """

    record_kind = RecordKind.PERSON

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        person_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.setObjectName("personEditor")
        self._services = services
        self._original: Person | None = (
            services.people.get(person_id) if person_id is not None else None
        )
        self._sensitive = _Sensitive()
        #: Each institution's country: the region of phone numbers without a country code.
        self._countries: dict[int, str] = {}
        #: The phone as shown (for the coordinator's country) and as stored: an untouched
        #: field keeps the stored value exactly.
        self._phone_shown = ("", "")
        self._build()
        self._load(self._original)
        self.mark_clean()
        self.listen(services.bus)  # changes made elsewhere are taken in live
        self.setWindowTitle(
            QCoreApplication.translate("PersonEditor", "New person")
            if self._original is None
            else QCoreApplication.translate("PersonEditor", "Edit person — {name}").format(
                name=person_display_name(self._original)
            )
        )

    # -- building --------------------------------------------------------------------------

    def _build(self) -> None:
        left = self.add_form(ValidatedFormLayout())
        self._add_name_fields(left)
        self._add_affiliation_fields(left)
        right = self.add_form(ValidatedFormLayout())
        self._add_sensitive_fields(right)
        self._add_notes_field(right)

        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(12)
        columns.addLayout(right, 1)
        self.body_layout.addLayout(columns)

        self._chain_tabs()
        self.family_edit.setFocus()

    def _add_name_fields(self, left: ValidatedFormLayout) -> None:
        """The names, in Latin letters and in the native script."""
        left.add_section(QCoreApplication.translate("PersonEditor", "Name"))
        self.family_edit = QLineEdit(self)
        self.family_edit.setPlaceholderText("Tanaka")
        left.add_field(
            QCoreApplication.translate("PersonEditor", "&Family name"),
            self.family_edit,
            "family_name",
        )
        self.given_edit = QLineEdit(self)
        self.given_edit.setPlaceholderText("Hiroshi")
        left.add_field(
            QCoreApplication.translate("PersonEditor", "&Given name"), self.given_edit, "given_name"
        )
        self.family_native_edit = QLineEdit(self)
        self.family_native_edit.setPlaceholderText("田中")
        left.add_field(
            QCoreApplication.translate("PersonEditor", "Family name (&native)"),
            self.family_native_edit,
            "family_name_native",
        )
        self.given_native_edit = QLineEdit(self)
        self.given_native_edit.setPlaceholderText("博")
        left.add_field(
            QCoreApplication.translate("PersonEditor", "Given name (nat&ive)"),
            self.given_native_edit,
            "given_name_native",
        )
        self.preferred_edit = QLineEdit(self)
        left.add_field(
            QCoreApplication.translate("PersonEditor", "&Preferred name"),
            self.preferred_edit,
            "preferred_name",
        )

    def _add_affiliation_fields(self, left: ValidatedFormLayout) -> None:
        """Category, home institution, contact and nationality."""
        left.add_section(QCoreApplication.translate("PersonEditor", "Affiliation and contact"))
        self.category_combo = QComboBox(self)
        for category in PersonCategory:
            self.category_combo.addItem(person_category_label(category), category)
        left.add_field(
            QCoreApplication.translate("PersonEditor", "&Category"), self.category_combo, "category"
        )
        self.institution_combo = QComboBox(self)
        self.institution_combo.setPlaceholderText(
            QCoreApplication.translate("PersonEditor", "Choose an institution")
        )
        for inst in self._services.institutions.list():
            text = institution_name(inst.name, inst.name_ja, inst.short_name)
            self.institution_combo.addItem(text, inst.id)
            if inst.id is not None:
                self._countries[inst.id] = inst.country
        self.institution_combo.setCurrentIndex(-1)
        left.add_field(
            QCoreApplication.translate("PersonEditor", "&Home institution"),
            self.institution_combo,
            "home_institution_id",
        )
        self.email_edit = QLineEdit(self)
        self.email_edit.setPlaceholderText("name@example.org")
        left.add_field(
            QCoreApplication.translate("PersonEditor", "&E-mail"), self.email_edit, "email"
        )
        self.phone_edit = QLineEdit(self)
        left.add_field(
            QCoreApplication.translate("PersonEditor", "P&hone"), self.phone_edit, "phone"
        )
        self.nationality_combo = CountryCombo(self, allow_empty=True)
        left.add_field(
            QCoreApplication.translate("PersonEditor", "Nationalit&y"),
            self.nationality_combo,
            "nationality",
        )

    def _add_sensitive_fields(self, right: ValidatedFormLayout) -> None:
        """Birth date and passport, masked until revealed."""
        right.add_section(
            QCoreApplication.translate("PersonEditor", "Sensitive (passport and birth date)")
        )
        self.reveal_button = QPushButton(
            QCoreApplication.translate("PersonEditor", "&Reveal sensitive fields"), self
        )
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.setCheckable(True)
        self.reveal_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.reveal_button.toggled.connect(self.set_revealed)
        right.addRow("", self.reveal_button)
        self.dob_edit = OptionalDateEdit(self)
        self.dob_edit.set_default(date(1985, 1, 1))
        self.dob_field = MaskedField(self.dob_edit, self)
        right.add_field(
            QCoreApplication.translate("PersonEditor", "&Date of birth"),
            self.dob_field,
            "date_of_birth",
        )
        self.passport_edit = QLineEdit(self)
        self.passport_edit.setObjectName("passportNumber")
        self.passport_field = MaskedField(self.passport_edit, self)
        right.add_field(
            QCoreApplication.translate("PersonEditor", "Pass&port number"),
            self.passport_field,
            "passport_number",
        )
        self.expiry_edit = OptionalDateEdit(self)
        self.expiry_field = MaskedField(self.expiry_edit, self)
        right.add_field(
            QCoreApplication.translate("PersonEditor", "Passport e&xpiry"),
            self.expiry_field,
            "passport_expiry",
        )
        if not self._services.db.access.read_sensitive:
            self._withhold_sensitive(right)

    def _withhold_sensitive(self, right: ValidatedFormLayout) -> None:
        """A login whose role cannot read them (the server refuses it): no Reveal, no fields,
        one line saying why."""
        for widget in (self.reveal_button, self.dob_field, self.passport_field, self.expiry_field):
            right.setRowVisible(widget, False)
        note = QLabel(
            QCoreApplication.translate(
                "PersonEditor",
                "Not shown: your login's role does not include passports and dates of birth",
            ),
            self,
        )
        note.setObjectName("sensitiveWithheld")
        note.setWordWrap(True)
        right.addRow("", note)

    def _add_notes_field(self, right: ValidatedFormLayout) -> None:
        """The coordinators' internal notes."""
        right.add_section(
            QCoreApplication.translate("PersonEditor", "Internal notes (never exported)")
        )
        self.notes_edit = QPlainTextEdit(self)
        self.notes_edit.setTabChangesFocus(True)
        self.notes_edit.setPlaceholderText(
            QCoreApplication.translate("PersonEditor", "Only coordinators see these notes.")
        )
        right.addRow(self.notes_edit)

    def _chain_tabs(self) -> None:
        """Tab order follows the reading order: the left column, then the right one."""
        chain: list[QWidget] = [
            self.family_edit,
            self.given_edit,
            self.family_native_edit,
            self.given_native_edit,
            self.preferred_edit,
            self.category_combo,
            self.institution_combo,
            self.email_edit,
            self.phone_edit,
            self.nationality_combo,
            self.reveal_button,
            self.dob_edit.edit,
            self.passport_edit,
            self.expiry_edit.edit,
            self.notes_edit,
            *self.buttons.buttons(),
        ]
        set_tab_chain(chain)

    # -- loading and collecting ------------------------------------------------------------

    def _load(self, person: Person | None) -> None:
        if person is None:
            self.category_combo.setCurrentIndex(0)
            return
        self.family_edit.setText(person.family_name)
        self.given_edit.setText(person.given_name)
        self.family_native_edit.setText(person.family_name_native)
        self.given_native_edit.setText(person.given_name_native)
        self.preferred_edit.setText(person.preferred_name)
        self.category_combo.setCurrentIndex(self.category_combo.findData(person.category))
        self.institution_combo.setCurrentIndex(
            self.institution_combo.findData(person.home_institution_id)
        )
        self.email_edit.setText(person.email)
        self._phone_shown = (phone_text(person.phone), person.phone)
        self.phone_edit.setText(self._phone_shown[0])
        self.nationality_combo.set_code(person.nationality)
        self.notes_edit.setPlainText(person.internal_notes)
        # Sensitive values stay out of the widgets until revealed.
        self._sensitive = _Sensitive(
            person.date_of_birth, person.passport_number, person.passport_expiry
        )

    @property
    def revealed(self) -> bool:
        """Whether the sensitive fields are shown and editable."""
        return self.passport_field.revealed

    def set_revealed(self, revealed: bool) -> None:
        """Show the sensitive values for editing (True) or mask them again (False)."""
        if revealed == self.revealed:
            return
        if revealed and not self._record_reveal():
            self.reveal_button.setChecked(False)
            return
        if revealed:
            self.dob_edit.set_value(self._sensitive.date_of_birth)
            self.passport_edit.setText(self._sensitive.passport_number)
            self.expiry_edit.set_value(self._sensitive.passport_expiry)
        else:
            self._sensitive = self._sensitive_from_widgets()
            # Empty the editors, so a masked value is in no widget at all.
            self.dob_edit.clear()
            self.passport_edit.clear()
            self.expiry_edit.clear()
        for field in (self.dob_field, self.passport_field, self.expiry_field):
            field.set_revealed(revealed)
        self.reveal_button.setText(
            QCoreApplication.translate("PersonEditor", "&Hide sensitive fields")
            if revealed
            else QCoreApplication.translate("PersonEditor", "&Reveal sensitive fields")
        )
        if self.reveal_button.isChecked() != revealed:
            self.reveal_button.setChecked(revealed)

    def _record_reveal(self) -> bool:
        """Audit the reveal of a stored person (a new one has nothing stored to reveal).

        False, with the reason shown, when the entry could not be written: then the values
        stay hidden, since a reveal nobody can trace is what the audit exists to prevent.
        """
        if self.person_id is None:
            return True
        try:
            self._services.people.record_reveal(self.person_id, Person.SENSITIVE_FIELDS)
        except PlannerError as exc:
            QMessageBox.warning(
                self,
                QCoreApplication.translate("PersonEditor", "Cannot reveal sensitive fields"),
                error_message(exc),
            )
            return False
        return True

    def _sensitive_from_widgets(self) -> _Sensitive:
        return _Sensitive(
            self.dob_edit.value(), line_text(self.passport_edit), self.expiry_edit.value()
        )

    def _phone(self) -> str:
        """The phone typed, or the stored value when the field shows it unchanged."""
        typed = line_text(self.phone_edit)
        shown, stored = self._phone_shown
        return stored if typed == shown else typed

    def collect(self) -> Person:
        """The person the form describes now."""
        sensitive = self._sensitive_from_widgets() if self.revealed else self._sensitive
        category = self.category_combo.currentData()
        institution = self.institution_combo.currentData()
        return Person(
            family_name=line_text(self.family_edit),
            given_name=line_text(self.given_edit),
            category=PersonCategory(category) if category else PersonCategory.RESEARCHER,
            home_institution_id=int(institution) if institution is not None else 0,
            family_name_native=line_text(self.family_native_edit),
            given_name_native=line_text(self.given_native_edit),
            preferred_name=line_text(self.preferred_edit),
            email=line_text(self.email_edit),
            phone=self._phone(),
            nationality=self.nationality_combo.code(),
            date_of_birth=sensitive.date_of_birth,
            passport_number=sensitive.passport_number,
            passport_expiry=sensitive.passport_expiry,
            internal_notes=self.notes_edit.toPlainText().strip(),
            id=self._original.id if self._original is not None else None,
        )

    # -- saving ----------------------------------------------------------------------------

    def has_record(self) -> bool:
        """Whether an existing person is being edited."""
        return self._original is not None

    @property
    def person_id(self) -> int | None:
        """Id of the person edited (set once a new person is saved)."""
        return self._original.id if self._original is not None else None

    def check(self, record: Person) -> None:
        """Every problem at once: the domain's rules plus a chosen home institution."""
        problems: list[FieldProblem] = []
        institution = self.institution_combo.currentData()
        region = self._countries.get(int(institution)) if institution is not None else None
        try:
            # A stored number that does not read as one is shown as stored, but a save asks
            # for a valid one (the service itself tolerates it unchanged, for other writers).
            validate_person(record, region)
        except ValidationError as exc:
            problems.extend(exc.problems)
        if self.institution_combo.currentIndex() < 0:
            problems.append(
                FieldProblem(
                    "home_institution_id",
                    QCoreApplication.translate("PersonEditor", "Choose a home institution"),
                )
            )
        if problems:
            raise ValidationError(problems)

    # -- conflicts (someone else saved the person since it was opened) -----------------------

    def opened_record(self) -> Person | None:
        """The person as opened (or as last saved here)."""
        return self._original

    def current_record(self) -> Person:
        """The person as stored now."""
        assert self._original is not None and self._original.id is not None
        return self._services.people.get(self._original.id)

    def take_record(self, current: Person, *, show: bool) -> None:
        """Edit *current* from now on; with *show*, fill the widgets (revealed ones too)."""
        self._original = current
        if show:
            self._load(current)
            if self.revealed:
                self.dob_edit.set_value(current.date_of_birth)
                self.passport_edit.setText(current.passport_number)
                self.expiry_edit.set_value(current.passport_expiry)

    def masked_fields(self) -> frozenset[str]:
        """Sensitive values stay hidden in the conflict dialog until revealed here."""
        return frozenset() if self.revealed else frozenset(Person.SENSITIVE_FIELDS)

    def overwrite_record(self, opened: Person, mine: Person, current: Person) -> Person:
        """Mine, except sensitive values the coordinator left as opened: theirs stay (an
        overwrite must not silently undo a change to a value this editor never showed)."""
        kept = {
            name: getattr(current, name)
            for name in Person.SENSITIVE_FIELDS
            if getattr(mine, name) == getattr(opened, name)
        }
        return dataclasses.replace(mine, **kept)

    def store(self, record: Person) -> Person:
        """Create or update through the undo stack, with a readable undo label."""
        name = person_display_name(record)
        people = self._services.people
        labels = (
            QCoreApplication.translate("PersonEditor", "Add person {name}").format(name=name),
            QCoreApplication.translate("PersonEditor", "Edit person {name}").format(name=name),
        )
        with initiated_by(self):
            stored = undoable_save(
                self.undo_stack, people, self._original, record, labels, show_undo_error
            )
        self._original = stored
        return stored
