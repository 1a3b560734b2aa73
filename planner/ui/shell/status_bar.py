"""The status bar's left-hand text: what the current view says about itself."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from planner.ui.common.status import ViewStatus
from planner.ui.common.view import Reporting
from planner.ui.shell.workspace import Workspace


class ViewStatusLabel(QLabel):
    """Shows the status of the workspace's current page ("Showing 3 of 40 people").

    Follows the page shown and that page's :class:`ViewStatus`; a view that reports nothing
    leaves the label empty (rather than another view's stale count).
    """

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countLabel")
        self._workspace = workspace
        self._followed: ViewStatus | None = None
        workspace.page_changed.connect(self.follow_current)
        self.follow_current()

    def follow_current(self, *_args: object) -> None:
        """Show the current page's status and follow its changes."""
        if self._followed is not None:
            self._followed.changed.disconnect(self.setText)
            self._followed = None
        page = self._workspace.current_page()
        view = page.view if page is not None else None
        if isinstance(view, Reporting):
            self._followed = view.status
            self._followed.changed.connect(self.setText)
            self.setText(view.status.text())
        else:
            self.setText("")
