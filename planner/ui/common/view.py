"""What the shell expects of a main view: reload, hear of changes, keep its layout.

The shell's workspace holds the views through this protocol only, so it needs to know no
feature's classes. A view with a filter field also offers :class:`Filterable`, which the
Find command uses.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import QSettings

from planner.services.changes import Change
from planner.ui.common.status import ViewStatus


@runtime_checkable
class View(Protocol):
    """A main view of the window (one page of the workspace)."""

    def reload(self) -> object:
        """Read the view's data again from the services."""
        ...

    def on_change(self, change: Change) -> None:
        """Bring the view up to date after a committed *change*."""
        ...

    def save_state(self, settings: QSettings) -> None:
        """Remember the view's layout (columns, splitters) in *settings*."""
        ...

    def restore_state(self, settings: QSettings) -> None:
        """Take back the layout :meth:`save_state` remembered in *settings*."""
        ...


@runtime_checkable
class Filterable(Protocol):
    """A view with a filter field the Find command can focus."""

    def focus_filter(self) -> None:
        """Put the keyboard focus in the view's filter field."""
        ...


@runtime_checkable
class Printable(Protocol):
    """A view with a document of its own for File ▸ Print (the reports: the report shown).

    Elsewhere Print takes the itinerary of the visit selected in the visits list.
    """

    def print_view(self, *, preview: bool) -> object:
        """Print the view's document, or show its print preview."""
        ...


@runtime_checkable
class Reporting(Protocol):
    """A view that speaks for itself in the status bar (optional, besides :class:`View`).

    The shell shows the current page's ``status.text()`` and follows ``status.changed``;
    a view without it leaves the status bar empty.
    """

    status: ViewStatus


class ViewDefaults:
    """Trivial :class:`View` methods, for a view that needs no more than these.

    Mix in before the widget class (``class RulesView(ViewDefaults, QWidget)``); a view's own
    method takes precedence over the default one.
    """

    def on_change(self, change: Change) -> None:
        """Nothing to update: the view reads fresh data when it is next reloaded."""

    def save_state(self, settings: QSettings) -> None:
        """Nothing to remember: the view has no layout of its own."""

    def restore_state(self, settings: QSettings) -> None:
        """Nothing to take back (see :meth:`save_state`)."""
