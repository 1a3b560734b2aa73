"""Reusable pieces for record editors: inline validation, country and zone pickers, dates.

How an editor uses them (the person, institution and project editors do exactly this)::

    class ThingEditor(RecordEditorDialog):
        def __init__(self, ...):
            super().__init__(undo_stack, parent)
            form = ValidatedFormLayout()
            self.name_edit = QLineEdit()
            form.add_field("&Name", self.name_edit, "name")      # "name" = dataclass field
            self.zone_combo = TimeZoneCombo()
            form.add_field("Time &zone", self.zone_combo, "timezone")
            self.add_form(form)                  # errors for "name"/"timezone" show under them
            self.body_layout.addLayout(form)
            self.load(...)                       # fill the widgets
            self.mark_clean()                    # "unsaved changes" compares against this

        def collect(self) -> Thing: ...          # entity from the widgets; never raises
        def check(self, thing) -> None: ...      # raise ValidationError (all problems at once)
        def store(self, thing) -> Thing: ...     # undoable_create / undoable_update

The base dialog wires Save (``QKeySequence.Save`` and the Save button), Close
(``QKeySequence.Close``, Esc, the window's close button, Cancel) with a Save / Discard / Cancel
question when something changed, and shows a :class:`ValidationError`'s problems in red under
the fields they name (problems naming no field go to a banner at the top), never in a stack
of message boxes.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from typing import Any, TypeVar
from zoneinfo import available_timezones

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QKeySequence,
    QShowEvent,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from planner.domain.countries import country_names, parse_country
from planner.domain.enums import AuditAction, RecordKind
from planner.domain.errors import ConflictError, FieldProblem, PlannerError, ValidationError
from planner.services.changes import Change, ChangeBus
from planner.ui.common import live_fields, palette
from planner.ui.common.access import current_access, read_only_tip
from planner.ui.common.conflict_dialog import ConflictDialog
from planner.ui.common.date_field import DateField
from planner.ui.common.editor_size import DEFAULT_EDITOR_SIZE, remember_size
from planner.ui.common.errors import planner_error_text, problem_text
from planner.ui.common.formats import country_names as localised_country_names
from planner.ui.common.notify import notify_saved, record_label

#: What a masked field shows instead of its value.
MASK_TEXT = "••••••"


def error_colour() -> str:
    """The error text colour (``#rrggbb``) that reads well on the current palette's base."""
    return palette.error_colour().name()


# -- inline validation -------------------------------------------------------------------------


class ValidatedFormLayout(QFormLayout):
    """A :class:`QFormLayout` whose rows can show an error message in red under the field.

    Each row is registered under the dataclass field name(s) the services use in
    :class:`FieldProblem` (``"email"``, ``"home_institution_id"``...), so a
    :class:`ValidationError` from a service lands next to the widget it is about.
    The error row is hidden until it has something to say, so a valid form has no gaps.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self._errors: dict[str, QLabel] = {}
        self._widgets: dict[str, QWidget] = {}

    def add_field(
        self,
        label: str,
        widget: QWidget,
        field: str | None = None,
        *,
        aliases: Iterable[str] = (),
    ) -> QLabel | None:
        """Add a row *label*: *widget*; errors on *field* (or any of *aliases*) show under it.

        *label* may carry a ``&`` mnemonic; the label becomes the widget's buddy. Returns the
        error label of the row (None when the row has no field).
        """
        self.addRow(label, widget)
        if field is None:
            return None
        message = QLabel(self.parentWidget())
        message.setObjectName(f"error_{field}")
        message.setWordWrap(True)
        message.setTextFormat(Qt.TextFormat.PlainText)
        message.setStyleSheet(f"color: {error_colour()};")
        # Screen readers announce it with the field it describes.
        message.setAccessibleName(QCoreApplication.translate("RecordEditor", "Error"))
        self.addRow("", message)
        self.setRowVisible(message, False)
        for name in (field, *aliases):
            self._errors[name] = message
            self._widgets[name] = widget
        return message

    def add_section(self, title: str) -> QLabel:
        """A bold heading spanning both columns, to group the rows that follow."""
        heading = QLabel(title, self.parentWidget())
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.addRow(heading)
        return heading

    # -- showing problems ----------------------------------------------------------------------

    def has_field(self, field: str) -> bool:
        """Whether this form has a row for *field*."""
        return field in self._errors

    def field_widget(self, field: str) -> QWidget | None:
        """The widget registered for *field*."""
        return self._widgets.get(field)

    def error_label(self, field: str) -> QLabel | None:
        """The red label under *field*'s widget."""
        return self._errors.get(field)

    def error_text(self, field: str) -> str:
        """The message shown for *field* ("" when it is valid or hidden)."""
        label = self._errors.get(field)
        if label is None or not self.isRowVisible(label):
            return ""
        return label.text()

    def show_error(self, field: str, message: str) -> bool:
        """Show *message* under *field*; False if this form has no such field.

        A second message for the same row is added on a new line rather than replacing it.
        """
        label = self._errors.get(field)
        if label is None:
            return False
        text = message if not self.isRowVisible(label) else f"{label.text()}\n{message}"
        label.setText(text)
        self.setRowVisible(label, True)
        widget = self._widgets[field]
        widget.setToolTip(text)
        widget.setAccessibleDescription(text)
        return True

    def clear_errors(self) -> None:
        """Hide every error message."""
        for field, label in self._errors.items():
            label.clear()
            self.setRowVisible(label, False)
            widget = self._widgets[field]
            widget.setToolTip("")
            widget.setAccessibleDescription("")

    def show_problems(self, problems: Iterable[FieldProblem]) -> list[FieldProblem]:
        """Show each problem under its field; returns those this form has no row for."""
        unplaced: list[FieldProblem] = []
        for problem in problems:
            if not self.show_error(problem.field, _sentence(problem_text(problem))):
                unplaced.append(problem)
        return unplaced


def _sentence(message: str) -> str:
    """``"expiry is before..."`` → ``"Expiry is before..."``: messages read as sentences."""
    return message[:1].upper() + message[1:] if message else message


def show_problems(
    forms: Sequence[ValidatedFormLayout], problems: Iterable[FieldProblem]
) -> list[FieldProblem]:
    """Show each problem in the first of *forms* that has its field; returns the rest."""
    unplaced: list[FieldProblem] = []
    for problem in problems:
        if not any(
            form.show_error(problem.field, _sentence(problem_text(problem))) for form in forms
        ):
            unplaced.append(problem)
    return unplaced


def first_invalid_widget(
    forms: Sequence[ValidatedFormLayout], problems: Iterable[FieldProblem]
) -> QWidget | None:
    """The widget of the first problem that has one (to put the cursor there)."""
    for problem in problems:
        for form in forms:
            widget = form.field_widget(problem.field)
            if widget is not None:
                return widget
    return None


# -- country and time-zone pickers -------------------------------------------------------------


def _contains_completer(parent: QWidget) -> QCompleter:
    completer = QCompleter(parent)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    # Typing "tokyo" finds "Asia/Tokyo", "japan" finds "JP — Japan".
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return completer


def _set_placeholder(combo: QComboBox, text: str) -> None:
    edit = combo.lineEdit()
    if edit is not None:
        edit.setPlaceholderText(text)


class CountryCombo(QComboBox):
    """An editable, searchable choice of ISO 3166 country: items read ``JP — Japan``.

    :meth:`code` gives the ISO code for the text shown: an item's code, a typed two-letter
    code (upper-cased), a name or alias typed in full (``USA``, ``米国``), or else the text as
    typed so the validation reports it. With *allow_empty* the first item is "not recorded"
    (code ``""``).
    """

    def __init__(self, parent: QWidget | None = None, *, allow_empty: bool = False) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        self._allow_empty = allow_empty
        if allow_empty:
            self.addItem("", "")
            _set_placeholder(self, QCoreApplication.translate("RecordEditor", "Not recorded"))
        else:
            _set_placeholder(
                self, QCoreApplication.translate("RecordEditor", "Type a country or code")
            )
        names = localised_country_names()
        for code in sorted(names, key=lambda c: names[c].casefold()):
            self.addItem(f"{code} — {names[code]}", code)
        # Typed names are understood in English and in the interface language.
        self._by_name = {name.casefold(): code for code, name in country_names().items()}
        self._by_name.update({name.casefold(): code for code, name in names.items()})
        completer = _contains_completer(self)
        completer.setModel(self.model())
        self.setCompleter(completer)

    def code(self) -> str:
        """The ISO code of what is shown ("" when nothing is)."""
        text = self.currentText().strip()
        if not text:
            return ""
        index = self.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0:
            return str(self.itemData(index) or "")
        head = text.split("—", 1)[0].strip()
        if len(head) == 2 and head.isascii() and head.upper() in country_names():
            return head.upper()
        # Then the importers' reading: alpha-3 codes and aliases (USA, UK, 米国, 大韓民国…).
        return self._by_name.get(text.casefold()) or parse_country(text) or text

    def set_code(self, code: str) -> None:
        """Show *code* (an unknown code is shown as typed, so validation can report it)."""
        index = self.findData(code) if code else (0 if self._allow_empty else -1)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(code)


class TimeZoneCombo(QComboBox):
    """An editable choice of IANA time zone with a contains-completer (``tokyo`` → Asia/Tokyo).

    :meth:`zone` returns the text as typed (trimmed); an unknown zone is left for the
    validation to report next to the field.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setMaxVisibleItems(15)
        zones = sorted(
            (
                z
                for z in available_timezones()
                if "/" in z and not z.startswith(("Etc/", "SystemV/"))
            ),
            key=str.casefold,
        )
        zones.append("UTC")
        self.addItems(zones)
        self.setCurrentIndex(-1)
        _set_placeholder(self, QCoreApplication.translate("RecordEditor", "e.g. Asia/Tokyo"))
        completer = _contains_completer(self)
        completer.setModel(self.model())
        self.setCompleter(completer)

    def zone(self) -> str:
        """The zone name shown (trimmed)."""
        return self.currentText().strip()

    def set_zone(self, name: str) -> None:
        """Show *name*, selecting its item when it is a known zone."""
        index = self.findText(name)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentIndex(-1)
            self.setEditText(name)


# -- a date that may be empty ------------------------------------------------------------------


class OptionalDateEdit(QWidget):
    """A date field that may be empty: shows "none" until a date is picked, ✕ clears it.

    ``value_changed(object)`` carries a :class:`datetime.date` or None. Delete/Backspace with
    the text selected clears it too; the arrow keys and typing start from *default* (today
    unless set with :meth:`set_default`).
    """

    value_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # A typed field (any format, no weekday section) rather than a QDateEdit.
        self.edit = DateField(self, nullable=True)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("✕")
        self.clear_button.setToolTip(QCoreApplication.translate("RecordEditor", "Clear the date"))
        self.clear_button.setAutoRaise(True)
        # Keyboard users clear with Delete; the button is a mouse convenience.
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.clicked.connect(self.clear)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.clear_button)
        self.setFocusProxy(self.edit)
        self.edit.value_changed.connect(self._on_value_changed)
        self._update_button()

    def value(self) -> date | None:
        """The date shown, or None."""
        return self.edit.value()

    def set_value(self, value: date | None) -> None:
        """Show *value* (None: empty, with the "none" placeholder)."""
        self.edit.set_value(value)

    def set_default(self, value: date) -> None:
        """The date the field starts from when the user begins to fill an empty one."""
        self.edit.default_date = value

    def clear(self) -> None:
        """Make the field empty."""
        self.set_value(None)

    def _on_value_changed(self, value: date | None) -> None:
        self._update_button()
        self.value_changed.emit(value)

    def _update_button(self) -> None:
        self.clear_button.setEnabled(self.edit.value() is not None)


# -- the editor dialog base ----------------------------------------------------------------------


def show_undo_error(message: str) -> None:
    """Error sink for undo commands: a warning over the active window.

    Commands outlive the dialog that created them, so the sink must not refer to the dialog.
    """
    QMessageBox.warning(
        QApplication.activeWindow(),
        QCoreApplication.translate("RecordEditor", "Cannot undo or redo"),
        message,
    )


def lock_inputs(form: QWidget) -> None:
    """Make every field of *form* read-only (a viewer's login): text stays readable and
    selectable; choices and ticks are disabled, since Qt gives them no read-only state."""
    for text in form.findChildren(QLineEdit):
        text.setReadOnly(True)
    for box in form.findChildren(QAbstractSpinBox):
        box.setReadOnly(True)
    for area in form.findChildren(QPlainTextEdit) + form.findChildren(QTextEdit):
        area.setReadOnly(True)
    for choice in form.findChildren(QComboBox) + form.findChildren(QAbstractButton):
        if isinstance(choice, QComboBox) or choice.isCheckable():
            choice.setEnabled(False)


class RecordEditorDialog(QDialog):
    """Base of the record editors: Save / Close handling, inline errors, unsaved-change check.

    Subclasses build their forms (registering each with :meth:`add_form`), fill them, call
    :meth:`mark_clean`, and implement :meth:`collect`, :meth:`check` and :meth:`store`.
    ``saved(object)`` carries what :meth:`store` returned; the dialog then closes (accepted).
    """

    saved = Signal(object)
    #: The size the editor first opens at, before the coordinator chooses another.
    default_size = DEFAULT_EDITOR_SIZE

    def __init__(self, undo_stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.editor_size = remember_size(self, self.default_size)
        self._forms: list[ValidatedFormLayout] = []
        self._clean: object = None

        self.banner = QLabel(self)
        self.banner.setObjectName("errorBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setStyleSheet(f"color: {error_colour()}; font-weight: bold;")
        self.banner.hide()

        self.body_layout = QVBoxLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

        outer = QVBoxLayout(self)
        outer.addWidget(self.banner)
        outer.addLayout(self.body_layout, 1)
        outer.addWidget(self.buttons)

        self.save_action = QAction(QCoreApplication.translate("RecordEditor", "&Save"), self)
        self.save_action.setObjectName("actionSaveRecord")
        self.save_action.setShortcuts(QKeySequence.StandardKey.Save)
        self.save_action.triggered.connect(self.save)
        self.addAction(self.save_action)
        self.close_action = QAction(QCoreApplication.translate("RecordEditor", "&Close"), self)
        self.close_action.setObjectName("actionCloseRecord")
        self.close_action.setShortcuts(QKeySequence.StandardKey.Close)
        self.close_action.triggered.connect(self.close)
        self.addAction(self.close_action)
        self._add_live_actions()
        #: A viewer's login: the record is shown, never saved.
        self.read_only = not current_access().write
        if self.read_only:
            # A viewer's login: the server would refuse any save, so none is offered.
            save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
            save.setEnabled(False)
            save.setToolTip(read_only_tip())
            self.save_action.setEnabled(False)

    # The kind of record edited: changes to it elsewhere are taken in (None: not followed).
    record_kind: RecordKind | None = None

    def _add_live_actions(self) -> None:
        """Undo / Redo on the window's undo stack, Export (when one is set), notes, ``*``."""
        self.notes = live_fields.FieldNotes(self)
        self._edits_connected = False
        self.undo_action = QAction(QCoreApplication.translate("RecordEditor", "&Undo"), self)
        self.undo_action.setObjectName("actionUndoRecord")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(QCoreApplication.translate("RecordEditor", "&Redo"), self)
        self.redo_action.setObjectName("actionRedoRecord")
        # Ctrl+Shift+Z and Ctrl+Y everywhere, whatever the platform's own redo key is.
        redo_keys = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
        redo_keys += [k for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
                      if k not in redo_keys]  # fmt: skip
        self.redo_action.setShortcuts(redo_keys)
        self.redo_action.triggered.connect(self.undo_stack.redo)
        self.export_action = QAction(QCoreApplication.translate("RecordEditor", "&Export…"), self)
        self.export_action.setObjectName("actionExportRecord")
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.setEnabled(False)  # until set_export names what to export
        self.print_action = QAction(QCoreApplication.translate("RecordEditor", "&Print…"), self)
        self.print_action.setObjectName("actionPrintRecord")
        self.print_action.setShortcuts(QKeySequence.StandardKey.Print)
        self.print_action.setEnabled(False)  # until set_print names what to print
        actions = (self.undo_action, self.redo_action, self.export_action, self.print_action)
        for action in actions:
            self.addAction(action)

    def set_export(self, export: Callable[[], object]) -> None:
        """Let Ctrl+E (:attr:`export_action`) run *export* (the visit editor: its itinerary)."""
        self.export_action.triggered.connect(lambda _=False: export())
        self.export_action.setEnabled(True)

    def set_print(self, print_: Callable[[], object]) -> None:
        """Let Ctrl+P (:attr:`print_action`) run *print_* (the visit editor: its itinerary)."""
        self.print_action.triggered.connect(lambda _=False: print_())
        self.print_action.setEnabled(True)

    # -- the title: ``*`` while unsaved --------------------------------------------------------

    def setWindowTitle(self, title: str) -> None:  # noqa: N802 - Qt API
        """Set the title; a ``*`` follows it while there are unsaved changes."""
        super().setWindowTitle(title if "[*]" in title else f"{title}[*]")

    def windowTitle(self) -> str:  # noqa: N802 - Qt API
        """The title without the unsaved-changes placeholder (for messages and dialogs)."""
        return super().windowTitle().replace("[*]", "")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt API
        """Start watching the fields for edits (they exist once the subclass built them)."""
        if not self._edits_connected:
            self._edits_connected = True
            live_fields.connect_edits(self, self.update_modified)
            for edit in self.findChildren(OptionalDateEdit):
                edit.value_changed.connect(self.update_modified)
            if self.read_only:
                lock_inputs(self)
        super().showEvent(event)
        self.update_modified()

    def update_modified(self, *_args: object) -> None:
        """Show ``*`` in the title when the widgets differ from the saved state."""
        try:
            dirty = self._clean is not None and self.is_dirty()
        except (ValueError, TypeError, KeyError, AttributeError):
            # A form half-way through being filled (a combo cleared before its items come
            # back): the signal that completes it calls again.
            return
        self.setWindowModified(dirty)

    # -- following changes made elsewhere -----------------------------------------------------

    def listen(self, bus: ChangeBus) -> None:
        """Follow the changes *bus* publishes (see :meth:`on_change`) while the editor lives."""
        from planner.ui.common.bridge import ChangeBridge

        self.change_bridge = bridge = ChangeBridge(bus, self)
        bridge.changed.connect(self.on_change)
        self.destroyed.connect(bridge.close)

    def on_change(self, change: Change) -> None:
        """Take in a change to the edited record made elsewhere, field by field.

        The editor's own saves (named with ``initiated_by(self)``) are skipped; a deleted
        record closes a clean editor and leaves a dirty one open with a banner.
        """
        opened = self.opened_record()
        record_id = getattr(opened, "id", None)
        if self.record_kind is None or record_id is None or change.initiator is self:
            return
        if not change.concerns(self.record_kind) or (change.ids and record_id not in change.ids):
            return
        if change.action is AuditAction.DELETE and change.kind is self.record_kind:
            self._record_gone()
            return
        try:
            current = self.current_record()
        except PlannerError:
            self._record_gone()
            return
        if getattr(current, "version", None) != getattr(opened, "version", None) or change.is_bulk:
            self.follow_record(current)

    def _record_gone(self) -> None:
        if not self.is_dirty():
            self._clean = self.collect()
            self.close()
            return
        self.show_banner(
            QCoreApplication.translate(
                "RecordEditor", "This record was deleted elsewhere: it can no longer be saved."
            )
        )

    def follow_record(self, current: object) -> list[str]:
        """Show *current* (stored elsewhere) but keep the fields being edited; returns those
        of them that changed underneath (each gets a "changed elsewhere" note).

        The version follows *current*, so the next save does not conflict over a change the
        editor took in.
        """
        clean, mine = self._clean, self.collect()
        edited = live_fields.edited_fields(clean, mine)
        self.take_record(current, show=True)
        theirs = self.collect()  # the new stored values as the widgets express them
        notes = {
            name: self._note_for(name, getattr(theirs, name))
            for name in edited
            if getattr(theirs, name) not in (getattr(clean, name), getattr(mine, name))
        }
        if edited and dataclasses.is_dataclass(theirs) and not isinstance(theirs, type):
            merged = dataclasses.replace(theirs, **{n: getattr(mine, n) for n in edited})
            self.take_record(merged, show=True)
            self.take_record(current, show=False)
        self._clean = theirs
        for name, text in notes.items():
            widget = self._field_widget(name)
            if widget is not None:
                self.notes.show(self._forms, name, widget, text)
        self.update_modified()
        return list(notes)

    def _field_widget(self, name: str) -> QWidget | None:
        for form in self._forms:
            widget = form.field_widget(name)
            if widget is not None:
                return widget
        return None

    def _note_for(self, name: str, value: object) -> str:
        if name in self.masked_fields():
            return live_fields.changed_elsewhere_masked()
        text = live_fields.shown_text(self._field_widget(name), value)
        return live_fields.changed_elsewhere_text(text)

    def note_text(self, field: str) -> str:
        """The "changed elsewhere" note shown under *field* ("" if none)."""
        return self.notes.text(field)

    # -- for subclasses ------------------------------------------------------------------------

    def add_form(self, form: ValidatedFormLayout) -> ValidatedFormLayout:
        """Register *form* so problems on its fields show in it."""
        self._forms.append(form)
        return form

    @property
    def forms(self) -> list[ValidatedFormLayout]:
        """The registered forms."""
        return list(self._forms)

    def collect(self) -> object:
        """The record the widgets describe now; must not raise."""
        raise NotImplementedError

    def check(self, record: Any) -> None:
        """Raise :class:`ValidationError` with every problem of *record* (before storing)."""

    def store(self, record: Any) -> object:
        """Store *record* undoably; return what was stored. May raise PlannerError."""
        raise NotImplementedError

    def mark_clean(self) -> None:
        """Take what the widgets show now as the saved state."""
        self._clean = self.collect()
        self.notes.clear()
        self.setWindowModified(False)

    # -- state ---------------------------------------------------------------------------------

    def is_dirty(self) -> bool:
        """Whether the widgets differ from the saved state."""
        return self.collect() != self._clean

    def error_text(self, field: str) -> str:
        """The inline message shown for *field* in any form ("" if none)."""
        for form in self._forms:
            if form.has_field(field):
                return form.error_text(field)
        return ""

    def clear_errors(self) -> None:
        """Hide every inline error and the banner."""
        for form in self._forms:
            form.clear_errors()
        self.banner.clear()
        self.banner.hide()

    def show_validation(self, error: ValidationError) -> None:
        """Show *error*'s problems under their fields; the rest in the banner."""
        self.clear_errors()
        unplaced = show_problems(self._forms, error.problems)
        if unplaced:
            self.show_banner("\n".join(_sentence(problem_text(p)) for p in unplaced))
        widget = first_invalid_widget(self._forms, error.problems)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_banner(self, message: str) -> None:
        """Show *message* above the form (errors that belong to no single field)."""
        self.banner.setText(message)
        self.banner.show()

    # -- saving and closing --------------------------------------------------------------------

    def save(self) -> bool:
        """Check and store the record; on success emit ``saved`` and close. Returns success."""
        if self.read_only:
            return False  # the server would refuse it; Save is not even offered
        if self._clean is not None and not self.is_dirty() and self.has_record():
            self.accept()  # nothing changed: no empty step on the undo stack
            return True
        record = self.collect()
        self.clear_errors()
        try:
            self.check(record)
            stored = self.store(record)
        except ValidationError as exc:
            self.show_validation(exc)
            return False
        except ConflictError as exc:
            return self._resolve_save_conflict(record, exc)
        except PlannerError as exc:
            self.show_banner(planner_error_text(exc))
            return False
        self._saved(record, stored)
        return True

    def _saved(self, record: object, stored: object) -> None:
        self._clean = record
        self.notes.clear()
        self.setWindowModified(False)
        self.saved.emit(stored)
        notify_saved(self.parentWidget(), record_label(stored))
        self.accept()

    # -- optimistic locking: someone else saved the record since it was opened -----------------

    def opened_record(self) -> object | None:
        """The stored record as the editor opened it (None: a new one, or no conflict support)."""
        return None

    def current_record(self) -> object:
        """The record as it is stored now (read again from the service)."""
        raise NotImplementedError

    def take_record(self, current: Any, *, show: bool) -> None:
        """Edit *current* from now on: remember it as the opened record (the next save
        presents its version) and, with *show*, fill the widgets with it."""
        raise NotImplementedError

    def overwrite_record(self, opened: Any, mine: Any, current: Any) -> Any:
        """What "overwrite with mine" stores (the widgets' record; *current*'s version is
        presented by :meth:`store` once :meth:`take_record` made it the opened one)."""
        return mine

    def field_label(self, name: str) -> str:
        """A field as the form labels it (without the mnemonic), for the conflict dialog."""
        for form in self._forms:
            widget = form.field_widget(name)
            label = form.labelForField(widget) if widget is not None else None
            if isinstance(label, QLabel):
                return label.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
        return name

    def masked_fields(self) -> frozenset[str]:
        """Fields whose values the conflict dialog must not show (sensitive, not revealed)."""
        return frozenset()

    def ask_conflict(self, opened: Any, stored: Any, mine: Any) -> int:
        """Show the conflict dialog; returns RELOAD, OVERWRITE or 0 (tests replace this)."""
        dialog = ConflictDialog(
            opened, stored, mine, self, title=self.windowTitle(), label=self.field_label,
            masked=self.masked_fields(),
        )  # fmt: skip
        return dialog.exec()

    def _resolve_save_conflict(self, mine: object, error: ConflictError) -> bool:
        """Reload their version or, deliberately, store mine over it; stays open on reload."""
        opened = self.opened_record()
        if opened is None:
            self.show_banner(planner_error_text(error))
            return False
        try:
            current = self.current_record()
        except PlannerError as exc:  # deleted meanwhile, or the database refuses the read
            self.show_banner(planner_error_text(exc))
            return False
        choice = self.ask_conflict(opened, current, mine)
        if choice == ConflictDialog.RELOAD:
            self.take_record(current, show=True)
            self.mark_clean()
            return False
        if choice != ConflictDialog.OVERWRITE:
            return False
        # Deliberate: the coordinator saw their changes and chose to replace them.
        record = self.overwrite_record(opened, mine, current)
        self.take_record(current, show=False)  # the widgets keep the coordinator's edits
        try:
            stored = self.store(record)
        except PlannerError as exc:  # changed yet again, or now invalid: say so, stay open
            self.show_banner(planner_error_text(exc))
            return False
        self._saved(record, stored)
        return True

    def has_record(self) -> bool:
        """Whether the dialog edits a stored record (False for a new one)."""
        return True

    def ask_save_changes(self) -> QMessageBox.StandardButton:
        """Ask whether to save before closing: Save, Discard or Cancel (tests replace this)."""
        return QMessageBox.question(
            self,
            self.windowTitle(),
            QCoreApplication.translate("RecordEditor", "Save the changes before closing?"),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )

    def reject(self) -> None:
        """Close without saving, asking first when something changed.

        Esc, Cancel, the Close shortcut and the window's close button all end here (QDialog's
        closeEvent calls reject() and keeps the window open if it is still visible after).
        """
        if self.is_dirty():
            answer = self.ask_save_changes()
            if answer == QMessageBox.StandardButton.Save:
                self.save()
                return
            if answer != QMessageBox.StandardButton.Discard:
                return
        super().reject()


def set_tab_chain(widgets: Sequence[QWidget]) -> None:
    """Tab moves through *widgets* in this order (hidden ones are skipped by Qt)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def line_text(edit: QLineEdit) -> str:
    """A line edit's text without surrounding blanks."""
    return edit.text().strip()


def select_data(combo: QComboBox, value: object) -> None:
    """Select the item of *combo* whose data is *value* (none if absent), without signals."""
    with QSignalBlocker(combo):
        combo.setCurrentIndex(combo.findData(value))


__all__ = [
    "MASK_TEXT",
    "CountryCombo",
    "OptionalDateEdit",
    "RecordEditorDialog",
    "TimeZoneCombo",
    "ValidatedFormLayout",
    "first_invalid_widget",
    "line_text",
    "select_data",
    "set_tab_chain",
    "show_problems",
    "show_undo_error",
]


EditorT = TypeVar("EditorT", bound=RecordEditorDialog)


def show_editor(
    editor: EditorT, on_saved: Callable[[object], None], on_closed: Callable[[], None]
) -> EditorT:
    """Open *editor* without blocking; it deletes itself when closed.

    *on_saved* receives each saved record (the view reloads and selects it), *on_closed* runs
    when the editor is gone (the view forgets it).
    """
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    editor.saved.connect(on_saved)
    editor.destroyed.connect(on_closed)
    editor.open()
    return editor
