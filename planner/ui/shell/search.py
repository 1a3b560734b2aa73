"""Global search (Ctrl+K): one field, results grouped by kind, Enter opens the record.

The query runs in :class:`~planner.services.search.SearchService` on a pool thread; each
keystroke supersedes the query before it (:class:`LatestOnly`), so a slow database never
shows results for text no longer in the field. Up and Down move through the results from the
field itself; Enter (or a double-click) opens the record through the *open_hit* callback the
window gives, and closes the popup.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner.domain.i18n import QT_TRANSLATE_NOOP
from planner.services.container import Services
from planner.services.search import HitKind, SearchHit, SearchResults
from planner.ui.common.errors import error_message
from planner.ui.common.formats import is_japanese
from planner.ui.common.operations import LatestOnly, Operation
from planner.ui.common.roles import HIT_ROLE

#: Group headings, in :class:`HitKind` order (context "GlobalSearch").
KIND_TITLES: dict[HitKind, str] = {
    HitKind.VISIT: QT_TRANSLATE_NOOP("GlobalSearch", "Visits"),
    HitKind.PERSON: QT_TRANSLATE_NOOP("GlobalSearch", "People"),
    HitKind.EVENT: QT_TRANSLATE_NOOP("GlobalSearch", "Events"),
    HitKind.INSTITUTION: QT_TRANSLATE_NOOP("GlobalSearch", "Institutions"),
    HitKind.PAPERWORK: QT_TRANSLATE_NOOP("GlobalSearch", "Paperwork"),
}


class SearchDialog(QDialog):
    """The global search popup; ``results_shown(results)`` after each answer is listed."""

    results_shown = Signal(object)

    def __init__(
        self,
        services: Services,
        open_hit: Callable[[SearchHit], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("globalSearch")
        self.setWindowTitle(QCoreApplication.translate("GlobalSearch", "Search"))
        self._services = services
        self._open_hit = open_hit
        self._latest = LatestOnly()
        self.field = QLineEdit(self)
        self.field.setObjectName("globalSearchField")
        self.field.setAccessibleName(
            QCoreApplication.translate("GlobalSearch", "Search everything")
        )
        self.field.setPlaceholderText(
            QCoreApplication.translate(
                "GlobalSearch",
                "Visit code, name in either script, e-mail, event, institution or document",
            )
        )
        self.field.setClearButtonEnabled(True)
        self.results = QListWidget(self)
        self.results.setObjectName("globalSearchResults")
        self.results.setAccessibleName(QCoreApplication.translate("GlobalSearch", "Search results"))
        self.results.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys stay in the field
        self.message = QLabel(self)
        self.message.setObjectName("globalSearchMessage")
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.message)
        self.resize(560, 420)
        self.field.textChanged.connect(self.search)
        self.field.installEventFilter(self)
        self.results.itemActivated.connect(self._activate)
        self.results.itemDoubleClicked.connect(self._activate)

    # -- searching -----------------------------------------------------------------------------

    def search(self, text: str) -> None:
        """Look for *text* off the GUI thread; a later call supersedes this one."""
        search = self._services.search.search
        japanese = is_japanese()  # read here: the worker thread must not ask Qt
        operation = Operation(
            self, lambda _report: search(text, japanese=japanese), self.show_results
        )
        operation.failure(lambda exc: self.message.setText(error_message(exc)))
        self._latest.run_in_background(operation)

    def show_results(self, results: SearchResults) -> None:
        """List *results* under a heading per kind and select the first hit."""
        self.results.clear()
        bold = QFont(self.results.font())
        bold.setBold(True)
        for kind in HitKind:
            hits = results.hits.get(kind, [])
            if not hits:
                continue
            heading = QListWidgetItem(QCoreApplication.translate("GlobalSearch", KIND_TITLES[kind]))
            heading.setFont(bold)
            heading.setFlags(Qt.ItemFlag.NoItemFlags)  # a heading is not a result
            heading.setForeground(self.palette().windowText())  # yet not greyed out
            self.results.addItem(heading)
            for hit in hits:
                text = f"    {hit.title}" + (f" — {hit.detail}" if hit.detail else "")
                item = QListWidgetItem(text)
                item.setData(HIT_ROLE, hit)
                item.setToolTip(hit.title)
                self.results.addItem(item)
            if kind in results.more:
                more = QListWidgetItem(
                    QCoreApplication.translate("GlobalSearch", "    … more: type more of the name")
                )
                more.setFlags(Qt.ItemFlag.NoItemFlags)
                self.results.addItem(more)
        self._set_message(results)
        self._move(1, from_row=-1)
        self.results_shown.emit(results)

    def _set_message(self, results: SearchResults) -> None:
        if not results.query.strip():
            self.message.setText("")
        elif results.count == 0:
            self.message.setText(QCoreApplication.translate("GlobalSearch", "Nothing found"))
        else:
            self.message.setText(
                QCoreApplication.translate(
                    "GlobalSearch", "Enter opens the record; Up and Down choose"
                )
            )

    # -- keyboard ------------------------------------------------------------------------------

    def current_hit(self) -> SearchHit | None:
        """The hit selected, if any."""
        item = self.results.currentItem()
        hit = item.data(HIT_ROLE) if item is not None else None
        return hit if isinstance(hit, SearchHit) else None

    def _move(self, step: int, from_row: int | None = None) -> None:
        """Select the next hit *step* rows on (skipping headings); stay put at either end."""
        row = self.results.currentRow() if from_row is None else from_row
        row += step
        while 0 <= row < self.results.count():
            item = self.results.item(row)
            if item.flags() & Qt.ItemFlag.ItemIsEnabled:
                self.results.setCurrentRow(row)
                return
            row += step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Up, Down, Page keys and Enter in the field act on the results."""
        if watched is self.field and isinstance(event, QKeyEvent):
            if event.type() != QEvent.Type.KeyPress:
                return False
            steps = {
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_PageDown: 5,
                Qt.Key.Key_PageUp: -5,
            }
            if event.key() in steps:
                self._move(steps[Qt.Key(event.key())])
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.open_current()
                return True
        return super().eventFilter(watched, event)

    def open_current(self) -> bool:
        """Open the selected hit and close the popup; False if nothing is selected."""
        hit = self.current_hit()
        if hit is None:
            return False
        self.accept()
        self._open_hit(hit)
        return True

    def _activate(self, item: QListWidgetItem) -> None:
        self.results.setCurrentItem(item)
        self.open_current()

    def start(self, text: str = "") -> None:
        """Show the popup with the field focused (and *text* in it, selected)."""
        self.field.setText(text)
        self.field.selectAll()
        self.show()
        self.raise_()
        self.activateWindow()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
