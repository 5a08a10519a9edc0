"""The daily backup while the app runs: a look a minute after log-in and every 30 minutes; when the daily rule
says so and the folder is there, a backup on its own worker. Failures are kept for the home screen, never a
dialog (a background job must not interrupt a clerk)."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, QTimer, Signal

from counter_app.backup.status import BackupStatus, status
from counter_app.errors import CounterError
from counter_app.storage.database import Database
from ui import tasks

CHECK_EVERY_MS = 30 * 60 * 1000
FIRST_LOOK_MS = 60 * 1000
STOP_WAIT_MS = 3000


class BackupScheduler(QObject):
    """`changed` carries a fresh BackupStatus after each look or run."""

    changed = Signal(object)

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database = database
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.running = False
        self._task: tasks.Task | None = None
        self.timer = QTimer(self, interval=CHECK_EVERY_MS)
        self.timer.timeout.connect(self.tick)

    def start(self) -> None:
        self.timer.start()
        QTimer.singleShot(FIRST_LOOK_MS, self, self.tick)
        self.refresh()

    def tick(self) -> None:
        """A backup when due (the worker decides, so the disk is never read on the GUI thread)."""
        if self.running:
            return
        self.running = True
        database = self.database
        self._task = tasks.start(lambda: backup_if_due(database), self._done, self._failed, owner=self,
                                 pool=self.pool)

    def refresh(self) -> None:
        database = self.database
        self._look = tasks.start(lambda: status(database), self.changed.emit, lambda _text: None, owner=self)

    def _done(self, found: BackupStatus) -> None:
        self.running = False
        self.changed.emit(found)

    def _failed(self, _text: str) -> None:
        self.running = False
        self.refresh()  # the failure was recorded as the backup's last error: the home screen says it

    def stop(self) -> None:
        self.timer.stop()
        self.pool.waitForDone(STOP_WAIT_MS)


def backup_if_due(database: Database) -> BackupStatus:
    """Run the day's backup when due and the folder is reachable; the status afterwards (on a worker)."""
    from counter_app.backup import commands  # noqa: PLC0415 (the cipher loads when a backup runs)

    found = status(database)
    if found.due and found.target_reachable:
        with contextlib.suppress(CounterError):  # recorded as the backup's last error: the home screen says it
            commands.run_and_record(database, Path(found.state.target), found.state.keep)
        found = status(database)
    return found
