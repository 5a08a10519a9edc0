"""The GUI's error boundary: bugs from any thread open the crash dialog (Vietnamese, report to copy), Qt's
messages and clerk-facing refusals reach the log, and a failed task hands over its exception."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, qInstallMessageHandler, qWarning
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from counter_app import logs
from counter_app.cccd import validate_id_number
from counter_app.errors import ValidationError
from ui import crash, tasks

CCCD = "001090123456"


@pytest.fixture
def bridge(tmp_path: Path, restore_logging: None) -> Iterator[crash.CrashBridge]:
    hooks = sys.excepthook, threading.excepthook
    previous_qt = qInstallMessageHandler(None)
    qInstallMessageHandler(previous_qt)
    installed = crash.install(tmp_path, lambda: None)
    yield installed
    sys.excepthook, threading.excepthook = hooks
    qInstallMessageHandler(previous_qt)


def _raise_uncaught() -> None:
    try:
        raise KeyError(f"no dossier for {CCCD}")
    except KeyError:
        sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]


def test_a_bug_opens_the_crash_dialog_in_vietnamese_with_a_report_to_copy(
        qtbot: QtBot, bridge: crash.CrashBridge, tmp_path: Path) -> None:
    _raise_uncaught()
    qtbot.waitUntil(lambda: bridge.dialog is not None and bridge.dialog.isVisible())
    dialog = bridge.dialog
    assert dialog is not None
    qtbot.add_widget(dialog)
    assert dialog.windowTitle() == "Counter: lỗi chương trình"
    assert dialog.copy_button.text() == "Sao chép báo cáo"
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == dialog.report and "KeyError" in copied and "python:" in copied
    assert "uncaught KeyError" in copied  # the log's tail, traceback included
    assert CCCD not in copied and CCCD not in logs.log_path(tmp_path).read_text("utf-8")


def test_a_bug_on_another_thread_reaches_the_dialog(qtbot: QtBot, bridge: crash.CrashBridge) -> None:
    worker = threading.Thread(target=lambda: 1 / 0)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bridge.dialog is not None and bridge.dialog.isVisible())
    assert bridge.dialog is not None and "ZeroDivisionError" in bridge.dialog.report
    qtbot.add_widget(bridge.dialog)


def test_qt_messages_go_to_the_log(bridge: crash.CrashBridge, tmp_path: Path) -> None:
    qWarning("QPainter::begin: Paint device returned engine == 0")
    assert "WARNING qt: QPainter::begin" in logs.log_path(tmp_path).read_text("utf-8")


def test_a_failed_task_carries_its_exception_and_the_refusal_is_logged(
        qtbot: QtBot, bridge: crash.CrashBridge, tmp_path: Path) -> None:
    owner, answers = QObject(), []
    task = tasks.start(lambda: validate_id_number("12345"), answers.append, answers.append, owner)
    qtbot.waitUntil(lambda: bool(answers))
    failure = answers[0]
    assert isinstance(failure, tasks.Failure) and isinstance(failure.error, ValidationError)
    assert failure == failure.error.message("vi") and "12 chữ số" in failure
    assert "shown cccd.format (value)" in logs.log_path(tmp_path).read_text("utf-8")
    del task


def test_a_bug_in_a_task_is_one_translated_line_with_the_traceback_in_the_log(
        qtbot: QtBot, bridge: crash.CrashBridge, tmp_path: Path) -> None:
    answers: list[object] = []

    def broken() -> None:
        raise RuntimeError(f"bad row for {CCCD}")

    task = tasks.start(broken, answers.append, answers.append, QObject())
    qtbot.waitUntil(lambda: bool(answers))
    failure = answers[0]
    assert isinstance(failure, tasks.Failure) and isinstance(failure.error, RuntimeError)
    assert failure.startswith("Lỗi trong chương trình (RuntimeError)") and CCCD not in failure
    logged = logs.log_path(tmp_path).read_text("utf-8")
    assert "Traceback" in logged and "RuntimeError" in logged and CCCD not in logged
    del task
