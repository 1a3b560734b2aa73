"""The timeline's month band never clips a label mid-word ("Nov 202")."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QFont, QFontMetricsF

from planner.ui.timeline.timeline_canvas import month_label

NOVEMBER = date(2026, 11, 1)


@pytest.mark.usefixtures("qapp")
def test_label_fits_its_room_or_is_left_out() -> None:
    font = QFont()
    font.setBold(True)
    metrics = QFontMetricsF(font)
    short_width = metrics.horizontalAdvance("Nov 2026")
    seen = set()
    for room in range(0, 200):
        text = month_label(NOVEMBER, float(room), metrics)
        seen.add(text)
        assert metrics.horizontalAdvance(text) <= room, (room, text)
        assert text in ("November 2026", "Nov 2026", "Nov", "")
    assert seen == {"November 2026", "Nov 2026", "Nov", ""}
    # Just too narrow for "Nov 2026": the month alone, never a cut-off year.
    assert month_label(NOVEMBER, short_width - 1, metrics) == "Nov"
