"""The background sync loop while the app runs: a round every few minutes on its own worker thread (a slow
link never holds up the screens' workers), and a snapshot of the outbox for the status bar and sync screen."""

from __future__ import annotations

import datetime as dt
import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QThreadPool, QTimer, Signal

from counter_app.clock import now
from counter_app.services import outbox
from counter_app.storage.database import Database
from counter_app.updates import state as update_state
from counter_app.updates.state import UpdateState
from ui import tasks

if TYPE_CHECKING:
    from sync.client import RoundReport

INTERVAL_KEY, WARN_DAYS_KEY, PATIENCE_KEY = "sync/interval_s", "sync/warn_days", "sync/patience_s"
ROUND_PATIENCE_S = 300.0
STOP_WAIT_MS = 35_000  # at most one request's timeout


@dataclass(frozen=True)
class SyncSnapshot:
    summary: outbox.OutboxSummary
    running: bool
    days_since_sync: int | None  # None: never synced
    warn_days: int
    update: UpdateState = field(default_factory=UpdateState)  # the app's own update, as the last round left it

    @property
    def overdue(self) -> bool:
        pending = self.summary.events or self.summary.blobs
        return bool(pending) and (self.days_since_sync is None or self.days_since_sync >= self.warn_days)


class SyncController(QObject):
    """`run_now()` starts a round unless one is running; `changed` carries a fresh snapshot afterwards."""

    changed = Signal(object)
    round_failed = Signal(str)
    round_done = Signal(object)  # the RoundReport: views refresh when the feed brought something

    def __init__(self, database: Database, settings: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database, self.settings = database, settings
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.stopping = threading.Event()
        self.running = False
        self.last_report: RoundReport | None = None
        self._round: tasks.Task | None = None
        self._snapshot_task: tasks.Task | None = None
        self.latest: SyncSnapshot | None = None
        self.timer = QTimer(self, interval=int(str(settings.value(INTERVAL_KEY, 120))) * 1000)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()
        self.tick()

    def tick(self) -> None:
        """The loop's beat: a round when enrolled and not halted, else just a fresh snapshot."""
        state = self.latest.summary.state if self.latest is not None else None
        if state is not None and state.enrolled and not state.halted:
            self.run_now()
        else:
            self.refresh()

    def run_now(self) -> None:
        if self.running:
            return
        self.running = True
        self.refresh()
        from sync.client import run_round  # noqa: PLC0415 (HTTP loads with the first round, not at log-in)

        database = self.database
        stop, patience = self.stopping, float(str(self.settings.value(PATIENCE_KEY, ROUND_PATIENCE_S)))
        self._round = tasks.start(lambda: run_round(database, patience=patience, wait_max=patience / 10, stop=stop),
                                  self._finished, self._failed, owner=self, pool=self.pool)

    def refresh(self) -> None:
        database, running = self.database, self.running
        warn = int(str(self.settings.value(WARN_DAYS_KEY, 3)))
        self._snapshot_task = tasks.start(lambda: _snapshot(database, running, warn), self._publish,
                                          self.round_failed.emit, owner=self)

    def _finished(self, report: RoundReport) -> None:
        self.running, self.last_report = False, report
        self.round_done.emit(report)
        self.refresh()

    def _failed(self, message: str) -> None:
        self.running = False
        self.round_failed.emit(message)
        self.refresh()

    def _publish(self, snapshot: SyncSnapshot) -> None:
        first = self.latest is None
        self.latest = snapshot
        self.changed.emit(snapshot)
        if first and snapshot.summary.state.enrolled and not snapshot.summary.state.halted:
            self.run_now()  # at start-up: do not wait a whole interval

    def stop(self) -> None:
        """At exit: no new round, and the running one stops at its next request (done steps are kept)."""
        self.timer.stop()
        self.stopping.set()
        self.pool.waitForDone(STOP_WAIT_MS)


def _snapshot(database: Database, running: bool, warn_days: int) -> SyncSnapshot:
    summary = outbox.summary(database)
    last = summary.state.last_success
    days = (now() - dt.datetime.fromisoformat(last)).days if last else None
    return SyncSnapshot(summary, running, days, warn_days, update_state.current(database))
