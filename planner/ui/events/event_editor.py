"""Editor for a lecture, seminar or symposium: titles, place, local start and end with zones."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from planner.domain.entities import Event
from planner.domain.enums import EventKind, RecordKind
from planner.domain.errors import FieldProblem, ValidationError
from planner.domain.series import WorkingHours
from planner.domain.slots import MAX_DURATION
from planner.domain.timezones import LocalTimeIssue, is_valid_zone, resolve_local, utc_to_local
from planner.services.container import Services
from planner.ui.common.form_widgets import (
    RecordEditorDialog,
    TimeZoneCombo,
    ValidatedFormLayout,
    line_text,
    select_data,
    show_undo_error,
)
from planner.ui.common.formats import institution_name
from planner.ui.common.labels import event_kind_label
from planner.ui.common.undo import undoable_save
from planner.ui.events.series_fields import SeriesFields
from planner.ui.events.slot_finder import SlotFinderDialog


def _wall(edit: QDateTimeEdit) -> datetime:
    value = edit.dateTime()
    d, t = value.date(), value.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())  # noqa: DTZ001 - wall time


def _set_wall(edit: QDateTimeEdit, wall: datetime) -> None:
    edit.setDateTime(
        QDateTime(QDate(wall.year, wall.month, wall.day), QTime(wall.hour, wall.minute))
    )


def _instant(wall: datetime, zone: str) -> datetime:
    """Best-effort instant for comparing edits; :meth:`EventEditor.check` reports problems."""
    if not is_valid_zone(zone):
        return wall.replace(tzinfo=UTC)
    return resolve_local(wall, zone)[1][0]


class EventEditor(RecordEditorDialog):
    """Creates or edits one event; times are entered as local wall times in their zones."""

    record_kind = RecordKind.EVENT

    def __init__(
        self,
        services: Services,
        undo_stack: QUndoStack,
        event_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(undo_stack, parent)
        self.setObjectName("eventEditor")
        self.services = services
        self._event = services.events.get(event_id) if event_id else None
        form = self.add_form(ValidatedFormLayout())
        self.kind = QComboBox(self)
        for kind in EventKind:
            self.kind.addItem(event_kind_label(kind), kind.value)
        form.add_field(QCoreApplication.translate("EventEditor", "&Kind:"), self.kind, "kind")
        self.title_edit = QLineEdit(self)
        self.title_edit.setObjectName("eventTitle")
        form.add_field(
            QCoreApplication.translate("EventEditor", "&Title:"), self.title_edit, "title"
        )
        self.title_ja = QLineEdit(self)
        form.add_field(
            QCoreApplication.translate("EventEditor", "Title (&Japanese):"),
            self.title_ja,
            "title_ja",
        )
        self.series = QLineEdit(self)
        form.add_field(QCoreApplication.translate("EventEditor", "&Series:"), self.series, "series")
        self.institution = QComboBox(self)
        self._zones: dict[int, str] = {}
        for inst in services.institutions.list():
            assert inst.id is not None
            self.institution.addItem(institution_name(inst.name, inst.name_ja), inst.id)
            self._zones[inst.id] = inst.timezone
        form.add_field(
            QCoreApplication.translate("EventEditor", "&Institution:"),
            self.institution,
            "institution_id",
        )
        self.venue = QLineEdit(self)
        form.add_field(QCoreApplication.translate("EventEditor", "&Venue:"), self.venue, "venue")
        self.start = QDateTimeEdit(self)
        self.start.setObjectName("eventStart")
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setCalendarPopup(True)
        form.add_field(
            QCoreApplication.translate("EventEditor", "&Starts (local):"), self.start, "start"
        )
        self.start_zone = TimeZoneCombo(self)
        form.add_field(
            QCoreApplication.translate("EventEditor", "Start &zone:"), self.start_zone, "start_zone"
        )
        self.end = QDateTimeEdit(self)
        self.end.setObjectName("eventEnd")
        self.end.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.end.setCalendarPopup(True)
        form.add_field(QCoreApplication.translate("EventEditor", "&Ends (local):"), self.end, "end")
        self.end_zone = TimeZoneCombo(self)
        form.add_field(
            QCoreApplication.translate("EventEditor", "End z&one:"), self.end_zone, "end_zone"
        )
        self.description = QPlainTextEdit(self)
        self.description.setTabChangesFocus(True)
        form.add_field(
            QCoreApplication.translate("EventEditor", "&Description:"),
            self.description,
            "description",
        )
        self._build_series(form)
        self.body_layout.addLayout(form)
        self.institution.currentIndexChanged.connect(self._default_zones)
        self._load()
        self.mark_clean()
        self.listen(services.bus)  # changes made elsewhere are taken in live
        self.resize(640, 760)

    def _build_series(self, form: ValidatedFormLayout) -> None:
        """Mode, link, dial-in, repeat and sites; the slot finder; live local times."""
        self.find_slot_button = QPushButton(
            QCoreApplication.translate("EventEditor", "&Find a slot at every site…"), self
        )
        self.find_slot_button.setObjectName("findSlot")
        form.add_field("", self.find_slot_button)
        self.series_fields = SeriesFields(self, form)
        self.series_fields.set_institutions(self.services.institutions.list())
        self.find_slot_button.clicked.connect(self.open_slot_finder)
        for signal in (self.start.dateTimeChanged, self.end.dateTimeChanged,
                       self.start_zone.currentTextChanged, self.series_fields.until.dateChanged,
                       self.series_fields.count.valueChanged,
                       self.series_fields.frequency.currentIndexChanged,
                       self.series_fields.sites_model.itemChanged):  # fmt: skip
            signal.connect(self._refresh_local_times)

    def _refresh_local_times(self, *_args: object) -> None:
        self.series_fields.show_local_times(self.collect())

    def make_slot_finder(self) -> SlotFinderDialog:
        """The slot finder for the ticked sites and this event's length (tests drive it)."""
        record = self.collect()
        minutes = max(1, int((record.end_utc - record.start_utc).total_seconds() // 60))
        sites = self.series_fields.site_list()
        first = _wall(self.start).date()
        q = self.series_fields.until.date()
        last = max(first, date(q.year(), q.month(), q.day()))
        return SlotFinderDialog(sites, min(minutes, MAX_DURATION), first, last, self)

    def open_slot_finder(self) -> None:
        """Find start times inside every site's working hours; the one chosen becomes the
        start (in the first site's zone, which becomes the event's)."""
        finder = self.make_slot_finder()
        finder.chosen.connect(self.use_slot)
        finder.open()

    def use_slot(self, zone: str, day: date, minute: int) -> None:
        """Start the event (or series) on *day* at *minute* past midnight in *zone*."""
        length = _wall(self.end) - _wall(self.start)
        self.start_zone.set_zone(zone)
        self.end_zone.set_zone(zone)
        wall = datetime.combine(day, time(minute // 60, minute % 60))
        _set_wall(self.start, wall)
        _set_wall(self.end, wall + length)

    def _load(self) -> None:
        event = self._event
        sites = self.services.events.details(event.id).sites if event and event.id else ()
        self.series_fields.load(event, list(sites))
        if event is None:
            self.setWindowTitle(QCoreApplication.translate("EventEditor", "New event"))
            self._default_zones()
            zone = self.start_zone.zone()
            soon = datetime.now(UTC) + timedelta(days=30)
            local = utc_to_local(soon, zone) if is_valid_zone(zone) else soon
            wall = local.replace(hour=15, minute=0, second=0, microsecond=0, tzinfo=None)
            _set_wall(self.start, wall)
            _set_wall(self.end, wall + timedelta(hours=1, minutes=30))
            return
        self.setWindowTitle(
            QCoreApplication.translate("EventEditor", "Event: {title}").format(title=event.title)
        )
        select_data(self.kind, event.kind.value)
        self.title_edit.setText(event.title)
        self.title_ja.setText(event.title_ja)
        self.series.setText(event.series)
        select_data(self.institution, event.institution_id)
        self.venue.setText(event.venue)
        self.start_zone.set_zone(event.start_zone)
        self.end_zone.set_zone(event.end_zone)
        start = utc_to_local(event.start_utc, event.start_zone).replace(tzinfo=None)
        end = utc_to_local(event.end_utc, event.end_zone).replace(tzinfo=None)
        _set_wall(self.start, start)
        _set_wall(self.end, end)
        self.description.setPlainText(event.description)
        self._refresh_local_times()

    def _default_zones(self) -> None:
        zone = self._zones.get(self.institution.currentData())
        if zone:
            self.start_zone.set_zone(zone)
            self.end_zone.set_zone(zone)

    def collect(self) -> Event:
        """The event as the widgets show it."""
        start_zone, end_zone = self.start_zone.zone(), self.end_zone.zone()
        event = Event(
            kind=EventKind(self.kind.currentData()),
            title=line_text(self.title_edit),
            title_ja=line_text(self.title_ja),
            series=line_text(self.series),
            institution_id=self.institution.currentData() or 0,
            venue=line_text(self.venue),
            start_utc=_instant(_wall(self.start), start_zone),
            start_zone=start_zone,
            end_utc=_instant(_wall(self.end), end_zone),
            end_zone=end_zone,
            description=self.description.toPlainText(),
            id=self._event.id if self._event else None,
        )
        return self.series_fields.fill(event)

    def check(self, record: Event) -> None:
        """Local times that are skipped or repeated by a clock change must be chosen again."""
        problems: list[FieldProblem] = []
        for field, edit, zone in (
            ("start", self.start, record.start_zone),
            ("end", self.end, record.end_zone),
        ):
            if not is_valid_zone(zone):
                continue  # the service names the unknown zone
            issue, _ = resolve_local(_wall(edit), zone)
            if issue is LocalTimeIssue.NONEXISTENT:
                problems.append(
                    FieldProblem(
                        field,
                        QCoreApplication.translate(
                            "EventEditor", "this time is skipped by a clock change"
                        ),
                    )
                )
            elif issue is LocalTimeIssue.AMBIGUOUS:
                problems.append(
                    FieldProblem(
                        field,
                        QCoreApplication.translate(
                            "EventEditor",
                            "this time happens twice (clocks go back); choose another",
                        ),
                    )
                )
        try:
            self.series_fields.chosen_sites()
        except ValidationError as exc:
            problems.extend(exc.problems)
        if problems:
            raise ValidationError(problems)

    # -- conflicts (someone else saved the event since it was opened) ------------------------

    def opened_record(self) -> Event | None:
        """The event as opened (or as last saved here)."""
        return self._event

    def current_record(self) -> Event:
        """The event as stored now."""
        assert self._event is not None and self._event.id is not None
        return self.services.events.get(self._event.id)

    def take_record(self, current: Event, *, show: bool) -> None:
        """Edit *current* from now on; with *show*, fill the widgets with it."""
        self._event = current
        if show:
            self._load()

    def store(self, record: Event) -> Event:
        """Create or update undoably."""
        labels = (
            QCoreApplication.translate("EventEditor", "New event {title}").format(
                title=record.title
            ),
            QCoreApplication.translate("EventEditor", "Edit event {title}").format(
                title=record.title
            ),
        )
        stored = undoable_save(
            self.undo_stack, self.services.events, self._event, record, labels, show_undo_error
        )
        self._event = stored
        self._store_sites(stored)
        return stored

    def _store_sites(self, stored: Event) -> None:
        """The participating sites, when they differ from the stored ones (not undoable)."""
        assert stored.id is not None
        chosen = self.series_fields.chosen_sites()
        details = self.services.events.details(stored.id)
        current = [(s.institution_id, s.hours) for s in details.sites]
        with_own = [(stored.institution_id, WorkingHours())]
        if chosen != current and not (not chosen and current == with_own):
            self.services.events.set_sites(stored.id, chosen)

    def has_record(self) -> bool:
        """False for a new event."""
        return self._event is not None
