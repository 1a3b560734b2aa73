"""The row of filters above the visits table: status, direction, host, project and dates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)

from planner.domain.entities import Institution, Project
from planner.domain.enums import VisitStatus
from planner.domain.status import ACTIVE_STATUSES
from planner.domain.visit_criteria import Direction, VisitCriteria
from planner.ui.common.date_field import DateField
from planner.ui.common.labels import status_label
from planner.ui.common.preferences import DateFormat

_ACTIVE = "active"
#: The widest date any offered format writes (the Japanese one, in a two-digit month).
_WIDEST_DATE = "2027年12月28日"
#: Below this width the dates go onto a second line.
_ONE_LINE_WIDTH = 860


def _date_edit(parent: QWidget, name: str, any_text: str) -> DateField:
    # The editors' typed field: any format, never a weekday section; empty means no limit.
    edit = DateField(parent, nullable=True)
    edit.setObjectName(name)
    edit.setPlaceholderText(any_text)
    edit.setClearButtonEnabled(True)
    # As wide as the widest date format plus the clear and calendar buttons: the room left
    # goes to the choices, whose texts ("Both directions") would otherwise be cut.
    widest = max(edit.fontMetrics().horizontalAdvance(t) for t in (_WIDEST_DATE, any_text))
    edit.setMaximumWidth(widest + 4 * edit.fontMetrics().height())
    return edit


class VisitFilterBar(QWidget):
    """Combo boxes and date fields that together make a :class:`VisitCriteria`."""

    criteria_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("visitFilterBar")
        self._home_institution_id: int | None = None

        self.status = QComboBox(self)
        self.status.setObjectName("statusFilter")
        self.status.setAccessibleName(QCoreApplication.translate("VisitFilterBar", "Status"))
        self.status.addItem(QCoreApplication.translate("VisitFilterBar", "Any status"), None)
        self.status.addItem(
            QCoreApplication.translate("VisitFilterBar", "Active (not completed or cancelled)"),
            _ACTIVE,
        )
        for status in VisitStatus:
            self.status.addItem(status_label(status), status.value)

        self.direction = QComboBox(self)
        self.direction.setObjectName("directionFilter")
        self.direction.setAccessibleName(QCoreApplication.translate("VisitFilterBar", "Direction"))

        self.host = QComboBox(self)
        self.host.setObjectName("hostFilter")
        self.host.setAccessibleName(
            QCoreApplication.translate("VisitFilterBar", "Host institution")
        )
        self.project = QComboBox(self)
        self.project.setObjectName("projectFilter")
        self.project.setAccessibleName(QCoreApplication.translate("VisitFilterBar", "Project"))

        self.date_from = _date_edit(
            self, "dateFromFilter", QCoreApplication.translate("VisitFilterBar", "any date")
        )
        self.date_from.setAccessibleName(
            QCoreApplication.translate("VisitFilterBar", "Visits overlapping from")
        )
        self.date_to = _date_edit(
            self, "dateToFilter", QCoreApplication.translate("VisitFilterBar", "any date")
        )
        self.date_to.setAccessibleName(
            QCoreApplication.translate("VisitFilterBar", "Visits overlapping until")
        )
        self.reset_button = QToolButton(self)
        self.reset_button.setObjectName("resetFilters")
        self.reset_button.setText(QCoreApplication.translate("VisitFilterBar", "Reset"))
        self.reset_button.setToolTip(
            QCoreApplication.translate("VisitFilterBar", "Show every visit again")
        )

        self._build_layout()

        self.set_choices([], [], None)
        for combo in (self.status, self.direction, self.host, self.project):
            # Shrinkable, so the filters never force the window wider than the screen.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(3)
            combo.currentIndexChanged.connect(self._emit)
            # A longer choice may no longer fit on one line beside the dates.
            combo.currentIndexChanged.connect(lambda _index: self._relayout())
        for edit in (self.date_from, self.date_to):
            edit.value_changed.connect(self._emit)
            # The clear button (or deleting the text) lifts the limit at once, not on leaving.
            edit.textEdited.connect(
                lambda text, edit=edit: edit.set_value(None) if not text.strip() else None
            )
        self.reset_button.clicked.connect(self.reset)

    def _build_layout(self) -> None:
        """Two groups that wrap onto two lines in a narrow window instead of widening it."""
        choices = QHBoxLayout()
        for combo in (self.status, self.direction, self.host, self.project):
            choices.addWidget(combo, 1)
        dates = self._dates = QHBoxLayout()
        between = QLabel(QCoreApplication.translate("VisitFilterBar", "&Between"), self)
        between.setBuddy(self.date_from)
        dates.addWidget(between)
        dates.addWidget(self.date_from)
        dates.addWidget(QLabel(QCoreApplication.translate("VisitFilterBar", "and"), self))
        dates.addWidget(self.date_to)
        dates.addWidget(self.reset_button)
        dates.addStretch(1)  # on a line of its own the range stays together on the left
        # Start stacked: the minimum width is then the narrower one; wide windows go flat.
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addLayout(choices, 1)
        self._layout.addLayout(dates)
        # Never taller than its rows: the table below takes the height.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Stack the date range under the choices when the bar gets narrow."""
        self._relayout(event.size().width())
        super().resizeEvent(event)

    def _relayout(self, width: int | None = None) -> None:
        wide = (self.width() if width is None else width) >= self._one_line_width()
        self._layout.setDirection(
            QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        )

    def _one_line_width(self) -> int:
        """The width at which the choices, their current texts uncut, fit beside the dates."""
        combos = (self.status, self.direction, self.host, self.project)
        # The combo boxes share the line equally, so the widest text decides.
        widest = max(self._combo_width(combo) for combo in combos)
        spacing = self._layout.spacing() * (len(combos) + 1)
        return max(_ONE_LINE_WIDTH, widest * len(combos) + spacing + self._dates.sizeHint().width())

    @staticmethod
    def _combo_width(combo: QComboBox) -> int:
        """*combo*'s width showing its current text uncut (frame and arrow included)."""
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        text = QSize(combo.fontMetrics().horizontalAdvance(combo.currentText()), 1)
        style = combo.style()
        return style.sizeFromContents(QStyle.ContentsType.CT_ComboBox, option, text, combo).width()

    def set_choices(
        self,
        institutions: list[Institution],
        projects: list[Project],
        home_institution_id: int | None,
    ) -> None:
        """Fill the host, project and direction choices, keeping what was selected."""
        self._home_institution_id = home_institution_id
        home = next((i for i in institutions if i.id == home_institution_id), None)
        self._refill(
            self.direction,
            QCoreApplication.translate("VisitFilterBar", "Both directions"),
            []
            if home is None
            else [
                (
                    QCoreApplication.translate("VisitFilterBar", "Incoming to {home}").format(
                        home=home.label
                    ),
                    Direction.INCOMING.value,
                ),
                (
                    QCoreApplication.translate("VisitFilterBar", "Outgoing from {home}").format(
                        home=home.label
                    ),
                    Direction.OUTGOING.value,
                ),
            ],
        )
        self.direction.setEnabled(home is not None)
        self.direction.setToolTip(
            ""
            if home is not None
            else QCoreApplication.translate(
                "VisitFilterBar", "Choose your home institution in Settings first"
            )
        )
        self._refill(
            self.host,
            QCoreApplication.translate("VisitFilterBar", "Any host"),
            [(i.label, i.id) for i in institutions],
        )
        self._refill(
            self.project,
            QCoreApplication.translate("VisitFilterBar", "Any project"),
            [(p.name, p.id) for p in projects],
        )

    @staticmethod
    def _refill(combo: QComboBox, any_text: str, entries: list[tuple[str, object]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(any_text, None)
        for text, data in entries:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    def criteria(self) -> VisitCriteria:
        """The criteria the controls describe now."""
        status = self.status.currentData()
        if status == _ACTIVE:
            statuses = ACTIVE_STATUSES
        elif status is None:
            statuses = frozenset()
        else:
            statuses = frozenset({VisitStatus(status)})
        direction = self.direction.currentData()
        return VisitCriteria(
            statuses=statuses,
            direction=Direction(direction) if direction else None,
            home_institution_id=self._home_institution_id,
            host_institution_id=self.host.currentData(),
            project_id=self.project.currentData(),
            date_from=self.date_from.value(),
            date_to=self.date_to.value(),
        )

    def set_date_format(self, date_format: DateFormat) -> None:
        """Write the range's dates in the coordinator's chosen format."""
        for edit in (self.date_from, self.date_to):
            edit.set_date_format(date_format)

    def reset(self) -> None:
        """Clear every filter."""
        for combo in (self.status, self.direction, self.host, self.project):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.date_from, self.date_to):
            edit.blockSignals(True)
            edit.set_value(None)
            edit.blockSignals(False)
        self._emit()

    def _emit(self) -> None:
        self.criteria_changed.emit(self.criteria())
