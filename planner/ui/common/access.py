"""What the signed-in login may do (a team server's role), for the views to adapt to.

The server enforces the roles; the interface only avoids offering what would be refused: no
Save for a viewer, no Reveal for a login that cannot read passports. The main window sets it
once per database (one database per window process); editors read it when they open.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from planner.db.server import FULL_ACCESS, Access

_current: list[Access] = [FULL_ACCESS]


def set_access(access: Access) -> None:
    """Adapt every view opened from now on to *access*."""
    _current[0] = access


def current_access() -> Access:
    """The access of the open database's login (everything, for an SQLite file)."""
    return _current[0]


def role_text(access: Access) -> str:
    """The status bar's words for *access*; empty when nothing is restricted."""
    if not access.write:
        return QCoreApplication.translate(
            "Access", "Read only: your login ({role}) can look but not change anything"
        ).format(role=access.role)
    if not access.read_sensitive:
        return QCoreApplication.translate(
            "Access", "Signed in as {role}: passports and dates of birth are not shown"
        ).format(role=access.role)
    return ""


def read_only_tip() -> str:
    """Why Save is disabled for a viewer."""
    return QCoreApplication.translate(
        "Access", "Your login can read but not change records (ask an administrator)"
    )
