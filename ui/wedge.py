"""Telling a keyboard-wedge scanner from a person: fast keystrokes ending in Enter, from any widget."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QTextEdit

MIN_LENGTH = 6
MAX_GAP_SECONDS = 0.035
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ScannerFilter(QObject):
    """Application-wide: a burst of ≥6 characters, each ≤35 ms after the last, then Enter, is a scan.

    The characters still reach the focused field as they arrive; when the burst turns out to be a scan,
    that field gets back the text it had before the burst and the Enter is swallowed, so a scan never
    half-fills whatever field had focus."""

    scanned = Signal(str)

    def __init__(self, clock: Callable[[], float] = time.monotonic, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self._buffer: list[str] = []
        self._last = 0.0
        self._target: QObject | None = None
        self._saved_text: str | None = None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or watched is not QApplication.focusWidget():
            return False
        key_event: QKeyEvent = event  # type: ignore[assignment]
        now = self.clock()
        if now - self._last > MAX_GAP_SECONDS or watched is not self._target:
            self._start(watched)
        self._last = now
        if key_event.key() in _ENTER:
            return self._finish()
        text = key_event.text()
        if text and text.isprintable():
            self._buffer.append(text)
        return False

    def _start(self, widget: QObject) -> None:
        self._buffer, self._target = [], widget
        self._saved_text = _text_of(widget)

    def _finish(self) -> bool:
        payload = "".join(self._buffer)
        target, saved = self._target, self._saved_text
        self._buffer = []
        if len(payload) < MIN_LENGTH:
            return False
        if target is not None and saved is not None:
            _set_text(target, saved)
        self.scanned.emit(payload)
        return True


def _text_of(widget: QObject) -> str | None:
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QPlainTextEdit | QTextEdit):
        return widget.toPlainText()
    return None


def _set_text(widget: QObject, text: str) -> None:
    if isinstance(widget, QLineEdit):
        widget.setText(text)
    elif isinstance(widget, QPlainTextEdit | QTextEdit):
        widget.setPlainText(text)
