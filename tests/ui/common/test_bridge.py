"""The bridge from the services' change bus to a Qt signal."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread
from pytestqt.qtbot import QtBot

from planner.domain.enums import AuditAction
from planner.services.changes import Change, ChangeBus
from planner.ui.common.bridge import ChangeBridge


def test_relays_changes_as_a_signal(qtbot: QtBot) -> None:
    bus = ChangeBus()
    bridge = ChangeBridge(bus)
    change = Change("visit", (7,), AuditAction.CREATE)
    with qtbot.waitSignal(bridge.changed) as blocker:
        bus.publish(change)
    assert blocker.args == [change]


def test_changes_from_a_worker_thread_arrive_on_the_gui_thread(qtbot: QtBot) -> None:
    bus = ChangeBus()
    holder = QObject()
    bridge = ChangeBridge(bus, holder)
    threads: list[QThread] = []
    bridge.changed.connect(lambda _change: threads.append(QThread.currentThread()))
    worker = threading.Thread(target=bus.publish, args=(Change("visit", (1,), AuditAction.UPDATE),))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(threads) == 1)
    assert threads == [holder.thread()]


def test_close_stops_listening(qtbot: QtBot) -> None:
    bus = ChangeBus()
    bridge = ChangeBridge(bus)
    received: list[Change] = []
    bridge.changed.connect(received.append)
    bridge.close()
    bridge.close()  # twice is fine
    assert not bridge.is_connected
    bus.publish(Change("visit", (1,), AuditAction.DELETE))
    assert received == []
