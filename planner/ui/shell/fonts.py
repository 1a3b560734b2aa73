"""The bundled Japanese font, so kanji never show as empty boxes on machines without one."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from planner.ui.common.resources import resource_path

JAPANESE_FONT_FILE = ("fonts", "ipaexg.ttf")
JAPANESE_FONT_FAMILY = "IPAexGothic"

_loaded_families: list[str] | None = None


def load_japanese_font() -> list[str]:
    """Register the bundled IPAex Gothic font once per process; its family names.

    A missing or unreadable file is not fatal: a warning goes to stderr and the list is empty.
    """
    global _loaded_families
    if _loaded_families is not None:
        return _loaded_families
    path = resource_path(*JAPANESE_FONT_FILE)
    families: list[str] = []
    if not path.is_file():
        print(
            f"warning: bundled Japanese font not found at {path}; "
            "Japanese names may not display correctly",
            file=sys.stderr,
        )
    else:
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            print(
                f"warning: could not load the bundled Japanese font {path}; "
                "Japanese names may not display correctly",
                file=sys.stderr,
            )
        else:
            families = list(QFontDatabase.applicationFontFamilies(font_id))
    _loaded_families = families
    return families


def install_japanese_fallback(app: QApplication) -> bool:
    """Make the bundled font the fallback for glyphs the default font lacks (kanji, kana).

    The default family stays first, so Latin text keeps the platform's look. Returns whether
    the bundled font is available.
    """
    families = load_japanese_font()
    if not families:
        return False
    font = app.font()
    current = list(font.families()) or [font.family()]
    wanted = current + [f for f in families if f not in current]
    if wanted != current:
        font.setFamilies(wanted)
        app.setFont(font)
    # Widgets with a class-specific theme font (menus, tooltips) resolve their family through
    # substitutions; give the default family the same fallback.
    for family in current:
        substitutes = {name.casefold() for name in QFont.substitutes(family)}
        for fallback in families:
            if fallback.casefold() not in substitutes:
                QFont.insertSubstitution(family, fallback)
    return True
