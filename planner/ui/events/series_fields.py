"""The event editor's hybrid and series fields: mode, link, dial-in, repeat, sites and their
working hours, and a live line of the local time at every site."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTreeView,
    QWidget,
)

from planner.domain.entities import Event, Institution
from planner.domain.enums import EventMode, Frequency
from planner.domain.errors import ValidationError
from planner.domain.series import (
    MAX_OCCURRENCES,
    Recurrence,
    Site,
    WorkingHours,
    occurrences,
    parse_hours,
    site_times,
)
from planner.domain.timezones import is_valid_zone
from planner.ui.common.form_widgets import ValidatedFormLayout, line_text, select_data
from planner.ui.common.formats import zoned_time
from planner.ui.common.roles import ID_ROLE
from planner.ui.events.events_model import sites_text


def mode_label(mode: EventMode) -> str:
    """In person / Hybrid / Online, in the interface language."""
    labels = {
        EventMode.IN_PERSON: QCoreApplication.translate("EventEditor", "In person"),
        EventMode.HYBRID: QCoreApplication.translate("EventEditor", "Hybrid (room and online)"),
        EventMode.ONLINE: QCoreApplication.translate("EventEditor", "Online"),
    }
    return labels[mode]


def frequency_label(frequency: Frequency) -> str:
    """Does not repeat / Every week / ..., in the interface language."""
    labels = {
        Frequency.NONE: QCoreApplication.translate("EventEditor", "Does not repeat"),
        Frequency.WEEKLY: QCoreApplication.translate("EventEditor", "Every week"),
        Frequency.BIWEEKLY: QCoreApplication.translate("EventEditor", "Every other week"),
        Frequency.MONTHLY: QCoreApplication.translate("EventEditor", "Every month (same weekday)"),
    }
    return labels[frequency]


class SeriesFields:
    """Widgets added to the editor's form; reads and writes the event's series fields."""

    def __init__(self, parent: QWidget, form: ValidatedFormLayout) -> None:
        self.mode = QComboBox(parent)
        self.mode.setObjectName("eventMode")
        for mode in EventMode:
            self.mode.addItem(mode_label(mode), mode.value)
        form.add_field(QCoreApplication.translate("EventEditor", "&Mode:"), self.mode, "mode")
        self.link = QLineEdit(parent)
        self.link.setObjectName("eventLink")
        self.link.setPlaceholderText("https://")
        form.add_field(
            QCoreApplication.translate("EventEditor", "Meeting &link:"), self.link, "meeting_link"
        )
        self.dial_in = QLineEdit(parent)
        form.add_field(
            QCoreApplication.translate("EventEditor", "Dial-in (tele&phone):"),
            self.dial_in,
            "dial_in",
        )
        self.frequency = QComboBox(parent)
        self.frequency.setObjectName("eventFrequency")
        for frequency in Frequency:
            self.frequency.addItem(frequency_label(frequency), frequency.value)
        form.add_field(
            QCoreApplication.translate("EventEditor", "&Repeats:"), self.frequency, "frequency"
        )
        self.until = QDateEdit(parent)
        self.until.setObjectName("eventUntil")
        self.until.setDisplayFormat("yyyy-MM-dd")
        self.until.setCalendarPopup(True)
        form.add_field(
            QCoreApplication.translate("EventEditor", "&Until (last date):"),
            self.until,
            "repeat_until",
        )
        self.count = QSpinBox(parent)
        self.count.setObjectName("eventCount")
        self.count.setRange(0, MAX_OCCURRENCES)
        self.count.setSpecialValueText(
            QCoreApplication.translate("EventEditor", "until the date above")
        )
        form.add_field(
            QCoreApplication.translate("EventEditor", "Or &number of sessions:"),
            self.count,
            "repeat_count",
        )
        self.sites_model = QStandardItemModel(0, 2, parent)
        self.sites_model.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("EventEditor", "Site"),
                QCoreApplication.translate("EventEditor", "Working hours (local)"),
            ]
        )
        self.sites = QTreeView(parent)
        self.sites.setObjectName("eventSites")
        self.sites.setRootIsDecorated(False)
        self.sites.setModel(self.sites_model)
        self.sites.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.sites.setMinimumHeight(90)
        form.add_field(
            QCoreApplication.translate("EventEditor", "Participating &sites:"), self.sites, "sites"
        )
        self.local_times = QLabel(parent)
        self.local_times.setObjectName("eventLocalTimes")
        self.local_times.setWordWrap(True)
        self.local_times.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.add_field(QCoreApplication.translate("EventEditor", "Local times:"), self.local_times)
        self.frequency.currentIndexChanged.connect(self._enable)
        self._zones: dict[int, str] = {}

    def set_institutions(self, institutions: list[Institution]) -> None:
        """The institutions a coordinator may tick as participating sites."""
        self.sites_model.setRowCount(0)
        for inst in institutions:
            assert inst.id is not None
            name = QStandardItem(f"{inst.short_name or inst.name} ({inst.timezone})")
            name.setCheckable(True)
            name.setEditable(False)
            name.setData(inst.id, ID_ROLE)
            hours = QStandardItem(WorkingHours().text())
            self.sites_model.appendRow([name, hours])
            self._zones[inst.id] = inst.timezone
        self.sites.resizeColumnToContents(0)

    def load(self, event: Event | None, sites: list[Site]) -> None:
        """Fill the widgets from *event* (defaults for a new one) and its *sites*."""
        select_data(self.mode, (event.mode if event else EventMode.IN_PERSON).value)
        self.link.setText(event.meeting_link if event else "")
        self.dial_in.setText(event.dial_in if event else "")
        select_data(self.frequency, (event.frequency if event else Frequency.NONE).value)
        until = event.repeat_until if event and event.repeat_until else None
        if until is None:
            start = event.start_utc.date() if event else datetime.now(UTC).date()
            until = start + timedelta(weeks=12)
        self.until.setDate(QDate(until.year, until.month, until.day))
        self.count.setValue(event.repeat_count or 0 if event else 0)
        chosen = {s.institution_id: s.hours for s in sites}
        for row in range(self.sites_model.rowCount()):
            name, hours = self.sites_model.item(row, 0), self.sites_model.item(row, 1)
            site_hours = chosen.get(name.data(ID_ROLE))
            name.setCheckState(Qt.CheckState.Checked if site_hours else Qt.CheckState.Unchecked)
            hours.setText((site_hours or WorkingHours()).text())
        self._enable()

    def _enable(self) -> None:
        repeats = Frequency(self.frequency.currentData()) is not Frequency.NONE
        self.until.setEnabled(repeats)
        self.count.setEnabled(repeats)

    def fill(self, event: Event) -> Event:
        """*event* with the series fields as the widgets show them."""
        frequency = Frequency(self.frequency.currentData())
        repeats = frequency is not Frequency.NONE
        q = self.until.date()
        return _replace(
            event, mode=EventMode(self.mode.currentData()), meeting_link=line_text(self.link),
            dial_in=line_text(self.dial_in), frequency=frequency,
            repeat_until=date(q.year(), q.month(), q.day())
            if repeats and not self.count.value() else None,
            repeat_count=self.count.value() if repeats and self.count.value() else None,
        )  # fmt: skip

    def chosen_sites(self) -> list[tuple[int, WorkingHours]]:
        """The ticked institutions with their working hours; ValidationError on bad hours."""
        chosen: list[tuple[int, WorkingHours]] = []
        for row in range(self.sites_model.rowCount()):
            name, hours = self.sites_model.item(row, 0), self.sites_model.item(row, 1)
            if name.checkState() == Qt.CheckState.Checked:
                chosen.append((int(name.data(ID_ROLE)), parse_hours(hours.text(), "sites")))
        return chosen

    def site_list(self) -> list[Site]:
        """The ticked sites as the domain sees them (bad hours fall back to the default)."""
        sites: list[Site] = []
        for row in range(self.sites_model.rowCount()):
            name, hours = self.sites_model.item(row, 0), self.sites_model.item(row, 1)
            if name.checkState() != Qt.CheckState.Checked:
                continue
            try:
                parsed = parse_hours(hours.text())
            except ValidationError:
                parsed = WorkingHours()
            inst_id = int(name.data(ID_ROLE))
            label = name.text().rsplit(" (", 1)[0]
            sites.append(Site(label, self._zones[inst_id], parsed, inst_id))
        return sites

    def show_local_times(self, event: Event) -> None:
        """The first occurrences at every ticked site, with the flags, under the fields."""
        sites = self.site_list()
        if not sites or not is_valid_zone(event.start_zone) or event.end_utc < event.start_utc:
            self.local_times.setText(
                QCoreApplication.translate(
                    "EventEditor", "Tick the participating sites to see their local times."
                )
            )
            return  # fmt: skip
        recurrence = Recurrence(event.frequency, event.repeat_until, event.repeat_count)
        try:
            occ = occurrences(event.start_utc, event.end_utc, event.start_zone, recurrence)
        except (ValueError, OverflowError):
            occ = []
        times = site_times(occ, event.start_zone, sites)
        lines = [sites_text(row) for row in times[:3]]
        outside = sum(any(t.outside_hours for t in row) for row in times)
        changes = [row for row in times if any(t.clock_change for t in row)]
        if len(times) > 3:
            lines.append("…")
        if outside:
            lines.append(QCoreApplication.translate(
                "EventEditor", "Outside a site's working hours: {count} of {total}"
            ).format(count=outside, total=len(times)))  # fmt: skip
        for row in changes:
            moved = next(t for t in row if t.clock_change)
            lines.append(QCoreApplication.translate(
                "EventEditor", "From {day}: {site} at {time} ({zone} changes its clocks)"
            ).format(day=moved.start.date().isoformat(), site=moved.site.name,
                     time=zoned_time(moved.start, moved.day_shift),
                     zone=moved.clock_change))  # fmt: skip
        self.local_times.setText("\n".join(lines))


def _replace(event: Event, **changes: object) -> Event:
    import dataclasses

    return dataclasses.replace(event, **changes)  # type: ignore[arg-type]
