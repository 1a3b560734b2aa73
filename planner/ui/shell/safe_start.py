"""Opening the database for the desktop application: one instance, damaged files, backups."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

from planner.db.errors import CorruptDatabaseError
from planner.db.location import DatabaseTarget
from planner.domain.errors import PlannerError
from planner.services.container import Services
from planner.ui.common.errors import planner_error_text
from planner.ui.shell.backup_dialogs import offer_restore_after_corruption, show_refusal
from planner.ui.shell.instance_lock import InstanceLock


def _open(target: DatabaseTarget, *, interactive: bool) -> Services:
    if target.path is None and interactive:
        from planner.ui.shell.login_dialog import open_with_login

        # A team server: each coordinator signs in as themselves when the server asks.
        return open_with_login(target, lambda t: Services.open(t, create=True))
    try:
        return Services.open(target, create=True)
    except CorruptDatabaseError as exc:
        # Never opened for writing: the user decides, and only a restore changes anything.
        if interactive and offer_restore_after_corruption(exc) is not None:
            return Services.open(target)
        raise


@contextmanager
def open_for_gui(
    target: DatabaseTarget, *, interactive: bool, auto_backup: bool = True
) -> Iterator[Services]:
    """The services for one window: lock held, damage offered a restore, backup taken.

    A file database is locked first (a second window on it is refused, naming the holder),
    so no other instance migrates or backs it up meanwhile. In an *interactive* start the
    refusals are shown in a message box too, since a desktop user may have no terminal.
    """
    lock = InstanceLock(target.path) if target.path is not None else None
    try:
        if lock is not None:
            lock.acquire()
        services = _open(target, interactive=interactive)
    except BaseException as exc:
        if lock is not None:
            lock.release()
        if interactive and isinstance(exc, PlannerError):
            show_refusal(planner_error_text(exc))
        raise
    try:
        if auto_backup:
            services.backups.backup_if_changed()
        warning = services.backups.location_warning()
        if warning:
            print(f"planner: {warning}", file=sys.stderr, flush=True)
        yield services
    finally:
        services.close()
        if lock is not None:
            lock.release()
