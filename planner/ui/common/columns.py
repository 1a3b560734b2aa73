"""One rule for every table's columns: the name or title stretches, short columns fit.

Short columns (codes, dates, statuses, counts) are as wide as their title or a typical text
(a *sample*), whichever is wider; the name column takes the rest of the width, so at
1024×700 nothing essential hides behind a horizontal scrollbar, and maximised the name gets
the room rather than a status. The widths come from sample texts, not from
``resizeColumnsToContents()``, which reads every cell of up to a thousand rows.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTableView

#: Room for a cell's margins and the header's sort arrow beside the text.
_PADDING = 28

#: Typical texts of the common kinds of short column (English; wide enough for Japanese).
DATE_SAMPLE = "2027-12-31"
CODE_SAMPLE = "V-2027-0000"
STATUS_SAMPLE = "In progress"
#: The widest a short column grows to fit a measured text (longer texts are elided).
CONTENT_CAP = 180


class ColumnRules:
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
        samples: Mapping[int, str],
        *,
        measure_rows: int = 0,
        cap: int = CONTENT_CAP,
    ) -> None:
        self.table = table
        self.stretch = frozenset([stretch] if isinstance(stretch, int) else stretch)
        self.samples = dict(samples)
        #: Short lists (a register of agreements) also fit their first rows' texts, up to
        #: *cap* pixels; long ones rely on the samples alone.
        self.measure_rows = measure_rows
        self.cap = cap

    def width_of(self, column: int) -> int:
        """The width a short *column* gets: its title or its sample, plus margins."""
        model = self.table.model()
        title = model.headerData(column, Qt.Orientation.Horizontal) if model else ""
        header = self.table.horizontalHeader()
        title_width = header.fontMetrics().horizontalAdvance(str(title or ""))
        metrics = self.table.fontMetrics()
        width = max(title_width, metrics.horizontalAdvance(self.samples.get(column, "")))
        if model is not None:
            for row in range(min(model.rowCount(), self.measure_rows)):
                text = str(model.index(row, column).data() or "")
                width = max(width, min(metrics.horizontalAdvance(text), self.cap))
        return width + _PADDING

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
    samples: Mapping[int, str] | None = None,
    *,
    measure_rows: int = 0,
) -> ColumnRules:
    """Apply :class:`ColumnRules` to *table* now; returns them (to apply again later)."""
    rules = ColumnRules(table, stretch, samples or {}, measure_rows=measure_rows)
    rules.apply()
    return rules
