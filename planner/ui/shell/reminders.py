"""Start-up reminder: a desktop notification for paperwork that became overdue since last time.

What was already notified is remembered in the caller's QSettings (UI state only: the item ids
and their due dates, never names), so each overdue item is announced once, and again only if
its due date moves and it becomes overdue anew.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QStyle, QSystemTrayIcon

from planner.domain.paperwork import DueItem
from planner.services.container import Services
from planner.ui.common.formats import plural

SETTINGS_KEY = "Reminders/notifiedOverdue"
#: How long the tray icon stays after showing the message.
TRAY_LINGER_MS = 30_000
MAX_LISTED = 5


def _key(item: DueItem) -> str:
    return f"{item.item_id}@{item.due_date.isoformat()}"


def _stored(settings: QSettings) -> set[str]:
    value = settings.value(SETTINGS_KEY, [])
    if isinstance(value, str):  # QSettings returns a one-element list as a plain string
        return {value} if value else set()
    if isinstance(value, list | tuple):
        return {str(v) for v in value}
    return set()


def reminder_text(items: list[DueItem]) -> tuple[str, str]:
    """Title and body of the notification for *items*."""
    # The counts go in as plain names: lupdate's Python parser skips a translate() call whose
    # count argument is an expression (len(items), item.days, a - b).
    count = len(items)
    title = plural(
        count,
        QCoreApplication.translate("Reminders", "%n paperwork item overdue", None, count),
        QCoreApplication.translate("Reminders", "%n paperwork items overdue", None, count),
    )
    lines = []
    for i in items[:MAX_LISTED]:
        days = i.late_by_days
        line = plural(
            days,
            QCoreApplication.translate(
                "Reminders", "{code} {name}: {title} (late by %n day)", None, days
            ),
            QCoreApplication.translate(
                "Reminders", "{code} {name}: {title} (late by %n days)", None, days
            ),
        )
        lines.append(line.format(code=i.visit_code, name=i.visitor_name, title=i.title))
    if count > MAX_LISTED:
        more = count - MAX_LISTED
        lines.append(QCoreApplication.translate("Reminders", "… and %n more", None, more))
    return title, "\n".join(lines)


def notify_overdue(
    app: QGuiApplication,
    services: Services,
    settings: QSettings,
    *,
    today: date | None = None,
    tray_factory: Callable[[], QSystemTrayIcon] | None = None,
) -> list[DueItem]:
    """Show one notification for items overdue since the last start; returns those items.

    Nothing is shown (and nothing remembered) where there is no system tray, e.g. on the
    offscreen platform: the items are then announced at the next start that has one.
    """
    overdue = services.paperwork.overdue(today)
    seen = _stored(settings)
    fresh = [item for item in overdue if _key(item) not in seen]
    if not fresh or not QSystemTrayIcon.isSystemTrayAvailable():
        return fresh
    tray = tray_factory() if tray_factory is not None else _tray(app)
    title, body = reminder_text(fresh)
    tray.show()
    tray.showMessage(title, body, QSystemTrayIcon.MessageIcon.Warning, 15_000)
    QTimer.singleShot(TRAY_LINGER_MS, tray.hide)
    # Keep only keys still overdue, so the set cannot grow without bound.
    settings.setValue(SETTINGS_KEY, sorted({_key(i) for i in overdue}))
    return fresh


def _tray(app: QGuiApplication) -> QSystemTrayIcon:
    icon = app.windowIcon()
    if icon.isNull() and isinstance(app, QApplication):
        style = app.style()
        icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
    tray = QSystemTrayIcon(icon if not icon.isNull() else QIcon(), app)
    tray.setToolTip(
        QCoreApplication.translate("Reminders", "Exchange Visit Planner: paperwork reminders")
    )
    return tray
