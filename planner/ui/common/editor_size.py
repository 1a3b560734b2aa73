"""Editor windows: a size where every tab fits, remembered per kind of editor; capped fields.

The main window hands its settings to :func:`use_settings` (UI state only, like the
columns); every record editor then opens at the size it last had (bounded by the screen),
or at its default size the first time. Single-line fields stop growing at
:data:`FIELD_MAX_WIDTH`: a name or a date stretched to 1,400 px on a maximised editor
reads worse, not better.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSettings, QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractScrollArea, QFormLayout, QWidget

#: The widest a single-line form field grows (pixels at the default font).
FIELD_MAX_WIDTH = 520
#: The default size of an editor that does not say otherwise (its size hint if larger).
DEFAULT_EDITOR_SIZE = QSize(640, 480)

_settings: QSettings | None = None


def use_settings(settings: QSettings | None) -> None:
    """Remember editor sizes in *settings* from now on (None: remember nothing)."""
    global _settings
    _settings = settings


def _key(widget: QWidget) -> str:
    return f"Editors/{type(widget).__name__}/size"


def remembered_size(widget: QWidget) -> QSize | None:
    """The size *widget*'s kind of editor last had, if remembered."""
    if _settings is None:
        return None
    value = _settings.value(_key(widget))
    return value if isinstance(value, QSize) and value.isValid() else None


def cap_form_fields(widget: QWidget, limit: int = FIELD_MAX_WIDTH) -> None:
    """Stop *widget*'s single-line form fields (not text areas or tables) at *limit* pixels."""
    for form in widget.findChildren(QFormLayout):
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            field = item.widget() if item is not None else None
            if field is None or isinstance(field, QAbstractScrollArea):
                continue
            # A row holding a text area or table may grow; a combo's list is a popup window
            # of its own, not part of the row.
            areas = field.findChildren(QAbstractScrollArea)
            if not any(area.window() is field.window() for area in areas):
                field.setMaximumWidth(min(field.maximumWidth(), limit))


class EditorSize(QObject):
    """Watches an editor: sizes it on its first show, remembers its size when it hides."""

    def __init__(self, editor: QWidget, default: QSize) -> None:
        # The editor is this object's parent, not an attribute: a Python reference back to
        # it would keep its wrapper alive (a cycle) after Qt deleted the window.
        super().__init__(editor)
        self.default = QSize(default)
        self._shown = False
        editor.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """First show: cap fields and size; hide: remember the size."""
        if isinstance(watched, QWidget) and watched is self.parent():
            if event.type() == QEvent.Type.Show and not self._shown:
                self._shown = True
                self._first_show(watched)
            elif event.type() == QEvent.Type.Hide and self._shown and _settings is not None:
                _settings.setValue(_key(watched), watched.size())
        return False

    def _first_show(self, editor: QWidget) -> None:
        cap_form_fields(editor)
        size = remembered_size(editor) or self.default.expandedTo(editor.sizeHint())
        screen = editor.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            size = size.boundedTo(screen.availableGeometry().size())
        editor.resize(size.expandedTo(editor.minimumSizeHint()))


def remember_size(editor: QWidget, default: QSize = DEFAULT_EDITOR_SIZE) -> EditorSize:
    """Open *editor* at its remembered size (else *default*) and remember it when it closes."""
    return EditorSize(editor, default)
