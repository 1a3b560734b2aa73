"""One rule for every table's columns: the name or title stretches, short columns fit.

Short columns (codes, dates, statuses, counts) are as wide as their title or a typical text
(a *sample*), whichever is wider; the name column takes the rest of the width, so at
1024×700 nothing essential hides behind a horizontal scrollbar, and maximised the name gets
the room rather than a status. The widths come from sample texts, not from
``resizeColumnsToContents()``, which reads every cell of up to a thousand rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

#: A column's typical widest text, or several (labels in the current language): the widest
#: of them counts.
Sample = str | Sequence[str]

#: Room for the header's margins and sort arrow beside a title.
_TITLE_PADDING = 28
#: Room for a cell's margins beside its text.
_CELL_PADDING = 16

#: Typical texts of the common kinds of short column (English; wide enough for Japanese).
DATE_SAMPLE = "2027-12-31"
CODE_SAMPLE = "V-2027-0000"
STATUS_SAMPLE = "In progress"
#: The widest a short column grows to fit a measured text (longer texts are elided).
CONTENT_CAP = 180
#: The least a name column keeps before optional columns make room for it.
MIN_NAME_WIDTH = 180


class ColumnRules(QObject):
    """Column widths of *table*: *stretch* takes what is left, the others fit their *samples*.

    *stretch* is the name or title column (or several, sharing the rest equally). A column
    without a sample fits its title. Call :meth:`apply` after the model is set, and
    :meth:`restore_modes` after a header's state is restored (a remembered state brings back
    old resize modes).
    """

    def __init__(
        self,
        table: QTableView,
        stretch: int | Sequence[int],
        samples: Mapping[int, Sample],
        *,
        measure_rows: int = 0,
        cap: int = CONTENT_CAP,
        optional: Sequence[int] = (),
    ) -> None:
        super().__init__(table)
        self.table = table
        self.stretch = frozenset([stretch] if isinstance(stretch, int) else stretch)
        self.samples = {c: (s,) if isinstance(s, str) else tuple(s) for c, s in samples.items()}
        #: Short lists (a register of agreements) also fit their first rows' texts, up to
        #: *cap* pixels; long ones rely on the samples alone.
        self.measure_rows = measure_rows
        self.cap = cap
        #: Columns hidden (the last first) while the names would be narrower than
        #: :data:`MIN_NAME_WIDTH`; they come back when the table is wide enough.
        self.optional = tuple(optional)
        if self.optional:
            # The viewport, not the table: it has its new width when its resize arrives.
            self._viewport = table.viewport()
            self._viewport.installEventFilter(self)

    def width_of(self, column: int) -> int:
        """The width a short *column* gets: its title or its sample, plus margins."""
        model = self.table.model()
        title = model.headerData(column, Qt.Orientation.Horizontal) if model else ""
        header = self.table.horizontalHeader()
        title_width = header.fontMetrics().horizontalAdvance(str(title or ""))
        metrics = self.table.fontMetrics()
        samples = self.samples.get(column, ())
        texts = [metrics.horizontalAdvance(t) for t in samples]
        width = max([title_width + _TITLE_PADDING, *(w + _CELL_PADDING for w in texts)])
        if model is not None:
            for row in range(min(model.rowCount(), self.measure_rows)):
                text = str(model.index(row, column).data() or "")
                text_width = min(metrics.horizontalAdvance(text), self.cap)
                width = max(width, text_width + _CELL_PADDING)
        return width

    def apply(self) -> None:
        """Size every short column and let the name column stretch."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        for column in range(header.count()):
            if column in self.stretch:
                continue
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, self.width_of(column))
        self.restore_modes()
        if self.optional:
            self.fit_optional()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """Show or hide the optional columns as the table's width changes."""
        if event.type() == QEvent.Type.Resize and watched is self._viewport:
            self.fit_optional()
        return False

    def fit_optional(self) -> None:
        """Hide optional columns (the last first) until the names keep their least width."""
        header = self.table.horizontalHeader()
        for column in self.optional:
            header.setSectionHidden(column, False)
        room = self.table.viewport().width() - MIN_NAME_WIDTH * len(self.stretch)
        for column in reversed(self.optional):
            if self.short_width() <= room:
                break
            header.setSectionHidden(column, True)

    def restore_modes(self) -> None:
        """Make the name column stretch again (a restored header state may have undone it)."""
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        for column in self.stretch:
            if 0 <= column < header.count():
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)

    def short_width(self) -> int:
        """The width all the short columns take together (the name column gets the rest)."""
        header = self.table.horizontalHeader()
        return sum(
            header.sectionSize(c)
            for c in range(header.count())
            if c not in self.stretch and not header.isSectionHidden(c)
        )


def apply_column_rules(
    table: QTableView,
    stretch: int | Sequence[int],
    samples: Mapping[int, Sample] | None = None,
    *,
    measure_rows: int = 0,
    optional: Sequence[int] = (),
) -> ColumnRules:
    """Apply :class:`ColumnRules` to *table* now; returns them (to apply again later)."""
    rules = ColumnRules(table, stretch, samples or {}, measure_rows=measure_rows, optional=optional)
    rules.apply()
    return rules
