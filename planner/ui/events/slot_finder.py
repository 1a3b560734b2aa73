"""The slot finder dialog: start times inside every site's working hours on every date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QStringListModel, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from planner.domain.english_dates import weekday_name
from planner.domain.errors import ValidationError
from planner.domain.series import Site, parse_hours
from planner.domain.slots import MAX_DURATION, SlotQuery, SlotResult, find_slots, local_spans
from planner.ui.common.errors import planner_error_text


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _start_text(query: SlotQuery, dates: list[date], minute: int) -> str:
    """``17:00 CST = 08:00 JST (+1)``; a zone whose time changes within the run lists each
    time with the dates it holds (``09:00 JST (+1) until 2027-03-11, 08:00 JST (+1) from
    2027-03-16``)."""
    zones: list[str] = []
    spans = local_spans(query, dates, minute)
    for name in query.zones:
        own = [s for s in spans if s.zone == name]
        if len({(s.local, s.day_shift) for s in own}) == 1:
            # Same wall time throughout, only the abbreviation changes: 18:00 CST/CDT.
            abbreviations = "/".join(dict.fromkeys(s.abbreviation for s in own))
            shift = f" ({own[0].day_shift:+d})" if own[0].day_shift else ""
            zones.append(f"{own[0].local:%H:%M} {abbreviations}{shift}")
            continue
        texts = []
        for i, span in enumerate(own):
            text = f"{span.local:%H:%M} {span.abbreviation}"
            text += f" ({span.day_shift:+d})" if span.day_shift else ""
            if len(own) > 1 and i == 0:
                text = QCoreApplication.translate("SlotFinder", "{time} until {date}").format(
                    time=text, date=span.last.isoformat()
                )
            elif len(own) > 1:
                text = QCoreApplication.translate("SlotFinder", "{time} from {date}").format(
                    time=text, date=span.first.isoformat()
                )
            texts.append(text)
        zones.append(", ".join(texts))
    return " = ".join(zones)


class SlotFinderDialog(QDialog):
    """Given the sites, a length and a date range, list the starts that fit everywhere, or
    the best split when none fits the whole range; ``chosen`` gives the one picked."""

    #: zone of the first site, first date, minutes after midnight there.
    chosen = Signal(str, object, int)

    def __init__(
        self, sites: list[Site], minutes: int, first: date, last: date, parent: QWidget | None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("slotFinder")
        self.setWindowTitle(QCoreApplication.translate("SlotFinder", "Find a slot at every site"))
        self.sites = sites
        form = QFormLayout()
        zones = " · ".join(f"{s.name} ({s.zone})" for s in sites) or QCoreApplication.translate(
            "SlotFinder", "Tick at least two participating sites in the editor first."
        )
        form.addRow(QCoreApplication.translate("SlotFinder", "Sites:"), QLabel(zones, self))
        self.duration = QSpinBox(self)
        self.duration.setRange(1, MAX_DURATION)
        self.duration.setValue(minutes)
        self.duration.setSuffix(QCoreApplication.translate("SlotFinder", " min"))
        form.addRow(QCoreApplication.translate("SlotFinder", "&Length:"), self.duration)
        self.first, self.last = QDateEdit(_qdate(first), self), QDateEdit(_qdate(last), self)
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        form.addRow(QCoreApplication.translate("SlotFinder", "&From:"), self.first)
        form.addRow(QCoreApplication.translate("SlotFinder", "&To:"), self.last)
        days = QHBoxLayout()
        self.weekdays: list[QCheckBox] = []
        for n in range(7):
            box = QCheckBox(weekday_name(date(2027, 3, 1 + n), short=True), self)
            box.setChecked(n == first.weekday())
            self.weekdays.append(box)
            days.addWidget(box)
        form.addRow(QCoreApplication.translate("SlotFinder", "Weekdays (first site):"), days)
        self.hours: list[QLineEdit] = []
        for site in sites:
            hours_edit = QLineEdit(site.hours.text(), self)
            self.hours.append(hours_edit)
            form.addRow(
                QCoreApplication.translate("SlotFinder", "Hours at {site}:").format(site=site.name),
                hours_edit,
            )
        self._build_results(form)

    def _build_results(self, form: QFormLayout) -> None:
        self.find_button = QPushButton(QCoreApplication.translate("SlotFinder", "F&ind"), self)
        self.find_button.setObjectName("findSlots")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.results = QStringListModel(self)
        self.list = QListView(self)
        self.list.setObjectName("slotResults")
        self.list.setModel(self.results)
        self.list.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.use_button = buttons.addButton(
            QCoreApplication.translate("SlotFinder", "&Use this start"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.use_button.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.find_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.find_button.clicked.connect(self.search)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.use_selected)
        self.list.selectionModel().selectionChanged.connect(
            lambda *_: self.use_button.setEnabled(self.list.currentIndex().isValid())
        )
        self.candidates: list[tuple[date, int]] = []
        self.resize(620, 560)

    def query(self) -> SlotQuery:
        """The search as the widgets show it; ValidationError for bad hours."""
        hours = {
            site.zone: parse_hours(edit.text(), "hours")
            for site, edit in zip(self.sites, self.hours, strict=True)
        }
        return SlotQuery(
            tuple(s.zone for s in self.sites), self.duration.value(),
            _pydate(self.first.date()), _pydate(self.last.date()),
            frozenset(n for n, box in enumerate(self.weekdays) if box.isChecked()), hours,
        )  # fmt: skip

    def search(self) -> SlotResult | None:
        """Run the finder and list its candidates (every start of every run of dates)."""
        self.candidates = []
        try:
            query = self.query()
            result = find_slots(query)
        except ValidationError as exc:
            self.results.setStringList([])
            self.summary.setText(planner_error_text(exc))
            return None
        lines: list[str] = []
        for segment in result.segments:
            for minute in segment.starts:
                text = _start_text(query, list(segment.dates), minute)
                lines.append(f"{segment.dates[0]} – {segment.dates[-1]}: {text}")
                self.candidates.append((segment.dates[0], minute))
        self.results.setStringList(lines)
        if result.whole_range:
            self.summary.setText(
                QCoreApplication.translate("SlotFinder", "These starts fit every date.")
            )
        elif result.segments:
            self.summary.setText(QCoreApplication.translate(
                "SlotFinder", "No start fits every date. Parts of the best split: {count}; "
                "dates no start fits: {impossible}.",
            ).format(count=len(result.segments), impossible=len(result.impossible)))  # fmt: skip
        else:
            self.summary.setText(
                QCoreApplication.translate("SlotFinder", "No start fits any date of the range.")
            )
        return result

    def use_selected(self) -> None:
        """Hand the selected start to the editor and close."""
        index = self.list.currentIndex()
        if not index.isValid() or not self.sites:
            return
        day, minute = self.candidates[index.row()]
        self.chosen.emit(self.sites[0].zone, day, minute)
        self.accept()
