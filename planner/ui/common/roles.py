"""Item-data roles every model of the interface uses, defined once so no two clash.

Combo boxes and list widgets that hold an id keep Qt's own ``UserRole`` (what
``QComboBox.currentData()`` reads); table and tree models use these.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt

_USER = Qt.ItemDataRole.UserRole

#: The raw value a column sorts by (dates as ISO text, numbers as numbers, statuses in
#: life-cycle order); the display role shows the same value written for the reader.
SORT_ROLE = _USER + 1
#: The folded text a row matches a filter against (any column).
SEARCH_ROLE = _USER + 2
#: The database id of the record the row shows (a visit, a person, an item…), any column.
ID_ROLE = _USER + 3
#: The id of the visit a row belongs to when the row is another record (paperwork, dashboard).
VISIT_ID_ROLE = _USER + 4
#: The checks (findings) beside an itinerary item.
FINDINGS_ROLE = _USER + 5
#: A day-shift marker (``+1 day``) beside an itinerary time.
MARKER_ROLE = _USER + 6
#: The record a global search result stands for (a SearchHit).
HIT_ROLE = _USER + 7


def normalise_for_search(text: str) -> str:
    """Fold *text* for matching: full-width letters to ASCII (NFKC), then case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()
