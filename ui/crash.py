"""The GUI's error boundary: uncaught exceptions (any thread) and Qt's own warnings go to the log; a bug opens a
dialog in the clerk's language with a report to copy for support (versions, checks, log tail). The window, and
the work in it, stay open."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from counter_app import logs

log = logging.getLogger("counter.ui.crash")
_QT_LEVELS = {QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
              QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
              QtMsgType.QtFatalMsg: logging.CRITICAL}


class CrashDialog(QDialog):
    """What happened in one sentence, the report in a box, and a button that copies it."""

    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Counter: program error"))
        self.report = report
        layout = QVBoxLayout(self)
        explanation = QLabel(self.tr(
            "An error in the program interrupted the last action. What was saved before it is kept; the screen "
            "stays open. Copy the report below and send it to support."))
        explanation.setWordWrap(True)
        layout.addWidget(explanation)
        self.text = QPlainTextEdit(report)
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(self.tr("Copy the report"))
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(720, 480)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText(self.tr("Copied"))


class CrashBridge(QObject):
    """Carries a bug from whatever thread it happened on to the GUI thread, where the dialog opens."""

    crashed = Signal(str)

    def __init__(self, data_dir: Path, parent_window: Callable[[], QWidget | None]) -> None:
        super().__init__()
        self.data_dir, self.parent_window = data_dir, parent_window
        self.dialog: CrashDialog | None = None
        self.crashed.connect(self._show)

    def excepthook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, trace)
            return
        log.critical("uncaught %s", kind.__name__, exc_info=(kind, error, trace))
        self.crashed.emit("".join(traceback.format_exception_only(kind, error)).strip())

    def thread_hook(self, hook: threading.ExceptHookArgs) -> None:
        self.excepthook(hook.exc_type, hook.exc_value or hook.exc_type(), hook.exc_traceback)

    def _show(self, summary: str) -> None:
        report = report_text(self.data_dir, summary)
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.text.setPlainText(report)
            self.dialog.report = report
            return
        self.dialog = CrashDialog(report, self.parent_window())
        self.dialog.show()


def report_text(data_dir: Path, summary: str) -> str:
    """Versions, the error's type and message (masked like the log) and the log's tail."""
    from counter_app import support  # noqa: PLC0415 (the database layer loads only for a report)

    found = support.SupportReport(support.versions(), str(data_dir), str(logs.log_path(data_dir)),
                                  (support.disk_check(data_dir),))
    return f"{logs.redact(summary)}\n\n{support.render_text(found, logs.tail(data_dir, 80))}"


def install(data_dir: Path, parent_window: Callable[[], QWidget | None]) -> CrashBridge:
    """Log to the data folder; bugs from any thread to the crash dialog; Qt's messages into the log."""
    logs.setup(data_dir)
    bridge = CrashBridge(data_dir, parent_window)
    sys.excepthook = bridge.excepthook
    threading.excepthook = bridge.thread_hook
    qInstallMessageHandler(_qt_message)
    log.info("GUI started")
    return bridge


def _qt_message(kind: QtMsgType, context: Any, message: str) -> None:
    where = f" ({context.file}:{context.line})" if getattr(context, "file", None) else ""
    logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), "%s%s", message, where)
