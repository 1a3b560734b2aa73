"""The interface language: our catalogue and Qt's own, and the locale dates are written in.

Installed once, before any window exists (texts are read when widgets are built). English
needs no catalogue: it is the language of the source.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from planner.ui.common.formats import set_language
from planner.ui.common.resources import resource_path

#: Languages the interface is available in.
LANGUAGES = ("en", "ja")

_LOCALES = {"en": "en_US", "ja": "ja_JP"}


def install_language(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Make *lang* the interface language; returns the translators installed.

    Qt's catalogue (``qtbase_ja``, shipped with PySide6) translates Qt's own dialogs and
    buttons (OK, Cancel, the file dialog). A missing catalogue of ours is an installation
    error and raises :class:`FileNotFoundError` with its path.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    QLocale.setDefault(QLocale(_LOCALES[lang]))
    set_language(lang)
    if lang == "en":
        return []
    ours = QTranslator(app)
    folder = resource_path("translations")
    if not ours.load(f"planner_{lang}", str(folder)):
        raise FileNotFoundError(f"translation catalogue missing: {folder / f'planner_{lang}.qm'}")
    installed = [ours]
    qt = QTranslator(app)
    if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        installed.append(qt)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def remove_language(app: QCoreApplication, translators: list[QTranslator]) -> None:
    """Undo :func:`install_language` (tests switch languages within one process)."""
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale(_LOCALES["en"]))
    set_language(None)
