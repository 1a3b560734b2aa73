"""Settings dialog: the coordinator's home institution, date format, language and the
calendar reminders exported itineraries carry."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from planner.domain.entities import Institution
from planner.domain.enums import ItineraryKind
from planner.ui.common.formats import institution_name
from planner.ui.common.preferences import DateFormat, Preferences

_SAMPLE = date(2027, 3, 8)
#: The reminder rows: each sets the minutes of these kinds (the first kind's value is shown).
REMINDER_GROUPS: tuple[tuple[str, tuple[ItineraryKind, ...]], ...] = (
    ("flight", (ItineraryKind.FLIGHT,)),
    ("train", (ItineraryKind.TRAIN, ItineraryKind.GROUND_TRANSPORT)),
    (
        "meeting",
        (
            ItineraryKind.MEETING, ItineraryKind.LECTURE, ItineraryKind.SEMINAR,
            ItineraryKind.SYMPOSIUM, ItineraryKind.TOUR, ItineraryKind.BADGE_PICKUP,
        ),
    ),
)  # fmt: skip


class SettingsDialog(QDialog):
    """Edits :class:`Preferences`; :meth:`preferences` returns what the user chose."""

    def __init__(
        self,
        prefs: Preferences,
        institutions: list[Institution],
        parent: QWidget | None = None,
        reminders: dict[ItineraryKind, int] | None = None,
        *,
        fingerprint: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(QCoreApplication.translate("SettingsDialog", "Settings"))
        self.home = QComboBox(self)
        self.home.setObjectName("homeInstitution")
        self.home.addItem(QCoreApplication.translate("SettingsDialog", "(not set)"), None)
        for inst in institutions:
            self.home.addItem(institution_name(inst.name, inst.name_ja), inst.id)
        self.home.setCurrentIndex(max(self.home.findData(prefs.home_institution_id), 0))
        self.date_format = QComboBox(self)
        self.date_format.setObjectName("dateFormat")
        for fmt in DateFormat:
            self.date_format.addItem(fmt.render(_SAMPLE), fmt.value)
        self.date_format.setCurrentIndex(self.date_format.findData(prefs.date_format.value))
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        # Each language is named in itself, so whoever needs it can find it.
        self.language.addItem(
            QCoreApplication.translate("SettingsDialog", "System default"), "system"
        )
        self.language.addItem("English", "en")
        self.language.addItem("日本語", "ja")
        self.language.setCurrentIndex(max(self.language.findData(prefs.language), 0))

        form = QFormLayout(self)
        form.addRow(QCoreApplication.translate("SettingsDialog", "&Home institution:"), self.home)
        hint = QLabel(
            QCoreApplication.translate(
                "SettingsDialog",
                "Visits to it count as incoming, visits by its people as outgoing.",
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(QCoreApplication.translate("SettingsDialog", "&Date format:"), self.date_format)
        form.addRow(QCoreApplication.translate("SettingsDialog", "&Language:"), self.language)
        restart = QLabel(
            QCoreApplication.translate(
                "SettingsDialog",
                "The language changes the next time the planner starts "
                "(planner --lang en|ja overrides it once).",
            ),
            self,
        )
        restart.setWordWrap(True)
        form.addRow("", restart)
        self.reminder_spins: dict[str, QSpinBox] = {}
        if reminders is not None:
            self._add_reminders(form, reminders)
        if fingerprint:
            self._add_fingerprint(form, fingerprint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _add_fingerprint(self, form: QFormLayout, fingerprint: str) -> None:
        """This institution's package key, as partners compare it over the phone."""
        self.fingerprint = QLabel(fingerprint, self)
        self.fingerprint.setObjectName("keyFingerprint")
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(
            QCoreApplication.translate("SettingsDialog", "Package key fingerprint:"),
            self.fingerprint,
        )
        hint = QLabel(
            QCoreApplication.translate(
                "SettingsDialog",
                "Partners see this fingerprint on the first package you send them: read it "
                "aloud to them on the phone so they can check it is yours.",
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow("", hint)

    def _add_reminders(self, form: QFormLayout, reminders: dict[ItineraryKind, int]) -> None:
        labels = {
            "flight": QCoreApplication.translate("SettingsDialog", "Reminder before a &flight:"),
            "train": QCoreApplication.translate("SettingsDialog", "Reminder before a &train:"),
            "meeting": QCoreApplication.translate(
                "SettingsDialog", "Reminder before a &meeting or badge pickup:"
            ),
        }
        for key, kinds in REMINDER_GROUPS:
            spin = QSpinBox(self)
            spin.setObjectName(f"reminder_{key}")
            spin.setRange(0, 7 * 24 * 60)
            spin.setSingleStep(15)
            spin.setSuffix(QCoreApplication.translate("SettingsDialog", " min"))
            spin.setSpecialValueText(QCoreApplication.translate("SettingsDialog", "none"))
            spin.setValue(reminders.get(kinds[0], 0))
            self.reminder_spins[key] = spin
            form.addRow(labels[key], spin)
        hint = QLabel(
            QCoreApplication.translate(
                "SettingsDialog",
                "Exported calendars (.ics) remind the visitor this long before each item; "
                "saved in this database.",
            ),
            self,
        )
        hint.setWordWrap(True)
        form.addRow("", hint)

    def reminders(self) -> dict[ItineraryKind, int] | None:
        """Minutes by kind as the dialog shows them (None when it does not show them)."""
        if not self.reminder_spins:
            return None
        return {
            kind: self.reminder_spins[key].value()
            for key, kinds in REMINDER_GROUPS
            for kind in kinds
        }

    def preferences(self) -> Preferences:
        """The preferences as the dialog shows them."""
        return Preferences(
            home_institution_id=self.home.currentData(),
            date_format=DateFormat(self.date_format.currentData()),
            language=str(self.language.currentData()),
        )
