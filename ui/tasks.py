"""Running slow work (disk, database, printer) on the thread pool and getting the result back as a signal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

from counter_app.errors import CounterError
from counter_app.messages import render
from ui import i18n

log = logging.getLogger("counter.ui")


class Failure(str):
    """What a failed task tells its caller: the message to show (it is a `str`, as callers display it) and the
    exception itself in `error`, for logging, tests and the crash report."""

    error: BaseException

    def __new__(cls, message: str, error: BaseException) -> Failure:
        failure = super().__new__(cls, message)
        failure.error = error
        return failure


class TaskSignals(QObject):
    done = Signal(object)
    failed = Signal(object)  # a Failure
    progress = Signal(object)


class Task(QRunnable):
    """`work()` on a worker thread; `done(result)` or `failed(message)` arrive on the GUI thread."""

    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = TaskSignals()

    def run(self) -> None:
        try:
            result = self.work()
        except CounterError as error:
            self._answer(self.signals.failed, Failure(error.message(i18n.language()), error))
        except Exception as error:  # a bug: logged with its traceback, shown as one line, never lost in a worker
            log.exception("background task failed")
            message = render("bug.screen", i18n.language(), error=type(error).__name__)
            self._answer(self.signals.failed, Failure(message, error))
        else:
            self._answer(self.signals.done, result)

    @staticmethod
    def _answer(signal: Any, value: object) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the application is shutting down: nobody is left to answer
            log.info("answer dropped at shutdown")


def start(work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None],
          owner: QObject | None = None, pool: QThreadPool | None = None) -> Task:
    """Queue `work` (on `pool`, else the shared one); the caller keeps the returned task until one of its
    signals has fired. The answer is dropped if `owner` (the widget or model that asked) is gone by then."""
    task = _prepared(work, done, failed, owner)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def start_reporting(work: Callable[[Callable[[Any], None]], Any], progress: Callable[[Any], None],
                    done: Callable[[Any], None], failed: Callable[[str], None], owner: QObject | None = None,
                    pool: QThreadPool | None = None) -> Task:
    """Like `start`, but `work` gets a `report(value)` callable; each value reaches `progress` on the GUI thread,
    in order, before `done`."""
    task = _prepared(lambda: None, done, failed, owner)
    task.work = lambda: work(task.signals.progress.emit)  # one signal object: progress arrives before the answer
    task.signals.progress.connect(lambda value: _deliver(owner, progress, value))
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def _prepared(work: Callable[[], Any], done: Callable[[Any], None], failed: Callable[[str], None],
              owner: QObject | None) -> Task:
    task = Task(work)
    task.setAutoDelete(False)
    _alive.add(task)  # kept until answered, even if the caller drops its reference to start another
    task.signals.done.connect(lambda result: _deliver(owner, done, result))
    task.signals.failed.connect(lambda message: _deliver(owner, failed, message))
    task.signals.done.connect(lambda _result: _release(task))
    task.signals.failed.connect(lambda _message: _release(task))
    return task


_alive: set[Task] = set()
RELEASE_DELAY_MS = 1000  # the worker may still be leaving run() when its answer arrives


def _release(task: Task) -> None:
    QTimer.singleShot(RELEASE_DELAY_MS, lambda: _alive.discard(task))


def _deliver(owner: QObject | None, callback: Callable[[Any], None], value: Any) -> None:
    if owner is None or shiboken6.isValid(owner):
        callback(value)
